/**
 * The event's own sign-up form, its group rule and its eligibility rules, checked on the server.
 * Pure: (event, submitted input) -> what the entry records, or an AppError with per-field messages.
 */
import type { ChildInfo, EligibilityRule, FormField, GroupSpec } from '../../../contract/events/model';
import { mobileProblem } from '../../../contract/phone';
import { AppError } from '../../runtime/app-error';

export interface SignUpForm {
  form: Record<string, string | boolean>;
  members?: string[];
  children?: ChildInfo[];
}

export interface CheckedSignUp {
  seats: number;
  name: string;
  phone: string;
  employer: string;
  form: Record<string, string | boolean>;
  party: string[];
}


/** Keys every event form has: the attendee list and the door need them. */
export const REQUIRED_FIELD_KEYS = ['name', 'phone'] as const;

function checkField(field: FormField, value: string | boolean | undefined): string | null {
  const empty = value === undefined || value === '' || value === false;
  if (field.kind === 'confirm') return field.required && value !== true ? '请勾选确认' : null;
  if (field.kind === 'yesno') {
    if (value === undefined || value === '') return field.required ? '请选择' : null;
    return value === 'yes' || value === 'no' ? null : '请选择“是”或“否”';
  }
  if (empty) return field.required ? `请填写${field.label}` : null;
  if (typeof value !== 'string') return `${field.label}填写有误`;
  if (field.kind === 'phone') return mobileProblem(value);
  return null;
}

function checkGroup(group: GroupSpec, input: SignUpForm, captain: string, fields: Record<string, string>): { seats: number; party: string[] } {
  if (group.kind === 'single') return { seats: 1, party: [] };
  if (group.kind === 'team') {
    const members = (input.members ?? []).map((m) => m.trim()).filter(Boolean);
    // The captain is the person signing up; the rest of the team is listed.
    if (members.length !== group.size - 1) {
      fields.members = `一队${group.size}人：除了你，还要填${group.size - 1}位${group.memberLabel}的名字`;
    } else if (members.includes(captain)) {
      // Listed again as a member, the captain would fill two of the seats and two lines at the door.
      fields.members = `队长（${captain}）已经算在队里，不用再填，请填其他${group.size - 1}位${group.memberLabel}`;
    } else if (new Set(members).size !== members.length) {
      fields.members = `有${group.memberLabel}的名字填了两次，每人填一次`;
    }
    return { seats: group.size, party: members };
  }
  const children = input.children ?? [];
  if (children.length < group.minChildren || children.length > group.maxChildren) {
    fields.children =
      group.minChildren === group.maxChildren
        ? `请填写${group.minChildren}个孩子的信息`
        : `可以带${group.minChildren}到${group.maxChildren}个孩子`;
  }
  const badAge = children.find((c) => c.age < group.childAgeMin || c.age > group.childAgeMax);
  if (badAge) fields.children = `孩子年龄要在${group.childAgeMin}到${group.childAgeMax}岁之间`;
  return { seats: 1 + children.length, party: children.map((c) => `${c.name}（${c.age}岁）`) };
}

function checkRules(rules: EligibilityRule[], form: Record<string, string | boolean>): string | null {
  for (const rule of rules) {
    if (rule.kind === 'nonLocalHukou' && form.hukouLocal !== 'no') return '这个活动只面向非本地户籍的新市民职工';
    if (rule.kind === 'confirm' && form[rule.field] !== true) return `报名条件：${rule.text}`;
  }
  return null;
}

/** Checks a submitted sign-up against the event; throws BAD_INPUT (per field) or NOT_ELIGIBLE. */
export function checkSignUp(
  event: { form: FormField[]; group: GroupSpec; eligibility: EligibilityRule[] },
  input: SignUpForm,
): CheckedSignUp {
  const fields: Record<string, string> = {};
  const form: Record<string, string | boolean> = {};
  for (const field of event.form) {
    const raw = input.form[field.key];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const problem = checkField(field, value);
    if (problem) fields[`form.${field.key}`] = problem;
    else if (value !== undefined) form[field.key] = value;
  }
  const unknown = Object.keys(input.form).filter((key) => !event.form.some((f) => f.key === key));
  if (unknown.length > 0) fields[`form.${unknown[0]}`] = '表单里没有这一项';
  const { seats, party } = checkGroup(event.group, input, String(form.name ?? ''), fields);
  if (Object.keys(fields).length > 0) throw new AppError('BAD_INPUT', undefined, fields);
  const refusal = checkRules(event.eligibility, form);
  if (refusal) throw new AppError('NOT_ELIGIBLE', refusal);
  return {
    seats,
    name: String(form.name ?? ''),
    phone: String(form.phone ?? ''),
    employer: String(form.employer ?? ''),
    form,
    party,
  };
}
