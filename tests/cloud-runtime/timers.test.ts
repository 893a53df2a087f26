/** WeChat timer triggers: 7-field cron in UTC+8, runTimer on demand, firing on schedule. */
import { startLocalCloud } from '../../local-cloud';
import { matches, nextFire, parseCron } from '../../local-cloud/timers/cron';
import { makeFunctionsDir, makeTempDir } from './fixtures';

// Instances cold-start in ~0.2 s alone but several seconds when a loaded 2-core machine starts many.
jest.setTimeout(60_000);

const at = (iso: string) => Date.parse(iso);

test('the process runs in UTC, so UTC+8 handling below is really exercised', () => {
  expect(new Date(0).getTimezoneOffset()).toBe(0);
});

test('"0 0 9 * * * *" fires at 09:00 in China, which is 01:00 UTC', () => {
  const nine = parseCron('0 0 9 * * * *');
  expect(matches(nine, at('2024-03-05T01:00:00Z'))).toBe(true);
  expect(matches(nine, at('2024-03-05T09:00:00Z'))).toBe(false);
  expect(new Date(nextFire(nine, at('2024-03-05T01:00:00Z')) as number).toISOString()).toBe('2024-03-06T01:00:00.000Z');
  expect(new Date(nextFire(nine, at('2024-03-04T20:00:00Z')) as number).toISOString()).toBe('2024-03-05T01:00:00.000Z');
});

test('day and weekday are those of China: Monday 00:30 in UTC+8 is Sunday 16:30 UTC', () => {
  const mondayHalfPast = parseCron('0 30 0 * * MON *');
  // 2024-03-04 is a Monday in China; 00:30 there is 2024-03-03T16:30Z (a Sunday in UTC).
  expect(new Date(nextFire(mondayHalfPast, at('2024-03-01T00:00:00Z')) as number).toISOString()).toBe('2024-03-03T16:30:00.000Z');
  const firstOfMonth = parseCron('0 0 0 1 * * *');
  expect(new Date(nextFire(firstOfMonth, at('2024-03-10T00:00:00Z')) as number).toISOString()).toBe('2024-03-31T16:00:00.000Z');
});

test('lists, ranges, steps, names and years', () => {
  const s = parseCron('*/15 0,30 8-10 * JAN-MAR 1-5 2025');
  expect([...s.fields[0]]).toEqual([0, 15, 30, 45]);
  expect([...s.fields[2]]).toEqual([8, 9, 10]);
  expect([...s.fields[4]]).toEqual([1, 2, 3]);
  expect(nextFire(s, at('2025-04-01T00:00:00Z'))).toBeNull(); // nothing left in 2025 after March
  // Friday 2025-01-03 10:30:45 in China = 02:30:45 UTC
  expect(matches(s, at('2025-01-03T02:30:45Z'))).toBe(true);
  expect(matches(s, at('2025-01-04T02:30:45Z'))).toBe(false); // Saturday
});

test('invalid crons are refused with a reason', () => {
  expect(() => parseCron('0 9 * * *')).toThrow(/7 fields/);
  expect(() => parseCron('0 0 24 * * * *')).toThrow(/outside 0-23/);
  expect(() => parseCron('0 0 9 * * * */0')).toThrow(/bad step/);
  expect(() => parseCron('0 0 10-9 * * * *')).toThrow(/backwards/);
});

test('runTimer fires the trigger with WeChat\'s timer event; startTimers fires it on schedule', async () => {
  const cloud = await startLocalCloud({ dataDir: makeTempDir('lc-data-'), functionsDir: makeFunctionsDir(['tick', 'whoami']) });
  try {
    type Tick = { event: { Type: string; TriggerName: string; Time: string }; SOURCE: string; OPENID: null; TRIGGER_SRC: string | null };
    const r = (await cloud.runTimer('tick')) as Tick;
    expect(r.event).toEqual({ Type: 'Timer', TriggerName: 'everySecond', Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    expect(r.SOURCE).toBe('wx_trigger');
    expect(r.OPENID).toBeNull();
    // The mark only the platform's trigger sets (server/runtime/entry.ts checks it): a caller who
    // writes the timer's event, even claiming the trigger's SOURCE, runs without it.
    expect(r.TRIGGER_SRC).toBe('timer');
    const forged = (await cloud.invoke('tick', { ...r.event }, { openid: '', source: 'wx_trigger' })) as Tick;
    expect(forged.TRIGGER_SRC).toBeNull();
    expect(((await cloud.invoke('tick', { ...r.event }, null)) as Tick).TRIGGER_SRC).toBeNull();
    await expect(cloud.runTimer('whoami')).rejects.toThrow(/no timer trigger/);

    cloud.startTimers();
    await new Promise((resolve) => setTimeout(resolve, 2600));
    const ticks = cloud.db.find('users', { kind: 'tick' });
    expect(ticks.length).toBeGreaterThanOrEqual(3); // one from runTimer + at least two scheduled
  } finally {
    await cloud.close();
  }
});
