import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a connector named as buyers say it', () => {
  const shop = useKnowledgeFolder({
    'prays.csv': [
      'Наименование;Совместимость;Цена, ₽;Наличие',
      'Кабель USB-C — USB-C 1 м;Samsung / Xiaomi;450;есть',
      'Кабель USB-C — Lightning 1 м;iPhone до 14 Pro;650;есть',
      'Чехол прозрачный;Samsung Galaxy S23;700;есть',
      '',
    ].join('\n'),
  });

  it('finds the USB-C cable asked as "тайп си" and the Lightning one asked by ear', async () => {
    const answer = await shop.ask('кабель тайп си лайтнинг продаете');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('650');
    expect(answer.text).not.toContain('450');
  });
});
