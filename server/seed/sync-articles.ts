/**
 * The content sync on its own (server/domain/rights/shipped-articles.ts): `npm start` runs it on
 * every start, so a fix in content/ reaches a running local database; by hand:
 *   npm run cloud:exec -- server/seed/sync-articles.ts
 * Staff edits are never overwritten (docs/rights.md).
 */
import type * as Cloud from 'wx-server-sdk';
import type { ArticleSyncReport } from '../../contract/rights/model';
import { asDatabase } from '../db/database';
import { syncShippedArticles } from '../domain/rights/shipped-articles';

export default async function run({ cloud }: { cloud: typeof Cloud }): Promise<ArticleSyncReport> {
  return syncShippedArticles(asDatabase(cloud.database()), new Date());
}
