import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const DRILL = 7701;

describe('a price asked', () => {
  const shop = useKnowledgeFolder({
    [`item-${DRILL}-perforator.md`]:
      '---\ntitle: Перфоратор Makita HR2470\n---\n\nВ комплекте кейс и набор буров SDS-plus. Патрона-переходника под обычные сверла в комплекте НЕТ.\n\nЦена: 6 500 руб. Торг небольшой.\n',
    'remont.md': '# Ремонт\n\nРемонтируем перфораторы и дрели любых брендов, диагностика бесплатно.\n',
  });

  it('is not answered by a passage that covers the thing asked and states no price', async () => {
    const answer = await shop.ask('патрон переходник под обычные сверла скока стоит у вас', { id: DRILL });
    expect(answer.text ?? '').not.toContain('в комплекте НЕТ');
  });

  it('is answered by a passage stating one, "бесплатно" included', async () => {
    const answer = await shop.ask('сколько стоит диагностика перфоратора');
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('бесплатно') });
  });

  it('leaves a question asking no price to coverage', async () => {
    const answer = await shop.ask('переходник под обычные сверла в комплекте есть?', { id: DRILL });
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('в комплекте НЕТ') });
  });
});
