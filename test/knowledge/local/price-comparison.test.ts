import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/local/local-engine.js';
import type { LocalKnowledgeEngine } from '../../../src/knowledge/local/local-engine.js';

const MIXES =
  '# Сухие смеси\n\nСухие смеси в мешках, всегда в наличии на крытом складе. Мешки храним на поддонах под крышей, не мокнут. Отпускаем от 1 мешка, целыми поддонами — в заводской плёнке.\n';

describe('a price compared', () => {
  let dir = '';
  let engine: LocalKnowledgeEngine;
  const ask = (question: string) => engine.answer({ question });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-price-'));
    await writeFile(join(dir, 'suhie-smesi.md'), MIXES);
    await writeFile(join(dir, 'opt.md'), '# Опт\n\nОт 10 мешков — скидка 5 % на смеси.\n');
    engine = createLocalEngine({ dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is not answered by a passage that covers its other words and states no price', async () => {
    expect((await ask('целый поддон возьму, за мешок дешевле выйдет?')).status).toBe('NOT_FOUND');
  });

  it('is answered where a passage states a price or a share', async () => {
    const answer = await ask('от 10 мешков со скидкой отдадите?');
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('5 %') });
  });

  it('leaves a question without a comparison to coverage', async () => {
    expect((await ask('целыми поддонами отпускаете?')).status).toBe('FOUND');
  });
});
