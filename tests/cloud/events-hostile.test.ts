/**
 * Issue 10, the domain holes: phone search revealing no more than the mask, the masked export
 * masking every phone-like answer, and a revealed lottery seed that can no longer be raced.
 */
import ExcelJS from 'exceljs';
import { call, draft, entries, form, HOUR, ok, publishEvent, requestIds, STAFF, useEventsCloud, worker } from './events-helpers';

jest.setTimeout(120_000);

const ctx = useEventsCloud(4);

const rid = requestIds('hostile');

test('events attendees: a phone is found by its last four digits only, so searching recovers nothing the mask hides', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 5 });
  const w = worker('search-0');
  const entry = await ok(cloud, w, 'signUp', { eventId, requestId: rid(), form: { ...form(0), phone: '13912345678' } });
  const ids = async (search: string) => (await ok(cloud, STAFF, 'attendees', { eventId, search })).map((a: { entryId: string }) => a.entryId);
  expect(await ids('5678')).toEqual([entry.id]);
  // Each longer ending would confirm one hidden digit; the whole number would let guesses fill the middle.
  for (const probe of ['45678', '345678', '2345678', '12345678', '912345678', '13912345678']) expect(await ids(probe)).toEqual([]);
  expect(await ids('职工0')).toEqual([entry.id]);
});

test('events export (masked): a phone-kind field of any name and digits typed into free text are masked; an admin asking sees them', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, {
    capacity: 3,
    form: [
      ...draft().form,
      { key: 'emergency', label: '紧急联系人电话', kind: 'phone', required: true },
      { key: 'note', label: '备注', kind: 'text', required: false },
    ],
  });
  await ok(cloud, worker('mask-0'), 'signUp', {
    eventId,
    requestId: rid(),
    form: { ...form(0), employer: '九江厂 电话 0757-86912345', emergency: '13787654321', note: '我妈 137 8765 4321，身份证44068219900101123X' },
  });
  const sheetOf = async (fullPhones: boolean) => {
    const res = (await cloud.invoke('exports', { action: 'attendeesXlsx', input: { eventId, fullPhones } }, STAFF)) as { ok: boolean; data: { base64: string } };
    expect(res.ok).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(res.data.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    return Object.fromEntries(header.map((h, i) => [h, String(row[i] ?? '')]));
  };
  const masked = await sheetOf(false);
  expect(masked['紧急联系人电话']).toBe('137****4321');
  expect(masked['备注']).toBe('我妈 137****4321，身份证****123X');
  expect(masked['单位']).toBe('九江厂 电话 ****2345');
  expect(JSON.stringify(masked)).not.toMatch(/\d{5,}/);
  const full = await sheetOf(true);
  expect(full['紧急联系人电话']).toBe('13787654321');
  expect(full['备注']).toContain('137 8765 4321');
});

test('events lottery: once the seed is revealed the close cannot move, and no entry made after the close is drawn', async () => {
  const { cloud } = ctx;
  const base = draft({ allocation: 'lottery', capacity: 2 });
  const created = await ok<{ id: string }>(cloud, STAFF, 'save', { draft: base });
  await ok(cloud, STAFF, 'setStatus', { id: created.id, status: 'published' });
  const eventId = created.id;
  for (let i = 0; i < 4; i++) await ok(cloud, worker(`grind-${i}`), 'signUp', { eventId, requestId: rid(), form: form(i) });

  // Before the close (seed secret) the close may still move.
  const later = { ...base, signUpClosesAt: new Date((base.signUpClosesAt as Date).getTime() + HOUR) };
  await ok(cloud, STAFF, 'save', { id: eventId, draft: later });

  cloud.setTimeOffset(50 * HOUR); // past the close: the seed is public
  expect((await ok(cloud, null, 'get', { id: eventId })).lottery.seed).toMatch(/^[0-9a-f]{32}$/);
  const reopen = { ...later, signUpClosesAt: new Date(Date.now() + 60 * HOUR), startsAt: new Date(Date.now() + 80 * HOUR), endsAt: new Date(Date.now() + 81 * HOUR), cancelDeadline: new Date(Date.now() + 70 * HOUR) };
  const refused = await call(cloud, STAFF, 'save', { id: eventId, draft: reopen });
  expect(refused.error?.code).toBe('LOTTERY_CLOSE_LOCKED');
  expect(refused.error?.message).toBe('抽签种子已经公布，报名截止时间不能再改');
  // Other details can still be corrected.
  await ok(cloud, STAFF, 'save', { id: eventId, draft: { ...later, summary: '改了说明' } });
  expect((await call(cloud, worker('grind-late'), 'signUp', { eventId, requestId: rid(), form: form(9) })).ok).toBe(false);

  // An entry that slipped in after the close (a stale read racing the close) is not in the draw.
  const [one] = entries(cloud, eventId);
  const stray = { ...(cloud.db.find('event_entries', { _id: one._id })[0] as Record<string, unknown>) };
  await cloud.db.handle({
    action: 'database.insertDocument',
    collectionName: 'event_entries',
    data: JSON.stringify([{ ...stray, _id: 'stray-entry', openid: 'oStray', activeKey: 'stray', ticketCode: 'f'.repeat(32), createdAt: { $date: new Date(Date.now() + 50 * HOUR).toISOString() } }]),
  });
  const drawn = await ok(cloud, STAFF, 'draw', { id: eventId });
  expect(drawn.lottery.applicants).toBe(4);
  const record = cloud.db.find('event_draws', { _id: eventId })[0] as { applicants: { id: string }[] };
  expect(record.applicants.map((a) => a.id)).not.toContain('stray-entry');
});

