import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('how long delivery to a city takes', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md':
      '# Доставка\n\n## Авито Доставка\nОформляете сами кнопкой «Купить с доставкой» в объявлении. Отправляем в течение 1 рабочего дня после оформления. Доставка по тарифу Авито.\n\n' +
      '## СДЭК по России\n- отправка на следующий рабочий день после оплаты\n- сроки: Челябинск, Тюмень, Пермь — 1–2 дня, Москва и Питер — 3–4 дня\n',
  });

  it('is not answered by when the parcel leaves, nor by the days to other cities', async () => {
    const answer = await shop.ask('в сургут доставка сколько дней');
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('is answered by the days to that city', async () => {
    const answer = await shop.ask('в тюмень доставка сколько дней');
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('1–2 дня') });
  });
});
