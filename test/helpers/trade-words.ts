// What the trades' word tables are tested with: pairs of words read alike or apart, and passages to answer from.
import { expect } from 'vitest';
import { findAnswer } from '../../src/knowledge/local/answer.js';
import type { Passage } from '../../src/knowledge/local/passages.js';
import type { PassageIndex } from '../../src/knowledge/local/search.js';
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

/** Each question (first) is answered, with the fragment (second) in the answer. */
export function expectAnswered(index: PassageIndex, asked: ReadonlyArray<readonly [string, string]>): void {
  for (const [question, fragment] of asked) {
    expect(findAnswer(index, { question }), question).toMatchObject({ status: 'FOUND', text: expect.stringContaining(fragment) });
  }
}

/** None of the questions is answered. */
export function expectNotAnswered(index: PassageIndex, questions: readonly string[]): void {
  for (const question of questions) expect(findAnswer(index, { question }).status, question).toBe('NOT_FOUND');
}
