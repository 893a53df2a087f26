/** What workers read: the event list, one event, their own entries and tickets. */
import QRCode from 'qrcode';
import type { EventCategory, EventDetail, EventSummary, MyEntry, Ticket } from '../../../contract/events/model';
import { formatDoorCode } from '../../../contract/events/door-code';
import { TICKET_PREFIX } from '../../../contract/events/model';
import { AppError } from '../../runtime/app-error';
import type { HandlerContext } from '../../runtime/context';
import { toDetail, toMyEntry, toSummary, WITHOUT_LEDGER, type EventDoc } from './records';
import { entriesOf, eventsOf, findEntry, loadEvent, positionOf } from './store';

/** Ended events stay on the list this long, so a worker can still find last week's. */
const RECENTLY_ENDED_MS = 3 * 24 * 3600_000;

/** Published, closed and cancelled events that have not long ended, soonest first. One request. */
export async function listEvents(ctx: HandlerContext, input: { category?: string }): Promise<EventSummary[]> {
  const _ = ctx.db.command;
  const condition: Record<string, unknown> = {
    status: _.in(['published', 'closed', 'cancelled']),
    endsAt: _.gt(new Date(ctx.now.getTime() - RECENTLY_ENDED_MS)),
  };
  if (input.category) condition.category = input.category as EventCategory;
  const res = await eventsOf(ctx.db).where(condition).field(WITHOUT_LEDGER).orderBy('startsAt', 'asc').limit(100).get();
  const list = res.data.map((doc) => toSummary(doc, ctx.now));
  // Ended ones last: what can still be joined comes first.
  return [...list.filter((e) => e.badge !== 'ended'), ...list.filter((e) => e.badge === 'ended')];
}

/** The worker's latest entry for an event (active or not), or null. */
async function myEntryFor(ctx: HandlerContext, event: EventDoc): Promise<MyEntry | null> {
  if (!ctx.openid) return null;
  const res = await entriesOf(ctx.db).where({ eventId: event._id, openid: ctx.openid }).orderBy('createdAt', 'desc').limit(1).get();
  const entry = res.data[0];
  if (!entry) return null;
  return toMyEntry(entry, event, await positionOf(ctx.db, entry), ctx.now);
}

export async function getEvent(ctx: HandlerContext, input: { id: string }): Promise<EventDetail> {
  const event = await loadEvent(ctx.db, input.id);
  return toDetail(event, ctx.now, await myEntryFor(ctx, event));
}

/**
 * 我的报名, in the order a worker plans by: coming events soonest first, then past ones latest
 * first. With each event's title and time. Two requests (+1 per waitlisted entry).
 */
export async function myEntries(ctx: HandlerContext): Promise<MyEntry[]> {
  const _ = ctx.db.command;
  const entries = (await entriesOf(ctx.db).where({ openid: ctx.openid }).orderBy('createdAt', 'desc').limit(100).get()).data;
  if (entries.length === 0) return [];
  const ids = [...new Set(entries.map((e) => e.eventId))];
  const events = (await eventsOf(ctx.db).where({ _id: _.in(ids) }).field(WITHOUT_LEDGER).limit(100).get()).data;
  const byId = new Map(events.map((e) => [e._id, e]));
  const out: MyEntry[] = [];
  for (const entry of entries) {
    const event = byId.get(entry.eventId);
    if (!event) continue;
    out.push(toMyEntry(entry, event, await positionOf(ctx.db, entry), ctx.now));
  }
  return out.sort(byEventDate(ctx.now));
}

export function byEventDate(now: Date): (a: { startsAt: Date }, b: { startsAt: Date }) => number {
  return (a, b) => {
    const aPast = a.startsAt.getTime() < now.getTime();
    const bPast = b.startsAt.getTime() < now.getTime();
    if (aPast !== bPast) return aPast ? 1 : -1;
    const diff = a.startsAt.getTime() - b.startsAt.getTime();
    return aPast ? -diff : diff;
  };
}

export async function ticketOf(ctx: HandlerContext, input: { entryId: string }): Promise<Ticket> {
  const entry = await findEntry(ctx.db, { _id: input.entryId, openid: ctx.openid });
  if (!entry) throw new AppError('ENTRY_NOT_FOUND');
  if (entry.status !== 'confirmed' && entry.status !== 'checked_in') throw new AppError('NO_TICKET');
  const event = await loadEvent(ctx.db, entry.eventId, { drafts: true });
  if (event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  const code = `${TICKET_PREFIX}${entry.ticketCode}`;
  const qrDataUrl = await QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, width: 480 });
  return {
    entryId: entry._id,
    eventTitle: event.title,
    startsAt: event.startsAt,
    venueName: event.venue.name,
    holderName: entry.name,
    seats: entry.seats,
    status: entry.status,
    code,
    doorCode: entry.doorCode ? formatDoorCode(entry.doorCode) : null,
    qrDataUrl,
  };
}
