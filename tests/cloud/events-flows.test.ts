/**
 * The events function's flows through the local cloud: lottery, offers and their expiry at the
 * timer, reminders only where granted, check-in, staff rights and masking, the .xlsx export.
 */
import ExcelJS from 'exceljs';
import { SUBSCRIBE_TEMPLATES, subscribeTime } from '../../contract/subscribe-templates';
import { CHECK_IN_OPENS_BEFORE_MS } from '../../contract/events/check-in-window';
import { dayTimeText, fromShanghai, shanghai, shanghaiDay } from '../../contract/time';
import { formatDoorCode } from '../../contract/events/door-code';
import { doorCodeCandidate } from '../../server/domain/events/door-codes';
import { commitmentOf, draw } from '../../server/domain/events/lottery';
import { entryIdOf } from '../../server/domain/events/store';
import { insertDocs } from '../support/db-docs';
import { call, checkLedger, draft, entries, form, HOUR, ok, publishEvent, requestIds, STAFF, useEventsCloud, worker } from './events-helpers';

jest.setTimeout(120_000);

const ctx = useEventsCloud(4);

const rid = requestIds('flow');

const sends = (template: keyof typeof SUBSCRIBE_TEMPLATES, touser?: string) =>
  ctx.cloud.openapi.calls.filter(
    (c) => c.api === 'subscribeMessage.send' && c.data.template_id === SUBSCRIBE_TEMPLATES[template].id && (!touser || c.data.touser === touser),
  );

test('events lottery: rules and seed commitment before the close, seed before the draw, same result on re-run', async () => {
  const { cloud } = ctx;
  // An earlier event of the same series: workers 0..4 have been before.
  const earlier = await publishEvent(cloud, { series: '游园会', capacity: 10 });
  for (let i = 0; i < 5; i++) await ok(cloud, worker(`lot-${i}`), 'signUp', { eventId: earlier, requestId: rid(), form: form(i) });

  const eventId = await publishEvent(cloud, { allocation: 'lottery', lotteryPriority: 'first_time', series: '游园会', capacity: 10 });
  for (let i = 0; i < 30; i++) {
    const e = await ok(cloud, worker(`lot-${i}`), 'signUp', { eventId, requestId: rid(), form: form(i) });
    expect(e.status).toBe('applied');
  }
  const before = await ok(cloud, null, 'get', { id: eventId });
  expect(before.lottery.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
  expect(before.lottery.seed).toBeNull();
  expect(before.seatsLeft).toBe(10);
  const early = await call(cloud, STAFF, 'draw', { id: eventId });
  expect(early.error?.code).toBe('LOTTERY_NOT_READY');

  cloud.setTimeOffset(49 * HOUR); // past the close
  const revealed = await ok(cloud, null, 'get', { id: eventId });
  expect(commitmentOf(revealed.lottery.seed)).toBe(before.lottery.seedCommitment);

  const drawn = await ok(cloud, STAFF, 'draw', { id: eventId });
  expect(drawn.lottery.winners).toBe(10);
  expect(drawn.lottery.applicants).toBe(30);
  const list = entries(cloud, eventId);
  const winners = list.filter((e) => e.status === 'confirmed');
  expect(winners).toHaveLength(10);
  // First-timers first: nobody from the earlier event wins while 25 first-timers apply for 10 seats.
  expect(winners.some((e) => /lot-[0-4]$/.test(e.openid))).toBe(false);
  expect(list.filter((e) => e.status === 'waitlisted').map((e) => e.seq).sort((a, b) => a! - b!)).toEqual(
    Array.from({ length: 20 }, (_, i) => i + 1),
  );

  // Anyone can re-run it from the published record and get the same result.
  const record = cloud.db.find('event_draws', { _id: eventId })[0] as { seed: string; applicants: { id: string; seats: number; priority: number }[]; capacity: number; winners: string[] };
  const rerun = draw(revealed.lottery.seed, record.applicants, record.capacity);
  expect(rerun.winners).toEqual(record.winners);
  expect(new Set(rerun.winners)).toEqual(new Set(winners.map((e) => e._id)));
  // The waitlist follows the draw order.
  const bySeq = list.filter((e) => e.status === 'waitlisted').sort((a, b) => a.seq! - b.seq!).map((e) => e._id);
  expect(bySeq).toEqual(rerun.waitlist);

  // Drawing again changes nothing.
  await ok(cloud, STAFF, 'draw', { id: eventId });
  expect(entries(cloud, eventId).filter((e) => e.status === 'confirmed').map((e) => e._id).sort()).toEqual(winners.map((e) => e._id).sort());
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 0, heldSum: 10, nothingInFlight: true, waiting: 20 });
});

