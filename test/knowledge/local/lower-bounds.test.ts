import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import { isLowerBoundAt } from '../../../src/knowledge/local/bounds.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

const listing = { id: 7, title: 'Химчистка ковров на дому' };
const carpets: Passage = {
  id: 0,
  document: 'item-7-himchistka.md',
  title: 'Химчистка ковров на дому',
  headings: [],
  itemId: 7,
  position: 0,
  text: 'Ковер с длинным ворсом (от 2 см) — 350 ₽/м². Сушка ковра занимает сутки.',
};

function ask(question: string) {
  return findAnswer(buildPassageIndex([carpets]), { question, listing });
}

describe('a lower bound the documents state ("от 2 см")', () => {
  it('holds an amount above it, though the passage never writes that number', () => {
    const answer = ask('ворс длинный 3 см, скока стоит');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('350 ₽/м²');
  });

  it('does not hold an amount below it', () => {
    expect(ask('ворс 1 см, скока стоит').status).toBe('NOT_FOUND');
  });

  it('is told from a range opened by "от"', () => {
    const text = 'от 5 кг скидка, от 2 до 5 дней, от 3 кг до 10 кг';
    expect(isLowerBoundAt(text, text.indexOf('5 кг'))).toBe(true);
    expect(isLowerBoundAt(text, text.indexOf('2 до'))).toBe(false);
    expect(isLowerBoundAt(text, text.indexOf('3 кг'))).toBe(false);
  });
});
