/**
 * The search vocabulary: the content team's synonym groups and domain words (content/search/),
 * plus the articles' own keywords, as a character trie for finding every term inside a text
 * without spaces, and as fuzzy pinyin keys for the typo layer.
 */
import { DOMAIN_WORDS, SYNONYM_GROUPS } from '../../../../content/search/synonyms';
import { normalise, isHan } from './normalise';
import { fuzzyKeys } from './pinyin';

interface TrieNode {
  next: Map<string, TrieNode>;
  term?: string;
}

export interface Vocabulary {
  /** Every known term (normalised). */
  words: Set<string>;
  /** Term -> the synonym groups it belongs to. */
  groups: Map<string, number[]>;
  /** Fuzzy pinyin key -> the Chinese terms (2–6 characters) that sound like it. */
  bySound: Map<string, string[]>;
  root: TrieNode;
}

export interface TermMatch {
  term: string;
  start: number;
  end: number;
}

function insert(root: TrieNode, term: string): void {
  let node = root;
  for (const ch of term) {
    let child = node.next.get(ch);
    if (!child) {
      child = { next: new Map() };
      node.next.set(ch, child);
    }
    node = child;
  }
  node.term = term;
}

/** Builds the vocabulary from the content team's lists and any extra words (the articles' keywords). */
export function buildVocabulary(extraWords: Iterable<string> = []): Vocabulary {
  const vocab: Vocabulary = { words: new Set(), groups: new Map(), bySound: new Map(), root: { next: new Map() } };
  const add = (raw: string, group?: number) => {
    const term = normalise(raw).replace(/\s+/g, '');
    if (term.length < 2 && !(term.length === 1 && isHan(term) && group !== undefined)) return;
    if (group !== undefined) {
      const list = vocab.groups.get(term) ?? [];
      if (!list.includes(group)) list.push(group);
      vocab.groups.set(term, list);
    }
    if (vocab.words.has(term)) return;
    vocab.words.add(term);
    insert(vocab.root, term);
    const chars = [...term];
    if (chars.length >= 2 && chars.length <= 6 && chars.every(isHan)) {
      for (const key of fuzzyKeys(term)) {
        const list = vocab.bySound.get(key) ?? [];
        list.push(term);
        vocab.bySound.set(key, list);
      }
    }
  };
  SYNONYM_GROUPS.forEach((group, id) => group.forEach((term) => add(term, id)));
  DOMAIN_WORDS.forEach((term) => add(term));
  for (const term of extraWords) add(term);
  return vocab;
}

/** Every occurrence of every known term in a normalised text (overlaps included). */
export function findTerms(vocab: Vocabulary, text: string): TermMatch[] {
  const chars = [...text];
  const found: TermMatch[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    let node: TrieNode | undefined = vocab.root;
    for (let j = i; j < chars.length && node; j += 1) {
      node = node.next.get(chars[j]);
      if (node?.term) found.push({ term: node.term, start: i, end: j + 1 });
    }
  }
  return found;
}