test('events offers: a freed seat is offered to the next in line, passes on at the timer when unclaimed, and is claimed', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 1, claimHours: 2 });
  const [a, b, c] = [worker('offer-a'), worker('offer-b'), worker('offer-c')];
  cloud.openapi.grantSubscription(b.openid, SUBSCRIBE_TEMPLATES.waitlistOffer.id);
  const ea = await ok(cloud, a, 'signUp', { eventId, requestId: rid(), form: form(1) });
  const eb = await ok(cloud, b, 'signUp', { eventId, requestId: rid(), form: form(2), subscribed: ['waitlistOffer'] });
  const ec = await ok(cloud, c, 'signUp', { eventId, requestId: rid(), form: form(3), subscribed: ['waitlistOffer'] });
  expect([ea.status, eb.status, eb.position, ec.status, ec.position]).toEqual(['confirmed', 'waitlisted', 1, 'waitlisted', 2]);

  await ok(cloud, a, 'cancel', { entryId: ea.id });
  const bOffered = (await ok(cloud, b, 'mine')).find((e: { id: string }) => e.id === eb.id);
  expect(bOffered.status).toBe('offered');
  const sentToB = sends('waitlistOffer', b.openid);
  expect(sentToB).toHaveLength(1);
  expect(sentToB[0].errCode).toBe(0);
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 0, heldSum: 1, nothingInFlight: true, waiting: 1 });

  // B does not claim: after the window the timer passes it to C (who subscribed but never granted: no message).
  cloud.setTimeOffset(3 * HOUR);
  const report = (await cloud.runTimer('events')) as { ok: boolean; data: { expired: number } };
  expect(report.data.expired).toBe(1);
  const late = await call(cloud, b, 'claim', { entryId: eb.id });
  expect(late.error?.code).toBe('OFFER_EXPIRED');
  const cNow = (await ok(cloud, c, 'mine'))[0];
  expect(cNow.status).toBe('offered');
  const cSends = sends('waitlistOffer', c.openid);
  expect(cSends.every((s) => s.errCode !== 0)).toBe(true);

  const claimed = await ok(cloud, c, 'claim', { entryId: ec.id });
  expect(claimed.status).toBe('confirmed');
  expect(checkLedger(cloud, eventId)).toMatchObject({ seatsLeft: 0, heldSum: 1, nothingInFlight: true, waiting: 0 });

  // Raising the capacity offers nobody (no one waits); lowering below what is taken is refused.
  const lower = await call(cloud, STAFF, 'setCapacity', { id: eventId, capacity: 0 + 1 - 1 || 1 });
  expect(lower.ok).toBe(true);
  const d = await ok(cloud, worker('offer-d'), 'signUp', { eventId, requestId: rid(), form: form(4) });
  expect(d.status).toBe('waitlisted');
  await ok(cloud, STAFF, 'setCapacity', { id: eventId, capacity: 2 });
  expect((await ok(cloud, worker('offer-d'), 'mine'))[0].status).toBe('offered');
  const refused = await call(cloud, STAFF, 'setCapacity', { id: eventId, capacity: 1 });
  expect(refused.error?.code).toBe('CAPACITY_BELOW_TAKEN');
});

