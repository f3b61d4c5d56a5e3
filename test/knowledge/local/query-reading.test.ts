// How a buyer's message is read before its terms are searched (issue 15): a clause refusing a person is no part of the
// question, and a one-topic question from a listing's chat gets the shop's document on that topic besides the listing's line.
import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

describe('a one-topic question from a listing\'s chat', () => {
  const shop = buildPassageIndex([
    passage(0, 'Фен-стайлер, 5 насадок. Отправка СДЭК, фен упаковываю в коробку с пупыркой. Оплата при получении возможна.', { document: 'item-1-fen.md', itemId: 1 }),
    passage(1, 'Отправляю по всей России, пн–сб. Почтой России от 300 ₽, 5–12 дней.', { document: 'dostavka.md', title: 'Доставка' }),
    passage(2, 'Оплата переводом по СБП или наличными при встрече.', { document: 'oplata.txt', position: 0 }),
    passage(3, 'Возврат в течение 14 дней, если товар не использовался.', { document: 'vozvrat.txt', position: 0 }),
  ]);

  it('gets the listing\'s line and the shop\'s document titled by the topic', () => {
    const answer = findAnswer(shop, { question: 'доставка?', listing: { id: 1 } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Отправка СДЭК');
    expect(answer.text).toContain('Почтой России от 300 ₽');
    expect(answer.sources).toEqual(['item-1-fen.md', 'dostavka.md']);
  });

  it('finds the topic\'s document by its file name when it has no title', () => {
    const answer = findAnswer(shop, { question: 'оплата?', listing: { id: 1 } });
    expect(answer.text).toContain('по СБП');
    expect(answer.sources).toEqual(['item-1-fen.md', 'oplata.txt']);
  });

  it('keeps a question naming more than the topic to the listing', () => {
    const answer = findAnswer(shop, { question: 'доставка сдэк?', listing: { id: 1 } });
    expect(answer.sources).toEqual(['item-1-fen.md']);
  });
});
