import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const WARDROBE = 7711;
const listing = { id: WARDROBE, title: 'Шкаф-купе на заказ, встроенный и корпусный, от 11 000 р./м' };
const QUESTION = 'шкаф глубиной 450 в прихожую скока за метр выйдет';
const writeWardrobe = (narrow: string): Record<string, string> => ({
  [`item-${WARDROBE}-shkafy.md`]: `---\nitem_id: ${WARDROBE}\ntitle: Шкаф-купе на заказ\n---\n# Шкафы-купе на заказ\n\nЦены: корпусный шкаф-купе — от 14 500 р. за пог. м, при глубине 600 мм.\n\n## Наполнение\n\n${narrow}\n`,
});

describe('a price asked without the word for price ("скока за метр выйдет")', () => {
  const shop = useKnowledgeFolder(writeWardrobe('Узкий шкаф в прихожую делаем от глубины 350 мм, штанга тогда торцевая выдвижная.'));

  it('is not answered by a passage covering its words and stating no price', async () => {
    expect((await shop.ask(QUESTION, listing)).status).toBe('NOT_FOUND');
  });
});

describe('a price asked without the word for price, where a passage prices it', () => {
  const shop = useKnowledgeFolder(writeWardrobe('Узкий шкаф в прихожую делаем от глубины 350 мм, за метр 12 000 р.'));

  it('is answered by that passage', async () => {
    expect(await shop.ask(QUESTION, listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('12 000') });
  });
});
