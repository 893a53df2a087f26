/**
 * Seeds a database through the real wx-server-sdk: `npm start` runs it on the first start of an
 * empty data folder (via the local cloud's exec), and `npm run cloud:exec -- server/seed/run.ts`
 * runs it by hand. Idempotent.
 */
import type * as Cloud from 'wx-server-sdk';
import { asDatabase } from '../db/database';
import { seedDatabase, type SeedReport } from './seed';

export default async function run({ cloud }: { cloud: typeof Cloud }): Promise<SeedReport> {
  return seedDatabase(asDatabase(cloud.database()), new Date());
}
