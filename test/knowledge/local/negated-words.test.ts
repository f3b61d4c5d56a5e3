import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const listing = { id: 4170000001, title: 'iPhone 13 128 ГБ Midnight, РСТ' };

describe('a word the documents use only without its "не-"', () => {
  const shop = useKnowledgeFolder({
    'item-4170000001-iphone.md':
      '# iPhone 13 128 ГБ Midnight, РСТ\n\nЦена 41 500 ₽.\n\n| Параметр | Значение |\n|---|---|\n| Память | 128 ГБ |\n| Версия | РСТ, официальный российский (модель с RU/A) |\n',
  });

  it('asks the same attribute ("неофициал" / "официальный")', async () => {
    const answer = await shop.ask('это ростест или неофициал', listing);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('РСТ, официальный');
  });
});
