/**
 * Property: whatever arrives at any action — random shapes made from its own schema, hostile
 * values ({$gt:''}, {$where}, __proto__ keys, huge strings, deep nesting, emoji, SQL and script
 * text), or a valid input with one field swapped for one of those — the answer is a result or a
 * typed error with a Chinese message, never INTERNAL and never a crash, and afterwards every
 * invariant of the database holds. Generated from the contract: new actions are covered as they land.
 * Bounded (RUNS per action, fixed seed) so it stays within a couple of minutes; set PROPERTY_SEED
 * / PROPERTY_RUNS to explore further.
 */
import fc from 'fast-check';
import { CONTRACT } from '../../contract';
import type { Access } from '../../contract/define';
import { ERROR_MESSAGES } from '../../contract/errors';
import { startTestCloud, worker, type TestCloud } from '../support/local-cloud';
import { checkInvariants } from '../support/invariants';
import { asJson, hostile, mutated, validish, type IdPool } from '../support/zod-arbitrary';
import { draft, form } from '../cloud/events-helpers';
import { openSlots, rid, saveRoster, testRoster } from '../cloud/centres-helpers';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261124);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

const ACTIONS = Object.entries(CONTRACT).flatMap(([fn, actions]) =>
  Object.entries(actions as Record<string, { access: Access; input: unknown }>).map(([action, spec]) => ({ fn, action, access: spec.access, input: spec.input })),
);

let cloud: TestCloud;
let pool: IdPool = {};
const who: Record<string, { openid: string } | null> = {};
const totals = { actions: 0, inputs: 0, ok: 0, typedErrors: 0, invariantsChecked: 0 };
const CHINESE = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  cloud = await startTestCloud({ seed: true, maxInstancesPerFunction: 2 });
  const admin = await cloud.makeStaff('属性管理员', 'admin');
  who.admin = admin;
  who.centre = await cloud.makeStaff('属性社工', 'centre_staff', ['shatou']);
  who.worker = worker('prop');
  who.nobody = null;
  // Real records to aim at: an open event with an entry, a booking, a consultation.
  const created = (await cloud.call('events', 'save', { draft: draft({ title: '属性测试活动', capacity: 3, venue: { name: '沙头', address: '沙头', centreId: 'shatou' } }) }, admin)) as { ok: true; data: { id: string } };
  await cloud.call('events', 'setStatus', { id: created.data.id, status: 'published' }, admin);
  const entry = (await cloud.call('events', 'signUp', { eventId: created.data.id, requestId: rid('pe'), form: form(1) }, who.worker)) as { ok: true; data: { id: string } };
  await saveRoster(cloud, admin, testRoster({ centreId: 'shatou', service: 'legal-consultation' }));
  const [slot] = await openSlots(cloud, 'shatou', 'legal-consultation');
  const booking = (await cloud.call('centres', 'book', { centreId: 'shatou', service: 'legal-consultation', start: slot.start, requestId: rid('pb') }, who.worker)) as { ok: true; data: { id: string; code: string } };
  const ids = (collection: string) => cloud.db.find(collection).map((d) => String(d._id)).slice(0, 20);
  pool = {
    id: [...ids('events'), ...ids('centres'), entry.data.id, booking.data.id, ...ids('rights_consultations')],
    eventId: ids('events'),
    centreId: ids('centres'),
    entryId: [entry.data.id],
    slug: ids('rights_articles'),
    articleSlug: ids('rights_articles'),
    campaignId: ids('station_campaigns'),
    fairId: ids('fairs'),
    code: [booking.data.code],
    start: [slot.start],
  };
}, 120000);

afterAll(async () => {
  console.log(JSON.stringify({ suite: 'property', seed: SEED, runsPerAction: RUNS, ...totals }));
  await cloud?.destroy();
});

function identityFor(access: Access): fc.Arbitrary<{ openid: string } | null> {
  // Mostly a caller who passes the door (so the input reaches the handler), sometimes not.
  const passes = access === 'admin' ? who.admin : access === 'staff' ? fc.sample(fc.constantFrom(who.admin, who.centre), 1)[0] : who.worker;
  return fc.oneof({ arbitrary: fc.constant(passes), weight: 6 }, { arbitrary: fc.constantFrom(who.nobody, who.worker, who.centre, who.admin), weight: 1 });
}

describe('hostile and random input at every action', () => {
  it.each(ACTIONS.map((a) => [`${a.fn}.${a.action}`, a] as const))(
    '%s answers a result or a typed Chinese error, and the invariants hold',
    async (_name, a) => {
      const input = fc.oneof({ arbitrary: validish(a.input, pool), weight: 2 }, { arbitrary: mutated(a.input, pool), weight: 3 }, { arbitrary: hostile, weight: 2 });
      await fc.assert(
        fc.asyncProperty(input, identityFor(a.access), async (value, caller) => {
          totals.inputs += 1;
          let answer: { ok?: unknown; error?: { code?: unknown; message?: unknown } };
          try {
            answer = (await cloud.invoke(a.fn, { action: a.action, input: asJson(value) }, caller)) as typeof answer;
          } catch (error) {
            throw new Error(`the function crashed: ${(error as Error).message}`);
          }
          if (answer?.ok === true) {
            totals.ok += 1;
            return;
          }
          totals.typedErrors += 1;
          expect(answer?.ok).toBe(false);
          const code = String(answer.error?.code);
          expect(Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code)).toBe(true);
          expect(code).not.toBe('INTERNAL');
          expect(String(answer.error?.message)).toMatch(CHINESE);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 1 },
      );
      totals.actions += 1;
      const report = checkInvariants(cloud);
      totals.invariantsChecked += report.checked;
      expect(report.violations).toEqual([]);
    },
    180000,
  );
});
