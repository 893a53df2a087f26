/**
 * What the search reads of an article: five fields, weighted in engine.ts. The body is everything
 * else a worker might have in mind (steps, evidence, deadlines, the law's gist, local notes, the case).
 */
import { ARTICLE_CATEGORY_LABELS, type ArticleContent } from '../../../../contract/rights/model';
import type { SearchDocument } from './engine';

/** What the index needs of an article (seed content or a stored document). */
export type SearchableArticle = Pick<
  ArticleContent,
  'slug' | 'category' | 'title' | 'question' | 'shortAnswer' | 'steps' | 'evidence' | 'deadlines' | 'basis' | 'case' | 'keywords'
> & { localNotes?: string[] };

export function articleDocument(a: SearchableArticle): SearchDocument {
  return {
    id: a.slug,
    terms: a.keywords,
    fields: {
      title: a.title,
      keywords: [...a.keywords, ARTICLE_CATEGORY_LABELS[a.category]].join('，'),
      question: a.question,
      answer: a.shortAnswer,
      body: [
        ...a.steps,
        ...a.evidence,
        ...a.deadlines.map((d) => `${d.what}：${d.limit}`),
        ...a.basis.map((b) => `${b.law}${b.article}：${b.gist}`),
        ...(a.localNotes ?? []),
        a.case.title,
        a.case.story,
        a.case.outcome,
      ].join('\n'),
    },
  };
}
