import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors.js';
import type { KnowledgeQuery } from '../../../src/core/ports.js';
import { createLocalEngine, createLocalIndex } from '../../../src/knowledge/engine.js';
import type { IndexBuildInfo, LocalIndexOptions } from '../../../src/knowledge/engine.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/knowledge', import.meta.url));
const CASCADE = join(FIXTURES, 'cascade');
const EXAMPLES = fileURLToPath(new URL('../../../docs/examples/knowledge', import.meta.url));
const COFFEE = 4012345678;
const COFFEE_FILE = 'item-4012345678-kofemashina-delonghi.md';

const query = (question: string, listingId?: number): KnowledgeQuery => ({
  question,
  ...(listingId === undefined ? {} : { listing: { id: listingId } }),
});

const dirs: string[] = [];
async function makeDir(fixture?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-local-index-'));
  dirs.push(dir);
  if (fixture !== undefined) await cp(join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('retrieve', () => {
  const index = createLocalIndex({ dir: CASCADE });

  it('returns the listing\'s own passages first, then general ones', async () => {
    const passages = await index.retrieve(query('Есть гарантия?', 100));
    expect(passages.map(({ source, scope, itemId }) => ({ source, scope, itemId }))).toEqual([
      { source: 'item-100-chainik.md', scope: 'item', itemId: 100 },
      { source: 'obshchee.md', scope: 'general', itemId: undefined },
    ]);
    expect(passages[0]?.text).toBe('Гарантия продавца 6 месяцев, чек сохранён.');
    expect(passages[0]?.matched).toEqual(['гарант']);
    expect(passages[1]?.score).toBeGreaterThan(0);
  });

  it('keeps the listing first even when a general passage scores higher', async () => {
    const passages = await index.retrieve(query('Есть гарантия и доставка?', 100));
    expect(passages.map((passage) => passage.scope)).toEqual(['item', 'general', 'general']);
    const [, first, second] = passages;
    expect(first?.score).toBeGreaterThan(passages[0]?.score ?? Infinity);
    expect(first?.score).toBeGreaterThanOrEqual(second?.score ?? Infinity);
  });

  it('never gives a listing\'s passages for another listing or without one', async () => {
    expect(await index.retrieve(query('Какого цвета корпус?', 100))).toMatchObject([{ source: 'item-100-chainik.md', matched: ['цвет', 'корпус'] }]);
    expect(await index.retrieve(query('Какого цвета корпус?', 200))).toEqual([]);
    expect(await index.retrieve(query('Какого цвета корпус?'))).toEqual([]);
    for (const listingId of [undefined, 200, 999]) {
      const passages = await index.retrieve(query('Есть гарантия?', listingId));
      expect(passages.map((passage) => [passage.source, passage.scope])).toEqual([['obshchee.md', 'general']]);
    }
  });

  it('returns at most `limit` passages, 8 unless told', async () => {
    const examples = createLocalIndex({ dir: EXAMPLES });
    const question = 'Доставка, оплата, гарантия, возврат, самовывоз, комплект, цена, состояние?';
    expect(await examples.retrieve(query(question, COFFEE))).toHaveLength(8);
    expect(await examples.retrieve(query(question, COFFEE), { limit: 3 })).toHaveLength(3);
    expect(await examples.retrieve(query(question, COFFEE), { limit: 0 })).toEqual([]);
    const all = await examples.retrieve(query(question, COFFEE), { limit: 100 });
    expect(all.length).toBeGreaterThan(8);
    expect((await examples.retrieve(query(question, COFFEE), { limit: 3 })).map((passage) => passage.text)).toEqual(all.slice(0, 3).map((passage) => passage.text));
  });

  it('merges the parts of a multi-part question: each passage once, its best score, every term it matched', async () => {
    const single = await index.retrieve(query('Если не работает, вернёте деньги?'));
    const merged = await index.retrieve(query('Есть гарантия? Если не работает, вернёте деньги?'));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ source: 'obshchee.md', score: single[0]?.score });
    expect(merged[0]?.matched.sort()).toEqual(['гарант', 'деньг', 'возврат', 'исправн'].sort());
  });

  it('finds each part\'s passages, leaving out the listing\'s own name', async () => {
    const examples = createLocalIndex({ dir: EXAMPLES });
    const passages = await examples.retrieve(query('Какое давление у кофемашины и что входит в комплект?', COFFEE));
    expect(passages.every((passage) => passage.source === COFFEE_FILE)).toBe(true);
    expect(passages.find((passage) => passage.matched.includes('давлен'))?.text).toContain('Давление помпы: 15 бар');
    expect(passages.find((passage) => passage.text.startsWith('В комплекте:'))?.matched).toEqual(['комплект']);
    expect(passages.flatMap((passage) => passage.matched)).not.toContain('кофемашин');
  });

  it('returns nothing for a question without meaningful words', async () => {
    for (const question of ['', 'Здравствуйте!', '🙂', 'qwerty zxcvb']) expect(await index.retrieve(query(question, 100))).toEqual([]);
  });

  it('returns nothing from an empty folder', async () => {
    const empty = createLocalIndex({ dir: await makeDir() });
    expect(await empty.retrieve(query('Как доставляете?'))).toEqual([]);
    expect(await empty.listDocuments()).toEqual([]);
  });

  it('gives up with a KnowledgeError when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(index.retrieve(query('Есть гарантия?'), { signal: controller.signal })).rejects.toBeInstanceOf(KnowledgeError);
  });
});

