import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { countTermsTogether } from '../../../src/knowledge/local/sentences.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

const HEADER = 'Фасады — Цена за пог. м — Срок изготовления';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'kuhni.md', title: 'Кухни на заказ', headings: ['Цены за погонный метр'], text, position: id, ...extra };
}

// A price table under its heading, and a sentence of examples naming a material, a length and a price in passing.
const table = passage(
  0,
  `${HEADER}\nЛДСП Egger, кромка ПВХ 2 мм — от 28 000 р. — 25-30 раб. дней\nМДФ в плёнке ПВХ — от 34 000 р. — 25-30 раб. дней\nПластик AGT / акрил глянец — от 42 000 р. — 30-35 раб. дней`,
  { tableHeader: HEADER },
);
const examples = passage(
  1,
  'Примеры из последних заказов: прямая кухня 2,4 м, корпус ЛДСП + фасады МДФ плёнка "белый софт" — вышла 89 000 р. под ключ; угловая 2,6 х 1,8 м, эмаль графит — 212 000 р.',
);

describe('a table row read with what names its cells', () => {
  it('holds the header and heading words with its own', () => {
    expect(countTermsTogether(table, extractTerms('цена метр лдсп'), extractTerms)).toBe(3);
  });

  it('holds no more than its own sentence outside a table', () => {
    expect(countTermsTogether({ ...examples, headings: ['Цены'] }, extractTerms('цена метр лдсп'), extractTerms)).toBe(3);
    expect(countTermsTogether(passage(2, 'Корпус из ЛДСП 16 мм.'), extractTerms('цена метр лдсп'), extractTerms)).toBe(1);
  });

  it('quotes the row answering the price of a metre', () => {
    const answer = findAnswer(buildPassageIndex([table, examples]), { question: 'скока стоит метр кухни в лдсп' });
    expect(answer.text).toContain('ЛДСП Egger, кромка ПВХ 2 мм — от 28 000 р.');
    expect(answer.text).not.toContain('Пластик');
  });
});
