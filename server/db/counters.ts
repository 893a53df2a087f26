/**
 * Counters kept in documents with a deterministic _id: the one mechanism behind seats in a slot,
 * weekly booking quotas, gift stock and hourly 人次. Every take is ONE conditional update
 * (`where({_id, left: _.gt(0)}).update({left: _.inc(-1)})`, taken iff updated === 1), never a read
 * then a write. A counter that does not exist yet is created by add() with its deterministic _id:
 * two instances racing to create it collide on the _id (E11000), and the loser retries the update.
 */
import type { Collection, Condition, Database, Doc } from './database';

/** The cloud (MongoDB) refuses a duplicate _id or unique-index key with this message; the errCode varies. */
export function isDuplicateKey(error: unknown): boolean {
  const message = (error as { errMsg?: unknown; message?: unknown } | null)?.errMsg ?? (error as Error | null)?.message;
  return typeof message === 'string' && message.includes('E11000 duplicate key');
}

/** The index a duplicate-key error names (`_id_` for the _id), or null. */
export function duplicateIndexName(error: unknown): string | null {
  const message = String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? '');
  return /index: (\S+)/.exec(message)?.[1] ?? null;
}

export interface TakeSpec {
  /** Deterministic _id of the counter. */
  id: string;
  /** Fields of the counter when it is first created (besides `left`). */
  init: Doc;
  /** Units the counter starts with. */
  capacity: number;
  /** Extra conditions for a take, e.g. `{ closed: false }`. Must hold for `init` too. */
  when?: Condition;
  /**
   * What the caller already knows: 'missing' (it read no counter, or the counter is usually new,
   * like a person's weekly quota) tries the creating add() first. Only an optimisation: a wrong
   * guess costs one request, never correctness.
   */
  likely?: 'missing' | 'present';
  /**
   * Makes the take idempotent for one taker (e.g. a station tap's id): the counter records
   * `m.<marker>` in the same update, and a second take with the same marker takes nothing. A
   * write interrupted after the take can then be finished or undone (giveBack with the marker)
   * without guessing whether the take happened.
   */
  marker?: string;
}

/** The field that records one taker's unit in a counter (TakeSpec.marker). */
export const markerField = (marker: string) => `m.${marker}`;

/**
 * Takes one unit. Resolves true iff this caller got it. Steady state: one request; first take of
 * a counter: two (update that misses, add); a lost creation race: three.
 */
export async function takeOne(db: Database, collection: Collection<Doc>, spec: TakeSpec): Promise<boolean> {
  const _ = db.command;
  const mark = spec.marker ? markerField(spec.marker) : null;
  const take = async () =>
    (
      await collection
        .where({ _id: spec.id, left: _.gt(0), ...(spec.when ?? {}), ...(mark ? { [mark]: _.exists(false) } : {}) })
        .update({ data: { left: _.inc(-1), ...(mark ? { [mark]: true } : {}) } })
    ).stats.updated === 1;
  const create = async () => {
    try {
      await collection.add({ data: { _id: spec.id, ...spec.init, left: spec.capacity - 1, ...(spec.marker ? { m: { [spec.marker]: true } } : {}) } });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return false;
    }
  };
  if (spec.likely === 'missing') {
    if (spec.capacity > 0 && (await create())) return true;
    return take();
  }
  if (await take()) return true;
  if (spec.capacity <= 0) return false;
  if (await create()) return true;
  // Someone else created it meanwhile (or it existed and is empty/closed): one more try.
  return take();
}

/**
 * Takes the unit for a taker that may already hold it (a redo of a write cut off, a twin of the
 * same request): true when the taker holds a unit afterwards, whoever took it.
 */
export async function takeMarked(db: Database, collection: Collection<Doc>, spec: TakeSpec & { marker: string }): Promise<boolean> {
  return (await takeOne(db, collection, spec)) || (await holdsUnit(collection, spec.id, spec.marker));
}

/** Gives one unit back (a cancelled booking, a failed step after the take); with a marker, only the unit that taker holds, once. */
export async function giveBack(db: Database, collection: Collection<Doc>, id: string, marker?: string): Promise<void> {
  const _ = db.command;
  if (!marker) {
    await collection.where({ _id: id }).update({ data: { left: _.inc(1) } });
    return;
  }
  await collection.where({ _id: id, [markerField(marker)]: true }).update({ data: { left: _.inc(1), [markerField(marker)]: _.remove() } });
}

/**
 * Records that a taker holds a unit it took before markers existed (no take: `left` is unchanged),
 * so that giving it back by marker works. Idempotent.
 */
export async function markHeldUnit(collection: Collection<Doc>, id: string, marker: string): Promise<void> {
  await collection.where({ _id: id }).update({ data: { [markerField(marker)]: true } });
}

/** True when the taker with this marker holds a unit of the counter. */
export async function holdsUnit(collection: Collection<Doc>, id: string, marker: string): Promise<boolean> {
  return (await collection.where({ _id: id, [markerField(marker)]: true }).count()).total === 1;
}

/**
 * Adds `by` to the field `n` of a counter, creating it with `init` on first use. One request in
 * the steady state. Used for 人次 per hour, where nothing is capped. With a marker (see
 * TakeSpec.marker) the increment happens at most once for that marker, so it can be redone.
 */
export async function increment(db: Database, collection: Collection<Doc>, id: string, init: Doc, by = 1, marker?: string): Promise<void> {
  const _ = db.command;
  const mark = marker ? markerField(marker) : null;
  const bump = async () =>
    (await collection.where({ _id: id, ...(mark ? { [mark]: _.exists(false) } : {}) }).update({ data: { n: _.inc(by), ...(mark ? { [mark]: true } : {}) } }))
      .stats.updated === 1;
  if (await bump()) return;
  try {
    await collection.add({ data: { _id: id, ...init, n: by, ...(marker ? { m: { [marker]: true } } : {}) } });
    return;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  if (await bump()) return;
  // With a marker, a counter that exists and refuses the bump already holds this increment.
  if (!marker) throw new Error(`counter ${id} could not be increased`);
}

/** Takes back the increment made with this marker, if it was made; once. */
export async function undoIncrement(db: Database, collection: Collection<Doc>, id: string, marker: string, by = 1): Promise<void> {
  const _ = db.command;
  await collection.where({ _id: id, [markerField(marker)]: true }).update({ data: { n: _.inc(-by), [markerField(marker)]: _.remove() } });
}
