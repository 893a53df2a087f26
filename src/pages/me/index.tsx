import { Switch, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { ROLE_LABELS } from '@contract/account/model';
import { devSession } from '../../api/dev-session';
import { AsyncView } from '../../components/async-view';
import { DevSignIn } from '../../components/dev/dev-sign-in';
import { PageShell } from '../../components/page-shell';
import { useCall } from '../../hooks/use-call';
import { useLargeText } from '../../hooks/use-large-text';
import { setLargeText } from '../../prefs/large-text';
import './me.scss';
import { openPage, PAGES, type PagePath } from '../../routes';
import { AppButton } from '../../components/button';

/** What a signed-in worker can open from 我的, in the order they need it. */
const MY_PAGES: { label: string; page: PagePath; workersOnly?: boolean }[] = [
  { label: '我的报名和入场码', page: PAGES.eventsMine },
  { label: '我的预约', page: PAGES.myBookings },
  { label: '我的咨询', page: PAGES.rightsCases },
  { label: '我的收藏', page: PAGES.rightsFavourites },
  { label: '我的数据', page: PAGES.myData },
  { label: '我是工会工作人员', page: PAGES.staffCode, workersOnly: true },
];

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
                <AppButton
                  kind='secondary'
                  onClick={() => {
                    devSession.clear();
                    void reload();
                  }}
                >
                  退出测试登录
                </AppButton>
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
      {state.status === 'ready' && state.data.signedIn && state.data.role !== 'worker' && (
        <AppButton data-testid='staff-entry' onClick={() => openPage(PAGES.staffHome)}>
          工作台
        </AppButton>
      )}
      {state.status === 'ready' && state.data.signedIn && (
        <View className='card menu'>
          {MY_PAGES.filter((entry) => !entry.workersOnly || state.data.role === 'worker').map((entry) => (
            <View key={entry.page} className='menu__row' hoverClass='menu__row--pressed' onClick={() => openPage(entry.page)} aria-role='button'>
              <Text>{entry.label}</Text>
              <Text className='menu__chevron'>›</Text>
            </View>
          ))}
        </View>
      )}
      <View className='card me-switch-row' data-testid='large-text-row'>
        {/* The words toggle it too: a small switch alone is a hard target for the people who need it. */}
        <View className='me-switch-row__label' onClick={() => setLargeText(!large)}>
          <Text style={{ display: 'block' }}>长辈模式</Text>
          <Text className='muted'>字更大，按钮更大</Text>
        </View>
        <Switch className='me-switch' checked={large} onChange={(e) => setLargeText(e.detail.value)} color='#b4151c' aria-label='长辈模式' />
      </View>
    </PageShell>
  );
}
