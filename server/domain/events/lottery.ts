/**
 * The lottery draw: a pure, deterministic function of the published seed, the published rules and
 * the list of applications. Anyone holding the three can re-run it and must get the same result
 * (docs/events.md, "Lottery"). The procedure:
 *   1. each application's draw key = sha256(`${seed}:${entryId}`) as hex;
 *   2. order applications by (priority group ascending, draw key ascending);
 *   3. walk that order, giving each application its seats while they fit in the capacity
 *      (a family or team that does not fit is passed over, keeping its place for the waitlist);
 *   4. the rest form the waitlist, in the same order.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Applicant {
  id: string;
  seats: number;
  /** 0 = first priority group (e.g. first-time applicants). */
  priority: number;
}

export interface DrawResult {
  /** Every applicant, in draw order. */
  order: string[];
  winners: string[];
  waitlist: string[];
}

export function drawKey(seed: string, entryId: string): string {
  return createHash('sha256').update(`${seed}:${entryId}`).digest('hex');
}

export function draw(seed: string, applicants: readonly Applicant[], capacity: number): DrawResult {
  const keyed = applicants.map((a) => ({ ...a, key: drawKey(seed, a.id) }));
  keyed.sort((a, b) => a.priority - b.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const winners: string[] = [];
  const waitlist: string[] = [];
  let left = capacity;
  for (const a of keyed) {
    if (a.seats <= left) {
      winners.push(a.id);
      left -= a.seats;
    } else waitlist.push(a.id);
  }
  return { order: keyed.map((a) => a.id), winners, waitlist };
}

/** A fresh secret seed (128 bits) and its public commitment. */
export function newSeed(): { seed: string; commitment: string } {
  const seed = randomBytes(16).toString('hex');
  return { seed, commitment: commitmentOf(seed) };
}

export function commitmentOf(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}