test('rate limits: 50 writes at once from one worker pass at most the budget, the rest hear when to try again; others are unaffected; the window ends', async () => {
  const { cloud } = ctx;
  const { RATE_LIMITS } = await import('../../server/domain/rate-limits');
  const budget = RATE_LIMITS.eventEntries.max;
  const loop = worker('loop');
  const results = await Promise.all(Array.from({ length: 50 }, () => call(cloud, loop, 'cancel', { entryId: 'no-such-entry' })));
  const limited = results.filter((r) => r.error?.code === 'RATE_LIMITED');
  expect(results.filter((r) => r.error?.code === 'ENTRY_NOT_FOUND')).toHaveLength(budget);
  expect(limited).toHaveLength(50 - budget);
  for (const r of limited) expect(r.error?.message).toMatch(/^操作太频繁了，请\d+分钟后再试$/);
  // The budget is shared by the group's actions and is per worker.
  const eventId = await publishEvent(cloud, { capacity: 5 });
  expect((await call(cloud, loop, 'signUp', { eventId, requestId: rid(), form: form(1) })).error?.code).toBe('RATE_LIMITED');
  expect((await call(cloud, worker('calm'), 'signUp', { eventId, requestId: rid(), form: form(2) })).ok).toBe(true);
  // The next window is open again, and the events timer removes the ended one.
  cloud.setTimeOffset(RATE_LIMITS.eventEntries.windowMinutes * 60_000);
  expect((await call(cloud, loop, 'signUp', { eventId, requestId: rid(), form: form(1) })).ok).toBe(true);
  const before = cloud.db.find('rate_limits', {}).length;
  await cloud.runTimer('events');
  expect(cloud.db.find('rate_limits', {}).length).toBeLessThan(before);
});

test('events queue: sign-up/cancel loops do not grow the event document (the ledger lives on the entries); sequences never repeat and offers keep order', async () => {
  const { cloud } = ctx;
  const { checkInvariants } = await import('../support/invariants');
  const eventId = await publishEvent(cloud, { capacity: 1 });
  const holder = await ok(cloud, worker('q-holder'), 'signUp', { eventId, requestId: rid(), form: form(0) });
  const waiting = [];
  for (let i = 1; i <= 3; i++) waiting.push(await ok(cloud, worker(`q-wait-${i}`), 'signUp', { eventId, requestId: rid(), form: form(i) }));
  const seqOf = (id: string) => entries(cloud, eventId).find((e) => e._id === id)?.seq;
  expect(waiting.map((e) => seqOf(e.id))).toEqual([1, 2, 3]);
  const sizeOf = () => JSON.stringify(cloud.db.find('events', { _id: eventId })[0]).length;
  const sizeBefore = sizeOf();
  for (let i = 0; i < 12; i++) {
    const who = worker(`q-loop-${i % 3}`);
    const e = await ok(cloud, who, 'signUp', { eventId, requestId: rid(), form: form(10 + i) });
    await ok(cloud, who, 'cancel', { entryId: e.id });
  }
  // qNext 3 -> 15 is one more digit; nothing else may grow.
  expect(sizeOf()).toBeLessThanOrEqual(sizeBefore + 1);
  // The middle one leaves; a newcomer's sequence follows every earlier one (3 + 12 + 1).
  await ok(cloud, worker('q-wait-2'), 'cancel', { entryId: waiting[1].id });
  const late = await ok(cloud, worker('q-late'), 'signUp', { eventId, requestId: rid(), form: form(40) });
  expect(seqOf(late.id)).toBe(16);
  expect(late.position).toBe(3);
  // The seat freed goes to the first in line, then the next.
  await ok(cloud, worker('q-holder'), 'cancel', { entryId: holder.id });
  const statusOf = (id: string) => entries(cloud, eventId).find((e) => e._id === id)?.status;
  expect([statusOf(waiting[0].id), statusOf(waiting[2].id), statusOf(late.id)]).toEqual(['offered', 'waitlisted', 'waitlisted']);
  expect((await ok(cloud, worker('q-late'), 'get', { id: eventId })).myEntry.position).toBe(2);
  expect(checkInvariants(cloud).violations).toEqual([]);
});
