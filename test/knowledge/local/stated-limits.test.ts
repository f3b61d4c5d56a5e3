import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import { findRangeStart, listWordedRanges } from '../../../src/knowledge/local/bounds.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

const listing = { id: 3, title: 'Металлочерепица Монтеррей 0,45 мм' };
const delivery: Passage = {
  id: 0,
  document: 'item-3-metallocherepica.txt',
  title: 'Металлочерепица Монтеррей 0,45 мм',
  headings: [],
  itemId: 3,
  position: 0,
  text: 'Монтажом сами не занимаемся. Привозим листы упакованными в плёнку. Листы до 4 м возим Газелью, длиннее (до 6 м) — только манипулятором.',
};

function ask(question: string) {
  return findAnswer(buildPassageIndex([delivery]), { question, listing });
}

describe('a limit the documents state', () => {
  it('answers an amount below it, though the passage never writes that number', () => {
    const answer = ask('листы по 5 метров газелью довезете');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('до 6 м');
  });

  it('does not answer an amount above every limit', () => {
    expect(ask('листы по 8 метров газелью довезете').status).toBe('NOT_FOUND');
  });
});

describe('ranges written in words', () => {
  it('reads "до N" from zero and "от A до B" from A', () => {
    expect(listWordedRanges('Листы до 4 м возим Газелью, длиннее (до 6 м)')).toEqual([
      [0, 4],
      [0, 6],
    ]);
    expect(listWordedRanges('Срок от 2 до 5 дней, толщина до 12,5 мм')).toEqual([
      [2, 5],
      [0, 12.5],
    ]);
  });

  it('leaves a range written with a dash to the dash', () => {
    expect(listWordedRanges('до 5–7 дней')).toEqual([]);
  });

  it('tells where an amount closing a range starts', () => {
    const text = 'от 30 мин до 60 мин, до 20 м от машины, 15 кг';
    expect(findRangeStart(text, text.indexOf('60'))).toBe(30);
    expect(findRangeStart(text, text.indexOf('20'))).toBe(0);
    expect(findRangeStart(text, text.indexOf('15'))).toBeUndefined();
  });
});
