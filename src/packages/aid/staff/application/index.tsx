import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AppButton } from '../../../../components/button';
import { usePageParams } from '../../../../hooks/use-page-params';
import Taro from '@tarojs/taro';
import {
  AID_DOCUMENT_KINDS,
  AID_DOCUMENT_LABELS,
  AID_GIVEN_LABELS,
  AID_KIND_LABELS,
  AID_LIMITS,
  LEGAL_TOPIC_LABELS,
  type AidDocumentKind,
  type AidField,
  type AidGivenKind,
  type StaffAidApplication,
} from '@contract/aid/model';
import { call } from '../../../../api/call';
import { AsyncView } from '../../../../components/async-view';
import { AidHistory, AidStatusTag, dayText } from '../../../../components/aid/status';
import { PageShell } from '../../../../components/page-shell';
import { PhoneReveal } from '../../../../components/staff/phone-reveal';
import { useCall } from '../../../../hooks/use-call';
import { TABS } from '../../../../routes';
import '../../../../components/aid/aid.scss';

const DETAIL_LABELS: Record<AidField, string> = {
  idNumber: '身份证号',
  employer: '单位',
  legalTopic: '问题',
  householdSize: '家庭人口',
  monthlyIncome: '家庭月收入（元）',
  desiredJob: '想找的工作',
};

function detailText(field: AidField, value: string | number): string {
  return field === 'legalTopic' ? (LEGAL_TOPIC_LABELS[value as keyof typeof LEGAL_TOPIC_LABELS] ?? String(value)) : String(value);
}

