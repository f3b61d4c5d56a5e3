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
