import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/errors.js';
import type { ChatMessage } from '../../src/core/model.js';
import type { PendingReply } from '../../src/core/ports.js';
import { SCHEMA_VERSION, openStore, resolveStorePaths } from '../../src/store/index.js';
import type { JsonStore } from '../../src/store/index.js';
import * as journal from '../../src/store/journal.js';
import { catchStoreError, createTempDir, makeDialog, makeMessage } from './helpers.js';
import { writes } from '../helpers/store-writes.js';

// Passes through, unless a test makes one call do something first (a writer's fold, below).
vi.mock('../../src/store/journal.js', async (importOriginal) => {
  const original = await importOriginal<typeof journal>();
  return { ...original, readJournal: vi.fn(original.readJournal) };
});

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
  await chmod(dir, 0o700).catch(() => undefined);
  await cleanup();
});

async function open(options: Partial<Parameters<typeof openStore>[0]> = {}): Promise<JsonStore> {
  const store = await openStore({ path: statePath, ...options });
  opened.push(store);
  return store;
}

async function reopen(store: JsonStore, options: Partial<Parameters<typeof openStore>[0]> = {}): Promise<JsonStore> {
  await store.close();
  return open(options);
}

function countLines(text: string): number {
  return text.split('\n').filter((line) => line.trim() !== '').length;
}

const isRoot = process.getuid?.() === 0;
const hasDevFull = existsSync('/dev/full');

const pending: PendingReply = {
  id: 'p-1',
  chatId: 'u2i-a',
  inquiryMessageId: 'm-9',
  inquiryCreated: 1_700_000_009,
  question: 'Сколько стоит доставка?',
  text: 'Доставка бесплатная.',
  status: 'FOUND',
  sources: ['delivery.md'],
  sentIds: ['s-1'],
  createdAt: 1_700_000_009_500,
};

describe('openStore: a fresh store', () => {
  it('creates the directory and a private state file carrying the schema version', async () => {
    const store = await open();
    const info = await stat(statePath);
    expect(info.mode & 0o777).toBe(0o600);
    const doc = JSON.parse(await readFile(statePath, 'utf8')) as { schemaVersion: number };
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(1);
    expect(store.paths).toEqual({
      state: statePath,
      stateJournal: join(dir, 'data', 'avito-ai.state.jsonl'),
      history: join(dir, 'data', 'avito-ai.history.jsonl'),
      dialogs: join(dir, 'data', 'avito-ai.dialogs.jsonl'),
      lock: join(dir, 'data', 'avito-ai.lock'),
    });
    expect((await stat(store.paths.lock)).mode & 0o777).toBe(0o600);
    expect(store.stats()).toEqual({ chats: 0, messages: 0, processedIds: 0, pending: 0 });
  });

  it('creates the journals private too, and leaves no temp file behind', async () => {
    const store = await open();
    await writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]);
    await writes(store).appendDialog(makeDialog(1));
    await writes(store).updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
    expect((await stat(store.paths.stateJournal)).mode & 0o777).toBe(0o600);
    // Messages and dialog records reach their own journals when the state journal is folded (here: at close).
    await store.close();
    expect((await stat(store.paths.history)).mode & 0o777).toBe(0o600);
    expect((await stat(store.paths.dialogs)).mode & 0o777).toBe(0o600);
    expect((await readdir(join(dir, 'data'))).sort()).toEqual([
      'avito-ai.dialogs.jsonl',
      'avito-ai.history.jsonl',
      'avito-ai.json',
      'avito-ai.state.jsonl',
    ]);
  });

  it('derives journal and lock paths for a path without .json', () => {
    expect(resolveStorePaths('/srv/state.db')).toEqual({
      state: '/srv/state.db',
      stateJournal: '/srv/state.db.state.jsonl',
      history: '/srv/state.db.history.jsonl',
      dialogs: '/srv/state.db.dialogs.jsonl',
      lock: '/srv/state.db.lock',
    });
  });

  it('rejects a limit below 1', async () => {
    await expect(openStore({ path: statePath, historyLimit: 0 })).rejects.toThrow(/historyLimit/);
  });
});