/** One application for staff: details (phone and ID masked), documents, 受理 / 补材料 / the decision. */
export default function AidStaffApplicationPage() {
  const { id = '' } = usePageParams();
  const { state, reload } = useCall('aid', 'staffApplication', { id });
  const [current, setCurrent] = useState<StaffAidApplication | null>(null);
  const [missing, setMissing] = useState<AidDocumentKind[]>([]);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [aidKind, setAidKind] = useState<AidGivenKind>('cash');
  const [amount, setAmount] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function act(run: () => ReturnType<typeof call<'aid', 'staffAccept'>>) {
    setBusy(true);
    setMessage('');
    const res = await run();
    setBusy(false);
    if (res.ok) setCurrent(res.data);
    else setMessage(res.error.message);
  }

  async function showFile(documentId: string, ext: string) {
    const res = await call('aid', 'staffFile', { id, documentId });
    if (!res.ok) return setMessage(res.error.message);
    if (ext === 'pdf' && process.env.TARO_ENV !== 'weapp') window.open(res.data.url, '_blank');
    else if (ext === 'pdf') void Taro.downloadFile({ url: res.data.url }).then((f) => Taro.openDocument({ filePath: f.tempFilePath, fileType: 'pdf' }));
    else void Taro.previewImage({ urls: [res.data.url] });
  }

  return (
    <PageShell>
      <AsyncView state={state} onRetry={reload} emptyText='' exit={{ tab: TABS.me, label: '回到我的' }}>
        {(loaded) => {
          const app = current ?? loaded;
          const open = app.status !== 'done' && app.status !== 'refused';
          const hardship = app.kind === 'hardship';
          return (
            <View data-testid='aid-staff-application'>
              <View className='card'>
                <View style={{ display: 'flex', justifyContent: 'space-between', gap: '16px' }}>
                  <Text className='ad-section'>
                    {AID_KIND_LABELS[app.kind]} · {app.name}
                  </Text>
                  <AidStatusTag status={app.status} />
                </View>
                <PhoneReveal masked={app.phone} reveal={(why) => call('aid', 'staffRevealPhone', { id: app.id, ...why })} />
                {(Object.entries(app.details) as [AidField, string | number][]).map(([f, v]) => (
                  <Text key={f} className='ad-line'>
                    {DETAIL_LABELS[f]}：{detailText(f, v)}
                  </Text>
                ))}
                <Text className='ad-line'>{app.description}</Text>
                <Text className={app.overdue ? 'field-error' : 'muted'}>
                  {app.centreName} · 期限 {dayText(app.dueAt)}
                  {app.overdue ? '（已超期）' : ''} · {app.code}
                </Text>
              </View>

              <View className='card'>
                <Text className='ad-section'>材料</Text>
                {app.documents.length === 0 && <Text className='muted'>还没有材料</Text>}
                {app.documents.map((d) => (
                  <View key={d.id} className='list-row' onClick={() => void showFile(d.id, d.ext)} aria-role='button'>
                    <Text className='ad-line'>
                      {AID_DOCUMENT_LABELS[d.kind]} · {d.name}
                    </Text>
                  </View>
                ))}
              </View>

              {open && (
                <View className='card'>
                  {app.status === 'submitted' && (
                    <AppButton disabled={busy} onClick={() => void act(() => call('aid', 'staffAccept', { id }))} data-testid='aid-accept'>
                      受理
                    </AppButton>
                  )}
                  <Text className='ad-section'>缺少材料</Text>
                  {AID_DOCUMENT_KINDS.map((k) => {
                    const on = missing.includes(k);
                    return (
                      <Text key={k} className={on ? 'choice choice--on' : 'choice'} onClick={() => setMissing(on ? missing.filter((m) => m !== k) : [...missing, k])} aria-role='checkbox' aria-checked={on}>
                        {AID_DOCUMENT_LABELS[k]}
                      </Text>
                    );
                  })}
                  <Input className='input' value={note} placeholder='补充说明（可不填）' onInput={(e) => setNote(e.detail.value)} aria-label='补充说明' name='note' />
                  <AppButton kind='secondary' disabled={busy || missing.length === 0} onClick={() => void act(() => call('aid', 'staffAskMore', { id, missing, note }))} data-testid='aid-ask-more'>
                    请职工补材料
                  </AppButton>

                  <Text className='ad-section'>办理结果</Text>
                  <Textarea className='textarea' value={reason} maxlength={AID_LIMITS.reasonMax} placeholder='结果和原因（职工能看到）' onInput={(e) => setReason(e.detail.value)} aria-label='结果和原因' name='reason' />
                  {hardship && (
                    <View>
                      {(Object.keys(AID_GIVEN_LABELS) as AidGivenKind[]).map((k) => (
                        <Text key={k} className={aidKind === k ? 'choice choice--on' : 'choice'} onClick={() => setAidKind(k)} aria-role='radio' aria-checked={aidKind === k}>
                          {AID_GIVEN_LABELS[k]}
                        </Text>
                      ))}
                      <Input className='input' type='number' value={amount} placeholder='金额（元）' onInput={(e) => setAmount(e.detail.value)} aria-label='金额' name='amount' />
                    </View>
                  )}
                  <AppButton
                    disabled={busy}
                    onClick={() =>
                      void act(() =>
                        call('aid', 'staffDecide', {
                          id,
                          outcome: 'done',
                          reason: reason.trim(),
                          ...(hardship ? { aid: { kind: aidKind, amount: Number(amount) || 0 } } : {}),
                        }),
                      )
                    }
                    data-testid='aid-done'
                  >
                    办结
                  </AppButton>
                  <AppButton kind='secondary' disabled={busy} onClick={() => void act(() => call('aid', 'staffDecide', { id, outcome: 'refused', reason: reason.trim() }))} data-testid='aid-refuse'>
                    不通过
                  </AppButton>
                </View>
              )}
              {message && (
                <View className='card' role='alert'>
                  <Text className='field-error'>{message}</Text>
                </View>
              )}
              <View className='card'>
                <Text className='ad-section'>办理记录</Text>
                <AidHistory history={app.history} />
              </View>
            </View>
          );
        }}
      </AsyncView>
    </PageShell>
  );
}
