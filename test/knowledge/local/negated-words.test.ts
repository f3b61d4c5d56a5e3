import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';

const listing = { id: 4170000001, title: 'iPhone 13 128 ГБ Midnight, РСТ' };

describe('a word the documents use only without its "не-"', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-negated-words-'));
    await writeFile(
      join(dir, 'item-4170000001-iphone.md'),
      '# iPhone 13 128 ГБ Midnight, РСТ\n\nЦена 41 500 ₽.\n\n| Параметр | Значение |\n|---|---|\n| Память | 128 ГБ |\n| Версия | РСТ, официальный российский (модель с RU/A) |\n',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('asks the same attribute ("неофициал" / "официальный")', async () => {
    const answer = await createLocalEngine({ dir }).answer({ question: 'это ростест или неофициал', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('РСТ, официальный');
  });
});