describe('round trip across close and open', () => {
  it('keeps chats, history, processed ids, pending replies, dialogs, counters and meta', async () => {
    const store = await open();
    const longIds = Array.from({ length: 5_000 }, (_, index) => `bot-${index}`);
    const returned = await writes(store).updateChat('u2i-a', (state) => {
      state.lastHandledMessageId = 'm-2';
      state.botMessageIds = longIds;
      state.listing = { id: 42, title: 'Диван', price: '10 000 ₽' };
      state.pausedUntil = 1_700_000_100_000;
      state.pauseReason = 'takeover';
    });
    expect(returned.botMessageIds).toHaveLength(5_000);
    await writes(store).updateChat('u2i-b', (state) => void (state.escalatedAt = 5));
    await writes(store).appendMessages('u2i-a', [makeMessage('m-1', 10, 'u2i-a'), makeMessage('m-2', 20, 'u2i-a')]);
    await writes(store).appendMessages('u2i-b', [makeMessage('m-3', 15, 'u2i-b')]);
    await writes(store).markProcessed(['m-1', 'm-2']);
    await writes(store).putPending(pending);
    await writes(store).putPending({ ...pending, chatId: 'u2i-b', id: 'p-2' });
    await writes(store).closePending('u2i-b');
    await writes(store).appendDialog(makeDialog(1, 'u2i-a'));
    await writes(store).appendDialog(makeDialog(2, 'u2i-b'));
    await Promise.all([writes(store).increment('found'), writes(store).increment('found'), writes(store).increment('repliesSent', 5)]);
    await writes(store).setMeta('user_id', '123456');

    const again = await reopen(store);
    expect(again.getChat('u2i-a')).toEqual({
      chatId: 'u2i-a',
      lastHandledMessageId: 'm-2',
      botMessageIds: longIds,
      listing: { id: 42, title: 'Диван', price: '10 000 ₽' },
      pausedUntil: 1_700_000_100_000,
      pauseReason: 'takeover',
    });
    expect(again.listChats().map((state) => state.chatId).sort()).toEqual(['u2i-a', 'u2i-b']);
    expect(again.getHistory('u2i-a').map((message) => message.id)).toEqual(['m-1', 'm-2']);
    expect(again.getHistory('u2i-b')).toEqual([makeMessage('m-3', 15, 'u2i-b')]);
    expect(again.isProcessed('m-1') && again.isProcessed('m-2')).toBe(true);
    expect(again.isProcessed('m-3')).toBe(false);
    expect(again.getPending('u2i-a')).toEqual(pending);
    expect(again.listPending()).toEqual([pending]);
    expect(again.recentDialogs(10)).toEqual([makeDialog(2, 'u2i-b'), makeDialog(1, 'u2i-a')]);
    expect(again.recentDialogs(1, 1)).toEqual([makeDialog(1, 'u2i-a')]);
    expect(again.counters()).toMatchObject({ found: 2, repliesSent: 5, errors: 0 });
    expect(again.getMeta('user_id')).toBe('123456');
    expect(again.getMeta('constructor')).toBeUndefined();
    expect(again.stats()).toEqual({ chats: 2, messages: 3, processedIds: 2, pending: 1 });
  });

  it('hands out copies: changing a returned object changes nothing stored', async () => {
    const store = await open();
    await writes(store).updateChat('u2i-a', (state) => state.botMessageIds.push('b-1'));
    await writes(store).putPending(pending);
    const chat = store.getChat('u2i-a');
    chat?.botMessageIds.push('sneaky');
    const record = store.getPending('u2i-a');
    record?.sentIds.push('sneaky');
    expect(store.getChat('u2i-a')?.botMessageIds).toEqual(['b-1']);
    expect(store.getPending('u2i-a')?.sentIds).toEqual(['s-1']);
  });

  it('leaves the chat untouched when the update throws', async () => {
    const store = await open();
    await writes(store).updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
    await expect(
      writes(store).updateChat('u2i-a', (state) => {
        state.buyerName = 'changed';
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.getChat('u2i-a')?.buyerName).toBe('Ира');
  });

  it('makes concurrent writes durable: every awaited update survives a reopen', async () => {
    const store = await open();
    await Promise.all(
      Array.from({ length: 40 }, (_, index) => writes(store).updateChat(`u2i-${index}`, (state) => void (state.engineFailures = index))),
    );
    const again = await reopen(store);
    expect(again.listChats()).toHaveLength(40);
    expect(again.getChat('u2i-39')?.engineFailures).toBe(39);
  });
});

describe('history', () => {
  it('groups concurrent appends and makes each durable', async () => {
    const store = await open();
    await Promise.all(
      Array.from({ length: 30 }, (_, index) => writes(store).appendMessages(`u2i-${index % 3}`, [makeMessage(`m-${index}`, index, `u2i-${index % 3}`)])),
    );
    const again = await reopen(store);
    expect(again.stats().messages).toBe(30);
    expect(again.getHistory('u2i-2').map((message) => message.id)).toEqual(Array.from({ length: 10 }, (_, n) => `m-${n * 3 + 2}`));
  });

  it('getHistory(limit) returns the newest N, oldest first', async () => {
    const store = await open();
    await writes(store).appendMessages('u2i-a', [30, 10, 50, 20, 40].map((created) => makeMessage(`m-${created}`, created, 'u2i-a')));
    expect(store.getHistory('u2i-a', 2).map((message) => message.id)).toEqual(['m-40', 'm-50']);
    expect(store.getHistory('u2i-a').map((message) => message.id)).toEqual(['m-10', 'm-20', 'm-30', 'm-40', 'm-50']);
    expect(store.getHistory('u2i-a', 0)).toEqual([]);
    expect(store.getHistory('unknown')).toEqual([]);
  });

  it('orders equal times by insertion and files messages under the chat they were appended to', async () => {
    const store = await open();
    await writes(store).appendMessages('u2i-a', [makeMessage('part-1', 5, 'u2i-a'), makeMessage('part-2', 5, 'other')]);
    await writes(store).appendMessages('u2i-a', [makeMessage('part-3', 5, 'u2i-a'), makeMessage('part-1', 5, 'u2i-a')]);
    const again = await reopen(store);
    expect(again.getHistory('u2i-a').map((message) => `${message.id}@${message.chatId}`)).toEqual([
      'part-1@u2i-a',
      'part-2@u2i-a',
      'part-3@u2i-a',
    ]);
  });

  it('persists one message as one appended line, however long the history', async () => {
    const store = await open();
    await writes(store).appendMessages('u2i-a', Array.from({ length: 50 }, (_, index) => makeMessage(`m-${index}`, index, 'u2i-a')));
    // A transaction is one line of the state journal, its messages included.
    const before = await readFile(store.paths.stateJournal, 'utf8');
    const stateBefore = await readFile(statePath, 'utf8');
    await writes(store).appendMessages('u2i-a', [makeMessage('m-new', 100, 'u2i-a')]);
    const after = await readFile(store.paths.stateJournal, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(`${JSON.stringify({ v: SCHEMA_VERSION, messages: [makeMessage('m-new', 100, 'u2i-a')] })}\n`);
    expect(await readFile(statePath, 'utf8')).toBe(stateBefore);
    // Nothing new: nothing written.
    await writes(store).appendMessages('u2i-a', [makeMessage('m-new', 100, 'u2i-a')]);
    expect(await readFile(store.paths.stateJournal, 'utf8')).toBe(after);
  });

  it('property: appended messages come back after reopen de-duplicated, in time order, newest kept', async () => {
    // A pool of distinct messages (same id = same message, as from Avito); batches pick from it with repeats.
    const poolArbitrary = fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 0, max: 60 }), created: fc.integer({ min: 0, max: 15 }), chat: fc.constantFrom('a', 'b') }),
      { selector: (entry) => entry.id, minLength: 1, maxLength: 40 },
    );
    const scenario = poolArbitrary.chain((pool) =>
      fc.record({
        pool: fc.constant(pool),
        limit: fc.integer({ min: 1, max: 12 }),
        batches: fc.array(fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 12 }), { minLength: 1, maxLength: 6 }),
      }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ pool, limit, batches }) => {
        run += 1;
        const path = join(dir, `history-${run}`, 'store.json');
        const store = await openStore({ path, historyLimit: limit });
        const toMessage = (index: number): ChatMessage => {
          const entry = pool[index]!;
          return makeMessage(`m-${entry.id}`, entry.created, `u2i-${entry.chat}`);
        };
        const appendedOrder = new Map<string, ChatMessage[]>();
        for (const batch of batches) {
          const messages = batch.map(toMessage);
          for (const chatId of ['u2i-a', 'u2i-b']) {
            const forChat = messages.filter((message) => message.chatId === chatId);
            await writes(store).appendMessages(chatId, forChat);
            const seen = appendedOrder.get(chatId) ?? [];
            for (const message of forChat) if (!seen.some((other) => other.id === message.id)) seen.push(message);
            appendedOrder.set(chatId, seen);
          }
        }
        const before = { a: store.getHistory('u2i-a'), b: store.getHistory('u2i-b') };
        await store.close();
        const again = await openStore({ path, historyLimit: limit });
        try {
          for (const [chatId, key] of [['u2i-a', 'a'], ['u2i-b', 'b']] as const) {
            const history = again.getHistory(chatId);
            const distinct = appendedOrder.get(chatId) ?? [];
            expect(history).toEqual(before[key]);
            expect(new Set(history.map((message) => message.id)).size).toBe(history.length);
            expect(history).toHaveLength(Math.min(limit, distinct.length));
            for (let index = 1; index < history.length; index += 1) {
              expect(history[index - 1]!.created).toBeLessThanOrEqual(history[index]!.created);
            }
            for (const message of history) expect(distinct).toContainEqual(message);
            // Whatever was dropped is no newer than anything kept.
            const oldestKept = history[0]?.created ?? Number.POSITIVE_INFINITY;
            const keptIds = new Set(history.map((message) => message.id));
            for (const message of distinct) if (!keptIds.has(message.id)) expect(message.created).toBeLessThanOrEqual(oldestKept);
            // Without eviction the order is exactly by time, then first insertion.
            if (distinct.length <= limit) {
              expect(history).toEqual([...distinct].sort((left, right) => left.created - right.created));
            }
          }
        } finally {
          await again.close();
        }
      }),
      { numRuns: 40, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: true },
    );
  });

  it('refuses a re-fetched message that was already evicted', async () => {
    const store = await open({ historyLimit: 2 });
    await writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a'), makeMessage('m-2', 2, 'u2i-a'), makeMessage('m-3', 3, 'u2i-a')]);
    await writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a'), makeMessage('m-2', 2, 'u2i-a')]);
    expect(store.getHistory('u2i-a').map((message) => message.id)).toEqual(['m-2', 'm-3']);
    const again = await reopen(store, { historyLimit: 2 });
    expect(again.getHistory('u2i-a').map((message) => message.id)).toEqual(['m-2', 'm-3']);
  });

  it('compacts the journal at open when it holds far more lines than are kept', async () => {
    const store = await open({ historyLimit: 3 });
    await writes(store).appendMessages('u2i-a', Array.from({ length: 1_200 }, (_, index) => makeMessage(`m-${index}`, index, 'u2i-a')));
    await writes(store).appendMessages('u2i-b', [makeMessage('b-1', 1, 'u2i-b')]);
    await store.close();
    expect(countLines(await readFile(store.paths.history, 'utf8'))).toBe(1_201);
    const again = await open({ historyLimit: 3 });
    expect(countLines(await readFile(again.paths.history, 'utf8'))).toBe(4);
    expect((await stat(again.paths.history)).mode & 0o777).toBe(0o600);
    expect(again.getHistory('u2i-a').map((message) => message.id)).toEqual(['m-1197', 'm-1198', 'm-1199']);
    await writes(again).appendMessages('u2i-a', [makeMessage('m-1200', 1_200, 'u2i-a')]);
    const third = await reopen(again, { historyLimit: 3 });
    expect(third.getHistory('u2i-a').map((message) => message.id)).toEqual(['m-1198', 'm-1199', 'm-1200']);
    expect(third.getHistory('u2i-b').map((message) => message.id)).toEqual(['b-1']);
  });

  it('keeps at most historyTotalLimit messages in memory, forgetting the chats touched longest ago, also across a reopen', async () => {
    const limits = { historyLimit: 50, historyTotalLimit: 250 };
    const store = await open(limits);
    const chat = (n: number) => `u2i-${n}`;
    for (let n = 0; n < 10; n++) {
      await writes(store).appendMessages(chat(n), Array.from({ length: 40 }, (_, index) => makeMessage(`c${n}-${index}`, 1_000 * n + index, chat(n))));
    }
    // 250 fit: the six chats appended last.
    const kept = (s: JsonStore) => Array.from({ length: 12 }, (_, n) => s.getHistory(chat(n)).length);
    expect(kept(store)).toEqual([0, 0, 0, 0, 40, 40, 40, 40, 40, 40, 0, 0]);
    // Touching chat 5 again (one new message) moves it to the back of the forgetting order:
    // the next two chats push out 4 and 6, not 5.
    await writes(store).appendMessages(chat(5), [makeMessage('c5-new', 99_999, chat(5))]);
    for (const n of [10, 11]) {
      await writes(store).appendMessages(chat(n), Array.from({ length: 40 }, (_, index) => makeMessage(`c${n}-${index}`, 1_000 * n + index, chat(n))));
    }
    expect(kept(store)).toEqual([0, 0, 0, 0, 0, 41, 0, 40, 40, 40, 40, 40]);
    expect(store.stats().messages).toBe(241);
    // A forgotten chat that comes back is filled again from what Avito shows.
    await writes(store).appendMessages(chat(0), Array.from({ length: 40 }, (_, index) => makeMessage(`c0-${index}`, index, chat(0))));
    expect(store.getHistory(chat(0))).toHaveLength(40);
    expect(store.stats().messages).toBeLessThanOrEqual(250);
    // Replaying the journal at open keeps the same bound, so a long history never loads whole.
    const again = await reopen(store, limits);
    expect(again.stats().messages).toBeLessThanOrEqual(250);
    expect(again.getHistory(chat(0))).toHaveLength(40);
    expect(again.getHistory(chat(9)).map((message) => message.id).at(-1)).toBe('c9-39');
    expect(again.getHistory(chat(1))).toEqual([]);
  });

  it('does not compact a journal below the minimum size', async () => {
    const store = await open({ historyLimit: 3 });
    await writes(store).appendMessages('u2i-a', Array.from({ length: 500 }, (_, index) => makeMessage(`m-${index}`, index, 'u2i-a')));
    const again = await reopen(store, { historyLimit: 3 });
    expect(countLines(await readFile(again.paths.history, 'utf8'))).toBe(500);
  });

  it('tolerates a torn last line and cuts it off before appending', async () => {
    const store = await open();
    await writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a'), makeMessage('m-2', 2, 'u2i-a')]);
    await store.close();
    const intact = await readFile(store.paths.history, 'utf8');
    await appendFile(store.paths.history, '{"id":"m-3","chatId":"u2i-a","crea');
    const again = await open();
    expect(again.getHistory('u2i-a').map((message) => message.id)).toEqual(['m-1', 'm-2']);
    expect(await readFile(again.paths.history, 'utf8')).toBe(intact);
    await writes(again).appendMessages('u2i-a', [makeMessage('m-3', 3, 'u2i-a')]);
    const third = await reopen(again);
    expect(third.getHistory('u2i-a').map((message) => message.id)).toEqual(['m-1', 'm-2', 'm-3']);
  });

  it('keeps a complete last record whose newline was lost, and terminates it', async () => {
    const store = await open();
    await writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]);
    await store.close();
    await appendFile(store.paths.history, JSON.stringify(makeMessage('m-2', 2, 'u2i-a')));
    const again = await open();
    await writes(again).appendMessages('u2i-a', [makeMessage('m-3', 3, 'u2i-a')]);
    const third = await reopen(again);
    expect(third.getHistory('u2i-a').map((message) => message.id)).toEqual(['m-1', 'm-2', 'm-3']);
  });

  it('refuses a journal with a corrupt line before the end, naming file and line, touching nothing', async () => {
    const { history } = resolveStorePaths(statePath);
    await mkdir(join(dir, 'data'));
    const lines = [JSON.stringify(makeMessage('m-1', 1)), '{"id": broken', JSON.stringify(makeMessage('m-3', 3))];
    await writeFile(history, `${lines.join('\n')}\n`);
    const error = await catchStoreError(() => open());
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain(history);
    expect(error.message).toContain('строка 2');
    expect(error.hint).toMatch(/не будет его перезаписывать/);
    expect(await readFile(history, 'utf8')).toBe(`${lines.join('\n')}\n`);
    // The lock was released: after the fix, the store opens.
    await writeFile(history, `${lines[0]!}\n`);
    expect((await open()).getHistory('u2i-chat')).toHaveLength(1);
  });

  it('refuses a journal line of the wrong shape', async () => {
    const { history } = resolveStorePaths(statePath);
    await mkdir(join(dir, 'data'));
    await writeFile(history, `{"id":"m-1"}\n${JSON.stringify(makeMessage('m-2', 2))}\n`);
    const error = await catchStoreError(() => open());
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain('строка 1');
  });
});

