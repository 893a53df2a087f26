/** Reads of events and entries shared by the event actions (one request each). */
import { createHash, randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../db/schema';
import type { Database } from '../../db/database';
import { AppError } from '../../runtime/app-error';
import { migrateLedger } from './ledger-migration';
import { WITHOUT_LEDGER, type EntryDoc, type EventDoc } from './records';

export const eventsOf = (db: Database) => db.collection<EventDoc>(COLLECTIONS.events);
export const entriesOf = (db: Database) => db.collection<EntryDoc>(COLLECTIONS.eventEntries);

/** One event without the marks in flight; drafts only for staff. An event on the old ledger is migrated first. */
export async function loadEvent(db: Database, id: string, opts: { drafts?: boolean } = {}): Promise<EventDoc> {
  let res = await eventsOf(db).where({ _id: id }).field(WITHOUT_LEDGER).limit(1).get();
  if (res.data[0] && res.data[0].qNext === undefined && (await migrateLedger(db, id))) {
    res = await eventsOf(db).where({ _id: id }).field(WITHOUT_LEDGER).limit(1).get();
  }
  const doc = res.data[0];
  if (!doc || (doc.status === 'draft' && !opts.drafts)) throw new AppError('EVENT_NOT_FOUND');
  return doc;
}

export async function findEntry(db: Database, condition: Record<string, unknown>): Promise<EntryDoc | null> {
  const res = await entriesOf(db).where(condition).limit(1).get();
  return res.data[0] ?? null;
}

/** The entry a sign-up request makes: the same event, worker and request id give the same _id. */
export function entryIdOf(eventId: string, openid: string, requestId: string): string {
  return createHash('sha256').update(`${eventId}\n${openid}\n${requestId}`).digest('hex').slice(0, 32);
}

/** 128 random bits: a ticket cannot be guessed, and a unique index refuses a (vanishing) repeat. */
export function newTicketCode(): string {
  return randomBytes(16).toString('hex');
}

/** Place in the waitlist (1 = next), counted among entries still waiting. */
export async function positionOf(db: Database, entry: Pick<EntryDoc, 'eventId' | 'seq' | 'status'>): Promise<number | null> {
  if (entry.status !== 'waitlisted' || entry.seq === undefined) return null;
  const _ = db.command;
  const ahead = await entriesOf(db).where({ eventId: entry.eventId, status: 'waitlisted', seq: _.lt(entry.seq) }).count();
  return ahead.total + 1;
}

export function isDuplicateKey(error: unknown): boolean {
  const text = `${(error as { errMsg?: string })?.errMsg ?? ''} ${(error as Error)?.message ?? ''}`;
  return text.includes('E11000');
}
