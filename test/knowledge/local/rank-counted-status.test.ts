import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string): Passage {
  return { id, document: 'teplica.md', title: '', headings: [], text, position: id };
}

// "а 10 метровая есть в наличии?" of a listing whose title names its lengths: the length's unit is the listing's own word.
const stock = passage(0, '4 и 6 м обычно есть на складе, 8 и 10 м делаем под заказ 3-5 раб. дней. Сейчас в наличии 4 и 6 м.');
const yearsAgo = passage(1, 'Работаем 3 года, 3 года гарантии на каркас.');

describe('a number before availability', () => {
  it("is the buyer's own, not a count of it", () => {
    const index = buildPassageIndex([stock, yearsAgo]);
    const [hit] = index.search(['10', ...extractTerms('в наличии')], () => true);
    expect(hit?.passage).toBe(stock);
    expect(hit?.coverage).toBeGreaterThanOrEqual(0.6);
  });

  it('still counts what it stands before', () => {
    const index = buildPassageIndex([stock, yearsAgo]);
    const hits = index.search(extractTerms('3 года'), () => true);
    expect(hits[0]?.passage).toBe(yearsAgo);
    expect(hits.find((hit) => hit.passage === stock)?.matched ?? []).not.toContain('3');
  });
});
