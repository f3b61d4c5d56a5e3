import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const DRILL = 7501;

describe('volts written "12 В"', () => {
  const shop = useKnowledgeFolder({
    [`item-${DRILL}-shurik.json`]: JSON.stringify({
      item_id: DRILL,
      название: 'Шуруповерт аккумуляторный Makita (б/у), 2 аккумулятора',
      характеристики: { напряжение: '12 В (CXT)', 'крутящий момент': '30 Нм (мягкий) / 14 Нм (жесткий)', вес: '1,1 кг с аккумулятором' },
      цена: '5 200 руб за весь комплект',
    }),
  });

  it('answer "на сколько вольт?"', async () => {
    expect(await shop.ask('на сколько вольт?', { id: DRILL })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('12 В') });
  });

  it('are not a sentence opening after a number, nor the "в" of "3 в 1"', () => {
    expect(extractTerms('220В (16А)')).toContain('вольт');
    expect(extractTerms('Цена 5000 В наличии')).not.toContain('вольт');
    expect(extractTerms('Коляска 3 В 1')).not.toContain('вольт');
    expect(extractTerms('5 в 1')).not.toContain('вольт');
  });
});
