import { Button, Switch, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { ROLE_LABELS } from '@contract/account/model';
import { devSession } from '../../api/dev-session';
import { AsyncView } from '../../components/async-view';
import { DevSignIn } from '../../components/dev/dev-sign-in';
import { PageShell } from '../../components/page-shell';
import { useCall } from '../../hooks/use-call';
import { useLargeText } from '../../hooks/use-large-text';
import { setLargeText } from '../../prefs/large-text';
import { openPage, PAGES } from '../../routes';

export default function MePage() {
  const { state, reload } = useCall('account', 'me', {});
  const large = useLargeText();
  useDidShow(() => void reload());

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(me) =>
          me.signedIn ? (
            <View className='card' data-testid='me'>
              <Text className='title' style={{ display: 'block' }}>
                {me.nickname ?? '微信用户'}
              </Text>
              <Text className='tag tag--ok'>{ROLE_LABELS[me.role]}</Text>
              <Text className='muted' style={{ display: 'block' }}>
                账号 {me.maskedOpenid}
              </Text>
              {process.env.TARO_ENV === 'h5' && (
                <Button
                  className='button button--plain'
                  onClick={() => {
                    devSession.clear();
                    void reload();
                  }}
                >
                  退出测试登录
                </Button>
              )}
            </View>
          ) : process.env.TARO_ENV === 'h5' ? (
            <DevSignIn onSignedIn={() => void reload()} />
          ) : (
            <View className='card'>
              <Text>请在微信里打开小程序。</Text>
            </View>
          )
        }
      </AsyncView>
      {state.status === 'ready' && state.data.signedIn && (
        <Button className='button button--plain' onClick={() => openPage(PAGES.eventsMine)}>
          我的报名和入场码
        </Button>
      )}
      {state.status === 'ready' && state.data.signedIn && (
        <Button className='button button--plain' onClick={() => openPage(PAGES.myBookings)}>
          我的预约
        </Button>
      )}
      {state.status === 'ready' && state.data.signedIn && (
        <View className='rt-row' style={{ display: 'flex', gap: '16px' }}>
          <Button className='button button--plain' style={{ flex: 1 }} onClick={() => openPage(PAGES.rightsCases)}>
            我的咨询
          </Button>
          <Button className='button button--plain' style={{ flex: 1 }} onClick={() => openPage(PAGES.rightsFavourites)}>
            我的收藏
          </Button>
        </View>
      )}
      {state.status === 'ready' && state.data.signedIn && state.data.role !== 'worker' && (
        <Button className='button' data-testid='staff-entry' onClick={() => openPage(PAGES.staffHome)}>
          工作台
        </Button>
      )}
      {state.status === 'ready' && state.data.signedIn && (
        <View className='rt-row' style={{ display: 'flex', gap: '16px' }}>
          <Button className='button button--plain' style={{ flex: 1 }} onClick={() => openPage(PAGES.myData)}>
            我的数据
          </Button>
          {state.data.role === 'worker' && (
            <Button className='button button--plain' style={{ flex: 1 }} onClick={() => openPage(PAGES.staffCode)}>
              我是工会工作人员
            </Button>
          )}
        </View>
      )}
      <View className='card' style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <View>
          <Text style={{ display: 'block' }}>长辈模式</Text>
          <Text className='muted'>字更大，按钮更大</Text>
        </View>
        <Switch checked={large} onChange={(e) => setLargeText(e.detail.value)} color='#b4151c' aria-label='长辈模式' />
      </View>
    </PageShell>
  );
}
