import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const SOFA = 7621;
const SOFA_TITLE = 'Диван угловой Лофт';

describe('a volume, a material, a maker asked (asked-kinds.ts)', () => {
  const shop = useKnowledgeFolder({
    [`item-${SOFA}-divan.md`]: `---\ntitle: ${SOFA_TITLE}\n---\n\nЧехол съёмный, стирается в машинке при 30 градусах. Каркас — массив сосны, пружинный блок.\n\nЦена 45 000 руб.\n`,
    'okna.md': '# Окна\n\nСтеклопакет двухкамерный, 32 мм. Фурнитура Roto, Германия.\n\n# Хозтовары\n\n- Ведро для подмены воды — 300 р.\n- Канистра 20 л — 500 р.\n',
  });

  it('falls back where the material stated is of another part than the one asked', async () => {
    // "Каркас — массив сосны" says what the frame is made of, not the cover.
    expect((await shop.ask('чехол какая ткань?', { id: SOFA, title: SOFA_TITLE })).status).toBe('NOT_FOUND');
    const frame = await shop.ask('каркас из какого материала?', { id: SOFA, title: SOFA_TITLE });
    expect(frame.status).toBe('FOUND');
    expect(frame.text).toContain('сосны');
  });

  it('falls back where the maker named is of another thing', async () => {
    // "Фурнитура Roto, Германия" names the fittings' maker, not the glazing's.
    expect((await shop.ask('стеклопакет чей?')).status).toBe('NOT_FOUND');
    const fittings = await shop.ask('фурнитура чья?');
    expect(fittings.status).toBe('FOUND');
    expect(fittings.text).toContain('Roto');
  });

  it('falls back where the volume stated is of another thing', async () => {
    expect((await shop.ask('ведро на скока литров?')).status).toBe('NOT_FOUND');
  });
});
