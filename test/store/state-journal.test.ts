import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, resolveStorePaths } from '../../src/store/index.js';
import type { JsonStore, OpenStoreOptions, StorePaths } from '../../src/store/index.js';
import { catchStoreError, createTempDir, makeMessage, makePending, readAll, runTransaction, txPlanArbitrary } from './helpers.js';
import { writes } from '../helpers/store-writes.js';

let dir: string;
let cleanup: () => Promise<void>;
let statePath: string;
const opened: JsonStore[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await createTempDir());
  statePath = join(dir, 'data', 'avito-ai.json');
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await cleanup();
});

async function open(options: Partial<OpenStoreOptions> = {}): Promise<JsonStore> {
  const store = await openStore({ path: statePath, ...options });
  opened.push(store);
  return store;
}

/** The store's files as a kill -9 would leave them now, copied to `path` (no lock: the process is gone). */
async function copyAsCrashed(from: StorePaths, path: string): Promise<StorePaths> {
  const to = resolveStorePaths(path);
  await mkdir(join(path, '..'), { recursive: true });
  for (const key of ['state', 'stateJournal', 'history', 'dialogs'] as const) {
    if (existsSync(from[key])) await copyFile(from[key], to[key]);
  }
  return to;
}

function readLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

async function readSnapshot(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

describe('the state journal', () => {
  it('persists a transaction as one appended line of absolute values, leaving the snapshot alone', async () => {
    const store = await open();
    const snapshot = await readFile(statePath, 'utf8');
    await store.transact((tx) => {
      tx.updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
      tx.updateChat('u2i-a', (state) => void state.botMessageIds.push('b-1'));
      tx.markProcessed(['m-1', 'm-2']);
      tx.putPending(makePending('u2i-a', 1));
      tx.increment('found');
      tx.increment('found');
      tx.setMeta('user_id', '42');
    });
    const first = await readFile(store.paths.stateJournal, 'utf8');
    expect(readLines(first)).toEqual([
      {
        v: 1,
        chats: [{ chatId: 'u2i-a', buyerName: 'Ира', botMessageIds: ['b-1'] }],
        processed: ['m-1', 'm-2'],
        pending: [makePending('u2i-a', 1)],
        counters: { found: 2 },
        meta: [['user_id', '42']],
      },
    ]);
    await store.transact((tx) => {
      tx.closePending('u2i-a');
      tx.increment('found', 3);
      tx.increment('errors', 0);
    });
    const second = await readFile(store.paths.stateJournal, 'utf8');
    expect(second.startsWith(first)).toBe(true);
    // The counter's new total, not the amount added: replaying it twice cannot double it.
    expect(readLines(second.slice(first.length))).toEqual([{ v: 1, closed: ['u2i-a'], counters: { found: 5 } }]);
    // A transaction that changes nothing writes nothing.
    await store.transact((tx) => {
      tx.closePending('u2i-a');
      tx.markProcessed(['m-1', 'm-2']);
      tx.setMeta('user_id', '42');
    });
    expect(await readFile(store.paths.stateJournal, 'utf8')).toBe(second);
    expect(await readFile(statePath, 'utf8')).toBe(snapshot);
  });

  it('round-trips counters, pending replies, meta and chats through the journal alone', async () => {
    const store = await open();
    const snapshot = await readFile(statePath, 'utf8');
    await writes(store).putPending(makePending('u2i-a', 1));
    await writes(store).putPending(makePending('u2i-b', 2));
    await writes(store).closePending('u2i-b');
    await Promise.all([writes(store).increment('repliesSent'), writes(store).increment('repliesSent'), writes(store).increment('errors', 4)]);
    await writes(store).setMeta('user_id', '42');
    await writes(store).setMeta('user_id', '43');
    await writes(store).updateChat('u2i-c', (state) => void (state.pausedUntil = 99));
    await writes(store).markProcessed(['m-1']);
    const expected = readAll(store);
    expect(await readFile(statePath, 'utf8')).toBe(snapshot);

    // Read-only, while the writer still runs: what a crash now would leave behind.
    const reader = await open({ readOnly: true });
    expect(readAll(reader)).toEqual(expected);
    expect(reader.getPending('u2i-a')).toEqual(makePending('u2i-a', 1));
    expect(reader.getPending('u2i-b')).toBeUndefined();
    expect(reader.counters()).toMatchObject({ repliesSent: 2, errors: 4, found: 0 });
    expect(reader.getMeta('user_id')).toBe('43');
    expect(reader.getChat('u2i-c')?.pausedUntil).toBe(99);
    expect(reader.isProcessed('m-1')).toBe(true);

    // A writable open of the crashed files folds the journal into the snapshot, then appends anew.
    const copy = await copyAsCrashed(store.paths, join(dir, 'crashed', 'avito-ai.json'));
    const recovered = await open({ path: copy.state });
    expect(readAll(recovered)).toEqual(expected);
    expect((await stat(copy.stateJournal)).size).toBe(0);
    expect(await readSnapshot(copy.state)).toMatchObject({ counters: { repliesSent: 2, errors: 4 }, meta: { user_id: '43' } });
  });

  it('folds the journal into the snapshot at close', async () => {
    const store = await open();
    await writes(store).increment('found', 7);
    await writes(store).updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
    await store.close();
    expect((await stat(store.paths.stateJournal)).size).toBe(0);
    expect(await readSnapshot(statePath)).toMatchObject({ counters: { found: 7 }, chats: { 'u2i-a': { buyerName: 'Ира' } } });
    const again = await open();
    expect(again.counters().found).toBe(7);
  });

  it('keeps the changes an apply made before it threw', async () => {
    const store = await open();
    await expect(
      store.transact((tx) => {
        tx.increment('errors');
        tx.setMeta('k', 'v');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.counters().errors).toBe(1);
    const reader = await open({ readOnly: true });
    expect(reader.counters().errors).toBe(1);
    expect(reader.getMeta('k')).toBe('v');
  });
});

describe('replaying the state journal', () => {
  it('cuts a torn last line off: the open folds what is whole and starts an empty journal', async () => {
    const store = await open();
    await writes(store).increment('found', 2);
    await writes(store).setMeta('user_id', '42');
    const copy = await copyAsCrashed(store.paths, join(dir, 'crashed', 'avito-ai.json'));
    await appendFile(copy.stateJournal, '{"v":1,"counters":{"found":9');
    const torn = await readFile(copy.stateJournal, 'utf8');

    const reader = await open({ path: copy.state, readOnly: true });
    expect(reader.counters().found).toBe(2);
    expect(await readFile(copy.stateJournal, 'utf8')).toBe(torn);

    const recovered = await open({ path: copy.state });
    expect(recovered.counters().found).toBe(2);
    expect(recovered.getMeta('user_id')).toBe('42');
    expect((await stat(copy.stateJournal)).size).toBe(0);
    await writes(recovered).increment('found');
    await recovered.close();
    expect((await open({ path: copy.state })).counters().found).toBe(3);
  });

  it('refuses a corrupt line before the end, naming file and line, touching nothing', async () => {
    const { stateJournal, lock } = resolveStorePaths(statePath);
    await mkdir(join(dir, 'data'));
    const lines = ['{"v":1,"counters":{"found":1}}', '{"v":1,"counters":{"fo', '{"v":1,"counters":{"found":3}}'];
    await writeFile(stateJournal, `${lines.join('\n')}\n`);
    const error = await catchStoreError(() => open());
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain(stateJournal);
    expect(error.message).toContain('строка 2');
    expect(error.hint).toMatch(/не будет его перезаписывать/);
    expect(await readFile(stateJournal, 'utf8')).toBe(`${lines.join('\n')}\n`);
    expect(existsSync(statePath)).toBe(false);
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses a line of the wrong shape', async () => {
    const { stateJournal } = resolveStorePaths(statePath);
    await mkdir(join(dir, 'data'));
    await writeFile(stateJournal, '{"v":1,"chats":[{"chatId":"u2i-a"}]}\n{"v":1,"counters":{"found":3}}\n');
    const error = await catchStoreError(() => open());
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain('строка 1');
  });

  it('refuses a line from a newer avito-ai and leaves the files alone', async () => {
    const { stateJournal } = resolveStorePaths(statePath);
    await mkdir(join(dir, 'data'));
    await writeFile(stateJournal, '{"v":2,"counters":{"found":3}}\n');
    const error = await catchStoreError(() => open());
    expect(error.reason).toBe('schema');
    expect(error.message).toContain(stateJournal);
    expect(await readFile(stateJournal, 'utf8')).toBe('{"v":2,"counters":{"found":3}}\n');
  });

  it('loses and doubles nothing after a crash between writing a snapshot and emptying the journal', async () => {
    const store = await open();
    await writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]);
    await writes(store).updateChat('u2i-a', (state) => void state.botMessageIds.push('b-1'));
    await writes(store).putPending(makePending('u2i-a', 1));
    await store.transact((tx) => {
      tx.updateChat('u2i-a', (state) => void state.botMessageIds.push('b-2'));
      tx.markProcessed(['m-1']);
      tx.closePending('u2i-a');
      tx.increment('repliesSent');
      tx.increment('found');
    });
    await writes(store).putPending(makePending('u2i-b', 2));
    await writes(store).increment('found', 5);
    const expected = readAll(store);
    const journal = await readFile(store.paths.stateJournal, 'utf8');
    await store.close();
    // The snapshot holds everything now; putting the journal back is the crash before truncation.
    expect((await stat(store.paths.stateJournal)).size).toBe(0);
    await writeFile(store.paths.stateJournal, journal);
    const reader = await open({ readOnly: true });
    expect(readAll(reader)).toEqual(expected);
    expect(reader.counters()).toMatchObject({ found: 6, repliesSent: 1 });
    const again = await open();
    expect(readAll(again)).toEqual(expected);
    expect(again.getChat('u2i-a')?.botMessageIds).toEqual(['b-1', 'b-2']);
  });

  it('property: any tail of the journal replayed over a newer snapshot changes nothing', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(txPlanArbitrary, { minLength: 1, maxLength: 15 }), fc.nat(), async (plans, cut) => {
        run += 1;
        const path = join(dir, `run-${run}`, 'store.json');
        const store = await openStore({ path, processedLimit: 6 });
        for (const plan of plans) await runTransaction(store, plan);
        const expected = readAll(store);
        const lines = (await readFile(store.paths.stateJournal, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
        await store.close();
        // A crash while folding at any point: the new snapshot, and any tail of the old journal.
        const tail = lines.slice(cut % (lines.length + 1));
        await writeFile(store.paths.stateJournal, tail.map((line) => `${line}\n`).join(''));
        const reopened = await openStore({ path, processedLimit: 6, readOnly: true });
        try {
          expect(readAll(reopened)).toEqual(expected);
        } finally {
          await reopened.close();
        }
      }),
      { numRuns: 40, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: true },
    );
  });
});