describe('looking at the folder', () => {
  function createCountingIndex(dir: string, options: Partial<LocalIndexOptions> = {}) {
    const builds: IndexBuildInfo[] = [];
    let time = 0;
    const index = createLocalIndex({ dir, clock: () => time, onIndexBuilt: (info) => builds.push(info), ...options });
    return { index, builds, advance: (ms: number) => (time += ms) };
  }

  async function appendInstalments(dir: string): Promise<void> {
    const general = join(dir, 'obshchee.md');
    await writeFile(general, `${await readFile(general, 'utf8')}\n## Рассрочка\n\nРассрочка через Авито на 6 месяцев без переплаты.\n`);
  }

  it('sees an edit once the interval has passed, and does not look again within it', async () => {
    const dir = await makeDir('cascade');
    const { index, builds, advance } = createCountingIndex(dir);
    const engine = createLocalEngine({ index });
    expect((await engine.answer(query('Есть рассрочка?'))).status).toBe('NOT_FOUND');

    await appendInstalments(dir);
    advance(999);
    expect((await engine.answer(query('Есть рассрочка?'))).status).toBe('NOT_FOUND');
    expect(await index.retrieve(query('Есть рассрочка?'))).toEqual([]);
    expect(builds).toHaveLength(1);

    advance(1);
    const answer = await engine.answer(query('Есть рассрочка?'));
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['obshchee.md'] });
    expect(answer.text).toContain('без переплаты');
    expect(builds).toHaveLength(2);
  });

  it('looks again within the interval when synced', async () => {
    const dir = await makeDir('cascade');
    const { index, builds } = createCountingIndex(dir);
    await index.retrieve(query('Есть рассрочка?'));
    await appendInstalments(dir);
    expect(await index.sync()).toMatchObject({ documents: 3 });
    expect(builds).toHaveLength(2);
    expect(await index.retrieve(query('Есть рассрочка?'))).toMatchObject([{ source: 'obshchee.md' }]);
    expect(builds).toHaveLength(2);
  });

  it('times the interval from the look, and re-lists an unchanged folder without rebuilding', async () => {
    const dir = await makeDir('cascade');
    const { index, builds, advance } = createCountingIndex(dir, { checkIntervalMs: 5000 });
    await index.listDocuments();
    advance(4999);
    await appendInstalments(dir);
    expect(await index.retrieve(query('Есть рассрочка?'))).toEqual([]);
    advance(1);
    expect(await index.retrieve(query('Есть рассрочка?'))).toHaveLength(1);
    advance(5000);
    await index.retrieve(query('Есть рассрочка?'));
    expect(builds).toHaveLength(2);
  });

  it('shares one build between engines and concurrent callers', async () => {
    const { index, builds } = createCountingIndex(await makeDir('cascade'));
    const quoting = createLocalEngine({ index });
    const other = createLocalEngine({ index, threshold: 1 });
    await Promise.all([
      quoting.answer(query('Есть гарантия?')),
      other.answer(query('Есть гарантия?', 100)),
      index.retrieve(query('Доставка?')),
      quoting.retrieve(query('Доставка?')),
    ]);
    expect(builds).toHaveLength(1);
    expect(quoting.dir).toBe(index.dir);
    expect(await quoting.listDocuments()).toEqual(await index.listDocuments());
  });

  it('fails with a KnowledgeError while the folder is missing', async () => {
    const dir = join(tmpdir(), 'avito-ai-missing-local-index');
    const { index } = createCountingIndex(dir);
    await expect(index.retrieve(query('Доставка?'))).rejects.toBeInstanceOf(KnowledgeError);
    await expect(index.retrieve(query('Доставка?'))).rejects.toBeInstanceOf(KnowledgeError);
  });
});
