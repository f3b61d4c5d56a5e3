import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';
import { normalizeText, splitWords } from '../../../src/knowledge/local/terms.js';

describe('a model and its memory typed as two numbers ("13 128")', () => {
  const shop = useKnowledgeFolder({
    'trade-in.md': [
      '# Trade-in',
      '',
      'Ориентировочные цены в зачёт (с коробкой):',
      '',
      '| Модель | Память | В зачёт до, ₽ |',
      '|---|---|---|',
      '| iPhone 12 | 128 ГБ | 22 000 |',
      '| iPhone 13 | 128 ГБ | 30 000 |',
      '',
      'Без коробки минус 1 000 ₽.',
      '',
    ].join('\n'),
  });

  it('keeps the model and the memory apart, and a price in thousands joined', () => {
    expect(splitWords(normalizeText('сдам свой 13 128 без коробки'))).toEqual(['сдам', 'свой', '13', '128', 'без', 'коробки']);
    expect(splitWords(normalizeText('s22 8 256 за сколько'))).toEqual(['s22', '8', '256', 'за', 'сколько']);
    expect(normalizeText('цена 13 128 ₽')).toBe('цена 13128 ₽');
    expect(normalizeText('24 990')).toBe('24990');
  });

  it('answers from the row of that model', async () => {
    expect((await shop.ask('сдам свой 13 128 сколько в зачет будет')).text).toContain('30 000');
  });
});
