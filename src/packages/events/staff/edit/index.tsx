import { useEffect, useState } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { useRequestId } from '../../../../hooks/use-request-id';
import { usePageParams } from '../../../../hooks/use-page-params';
import type { EventDraftInput } from '@contract/events/actions';
import {
  ALLOCATION_LABELS,
  EVENT_CATEGORIES,
  EVENT_CATEGORY_LABELS,
  EVENT_LIMITS,
  type Allocation,
  type EventCategory,
  type EventDetail,
  type FormField,
} from '@contract/events/model';
import { fromShanghai, shanghai } from '@contract/time';
import { call } from '../../../../api/call';
import { PageShell } from '../../../../components/page-shell';
import { openPage, PAGES } from '../../../../routes';
import '../../../../components/events/events.scss';
import { AppButton } from '../../../../components/button';
import { LabelledField } from '../../../../components/form-field';
import { formMessage } from '../../../../api/form-message';

type GroupKind = 'single' | 'team' | 'family';

interface Form {
  title: string;
  category: EventCategory;
  summary: string;
  description: string;
  venueName: string;
  venueAddress: string;
  date: string;
  start: string;
  end: string;
  closeDate: string;
  capacity: string;
  allocation: Allocation;
  group: GroupKind;
  teamSize: string;
  employer: boolean;
  nonLocalOnly: boolean;
}

const HOUR = 3600_000;

function blank(): Form {
  const day = shanghai(Date.now() + 14 * 24 * HOUR).format('YYYY-MM-DD');
  return {
    title: '',
    category: 'sports',
    summary: '',
    description: '',
    venueName: '',
    venueAddress: '',
    date: day,
    start: '19:00',
    end: '21:00',
    closeDate: shanghai(Date.now() + 10 * 24 * HOUR).format('YYYY-MM-DD'),
    capacity: '50',
    allocation: 'first_come',
    group: 'single',
    teamSize: '10',
    employer: true,
    nonLocalOnly: false,
  };
}

function fromEvent(e: EventDetail): Form {
  return {
    title: e.title,
    category: e.category,
    summary: e.summary,
    description: e.description,
    venueName: e.venue.name,
    venueAddress: e.venue.address,
    date: shanghai(e.startsAt).format('YYYY-MM-DD'),
    start: shanghai(e.startsAt).format('HH:mm'),
    end: shanghai(e.endsAt).format('HH:mm'),
    closeDate: shanghai(e.signUpClosesAt).format('YYYY-MM-DD'),
    capacity: String(e.capacity),
    allocation: e.allocation,
    group: e.group.kind,
    teamSize: e.group.kind === 'team' ? String(e.group.size) : '10',
    employer: e.form.some((f) => f.key === 'employer'),
    nonLocalOnly: e.eligibility.some((r) => r.kind === 'nonLocalHukou'),
  };
}

/** The staff form -> the contract's event draft (sign-up opens now; cancelling closes a day before). */
function toDraft(f: Form, existing: EventDetail | null): EventDraftInput {
  const startsAt = fromShanghai(`${f.date} ${f.start}`);
  const endsAt = fromShanghai(`${f.date} ${f.end}`);
  const closes = fromShanghai(`${f.closeDate} 20:00`);
  const fields: FormField[] = [
    { key: 'name', label: '姓名', kind: 'text', required: true, hint: '填身份证上的名字' },
    { key: 'phone', label: '手机号', kind: 'phone', required: true },
    ...(f.employer ? [{ key: 'employer', label: '工作单位', kind: 'text' as const, required: true }] : []),
    ...(f.nonLocalOnly
      ? [
          { key: 'hukouLocal', label: '户籍在南海区吗', kind: 'yesno' as const, required: true },
          { key: 'hukouProvince', label: '老家省份', kind: 'province' as const, required: true },
        ]
      : []),
  ];
  return {
    title: f.title,
    category: f.category,
    summary: f.summary,
    description: f.description,
    organiser: existing?.organiser ?? '九江镇总工会',
    phone: existing?.phone ?? '12351',
    venue: { name: f.venueName, address: f.venueAddress, ...(existing?.venue.centreId ? { centreId: existing.venue.centreId } : {}) },
    startsAt,
    endsAt,
    signUpOpensAt: existing?.signUpOpensAt ?? new Date(),
    signUpClosesAt: closes < startsAt ? closes : startsAt,
    cancelDeadline: new Date(Math.min(startsAt.getTime() - 24 * HOUR, Math.max(closes.getTime(), startsAt.getTime() - 24 * HOUR))),
    capacity: Number(f.capacity) || 0,
    waitlistLimit: existing?.waitlistLimit ?? 500,
    claimHours: existing?.claimHours ?? EVENT_LIMITS.claimHoursDefault,
    allocation: f.allocation,
    lotteryPriority: f.allocation === 'lottery' ? 'first_time' : 'none',
    series: existing?.series ?? '',
    group:
      f.group === 'team'
        ? { kind: 'team', size: Number(f.teamSize) || 10, memberLabel: '队员' }
        : f.group === 'family'
          ? { kind: 'family', minChildren: 1, maxChildren: 2, childAgeMin: 3, childAgeMax: 12 }
          : { kind: 'single' },
    form: fields,
    eligibility: f.nonLocalOnly ? [{ kind: 'nonLocalHukou' }] : [],
  };
}

