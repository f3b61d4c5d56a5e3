import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, Memory } from 'lowdb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.js';
import { DEFAULT_LIMITS, DocumentStore } from '../../src/store/document-store.js';
import type { StateSink } from '../../src/store/document-store.js';
import { createMemoryStore, openStore } from '../../src/store/index.js';
import type { JsonStore, OpenStoreOptions } from '../../src/store/index.js';
import { createEmptyState } from '../../src/store/schema.js';
import type { StateDoc } from '../../src/store/schema.js';
import { writes } from '../helpers/store-writes.js';
import { catchStoreError, createTempDir, makeDialog, makeMessage, makePending, readAll } from './helpers.js';
import { STORE_CONTRACT_LIMITS, describeStoreContract } from './store-contract.js';

let dir: string;
let cleanup: () => Promise<void>;
let stores = 0;
const opened: Store[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = await createTempDir());
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
});

afterAll(async () => {
  await cleanup();
});

// Small fold thresholds, so the contract's transactions cross them along the way.
const foldOften: Partial<OpenStoreOptions> = { stateJournalMaxLines: 3, stateJournalMaxBytes: 2_048 };

async function openJsonStore(options: Partial<OpenStoreOptions> = {}): Promise<JsonStore> {
  stores += 1;
  const store = await openStore({ path: join(dir, `store-${stores}`, 'avito-ai.json'), ...options });
  opened.push(store);
  return store;
}

async function reopenJsonStore(store: JsonStore, options: Partial<OpenStoreOptions> = {}): Promise<JsonStore> {
  await store.close();
  const again = await openStore({ path: store.paths.state, ...options });
  opened.push(again);
  return again;
}

describeStoreContract('createMemoryStore', () => Promise.resolve(createMemoryStore(STORE_CONTRACT_LIMITS)));

describeStoreContract(
  'openStore (JSON files, folding its state journal every few lines)',
  () => openJsonStore({ ...STORE_CONTRACT_LIMITS, ...foldOften }),
  (store) => reopenJsonStore(store as JsonStore, { ...STORE_CONTRACT_LIMITS, ...foldOften }),
);

/** A store whose every write waits until the test settles it: which one fails, and when, is the test's. */
function openGatedStore(): { store: DocumentStore; settle: (index: number, error?: Error) => void } {
  const appends: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const sink: StateSink = {
    append: () => new Promise<void>((resolve, reject) => void appends.push({ resolve, reject })),
    saveSnapshot: () => Promise.resolve(),
  };
  const db = new Low<StateDoc>(new Memory<StateDoc>(), createEmptyState());
  const store = new DocumentStore({ db, limits: DEFAULT_LIMITS, stateJournal: sink, path: ':gated:' });
  opened.push(store);
  const settle = (index: number, error?: Error): void => {
    const append = appends[index]!;
    if (error === undefined) append.resolve();
    else append.reject(error);
  };
  return { store, settle };
}

