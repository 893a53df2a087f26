/**
 * The legal articles written by the team (content/articles/) as the first content of
 * rights_articles: the same sync that brings later content fixes in (shipped-articles.ts), so a
 * fresh database and a running one end up the same, and staff edits are never overwritten.
 */
import type { ArticleSyncReport } from '../../contract/rights/model';
import type { Database } from '../db/database';
import { syncShippedArticles } from '../domain/rights/shipped-articles';

export async function seedRights(db: Database, now: Date): Promise<ArticleSyncReport> {
  return syncShippedArticles(db, now);
}
