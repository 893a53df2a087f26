/**
 * The legal articles written by the team (content/articles/) as the first content of
 * rights_articles. Each is added with its slug as _id only if it is not there yet: re-seeding
 * never overwrites what staff have edited, published or retired since.
 */
import { ARTICLES } from '../../content/articles';
import type { Database } from '../db/database';
import { isDuplicateKey } from '../db/counters';
import { COLLECTIONS } from '../db/schema';

/** The union's own three best-read pieces (PRODUCT.md) and the most asked-about one. */
export const FEATURED_SLUGS = ['blank-contract-wage-mismatch', 'work-injury-claim', 'social-insurance-probation-waiver', 'unpaid-wages'];

/** Legal content is checked again a year after its review. */
function reviewDueOf(reviewedAt: string): string {
  const [y, m, d] = reviewedAt.split('-');
  return `${Number(y) + 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

export async function seedRights(db: Database, now: Date): Promise<{ articles: number; added: number }> {
  let added = 0;
  for (const { slug, ...article } of ARTICLES) {
    try {
      await db.collection(COLLECTIONS.rightsArticles).add({
        data: {
          _id: slug,
          ...article,
          localNotes: article.localNotes ?? [],
          featured: FEATURED_SLUGS.includes(slug),
          reviewDue: reviewDueOf(article.reviewedAt),
          status: 'published',
          reads: 0,
          helpful: 0,
          unhelpful: 0,
          createdAt: now,
          updatedAt: now,
          publishedAt: now,
        },
      });
      added += 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return { articles: ARTICLES.length, added };
}