describe('processed ids', () => {
  it('property: marking ids any number of times equals marking them once; bounded; survives reopen', async () => {
    const scenario = fc.record({
      limit: fc.integer({ min: 1, max: 15 }),
      batches: fc.array(fc.array(fc.integer({ min: 0, max: 25 }).map((n) => `m-${n}`), { maxLength: 10 }), { maxLength: 8 }),
      repeats: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 8, maxLength: 8 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ limit, batches, repeats }) => {
        run += 1;
        const once = await openStore({ path: join(dir, `once-${run}`, 'store.json'), processedLimit: limit });
        const many = await openStore({ path: join(dir, `many-${run}`, 'store.json'), processedLimit: limit });
        // The reference: ids by when they were last marked, the newest `limit` kept.
        let expected: string[] = [];
        for (const [index, batch] of batches.entries()) {
          await writes(once).markProcessed(batch);
          for (let time = 0; time < repeats[index]!; time += 1) await writes(many).markProcessed(batch);
          for (const id of batch) expected = [...expected.filter((other) => other !== id), id].slice(-limit);
        }
        await once.close();
        await many.close();
        const reopened = [
          await openStore({ path: join(dir, `once-${run}`, 'store.json'), processedLimit: limit, readOnly: true }),
          await openStore({ path: join(dir, `many-${run}`, 'store.json'), processedLimit: limit, readOnly: true }),
        ];
        const all = Array.from({ length: 26 }, (_, n) => `m-${n}`);
        for (const store of reopened) {
          expect(store.stats().processedIds).toBe(expected.length);
          expect(store.stats().processedIds).toBeLessThanOrEqual(limit);
          expect(all.filter((id) => store.isProcessed(id))).toEqual(all.filter((id) => expected.includes(id)));
          await store.close();
        }
      }),
      { numRuns: 30, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: true },
    );
  });

  it('writes nothing when every id is already processed', async () => {
    const store = await open();
    await writes(store).markProcessed(['m-1']);
    const before = await stat(statePath);
    const journal = await readFile(store.paths.stateJournal, 'utf8');
    expect(countLines(journal)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 15));
    await writes(store).markProcessed(['m-1', 'm-1']);
    expect((await stat(statePath)).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(store.paths.stateJournal, 'utf8')).toBe(journal);
  });
});

