import { useEffect, useRef, useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import { signUpSensitiveKind, type ChildInfo, type EventDetail, type FormField, type MyEntry } from '@contract/events/model';
import { consentMissingText } from '@contract/privacy';
import { call } from '../../api/call';
import { ensurePrivacyConsent, PRIVACY_DECLINED, SensitiveConsent } from '../privacy/consent';
import { newRequestId } from '@contract/request-id';
import { askEventSubscriptions } from './subscriptions';
import './events.scss';
import { AppButton } from '../button';
import { formMessage } from '../../api/form-message';
import { clearDraft, draftOf, lastValues, REMEMBERED_FIELDS, rememberValues, saveDraft } from '../../prefs/sign-up-memory';

export const PROVINCES = [
  '广东', '广西', '湖南', '湖北', '江西', '四川', '重庆', '贵州', '云南', '河南', '河北', '山东', '山西', '安徽', '江苏',
  '浙江', '福建', '海南', '陕西', '甘肃', '青海', '宁夏', '新疆', '西藏', '内蒙古', '辽宁', '吉林', '黑龙江', '北京', '天津', '上海',
];

type Values = Record<string, string | boolean>;

function FieldInput({ field, value, onChange }: { field: FormField; value: string | boolean | undefined; onChange: (v: string | boolean) => void }) {
  if (field.kind === 'confirm') {
    const on = value === true;
    return (
      <View className={on ? 'ev-check ev-check--on' : 'ev-check'} onClick={() => onChange(!on)} aria-role='checkbox' aria-checked={on}>
        <Text>{on ? '☑' : '☐'}</Text>
        <Text>{field.label}</Text>
      </View>
    );
  }
  if (field.kind === 'yesno') {
    return (
      <View className='ev-choice-row'>
        {(['yes', 'no'] as const).map((v) => (
          <AppButton key={v} kind={value === v ? 'primary' : 'secondary'} className='ev-small-button' onClick={() => onChange(v)}>
            {v === 'yes' ? '是' : '不是'}
          </AppButton>
        ))}
      </View>
    );
  }
  if (field.kind === 'province') {
    const index = PROVINCES.indexOf(String(value ?? ''));
    return (
      <Picker mode='selector' range={PROVINCES} value={Math.max(index, 0)} onChange={(e) => onChange(PROVINCES[Number(e.detail.value)])}>
        <View className='input ev-input' style={{ display: 'flex', alignItems: 'center' }}>
          <Text style={index >= 0 ? undefined : { color: 'var(--color-ink-soft)' }}>{index >= 0 ? PROVINCES[index] : '点这里选择'}</Text>
        </View>
      </Picker>
    );
  }
  return (
    <Input
      className='input ev-input'
      type={field.kind === 'phone' ? 'number' : 'text'}
      maxlength={field.kind === 'phone' ? 11 : 30}
      value={String(value ?? '')}
      placeholder={field.hint ?? `请填写${field.label}`}
      onInput={(e) => onChange(e.detail.value)}
      aria-label={field.label}
      name={field.key}
    />
  );
}

/** Where the form starts: this event's draft, else the last name / phone / employer given. */
function startingValues(event: EventDetail): { values: Values; members: string[]; children: Array<{ name: string; age: string }>; from: 'draft' | 'last' | null } {
  const members = event.group.kind === 'team' ? Array<string>(event.group.size - 1).fill('') : [];
  const children = event.group.kind === 'family' ? Array.from({ length: event.group.minChildren }, () => ({ name: '', age: '' })) : [];
  const draft = draftOf(event.id);
  if (draft) {
    return {
      values: draft.values,
      members: members.map((m, i) => draft.members[i] ?? m),
      children: draft.children.length > 0 ? draft.children : children,
      from: 'draft',
    };
  }
  const last = lastValues();
  const offered = Object.fromEntries(event.form.filter((f) => last[f.key] && (REMEMBERED_FIELDS as readonly string[]).includes(f.key)).map((f) => [f.key, last[f.key]]));
  return { values: offered, members, children, from: Object.keys(offered).length > 0 ? 'last' : null };
}

/**
 * The event's own sign-up form. One tap on 提交报名 asks for the reminders (WeChat allows the
 * question only inside a tap) and signs up with a request id kept across retries. A child under 14
 * needs the guardian's own tick (SensitiveConsent) before anything is sent.
 */
export function SignUpForm({ event, onDone, onCancel }: { event: EventDetail; onDone: (entry: MyEntry) => void; onCancel: () => void }) {
  // A draft of this event first (a reload), else what the worker gave last time, else empty.
  const [start] = useState(() => startingValues(event));
  const [values, setValues] = useState<Values>(start.values);
  const [members, setMembers] = useState<string[]>(start.members);
  const [children, setChildren] = useState<Array<{ name: string; age: string }>>(start.children);
  const touched = useRef(false);
  useEffect(() => {
    if (touched.current) saveDraft(event.id, { values, members, children });
  }, [event.id, values, members, children]);
  const change = () => {
    touched.current = true;
    setRequestId(newRequestId()); // a changed form is a new request
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const [consent, setConsent] = useState(false);
  const childList = children.map((c): ChildInfo => ({ name: c.name.trim(), age: Number(c.age) || 0 }));
  const sensitive = event.group.kind === 'family' ? signUpSensitiveKind(childList) : null;

  const set = (key: string, v: string | boolean) => {
    setValues((old) => ({ ...old, [key]: v }));
    change();
  };
  const setMember = (i: number, v: string) => {
    setMembers((old) => old.map((x, k) => (k === i ? v : x)));
    change();
  };
  const setChild = (i: number, part: Partial<{ name: string; age: string }>) => {
    setChildren((old) => old.map((x, k) => (k === i ? { ...x, ...part } : x)));
    change();
  };

  async function submit() {
    if (busy) return;
    if (sensitive && !consent) {
      setMessage(consentMissingText(sensitive));
      return;
    }
    setBusy(true);
    setMessage('');
    // Reminders first: WeChat asks for them only while the tap is fresh.
    const subscribed = await askEventSubscriptions();
    if (!(await ensurePrivacyConsent())) {
      setBusy(false);
      setMessage(PRIVACY_DECLINED);
      return;
    }
    const res = await call('events', 'signUp', {
      eventId: event.id,
      requestId,
      form: values,
      ...(event.group.kind === 'team' ? { members: members.map((m) => m.trim()).filter(Boolean) } : {}),
      ...(event.group.kind === 'family' ? { children: childList } : {}),
      subscribed,
      ...(sensitive ? { sensitiveConsent: true } : {}),
    });
    setBusy(false);
    if (res.ok) {
      clearDraft(event.id);
      rememberValues(values);
      onDone(res.data);
      return;
    }
    // NETWORK: keep the request id, so tapping again cannot make a second entry.
    if (res.error.code !== 'NETWORK') setRequestId(newRequestId());
    setErrors(res.error.fields ?? {});
    setMessage(formMessage(res.error, (f) => f.startsWith('form.') || f === 'members' || f === 'children'));
  }

  const fieldError = (key: string) => errors[`form.${key}`];

  return (
    <View className='card' data-testid='sign-up-form'>
      <Text className='title' style={{ display: 'block' }}>
        填写报名信息
      </Text>
      {start.from && (
        <Text className='muted ev-line' data-testid='form-restored'>
          {start.from === 'draft' ? '上次没填完的内容还在，接着填就行。' : '已经填上你上次报名用的信息，不对可以改。'}
        </Text>
      )}
      {event.form.map((field) => (
        <View key={field.key} className='ev-field'>
          {field.kind !== 'confirm' && <Text className='ev-field__label'>{field.label}</Text>}
          <FieldInput field={field} value={values[field.key]} onChange={(v) => set(field.key, v)} />
          {fieldError(field.key) && <Text className='ev-field__error'>{fieldError(field.key)}</Text>}
        </View>
      ))}
      {event.group.kind === 'team' && (
        <View className='ev-field'>
          <Text className='ev-field__label'>
            其他{event.group.size - 1}位{event.group.memberLabel}的名字
          </Text>
          {/* The captain is the one signing up (the name above), not one of the members typed here. */}
          <Text className='muted ev-line' data-testid='captain-note'>
            {`队长就是你（上面填的姓名），不用再填。一队共${event.group.size}人。`}
          </Text>
          {members.map((m, i) => (
            <Input
              key={i}
              className='input ev-input'
              value={m}
              placeholder={`${event.group.kind === 'team' ? event.group.memberLabel : ''}${i + 1}`}
              onInput={(e) => setMember(i, e.detail.value)}
              aria-label={`队员${i + 1}`}
            />
          ))}
          {errors.members && <Text className='ev-field__error'>{errors.members}</Text>}
        </View>
      )}
      {event.group.kind === 'family' && (
        <View className='ev-field'>
          <Text className='ev-field__label'>
            带几个孩子（{event.group.childAgeMin}到{event.group.childAgeMax}岁）
          </Text>
          {children.map((c, i) => (
            <View key={i} className='ev-choice-row'>
              <Input
                className='input ev-input'
                style={{ flex: 2 }}
                value={c.name}
                placeholder={`孩子${i + 1}的名字`}
                onInput={(e) => setChild(i, { name: e.detail.value })}
                aria-label={`孩子${i + 1}的名字`}
              />
              <Input
                className='input ev-input'
                style={{ flex: 1 }}
                type='number'
                maxlength={2}
                value={c.age}
                placeholder='几岁'
                onInput={(e) => setChild(i, { age: e.detail.value })}
                aria-label={`孩子${i + 1}的年龄`}
              />
            </View>
          ))}
          <View className='ev-choice-row'>
            {children.length < event.group.maxChildren && (
              <AppButton kind='secondary' className='ev-small-button' onClick={() => { setChildren((old) => [...old, { name: '', age: '' }]); change(); }}>
                再加一个孩子
              </AppButton>
            )}
            {children.length > event.group.minChildren && (
              <AppButton kind='secondary' className='ev-small-button' onClick={() => { setChildren((old) => old.slice(0, -1)); change(); }}>
                少一个孩子
              </AppButton>
            )}
          </View>
          {errors.children && <Text className='ev-field__error'>{errors.children}</Text>}
        </View>
      )}
      {sensitive && <SensitiveConsent kind={sensitive} checked={consent} onChange={setConsent} />}
      {message && (
        <View className='ev-error' role='alert'>
          <Text>{message}</Text>
        </View>
      )}
      <AppButton onClick={() => void submit()} busy={busy}>
        {busy ? '正在提交…' : event.allocation === 'lottery' ? '提交申请' : '提交报名'}
      </AppButton>
      <AppButton kind='secondary' onClick={onCancel}>
        先不报了
      </AppButton>
    </View>
  );
}
