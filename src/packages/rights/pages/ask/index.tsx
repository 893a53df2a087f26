import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePageParams } from '../../../../hooks/use-page-params';
import { ARTICLE_CATEGORIES, ARTICLE_CATEGORY_LABELS, RIGHTS_LIMITS, SENSITIVE_CATEGORIES, type ArticleCategory } from '@contract/rights/model';
import { consentMissingText } from '@contract/privacy';
import { mobileProblem } from '@contract/phone';
import { call } from '../../../../api/call';
import { newRequestId } from '@contract/request-id';
import { PageShell } from '../../../../components/page-shell';
import { ensurePrivacyConsent, PRIVACY_DECLINED, SensitiveConsent } from '../../../../components/privacy/consent';
import { HotlineCard } from '../../../../components/rights/hotline';
import { PAGES } from '../../../../routes';
import { AppButton } from '../../../../components/button';
import { formMessage } from '../../../../api/form-message';

function Check({ on, label, hint, onChange }: { on: boolean; label: string; hint: string; onChange: (v: boolean) => void }) {
  return (
    <View className='rt-check' onClick={() => onChange(!on)} aria-role='checkbox' aria-checked={on} aria-label={label}>
      <Text className='rt-check__box'>{on ? '☑' : '☐'}</Text>
      <View>
        <Text style={{ display: 'block' }}>{label}</Text>
        <Text className='muted'>{hint}</Text>
      </View>
    </View>
  );
}

/**
 * 我要咨询: what happened, in the worker's words. The request id is kept while the form is
 * unchanged, so pressing 提交 again after a network error files the question once. A 工伤 question
 * describes an injury (health information) and waits for its own consent tick.
 */
export default function RightsAskPage() {
  const params = usePageParams();
  const initialCategory = ARTICLE_CATEGORIES.includes(params.category as ArticleCategory) ? (params.category as ArticleCategory) : null;
  const [category, setCategory] = useState<ArticleCategory | null>(initialCategory);
  const [description, setDescription] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [noEmployerContact, setNoEmployerContact] = useState(true);
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const [consent, setConsent] = useState(false);
  const sensitive = category ? (SENSITIVE_CATEGORIES[category] ?? null) : null;
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setRequestId(newRequestId());
  };

  async function submit() {
    const local: Record<string, string> = {};
    if (!category) local.category = '请选一类问题';
    const length = [...description.trim()].length;
    if (length < RIGHTS_LIMITS.descriptionMin) local.description = `请多写几句，至少${RIGHTS_LIMITS.descriptionMin}个字`;
    const phoneProblem = phone.trim() ? mobileProblem(phone) : null;
    if (phoneProblem) local.phone = phoneProblem;
    setErrors(local);
    if (Object.keys(local).length > 0 || !category) return;
    if (sensitive && !consent) {
      setMessage(consentMissingText(sensitive));
      return;
    }
    setBusy(true);
    setMessage('');
    if (!(await ensurePrivacyConsent())) {
      setBusy(false);
      setMessage(PRIVACY_DECLINED);
      return;
    }
    const res = await call('rights', 'ask', {
      category,
      description: description.trim(),
      anonymous,
      noEmployerContact,
      phone: phone.trim() || undefined,
      articleSlug: params.slug || undefined,
      requestId,
      ...(sensitive ? { sensitiveConsent: true } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(res.error.fields ?? {});
      setMessage(res.error.code === 'NOT_SIGNED_IN' ? '请先在“我的”里登录再提问' : formMessage(res.error, (f) => ['category', 'description', 'phone'].includes(f)));
      return;
    }
    void Taro.redirectTo({ url: `${PAGES.rightsCase}?id=${res.data.id}&new=1` });
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='rt-section'>1. 是哪一类问题？</Text>
        <View>
          {ARTICLE_CATEGORIES.map((c) => (
            <Text key={c} className={category === c ? 'choice choice--on' : 'choice'} onClick={() => changed(setCategory)(c)} aria-role='radio' aria-checked={category === c}>
              {ARTICLE_CATEGORY_LABELS[c]}
            </Text>
          ))}
        </View>
        {errors.category && <Text className='field-error'>{errors.category}</Text>}
      </View>

      <View className='card'>
        <Text className='rt-section'>2. 说说发生了什么</Text>
        <Text className='muted' style={{ display: 'block' }}>
          什么时候、在哪个厂、发生了什么、你想怎么解决。不用写名字。
        </Text>
        <Textarea
          className='textarea'
          value={description}
          maxlength={RIGHTS_LIMITS.descriptionMax}
          placeholder='例如：我在厂里做了8个月，一直没签合同，现在老板叫我走……'
          onInput={(e) => changed(setDescription)(e.detail.value)}
          aria-label='问题描述'
          name='description'
        />
        <Text className='muted'>
          {[...description].length}/{RIGHTS_LIMITS.descriptionMax}
        </Text>
        {errors.description && <Text className='field-error'>{errors.description}</Text>}
        {sensitive && <SensitiveConsent kind={sensitive} checked={consent} onChange={setConsent} />}
      </View>

      <View className='card'>
        <Text className='rt-section'>3. 怎么联系你（可以不填）</Text>
        <Input
          className='input'
          type='number'
          maxlength={11}
          value={phone}
          placeholder='手机号，方便工作人员打电话给你'
          onInput={(e) => changed(setPhone)(e.detail.value)}
          aria-label='手机号'
          name='phone'
        />
        {errors.phone && <Text className='field-error'>{errors.phone}</Text>}
        <Check on={noEmployerContact} label='不要联系我的单位' hint='工会不会在你同意前找你的厂' onChange={changed(setNoEmployerContact)} />
        <Check on={anonymous} label='匿名提问' hint='工作人员看不到你的名字' onChange={changed(setAnonymous)} />
      </View>

      <View className='card'>
        <Text className='muted' style={{ display: 'block' }}>
          工作人员会在{RIGHTS_LIMITS.answerWorkingDays}个工作日内答复（节假日顺延），答复后在“我的咨询”里能看到。每人每天最多提交{RIGHTS_LIMITS.consultationsPerDay}个问题。
        </Text>
        {message && <Text className='field-error'>{message}</Text>}
        <AppButton disabled={busy} busy={busy} onClick={() => void submit()} data-testid='submit-ask'>
          提交问题
        </AppButton>
      </View>
      <HotlineCard text='很急的事（比如老板跑路、受伤）先打热线' />
    </PageShell>
  );
}