describe('dialogs', () => {
  it('rotates the journal past its size limit, keeping one old generation', async () => {
    const store = await open({ dialogJournalMaxBytes: 1_000, dialogLimit: 8 });
    const lineBytes = Buffer.byteLength(`${JSON.stringify(makeDialog(10))}\n`);
    for (let index = 0; index < 30; index += 1) await writes(store).appendDialog(makeDialog(index));
    expect(store.recentDialogs(3).map((record) => record.question)).toEqual(['question 29', 'question 28', 'question 27']);
    // Older than the in-memory window: not served.
    expect(store.recentDialogs(100)).toHaveLength(8);
    // The records reach the dialog journal when the state journal is folded (here: at close).
    await store.close();
    const current = await stat(store.paths.dialogs);
    const previous = await stat(`${store.paths.dialogs}.1`);
    expect(current.size).toBeLessThanOrEqual(1_000);
    expect(previous.size).toBeLessThanOrEqual(1_000);
    expect(previous.size).toBeGreaterThan(1_000 - lineBytes);
    expect(existsSync(`${store.paths.dialogs}.2`)).toBe(false);

    const again = await open({ dialogJournalMaxBytes: 1_000, dialogLimit: 8 });
    const currentLines = countLines(await readFile(again.paths.dialogs, 'utf8'));
    expect(currentLines).toBeLessThan(8);
    // The newest 8 span both generations.
    expect(again.recentDialogs(100).map((record) => record.question)).toEqual(
      Array.from({ length: 8 }, (_, index) => `question ${29 - index}`),
    );
  });
});

