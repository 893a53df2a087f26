import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@contract/account/model';
import type { StaffHome, StaffMember, StaffRole } from '@contract/staff/model';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { StaffOnly } from '../../../../components/staff/staff-only';
import '../../../../components/staff/staff.scss';
import { useCall } from '../../../../hooks/use-call';
import { useRequestId } from '../../../../hooks/use-request-id';
import { AppButton } from '../../../../components/button';

/**
 * Admins: who is staff, and granting a role to the person standing here — they open 我的 →
 * 我是工会工作人员 and read out six digits. Nothing is removed by one tap: revoking asks for a second tap.
 */
function GrantForm({ centres, onDone, editing }: { centres: StaffHome['centres']; onDone: () => void; editing: StaffMember | null }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState(editing?.name ?? '');
  const [role, setRole] = useState<StaffRole>(editing?.role ?? 'centre_staff');
  const [chosen, setChosen] = useState<string[]>(editing?.centreIds ?? []);
  const [error, setError] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  // One id per press of 添加: a double tap or a retry spends the code once and gets the same answer.
  const press = useRequestId();
  const submit = async () => {
    setError({});
    setBusy(true);
    const res = await call('staff', 'grant', {
      ...(editing ? { staffId: editing.staffId } : { code: code.trim(), requestId: press.requestId() }),
      name,
      role,
      centreIds: role === 'admin' ? [] : chosen,
    });
    press.answered(res);
    setBusy(false);
    if (!res.ok) {
      setError({ ...(res.error.fields ?? {}), _: res.error.message });
      return;
    }
    setMessage(`已设置：${res.data.name}（${ROLE_LABELS[res.data.role]}）`);
    setCode('');
    onDone();
  };
  return (
    <View className='card' data-testid='grant-form'>
      <Text className='st-section'>{editing ? `修改 ${editing.name} 的权限` : '添加工作人员'}</Text>
      {!editing && (
        <>
          <Text style={{ display: 'block' }}>登记码（请对方打开“我的 → 我是工会工作人员”）</Text>
          <Input className='input' type='number' maxlength={6} value={code} onInput={(e) => setCode(e.detail.value)} placeholder='6位数字' aria-label='登记码' />
          {error.code && <Text className='st-error'>{error.code}</Text>}
        </>
      )}
      <Text style={{ display: 'block' }}>姓名</Text>
      <Input className='input' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} placeholder='例如 李社工' aria-label='姓名' />
      {error.name && <Text className='st-error'>{error.name}</Text>}
      <Text style={{ display: 'block' }}>身份</Text>
      <View>
        {(['centre_staff', 'admin'] as StaffRole[]).map((r) => (
          <View key={r} role='button' aria-pressed={r === role} className={r === role ? 'st-choice st-choice--on' : 'st-choice'} onClick={() => setRole(r)}>
            {ROLE_LABELS[r]}
          </View>
        ))}
      </View>
      {role === 'centre_staff' && (
        <>
          <Text style={{ display: 'block' }}>负责的服务中心</Text>
          <View>
            {centres.map((c) => {
              const on = chosen.includes(c.id);
              return (
                <View key={c.id} role='checkbox' aria-checked={on} className={on ? 'st-choice st-choice--on' : 'st-choice'} onClick={() => setChosen(on ? chosen.filter((x) => x !== c.id) : [...chosen, c.id])}>
                  {c.name.replace('职工·家服务中心', '')}
                </View>
              );
            })}
          </View>
          {error.centreIds && <Text className='st-error'>{error.centreIds}</Text>}
        </>
      )}
      {error._ && (
        <View className='st-error' role='alert'>
          {error._}
        </View>
      )}
      <AppButton busy={busy} onClick={() => void submit()}>
        {editing ? '保存' : '添加'}
      </AppButton>
      {message && <View role='status'>{message}</View>}
    </View>
  );
}

function Members({ centres }: { centres: StaffHome['centres'] }) {
  const { state, reload } = useCall('staff', 'list', {});
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [confirming, setConfirming] = useState('');
  const [message, setMessage] = useState('');
  const revoke = async (m: StaffMember) => {
    if (confirming !== m.staffId) return setConfirming(m.staffId);
    setConfirming('');
    const res = await call('staff', 'revoke', { staffId: m.staffId });
    setMessage(res.ok ? `已取消 ${m.name} 的权限` : res.error.message);
    void reload();
  };
  return (
    <View>
      <GrantForm key={editing?.staffId ?? 'new'} centres={centres} editing={editing} onDone={() => { setEditing(null); void reload(); }} />
      {message && (
        <View role='status' style={{ display: 'block' }}>
          {message}
        </View>
      )}
      <AsyncView state={state} onRetry={reload} emptyText='还没有工作人员' isEmpty={(list) => list.length === 0}>
        {(list) => (
          <View data-testid='staff-list'>
            {list.map((m) => (
              <View key={m.staffId} className='card'>
                <Text className='title' style={{ display: 'block' }}>
                  {m.name || '（未填姓名）'} {m.isMe ? '（我）' : ''}
                </Text>
                <Text className='tag tag--ok'>{ROLE_LABELS[m.role]}</Text>
                <Text className='muted' style={{ display: 'block' }}>
                  {m.role === 'admin' ? '全部服务中心' : m.centreNames.join('、')} · 账号 {m.maskedOpenid}
                </Text>
                {!m.isMe && (
                  <View className='st-row'>
                    <AppButton kind='secondary' onClick={() => setEditing(m)}>
                      修改
                    </AppButton>
                    <AppButton kind='secondary' onClick={() => void revoke(m)}>
                      {confirming === m.staffId ? '再点一次确认取消' : '取消权限'}
                    </AppButton>
                  </View>
                )}
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </View>
  );
}

export default function StaffRolesPage() {
  return (
    <PageShell>
      <StaffOnly admin>{(me) => <Members centres={me.centres} />}</StaffOnly>
    </PageShell>
  );
}
