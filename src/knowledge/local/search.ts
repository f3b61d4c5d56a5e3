/** MiniSearch (BM25) over passages with the engine's own terms: BM25 ranks, the coverage of the query decides. */
import MiniSearch from 'minisearch';
import { WEAK_TERMS } from './vocabulary.js';
import type { Passage } from './passages.js';
import { createTermResolver } from './term-resolver.js';
import { normalizeText, termOf, tokenizeWords } from './terms.js';

export interface PassageIndex {
  passages: readonly Passage[];
  /** Each term as the index knows it (see term-resolver.ts). */
  resolve(terms: readonly string[]): string[];
  /** `ranking`: terms that order equally covering passages but do not count towards coverage. */
  search(terms: readonly string[], filter: (passage: Passage) => boolean, ranking?: readonly string[]): PassageHit[];
}

export interface PassageHit {
  passage: Passage;
  /** BM25: orders passages that cover the query equally. */
  score: number;
  matched: string[];
  /** Weighted share (0..1) of the query's terms found: what the threshold is compared with. */
  coverage: number;
}

interface IndexedPassage {
  id: number;
  title: string;
  headings: string;
  text: string;
}

/** Passage ids must be their positions in `passages`. */
export function buildPassageIndex(passages: readonly Passage[]): PassageIndex {
  const counts = new Map<string, number>();
  const countTerm = (word: string): string | null => {
    const term = termOf(word);
    if (term === undefined) return null;
    counts.set(term, (counts.get(term) ?? 0) + 1);
    return term;
  };
  const miniSearch = new MiniSearch<IndexedPassage>({
    fields: ['title', 'headings', 'text'],
    tokenize: (text) => tokenizeWords(normalizeText(text)),
    processTerm: countTerm,
    searchOptions: {
      // The title is shared by the whole document; headings say what the passage is about.
      boost: { text: 2, headings: 1.5, title: 0.5 },
    },
  });
  miniSearch.addAll(
    passages.map((passage) => ({
      id: passage.id,
      title: passage.title,
      headings: passage.headings.join('\n'),
      text: passage.text,
    })),
  );

  const resolver = createTermResolver(counts);
  return {
    passages,
    resolve: (terms) => [...new Set(terms.map((term) => resolver.resolve(term)))],
    search(terms, filter, ranking = []) {
      if (terms.length === 0) return [];
      const results = miniSearch.search([...terms, ...ranking].join(' '), {
        combineWith: 'OR',
        // Terms arrive already processed: keep them as they are.
        tokenize: (query) => query.split(' '),
        processTerm: (term) => term,
        filter: (result) => {
          const passage = passages[result.id as number];
          return passage !== undefined && filter(passage);
        },
      });
      const hits: PassageHit[] = [];
      for (const result of results) {
        const passage = passages[result.id as number];
        if (passage === undefined) continue;
        const matched = terms.filter((term) => result.queryTerms.includes(term));
        hits.push({ passage, score: result.score, matched, coverage: measureCoverage(terms, matched) });
      }
      return hits.sort(compareHits);
    },
  };
}

/**
 * Weighted share of `terms` present in `matched`; attribute words ("размер", "цвет") weigh half. A small number is the
 * buyer's own quantity ("у меня 3 шт"), never evidence that a passage answers: it weighs half and is never found.
 */
export function measureCoverage(terms: readonly string[], matched: readonly string[]): number {
  let total = 0;
  let found = 0;
  for (const term of terms) {
    const quantity = isQuantity(term);
    const weight = quantity || WEAK_TERMS.has(term) ? 0.5 : 1;
    total += weight;
    if (!quantity && matched.includes(term)) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

function isQuantity(term: string): boolean {
  return /^\p{N}{1,2}$/u.test(term);
}

function compareHits(a: PassageHit, b: PassageHit): number {
  return b.coverage - a.coverage || b.score - a.score || a.passage.position - b.passage.position;
}