describe('schema versions', () => {
  it('migrates a v0 file (no schemaVersion) on open and saves it', async () => {
    await mkdir(join(dir, 'data'));
    const v0 = { chats: { 'u2i-a': { chatId: 'u2i-a', botMessageIds: ['b-1'] } }, processed: ['m-1'], counters: { found: 3 } };
    await writeFile(statePath, JSON.stringify(v0));
    const store = await open();
    expect(store.getChat('u2i-a')?.botMessageIds).toEqual(['b-1']);
    expect(store.isProcessed('m-1')).toBe(true);
    expect(store.counters().found).toBe(3);
    expect(store.listPending()).toEqual([]);
    const saved = JSON.parse(await readFile(statePath, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ schemaVersion: 1, pending: {}, meta: {}, processed: ['m-1'] });
  });

  it('reads a v0 file read-only without rewriting it', async () => {
    await mkdir(join(dir, 'data'));
    await writeFile(statePath, '{"processed":["m-1"]}');
    const store = await open({ readOnly: true });
    expect(store.isProcessed('m-1')).toBe(true);
    expect(await readFile(statePath, 'utf8')).toBe('{"processed":["m-1"]}');
  });

  it('refuses a file from a newer avito-ai and leaves it untouched', async () => {
    await mkdir(join(dir, 'data'));
    const bytes = Buffer.from('{"schemaVersion": 2, "chats": {}, "somethingNew": [1, 2, 3]}\n');
    await writeFile(statePath, bytes);
    const error = await catchStoreError(() => open());
    expect(error.reason).toBe('schema');
    expect(error.message).toContain(statePath);
    expect(error.hint).toMatch(/обновите avito-ai/);
    expect(await readFile(statePath)).toEqual(bytes);
    expect(existsSync(resolveStorePaths(statePath).lock)).toBe(false);
  });
});

