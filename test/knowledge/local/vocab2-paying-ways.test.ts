import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const DOCUMENTS = {
  'oplata.txt':
    'ОПЛАТА\n\nВ магазине: наличные, карта (терминал), перевод по СБП.\n\nПри доставке по Казани курьеру - наличными или переводом, терминала у курьера нет.',
  'garantiya.md': '# Гарантия\n\nГарантия 6 месяцев на заводской брак. Пересылку в ремонт по гарантии оплачивает покупатель.',
  'zalog.md': '# Залог\n\nЗалог за поддон возвращаем полностью. Деньги отдаём наличными или переводом.',
};

describe('ways of paying', () => {
  const shop = useKnowledgeFolder(DOCUMENTS);

  it('reads a list of two ways of paying or more as stating how to pay', () => {
    expect(extractTerms('В магазине: наличные, карта (терминал), перевод по СБП.')).toContain('оплат');
    expect(extractTerms('Отвезу на машине, заберу картину')).not.toContain('оплат');
  });

  it('answers "картой можно оплатить?" from the list that never says "оплата"', async () => {
    const answer = await shop.ask('картой у вас можно оплатить');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('карта (терминал)');
  });

  it("answers paying a courier by card from the courier's ways", async () => {
    const answer = await shop.ask('курьеру картой можно будет заплатить?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('терминала у курьера нет');
  });

  it('keeps money given back out of the ways of paying', () => {
    expect(extractTerms('Деньги отдаём наличными или переводом.')).not.toContain('оплат');
  });

  it('never answers who pays by the list of ways', async () => {
    const answer = await shop.ask('кто оплатит?');
    expect(answer.text).not.toContain('карта (терминал)');
  });
});
