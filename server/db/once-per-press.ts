/**
 * One press, one write: the server side of contract/request-id.ts for staff creates (an event, an
 * article, a campaign, a role granted by invite code). The phone makes a request id per press of
 * 保存 / 添加 and sends it again on a double tap or a retry; the server turns OPENID + request id
 * into a press key and writes it INTO the record the press creates (or the single-use record it
 * spends), in the same write. The database then decides, never a read before the write:
 *   - addOnce: the record's _id is unique, so two tries of one press add it once; the loser reads
 *     the winner's press key and is told 'again' (answer with the record) or 'taken' (someone
 *     else's record already has that _id, e.g. an article slug in use);
 *   - claimOnce: a conditional update stamps the press key on a single-use record (an invite
 *     code) only while nobody has; the same press finding its own key is told 'again'.
 * Either way both tries of one press give the same answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isDuplicateKey } from './counters';
import type { Collection, Condition, Database, Doc } from './database';

/** The field that records which press made (or spent) a record. A hash: no OPENID in it. */
export const PRESS_FIELD = 'press';

/** Who pressed and which press, as one opaque key; without a request id (scripts, seed) a fresh key. */
export function pressKey(openid: string, requestId: string | undefined): string {
  if (!requestId) return randomBytes(12).toString('hex');
  return createHash('sha256').update(`press\u0000${openid}\u0000${requestId}`).digest('hex').slice(0, 24);
}

/** A record _id the server makes from the press: `<prefix><hex>`, short enough for a QR scene. */
export function pressDocId(prefix: string, press: string, length = 12): string {
  return `${prefix}${createHash('sha256').update(`id\u0000${press}`).digest('hex').slice(0, length)}`;
}

export type OnceOutcome = 'done' | 'again' | 'taken';

async function pressOf<T>(collection: Collection<T>, id: string): Promise<unknown> {
  const found = (await collection.where({ _id: id }).field({ [PRESS_FIELD]: true }).limit(1).get()).data[0] as Doc | undefined;
  return found?.[PRESS_FIELD];
}

/** Adds the record stamped with the press: 'done' if this try added it, 'again' if this press already had, 'taken' if another did. */
export async function addOnce<T>(collection: Collection<T>, doc: Doc & { _id: string }, press: string): Promise<OnceOutcome> {
  try {
    await collection.add({ data: { ...doc, [PRESS_FIELD]: press } });
    return 'done';
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  return (await pressOf(collection, doc._id)) === press ? 'again' : 'taken';
}

/**
 * Spends a single-use record for the press: stamps it (the press key and `stamp`, e.g. when it was
 * spent, so every try of the press can answer alike) while `when` holds and no press has, in one
 * conditional update. 'taken' also covers a record that is missing or fails `when` (expired).
 */
export async function claimOnce<T>(db: Database, collection: Collection<T>, id: string, when: Condition, press: string, stamp: Doc = {}): Promise<OnceOutcome> {
  const _ = db.command;
  const res = await collection.where({ _id: id, ...when, [PRESS_FIELD]: _.exists(false) }).update({ data: { ...stamp, [PRESS_FIELD]: press } });
  if (res.stats.updated === 1) return 'done';
  return (await pressOf(collection, id)) === press ? 'again' : 'taken';
}
