import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const MIXES =
  '# Сухие смеси\n\nСухие смеси в мешках, всегда в наличии на крытом складе. Мешки храним на поддонах под крышей, не мокнут. Отпускаем от 1 мешка, целыми поддонами — в заводской плёнке.\n';

describe('a price compared', () => {
  const shop = useKnowledgeFolder({ 'suhie-smesi.md': MIXES, 'opt.md': '# Опт\n\nОт 10 мешков — скидка 5 % на смеси.\n' });

  it('is not answered by a passage that covers its other words and states no price', async () => {
    expect((await shop.ask('целый поддон возьму, за мешок дешевле выйдет?')).status).toBe('NOT_FOUND');
  });

  it('is answered where a passage states a price or a share', async () => {
    const answer = await shop.ask('от 10 мешков со скидкой отдадите?');
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('5 %') });
  });

  it('leaves a question without a comparison to coverage', async () => {
    expect((await shop.ask('целыми поддонами отпускаете?')).status).toBe('FOUND');
  });
});

describe('an amount the buyer offers', () => {
  const SEAT = 7601;
  const shop = useKnowledgeFolder({
    [`item-${SEAT}-kreslo.md`]: '---\ntitle: Автокресло Britax\n---\n\nЦена 6 500 руб. Торг небольшой, только при осмотре.\n',
  });

  it('is the buyer\'s offer, not a figure the listing must state: the listing\'s word on bargaining answers', async () => {
    for (const question of ['за 5000 отдадите?', 'скинете до 5500?']) {
      const answer = await shop.ask(question, { id: SEAT });
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain('Торг небольшой');
    }
  });
});

describe('the price of something else asked in a listing\'s chat', () => {
  const STROLLER = 7602;
  const shop = useKnowledgeFolder({
    [`item-${STROLLER}-kolyaska.txt`]: 'Прогулочная коляска Valco Snap 4\n\nЦена 9 900 руб. Торг только при осмотре. Отправляю по России, Авито Доставкой тоже.\n',
    'dostavka.md': '# Доставка\n\nСтоимость отправки по тарифу СДЭК, оплачивает покупатель при получении.\n',
  });

  it('is not the listing\'s own price, stated in a sentence of its own', async () => {
    const answer = await shop.ask('сколько будет стоить отправка сдэком в новосибирск', { id: STROLLER });
    expect(answer.text).not.toContain('9 900');
    expect(answer.text).toContain('по тарифу СДЭК');
  });
});
