import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a day asked', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': '# Доставка\n\n## Курьер по Екатеринбургу\n• в пределах ЕКАД — 400 ₽\n• заказ до 15:00 привезём в тот же день, после 15:00 — на следующий\n',
    'samovyvoz.md': '# Самовывоз\n\nЗабрать заказ в пункте выдачи можно пн–сб с 10 до 20, курьер привозит заказы в пункт к 10:00.\n',
  });

  it('is not answered by a passage stating no day, however well it covers the rest', async () => {
    expect((await shop.ask('в воскресенье курьер возит по екб')).status).toBe('NOT_FOUND');
  });

  it('is answered by a passage stating days', async () => {
    expect(await shop.ask('в воскресенье можно забрать из пункта выдачи?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('пн–сб') });
  });
});
