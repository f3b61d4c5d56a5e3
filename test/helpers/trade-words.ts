// What the trades' word tables are tested with: pairs of words read alike or apart, and passages to answer from.
import { expect } from 'vitest';
import type { Passage } from '../../src/knowledge/local/passages.js';
import { extractTerms } from '../../src/knowledge/local/terms.js';

export function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

/** The buyer's word (first) is read as the seller's (second). */
export function expectReadAlike(pairs: ReadonlyArray<readonly [string, string]>): void {
  for (const [buyer, seller] of pairs) expect(extractTerms(buyer), buyer).toEqual(extractTerms(seller));
}

/** Words that look alike but mean other things keep their readings apart. */
export function expectReadApart(pairs: ReadonlyArray<readonly [string, string]>): void {
  for (const [one, other] of pairs) expect(extractTerms(one), one).not.toEqual(extractTerms(other));
}
