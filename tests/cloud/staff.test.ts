/**
 * Staff: the audit log written at the door, roles granted by invite code, the first-admin
 * bootstrap, the union's figures and the monthly .xlsx report.
 */
import ExcelJS from 'exceljs';
import type { Envelope } from '../../contract/define';
import { shanghai } from '../../contract/time';
import { okOf, startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { insertDocs } from '../support/db-docs';
import { draft, form } from './events-helpers';
import { rid } from './centres-helpers';

let cloud: TestCloud;
const BOOT = { openid: 'test-bootstrap-admin' };

function codeOf(res: Envelope<unknown>): string {
  return res.ok ? 'ok' : res.error.code;
}

function auditRows(query: Record<string, unknown> = {}) {
  return cloud.db.find('audit', query) as Array<{ fn: string; action: string; openid: string; name: string; role: string; outcome: string; target: Record<string, string>; personal: boolean; note: Record<string, unknown> }>;
}

beforeAll(async () => {
  process.env.BOOTSTRAP_ADMIN_OPENIDS = `${BOOT.openid}, not-an-openid!`;
  cloud = await startTestCloud({ seed: true });
}, 90000);

afterAll(async () => {
  delete process.env.BOOTSTRAP_ADMIN_OPENIDS;
  await cloud?.destroy();
});

describe('the first admin (BOOTSTRAP_ADMIN_OPENIDS, only while no admin exists)', () => {
  it('a listed OPENID becomes admin by asking for its code; an unlisted one does not', async () => {
    const other = okOf(await cloud.call('staff', 'inviteCode', {}, worker('not-listed')));
    expect(other.bootstrapped).toBe(false);
    const boot = okOf(await cloud.call('staff', 'inviteCode', {}, BOOT));
    expect(boot.bootstrapped).toBe(true);
    expect(okOf(await cloud.call('staff', 'home', {}, BOOT))).toMatchObject({ role: 'admin', isAdmin: true });
    expect(okOf(await cloud.call('staff', 'home', {}, BOOT)).centres.length).toBe(4);
  });

  it('is not honoured again once an admin exists (a revoked bootstrap admin cannot come back)', async () => {
    const second = await cloud.makeStaff('二号管理员', 'admin');
    okOf(await cloud.call('staff', 'revoke', { staffId: BOOT.openid }, second));
    const again = okOf(await cloud.call('staff', 'inviteCode', {}, BOOT));
    expect(again.bootstrapped).toBe(false);
    expect(codeOf(await cloud.call('staff', 'home', {}, BOOT))).toBe('FORBIDDEN');
  });
});

describe('roles: granted to the person in front of the admin by the code on their phone', () => {
  it('grants centre staff for one centre by code; the code works once and the role acts only there', async () => {
    const admin = await cloud.makeStaff('王管理员', 'admin');
    const li = worker('li');
    const { code } = okOf(await cloud.call('staff', 'inviteCode', {}, li));
    expect(code).toMatch(/^\d{6}$/);
    const member = okOf(await cloud.call('staff', 'grant', { code, name: '李社工', role: 'centre_staff', centreIds: ['shatou'] }, admin));
    expect(member).toMatchObject({ name: '李社工', role: 'centre_staff', centreIds: ['shatou'], grantedBy: '王管理员' });
    expect(member.maskedOpenid).not.toContain('worker-li');
    expect(codeOf(await cloud.call('staff', 'grant', { code, name: '又一次', role: 'admin' }, admin))).toBe('NOT_FOUND');
    const me = okOf(await cloud.call('account', 'me', {}, li));
    expect(me).toMatchObject({ role: 'centre_staff', centreIds: ['shatou'] });
    const home = okOf(await cloud.call('staff', 'home', {}, li));
    expect(home.centres.map((c) => c.id)).toEqual(['shatou']);
    // centre staff: the day list of their own centre, not another's
    const today = shanghai(new Date()).format('YYYY-MM-DD');
    expect(codeOf(await cloud.call('centres', 'staffDay', { centreId: 'shatou', date: today }, li))).toBe('ok');
    expect(codeOf(await cloud.call('centres', 'staffDay', { centreId: 'yannan', date: today }, li))).toBe('NOT_YOUR_CENTRE');
    // and nothing of the admin's
    expect(codeOf(await cloud.call('staff', 'list', {}, li))).toBe('FORBIDDEN');
  });

  it('refuses an expired code, an unknown centre, and an admin demoting or revoking themselves', async () => {
    const admin = await cloud.makeStaff('赵管理员', 'admin');
    const { code } = okOf(await cloud.call('staff', 'inviteCode', {}, worker('late')));
    cloud.setTimeOffset(11 * 60_000);
    try {
      expect(codeOf(await cloud.call('staff', 'grant', { code, name: '迟到', role: 'centre_staff', centreIds: ['shatou'] }, admin))).toBe('NOT_FOUND');
    } finally {
      cloud.setTimeOffset(0);
    }
    const fresh = okOf(await cloud.call('staff', 'inviteCode', {}, worker('late')));
    expect(codeOf(await cloud.call('staff', 'grant', { code: fresh.code, name: '迟到', role: 'centre_staff', centreIds: ['nowhere'] }, admin))).toBe('BAD_INPUT');
    expect(codeOf(await cloud.call('staff', 'grant', { code: fresh.code, name: '迟到', role: 'centre_staff', centreIds: [] }, admin))).toBe('BAD_INPUT');
    expect(codeOf(await cloud.call('staff', 'grant', { staffId: admin.openid, name: '赵', role: 'centre_staff', centreIds: ['shatou'] }, admin))).toBe('FORBIDDEN');
    expect(codeOf(await cloud.call('staff', 'revoke', { staffId: admin.openid }, admin))).toBe('FORBIDDEN');
    const list = okOf(await cloud.call('staff', 'list', {}, admin));
    expect(list.find((m) => m.isMe)?.name).toBe('赵管理员');
    expect(list.every((m) => !/test-staff|test-worker/.test(m.maskedOpenid.replace('…', '')) || m.maskedOpenid.includes('…'))).toBe(true);
  });
});

describe('the audit log: one record per staff/admin call, written at the door', () => {
  it('records a change, refusal without identity, refusal of a worker and of centre staff on an admin action', async () => {
    const admin = await cloud.makeStaff('审计管理员', 'admin');
    const centre = await cloud.makeStaff('审计社工', 'centre_staff', ['jiujiang']);
    const before = auditRows().length;
    const eventId = okOf(await cloud.call('events', 'save', { draft: draft({ title: '门口审计' }) }, admin)).id;
    expect(codeOf(await cloud.call('events', 'staffList', {}, admin))).toBe('ok'); // a read, answered: no change to log
    expect(codeOf(await cloud.call('events', 'staffList', {}, null))).toBe('NOT_SIGNED_IN');
    expect(codeOf(await cloud.call('events', 'staffList', {}, worker('nosy')))).toBe('FORBIDDEN');
    expect(codeOf(await cloud.call('staff', 'list', {}, centre))).toBe('FORBIDDEN');
    expect(codeOf(await cloud.call('events', 'list', {}, worker('nosy')))).toBe('ok'); // a worker action: not audited
    const rows = auditRows().slice(before);
    expect(rows.map((r) => [r.fn, r.action, r.outcome, r.role])).toEqual([
      ['events', 'save', 'ok', 'admin'],
      ['events', 'staffList', 'NOT_SIGNED_IN', 'none'],
      ['events', 'staffList', 'FORBIDDEN', 'worker'],
      ['staff', 'list', 'FORBIDDEN', 'centre_staff'],
    ]);
    expect(rows[0]).toMatchObject({ openid: admin.openid, name: '审计管理员', target: { id: eventId } });
  });

  it('names the record touched, marks personal-data reveals, keeps only plain strings from hostile input', async () => {
    const admin = await cloud.makeStaff('审计二', 'admin');
    const eventId = okOf(await cloud.call('events', 'save', { draft: draft({ title: '审计活动' }) }, admin)).id;
    okOf(await cloud.call('exports', 'attendeesXlsx', { eventId }, admin));
    const ok = auditRows({ action: 'attendeesXlsx' }).find((r) => r.outcome === 'ok')!;
    expect(ok.target).toEqual({ eventId });
    expect(ok.personal).toBe(true);
    // the attendee list itself is a read: answered, it is no change; refused, it is logged
    okOf(await cloud.call('events', 'attendees', { eventId }, admin));
    await cloud.invoke('events', { action: 'attendees', input: { eventId: { $gt: '' }, 'a.b': 'x', code: '1234567890' } }, worker('evil'));
    const rows = auditRows({ action: 'attendees' });
    expect(rows.map((r) => r.outcome)).toEqual(['FORBIDDEN']);
    expect(rows[0]!.target).toEqual({ code: '1234…' });
    expect(rows[0]!.personal).toBe(false);
  });

  it('is readable by admins only, newest first, filtered by outcome and page by page', async () => {
    const admin = await cloud.makeStaff('审计三', 'admin');
    for (let i = 0; i < 3; i++) await cloud.call('staff', 'list', {}, worker(`probe-${i}`));
    const refused = okOf(await cloud.call('staff', 'audit', { outcome: 'refused', fn: 'staff' }, admin));
    expect(refused.rows.length).toBeGreaterThanOrEqual(3);
    expect(refused.rows.every((r) => ['FORBIDDEN', 'NOT_SIGNED_IN', 'NOT_YOUR_CENTRE'].includes(r.outcome))).toBe(true);
    expect(refused.rows[0].outcomeText).toMatch(/[\u4e00-\u9fff]/);
    const times = refused.rows.map((r) => r.at);
    expect([...times].sort().reverse()).toEqual(times);
    const mine = okOf(await cloud.call('staff', 'audit', { staffId: admin.openid }, admin));
    expect(mine.rows.every((r) => r.who === '审计三')).toBe(true);
    // paging: 60 more records (changes: reads are not logged), two pages of 50 and the rest
    await insertDocs(cloud, 'audit', Array.from({ length: 60 }, (_, i) => ({
      at: new Date(Date.now() - (i + 1) * 1000), fn: 'events', action: 'setCapacity', openid: admin.openid, name: '审计三',
      role: 'admin', target: {}, outcome: 'ok', personal: false, note: {},
    })));
    const page1 = okOf(await cloud.call('staff', 'audit', { staffId: admin.openid }, admin));
    expect(page1.rows).toHaveLength(50);
    const page2 = okOf(await cloud.call('staff', 'audit', { staffId: admin.openid, before: page1.next! }, admin));
    expect(page2.rows.length).toBeGreaterThan(0);
    expect(page2.rows.every((r) => r.at < page1.rows[49].at)).toBe(true);
    expect(codeOf(await cloud.call('staff', 'audit', {}, await cloud.makeStaff('社工', 'centre_staff', ['shatou'])))).toBe('FORBIDDEN');
  });
});

describe("the union's figures and the monthly report", () => {
  const month = '2024-01';
  beforeAll(async () => {
    // A past month, written as the areas write it: entries, bookings, answered consultations, station counters.
    const at = (d: string) => new Date(`${d}+08:00`);
    await insertDocs(cloud, 'events', [{ _id: 'ev-fig', title: '2024年夜饭', venue: { name: '镇文体中心', centreId: 'jiujiang' }, status: 'closed' }]);
    await insertDocs(cloud, 'event_entries', [
      { _id: 'fe1', eventId: 'ev-fig', openid: 'w1', status: 'checked_in', seats: 3, name: '陈大文', phone: '13800001111', employer: '甲厂', createdAt: at('2024-01-05T10:00:00'), checkedInAt: at('2024-01-31T23:30:00'), activeKey: 'fe1', ticketCode: 't-fe1' },
      { _id: 'fe2', eventId: 'ev-fig', openid: 'w2', status: 'no_show', seats: 1, name: '林小红', phone: '13800002222', employer: '乙厂', createdAt: at('2024-01-06T10:00:00'), activeKey: 'fe2', ticketCode: 't-fe2' },
      { _id: 'fe3', eventId: 'ev-fig', openid: 'w3', status: 'pending', seats: 1, name: '处理中', phone: '13800003333', employer: '', createdAt: at('2024-01-06T11:00:00'), activeKey: 'fe3', ticketCode: 't-fe3' },
      // 2024-02-01 00:30 in Shanghai is still January in UTC: must count for February
      { _id: 'fe4', eventId: 'ev-fig', openid: 'w4', status: 'checked_in', seats: 2, name: '二月', phone: '13800004444', employer: '', createdAt: at('2024-02-01T00:30:00'), checkedInAt: at('2024-02-01T00:30:00'), activeKey: 'fe4', ticketCode: 't-fe4' },
    ]);
    await insertDocs(cloud, 'bookings', [
      { _id: 'fb1', code: 'FIGAAAA1', openid: 'w1', source: 'worker', name: '陈大文', phone: '13800001111', centreId: 'shatou', centreName: '沙头文体公园职工·家服务中心', service: 'legal-consultation', start: at('2024-01-10T10:00:00'), status: 'arrived', activeKey: 'x1' },
      { _id: 'fb2', code: 'FIGAAAA2', openid: '', source: 'walk_in', name: '现场', phone: '', centreId: 'shatou', centreName: '沙头文体公园职工·家服务中心', service: 'hardship-aid', start: at('2024-01-11T10:00:00'), status: 'arrived', activeKey: 'x2' },
      { _id: 'fb3', code: 'FIGAAAA3', openid: 'w2', source: 'worker', name: '林小红', phone: '13800002222', centreId: 'yannan', centreName: '烟南村职工·家服务中心', service: 'job-referral', start: at('2024-01-12T10:00:00'), status: 'no_show', activeKey: 'x3' },
    ]);
    await insertDocs(cloud, 'rights_consultations', [
      { _id: 'fc1', openid: 'w1', code: 'ZX0001', category: 'wages', status: 'answered', phone: '13800001111', anonymous: false, createdAt: at('2024-01-03T09:00:00'), answer: { text: '答复', by: '律师', at: at('2024-01-04T09:00:00') } },
      { _id: 'fc2', openid: 'w2', code: 'ZX0002', category: 'wages', status: 'submitted', phone: '', anonymous: true, createdAt: at('2024-01-20T09:00:00'), answer: null },
    ]);
    await insertDocs(cloud, 'aid_applications', [
      { _id: 'fa1', openid: 'w1', kind: 'hardship', centreId: 'shatou', status: 'done', createdAt: at('2024-01-02T09:00:00'), decision: { outcome: 'done', reason: '符合', aid: { kind: 'cash', amount: 2000 }, at: at('2024-01-09T09:00:00') } },
      { _id: 'fa2', openid: 'w2', kind: 'legal', centreId: 'shatou', status: 'refused', createdAt: at('2024-01-02T09:00:00'), decision: { outcome: 'refused', reason: '不符合', aid: null, at: at('2024-01-10T09:00:00') } },
      { _id: 'fa3', openid: 'w3', kind: 'job', centreId: 'shatou', status: 'accepted', createdAt: at('2024-01-02T09:00:00'), decision: null },
    ]);
    await insertDocs(cloud, 'station_campaigns', [{ _id: 'cy2024', name: '2024平安返乡', station: '沙头文体公园汽车站', centreId: 'shatou', startDate: '2024-01-21', endDate: '2024-01-25', services: [] }]);
    await insertDocs(cloud, 'station_counts', [
      { _id: 'cy2024:tea:2024-01-21T09', campaignId: 'cy2024', serviceId: 'tea', date: '2024-01-21', hour: '09', n: 40 },
      { _id: 'cy2024:water:2024-01-22T10', campaignId: 'cy2024', serviceId: 'water', date: '2024-01-22', hour: '10', n: 60 },
      { _id: 'cy2024:water:2024-02-01T10', campaignId: 'cy2024', serviceId: 'water', date: '2024-02-01', hour: '10', n: 7 },
    ]);
  });

  it('computes the totals, by month, service, centre, event and campaign, in Shanghai time', async () => {
    const centre = await cloud.makeStaff('数字社工', 'centre_staff', ['shatou']);
    const f = okOf(await cloud.call('staff', 'figures', { from: '2024-01-01', to: '2024-01-31' }, centre));
    expect(f.totals).toEqual({ signUps: 4, checkIns: 3, consultationsAnswered: 1, bookingsKept: 2, stationVisits: 100, aidDone: 1, aidRefused: 1, aidYuan: 2000, served: 107 });
    expect(f.byMonth).toEqual([{ month: '2024-01', events: 3, bookings: 2, station: 100, consultations: 1, aid: 1, total: 107 }]);
    expect(f.byService.find((s) => s.key === 'aid-hardship')).toMatchObject({ label: '困难帮扶', n: 1 });
    expect(f.byCampaign).toEqual([{ key: 'cy2024', label: '2024平安返乡', n: 100 }]);
    expect(f.byCentre.find((c) => c.key === 'shatou')?.n).toBe(103);
    expect(f.byCentre.find((c) => c.key === 'jiujiang')?.n).toBe(3);
    expect(f.byEvent).toEqual([{ key: 'ev-fig', label: '2024年夜饭', n: 3, signUps: 4 }]);
    expect(f.byService.find((s) => s.key === 'hardship-aid')).toMatchObject({ label: '困难帮扶', n: 1 });
    const two = okOf(await cloud.call('staff', 'figures', { from: '2024-01-01', to: '2024-02-29' }, centre));
    expect(two.byMonth.map((m) => [m.month, m.events, m.station])).toEqual([
      ['2024-01', 3, 100],
      ['2024-02', 2, 7],
    ]);
    expect(codeOf(await cloud.call('staff', 'figures', { from: '2024-02-01', to: '2024-01-01' }, centre))).toBe('BAD_INPUT');
    expect(codeOf(await cloud.call('staff', 'figures', { from: '2024-01-01', to: '2024-01-31' }, worker('x')))).toBe('FORBIDDEN');
  });

  it('makes a real .xlsx with one sheet per area, phones masked unless an admin asks, and logs the export', async () => {
    const admin = await cloud.makeStaff('报表管理员', 'admin');
    const centre = await cloud.makeStaff('报表社工', 'centre_staff', ['shatou']);
    const masked = okOf(await cloud.call('exports', 'monthlyReport', { month }, centre));
    expect(masked.sheets).toEqual(['概况', '活动', '服务中心', '维权咨询', '平安返乡']);
    expect(masked.phonesMasked).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(masked.base64, 'base64') as unknown as ArrayBuffer);
    const text = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .map((row) => (Array.isArray(row) ? row.join('|') : ''))
        .join('\n');
    expect(text('概况')).toContain('服务人次（合计）|107');
    expect(text('概况')).toContain('困难帮扶发放（元）|2000');
    expect(text('服务中心')).toContain('138****1111');
    expect(text('服务中心')).not.toContain('13800001111');
    expect(text('服务中心')).not.toContain('林小红'); // yannan: not this member of staff's centre
    expect(text('活动')).not.toContain('陈大文'); // the event is at jiujiang
    expect(text('维权咨询')).not.toContain('ZX0001'); // consultation list: admins only
    expect(text('平安返乡')).toContain('2024平安返乡|100');

    expect(codeOf(await cloud.call('exports', 'monthlyReport', { month, fullPhones: true }, centre))).toBe('FORBIDDEN');
    const full = okOf(await cloud.call('exports', 'monthlyReport', { month, fullPhones: true }, admin));
    expect(full.phonesMasked).toBe(false);
    const fullBook = new ExcelJS.Workbook();
    await fullBook.xlsx.load(Buffer.from(full.base64, 'base64') as unknown as ArrayBuffer);
    const eventsSheet = fullBook.getWorksheet('活动')!.getSheetValues().map((r) => (Array.isArray(r) ? r.join('|') : '')).join('\n');
    expect(eventsSheet).toContain('13800001111');
    expect(eventsSheet).not.toContain('处理中'); // a pending entry is not a sign-up

    const logged = auditRows({ action: 'monthlyReport' });
    expect(logged.map((r) => [r.name, r.outcome, r.note.fullPhones ?? null])).toEqual([
      ['报表社工', 'ok', false],
      ['报表社工', 'FORBIDDEN', null],
      ['报表管理员', 'ok', true],
    ]);
    expect(logged.every((r) => r.personal)).toBe(true);
  });
});

