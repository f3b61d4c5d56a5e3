import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import { readSizePairs } from '../../../src/knowledge/local/sibling-values.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

const WATCH = 1;

const watch: Passage[] = [
  { id: 0, document: 'item-1-watch.md', title: '', headings: [], position: 0, itemId: WATCH, text: '• Модель: SM-R910, размер корпуса 44 мм\n• Ремешок силиконовый, родной, размер M/L\n• Зарядка' },
  { id: 1, document: 'o-magazine.md', title: '', headings: [], position: 1, text: 'Коробку и чек отдадим, зарядку отдельно не продаём.' },
];
const listing = { id: WATCH, title: 'Samsung Galaxy Watch5 44 мм' };

describe('a paired letter size asked is answered only by a passage stating that pair', () => {
  it('reads "s/m" and "M/L" as size pairs, not a lone letter', () => {
    expect([...readSizePairs('ремешок s/m к ним продаете отдельно')]).toEqual(['s/m']);
    expect(readSizePairs('размер m подойдет?').size).toBe(0);
  });

  it('refuses "ремешок s/m" with the line of an M/L strap, and answers "ремешок m/l"', () => {
    const index = buildPassageIndex(watch);
    expect(findAnswer(index, { question: 'ремешок s/m к ним продаете отдельно', listing }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'ремешок m/l к ним продаете отдельно', listing }).text).toContain('M/L');
  });
});
