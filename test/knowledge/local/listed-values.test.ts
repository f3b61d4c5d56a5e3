import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';

const COAT = 7301;

describe('a size asked of one colour', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-listed-values-'));
    await writeFile(
      join(dir, `item-${COAT}-puhovik.md`),
      [
        '# Пуховик женский',
        '',
        'Цена: 8 900 ₽',
        'Цвета: чёрный, графит, молочный',
        'Размеры: 44–54 (российские)',
        '',
        '## Наличие',
        '- чёрный — все размеры',
        '- графит — 46, 48, 50',
        '- молочный — 44, 46',
        '',
      ].join('\n'),
    );
    await writeFile(join(dir, 'prays.csv'), 'Наименование;Размеры;Цвет;Цена\nПуховик женский;44-54;чёрный/графит/молочный;8 900\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("is answered by the line listing that colour's sizes, though it leaves the size out", async () => {
    const answer = await createLocalEngine({ dir }).answer({ question: 'графит в 52 размере есть?', listing: { id: COAT } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('графит — 46, 48, 50');
  });

  it('is not answered by a row naming the colour in one cell and the sizes in another', async () => {
    const answer = await createLocalEngine({ dir }).answer({ question: 'черный в 56 размере будет?', listing: { id: COAT } });
    expect(answer.status).toBe('NOT_FOUND');
  });
});
