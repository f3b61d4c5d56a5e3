// The rows of a table quoted for a question: the row naming the thing asked about, and the row stating what is asked of it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';
import type { LocalKnowledgeEngine } from '../../../src/knowledge/engine.js';

const TRAILER = 4370000001;
const DOCUMENTS: Record<string, string> = {
  [`item-${TRAILER}-pricep.md`]: [
    '# Аренда прицепа',
    '',
    '| Параметр | Значение |',
    '|---|---|',
    '| Прицеп | бортовой, с тентом на дугах |',
    '| Кузов Д×Ш×В | 3,0 × 1,5 × 1,8 м |',
    '| Грузоподъёмность | до 750 кг |',
    '| Сцепка | шар 50 мм, розетка 7 pin |',
    '| Залог | 5 000 руб |',
  ].join('\n'),
};

let dir: string;
let engine: LocalKnowledgeEngine;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'avito-ai-table-rows-'));
  for (const [name, text] of Object.entries(DOCUMENTS)) await writeFile(join(dir, name), text);
  engine = createLocalEngine({ dir, checkIntervalMs: 0 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a table quoted for a question naming a thing and asking its size', () => {
  it('quotes the size row ("3,0 × 1,5 × 1,8") beside the row naming the tent', async () => {
    const answer = await engine.answer({ question: 'какие габариты тента у прицепа', listing: { id: TRAILER } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('3,0 × 1,5 × 1,8');
  });

  it('quotes one row when one row holds all that is asked', async () => {
    const answer = await engine.answer({ question: 'какой залог за прицеп', listing: { id: TRAILER } });
    expect(answer.text).toContain('5 000 руб');
    expect(answer.text).not.toContain('750 кг');
  });
});
