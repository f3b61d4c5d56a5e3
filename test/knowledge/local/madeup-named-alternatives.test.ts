import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const PROPOLIS = 7501;
const listing = { id: PROPOLIS, title: 'Прополис натуральный' };

describe('a question naming two values ("летний или осенний?")', () => {
  const shop = useKnowledgeFolder({
    [`item-${PROPOLIS}-propolis.md`]:
      '---\ntitle: Прополис натуральный\n---\n\n• сбор 2024, соскоб с рамок и холстиков, скатан в комки\n• фасуем по 10 г, 50 г\n\n| Параметр | Значение |\n|---|---|\n| Упаковка | зип-пакет, плотный |\n',
  });

  it('is not answered by a passage naming neither value', async () => {
    expect((await shop.ask('прополис летний или осенний сбор?', listing)).status).toBe('NOT_FOUND');
  });

  it('is answered by a passage naming one of them', async () => {
    await shop.write({ [`item-${PROPOLIS}-propolis.md`]: '---\ntitle: Прополис натуральный\n---\n\n• сбор осенний 2024, соскоб с рамок и холстиков\n' });
    expect(await shop.ask('прополис летний или осенний сбор?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('осенний') });
  });

  it('is answered by a line labelled with the thing asked, though it gives another value', async () => {
    await shop.write({ [`item-${PROPOLIS}-propolis.md`]: '---\ntitle: Прополис натуральный\n---\n\n| Параметр | Значение |\n|---|---|\n| Упаковка | зип-пакет, плотный |\n' });
    expect(await shop.ask('упаковка банка или пакет?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('зип-пакет') });
    expect(await shop.ask('упаковка стекло или пластик?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('зип-пакет') });
  });
});