describe('folding the state journal into a snapshot', () => {
  it('folds once the journal passes its line limit, keeping it short', async () => {
    const store = await open({ stateJournalMaxLines: 5 });
    const snapshot = await readFile(statePath, 'utf8');
    for (let index = 1; index <= 4; index += 1) await writes(store).increment('found');
    expect(readLines(await readFile(store.paths.stateJournal, 'utf8'))).toHaveLength(4);
    expect(await readFile(statePath, 'utf8')).toBe(snapshot);
    const snapshots = new Set([snapshot]);
    for (let index = 5; index <= 23; index += 1) {
      await writes(store).increment('found');
      // The fold the fifth line started runs before the next append.
      expect(readLines(await readFile(store.paths.stateJournal, 'utf8')).length).toBeLessThanOrEqual(5);
      snapshots.add(await readFile(statePath, 'utf8'));
    }
    // Lines 5, 10, 15 and 20 each triggered a fold.
    expect(snapshots.size).toBe(5);
    const found = ((await readSnapshot(statePath)).counters as { found: number }).found;
    expect(found).toBeGreaterThanOrEqual(20);
    const reader = await open({ readOnly: true });
    expect(reader.counters().found).toBe(23);
  });

  it('folds once the journal passes its size limit', async () => {
    const store = await open({ stateJournalMaxBytes: 2_000 });
    for (let index = 0; index < 40; index += 1) {
      await writes(store).updateChat(`u2i-${index}`, (state) => void (state.buyerName = 'x'.repeat(100)));
      expect((await stat(store.paths.stateJournal)).size).toBeLessThan(2_000 + 300);
    }
    expect(Object.keys((await readSnapshot(statePath)).chats as object).length).toBeGreaterThan(30);
    const reader = await open({ readOnly: true });
    expect(reader.listChats()).toHaveLength(40);
  });

  it('keeps the whole journal when a fold cannot write the snapshot, and folds again later', async () => {
    const store = await open({ stateJournalMaxLines: 2 });
    const snapshot = await readFile(statePath, 'utf8');
    // A directory where the snapshot's temp file must go makes every snapshot write fail.
    const tempPath = join(dir, 'data', '.avito-ai.json.tmp');
    await mkdir(tempPath);
    for (let index = 0; index < 7; index += 1) await writes(store).increment('found');
    expect(readLines(await readFile(store.paths.stateJournal, 'utf8'))).toHaveLength(7);
    expect(await readFile(statePath, 'utf8')).toBe(snapshot);
    const reader = await open({ readOnly: true });
    expect(reader.counters().found).toBe(7);
    await rm(tempPath, { recursive: true });
    await store.close();
    expect((await stat(store.paths.stateJournal)).size).toBe(0);
    expect(await readSnapshot(statePath)).toMatchObject({ counters: { found: 7 } });
  });
});
