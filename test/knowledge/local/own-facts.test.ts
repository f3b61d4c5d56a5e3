// "Какой бренд?", "страна производства?", "чьё производство?" of a listing: asked of the listing, like its attributes.
import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

const SUIT = 4110000002;
const BOOTS = 4110000003;
const passages: Passage[] = [
  { id: 0, document: 'kostyum-hudi.md', title: 'Костюм худи + джоггеры', headings: [], text: 'Ткань: футер трёхнитка, 80% хлопок.', position: 0, itemId: SUIT },
  { id: 1, document: 'item-4110000003-botinki.txt', title: 'Ботинки зимние', headings: [], text: 'Натуральная кожа, мех овчина.', position: 1, itemId: BOOTS },
  {
    id: 2,
    document: 'prays.csv',
    title: '',
    headings: [],
    text: 'Наименование: Пуховик женский; Бренд: Тёплый шкаф; Страна: Китай; Цена, ₽: 8 900',
    position: 2,
  },
  { id: 3, document: 'prays.csv', title: '', headings: [], text: 'Наименование: Костюм худи + джоггеры; Бренд: Urban; Страна: Россия; Цена, ₽: 4 200', position: 3 },
];
const index = buildPassageIndex(passages);
const ask = (question: string, id: number, title: string) => findAnswer(index, { question, listing: { id, title } });

describe('who made the listing and where', () => {
  it('is not answered from another product\'s row of the price list', () => {
    for (const question of ['какой бренд', 'чей бренд?', 'чьё производство?']) {
      const answer = ask(question, BOOTS, 'Ботинки зимние');
      expect(answer.text, question).not.toContain('Тёплый шкаф');
      expect(answer.text, question).not.toContain('Urban');
    }
  });

  it('is answered by the price list row naming its product', () => {
    const suit = ask('какой бренд у костюма худи?', SUIT, 'Костюм худи + джоггеры');
    expect(suit.status).toBe('FOUND');
    expect(suit.text).toContain('Urban');
    expect(suit.text).not.toContain('Тёплый шкаф');
  });
});

describe('a bare price question in a listing\'s chat', () => {
  const FLEECE = 4110000005;
  const shop: Passage[] = [
    { id: 0, document: 'item-4110000005-fliska.md', title: 'Флиска Columbia', headings: [], text: 'Флиска мужская, размер L, как новая.', position: 0, itemId: FLEECE },
    { id: 1, document: 'dostavka.md', title: 'Доставка', headings: ['СДЭК'], text: 'Стоимость по тарифу СДЭК, в среднем от 350 до 600 ₽ за одну вещь.', position: 1 },
  ];
  const fleece = buildPassageIndex(shop);

  it('is not answered by a general passage pricing something else', () => {
    for (const question of ['сколько стоит', 'почем', 'а скока он']) {
      expect(findAnswer(fleece, { question, listing: { id: FLEECE, title: 'Флиска Columbia' } }).status, question).toBe('NOT_FOUND');
    }
  });

  it('still asks the general documents for the price of what it names', () => {
    expect(findAnswer(fleece, { question: 'доставка сдэком сколько стоит', listing: { id: FLEECE, title: 'Флиска Columbia' } }).text).toContain('350');
  });
});
