import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';

const listing = { id: 4160000004, title: 'Стол обеденный раздвижной 120(160)х80' };

describe('a count of people asked of a listing', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-people-count-'));
    await writeFile(
      join(dir, 'item-4160000004-stol.md'),
      '# Стол обеденный раздвижной\n\nСтолешница МДФ 22 мм, ноги массив бука.\n\nЗа ним садятся 6 человек, разложенный — 8.\n\nСтулья в комплект не входят.\n',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is answered by the statement counting them', async () => {
    const answer = await createLocalEngine({ dir }).answer({ question: 'за ним скока человек поместится', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('6 человек');
  });

  it('leaves a request for a person no search term', async () => {
    const answer = await createLocalEngine({ dir }).answer({ question: 'позовите человека', listing });
    expect(answer.status).toBe('NOT_FOUND');
  });
});
