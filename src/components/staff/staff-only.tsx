import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { StaffHome } from '@contract/staff/model';
import { AsyncView } from '../async-view';
import { useCall } from '../../hooks/use-call';
import { openTab, TABS } from '../../routes';
import { AppButton } from '../button';

/**
 * The staff pages' gate: asks the server who the caller is (staff.home). A worker who opens a
 * staff page by a link sees a plain refusal with a way back, never the page; the server refuses
 * every staff action anyway (the door checks the roles collection).
 */
export function StaffOnly({ admin = false, children }: { admin?: boolean; children: (me: StaffHome) => ReactNode }) {
  const { state, reload } = useCall('staff', 'home', {});
  if (state.status === 'error' && (state.error.code === 'FORBIDDEN' || state.error.code === 'NOT_SIGNED_IN')) {
    return <Refused />;
  }
  return (
    <AsyncView state={state} onRetry={reload} emptyText=''>
      {(me) => (admin && !me.isAdmin ? <Refused text='这一页只有工会管理员可以使用。' /> : children(me))}
    </AsyncView>
  );
}

function Refused({ text = '这里是工会工作人员的工作台，只有工作人员可以进入。' }: { text?: string }) {
  return (
    <View className='card' role='alert' data-testid='staff-refused'>
      <Text style={{ display: 'block' }}>{text}</Text>
      <AppButton kind='secondary' onClick={() => openTab(TABS.me)}>
        回到“我的”
      </AppButton>
    </View>
  );
}
