/** The search's pieces: normalisation, tokens, synonyms, the typo layer, ranking by field. */
import { normalise, normaliseQuery } from '../../server/domain/rights/search/normalise';
import { TRADITIONAL_TO_SIMPLIFIED } from '../../server/domain/rights/search/traditional';
import { fuzzySyllable, soundAlike, fuzzyKeys } from '../../server/domain/rights/search/pinyin';
import { analyseQuery, textTokens } from '../../server/domain/rights/search/tokens';
import { buildVocabulary, findTerms } from '../../server/domain/rights/search/vocabulary';
import { buildIndex, search, type SearchDocument } from '../../server/domain/rights/search/engine';

const vocab = buildVocabulary();

function doc(id: string, fields: Partial<SearchDocument['fields']>): SearchDocument {
  return { id, fields: { title: '', keywords: '', question: '', answer: '', body: '', ...fields } };
}

describe('normalisation', () => {
  it('folds full width, case and common traditional characters', () => {
    expect(normalise('ＡＢＣ１２３５１')).toBe('abc12351');
    expect(normalise('勞動仲裁')).toBe('劳动仲裁');
    expect(normalise('N＋1')).toBe('n+1');
    expect(normaliseQuery('  工伤   怎么 办  ')).toBe('工伤 怎么 办');
    expect(normaliseQuery('很'.repeat(80))).toHaveLength(50);
  });

  it('has a well-formed traditional table (pairs of two different characters)', () => {
    for (const pair of TRADITIONAL_TO_SIMPLIFIED) {
      expect([...pair]).toHaveLength(2);
      expect(pair[0]).not.toBe(pair[1]);
    }
  });
});

describe('tokens', () => {
  it('cuts Chinese into bigrams and finds known terms inside text without spaces', () => {
    const tokens = textTokens(vocab, '老板拖欠工资三个月');
    expect(tokens).toEqual(expect.arrayContaining(['b:老板', 'b:拖欠', 'w:拖欠工资', 'u:资']));
    expect(findTerms(vocab, '停工留薪期').map((m) => m.term)).toEqual(expect.arrayContaining(['停工留薪期', '停工留薪']));
  });

  it('keeps ASCII runs whole (hotlines, N+1, 2N)', () => {
    const { weights } = analyseQuery(vocab, 'N+1怎么算，打12351');
    expect(weights.has('a:n+1')).toBe(true);
    expect(weights.has('a:12351')).toBe(true);
  });

  it('maps colloquial words to the same synonym group as the legal word', () => {
    const group = (text: string) => [...analyseQuery(vocab, text).weights.keys()].filter((t) => t.startsWith('g:'));
    expect(group('炒鱿鱼')).toEqual(expect.arrayContaining(group('辞退')));
    expect(group('老细唔出粮')).toEqual(expect.arrayContaining(group('拖欠工资')));
    expect(group('五险一金')).toEqual(group('社保'));
  });

  it('drops question words from bigrams (怎么, 么办 say nothing about the topic)', () => {
    const { weights } = analyseQuery(vocab, '被辞退了怎么办');
    expect(weights.has('b:怎么')).toBe(false);
    expect(weights.has('b:么办')).toBe(false);
    expect(weights.has('b:辞退')).toBe(true);
  });
});

describe('typo layer (pinyin)', () => {
  it('folds the confusions of southern speakers and pinyin keyboards', () => {
    expect(fuzzySyllable('shang')).toBe('san');
    expect(fuzzySyllable('zhi')).toBe('zi');
    expect(fuzzySyllable('ling')).toBe('nin');
    expect(soundAlike('公', '工')).toBe(true);
    expect(soundAlike('宝', '保')).toBe(true);
    expect(soundAlike('实', '试')).toBe(true);
    expect(soundAlike('工', '资')).toBe(false);
    expect(fuzzyKeys('工伤')).toEqual(['gong-san']);
  });

  it.each([
    ['公伤', '工伤'],
    ['社宝', '社保'],
    ['加版费', '加班费'],
    ['辞推', '辞退'],
    ['实用期', '试用期'],
  ])('reads %s as %s', (typed, term) => {
    expect(analyseQuery(vocab, `${typed}怎么办`).corrections).toContainEqual({ typed, term });
  });

  it('does not "correct" a word that is already known (公司 is not 工时)', () => {
    expect(analyseQuery(vocab, '公司不给钱').corrections.map((c) => c.typed)).not.toContain('公司');
  });
});

describe('ranking', () => {
  const docs = [
    doc('body-only', { title: '其他问题', body: '这里顺便提到工伤认定的一句话，还有很多别的内容：合同、工资、休假、加班、社保。' }),
    doc('title', { title: '工伤认定怎么申请', body: '先治伤，再申请。' }),
    doc('unrelated', { title: '年假有几天', body: '带薪年休假的天数。' }),
  ];
  const index = buildIndex(docs);

  it('ranks a match in the title above the same words in the body', () => {
    expect(search(index, '工伤认定').hits.map((h) => h.id)).toEqual(['title', 'body-only']);
  });

  it('finds by synonym: 上班受伤 finds the 工伤 article', () => {
    expect(search(index, '上班受伤').hits[0]?.id).toBe('title');
  });

  it('answers nothing (not everything) for an unrelated query', () => {
    expect(search(index, '天气预报').hits).toEqual([]);
    expect(search(index, '').hits).toEqual([]);
  });

  it('is deterministic for equal scores', () => {
    const twins = buildIndex([doc('b', { title: '工伤' }), doc('a', { title: '工伤' })]);
    expect(search(twins, '工伤').hits.map((h) => h.id)).toEqual(['a', 'b']);
  });
});
