import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/local/local-engine.js';
import type { LocalKnowledgeEngine } from '../../../src/knowledge/local/local-engine.js';

const ENGINE = 4120000002;
const listing = { id: ENGINE, title: 'ДВС G4FC 1.6 Hyundai Solaris Kia Rio контрактный' };
const PRICES = ['Наименование;Марка;Модель / кузов;Цена, руб.', 'Двигатель контрактный CFNA 1.6;VW / Skoda;Polo седан, Rapid;55 000', ''].join('\n');
const OWN = `---\nitem_id: ${ENGINE}\ntitle: ${listing.title}\n---\n\nСнят с Hyundai Solaris 2014 г.в., машина после ДТП в зад.\n\nКомпрессия: 13,5 / 13,5 / 13,0 / 13,5 (замеряли при приёмке).\n`;

describe('another product named from a listing chat', () => {
  let dir = '';
  let engine: LocalKnowledgeEngine;
  const ask = (question: string) => engine.answer({ question, listing });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-products-'));
    await writeFile(join(dir, 'prais.csv'), PRICES);
    await writeFile(join(dir, `item-${ENGINE}-dvigatel-g4fc.md`), OWN);
    engine = createLocalEngine({ dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is not answered by the listing own facts', async () => {
    expect((await ask('а cfna на поло какой пробег и компрессия?')).status).toBe('NOT_FOUND');
    expect((await ask('у cfna компрессия какая?')).status).toBe('NOT_FOUND');
  });

  it('leaves the listing own questions answered, and the product where a passage names it', async () => {
    expect(await ask('компрессия какая?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('13,5') });
    expect(await ask('cfna на поло есть? почем')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('55 000') });
  });
});
