import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const LISTING = { id: 2, title: 'Кроватка-маятник' };

describe('a town the documents list, asked of a service', () => {
  const shop = useKnowledgeFolder({
    'item-2-krovatka.txt': 'Кроватка-маятник, массив березы.\n\nСборку делаем сами: по Казани сборка 800 р., собираем в день доставки.\n',
    'dostavka.md': '# Доставка\n\nПригороды (Зеленодольск, Высокая Гора, Лаишево, Иннополис) — 600 руб, по договорённости.\n',
  });

  it('is not answered by the price stated for another city', async () => {
    const answer = await shop.ask('сборка в зеленодольске скока будет', LISTING);
    expect(answer.text).not.toContain('800');
  });

  it('leaves the city stated answered', async () => {
    expect(await shop.ask('сборка в казани скока будет', LISTING)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('800') });
  });
});