describe('a damaged state file is never overwritten', () => {
  const cases: Array<[string, string]> = [
    ['corrupt JSON', '{"schemaVersion":1,"chats":{]'],
    ['a truncated write', '{"schemaVersion":1,"chats":{"u2i-a":{"chatId":"u2i-a","botMess'],
    ['an empty file', ''],
    ['a non-object', '[1,2,3]'],
    ['a wrong shape', '{"schemaVersion":1,"chats":{},"processed":"m-1","pending":{},"counters":{},"meta":{}}'],
  ];
  for (const [name, content] of cases) {
    it(`refuses ${name}`, async () => {
      await mkdir(join(dir, 'data'));
      await writeFile(statePath, content);
      const error = await catchStoreError(() => open());
      expect(error.reason).toBe('corrupt');
      expect(error.path).toBe(statePath);
      expect(error.message).toContain(statePath);
      expect(error.hint).toMatch(/^восстановите его из резервной копии \(docs\/deploy.md\); avito-ai не будет его перезаписывать\. Если убрать файл, начнётся пустое хранилище/);
      expect(await readFile(statePath, 'utf8')).toBe(content);
      expect(await readdir(join(dir, 'data'))).toEqual(['avito-ai.json']);
    });
  }
});

describe('read-only', () => {
  it('opens while another process holds the lock, reads, and refuses writes', async () => {
    const writer = await open();
    await writes(writer).updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
    await writes(writer).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]);
    const reader = await open({ readOnly: true });
    expect(reader.getChat('u2i-a')?.buyerName).toBe('Ира');
    expect(reader.getHistory('u2i-a')).toHaveLength(1);
    const error = await catchStoreError(() => writes(reader).updateChat('u2i-a', () => undefined));
    expect(error.reason).toBe('io');
    expect(error.message).toMatch(/read-only/);
    await expect(writes(reader).appendMessages('u2i-a', [makeMessage('m-2', 2, 'u2i-a')])).rejects.toBeInstanceOf(StoreError);
    await expect(writes(reader).increment('found')).rejects.toBeInstanceOf(StoreError);
    await reader.close();
    // The reader's close left the writer's lock alone.
    expect(existsSync(writer.paths.lock)).toBe(true);
    await writes(writer).setMeta('still', 'writable');
  });

  it('reads again when the writer folds the state journal between the snapshot read and the journal read', async () => {
    const writer = await open();
    await writes(writer).increment('found', 3);
    await writes(writer).setMeta('user_id', '42');
    const readJournal = vi.mocked(journal.readJournal);
    const passThrough = readJournal.getMockImplementation()!;
    let folds = 0;
    readJournal.mockImplementationOnce(async (path, options) => {
      // The reader has the old snapshot; the writer now folds: new snapshot, empty journal.
      await writer.close();
      folds += 1;
      return passThrough(path, options);
    });
    const reader = await open({ readOnly: true });
    expect(folds).toBe(1);
    expect((await stat(writer.paths.stateJournal)).size).toBe(0);
    expect(reader.counters().found).toBe(3);
    expect(reader.getMeta('user_id')).toBe('42');
  });

  it('does not repair a torn journal it only reads, and opens a missing store as empty without creating it', async () => {
    const writer = await open();
    await writes(writer).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]);
    await appendFile(writer.paths.history, '{"torn');
    const torn = await readFile(writer.paths.history, 'utf8');
    const reader = await open({ readOnly: true });
    expect(reader.getHistory('u2i-a')).toHaveLength(1);
    expect(await readFile(writer.paths.history, 'utf8')).toBe(torn);

    const missing = await openStore({ path: join(dir, 'nowhere', 'store.json'), readOnly: true });
    expect(missing.stats()).toEqual({ chats: 0, messages: 0, processedIds: 0, pending: 0 });
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });
});

