import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CENTRE_SERVICE_LABELS, type Centre } from '@contract/centres/model';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openTab, TABS } from '../../../../routes';

function navigate(centre: Centre): void {
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({ ...centre.location, name: centre.name, address: centre.address, scale: 16 });
    return;
  }
  // The browser has no WeChat map: give the worker the address to paste into a map app.
  void Taro.setClipboardData({ data: centre.address });
}

export default function CentreDetailPage() {
  const id = useRouter().params.id ?? '';
  const { state, reload } = useCall('centres', 'get', { id });

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(centre) => (
          <View>
            <View className='card'>
              <Text className='title' style={{ display: 'block' }}>
                {centre.name}
              </Text>
              <Text className={centre.openNow ? 'tag tag--ok' : 'tag'}>{centre.openNow ? '现在开放' : '现在休息'}</Text>
              <Text style={{ display: 'block' }}>{centre.intro}</Text>
            </View>
            <View className='card'>
              <Text className='muted' style={{ display: 'block' }}>
                地址
              </Text>
              <Text style={{ display: 'block' }}>{centre.address}</Text>
              <Button className='button' onClick={() => navigate(centre)}>
                {process.env.TARO_ENV === 'weapp' ? '导航去这里' : '复制地址'}
              </Button>
              <Text className='muted' style={{ display: 'block' }}>
                电话
              </Text>
              <Text style={{ display: 'block' }}>{centre.phone}</Text>
              <Button className='button button--plain' onClick={() => void Taro.makePhoneCall({ phoneNumber: centre.phone })}>
                打电话
              </Button>
              <Text className='muted' style={{ display: 'block' }}>
                开放时间
              </Text>
              <Text style={{ display: 'block' }}>{centre.hoursText}</Text>
            </View>
            <View className='card'>
              <Text className='title' style={{ display: 'block' }}>
                可以办的事
              </Text>
              {centre.services.map((s) => (
                <Text key={s} className='tag'>
                  {CENTRE_SERVICE_LABELS[s]}
                </Text>
              ))}
            </View>
            {centre.programmes.length > 0 && (
              <View className='card'>
                <Text className='title' style={{ display: 'block' }}>
                  社区项目
                </Text>
                {centre.programmes.map((p) => (
                  <View key={p.name} style={{ marginBottom: '16px' }}>
                    <Text style={{ display: 'block', fontWeight: 600 }}>
                      {p.community} · {p.name}
                    </Text>
                    <Text className='muted'>{p.description}</Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        )}
      </AsyncView>
      {state.status === 'error' && (
        <Button className='button button--plain' onClick={() => openTab(TABS.home)}>
          回首页
        </Button>
      )}
    </PageShell>
  );
}
