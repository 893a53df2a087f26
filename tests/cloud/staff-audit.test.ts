/**
 * The audit log decided by each action's kind (contract/define.ts), and 显示号码: through the local
 * cloud (real wx-server-sdk, several instances per function). A read is not logged unless refused;
 * a reveal answers the full number to the staff who may handle the case and is logged with its
 * reason, concurrent reveals each once; a reveal without access is refused and logged as refused;
 * the log lists in a clerk's words (谁 · 做了什么 · 对哪条记录).
 */
import type { Envelope } from '../../contract/define';
import type { Identity } from '../../local-cloud';
import { okOf, startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { draft } from './events-helpers';

// Each function's first call is a cold start; on a busy shared machine that alone can pass 5 s.
jest.setTimeout(60_000);

let cloud: TestCloud;
let admin: Identity;
let jiujiang: Identity;
let shatou: Identity;

interface AuditRecord {
  fn: string;
  action: string;
  openid: string;
  outcome: string;
  personal: boolean;
  target: Record<string, string>;
  note: Record<string, unknown>;
}
const records = (query: Record<string, unknown>) => cloud.db.find('audit', query) as unknown as AuditRecord[];
const codeOf = (res: Envelope<unknown>) => (res.ok ? 'ok' : res.error.code);
let seq = 0;
const rid = () => `audit-${Date.now().toString(36)}-${(seq += 1)}`;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
  admin = await cloud.makeStaff('审计老黄', 'admin');
  jiujiang = await cloud.makeStaff('九江阿明', 'centre_staff', ['jiujiang']);
  shatou = await cloud.makeStaff('沙头阿芳', 'centre_staff', ['shatou']);
}, 90000);

afterAll(async () => {
  await cloud?.destroy();
});

async function consultation(phone?: string) {
  return okOf(
    await cloud.call('rights', 'ask', { category: 'wages', description: '老板拖欠了我两个月的工资，怎么办？', ...(phone ? { phone } : {}), requestId: rid() }, worker(`ask-${seq}`)),
  );
}

async function aidApplication(centreId: string) {
  return okOf(
    await cloud.call(
      'aid',
      'apply',
      { kind: 'job', centreId, name: '李小红', phone: '13800138000', description: '想找一份白天的工作。', desiredJob: '普工', requestId: rid() },
      worker(`aid-${seq}`),
    ),
  );
}

describe('reads are not logged as changes', () => {
  it('opening 工作台, lists and a case leave no record; a refused read does', async () => {
    const asked = await consultation('13800138000');
    const before = cloud.db.find('audit', {}).length;
    expect(codeOf(await cloud.call('staff', 'home', {}, admin))).toBe('ok');
    expect(codeOf(await cloud.call('events', 'staffList', {}, jiujiang))).toBe('ok');
    expect(codeOf(await cloud.call('rights', 'staffConsultation', { id: asked.id }, jiujiang))).toBe('ok');
    expect(codeOf(await cloud.call('staff', 'audit', {}, admin))).toBe('ok');
    expect(cloud.db.find('audit', {}).length).toBe(before);
    // a worker reaching for the 工作台 is worth a look
    expect(codeOf(await cloud.call('staff', 'home', {}, worker('curious')))).toBe('FORBIDDEN');
    expect(records({ fn: 'staff', action: 'home' }).map((r) => [r.openid, r.outcome])).toEqual([[worker('curious').openid, 'FORBIDDEN']]);
  });

  it('a change is logged as before', async () => {
    const event = okOf(await cloud.call('events', 'save', { draft: draft({ title: '审计年夜饭' }), requestId: rid() }, admin));
    okOf(await cloud.call('events', 'setStatus', { id: event.id, status: 'published' }, admin));
    const logged = records({ fn: 'events', openid: admin.openid });
    expect(logged.map((r) => [r.action, r.outcome, r.target.id])).toEqual([
      ['save', 'ok', event.id], // the id the create answered with: the log can name the new event
      ['setStatus', 'ok', event.id],
    ]);
  });
});