describe('signing up and checking in shows in the figures', () => {
  it('counts a live sign-up and check-in today', async () => {
    const admin = await cloud.makeStaff('现场管理员', 'admin');
    const soon = okOf(await cloud.call('events', 'save', { draft: draft({ title: '报名中的活动' }) }, admin)).id;
    okOf(await cloud.call('events', 'setStatus', { id: soon, status: 'published' }, admin));
    const entry = okOf(await cloud.call('events', 'signUp', { eventId: soon, requestId: rid('f'), form: form(77) }, worker('fig')));
    const today = shanghai(new Date()).format('YYYY-MM-DD');
    const f = okOf(await cloud.call('staff', 'figures', { from: today, to: today }, admin));
    expect(f.totals.signUps).toBeGreaterThanOrEqual(1);
    expect(f.byEvent.find((e) => e.key === soon)?.signUps).toBe(1);
    expect(entry.status).toBe('confirmed');
  });
});

describe('server/ops/grant-admin.ts (npm run cloud:exec)', () => {
  it('makes the named OPENID an admin and logs it', async () => {
    const out = await cloud.exec(require('node:path').resolve(__dirname, '../../server/ops/grant-admin.ts'), ['oOpsAdmin0001', '陈主席']);
    expect(out).toMatchObject({ ok: true, role: 'admin' });
    expect(okOf(await cloud.call('staff', 'home', {}, { openid: 'oOpsAdmin0001' }))).toMatchObject({ name: '陈主席', isAdmin: true });
    expect(auditRows({ action: 'grantAdmin' })).toHaveLength(1);
    await expect(cloud.exec(require('node:path').resolve(__dirname, '../../server/ops/grant-admin.ts'), ['bad id!'])).rejects.toThrow(/usage/);
  });
});
