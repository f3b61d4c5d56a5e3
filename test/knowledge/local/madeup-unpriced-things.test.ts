import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a price asked of a thing the documents never price', () => {
  const shop = useKnowledgeFolder({
    'faq.md': '# Вопросы\n\nПринимаете старые шины на утилизацию? Да, при шиномонтаже старые шины заберём бесплатно. Отдельно — 100 р. за шину.\n',
    'o-nas.md': '# О нас\n\nШиномонтаж: легковые и кроссоверы до R21, микроавтобусы (Газель, Транзит) тоже берем. Грузовые не делаем.\n',
    'prais.md': '# Прайс\n\nШиномонтаж легкового авто R13–R16 — 2 000 р. за комплект.\n\nХранение шин — 500 р. в месяц за комплект.\n',
  });

  it('is not answered by the price of another thing of the same service', async () => {
    const answer = await shop.ask('сколько стоит переобуть газель');
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('is answered where the thing asked is priced, its kind and time aside', async () => {
    const answer = await shop.ask('сколько стоит хранение шин на зиму');
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('500 р.') });
  });
});
