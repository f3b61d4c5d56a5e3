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

  it('asks an attribute again when the passage that answers the rest leaves it out ("…и весит скока")', () => {
    const battery: Passage[] = [
      { id: 0, document: 'item-akb.json', title: 'Аккумулятор', headings: [], text: 'Пусковой ток: 540 А (EN)', position: 0, itemId: 7 },
      { id: 1, document: 'item-akb.json', title: 'Аккумулятор', headings: [], text: 'Вес: 14,1 кг', position: 1, itemId: 7 },
      { id: 2, document: 'item-akb.json', title: 'Аккумулятор', headings: [], text: 'Ёмкость: 60 Ач', position: 2, itemId: 7 },
    ];
    const answer = findAnswer(buildPassageIndex(battery), { question: 'ток пусковой какой и весит скока', listing: { id: 7 } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('540 А');
    expect(answer.text).toContain('14,1 кг');
    expect(answer.text).not.toContain('60 Ач');
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

describe('a question beside another is answered as it is alone', () => {
  const DRYER = 4130000002;
  const dryer: Passage[] = [
    { id: 0, document: 'item-dryer.md', title: 'Фен-стайлер 1300 Вт', headings: ['Характеристики'], text: 'Мощность: 1300 Вт\nШнур: 2,5 м', position: 0, itemId: DRYER },
    { id: 1, document: 'dostavka.md', title: 'Доставка', headings: [], text: 'Отправляю СДЭК и Почтой России.', position: 1 },
  ];
  const dryerIndex = buildPassageIndex(dryer);
  const askDryer = (question: string) => findAnswer(dryerIndex, { question, listing: { id: DRYER, title: 'Фен-стайлер 1300 Вт' } });

  it('keeps a unit the title names when it is asked beside another question', () => {
    for (const question of ['скока ватт? доставка?', 'скока ватт и доставка?']) {
      const answer = askDryer(question);
      expect(answer.text, question).toContain('1300 Вт');
      expect(answer.text, question).toContain('СДЭК');
    }
  });

  it('does not ask a brand named in one question of another question that names none', () => {
    const PC = 4150000001;
    const pc = buildPassageIndex([
      { id: 0, document: 'item-pc.md', title: 'Игровой ПК', headings: ['Характеристики'], text: '- Видеокарта: RTX 3060\n- Wi-Fi: на плате нет, в комплекте USB-адаптер TP-Link', position: 0, itemId: PC },
      { id: 1, document: 'item-pc.md', title: 'Игровой ПК', headings: ['Игры'], text: 'CS2 — 250–300 fps.\nCyberpunk 2077 — около 70 fps, высокие + DLSS.', position: 1, itemId: PC },
    ]);
    const answer = findAnswer(pc, { question: 'чё по фпс в киберпанке? вайфай есть?', listing: { id: PC } });
    expect(answer.text).toContain('70 fps');
    expect(answer.text).toContain('USB-адаптер');
  });
});