test('events reminders: the day before, only to workers who granted, with values inside WeChat limits, once', async () => {
  const { cloud } = ctx;
  // Shift the clock to 10:00 tomorrow, Shanghai (outside quiet hours).
  const tenAm = fromShanghai(`${shanghaiDay(new Date(Date.now() + 24 * HOUR))} 10:00`).getTime();
  const offset = tenAm - Date.now();
  cloud.setTimeOffset(offset);
  const now = Date.now() + offset;
  // A title longer than WeChat's 20-character thing field: the reminder must truncate it.
  const eventId = await publishEvent(
    cloud,
    draft(
      {
        title: '新市民浓情欢聚年夜饭暨九江镇总工会新春慰问职工文艺汇演',
        startsAt: new Date(now + 20 * HOUR),
        endsAt: new Date(now + 23 * HOUR),
        signUpClosesAt: new Date(now + 10 * HOUR),
        cancelDeadline: new Date(now + 10 * HOUR),
      },
      now,
    ),
  );
  const [d, e] = [worker('remind-d'), worker('remind-e')];
  cloud.openapi.grantSubscription(d.openid, SUBSCRIBE_TEMPLATES.eventReminder.id);
  await ok(cloud, d, 'signUp', { eventId, requestId: rid(), form: form(1), subscribed: ['eventReminder'] });
  await ok(cloud, e, 'signUp', { eventId, requestId: rid(), form: form(2) });
  await cloud.runTimer('events');
  await cloud.runTimer('events');
  const sent = sends('eventReminder');
  expect(sent.map((s) => s.data.touser)).toEqual([d.openid]);
  expect(sent[0].errCode).toBe(0);
  const data = sent[0].data.data as Record<string, { value: string }>;
  expect(Array.from(data.thing1.value).length).toBeLessThanOrEqual(20);
  expect(data.time2.value).toBe(subscribeTime(new Date(now + 20 * HOUR)));
  expect(data.time2.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
});

test('events check-in: by QR or short code, only from 2 hours before the start to the end of the day; 签到成功, 已于HH:mm签到, 不是本活动的票, forged and cancelled tickets refused', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 5 });
  const otherId = await publishEvent(cloud, { capacity: 5 });
  const w = worker('door');
  const entry = await ok(cloud, w, 'signUp', { eventId, requestId: rid(), form: { ...form(9), phone: '13912345678' } });
  const ticket = await ok(cloud, w, 'ticket', { entryId: entry.id });
  expect(ticket.qrDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(ticket.code).toMatch(/^ZGJ1:[0-9a-f]{32}$/);
  // Somebody else cannot open my ticket.
  expect((await call(cloud, worker('thief'), 'ticket', { entryId: entry.id })).error?.code).toBe('ENTRY_NOT_FOUND');

  expect(ticket.doorCode).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);

  // Months (here 3 days) before the event the door does not take it: the entry stays confirmed.
  const startsAt = new Date((cloud.db.find('events', { _id: eventId })[0] as { startsAt: Date }).startsAt);
  const early = await ok(cloud, STAFF, 'checkIn', { eventId, code: ticket.code });
  expect([early.result, early.message]).toEqual(['not_open', `还没到签到时间，${dayTimeText(startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS)}起可以签到`]);
  expect((await ok(cloud, STAFF, 'checkInEntry', { eventId, entryId: entry.id })).result).toBe('not_open');
  expect(entries(cloud, eventId).find((x) => x._id === entry.id)?.status).toBe('confirmed');
  // Two hours before the start it opens.
  cloud.setTimeOffset(startsAt.getTime() - Date.now() - CHECK_IN_OPENS_BEFORE_MS + 60_000);

  const first = await ok(cloud, STAFF, 'checkIn', { eventId, code: ticket.code });
  expect(first.result).toBe('ok');
  expect(first.message).toBe('签到成功');
  expect(first.attendee.maskedPhone).toBe('139****5678');
  const second = await ok(cloud, STAFF, 'checkIn', { eventId, code: ticket.code });
  expect(second.result).toBe('already');
  expect(second.message).toMatch(/^已于\d\d:\d\d签到$/);
  const at = entries(cloud, eventId).find((x) => x._id === entry.id) as unknown as { checkedInAt: Date };
  expect(second.message).toBe(`已于${shanghai(at.checkedInAt).format('HH:mm')}签到`);
  const wrong = await ok(cloud, STAFF, 'checkIn', { eventId: otherId, code: ticket.code });
  expect([wrong.result, wrong.message]).toEqual(['wrong_event', '不是本活动的票']);
  const forged = await ok(cloud, STAFF, 'checkIn', { eventId, code: `ZGJ1:${'0'.repeat(32)}` });
  expect(forged.result).toBe('unknown');

  cloud.setTimeOffset(0);
  const w2 = worker('door-2');
  const e2 = await ok(cloud, w2, 'signUp', { eventId, requestId: rid(), form: form(10) });
  const t2 = await ok(cloud, w2, 'ticket', { entryId: e2.id });
  await ok(cloud, w2, 'cancel', { entryId: e2.id });
  cloud.setTimeOffset(startsAt.getTime() - Date.now());
  const stale = await ok(cloud, STAFF, 'checkIn', { eventId, code: t2.code });
  expect([stale.result, stale.message]).toEqual(['not_valid', '这张票已经取消了']);

  // The short code read aloud works typed any way; another event's short code is not this event's.
  const w3 = worker('door-3');
  cloud.setTimeOffset(0);
  const e3 = await ok(cloud, w3, 'signUp', { eventId, requestId: rid(), form: form(11) });
  const t3 = await ok(cloud, w3, 'ticket', { entryId: e3.id });
  cloud.setTimeOffset(startsAt.getTime() - Date.now());
  const typed = ` ${t3.doorCode.toLowerCase().replace('-', ' ')} `;
  const byDoor = await ok(cloud, STAFF, 'checkIn', { eventId, code: typed });
  expect([byDoor.result, byDoor.attendee.name]).toEqual(['ok', '职工11']);
  expect((await ok(cloud, STAFF, 'checkIn', { eventId: otherId, code: t3.doorCode })).result).toBe('unknown');
  // The end of the event's day (Shanghai) closes the door.
  cloud.setTimeOffset(fromShanghai(`${shanghaiDay(startsAt)} 00:00`).getTime() + 24 * HOUR - Date.now());
  const late = await ok(cloud, STAFF, 'checkIn', { eventId, code: ticket.code.replace('ZGJ1:', '') });
  expect(late.result).toBe('already'); // already in: still said so
  const w4 = worker('door-4');
  cloud.setTimeOffset(0);
  const e4 = await ok(cloud, w4, 'signUp', { eventId, requestId: rid(), form: form(12) });
  cloud.setTimeOffset(fromShanghai(`${shanghaiDay(startsAt)} 00:00`).getTime() + 24 * HOUR - Date.now());
  const tooLate = await ok(cloud, STAFF, 'checkInEntry', { eventId, entryId: e4.id });
  expect([tooLate.result, tooLate.message]).toEqual(['not_open', '活动已经结束，不能再签到了']);
  cloud.setTimeOffset(0);

  // A ticket from before the door codes: no short code, its QR still lets the worker in.
  const oldTicket = 'a'.repeat(32);
  await insertDocs(cloud, 'event_entries', [{ _id: 'entry-before-codes', eventId, openid: 'oWorker-old', requestId: 'old', activeKey: `${eventId}:oWorker-old`, ticketCode: oldTicket, status: 'confirmed', seats: 1, name: '老票', phone: '13900009999', employer: '', form: {}, party: [], subs: {}, createdAt: new Date(), updatedAt: new Date() }]);
  const old = await ok(cloud, worker('old'), 'ticket', { entryId: 'entry-before-codes' });
  expect([old.doorCode, old.code]).toEqual([null, `ZGJ1:${oldTicket}`]);
  cloud.setTimeOffset(startsAt.getTime() - Date.now());
  expect((await ok(cloud, STAFF, 'checkIn', { eventId, code: old.code })).result).toBe('ok');
  cloud.setTimeOffset(0);

  // Workers cannot use staff actions; staff lists never carry a full phone number.
  expect((await call(cloud, w, 'checkIn', { eventId, code: ticket.code })).error?.code).toBe('FORBIDDEN');
  expect((await call(cloud, w, 'attendees', { eventId })).error?.code).toBe('FORBIDDEN');
  const list = await ok(cloud, STAFF, 'attendees', { eventId, status: 'all' });
  expect(JSON.stringify(list)).not.toContain('13912345678');
  expect(list.find((a: { entryId: string }) => a.entryId === entry.id).maskedPhone).toBe('139****5678');
  const found = await ok(cloud, STAFF, 'attendees', { eventId, search: '5678' });
  expect(found.map((a: { entryId: string }) => a.entryId)).toEqual([entry.id]);
});