describe('显示号码', () => {
  it('answers a consultation\'s full number to staff, logged as a personal-data read with the reason', async () => {
    const asked = await consultation('13800138000');
    expect(okOf(await cloud.call('rights', 'staffConsultation', { id: asked.id }, jiujiang)).maskedPhone).toBe('138****8000');
    const shown = okOf(await cloud.call('rights', 'staffRevealPhone', { id: asked.id, reason: 'callBack', note: '' }, jiujiang));
    expect(shown).toEqual({ phone: '13800138000' });
    expect(records({ action: 'staffRevealPhone', 'target.id': asked.id })).toMatchObject([
      { fn: 'rights', openid: jiujiang.openid, outcome: 'ok', personal: true, note: { reason: 'callBack' } },
    ]);
  });

  it('answers a 帮扶 applicant\'s number to staff of its centre and admins; another centre\'s staff and a worker are refused, and logged', async () => {
    const app = await aidApplication('jiujiang');
    expect(okOf(await cloud.call('aid', 'staffRevealPhone', { id: app.id, reason: 'verify', note: '' }, jiujiang)).phone).toBe('13800138000');
    expect(okOf(await cloud.call('aid', 'staffRevealPhone', { id: app.id, reason: 'other', note: '核对住址' }, admin)).phone).toBe('13800138000');
    const refused = await cloud.call('aid', 'staffRevealPhone', { id: app.id, reason: 'callBack', note: '' }, shatou);
    expect(codeOf(refused)).toBe('NOT_YOUR_CENTRE');
    expect(JSON.stringify(refused)).not.toContain('13800138000');
    expect(codeOf(await cloud.call('aid', 'staffRevealPhone', { id: app.id, reason: 'callBack', note: '' }, worker('nosy')))).toBe('FORBIDDEN');
    const logged = records({ action: 'staffRevealPhone', 'target.id': app.id });
    expect(logged.map((r) => [r.openid, r.outcome, r.personal, r.note.reason])).toEqual([
      [jiujiang.openid, 'ok', true, 'verify'],
      [admin.openid, 'ok', true, 'other'],
      [shatou.openid, 'NOT_YOUR_CENTRE', true, 'callBack'], // refused, with the reason it claimed
      [worker('nosy').openid, 'FORBIDDEN', true, undefined], // refused at the door, before its input was read
    ]);
    expect(logged[1]!.note.reasonText).toBe('核对住址');
  });

  it('says so when no number was left, and wants words for 其他', async () => {
    const asked = await consultation();
    const none = await cloud.call('rights', 'staffRevealPhone', { id: asked.id, reason: 'callBack', note: '' }, admin);
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_PHONE', message: '这位职工没有留电话' } });
    const bare = await cloud.call('rights', 'staffRevealPhone', { id: asked.id, reason: 'other', note: ' ' }, admin);
    expect(bare).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: '选了“其他”，请写一下原因' } });
    expect(codeOf(await cloud.call('rights', 'staffRevealPhone', { id: 'no-such-case', reason: 'callBack', note: '' }, admin))).toBe('CONSULTATION_NOT_FOUND');
  });

  it('twelve reveals at once on several instances: each answered, each logged exactly once', async () => {
    const app = await aidApplication('jiujiang');
    const callers = [admin, jiujiang, admin, jiujiang, admin, jiujiang, shatou, shatou, shatou, worker('w1'), worker('w2'), null];
    const answers = await Promise.all(callers.map((who) => cloud.call('aid', 'staffRevealPhone', { id: app.id, reason: 'callBack', note: '' }, who)));
    expect(answers.map(codeOf)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'NOT_YOUR_CENTRE', 'NOT_YOUR_CENTRE', 'NOT_YOUR_CENTRE', 'FORBIDDEN', 'FORBIDDEN', 'NOT_SIGNED_IN']);
    const outcomes = records({ action: 'staffRevealPhone', 'target.id': app.id }).map((r) => r.outcome);
    expect(outcomes.sort()).toEqual(['FORBIDDEN', 'FORBIDDEN', 'NOT_SIGNED_IN', 'NOT_YOUR_CENTRE', 'NOT_YOUR_CENTRE', 'NOT_YOUR_CENTRE', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });
});

describe('the log in a clerk\'s words', () => {
  it('谁 · 做了什么 · 对哪条记录, with the reason and whether numbers were masked', async () => {
    const clerk = await cloud.makeStaff('张三', 'admin');
    const event = okOf(await cloud.call('events', 'save', { draft: draft({ title: '职工年夜饭' }), requestId: rid() }, clerk));
    okOf(await cloud.call('events', 'setStatus', { id: event.id, status: 'published' }, clerk));
    okOf(await cloud.call('exports', 'monthlyReport', { month: '2026-11', fullPhones: false }, clerk));
    const asked = await consultation('13900001111');
    okOf(await cloud.call('rights', 'staffRevealPhone', { id: asked.id, reason: 'callBack', note: '' }, clerk));
    const page = okOf(await cloud.call('staff', 'audit', { staffId: clerk.openid }, admin));
    const lines = page.rows.map((r) => [[r.who, r.did, r.record].filter(Boolean).join(' · '), r.details.join('；')]);
    expect(lines).toEqual([
      [`张三 · 查看了完整号码 · 法律咨询 #${asked.code}`, '原因：回电答复'],
      ['张三 · 导出了月报 · 2026年11月', '号码已遮挡'],
      ['张三 · 发布了活动 · 职工年夜饭', ''],
      ['张三 · 保存了活动 · 职工年夜饭', ''],
    ]);
    expect(page.rows[0]).toMatchObject({ roleText: '管理员', personal: true, outcomeText: '成功' });
    expect(JSON.stringify(page.rows)).not.toMatch(/monthlyReport|staffRevealPhone|fullPhones/);
  });

  it('names who was refused and what they reached for', async () => {
    const app = await aidApplication('jiujiang');
    await cloud.call('aid', 'staffRevealPhone', { id: app.id, reason: 'verify', note: '' }, shatou);
    const page = okOf(await cloud.call('staff', 'audit', { staffId: shatou.openid, outcome: 'refused' }, admin));
    expect(page.rows[0]).toMatchObject({ who: '沙头阿芳', did: '查看了完整号码', record: `就业推荐 #${app.code}`, details: ['原因：核实情况'] });
    expect(page.rows[0]!.outcomeText).toMatch(/[\u4e00-\u9fff]/);
  });
});
