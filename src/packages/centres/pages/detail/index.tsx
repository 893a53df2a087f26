import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { CENTRE_SERVICE_LABELS, type Centre } from '@contract/centres/model';
import { dayText } from '@contract/time';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES, TABS } from '../../../../routes';
import '../../../../components/centres/bookings.scss';
import { AppButton } from '../../../../components/button';

function navigate(centre: Centre): void {
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({ ...centre.location, name: centre.name, address: centre.address, scale: 16 });
    return;
  }
  // The browser has no WeChat map: give the worker the address to paste into a map app.
  void Taro.setClipboardData({ data: centre.address });
}

/** The coming 便民日 at this centre, if any. */
function FairsCard({ centreName }: { centreName: string }) {
  const { state } = useCall('centres', 'fairs', {});
  if (state.status !== 'ready') return null;
  const fairs = state.data.filter((f) => f.centreName === centreName);
  if (fairs.length === 0) return null;
  return (
    <View className='card'>
      <Text className='title' style={{ display: 'block' }}>
        便民日
      </Text>
      {fairs.map((f) => (
        <View key={f.id} className='service-button' onClick={() => openPage(PAGES.fair, { id: f.id })} aria-role='button'>
          <View>
            <Text className='service-button__label' style={{ display: 'block' }}>
              {f.when === 'today' ? '今天' : dayText(f.date)} {f.title}
            </Text>
            <Text className='muted'>{f.queueNames.join('、')}</Text>
          </View>
          <Text style={{ color: 'var(--color-brand)' }}>取号 ›</Text>
        </View>
      ))}
    </View>
  );
}

/** Staff of this centre (and admins) get their desk tools here until the 工作台 arrives. */
function StaffCard({ centreId }: { centreId: string }) {
  const { state } = useCall('account', 'me', {});
  if (state.status !== 'ready' || state.data.role === 'worker') return null;
  if (state.data.role !== 'admin' && !state.data.centreIds.includes(centreId)) return null;
  return (
    <View className='card'>
      <Text className='title' style={{ display: 'block' }}>
        工作人员
      </Text>
      <AppButton onClick={() => openPage(PAGES.centreStaffDay, { centreId })}>
        今天的预约 · 核销
      </AppButton>
      {centreId === 'shatou' && (
        <AppButton kind='secondary' onClick={() => openPage(PAGES.stationStaff)}>
          平安返乡服务点
        </AppButton>
      )}
    </View>
  );
}

export default function CentreDetailPage() {
  const id = usePageParams().id ?? '';
  const { state, reload } = useCall('centres', 'get', { id });

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} exit={{ tab: TABS.home, label: '回首页' }} emptyText=''>
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
              <AppButton onClick={() => navigate(centre)}>
                {process.env.TARO_ENV === 'weapp' ? '导航去这里' : '复制地址'}
              </AppButton>
              <Text className='muted' style={{ display: 'block' }}>
                电话
              </Text>
              <Text style={{ display: 'block' }}>{centre.phone}</Text>
              <AppButton kind='secondary' onClick={() => void Taro.makePhoneCall({ phoneNumber: centre.phone })}>
                打电话
              </AppButton>
              <Text className='muted' style={{ display: 'block' }}>
                开放时间
              </Text>
              <Text style={{ display: 'block' }}>{centre.hoursText}</Text>
            </View>
            <View className='card'>
              <Text className='title' style={{ display: 'block' }}>
                预约服务
              </Text>
              <Text className='muted' style={{ display: 'block' }}>
                先约好时间，到了不用排队。
              </Text>
              {centre.services.map((s) => (
                <View
                  key={s}
                  className='service-button'
                  onClick={() => openPage(PAGES.centreBook, { centreId: centre.id, service: s })}
                  aria-role='button'
                  aria-label={`${CENTRE_SERVICE_LABELS[s]}预约`}
                >
                  <Text className='service-button__label'>{CENTRE_SERVICE_LABELS[s]}</Text>
                  <Text style={{ color: 'var(--color-brand)' }}>预约 ›</Text>
                </View>
              ))}
            </View>
            <FairsCard centreName={centre.name} />
            <StaffCard centreId={centre.id} />
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
    </PageShell>
  );
}
