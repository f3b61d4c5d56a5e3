import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a topic the buyer refuses', () => {
  const shop = useKnowledgeFolder({
    'arenda-prays.csv': 'Инструмент;Сутки, руб;Залог, руб\nЛазерный уровень (нивелир) ADA;450;6500\nБолгарка 125 мм;350;3000\n',
    'usloviya-arendy.md': '# Условия аренды\n\nПрокат работает с 2019 года. Выдаем инструмент физлицам и организациям.\n',
  });

  it('is not answered from the document titled by it', async () => {
    const answer = await shop.ask('лазерный уровень ада продаете? купить хочу не аренда');
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('is answered from that document where the buyer asks it', async () => {
    const answer = await shop.ask('лазерный уровень ада в аренду сколько за сутки?');
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('450') });
  });
});
