import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/local/local-engine.js';
import type { LocalKnowledgeEngine } from '../../../src/knowledge/local/local-engine.js';

describe('a noun the stemmer reads as an adjective', () => {
  let dir: string;
  let engine: LocalKnowledgeEngine;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-nouns-'));
    await writeFile(join(dir, 'dostavka.md'), '# Доставка\n\nВодитель ждёт на объекте 30 минут бесплатно, дальше 500 ₽ за каждый час простоя.\n\nРазгрузка вручную — 10 ₽ за мешок.');
    engine = createLocalEngine({ dir });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('meets the documents in another case ("простой" / "час простоя")', async () => {
    const answer = await engine.answer({ question: 'а простой почем?' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('500 ₽ за каждый час простоя');
  });

  it('is left alone where the documents hold no such noun', async () => {
    const answer = await engine.answer({ question: 'какой простой способ разгрузки' });
    expect(answer.text).not.toContain('простоя');
  });
});

describe('a degree the buyer asks', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-degrees-'));
    await writeFile(join(dir, 'raspiv.md'), '# Распив Lost Cherry\n\nСтойкость: на коже 6–8 часов, шлейф средний.\n\nОтливаю в атомайзеры 5 и 10 мл.');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is answered by the degree the documents state ("сильный" / "средний")', async () => {
    const answer = await createLocalEngine({ dir }).answer({ question: 'шлейф сильный?' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('шлейф средний');
  });
});
