import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a clause restating what the buyer knows, before ", а" and his question', () => {
  const shop = useKnowledgeFolder({
    'faq.md':
      '# Вопросы\n\n## Есть ли скидки?\nПостоянным покупателям скидка 5% на новое (по номеру телефона). На б/у скидки не действуют.\n\n## Самовывоз\nСамовывоз из магазина на Ленина 5, с 10 до 20.\n',
    'dostavka.md': '# Доставка\n\nПо России отправляем СДЭК, в Казань доставка 2-3 дня.\n',
    'oplata.md':
      '# Оплата\n\n## Рассрочка\nЕсть рассрочка от Т-Банка на 6 месяцев без переплаты, на покупки от 10 000 ₽. Оформление только в магазине, с собой нужен паспорт. Первоначальный взнос не нужен.\n',
  });

  it('is context for the question, not answered alone by the passage stating it', async () => {
    const answer = await shop.ask('постоянным 5%, а с какой покупки считаетесь постоянным?');
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('leaves a condition after ", а" asking by itself', async () => {
    const answer = await shop.ask('в рассрочку 14 про, а если досрочно закрою штрафа нет?');
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('still answers a topic named before ", а": it asks by itself', async () => {
    const answer = await shop.ask('доставка в казань, а самовывоз есть?');
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('2-3 дня') });
    expect(answer.text).toContain('Ленина');
  });
});
