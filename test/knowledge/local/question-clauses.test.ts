import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

// A listing's documents: the maker and the frost resistance stand in different passages, as sellers write them.
const LISTING = 4140000001;
const passages: Passage[] = [
  { id: 0, document: 'item-blocks.md', title: 'Газобетон', headings: ['Производитель'], text: 'Блоки производства Ytong, завод в Московской области.', position: 0, itemId: LISTING },
  { id: 1, document: 'item-blocks.md', title: 'Газобетон', headings: ['Характеристики'], text: 'Морозостойкость F100, теплопроводность 0,12.', position: 1, itemId: LISTING },
  { id: 2, document: 'dostavka.md', title: 'Доставка', headings: [], text: 'Доставка по городу манипулятором, 3 500 ₽ за рейс.', position: 2 },
];
const index = buildPassageIndex(passages);
const ask = (question: string) => findAnswer(index, { question, listing: { id: LISTING } });

describe('two questions typed as one', () => {
  it('answers both when a comma is the only break', () => {
    const answer = ask('производитель какой у блоков, морозостойкость?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Ytong');
    expect(answer.text).toContain('F100');
  });

  it('answers both when nothing separates them', () => {
    const answer = ask('производитель какой у блоков морозостойкость какая');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Ytong');
    expect(answer.text).toContain('F100');
  });

  it('answers a comma-separated message only if every clause is answered: one unanswered clause is not dropped silently', () => {
    // "Поднимете на этаж" is in no document: the whole message falls back rather than answering half of it.
    expect(ask('производитель какой, на 2 этаж поднимете?').status).toBe('NOT_FOUND');
  });

  it('adds nothing to a question one passage answers whole', () => {
    const answer = ask('морозостойкость какая?');
    expect(answer.text).toContain('F100');
    expect(answer.text).not.toContain('Ytong');
  });
});
