/** Field errors name the field in plain Chinese, from labels declared once on the schema. */
import { fieldMessages } from '../../contract/field-messages';
import { CONTRACT } from '../../contract';

const save = CONTRACT.events.save.input;
const validDraft = {
  title: '职工象棋比赛',
  category: 'sports',
  summary: '以棋会友',
  description: '',
  organiser: '九江镇总工会',
  phone: '',
  venue: { name: '文体中心', address: '' },
  startsAt: '2027-01-10T02:00:00.000Z',
  endsAt: '2027-01-10T04:00:00.000Z',
  signUpOpensAt: '2027-01-01T02:00:00.000Z',
  signUpClosesAt: '2027-01-09T12:00:00.000Z',
  cancelDeadline: '2027-01-09T12:00:00.000Z',
  capacity: 20,
  waitlistLimit: 0,
  claimHours: 24,
  allocation: 'first_come',
  lotteryPriority: 'none',
  series: '',
  group: { kind: 'single' },
  form: [],
  eligibility: [],
};

function messagesFor(draft: Record<string, unknown>): Record<string, string> {
  const parsed = save.safeParse({ draft });
  if (parsed.success) return {};
  return fieldMessages(save, parsed.error.issues);
}

describe('field messages', () => {
  it('accepts the valid draft (so the cases below test one fault each)', () => {
    expect(messagesFor(validDraft)).toEqual({});
  });

  it('names the field: empty, too long, too small, not a date, nested', () => {
    expect(messagesFor({ ...validDraft, title: '  ' })).toEqual({ 'draft.title': '请填写活动名称' });
    expect(messagesFor({ ...validDraft, title: '长'.repeat(200) })['draft.title']).toMatch(/^活动名称最多\d+个字$/);
    expect(messagesFor({ ...validDraft, capacity: 0 })).toEqual({ 'draft.capacity': '名额不能小于1' });
    expect(messagesFor({ ...validDraft, startsAt: 'not a date' })).toEqual({ 'draft.startsAt': '请选择开始时间' });
    expect(messagesFor({ ...validDraft, venue: { name: '', address: '' } })).toEqual({ 'draft.venue.name': '请填写地点' });
  });

  it('never shows zod\'s own words', () => {
    const all = Object.values(messagesFor({ ...validDraft, title: '', summary: '', capacity: -1, startsAt: 'x', category: 'nope' })).join(' ');
    expect(all).not.toMatch(/期望|无效|string|ISO|expected|Invalid/i);
  });
});
