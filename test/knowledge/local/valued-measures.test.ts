// A measure is stated by its unit ("3900 мАч") or by its name with a value after it ("Ёмкость аккумулятора 91%"); its
// name alone ("ёмкость АКБ пишем в каждом объявлении") states no amount and answers no "какая ёмкость".
import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

const PHONE = 4;

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'garantiya.md', title: 'Гарантия', headings: [], text, position: id, ...extra };
}

function ask(question: string, own: string) {
  const index = buildPassageIndex([
    passage(0, own, { itemId: PHONE, document: 'item-4-phone.md', title: 'iPhone 14 Pro 256 ГБ' }),
    passage(1, 'Цена: 69 000 ₽', { itemId: PHONE, document: 'item-4-phone.md', title: 'iPhone 14 Pro 256 ГБ' }),
    passage(2, 'Естественный износ аккумулятора гарантией не считается, ёмкость АКБ пишем в каждом объявлении.'),
  ]);
  return findAnswer(index, { question, listing: { id: PHONE } });
}

describe('a measure stated by its value', () => {
  it('reads milliampere-hours as a capacity', () => {
    expect(extractTerms('аккумулятор 3900 мАч')).toContain('емкост');
    expect(extractTerms('5000 mAh')).toEqual(extractTerms('5000 мач'));
  });

  it('answers "ёмкость какая" with the capacity stated in mAh or as a share', () => {
    expect(ask('емкость акума какая', 'По батарее: аккумулятор 3900 мАч, день держит спокойно.').text).toContain('3900 мАч');
    expect(ask('емкость акума какая', '• Ёмкость аккумулятора 91%, родной\n• Память 256 ГБ').text).toContain('91%');
  });

  it('does not answer it with the name of the measure and no value', () => {
    expect(ask('емкость акума какая', 'Телефон в хорошем состоянии, аккумулятор родной.').status).toBe('NOT_FOUND');
  });
});

describe('a speed of rotation ("об/мин")', () => {
  const GRINDER = 8;
  const grinder = (text: string, id: number): Passage => passage(id, text, { itemId: GRINDER, document: 'item-8-grinder.txt', title: 'Болгарка Bosch GWS 750' });
  const index = buildPassageIndex([
    grinder('Характеристики:\nмощность 750 Вт\nобороты холостого хода 11000 об/мин\nрегулировки оборотов нет (это базовая модель)', 0),
    grinder('Цена 5 900 р. Это цена за весь набор.', 1),
  ]);
  const listing = { id: GRINDER, title: 'Болгарка Bosch GWS 750' };

  it('states how many revolutions: "сколько оборотов" beside another question does not refuse it', () => {
    const answer = findAnswer(index, { question: 'обороты регулируются? сколько оборотов макс', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('регулировки оборотов нет');
    expect(answer.text).toContain('11000 об/мин');
  });

  it('is still asked by "сколько оборотов": a passage naming revolutions with no amount does not answer', () => {
    const bare = buildPassageIndex([grinder('Регулировки оборотов нет, это базовая модель.', 0), grinder('Цена 5 900 р.', 1)]);
    expect(findAnswer(bare, { question: 'сколько оборотов?', listing }).status).toBe('NOT_FOUND');
  });
});