test('events door codes: unique per event under concurrent sign-ups, the next candidate on a collision, the same code on a retry', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 40 });
  // Someone already holds the code this sign-up would be given first.
  const w = worker('door-clash');
  const requestId = rid();
  const entryId = entryIdOf(eventId, w.openid, requestId);
  await insertDocs(cloud, 'event_door_codes', [{ _id: `${eventId}:${doorCodeCandidate(entryId, 0)}`, entryId: 'somebody-else', createdAt: new Date() }]);
  const taps = await Promise.all(Array.from({ length: 6 }, () => call(cloud, w, 'signUp', { eventId, requestId, form: form(30) })));
  expect(taps.every((t) => t.ok)).toBe(true);
  const ticket = await ok(cloud, w, 'ticket', { entryId });
  expect(ticket.doorCode).toBe(formatDoorCode(doorCodeCandidate(entryId, 1)));
  // Six taps of one request: one claim, held by the entry.
  expect(cloud.db.find('event_door_codes', { entryId })).toHaveLength(1);

  // 30 workers at once: 30 different codes, each claim pointing at its entry.
  await Promise.all(Array.from({ length: 30 }, (_, i) => ok(cloud, worker(`door-many-${i}`), 'signUp', { eventId, requestId: rid(), form: form(40 + i) })));
  const stored = cloud.db.find('event_entries', { eventId }) as Array<{ _id: string; doorCode: string }>;
  expect(stored).toHaveLength(31);
  expect(new Set(stored.map((e) => e.doorCode)).size).toBe(31);
  for (const e of stored) expect(cloud.db.find('event_door_codes', { _id: `${eventId}:${e.doorCode}` })[0]?.entryId).toBe(e._id);

  // A second entry refused (already signed up with another request) gives its claim back.
  const before = cloud.db.find('event_door_codes', {}).length;
  await ok(cloud, w, 'signUp', { eventId, requestId: rid(), form: form(30) });
  expect(cloud.db.find('event_door_codes', {}).length).toBe(before);
});

