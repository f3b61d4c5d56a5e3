/** Which passages a model is given: the listing's own first, general ones still in, never another listing's. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectPassages } from '../../../src/knowledge/grounded/grounded-engine.js';
import { createLocalIndex } from '../../../src/knowledge/local/local-index.js';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-select-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const sections = (count: number) =>
  Array.from({ length: count }, (_, n) => `## Раздел ${n + 1}\n\nДоставка этого дивана, вариант ${n + 1}: условия доставки дивана по городу.\n`).join('\n');

describe('selectPassages', () => {
  it('keeps places for general passages when the listing matches many times', async () => {
    const dir = await folder({
      'item-101-divan.md': `# Диван\n\n${sections(9)}`,
      'dostavka.md': '# Доставка\n\nДоставка по России транспортной компанией, срок 3–7 дней.\n',
      'item-202-stol.md': '# Стол\n\nДоставка стола бесплатно.\n',
    });
    const given = await selectPassages(createLocalIndex({ dir }), { question: 'Как доставка дивана?', listing: { id: 101 } }, 6);
    expect(given).toHaveLength(6);
    expect(given[0]?.source).toBe('item-101-divan.md');
    expect(given.map((passage) => passage.source)).toContain('dostavka.md');
    expect(given.filter((passage) => passage.source === 'item-101-divan.md').length).toBeGreaterThanOrEqual(3);
    expect(given.some((passage) => passage.source === 'item-202-stol.md')).toBe(false);
    // The listing's passages all come before the general ones.
    const firstGeneral = given.findIndex((passage) => passage.scope === 'general');
    expect(given.slice(firstGeneral).every((passage) => passage.scope === 'general')).toBe(true);
  });

  it('gives the listing\'s opening passages when its words match nothing, and only general ones without a listing', async () => {
    const dir = await folder({
      'item-101-divan.md': '# Диван «Уют»\n\nОбивка из велюра, наполнитель — пенополиуретан.\n',
      'oplata.md': '# Оплата\n\nОплата картой или наличными.\n',
    });
    const index = createLocalIndex({ dir });
    const listing = await selectPassages(index, { question: 'а он тёплый?', listing: { id: 101 } }, 6);
    expect(listing.map((passage) => passage.source)).toEqual(['item-101-divan.md']);
    const general = await selectPassages(index, { question: 'как оплатить диван?' }, 6);
    expect(general.map((passage) => passage.source)).toEqual(['oplata.md']);
  });
});
