/**
 * How the team's articles (content/articles/) reach the database, first and every time they
 * change: `syncShippedArticles` runs in the seed, on every start of the local cloud and, on
 * WeChat's cloud, through an admin's 更新内置文章 (rights.staffSyncArticles; docs/deploying.md).
 *
 * An article's shipped version is the hash of its content as written in content/ (nobody has to
 * remember to bump a number). The stored article keeps the version it was last written from
 * (`shippedVersion`); a staff save marks it `editedBy` (the staff member's name). So:
 *   - not in the database             -> added (published only if reviewed or live before reviews existed)
 *   - same version                    -> nothing
 *   - older version, never staff-edited -> content (and its review state) replaced; status, counters, featured kept
 *   - staff edited it                 -> kept as staff left it, reported (keptStaffEdit) and flagged in the staff list
 * "Never staff-edited, still that version" is the condition of the write itself, so a staff save
 * racing a sync is never overwritten.
 */
import { ARTICLES, type LegalArticle } from '../../../content/articles';
import type { ArticleStatus, ArticleSyncReport } from '../../../contract/rights/model';
import { isDuplicateKey } from '../../db/counters';
import type { Database } from '../../db/database';
import { COLLECTIONS } from '../../db/schema';
import { hashId, type ArticleDoc } from './records';

/** The union's own three best-read pieces (PRODUCT.md) and the most asked-about one. */
export const FEATURED_SLUGS = ['blank-contract-wage-mismatch', 'work-injury-claim', 'social-insurance-probation-waiver', 'unpaid-wages'];

/**
 * The articles workers could already read before articles carried a review state: they stay
 * published while the lawyer reviews them. Anything else arriving from content/ unreviewed starts
 * as a draft that only staff see, until the lawyer reviews it or an admin publishes it.
 */
export const PUBLISHED_BEFORE_REVIEW: ReadonlySet<string> = new Set([
  'unsigned-contract-double-wages',
  'blank-contract-wage-mismatch',
  'probation-rules',
  'social-insurance-probation-waiver',
  'unpaid-wages',
  'overtime-pay',
  'deductions-fines-deposits',
  'working-hours-holidays',
  'paid-annual-leave',
  'work-injury-claim',
  'injury-without-insurance',
  'dismissal-compensation',
  'quit-job-properly',
  'pregnancy-maternity-rights',
  'labor-dispatch',
  'non-compete-training-service-period',
  'labor-arbitration-steps',
  'migrant-union-help',
]);

export function shippedVersionOf(article: LegalArticle): string {
  return hashId(JSON.stringify(article));
}

export function initialStatus(article: LegalArticle): ArticleStatus {
  return article.review.state === 'reviewed' || PUBLISHED_BEFORE_REVIEW.has(article.slug) ? 'published' : 'draft';
}

async function isVersion(db: Database, slug: string, version: string): Promise<boolean> {
  const res = await db.collection<SyncView>(COLLECTIONS.rightsArticles).where({ _id: slug }).field({ shippedVersion: true }).limit(1).get();
  return res.data[0]?.shippedVersion === version;
}

/** A newer version of a staff-edited article waits in content/: the staff list says so. */
export function shippedUpdateKept(doc: SyncView): boolean {
  const shipped = SHIPPED_BY_SLUG.get(doc._id);
  return doc.editedBy !== undefined && shipped !== undefined && shippedVersionOf(shipped) !== doc.shippedVersion;
}

const SHIPPED_BY_SLUG = new Map(ARTICLES.map((a) => [a.slug, a]));

type SyncView = Pick<ArticleDoc, '_id' | 'shippedVersion' | 'editedBy'>;

export async function syncShippedArticles(db: Database, now: Date, articles: readonly LegalArticle[] = ARTICLES): Promise<ArticleSyncReport> {
  const _ = db.command;
  const collection = db.collection<ArticleDoc>(COLLECTIONS.rightsArticles);
  const report: ArticleSyncReport = { articles: articles.length, added: [], updated: [], keptStaffEdit: [] };
  const stored = new Map<string, SyncView>();
  for (let i = 0; i < articles.length; i += 100) {
    const ids = articles.slice(i, i + 100).map((a) => a.slug);
    const res = await db
      .collection<SyncView>(COLLECTIONS.rightsArticles)
      .where({ _id: _.in(ids) })
      .field({ _id: true, shippedVersion: true, editedBy: true })
      .limit(100)
      .get();
    for (const d of res.data) stored.set(d._id, d);
  }

  for (const article of articles) {
    const { slug, ...content } = article;
    const version = shippedVersionOf(article);
    const doc = stored.get(slug);
    const fields = { ...content, localNotes: content.localNotes ?? [], shippedVersion: version, updatedAt: now };
    if (!doc) {
      const status = initialStatus(article);
      try {
        await collection.add({
          data: {
            _id: slug,
            ...fields,
            featured: FEATURED_SLUGS.includes(slug),
            status,
            reads: 0,
            helpful: 0,
            unhelpful: 0,
            createdAt: now,
            publishedAt: status === 'published' ? now : null,
          },
        });
        report.added.push(slug);
      } catch (error) {
        // Another sync (another instance, a second start) added it first: nothing left to do.
        if (!isDuplicateKey(error)) throw error;
      }
      continue;
    }
    if (doc.shippedVersion === version) continue;
    if (doc.editedBy !== undefined) {
      report.keptStaffEdit.push(slug);
      continue;
    }
    const res = await collection
      .where({ _id: slug, editedBy: _.exists(false), shippedVersion: doc.shippedVersion ?? _.exists(false) })
      .update({ data: { ...fields, case: _.set(content.case), review: _.set(content.review) } });
    if (res.stats.updated === 1) report.updated.push(slug);
    // 0: a staff save got there first (it wins), or another sync wrote this version already.
    else if (!(await isVersion(db, slug, version))) report.keptStaffEdit.push(slug);
  }
  return report;
}
