import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe("the question's own words open no statement of a passage", () => {
  const listing = { id: 4290000004, title: 'Комбик Boss Katana-50 б/у' };
  const shop = useKnowledgeFolder({
    'item-4290000004-katana.md': '# Комбик Boss Katana-50\n\nИграли дома, на концерты не возили. Цена 27 500 руб.\n',
    'usloviya.md':
      '# Условия магазина\n\nНовые комбики — производитель даёт 12 месяцев по гарантии, по талону.\n\nНа б/у гарантии производителя нет. Даём 14 дней на проверку: если вылезет скрытый дефект — отремонтируем или вернём деньги.\n',
  });

  it('reads a warranty stated for the used things the listing names as a statement on the warranty', async () => {
    const answer = await shop.ask('а на б/у гарантия какая', listing);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('14 дней на проверку');
  });
});
