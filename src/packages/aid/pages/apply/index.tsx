import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AppButton } from '../../../../components/button';
import { LabelledField } from '../../../../components/form-field';
import { usePageParams } from '../../../../hooks/use-page-params';
import Taro from '@tarojs/taro';
import {
  AID_DUE_WORKING_DAYS,
  AID_KIND_LABELS,
  AID_KIND_SPECS,
  AID_KINDS,
  AID_LIMITS,
  LEGAL_TOPIC_LABELS,
  type AidField,
  type AidKind,
  type LegalTopic,
} from '@contract/aid/model';
import { mobileProblem } from '@contract/phone';
import { consentMissingText } from '@contract/privacy';
import { newRequestId } from '@contract/request-id';
import { SUBSCRIBE_TEMPLATES } from '@contract/subscribe-templates';
import { call } from '../../../../api/call';
import { requestSubscriptions } from '../../../../api/subscribe';
import { AsyncView } from '../../../../components/async-view';
import { PageShell } from '../../../../components/page-shell';
import { ensurePrivacyConsent, PRIVACY_DECLINED, SensitiveConsent } from '../../../../components/privacy/consent';
import { useCall } from '../../../../hooks/use-call';
import { PAGES, TABS } from '../../../../routes';
import '../../../../components/aid/aid.scss';
import { formMessage } from '../../../../api/form-message';

const FIELD_TITLES: Record<AidField, { label: string; placeholder: string; numeric?: boolean }> = {
  idNumber: { label: '身份证号', placeholder: '18位，最后一位可能是X' },
  employer: { label: '单位名称', placeholder: '例如：鸿发制衣厂' },
  legalTopic: { label: '遇到什么问题', placeholder: '' },
  householdSize: { label: '家里几口人', placeholder: '例如：4', numeric: true },
  monthlyIncome: { label: '家庭每月总收入（元）', placeholder: '例如：3000', numeric: true },
  desiredJob: { label: '想找什么工作', placeholder: '例如：仓管、普工' },
};

/**
 * 申请帮扶: choose the kind, then a short form with only the fields that kind needs, the
 * checklist of what to bring, and the sensitive-data tick where the kind needs one. The request
 * id is kept while the form is unchanged, so pressing 提交 again files the application once.
 */
