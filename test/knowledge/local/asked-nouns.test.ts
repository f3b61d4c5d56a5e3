import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const PRICES = [
  'Наименование;Марка;Модель / кузов;Цена, руб.',
  'Двигатель контрактный CFNA 1.6;VW / Skoda;Polo седан, Rapid;55 000',
  'Двигатель контрактный G4FC 1.6;Hyundai / Kia;Solaris, Rio;65 000',
  '',
].join('\n');
const MOUNTING = '# Установка\n\nМожем поставить на ваши шины в шиномонтаже партнёра (соседний бокс) — 2 000 р. за комплект, R16 или R17 без разницы.\n';
const ENGINE = '# Двигатель G4FC\n\nПробег по одометру донора: 71 000 км. Снят с Hyundai Solaris 2014 г.в.\n';

describe('a noun asked with "какой" or "входит"', () => {
  const shop = useKnowledgeFolder({ 'prais.csv': PRICES, 'ustanovka.md': MOUNTING, 'dvigatel-g4fc.md': ENGINE });

  it('is not answered by a passage holding the rest of its clause and not the noun', async () => {
    expect((await shop.ask('а cfna на поло какой пробег?')).status).toBe('NOT_FOUND');
    expect((await shop.ask('в шиномонтаже у партнера балансировка входит в 2000?')).status).toBe('NOT_FOUND');
  });

  it('is answered where the passage states it', async () => {
    expect(await shop.ask('а g4fc на солярис какой пробег?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('71 000 км') });
    expect(await shop.ask('в шиномонтаже у партнера за комплект скока?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('2 000 р.') });
  });
});
