/**
 * The content team's articles as a whole: what a worker relies on when moving between them
 * (related links that open, one article per slug) and the law cited by article number.
 */
import { ARTICLES } from '../../content/articles';

const slugs = ARTICLES.map((a) => a.slug);

describe('the articles in content/articles', () => {
  it('have one article per slug', () => {
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('link only to articles that exist, never to themselves', () => {
    const broken = ARTICLES.flatMap((a) => a.related.filter((r) => r === a.slug || !slugs.includes(r)).map((r) => `${a.slug} -> ${r}`));
    expect(broken).toEqual([]);
  });

  it('answer first in at most 80 characters (what a worker reads before deciding to read on)', () => {
    const long = ARTICLES.filter((a) => [...a.shortAnswer].length > 80).map((a) => `${a.slug}: ${[...a.shortAnswer].length}`);
    expect(long).toEqual([]);
  });

  it('cite every legal basis by its article number', () => {
    const uncited = ARTICLES.flatMap((a) => a.basis.filter((b) => !/^第[一二三四五六七八九十百零〇\d]+条/.test(b.article)).map((b) => `${a.slug}: ${b.law}`));
    expect(uncited).toEqual([]);
  });
});