export default function AidApplyPage() {
  const params = usePageParams();
  const [kind, setKind] = useState<AidKind | null>(AID_KINDS.includes(params.kind as AidKind) ? (params.kind as AidKind) : null);
  const [centreId, setCentreId] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [description, setDescription] = useState('');
  const [values, setValues] = useState<Partial<Record<AidField, string>>>({});
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const centres = useCall('centres', 'list', {});
  const spec = kind ? AID_KIND_SPECS[kind] : null;
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setRequestId(newRequestId());
  };
  const setField = (field: AidField, value: string) => changed(setValues)({ ...values, [field]: value });

  async function submit() {
    if (!kind || !spec) return;
    const local: Record<string, string> = {};
    if (!centreId) local.centreId = '请选一个服务中心';
    if (!name.trim()) local.name = '请填写姓名';
    const phoneProblem = mobileProblem(phone);
    if (phoneProblem) local.phone = phoneProblem;
    if (!description.trim()) local.description = '请简单说说情况';
    for (const f of spec.fields) if (!values[f]?.trim()) local[f] = `请填写${FIELD_TITLES[f].label}`;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    if (spec.sensitive && !consent) {
      setMessage(consentMissingText(spec.sensitive));
      return;
    }
    setBusy(true);
    setMessage('');
    // Asked first, inside the tap (WeChat allows it only there): status changes are sent as messages.
    await requestSubscriptions([SUBSCRIBE_TEMPLATES.aidStatus.id]);
    if (!(await ensurePrivacyConsent())) {
      setBusy(false);
      setMessage(PRIVACY_DECLINED);
      return;
    }
    const num = (f: AidField) => (spec.fields.includes(f) ? Number(values[f]) : undefined);
    const text = (f: AidField) => (spec.fields.includes(f) ? values[f]?.trim() : undefined);
    const res = await call('aid', 'apply', {
      kind,
      centreId,
      name: name.trim(),
      phone: phone.trim(),
      description: description.trim(),
      idNumber: text('idNumber'),
      employer: text('employer'),
      legalTopic: text('legalTopic') as LegalTopic | undefined,
      householdSize: num('householdSize'),
      monthlyIncome: num('monthlyIncome'),
      desiredJob: text('desiredJob'),
      requestId,
      ...(spec.sensitive ? { sensitiveConsent: true } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      const fields = res.error.fields ?? {};
      setErrors(fields);
      const onForm: string[] = ['centreId', 'name', 'phone', 'description', ...spec.fields];
      setMessage(formMessage(res.error, (f) => onForm.includes(f)));
      return;
    }
    void Taro.redirectTo({ url: `${PAGES.aidApplication}?id=${res.data.id}&new=1` });
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='ad-section'>1. 想申请什么帮扶？</Text>
        {AID_KINDS.map((k) => (
          <Text key={k} className={kind === k ? 'choice choice--on' : 'choice'} onClick={() => changed(setKind)(k)} aria-role='radio' aria-checked={kind === k}>
            {AID_KIND_LABELS[k]}
          </Text>
        ))}
      </View>

      {kind && spec && (
        <>
          <View className='card' data-testid='aid-bring'>
            <Text className='ad-section'>办理时请带上</Text>
            {spec.bring.map((b) => (
              <Text key={b} className='ad-line'>
                · {b}
              </Text>
            ))}
            <Text className='muted'>材料的照片可以提交后再补。</Text>
          </View>

          <View className='card'>
            <Text className='ad-section'>2. 去哪个服务中心办？</Text>
            <AsyncView state={centres.state} onRetry={centres.reload} emptyText='暂时没有服务中心' isEmpty={(list) => list.length === 0} exit={{ tab: TABS.home, label: '回首页' }}>
              {(list) => (
                <View>
                  {list.map((c) => (
                    <Text key={c.id} className={centreId === c.id ? 'choice choice--on' : 'choice'} onClick={() => changed(setCentreId)(c.id)} aria-role='radio' aria-checked={centreId === c.id}>
                      {c.name}
                    </Text>
                  ))}
                </View>
              )}
            </AsyncView>
            {errors.centreId && <Text className='field-error'>{errors.centreId}</Text>}
          </View>

          <View className='card'>
            <Text className='ad-section'>3. 填写情况</Text>
            <LabelledField label='姓名' error={errors.name}>
              <Input className='input' value={name} onInput={(e) => changed(setName)(e.detail.value)} aria-label='姓名' name='name' />
            </LabelledField>
            <LabelledField label='手机号' error={errors.phone}>
              <Input className='input' type='number' maxlength={11} value={phone} onInput={(e) => changed(setPhone)(e.detail.value)} aria-label='手机号' name='phone' />
            </LabelledField>
            {spec.fields.map((f) =>
              f === 'legalTopic' ? (
                <View key={f}>
                  <Text className='ad-line'>{FIELD_TITLES[f].label}</Text>
                  {(Object.keys(LEGAL_TOPIC_LABELS) as LegalTopic[]).map((t) => (
                    <Text key={t} className={values.legalTopic === t ? 'choice choice--on' : 'choice'} onClick={() => setField('legalTopic', t)} aria-role='radio' aria-checked={values.legalTopic === t}>
                      {LEGAL_TOPIC_LABELS[t]}
                    </Text>
                  ))}
                  {errors[f] && <Text className='field-error'>{errors[f]}</Text>}
                </View>
              ) : (
                <LabelledField key={f} label={FIELD_TITLES[f].label} error={errors[f]}>
                  <Input
                    className='input'
                    type={FIELD_TITLES[f].numeric ? 'number' : 'text'}
                    value={values[f] ?? ''}
                    placeholder={FIELD_TITLES[f].placeholder}
                    onInput={(e) => setField(f, e.detail.value)}
                    aria-label={FIELD_TITLES[f].label}
                    name={f}
                  />
                </LabelledField>
              ),
            )}
            <LabelledField label='情况说明' error={errors.description}>
              <Textarea
                className='textarea'
                value={description}
                maxlength={AID_LIMITS.descriptionMax}
                placeholder='简单说说你的情况和想要的帮助'
                onInput={(e) => changed(setDescription)(e.detail.value)}
                aria-label='情况说明'
                name='description'
              />
            </LabelledField>
            {spec.sensitive && <SensitiveConsent kind={spec.sensitive} checked={consent} onChange={setConsent} />}
          </View>

          <View className='card'>
            <Text className='muted' style={{ display: 'block' }}>
              这类申请会在 {AID_DUE_WORKING_DAYS[spec.difficulty]} 个工作日内办理（节假日顺延），进度在“我的帮扶申请”里看。
            </Text>
            {message && <Text className='field-error'>{message}</Text>}
            <AppButton busy={busy} onClick={() => void submit()} data-testid='submit-aid'>
              提交申请
            </AppButton>
          </View>
        </>
      )}
    </PageShell>
  );
}