describe('I/O errors surface as StoreError io', () => {
  it('reports a state journal append that fails (the journal is a directory); the failed change is undone, the next write works', async () => {
    // Tests run as root, where chmod does not stop writes; a directory where the journal must go
    // makes open(2) fail for real (EISDIR) for any user.
    const store = await open();
    const snapshot = await readFile(statePath, 'utf8');
    await mkdir(store.paths.stateJournal);
    const error = await catchStoreError(() => writes(store).updateChat('u2i-a', (state) => void (state.buyerName = 'Ира')));
    expect(error.reason).toBe('io');
    expect(error.message).toContain(store.paths.stateJournal);
    expect(error.hint).toMatch(/ — папка/);
    expect(await readFile(statePath, 'utf8')).toBe(snapshot);
    // What the caller was told failed never turns up later, in memory or on disk: a write-ahead
    // record that was not saved must not be acted on.
    expect(store.getChat('u2i-a')).toBeUndefined();
    await rm(store.paths.stateJournal, { recursive: true });
    await writes(store).setMeta('after', '2');
    await writes(store).setMeta('later', '3');
    const crashed = await open({ readOnly: true });
    expect(crashed.getChat('u2i-a')).toBeUndefined();
    expect(crashed.getMeta('after')).toBe('2');
    expect(crashed.getMeta('later')).toBe('3');
    const again = await reopen(store);
    expect(again.getChat('u2i-a')).toBeUndefined();
    expect(again.getMeta('after')).toBe('2');
  });

  it('reports a snapshot write that fails (the temp file location is a directory), keeping the old file', async () => {
    await mkdir(join(dir, 'data'));
    await writeFile(statePath, '{"processed":["m-1"]}');
    await mkdir(join(dir, 'data', '.avito-ai.json.tmp'));
    // A v0 file is saved migrated at open: that write fails, so the open does.
    const error = await catchStoreError(() => open());
    expect(error.reason).toBe('io');
    expect(error.message).toContain(statePath);
    expect(error.hint).toMatch(/ — папка/);
    expect(await readFile(statePath, 'utf8')).toBe('{"processed":["m-1"]}');
    expect(existsSync(resolveStorePaths(statePath).lock)).toBe(false);
  });

  it.skipIf(!hasDevFull)('says "disk full" when the disk is full (state journal routed to /dev/full)', async () => {
    const store = await open();
    await symlink('/dev/full', store.paths.stateJournal);
    const error = await catchStoreError(() => writes(store).setMeta('k', 'v'));
    expect(error.reason).toBe('io');
    expect(error.hint).toMatch(/диск заполнен/);
  });

  it.skipIf(!hasDevFull)('reports a journal append on a full disk and forgets the unsaved messages', async () => {
    const store = await open();
    // Messages are made durable in the state journal.
    await symlink('/dev/full', store.paths.stateJournal);
    const error = await catchStoreError(() => writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]));
    expect(error.reason).toBe('io');
    expect(error.hint).toMatch(/диск заполнен/);
    expect(store.getHistory('u2i-a')).toEqual([]);
  });

  it.skipIf(isRoot)('reports an unwritable directory (non-root only: root ignores modes)', async () => {
    const store = await open();
    await chmod(join(dir, 'data'), 0o500);
    const error = await catchStoreError(() => writes(store).setMeta('k', 'v'));
    expect(error.reason).toBe('io');
    expect(error.hint).toMatch(/not writable/);
  });

  it('reports a state path it cannot read', async () => {
    await mkdir(statePath, { recursive: true });
    const error = await catchStoreError(() => open());
    expect(error.reason).toBe('io');
    expect(error.message).toContain(statePath);
    expect(error.hint).toMatch(/ — папка/);
  });

  it('refuses writes after close', async () => {
    const store = await open();
    await store.close();
    const error = await catchStoreError(() => writes(store).setMeta('k', 'v'));
    expect(error.message).toMatch(/closed/);
  });
});
