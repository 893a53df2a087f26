/**
 * The short door code of an entry (contract/events/door-code.ts), unique per event.
 *
 * Uniqueness is the claim document's _id, `${eventId}:${code}`: the database refuses a second one,
 * and entries from before the codes need no value (a unique index on the entry would index their
 * missing field as null and refuse the second of them). The candidates are derived from the entry
 * id and the attempt number, not drawn at random, so a retried sign-up claims the same code again
 * (its own claim is found and kept) and a collision can be arranged in a test.
 */
import { createHash } from 'node:crypto';
import { DOOR_CODE_ALPHABET, DOOR_CODE_LENGTH } from '../../../contract/events/door-code';
import { COLLECTIONS } from '../../db/schema';
import { isDuplicateKey } from '../../db/counters';
import type { Database } from '../../db/database';
import { AppError } from '../../runtime/app-error';

interface DoorCodeDoc {
  _id: string;
  entryId: string;
  createdAt: Date;
}

/** With 887 million codes a collision is rare; eight in a row means something else is wrong. */
const CLAIM_ATTEMPTS = 8;

const doorCodesOf = (db: Database) => db.collection<DoorCodeDoc>(COLLECTIONS.eventDoorCodes);

/** The attempt-th candidate code of an entry: sha256 digits in the door alphabet. */
export function doorCodeCandidate(entryId: string, attempt: number): string {
  const digest = createHash('sha256').update(`${entryId}:door:${attempt}`).digest();
  return Array.from(digest.subarray(0, DOOR_CODE_LENGTH), (byte) => DOOR_CODE_ALPHABET[byte % DOOR_CODE_ALPHABET.length]).join('');
}

/** Claims a code for the entry in its event: the first candidate nobody else holds. */
export async function claimDoorCode(db: Database, eventId: string, entryId: string, now: Date): Promise<string> {
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const code = doorCodeCandidate(entryId, attempt);
    const _id = `${eventId}:${code}`;
    try {
      await doorCodesOf(db).add({ data: { _id, entryId, createdAt: now } });
      return code;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Ours already (the same sign-up again) or another entry's: then the next candidate.
      const held = (await doorCodesOf(db).where({ _id }).limit(1).get()).data[0];
      if (held?.entryId === entryId) return code;
    }
  }
  throw new AppError('CONFLICT');
}

/** Gives back a claim whose entry was never written (the worker already had an active entry). */
export async function releaseDoorCode(db: Database, eventId: string, entryId: string, code: string): Promise<void> {
  await doorCodesOf(db).where({ _id: `${eventId}:${code}`, entryId }).remove();
}

/** The entry holding a door code at this event, or null. */
export async function entryIdByDoorCode(db: Database, eventId: string, code: string): Promise<string | null> {
  const held = (await doorCodesOf(db).where({ _id: `${eventId}:${code}` }).limit(1).get()).data[0];
  return held?.entryId ?? null;
}
