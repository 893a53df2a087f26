import { Text, View } from '@tarojs/components';
import { INVITE_CODE_MINUTES } from '@contract/staff/model';
import { shanghai } from '@contract/time';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import '../../../../components/staff/staff.scss';
import { useCall } from '../../../../hooks/use-call';
import { openPage, PAGES } from '../../../../routes';
import { AppButton } from '../../../../components/button';

/** 我是工会工作人员: six digits to read out to the union admin, who types them in 工作台 → 工作人员. */
export default function StaffCodePage() {
  const { state, reload } = useCall('staff', 'inviteCode', {});
  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText=''>
        {(invite) => (
          <View className='card' data-testid='staff-code'>
            {invite.bootstrapped ? (
              <>
                <Text className='title' style={{ display: 'block' }}>
                  你已成为第一位工会管理员
                </Text>
                <AppButton onClick={() => openPage(PAGES.staffHome)}>
                  进入工作台
                </AppButton>
              </>
            ) : (
              <>
                <Text style={{ display: 'block' }}>请把这个登记码告诉工会管理员：</Text>
                <Text className='st-total__n' style={{ display: 'block', fontSize: 'var(--font-hero)', letterSpacing: '8px', textAlign: 'center' }} aria-label={`登记码 ${invite.code.split('').join(' ')}`}>
                  {invite.code}
                </Text>
                <Text className='muted' style={{ display: 'block' }}>
                  {INVITE_CODE_MINUTES}分钟内有效（到 {shanghai(invite.expiresAt).format('HH:mm')}）。管理员设置好以后，回到“我的”就能看到工作台。
                </Text>
                <AppButton kind='secondary' onClick={() => void reload()}>
                  换一个登记码
                </AppButton>
              </>
            )}
          </View>
        )}
      </AsyncView>
    </PageShell>
  );
}
