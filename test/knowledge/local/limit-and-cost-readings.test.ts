import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('an upper limit asked ("максимум", "макс")', () => {
  const SCOOTER = 7801;
  const shop = useKnowledgeFolder({
    [`item-${SCOOTER}-samokat.md`]: '---\ntitle: Электросамокат\n---\n\n• мощность мотора: 350 Вт\n• максимальная скорость: 25 км/ч\n• макс. нагрузка: 120 кг',
    'faq.md': '# Вопросы\n\n**Можете снять ограничение скорости на самокате?**\nНет, снятие ограничений скорости не делаем — это снимает гарантию.',
  });

  it('is the documents\' "максимальная"', async () => {
    for (const question of ['а скорость 25 максимум?', 'макс скорость какая']) {
      const answer = await shop.ask(question, { id: SCOOTER });
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain('25 км/ч');
    }
  });

  it('is lifted by "разблокировать" as by "снять ограничение"', async () => {
    const answer = await shop.ask('можете разблокировать скорость?', { id: SCOOTER });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('не делаем');
  });
});

describe('whether something costs ("платно?")', () => {
  const shop = useKnowledgeFolder({
    'uslugi.md': '# Услуги\n\nПеренос номера на eSIM делаем прямо в магазине, это бесплатно, нужен паспорт.\n\nЧехол к телефону — 900 ₽.',
  });

  it('is answered by "бесплатно"', async () => {
    const answer = await shop.ask('esim платно?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('это бесплатно');
  });
});
