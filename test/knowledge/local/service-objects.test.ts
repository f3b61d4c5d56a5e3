import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

function row(id: number, text: string): Passage {
  return { id, document: 'prais.csv', title: '', headings: [], text, position: id };
}

const prices = [
  row(0, 'Услуга/товар: Замена камеры велосипеда; Цена, руб: 300; Примечание: работа, камера отдельно'),
  row(1, 'Услуга/товар: Замена покрышки; Цена, руб: 400; Примечание: работа'),
  row(2, 'Услуга/товар: Настройка переключателей; Цена, руб: 500'),
];

describe('a job asked with its object is priced only by a row naming that object', () => {
  it('refuses "замена спицы скока стоит" with the rows of "Замена камеры" and "Замена покрышки"', () => {
    expect(findAnswer(buildPassageIndex(prices), { question: 'замена спицы скока стоит' }).status).toBe('NOT_FOUND');
  });

  it('answers the job whose object the row names', () => {
    const index = buildPassageIndex(prices);
    expect(findAnswer(index, { question: 'замена покрышки скока стоит' }).text).toContain('400');
    expect(findAnswer(index, { question: 'сколько стоит замена камеры велосипеда' }).text).toContain('300');
  });
});
