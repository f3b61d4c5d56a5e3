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

describe('a count written into a word ("трехместный", "2-местный")', () => {
  it('reads a numeral prefix as the number, as a digit before the word is read', () => {
    expect(extractTerms('диван трехместный')).toEqual(extractTerms('диван 3-местный'));
    expect(extractTerms('окно двухстворчатое')).toEqual(extractTerms('окно 2 створчатое'));
    // "одно-" counts nothing ("однотонный"), nor does a noun ("шестигранник").
    expect(extractTerms('однотонный')).not.toContain('1');
    expect(extractTerms('шестигранник')).not.toContain('6');
  });

  const prices: Passage = {
    id: 0,
    document: 'himchistka.md',
    title: 'Химчистка мебели',
    headings: [],
    text: 'Что чистим — Цена\nдиван 2-местный (прямой) — 2 600 ₽\nдиван 3-местный — 3 300 ₽\nкресло — 1 000 ₽',
    position: 0,
  };
  const ask = (question: string) => findAnswer(buildPassageIndex([prices]), { question });

  it('answers the count the passage writes, spelt or in digits', () => {
    expect(ask('диван трехместный скока').text).toContain('3 300');
    expect(ask('диван 3 местный сколько').text).toContain('3 300');
  });

  it('refuses a count the passage never writes where it writes others: "4 местный" is no sofa it prices', () => {
    expect(ask('диван 4 местный прямой сколько').status).toBe('NOT_FOUND');
  });
});

describe('an amount said with its unit first ("метров 20")', () => {
  const cables: Passage = { id: 0, document: 'prays.md', title: 'Прокат', headings: [], text: 'Удлинитель на катушке 10 м — 150 руб/сутки.', position: 0 };
  const feed: Passage = { id: 1, document: 'korm.md', title: 'Корм на развес', headings: [], text: 'Минимально — от 300 г, дальше с шагом 100 г.', position: 1 };
  const ask = (question: string) => findAnswer(buildPassageIndex([cables, feed]), { question });

  it('is an amount of that unit: a passage stating another does not answer it', () => {
    expect(ask('удлинитель метров 20 есть?').status).toBe('NOT_FOUND');
    expect(ask('удлинитель метров 10 есть?').status).toBe('FOUND');
  });

  it('is answered by a bound in its unit, within it or not', () => {
    expect(ask('корм на развес можно грамм 200 взять?').text).toContain('от 300 г');
  });
});