test('events export: a real .xlsx with every form field, status and check-in time; full phones only when an admin asks', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, {
    capacity: 2,
    form: [...draft().form, { key: 'single', label: '本人目前单身', kind: 'confirm', required: false }],
  });
  for (let i = 0; i < 3; i++) await ok(cloud, worker(`xl-${i}`), 'signUp', { eventId, requestId: rid(), form: { ...form(i), single: true } });
  const res = (await cloud.invoke('exports', { action: 'attendeesXlsx', input: { eventId } }, STAFF)) as { ok: boolean; data: { base64: string; rows: number; fileName: string } };
  expect(res.ok).toBe(true);
  expect(res.data.rows).toBe(3);
  expect(res.data.fileName).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(res.data.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(['序号', '姓名', '手机号', '单位', '人数', '同行人员', '本人目前单身', '状态', '候补序号', '报名时间', '签到时间']);
  expect(sheet.rowCount).toBe(4);
  expect(sheet.getRow(4).getCell(8).value).toBe('候补中');
  expect(sheet.getRow(2).getCell(3).value).toBe('138****0000'); // admin, not asking: masked

  const full = (await cloud.invoke('exports', { action: 'attendeesXlsx', input: { eventId, fullPhones: true } }, STAFF)) as { ok: boolean; data: { base64: string; phonesMasked: boolean } };
  expect(full.data.phonesMasked).toBe(false);
  const fullBook = new ExcelJS.Workbook();
  await fullBook.xlsx.load(Buffer.from(full.data.base64, 'base64') as unknown as ArrayBuffer);
  expect(fullBook.worksheets[0].getRow(2).getCell(3).value).toBe(form(0).phone); // admin, asking: full numbers

  // Centre staff get masked numbers and are refused full ones; workers get nothing.
  await cloud.db.handle({
    action: 'database.modifyDocument',
    collectionName: 'roles',
    queryType: 'DOC',
    query: JSON.stringify({ _id: 'oCentreStaff' }),
    data: JSON.stringify({ role: 'centre_staff', name: '中心干事', centreIds: ['shatou'] }),
    multi: false,
    merge: false,
    upsert: true,
  });
  const masked = (await cloud.invoke('exports', { action: 'attendeesXlsx', input: { eventId } }, { openid: 'oCentreStaff' })) as { data: { base64: string; phonesMasked: boolean } };
  expect(masked.data.phonesMasked).toBe(true);
  const book2 = new ExcelJS.Workbook();
  await book2.xlsx.load(Buffer.from(masked.data.base64, 'base64') as unknown as ArrayBuffer);
  expect(String(book2.worksheets[0].getRow(2).getCell(3).value)).toMatch(/^\d{3}\*\*\*\*\d{4}$/);
  const refused = (await cloud.invoke('exports', { action: 'attendeesXlsx', input: { eventId, fullPhones: true } }, { openid: 'oCentreStaff' })) as { ok: boolean; error: { code: string } };
  expect(refused.error.code).toBe('FORBIDDEN');
  const denied = (await cloud.invoke('exports', { action: 'attendeesXlsx', input: { eventId } }, worker('xl-0'))) as { ok: boolean; error: { code: string } };
  expect(denied.error.code).toBe('FORBIDDEN');

  // The audit log says who exported with full numbers, and who was refused them.
  const logged = (cloud.db.find('audit', { action: 'attendeesXlsx' }) as Array<{ openid: string; outcome: string; target: { eventId?: string }; note: { fullPhones?: boolean } }>)
    .filter((r) => r.target.eventId === eventId && r.openid !== worker('xl-0').openid)
    .map((r) => [r.openid, r.outcome, r.note.fullPhones ?? null]);
  expect(logged).toEqual([
    [STAFF.openid, 'ok', false],
    [STAFF.openid, 'ok', true],
    ['oCentreStaff', 'ok', false],
    ['oCentreStaff', 'FORBIDDEN', null],
  ]);
});