describe('DocumentStore: a write that fails is undone in memory', () => {
  it('takes back every kind of change of the failed transaction, restoring what was there before', async () => {
    const first = await openJsonStore();
    await first.transact((tx) => {
      tx.updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
      tx.putPending(makePending('u2i-a', 1));
      tx.increment('found', 2);
      tx.setMeta('k1', 'v1');
      tx.markProcessed(['m-1', 'm-2']);
      tx.appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a'), makeMessage('m-2', 2, 'u2i-a')]);
      tx.appendDialog(makeDialog(1, 'u2i-a'));
    });
    const store = await reopenJsonStore(first);
    // The journal file is not open until the first write: a directory in its place fails that write.
    await rm(store.paths.stateJournal);
    await mkdir(store.paths.stateJournal);
    const before = readAll(store);
    const error = await catchStoreError(() =>
      store.transact((tx) => {
        tx.updateChat('u2i-a', (state) => void state.botMessageIds.push('b-1'));
        tx.updateChat('u2i-b', (state) => void (state.buyerName = 'Оля'));
        tx.putPending(makePending('u2i-a', 2));
        tx.putPending(makePending('u2i-b', 3));
        tx.increment('found');
        tx.increment('errors', 4);
        tx.setMeta('k1', 'v2');
        tx.setMeta('k2', 'new');
        tx.markProcessed(['m-3', 'm-1']);
        tx.appendMessages('u2i-a', [makeMessage('m-3', 3, 'u2i-a')]);
        tx.appendMessages('u2i-b', [makeMessage('m-4', 4, 'u2i-b')]);
        tx.appendDialog(makeDialog(2, 'u2i-b'));
      }),
    );
    expect(error.reason).toBe('io');
    expect(readAll(store)).toEqual(before);
    expect(store.getChat('u2i-b')).toBeUndefined();
    expect(store.getPending('u2i-a')).toEqual(makePending('u2i-a', 1));
    expect(store.counters()).toMatchObject({ found: 2, errors: 0 });
    expect(store.getMeta('k2')).toBeUndefined();
    expect(store.isProcessed('m-3')).toBe(false);
    expect(store.stats()).toMatchObject({ messages: 2, processedIds: 2, pending: 1 });

    // Taken back, the same messages and record are written when tried again.
    await rm(store.paths.stateJournal, { recursive: true });
    await store.transact((tx) => {
      tx.appendMessages('u2i-b', [makeMessage('m-4', 4, 'u2i-b')]);
      tx.appendDialog(makeDialog(2, 'u2i-b'));
    });
    const again = await reopenJsonStore(store);
    expect(again.getHistory('u2i-b')).toEqual([makeMessage('m-4', 4, 'u2i-b')]);
    expect(again.recentDialogs(10)).toEqual([makeDialog(2, 'u2i-b'), makeDialog(1, 'u2i-a')]);
    expect(again.getChat('u2i-a')?.botMessageIds).toEqual([]);
    expect(again.counters()).toMatchObject({ found: 2, errors: 0 });
  });

  it('leaves alone what a later transaction changed on other keys meanwhile', async () => {
    const { store, settle } = openGatedStore();
    const failing = store.transact((tx) => {
      tx.updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
      tx.putPending(makePending('u2i-a', 1));
      tx.increment('found');
      tx.setMeta('k1', 'v1');
      tx.markProcessed(['m-1']);
      tx.appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]);
      tx.appendDialog(makeDialog(1, 'u2i-a'));
    });
    const later = store.transact((tx) => {
      tx.updateChat('u2i-b', (state) => void (state.buyerName = 'Оля'));
      tx.putPending(makePending('u2i-b', 2));
      tx.increment('errors');
      tx.setMeta('k2', 'v2');
      tx.appendMessages('u2i-b', [makeMessage('m-2', 2, 'u2i-b')]);
      tx.appendDialog(makeDialog(2, 'u2i-b'));
    });
    settle(1);
    await later;
    settle(0, new Error('disk gone'));
    await expect(failing).rejects.toThrow('disk gone');
    expect(store.getChat('u2i-a')).toBeUndefined();
    expect(store.getChat('u2i-b')?.buyerName).toBe('Оля');
    expect(store.listPending()).toEqual([makePending('u2i-b', 2)]);
    expect(store.counters()).toMatchObject({ found: 0, errors: 1 });
    expect([store.getMeta('k1'), store.getMeta('k2')]).toEqual([undefined, 'v2']);
    expect(store.isProcessed('m-1')).toBe(false);
    expect(store.getHistory('u2i-a')).toEqual([]);
    expect(store.getHistory('u2i-b')).toEqual([makeMessage('m-2', 2, 'u2i-b')]);
    expect(store.recentDialogs(10)).toEqual([makeDialog(2, 'u2i-b')]);
  });

  it('keeps a value a later, successful transaction built on: its write holds it', async () => {
    const { store, settle } = openGatedStore();
    const failing = store.transact((tx) => {
      tx.increment('found');
      tx.updateChat('u2i-a', (state) => void state.botMessageIds.push('b-1'));
    });
    const later = store.transact((tx) => {
      tx.increment('found');
      tx.updateChat('u2i-a', (state) => void state.botMessageIds.push('b-2'));
    });
    settle(1);
    await later;
    settle(0, new Error('disk gone'));
    await expect(failing).rejects.toThrow('disk gone');
    expect(store.counters().found).toBe(2);
    expect(store.getChat('u2i-a')?.botMessageIds).toEqual(['b-1', 'b-2']);
  });

  // Appending files an empty history under the chat first; the rollback must not leave it behind.
  it('counts no chat for an append that failed', async () => {
    const store = await openJsonStore();
    await mkdir(store.paths.stateJournal);
    await catchStoreError(() => writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]));
    expect(store.stats()).toEqual({ chats: 0, messages: 0, processedIds: 0, pending: 0 });
  });

  // Two failed transactions on one key: neither may leave its change behind (a write-ahead record
  // that was never saved must not be acted on).
  it('takes back two failed transactions on the same key alike', async () => {
    const store = await openJsonStore();
    await mkdir(store.paths.stateJournal);
    const attempt = (n: number) =>
      store.transact((tx) => {
        tx.increment('found');
        tx.putPending(makePending('u2i-a', n));
        tx.updateChat('u2i-a', (state) => void state.botMessageIds.push(`b-${n}`));
      });
    const results = await Promise.allSettled([attempt(1), attempt(2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(store.counters().found).toBe(0);
    expect(store.getPending('u2i-a')).toBeUndefined();
    expect(store.getChat('u2i-a')).toBeUndefined();
  });
});

describe('DocumentStore: historyTotalLimit', () => {
  it('forgets whole histories of the chats appended to longest ago, keeping their state', async () => {
    const store = createMemoryStore({ historyLimit: 3, historyTotalLimit: 7 });
    const fill = (chatId: string, from: number, count: number) =>
      writes(store).appendMessages(
        chatId,
        Array.from({ length: count }, (_, index) => makeMessage(`${chatId}-${from + index}`, from + index, chatId)),
      );
    const kept = () => ['u2i-a', 'u2i-b', 'u2i-c', 'u2i-d'].map((chatId) => store.getHistory(chatId).length);
    await writes(store).updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
    await fill('u2i-a', 0, 3);
    await fill('u2i-b', 0, 3);
    // Touching a again puts b first in line to be forgotten.
    await fill('u2i-a', 3, 1);
    await fill('u2i-c', 0, 3);
    expect(kept()).toEqual([3, 0, 3, 0]);
    await fill('u2i-d', 0, 3);
    expect(kept()).toEqual([0, 0, 3, 3]);
    expect(store.stats().messages).toBe(6);
    // Forgetting a history is not forgetting the chat.
    expect(store.getChat('u2i-a')?.buyerName).toBe('Ира');
    // A chat that comes back fills again.
    await fill('u2i-a', 0, 3);
    expect(kept()).toEqual([3, 0, 0, 3]);
  });

  it('keeps the whole history of the chat being appended to, even past the total', async () => {
    const store = createMemoryStore({ historyLimit: 5, historyTotalLimit: 3 });
    await writes(store).appendMessages('u2i-a', [makeMessage('a-1', 1, 'u2i-a')]);
    await writes(store).appendMessages('u2i-b', Array.from({ length: 5 }, (_, index) => makeMessage(`b-${index}`, index, 'u2i-b')));
    expect(store.getHistory('u2i-a')).toEqual([]);
    expect(store.getHistory('u2i-b')).toHaveLength(5);
  });
});

describe('DocumentStore: processedLimit', () => {
  it('keeps the newest ids of a batch longer than the limit', async () => {
    const store = createMemoryStore({ processedLimit: 3 });
    await writes(store).markProcessed(['m-1', 'm-2', 'm-3', 'm-4', 'm-5']);
    expect(['m-1', 'm-2', 'm-3', 'm-4', 'm-5'].filter((id) => store.isProcessed(id))).toEqual(['m-3', 'm-4', 'm-5']);
    expect(store.stats().processedIds).toBe(3);
  });

  it('applies a lower limit than the file was written with from the next open', async () => {
    const store = await openJsonStore({ processedLimit: 10 });
    await writes(store).markProcessed(['m-1', 'm-2', 'm-3', 'm-4', 'm-5']);
    await writes(store).markProcessed(['m-2']);
    const again = await reopenJsonStore(store, { processedLimit: 2 });
    expect(['m-1', 'm-2', 'm-3', 'm-4', 'm-5'].filter((id) => again.isProcessed(id))).toEqual(['m-2', 'm-5']);
    expect(again.stats().processedIds).toBe(2);
    await writes(again).markProcessed(['m-6']);
    expect(['m-2', 'm-5', 'm-6'].filter((id) => again.isProcessed(id))).toEqual(['m-2', 'm-6']);
  });
});