function Choice<T extends string>({ value, options, onChange }: { value: T; options: Array<[T, string]>; onChange: (v: T) => void }) {
  return (
    <View className='ev-choice-row'>
      {options.map(([key, label]) => (
        <AppButton key={key} kind={key === value ? 'primary' : 'secondary'} className='ev-small-button' onClick={() => onChange(key)}>
          {label}
        </AppButton>
      ))}
    </View>
  );
}

/** Staff: create or edit an event. A new one is saved as a draft; publish it from the event's page. */
export default function StaffEditEventPage() {
  const id = usePageParams().id ?? '';
  const [existing, setExisting] = useState<EventDetail | null>(null);
  const [form, setForm] = useState<Form>(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState(id ? '正在加载…' : '');
  const [busy, setBusy] = useState(false);
  // One id per 保存 of a new event: a double tap or a retry makes one draft.
  const press = useRequestId();

  useEffect(() => {
    if (!id) return;
    void call('events', 'staffGet', { id }).then((res) => {
      if (res.ok) {
        setExisting(res.data);
        setForm(fromEvent(res.data));
        setMessage('');
      } else setMessage(res.error.message);
    });
  }, [id]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((old) => ({ ...old, [key]: value }));
  const locked = !!existing && existing.status !== 'draft';
  const err = (key: string) => errors[`draft.${key}`];

  async function save() {
    setBusy(true);
    setMessage('');
    const res = await call('events', 'save', { ...(id ? { id } : { requestId: press.requestId() }), draft: toDraft(form, existing) });
    press.answered(res);
    setBusy(false);
    if (!res.ok) {
      setErrors(res.error.fields ?? {});
      setMessage(formMessage(res.error, (f) => f.startsWith('draft.')));
      return;
    }
    if (existing && Number(form.capacity) !== existing.capacity) {
      const cap = await call('events', 'setCapacity', { id: res.data.id, capacity: Number(form.capacity) });
      if (!cap.ok) {
        setMessage(cap.error.message);
        return;
      }
    }
    openPage(PAGES.eventCheckIn, { eventId: res.data.id });
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='title' style={{ display: 'block' }}>
          {id ? '修改活动' : '新建活动'}
        </Text>
        {!id && <Text className='muted ev-line'>保存后是草稿，职工看不到；在活动页点“发布活动”才开始报名。</Text>}
        <LabelledField label='活动名称' error={err('title')}>
          <Input className='input ev-input' value={form.title} maxlength={EVENT_LIMITS.titleMax} onInput={(e) => set('title', e.detail.value)} aria-label='活动名称' />
        </LabelledField>
        <LabelledField label='类别'>
          <Choice value={form.category} options={EVENT_CATEGORIES.map((c) => [c, EVENT_CATEGORY_LABELS[c]])} onChange={(v) => set('category', v)} />
        </LabelledField>
        <LabelledField label='一句话介绍' error={err('summary')}>
          <Input className='input ev-input' value={form.summary} maxlength={EVENT_LIMITS.summaryMax} onInput={(e) => set('summary', e.detail.value)} aria-label='一句话介绍' />
        </LabelledField>
        <LabelledField label='活动说明（规则、要带什么）'>
          <Textarea className='textarea' value={form.description} maxlength={EVENT_LIMITS.descriptionMax} onInput={(e) => set('description', e.detail.value)} />
        </LabelledField>
        <LabelledField label='地点' error={err('venue.name')}>
          <Input className='input ev-input' value={form.venueName} placeholder='例如 九江镇文体中心' onInput={(e) => set('venueName', e.detail.value)} aria-label='地点' />
          <Input className='input ev-input' value={form.venueAddress} placeholder='详细地址' onInput={(e) => set('venueAddress', e.detail.value)} aria-label='详细地址' />
        </LabelledField>
        <LabelledField label='日期和时间' error={err('startsAt') ?? err('endsAt')}>
          <View className='ev-choice-row'>
            <Picker mode='date' value={form.date} onChange={(e) => set('date', e.detail.value)}>
              <View className='input ev-input'>
                <Text>{form.date}</Text>
              </View>
            </Picker>
            <Picker mode='time' value={form.start} onChange={(e) => set('start', e.detail.value)}>
              <View className='input ev-input'>
                <Text>{form.start}</Text>
              </View>
            </Picker>
            <Text style={{ alignSelf: 'center' }}>到</Text>
            <Picker mode='time' value={form.end} onChange={(e) => set('end', e.detail.value)}>
              <View className='input ev-input'>
                <Text>{form.end}</Text>
              </View>
            </Picker>
          </View>
        </LabelledField>
        <LabelledField label='报名截止日期（当天20:00）' error={err('signUpClosesAt')}>
          <Picker mode='date' value={form.closeDate} onChange={(e) => set('closeDate', e.detail.value)}>
            <View className='input ev-input'>
              <Text>{form.closeDate}</Text>
            </View>
          </Picker>
        </LabelledField>
        <LabelledField label='名额（人数）' error={err('capacity')}>
          <Input className='input ev-input' type='number' value={form.capacity} onInput={(e) => set('capacity', e.detail.value)} aria-label='名额' />
        </LabelledField>
        <LabelledField label={locked ? '报名方式（已发布，不能改）' : '报名方式'}>
          <Choice value={form.allocation} options={(['first_come', 'lottery'] as Allocation[]).map((a) => [a, ALLOCATION_LABELS[a]])} onChange={(v) => !locked && set('allocation', v)} />
        </LabelledField>
        <LabelledField label={locked ? '谁来报名（已发布，不能改）' : '谁来报名'}>
          <Choice value={form.group} options={[['single', '个人'], ['team', '团队'], ['family', '家长带孩子']]} onChange={(v) => !locked && set('group', v)} />
          {form.group === 'team' && (
            <Input className='input ev-input' type='number' value={form.teamSize} onInput={(e) => !locked && set('teamSize', e.detail.value)} placeholder='一队几人' aria-label='一队几人' />
          )}
        </LabelledField>
        <LabelledField label='报名表'>
          <View className={form.employer ? 'ev-check ev-check--on' : 'ev-check'} onClick={() => !locked && set('employer', !form.employer)}>
            <Text>{form.employer ? '☑' : '☐'} 要填工作单位</Text>
          </View>
          <View className={form.nonLocalOnly ? 'ev-check ev-check--on' : 'ev-check'} onClick={() => !locked && set('nonLocalOnly', !form.nonLocalOnly)}>
            <Text>{form.nonLocalOnly ? '☑' : '☐'} 只限非本地户籍的新市民</Text>
          </View>
        </LabelledField>
        {message && (
          <View className='ev-error' role='alert'>
            <Text>{message}</Text>
          </View>
        )}
        <AppButton busy={busy} onClick={() => void save()}>
          保存
        </AppButton>
        <AppButton kind='secondary' onClick={() => openPage(PAGES.eventsStaff)}>
          不保存，回活动管理
        </AppButton>
      </View>
    </PageShell>
  );
}
