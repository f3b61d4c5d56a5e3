// A length asked by its name ("какая длина мензуры") is stated by an amount in a length unit ("Мензура — 634 мм"), but
// only by one naming what the part asks and no length of another name.
import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import { isLengthName } from '../../../src/knowledge/local/measures.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { termOf } from '../../../src/knowledge/local/terms.js';
import { listSameDimension } from '../../../src/knowledge/local/unit-dimensions.js';

const GUITAR = 7;
const TITLE = 'Yamaha FX310AII — электроакустическая гитара';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'item-7-guitar.md', title: TITLE, headings: ['Характеристики'], text, position: id, itemId: GUITAR, ...extra };
}

const index = buildPassageIndex([
  passage(0, 'Параметр — Значение\nФорма корпуса — дредноут\nМензура — 634 мм\nШирина грифа у порожка — 43 мм\nПитание — батарейка 9В'),
  passage(1, 'Кабель для подключения 3 метра, чехол мягкий.', { headings: ['Комплект'] }),
  passage(2, 'Цена 24 900 ₽, новая, в коробке.', { headings: [] }),
]);
const listing = { id: GUITAR, title: TITLE };

describe('a length asked by its name', () => {
  it('reads the names of lengths as the term reader does, each held by the length units', () => {
    for (const word of ['длина', 'длинный', 'высотой', 'ширины', 'глубина', 'толщиной', 'диаметр']) expect(isLengthName(termOf(word) ?? '')).toBe(true);
    expect(listSameDimension(termOf('длина') ?? '')).toEqual(['мм', 'см', 'метр']);
  });

  it('is answered by an amount of the thing asked: "какая длина мензуры", "кабель длинный?"', () => {
    const scale = findAnswer(index, { question: 'какая длинна мензуры у нее', listing });
    expect(scale.status).toBe('FOUND');
    expect(scale.text).toContain('634 мм');
    const cable = findAnswer(index, { question: 'кабель в комплекте длинный?', listing });
    expect(cable.status).toBe('FOUND');
    expect(cable.text).toContain('3 метра');
  });

  it('is not answered by a length of another name, nor by an amount of another thing', () => {
    expect(findAnswer(index, { question: 'какая длина грифа', listing }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'какой толщины дека', listing }).status).toBe('NOT_FOUND');
  });
});
