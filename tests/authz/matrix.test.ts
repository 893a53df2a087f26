/**
 * The authorization matrix, generated from the contract: every staff/admin action is refused
 * without identity, to a worker, and (admin actions) to centre staff; centre staff are refused on
 * other centres' records; an OPENID in any input of any action is refused or ignored; a worker
 * cannot act on another worker's record. New actions join the matrix by being in the contract.
 */
import fc from 'fast-check';
import { CONTRACT } from '../../contract';
import type { Access } from '../../contract/define';
import { ERROR_MESSAGES } from '../../contract/errors';
import { shanghai } from '../../contract/time';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { everyDocument } from '../support/db-docs';
import { checkInvariants } from '../support/invariants';
import { asJson, validish } from '../support/zod-arbitrary';
import { draft, form } from '../cloud/events-helpers';
import { openSlots, rid, saveRoster, testRoster } from '../cloud/centres-helpers';

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

const ACTIONS = Object.entries(CONTRACT).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, { access: Access; input: unknown }>).map(([action, spec]) => ({ fn, action, access: spec.access, input: spec.input })),
);
const GUARDED = ACTIONS.filter((a) => a.access === 'staff' || a.access === 'admin');
const ADMIN_ONLY = ACTIONS.filter((a) => a.access === 'admin');

let cloud: TestCloud;
let calls = 0;

async function raw(fn: string, action: string, input: unknown, who: { openid: string } | null): Promise<Answer> {
  calls += 1;
  return (await cloud.invoke(fn, { action, input }, who)) as Answer;
}
const codeOf = (a: Answer) => (a.ok ? 'ok' : a.error!.code);

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true });
}, 90000);

afterAll(async () => {
  await cloud?.destroy();
});

describe('every staff/admin action at the door', () => {
  it('the contract has guarded actions in every staff-facing function', () => {
    expect(GUARDED.length).toBeGreaterThan(20);
    expect(new Set(GUARDED.map((a) => a.fn))).toEqual(new Set(['centres', 'station', 'events', 'exports', 'rights', 'aid', 'staff']));
  });

  it.each(GUARDED.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s: no identity -> NOT_SIGNED_IN, worker -> FORBIDDEN', async (_name, a) => {
    expect(codeOf(await raw(a.fn, a.action, {}, null))).toBe('NOT_SIGNED_IN');
    expect(codeOf(await raw(a.fn, a.action, {}, worker('matrix')))).toBe('FORBIDDEN');
    // a worker sending a staff-looking input changes nothing
    expect(codeOf(await raw(a.fn, a.action, { role: 'admin', staff: true, openid: 'test-staff-x' }, worker('matrix')))).toBe('FORBIDDEN');
  });

  it.each(ADMIN_ONLY.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s: centre staff -> FORBIDDEN', async (_name, a) => {
    const centre = await cloud.makeStaff('矩阵社工', 'centre_staff', ['shatou']);
    expect(codeOf(await raw(a.fn, a.action, {}, centre))).toBe('FORBIDDEN');
  });

  it('every refusal above left exactly one audit record', () => {
    const refused = cloud.db.find('audit', {}).filter((r) => (r as { outcome: string }).outcome !== 'ok');
    expect(refused.length).toBe(GUARDED.length * 3 + ADMIN_ONLY.length);
  });
});

