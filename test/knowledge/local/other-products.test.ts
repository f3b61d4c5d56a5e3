import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const ENGINE = 4120000002;
const listing = { id: ENGINE, title: 'ДВС G4FC 1.6 Hyundai Solaris Kia Rio контрактный' };
const PRICES = ['Наименование;Марка;Модель / кузов;Цена, руб.', 'Двигатель контрактный CFNA 1.6;VW / Skoda;Polo седан, Rapid;55 000', ''].join('\n');
const OWN = `---\nitem_id: ${ENGINE}\ntitle: ${listing.title}\n---\n\nСнят с Hyundai Solaris 2014 г.в., машина после ДТП в зад.\n\nКомпрессия: 13,5 / 13,5 / 13,0 / 13,5 (замеряли при приёмке).\n`;

describe('another product named from a listing chat', () => {
  const shop = useKnowledgeFolder({ 'prais.csv': PRICES, [`item-${ENGINE}-dvigatel-g4fc.md`]: OWN });

  it('is not answered by the listing own facts', async () => {
    expect((await shop.ask('а cfna на поло какой пробег и компрессия?', listing)).status).toBe('NOT_FOUND');
    expect((await shop.ask('у cfna компрессия какая?', listing)).status).toBe('NOT_FOUND');
  });

  it('leaves the listing own questions answered, and the product where a passage names it', async () => {
    expect(await shop.ask('компрессия какая?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('13,5') });
    expect(await shop.ask('cfna на поло есть? почем', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('55 000') });
  });
});

describe('one product of a set the listing sells', () => {
  const SET = 4130000009;
  const title = 'Набор COSRX: пенка для умывания + тонер + крем с улиткой';
  const shop = useKnowledgeFolder({
    [`item-${SET}-nabor.md`]: `---\nitem_id: ${SET}\ntitle: ${title}\n---\n\n**Тонер.** С AHA и BHA кислотами, мягко отшелушивает. Наносить ватным диском после умывания.\n\n**Крем.** 92% муцина улитки. После вскрытия годен 12 месяцев.\n`,
  });

  it('is not answered by the paragraph another product of the set leads', async () => {
    expect((await shop.ask('а тонер после вскрытия скок годен?', { id: SET, title })).status).toBe('NOT_FOUND');
  });

  it('is answered by its own paragraph', async () => {
    const answer = await shop.ask('а крем после вскрытия скок годен?', { id: SET, title });
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('12 месяцев') });
  });
});
