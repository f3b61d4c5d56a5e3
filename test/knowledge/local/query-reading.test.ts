// How a buyer's message is read before its terms are searched (issue 15): a clause refusing a person is no part of the
// question, and a one-topic question from a listing's chat gets the shop's document on that topic besides the listing's line.
import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { dropRefusals } from '../../../src/knowledge/local/query-reading.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

describe('a clause refusing a person', () => {
  const workshop = buildPassageIndex([
    passage(0, 'Выезд мастера на дом по городу — 800 ₽, по записи.', { document: 'vyezd.md' }),
    passage(1, 'Установка Windows 10 или 11 с драйверами — 1 200 ₽, 2–3 часа.', { document: 'windows.md' }),
    passage(2, 'Работаем без выходных, с 10:00 до 20:00.', { document: 'o-nas.md' }),
    passage(3, 'Гарантия на работу 3 месяца.', { document: 'garantiya.md' }),
  ]);

  it('is not searched: the question after it is answered alone', () => {
    const cases = [
      ['администратора не зовите, гарантия какая?', 'garantiya.md'],
      ['сотрудника не надо, скажите гарантию', 'garantiya.md'],
      ['мастера не зовите, до скольки работаете', 'o-nas.md'],
    ];
    for (const [question = '', source] of cases) {
      const answer = findAnswer(workshop, { question });
      expect(answer.status, question).toBe('FOUND');
      expect(answer.sources, question).toEqual([source]);
    }
  });

  it('leaves alone a clause that asks something of the person', () => {
    expect(dropRefusals('мастер не приедет на дом?')).toBe('мастер не приедет на дом?');
    expect(dropRefusals('можно без звонка?')).toBe('можно без звонка?');
    expect(findAnswer(workshop, { question: 'а мастер на дом не выезжает?' }).sources).toEqual(['vyezd.md']);
  });

  it('keeps the rest of the message as written', () => {
    expect(dropRefusals('не надо никакого менеджера, скажите просто до какого года годен')).toBe('скажите просто до какого года годен');
    expect(dropRefusals('менеджер не нужен. если щас оплачу когда отправите?')).toBe('если щас оплачу когда отправите?');
    expect(dropRefusals('с продавцом говорить не хочу, напишите адрес склада')).toBe('напишите адрес склада');
    expect(dropRefusals('не работает разъём, сколько ремонт?')).toBe('не работает разъём, сколько ремонт?');
  });
});

describe('a one-topic question from a listing\'s chat', () => {
  const shop = buildPassageIndex([
    passage(0, 'Фен-стайлер, 5 насадок. Если доставкой СДЭК — можно проверить в пункте выдачи. При оплате переводом чек пришлю.', { document: 'item-1-fen.md', itemId: 1 }),
    passage(1, 'Отправляю по всей России, пн–сб. Почтой России от 300 ₽, 5–12 дней.', { document: 'dostavka.md', title: 'Доставка' }),
    passage(2, 'Оплата переводом по СБП или наличными при встрече.', { document: 'oplata.txt', position: 0 }),
    passage(3, 'Возврат в течение 14 дней, если товар не использовался.', { document: 'vozvrat.txt', position: 0 }),
    passage(4, 'Велосипед. Авито Доставкой не отправляю: только самовывоз.', { document: 'item-2-bike.md', itemId: 2 }),
  ]);

  it('gets the listing\'s line and the shop\'s document titled by the topic', () => {
    const answer = findAnswer(shop, { question: 'доставка?', listing: { id: 1 } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Если доставкой СДЭК');
    expect(answer.text).toContain('Почтой России от 300 ₽');
    expect(answer.sources).toEqual(['item-1-fen.md', 'dostavka.md']);
  });

  it('finds the topic\'s document by its file name when it has no title', () => {
    const answer = findAnswer(shop, { question: 'оплата?', listing: { id: 1 } });
    expect(answer.text).toContain('по СБП');
    expect(answer.sources).toEqual(['item-1-fen.md', 'oplata.txt']);
  });

  it('leaves the listing\'s own terms on the topic alone: the general document would contradict them', () => {
    const answer = findAnswer(shop, { question: 'доставка?', listing: { id: 2 } });
    expect(answer.sources).toEqual(['item-2-bike.md']);
  });

  it('keeps a question naming more than the topic to the listing', () => {
    const answer = findAnswer(shop, { question: 'доставка сдэк?', listing: { id: 1 } });
    expect(answer.sources).toEqual(['item-1-fen.md']);
  });
});

describe('a date in a document', () => {
  it('states its year: "до какого года годен?" is answered by "Годен до 11.2026"', () => {
    const index = buildPassageIndex([
      passage(0, 'Тонер AHA/BHA, 150 мл. Годен до 11.2026.', { itemId: 1 }),
      passage(1, 'Гарантия на фен 2 года.', { itemId: 1 }),
    ]);
    const answer = findAnswer(index, { question: 'менеджера не надо, до какого года годен?', listing: { id: 1 } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('11.2026');
  });
});

describe('an abbreviation glued to its number', () => {
  it('is read as the word it stands for: "ET42" states the offset ("вылет")', () => {
    const index = buildPassageIndex([
      passage(0, 'Комплект R16. Размер: 6.5J x 16 ET42. Цена: 18 000 р.', { itemId: 1 }),
      passage(1, 'Комплект R17. Размер: 7J x 17 ET40. Цена: 27 500 р.', { itemId: 1 }),
    ]);
    const answer = findAnswer(index, { question: 'оператора не зовите, мне только вылет у r16 узнать', listing: { id: 1 } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('ET42');
  });
});
