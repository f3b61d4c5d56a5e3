import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('how long a reservation is asked for', () => {
  const shop = useKnowledgeFolder({
    'oplata.txt': 'Оплата наличными или картой.\n\nБронь: товар держим 2 дня без предоплаты. Если нужно дольше - предоплата 1000 р., бронь до 10 дней.\n',
    'faq.md': '# Вопросы\n\nКак понять год шины? На боковине 4 цифры: первые две — неделя, вторые две — год.\n',
  });

  it('only ranks: the shop’s rule on reserving answers, stating its own length', async () => {
    const week = await shop.ask('можно отложить на неделю?');
    expect(week.status).toBe('FOUND');
    expect(week.text).toContain('до 10 дней');
    const days = await shop.ask('бронь на 5 дней можно?');
    expect(days.status).toBe('FOUND');
    expect(days.text).toContain('держим 2 дня');
  });
});
