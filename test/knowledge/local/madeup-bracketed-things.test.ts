import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a price asked of a thing a passage names only in a bracketed list', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': '# Доставка\n\nПо Казани доставляем своей машиной. Стоимость 350 руб. Крупное (кроватки, манежи) поднимаем на этаж бесплатно, без лифта 100 р за этаж.\n',
    'prais.md': '# Прайс\n\nКроватка маятник «Соня» — 14 900 руб.\n\nДоп. опции: дрип (шоколадные подтеки) — +150 р.\n',
  });

  it('is not answered by the prices of what the sentence speaks of', async () => {
    const answer = await shop.ask('манежи у вас почем');
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('is answered where a bracket glosses the thing itself', async () => {
    const answer = await shop.ask('подтеки шоколадные сколько стоят');
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('150 р') });
  });
});
