import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { isTitledBy, statesTopic } from '../../../src/knowledge/local/topic-documents.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

const shipping = extractTerms('доставка')[0] ?? '';
const delivery = passage(0, 'Отправляю по всей России. Заказы, оплаченные до 14:00, отправляю в тот же день. СДЭК до пункта выдачи 250–450 ₽.', {
  document: 'dostavka.md',
  title: 'Доставка и самовывоз',
});

describe("a listing's own line on a topic", () => {
  it('stands when it denies, bounds or measures the topic', () => {
    expect(statesTopic(passage(0, 'Авито Доставкой не отправляю: велосипед не проходит по габаритам.'), shipping, extractTerms)).toBe(true);
    expect(statesTopic(passage(0, 'Доставка только по Москве.'), shipping, extractTerms)).toBe(true);
    expect(statesTopic(passage(0, 'Доставка по городу 300 ₽.'), shipping, extractTerms)).toBe(true);
  });

  it('stands when it dates or places the topic', () => {
    expect(statesTopic(passage(0, 'Отправлю Авито Доставкой в тот же или на следующий день после оплаты.'), shipping, extractTerms)).toBe(true);
    expect(statesTopic(passage(0, 'Доставка по Казани своей машиной.'), shipping, extractTerms)).toBe(true);
  });

  it('does not stand when it only names the ways', () => {
    expect(statesTopic(passage(0, 'Отправка СДЭК или Авито Доставкой, фен упаковываю в коробку + пупырку.'), shipping, extractTerms)).toBe(false);
  });

  it("is followed by the shop's document on the topic", () => {
    const line = passage(1, 'Фен-стайлер, новый, в плёнке. Отправка СДЭК или Авито Доставкой, фен упаковываю в коробку + пупырку.', {
      document: 'fen.md',
      itemId: 7,
    });
    const answer = findAnswer(buildPassageIndex([delivery, line]), { question: 'доставка?', listing: { id: 7 } });
    expect(answer.sources).toEqual(['fen.md', 'dostavka.md']);
    expect(answer.text).toContain('250–450 ₽');
  });
});

describe('a name in quotes in a title', () => {
  it('does not title the document by its words', () => {
    const about = passage(0, 'Небольшой магазин детских товаров в Казани.', { document: 'o-magazine.md', title: 'О нас — магазин «Детская комната»' });
    expect(isTitledBy(about, extractTerms('ребенок')[0] ?? '', extractTerms)).toBe(false);
    expect(isTitledBy(about, extractTerms('комната')[0] ?? '', extractTerms)).toBe(false);
    expect(isTitledBy(delivery, shipping, extractTerms)).toBe(true);
  });
});