test('events sign-up with a child under 14: refused without the guardian\'s own tick, accepted with it and the time kept', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, {
    category: 'family',
    group: { kind: 'family', minChildren: 1, maxChildren: 2, childAgeMin: 3, childAgeMax: 16 },
  });
  const parent = worker('minor-1');
  const signUp = { eventId, form: form(301), children: [{ name: '小明', age: 8 }] };
  const refused = await call(cloud, parent, 'signUp', { ...signUp, requestId: rid() });
  expect(refused.error?.code).toBe('SENSITIVE_CONSENT_REQUIRED');
  expect(refused.error?.message).toContain('未满14岁孩子的信息');
  expect(entries(cloud, eventId)).toHaveLength(0);

  const entry = await ok(cloud, parent, 'signUp', { ...signUp, requestId: rid(), sensitiveConsent: true });
  expect(entry.status).toBe('confirmed');
  const [stored] = cloud.db.find('event_entries', { _id: entry.id }) as Array<{ sensitiveConsentAt?: unknown }>;
  expect(stored.sensitiveConsentAt).toBeDefined();

  // Children of 14 and over are not sensitive information: no tick needed, none kept.
  const older = await ok(cloud, worker('minor-2'), 'signUp', { eventId, requestId: rid(), form: form(302), children: [{ name: '小红', age: 15 }] });
  const [kept] = cloud.db.find('event_entries', { _id: older.id }) as Array<{ sensitiveConsentAt?: unknown }>;
  expect(kept.sensitiveConsentAt).toBeUndefined();
});

test('events cancelled by the union: subscribed entrants are told once; sign-ups refused', async () => {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 3 });
  const f = worker('cx-f');
  cloud.openapi.grantSubscription(f.openid, SUBSCRIBE_TEMPLATES.eventCancelled.id);
  await ok(cloud, f, 'signUp', { eventId, requestId: rid(), form: form(1), subscribed: ['eventCancelled'] });
  await ok(cloud, worker('cx-g'), 'signUp', { eventId, requestId: rid(), form: form(2) });
  await ok(cloud, STAFF, 'setStatus', { id: eventId, status: 'cancelled' });
  await ok(cloud, STAFF, 'setStatus', { id: eventId, status: 'cancelled' });
  expect(sends('eventCancelled').map((s) => [s.data.touser, s.errCode])).toEqual([[f.openid, 0]]);
  const late = await call(cloud, worker('cx-h'), 'signUp', { eventId, requestId: rid(), form: form(3) });
  expect(late.error?.code).toBe('EVENT_CANCELLED');
  const mine = await ok(cloud, f, 'mine');
  expect(mine[0].eventCancelled).toBe(true);
  expect(mine[0].canCancel).toBe(false);
});
