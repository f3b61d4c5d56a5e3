import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a breakage the buyer fears, asking only what then', () => {
  const shop = useKnowledgeFolder({
    'garantiya-i-vozvrat.md':
      '# Гарантия и возврат\n\nНа б/у ноутбуки даём гарантию 3 месяца на всё железо.\n\nЕсли в гарантийный срок что-то вышло из строя — привозите, ремонт за наш счёт.\n\nВернуть можно в течение 7 дней, если не подошёл.\n',
    'dostavka.md': '# Доставка\n\nПо городу курьером за 1 день, 300 ₽.\n',
  });

  it('is answered by what the shop does when a thing breaks under its warranty', async () => {
    const answer = await shop.ask('а если сломается через месяц? что тогда');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('за наш счёт');
  });

  it('leaves a main clause asking something of its own as typed', async () => {
    const answer = await shop.ask('если сломается, доставка курьером сколько стоит?');
    expect(answer.text).toContain('300 ₽');
    expect(answer.text).not.toContain('за наш счёт');
  });
});
