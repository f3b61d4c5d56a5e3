import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';

describe('a connector named as buyers say it', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-connector-names-'));
    await writeFile(
      join(dir, 'prays.csv'),
      [
        'Наименование;Совместимость;Цена, ₽;Наличие',
        'Кабель USB-C — USB-C 1 м;Samsung / Xiaomi;450;есть',
        'Кабель USB-C — Lightning 1 м;iPhone до 14 Pro;650;есть',
        'Чехол прозрачный;Samsung Galaxy S23;700;есть',
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds the USB-C cable asked as "тайп си" and the Lightning one asked by ear', async () => {
    const answer = await createLocalEngine({ dir }).answer({ question: 'кабель тайп си лайтнинг продаете' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('650');
    expect(answer.text).not.toContain('450');
  });
});
