import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

// Sellers head the sections of a plain text file with a line of capitals ("ДОСТАВКА", then "ОПЛАТА").
describe('a plain text file headed in capitals', () => {
  const shop = useKnowledgeFolder({
    'usloviya.txt': 'ДОСТАВКА\n\nПо Казани - 350 р.\n\nПригороды (Зеленодольск, Лаишево) - 1 000 р, по субботам.\n\nОПЛАТА\n\nНаличными или переводом на карту.\n',
  });

  it('answers a question on its section from a line that does not repeat the heading', async () => {
    const answer = await shop.ask('в зеленодольск привезете?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('1 000 р');
  });
});
