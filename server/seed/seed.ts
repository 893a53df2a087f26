/**
 * First-run content for the local cloud (and a fresh WeChat environment): the centres, and —
 * as the areas land — the year's events and the legal articles, with dates relative to `now`
 * so the demo is alive whatever day it runs. Idempotent: deterministic _ids and set(), so running
 * it twice leaves the same data.
 */
import type { Database } from '../db/database';
import { COLLECTIONS } from '../db/schema';
import { SEED_CENTRES } from './centres';

export interface SeedReport {
  centres: number;
}

export async function seedDatabase(db: Database, now: Date): Promise<SeedReport> {
  for (const { id, ...centre } of SEED_CENTRES) {
    await db.collection(COLLECTIONS.centres).doc(id).set({ data: { ...centre, createdAt: now } });
  }
  return { centres: SEED_CENTRES.length };
}
