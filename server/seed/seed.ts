/**
 * First-run content for the local cloud (and a fresh WeChat environment): the centres, and —
 * as the areas land — the year's events and the legal articles, with dates relative to `now`
 * so the demo is alive whatever day it runs. Idempotent: deterministic _ids and set(), so running
 * it twice leaves the same data.
 */
import type { ArticleSyncReport } from '../../contract/rights/model';
import type { Database } from '../db/database';
import { COLLECTIONS } from '../db/schema';
import { SEED_CENTRES, seedCentresArea } from './centres';
import { seedStation } from './station';
import { seedEvents } from './events';
import { seedRights } from './rights';

export interface SeedReport {
  centres: number;
  bookings?: { rosters: number; closures: number; fairs: number };
  station?: { campaigns: number };
  events?: { events: number };
  rights?: ArticleSyncReport;
}

export async function seedDatabase(db: Database, now: Date): Promise<SeedReport> {
  for (const { id, ...centre } of SEED_CENTRES) {
    await db.collection(COLLECTIONS.centres).doc(id).set({ data: { ...centre, createdAt: now } });
  }
  const bookings = await seedCentresArea(db, now);
  const station = await seedStation(db, now);
  const events = await seedEvents(db, now);
  const rights = await seedRights(db, now);
  return { centres: SEED_CENTRES.length, bookings, station, events, rights };
}
