import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a number asked at the bound a passage compares past', () => {
  const shop = useKnowledgeFolder({
    'oplata-i-zakaz.txt':
      'Отмена заказа: если отменяете больше чем за 3 дня до выдачи - предоплату возвращаю полностью. Если меньше чем за 3 дня - предоплата не возвращается, потому что продукты уже куплены.\n\nПеренести дату можно 1 раз бесплатно, если предупредили за 48 часов.\n',
  });

  it('is not answered by what happens on either side of it', async () => {
    const answer = await shop.ask('если отменю ровно за 3 дня до выдачи, предоплату вернете?');
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('is answered where the question asks past the bound itself', async () => {
    const answer = await shop.ask('если отменю больше чем за 3 дня до выдачи, предоплату вернете?');
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('возвращаю полностью') });
  });
});
