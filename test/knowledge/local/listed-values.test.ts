import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const COAT = 7301;

describe('a size asked of one colour', () => {
  const shop = useKnowledgeFolder({
    [`item-${COAT}-puhovik.md`]: [
      '# Пуховик женский',
      '',
      'Цена: 8 900 ₽',
      'Цвета: чёрный, графит, молочный',
      'Размеры: 44–54 (российские)',
      '',
      '## Наличие',
      '- чёрный — все размеры',
      '- графит — 46, 48, 50',
      '- молочный — 44, 46',
      '',
    ].join('\n'),
    'prays.csv': 'Наименование;Размеры;Цвет;Цена\nПуховик женский;44-54;чёрный/графит/молочный;8 900\n',
  });

  it("is answered by the line listing that colour's sizes, though it leaves the size out", async () => {
    const answer = await shop.ask('графит в 52 размере есть?', { id: COAT });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('графит — 46, 48, 50');
  });

  it('is not answered by a row naming the colour in one cell and the sizes in another', async () => {
    const answer = await shop.ask('черный в 56 размере будет?', { id: COAT });
    expect(answer.status).toBe('NOT_FOUND');
  });
});
