// "на сколько часов хватит" counts hours: a passage stating them with the unit before the number ("хватает часов на
// 12-13") states hours, as one writing "12-13 часов" does.
import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { normalizeText } from '../../../src/knowledge/local/terms.js';
import { findUnitsBeforeNumbers } from '../../../src/knowledge/local/units.js';

const GENERATOR = 3;
const TITLE = 'Генератор Huter DY4000L';

function passage(id: number, text: string): Passage {
  return { id, document: 'generator.md', title: TITLE, headings: [], text, position: id, itemId: GENERATOR };
}

describe('a unit written before its number', () => {
  it('is read where the number has no unit of its own', () => {
    expect(findUnitsBeforeNumbers(normalizeText('полного бака хватает часов на 12-13'))).toEqual(['час']);
    expect(findUnitsBeforeNumbers(normalizeText('минут 20, не больше'))).toEqual(['минут']);
    expect(findUnitsBeforeNumbers(normalizeText('работы 2 часа 30 минут'))).toEqual([]);
    expect(findUnitsBeforeNumbers(normalizeText('розетки 2 шт по 220 В'))).toEqual([]);
  });

  it('answers "на сколько часов хватит"', () => {
    const index = buildPassageIndex([
      passage(0, 'Характеристики:\n- бак 15 л, расход 1,1 л/ч — полного бака хватает часов на 12-13\n- вес 43 кг'),
      passage(1, 'Генератор выдается с полным баком, вернуть тоже надо с полным.'),
    ]);
    const answer = findAnswer(index, { question: 'полного бака на сколько часов хватит', listing: { id: GENERATOR, title: TITLE } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('часов на 12-13');
  });
});