describe('centre staff act only on their own centres', () => {
  const today = shanghai(new Date()).format('YYYY-MM-DD');
  const start = (days: number) => shanghai(new Date(Date.now() + days * 86400_000)).hour(10).minute(0).second(0).millisecond(0).format('YYYY-MM-DDTHH:mm:ssZ');
  const roster = { ...testRoster({ centreId: 'yannan' }) };
  const fair = { centreId: 'yannan', date: today, title: '便民日', opens: '09:00', closes: '12:00', place: '广场', queues: [{ id: 'cut', name: '义剪', windows: [] }] };
  const campaign = { requestId: 'authz-campaign-1', name: '烟南返乡', station: '烟南站', centreId: 'yannan', startDate: '2030-01-01', endDate: '2030-01-05', opens: '08:00', closes: '18:00', services: [{ id: 'tea', label: '姜茶', kind: 'service' }], tips: [] };

  const cases: [string, string, unknown][] = [
    ['centres', 'staffDay', { centreId: 'yannan', date: today }],
    ['centres', 'staffSaveRoster', roster],
    ['centres', 'staffSaveClosure', { centreId: 'yannan', date: today, reason: '检修' }],
    ['centres', 'staffSaveFair', fair],
    ['centres', 'staffCloseSlot', { centreId: 'yannan', service: 'legal-consultation', start: start(2), reason: '临时有事' }],
    ['centres', 'staffWalkIn', { centreId: 'yannan', service: 'legal-consultation', start: start(2), name: '现场', requestId: 'walkin-matrix-1' }],
    ['station', 'staffSaveCampaign', campaign],
    ['aid', 'staffQueue', { centreId: 'yannan' }],
  ];

  it.each(cases)('%s.%s on another centre -> NOT_YOUR_CENTRE, nothing written', async (fn, action, input) => {
    const centre = await cloud.makeStaff('沙头社工', 'centre_staff', ['shatou']);
    const before = JSON.stringify(everyDocument(cloud).rosters) + JSON.stringify(everyDocument(cloud).station_campaigns);
    expect(codeOf(await raw(fn, action, input, centre))).toBe('NOT_YOUR_CENTRE');
    expect(JSON.stringify(everyDocument(cloud).rosters) + JSON.stringify(everyDocument(cloud).station_campaigns)).toBe(before);
  });

  it('records of another centre found by id or code are refused too (booking, 便民日, station campaign)', async () => {
    const admin = await cloud.makeStaff('矩阵管理员', 'admin');
    const centre = await cloud.makeStaff('沙头社工', 'centre_staff', ['shatou']);
    await saveRoster(cloud, admin, testRoster({ centreId: 'yannan', service: 'job-referral' }));
    const [slot] = await openSlots(cloud, 'yannan', 'job-referral');
    const booking = (await raw('centres', 'book', { centreId: 'yannan', service: 'job-referral', start: slot.start, requestId: rid('mx') }, worker('yn'))) as Answer & { data: { id: string; code: string } };
    expect(booking.ok).toBe(true);
    expect(codeOf(await raw('centres', 'staffCheckIn', { code: booking.data.code }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('centres', 'staffNoShow', { id: booking.data.id }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('centres', 'staffSaveFair', fair, admin))).toBe('ok');
    const fairId = `yannan:${today}`;
    expect(codeOf(await raw('centres', 'staffCallNext', { fairId, queueId: 'cut' }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('centres', 'staffFairWalkIn', { fairId, queueId: 'cut', name: '路人', requestId: 'fairwalk-matrix-1' }, centre))).toBe('NOT_YOUR_CENTRE');
    const saved = (await raw('station', 'staffSaveCampaign', campaign, admin)) as Answer & { data: { id: string } };
    expect(codeOf(saved)).toBe('ok');
    const campaignId = saved.data.id;
    expect(codeOf(await raw('station', 'staffStats', { campaignId }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('station', 'staffQrCode', { campaignId }, centre))).toBe('NOT_YOUR_CENTRE');
    const listed = (await raw('station', 'staffCampaigns', {}, centre)) as Answer & { data: { id: string }[] };
    expect(listed.data.map((c) => c.id)).not.toContain(campaignId);
  });

  it('events held at another centre cannot be changed or read by its list; town-wide events are the admins\'', async () => {
    const admin = await cloud.makeStaff('活动管理员', 'admin');
    const centre = await cloud.makeStaff('沙头社工', 'centre_staff', ['shatou']);
    const at = (centreId?: string) => draft({ title: `活动@${centreId ?? '全镇'}`, venue: { name: '中心', address: '九江', ...(centreId ? { centreId } : {}) } });
    const yannan = ((await raw('events', 'save', { draft: at('yannan') }, admin)) as Answer & { data: { id: string } }).data.id;
    const townWide = ((await raw('events', 'save', { draft: at() }, admin)) as Answer & { data: { id: string } }).data.id;
    expect(codeOf(await raw('events', 'save', { draft: at('yannan') }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('events', 'save', { id: yannan, draft: at('shatou') }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('events', 'setStatus', { id: yannan, status: 'published' }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('events', 'setCapacity', { id: yannan, capacity: 99 }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('events', 'attendees', { eventId: yannan }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('exports', 'attendeesXlsx', { eventId: yannan }, centre))).toBe('NOT_YOUR_CENTRE');
    expect(codeOf(await raw('events', 'setStatus', { id: townWide, status: 'published' }, centre))).toBe('FORBIDDEN');
    // their own centre's event: fine
    const own = (await raw('events', 'save', { draft: at('shatou') }, centre)) as Answer & { data: { id: string } };
    expect(own.ok).toBe(true);
    expect(codeOf(await raw('events', 'setStatus', { id: own.data.id, status: 'published' }, centre))).toBe('ok');
    // checking people in at the door of a town-wide event is every staff member's job
    expect(codeOf(await raw('events', 'attendees', { eventId: townWide }, centre))).toBe('ok');
  });
});

describe('an OPENID in the input is refused or ignored, for every action', () => {
  const victim = { openid: 'test-worker-victim-of-forgery' };
  it('forged openid / OPENID / _openid fields never write anything under the victim', async () => {
    const admin = await cloud.makeStaff('伪造测试管理员', 'admin');
    const attacker = worker('forger');
    let tried = 0;
    for (const a of ACTIONS) {
      const samples = fc.sample(validish(a.input), { numRuns: 3, seed: 42 });
      for (const sample of samples) {
        for (const field of ['openid', 'OPENID', '_openid']) {
          const input = { ...(typeof sample === 'object' && sample ? sample : {}), [field]: victim.openid };
          const who = a.access === 'staff' || a.access === 'admin' ? admin : attacker;
          const answer = await raw(a.fn, a.action, asJson(input), who);
          tried += 1;
          expect(answer.ok === true || Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, answer.error!.code)).toBe(true);
          if (!answer.ok) expect(answer.error!.code).not.toBe('INTERNAL');
        }
      }
    }
    const all = everyDocument(cloud);
    const underVictim = Object.entries(all).flatMap(([collection, docs]) =>
      docs.filter((d) => d.openid === victim.openid || d._openid === victim.openid || d._id === victim.openid).map((d) => `${collection}/${String(d._id)}`),
    );
    expect(underVictim).toEqual([]);
    console.log(JSON.stringify({ suite: 'authz-forged-openid', actions: ACTIONS.length, inputsTried: tried }));
  }, 120000);

  it('a sign-up with an openid inside its form is the caller\'s own', async () => {
    const admin = await cloud.makeStaff('表单管理员', 'admin');
    const eventId = ((await raw('events', 'save', { draft: draft({ title: '表单测试' }) }, admin)) as Answer & { data: { id: string } }).data.id;
    await raw('events', 'setStatus', { id: eventId, status: 'published' }, admin);
    const res = await raw('events', 'signUp', { eventId, requestId: rid('fo'), form: { ...form(5), openid: victim.openid } }, worker('form-forger'));
    const entries = cloud.db.find('event_entries', { eventId }) as { openid: string }[];
    expect(entries.every((e) => e.openid === worker('form-forger').openid)).toBe(true);
    expect(res.ok === true || res.error?.code === 'BAD_INPUT').toBe(true);
  });
});

describe("a worker cannot act on another worker's record", () => {
  it('entries, tickets, bookings and consultations of someone else: refused, untouched', async () => {
    const admin = await cloud.makeStaff('他人记录管理员', 'admin');
    const owner = worker('owner');
    const thief = worker('thief');
    const eventId = ((await raw('events', 'save', { draft: draft({ title: '他人记录' }) }, admin)) as Answer & { data: { id: string } }).data.id;
    await raw('events', 'setStatus', { id: eventId, status: 'published' }, admin);
    const entry = (await raw('events', 'signUp', { eventId, requestId: rid('ow'), form: form(9) }, owner)) as Answer & { data: { id: string } };
    expect(entry.ok).toBe(true);
    const entryId = entry.data.id;
    for (const action of ['cancel', 'claim', 'ticket'] as const) {
      expect(['ENTRY_NOT_FOUND', 'NOT_FOUND']).toContain(codeOf(await raw('events', action, { entryId }, thief)));
    }
    await saveRoster(cloud, admin, testRoster({ centreId: 'gongzi', service: 'rights-help' }));
    const [slot] = await openSlots(cloud, 'gongzi', 'rights-help');
    const booking = (await raw('centres', 'book', { centreId: 'gongzi', service: 'rights-help', start: slot.start, requestId: rid('ob') }, owner)) as Answer & { data: { id: string } };
    expect(booking.ok).toBe(true);
    for (const [action, input] of [
      ['cancel', { id: booking.data.id }],
      ['booking', { id: booking.data.id }],
      ['reschedule', { id: booking.data.id, start: slot.start }],
    ] as const) {
      expect(codeOf(await raw('centres', action, input, thief))).toMatch(/NOT_FOUND/);
    }
    const asked = (await raw('rights', 'ask', { category: 'wages', description: '厂里两个月没发工资了，老板说等货款回来再发，我们该怎么办？', requestId: rid('oc') }, owner)) as Answer & { data: { id: string } };
    expect(asked.ok).toBe(true);
    expect(codeOf(await raw('rights', 'consultation', { id: asked.data.id }, thief))).toMatch(/NOT_FOUND/);
    expect(codeOf(await raw('rights', 'rate', { id: asked.data.id, rating: 1 }, thief))).toMatch(/NOT_FOUND|NOT_ANSWERED_YET/);
    const applied = (await raw('aid', 'apply', { kind: 'job', centreId: 'gongzi', name: '王小明', phone: '13812345678', description: '想找工作', desiredJob: '普工', requestId: rid('oa') }, owner)) as Answer & { data: { id: string } };
    expect(applied.ok).toBe(true);
    for (const [action, input] of [
      ['application', { id: applied.data.id }],
      ['uploadSlot', { id: applied.data.id, kind: 'id', name: 'a.jpg', ext: 'jpg', size: 1 }],
      ['addDocuments', { id: applied.data.id, documents: [{ fileId: 'cloud://local/aid/x/y.jpg', kind: 'id', name: 'a.jpg', ext: 'jpg', size: 1 }] }],
      ['file', { id: applied.data.id, documentId: 'x' }],
    ] as const) {
      expect(codeOf(await raw('aid', action, input, thief))).toBe('APPLICATION_NOT_FOUND');
    }
    // the owner's records are as they were
    const mine = (await raw('events', 'mine', {}, owner)) as Answer & { data: { status: string }[] };
    expect(mine.data[0].status).toBe('confirmed');
    const b = (await raw('centres', 'booking', { id: booking.data.id }, owner)) as Answer & { data: { status: string } };
    expect(b.data.status).toBe('booked');
    const theirs = (await raw('events', 'mine', {}, thief)) as Answer & { data: unknown[] };
    expect(theirs.data).toEqual([]);
  });

  it('the database invariants hold after the whole matrix', () => {
    const report = checkInvariants(cloud);
    expect(report.violations).toEqual([]);
    console.log(JSON.stringify({ suite: 'authz', guardedActions: GUARDED.length, adminActions: ADMIN_ONLY.length, actions: ACTIONS.length, calls, invariantsChecked: report.checked }));
  });
});
