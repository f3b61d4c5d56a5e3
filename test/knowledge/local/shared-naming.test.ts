import { describe, expect, it } from 'vitest';
import { listQueryParts } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { shareNamedBrand } from '../../../src/knowledge/local/shared-naming.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

describe('a brand named once in a message', () => {
  it('ranks each of its questions', () => {
    const rows = [passage(0, 'Наименование: Флиска мужская; Бренд: Columbia; Страна: Вьетнам; Цена: 3 900', { document: 'prays.csv' })];
    const parts = listQueryParts(buildPassageIndex(rows), { question: 'коламбия почем? где сшита?', listing: { id: 7, title: 'Флиска Columbia' } });
    expect(parts).toHaveLength(2);
    expect(parts.every((part) => part.naming.includes('columbia'))).toBe(true);
  });

  it('is no brand when it is a model code or one of two names', () => {
    const parts = [{ terms: ['состоян'], naming: [] }];
    expect(shareNamedBrand(parts, ['r16'])[0]?.naming).toEqual([]);
    expect(shareNamedBrand(parts, ['brembo', 'akebono'])[0]?.naming).toEqual([]);
    expect(shareNamedBrand(parts, ['brembo'])[0]?.naming).toEqual(['brembo']);
  });
});
