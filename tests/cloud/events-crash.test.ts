/**
 * Issue 10, item 4: a cancel cut off after each of its writes (as by kill -9: nothing after the
 * k-th write reaches the database) leaves a ledger the events timer settles: no ended entry keeps
 * seats, the freed seat is offered to the next in line, every invariant holds.
 */
import { cutAfter as cutDb } from '../support/db-cut';
import { checkInvariants } from '../support/invariants';
import { entries, form, ok, publishEvent, requestIds, useEventsCloud, worker } from './events-helpers';

jest.setTimeout(180_000);

const ctx = useEventsCloud(2);

const rid = requestIds('crash');

const cutAfter = <T>(k: number, fn: () => Promise<T>) => cutDb(ctx.cloud, k, fn);

async function seatAndWaiter(tag: string) {
  const { cloud } = ctx;
  const eventId = await publishEvent(cloud, { capacity: 1 });
  const holder = await ok(cloud, worker(`${tag}-holder`), 'signUp', { eventId, requestId: rid(), form: form(1) });
  const waiter = await ok(cloud, worker(`${tag}-waiter`), 'signUp', { eventId, requestId: rid(), form: form(2) });
  expect([holder.status, waiter.status]).toEqual(['confirmed', 'waitlisted']);
  return { eventId, holder, waiter };
}

test('a cancel cut after each write: the timer releases the seat and offers it on', async () => {
  const { cloud } = ctx;
  const whole = await seatAndWaiter('whole');
  const { writes: steps } = await cutAfter(Infinity, () => ok(cloud, worker('whole-holder'), 'cancel', { entryId: whole.holder.id }));
  expect(steps).toBeGreaterThanOrEqual(4);
  for (let k = 1; k <= steps; k++) {
    const { eventId, holder, waiter } = await seatAndWaiter(`k${k}`);
    await cutAfter(k, () => cloud.invoke('events', { action: 'cancel', input: { entryId: holder.id } }, worker(`k${k}-holder`)));
    cloud.setTimeOffset(3 * 60_000);
    await Promise.all([cloud.runTimer('events'), cloud.runTimer('events')]); // overlapping runs
    cloud.setTimeOffset(0);
    const byId = new Map(entries(cloud, eventId).map((e) => [e._id, e.status]));
    // Cut before the entry's own write (the rate-limit counter comes first) nothing happened;
    // after it, the cancel is carried through.
    const after = byId.get(holder.id) === 'cancelled' ? 'offered' : 'waitlisted';
    expect([k, byId.get(holder.id), byId.get(waiter.id)]).toEqual([k, after === 'offered' ? 'cancelled' : 'confirmed', after]);
    if (k === steps) expect(byId.get(holder.id)).toBe('cancelled');
    expect(checkInvariants(cloud).violations).toEqual([]);
  }
});
