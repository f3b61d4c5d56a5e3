import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

const CRATES = 7;

// A listing of storage crates whose size is stated only as a size ("45×35×30"), never with the word "размер".
const crates: Passage[] = [
  { id: 0, document: 'item-7-yashchiki.md', title: '', headings: [], position: 0, itemId: CRATES, text: 'Ящик пластиковый с крышкой, 45×35×30 см, прозрачный.' },
  { id: 1, document: 'item-7-yashchiki.md', title: '', headings: [], position: 1, itemId: CRATES, text: 'Выдерживает до 20 кг, штабелируются.' },
  { id: 2, document: 'item-7-yashchiki.md', title: '', headings: [], position: 2, itemId: CRATES, text: 'Цена 450 руб за ящик, от 10 шт — 400 руб.' },
];
const listing = { id: CRATES, title: 'Ящики для хранения с крышкой' };

describe('a size stated as "A×B×C" answers a size asked', () => {
  it('answers "ящики какого размера" with the line stating "45×35×30"', () => {
    const answer = findAnswer(buildPassageIndex(crates), { question: 'ящики какого размера', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('45×35×30');
  });

  it('answers "габариты ящика?" the same way', () => {
    expect(findAnswer(buildPassageIndex(crates), { question: 'габариты ящика?', listing }).text).toContain('45×35×30');
  });
});
