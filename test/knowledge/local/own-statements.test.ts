import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import type { PassageHit } from '../../../src/knowledge/local/search.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { findOwnStatements } from '../../../src/knowledge/local/statement-rank.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

function hit(from: Passage, matched: string[], coverage: number): PassageHit {
  return { passage: from, score: 1, matched, coverage, asked: coverage };
}

// A battery listing states its own fitting; the shop's page about itself states the partner's, and holds "сразу" too.
const battery = [
  passage(0, 'Ёмкость: 60 Ач, пусковой ток 540 А.', { document: 'akb.json', itemId: 1 }),
  passage(1, 'Установка: на нашем складе ставим бесплатно при покупке, 5–10 минут.', { document: 'akb.json', itemId: 1 }),
  passage(2, 'Установка: партнёрский автосервис в соседнем боксе, запишем сразу.', { document: 'o-nas.md', title: 'О нас' }),
];
const listing = { id: 1, title: 'Аккумулятор Varta 60 Ач' };

describe("a listing's own statement on what is asked", () => {
  it('is quoted before the general answer that covers the question better', () => {
    const answer = findAnswer(buildPassageIndex(battery), { question: 'акб поставите сразу?', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('5–10 минут');
    expect(answer.text.indexOf('5–10 минут')).toBeLessThan(answer.text.indexOf('партнёрский'));
    expect(answer.sources).toEqual(['akb.json', 'o-nas.md']);
  });

  it('answers alone where the rest of the question is words the listing never uses (see value-questions.test.ts)', () => {
    const answer = findAnswer(buildPassageIndex(battery.slice(0, 2)), { question: 'акб поставите сразу?', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('5–10 минут');
  });

  it('answers nothing alone where the listing uses the rest elsewhere: its own line is about something else', () => {
    const answer = findAnswer(buildPassageIndex(battery.slice(0, 2)), { question: 'установка ёмкость какая?', listing });
    expect(answer.status).toBe('NOT_FOUND');
  });
});

describe('findOwnStatements', () => {
  const [fitting] = extractTerms('установка');
  const own = passage(0, 'Установка: на складе, 5–10 минут.', { itemId: 1 });
  const passing = passage(1, 'Ставим на складе, установка быстрая.', { itemId: 1 });

  it('keeps a half-covering passage whose line is labelled by an asked word it holds', () => {
    expect(findOwnStatements([hit(own, [fitting ?? ''], 0.5)], 0.6, extractTerms)).toHaveLength(1);
  });

  it('keeps nothing when a passage of the listing covers the question, or none states the word as a label', () => {
    expect(findOwnStatements([hit(own, [fitting ?? ''], 0.5), hit(passing, [fitting ?? ''], 0.6)], 0.6, extractTerms)).toEqual([]);
    expect(findOwnStatements([hit(passing, [fitting ?? ''], 0.5)], 0.6, extractTerms)).toEqual([]);
  });
});

describe("a listing's price line", () => {
  it('is no statement on the price of something else', () => {
    const coffee = [
      passage(0, 'Цена — 24 990 ₽. Торг небольшой.', { document: 'kofemashina.md', itemId: 2, headings: ['Цена'] }),
      passage(1, 'Доставка по тарифу перевозчика, стоимость считаем при заказе.', { document: 'dostavka.md', title: 'Доставка' }),
    ];
    const answer = findAnswer(buildPassageIndex(coffee), { question: 'Сколько стоит доставка?', listing: { id: 2, title: 'Кофемашина' } });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'] });
  });
});
