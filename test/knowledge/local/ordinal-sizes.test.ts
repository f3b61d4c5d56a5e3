import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const BOOTS = 7411;

describe('a size typed with the ending of its ordinal ("в 40м размере")', () => {
  const shop = useKnowledgeFolder({
    [`item-${BOOTS}-botinki.txt`]: [
      'Ботинки женские зимние, натуральная кожа',
      'Цена 6 700 р.',
      'Цвет: чёрный и коричневый. Коричневый остался только 37, 38, 39 размеры, чёрный есть все.',
      'Размеры 36–41, длина стельки:\n36 — 23,5 см\n38 — 24,5 см\n40 — 25,5 см',
    ].join('\n\n'),
  });

  it('asks the size, not 40 metres of it', async () => {
    expect(await shop.ask('коричневые в 40м размере есть?', { id: BOOTS })).toMatchObject({
      status: 'FOUND',
      text: expect.stringContaining('37, 38, 39'),
    });
  });
});
