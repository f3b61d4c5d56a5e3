import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

const nozzles: Passage = {
  id: 0,
  document: 'fen.md',
  title: 'Фен-стайлер',
  headings: ['Насадки'],
  text: 'Насадки в комплекте: 2 насадки для локонов 30 мм — одна крутит влево, другая вправо.',
  position: 0,
};

describe('a number word', () => {
  it('is no term in any form, as "один", "два", "три" are not', () => {
    expect(extractTerms('одна одну две пять')).toEqual([]);
  });

  it('is not evidence that a passage answers ("скока стоит одна" is not answered by "одна крутит влево")', () => {
    const index = buildPassageIndex([nozzles]);
    expect(findAnswer(index, { question: 'насадки для локонов отдельно продаете скока стоит одна' }).status).toBe('NOT_FOUND');
  });
});
