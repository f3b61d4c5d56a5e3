import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const CANOPY = 7401;
const GREENHOUSE = 7402;

describe('a size typed as "3х6", "3 x 6" or said "3 на 6"', () => {
  const shop = useKnowledgeFolder({
    [`item-${CANOPY}-naves.md`]: [
      '---',
      'title: Навес-беседка 3х4 м',
      '---',
      '',
      'Размер 3 х 4 м, высота 2,5 м. Цена 67 000 руб с поликарбонатом.',
      '',
      'Можно длиннее, 3х6 м — 89 000 руб (8 стоек). Другие размеры не делаем.',
    ].join('\n'),
    [`item-${GREENHOUSE}-teplica.md`]: [
      '---',
      'title: Теплица Дачница 3х4',
      '---',
      '',
      '## Цены',
      '',
      '| Длина | Цена |',
      '|---|---|',
      '| 4 м | 24 900 р. |',
      '| 6 м | 31 500 р. |',
      '| 10 м | 44 700 р. |',
    ].join('\n'),
    'prais.csv': 'Наименование;Размер;Цена\nТеплица Дачница;3х6;31500\nТеплица Дачница;3х10;44700\n',
  });

  it('is one term, its numbers kept beside it', () => {
    expect(extractTerms('3х6 м')).toEqual(['3×6', '3', '6', 'метр']);
    expect(extractTerms('а 3 на 6 делаете?')).toEqual(['3×6', '3', '6']);
    expect(extractTerms('160 x 200')).toEqual(['160×200', '160', '200']);
    expect(extractTerms('скидка 5% на 2 шт')).not.toContain('5×2');
  });

  it('finds the passage that states that size, though the listing title names another ("3х4")', async () => {
    const answer = await shop.ask('а 3 на 6 делаете?', { id: CANOPY });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('89 000');
    expect((await shop.ask('скажите скока 3х10', { id: GREENHOUSE })).text).toContain('44700');
  });

  it('is the buyer\'s own where no document states it: read as its numbers, as before', async () => {
    const answer = await shop.ask('а навес 4х6 сделаете?', { id: CANOPY });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Другие размеры не делаем');
  });
});

describe('"такая", "такие": the thing pointed at, no word of the question', () => {
  const shop = useKnowledgeFolder({
    [`item-${GREENHOUSE}-teplica.md`]: '---\ntitle: Теплица Дачница 3х4\n---\n\n| Длина | Цена |\n|---|---|\n| 4 м | 24 900 р. |\n| 6 м | 31 500 р. |\n',
  });

  it('is no term', () => {
    expect(extractTerms('такая на 6 метров')).toEqual(['6', 'метр']);
    expect(extractTerms('а такие же черные есть')).not.toContain('так');
  });

  it('leaves the price of a length answered', async () => {
    const answer = await shop.ask('здравствуйте скока стоит такая на 6 метров', { id: GREENHOUSE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('31 500');
  });
});
