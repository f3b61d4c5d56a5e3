/**
 * What every `Store` backend must do, written against the port alone (`src/core/ports.ts`), so
 * that a new backend runs the same suite as the JSON and memory stores.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatState, CounterName, Store } from '../../src/core/ports.js';
import { StoreError } from '../../src/errors.js';
import { writes } from '../helpers/store-writes.js';
import { makeDialog, makeMessage, makePending, readAll } from './helpers.js';

/** The limits `open` must give the store: small, so the suite can reach them. */
export const STORE_CONTRACT_LIMITS = { historyLimit: 4, processedLimit: 4, dialogLimit: 5 } as const;

// `satisfies` fails the typecheck when a counter is added to the port and not here.
const ZERO_COUNTERS = {
  messagesSeen: 0,
  repliesSent: 0,
  found: 0,
  partlyAnswered: 0,
  notFound: 0,
  escalations: 0,
  takeovers: 0,
  nonText: 0,
  engineFailures: 0,
  errors: 0,
} satisfies Record<CounterName, 0>;

const ids = (messages: ReadonlyArray<{ id: string }>): string[] => messages.map((message) => message.id);
const questions = (records: ReadonlyArray<{ question: string }>): string[] => records.map((record) => record.question);

/**
 * Defines `describe(name)` with the tests any `Store` must pass. `open` returns a new, empty store
 * with `STORE_CONTRACT_LIMITS`; `reopen`, for durable backends, closes a store (it may be closed
 * already) and opens its data again, with the same limits.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>, reopen?: (store: Store) => Promise<Store>): void {
  describe(name, () => {
    const opened: Store[] = [];

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close().catch(() => undefined);
    });

    async function openStore(): Promise<Store> {
      const store = await open();
      opened.push(store);
      return store;
    }

    /** Runs `check` on the store, then, for a durable backend, on its data reopened; returns the store to go on with. */
    async function expectKept(store: Store, check: (store: Store) => void): Promise<Store> {
      check(store);
      if (reopen === undefined) return store;
      const again = await reopen(store);
      opened.push(again);
      check(again);
      return again;
    }

    describe('reads', () => {
      it('hand out copies: changing what a read or a write returned changes nothing stored', async () => {
        const store = await openStore();
        const pending = makePending('u2i-a', 1);
        const dialog = makeDialog(1, 'u2i-a');
        let returned: ChatState | undefined;
        await store.transact((tx) => {
          returned = tx.updateChat('u2i-a', (state) => {
            state.botMessageIds.push('b-1');
            state.listing = { id: 42, title: 'Диван' };
          });
          tx.putPending(pending);
          tx.appendDialog(dialog);
          tx.appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]);
          tx.increment('found');
        });
        const before = readAll(store);
        returned!.botMessageIds.push('sneaky');
        store.getChat('u2i-a')!.listing!.title = 'sneaky';
        store.listChats()[0]!.botMessageIds.push('sneaky');
        store.getPending('u2i-a')!.sentIds.push('sneaky');
        store.listPending()[0]!.text = 'sneaky';
        store.recentDialogs(1)[0]!.sources.push('sneaky');
        store.counters().found = 99;
        store.getHistory('u2i-a').push(makeMessage('sneaky', 2, 'u2i-a'));
        // What was handed to the transaction is the caller's to reuse.
        pending.sentIds.push('sneaky');
        dialog.sources.push('sneaky');
        expect(readAll(store)).toEqual(before);
        expect(store.getChat('u2i-a')).toEqual({ chatId: 'u2i-a', botMessageIds: ['b-1'], listing: { id: 42, title: 'Диван' } });
      });

      it('hand out copies of history messages too', async () => {
        const store = await openStore();
        await writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]);
        store.getHistory('u2i-a')[0]!.text = 'sneaky';
        expect(store.getHistory('u2i-a')).toEqual([makeMessage('m-1', 1, 'u2i-a')]);
      });

      it('keep appended messages apart from the objects the caller passed', async () => {
        const store = await openStore();
        const message = makeMessage('m-1', 1, 'u2i-a');
        await writes(store).appendMessages('u2i-a', [message]);
        message.text = 'sneaky';
        expect(store.getHistory('u2i-a')).toEqual([makeMessage('m-1', 1, 'u2i-a')]);
      });

      it('serve an empty store', async () => {
        const store = await openStore();
        expect(store.getChat('u2i-a')).toBeUndefined();
        expect(store.listChats()).toEqual([]);
        expect(store.getHistory('u2i-a')).toEqual([]);
        expect(store.isProcessed('m-1')).toBe(false);
        expect(store.getPending('u2i-a')).toBeUndefined();
        expect(store.listPending()).toEqual([]);
        expect(store.recentDialogs(10)).toEqual([]);
        expect(store.counters()).toEqual(ZERO_COUNTERS);
        expect(store.getMeta('user_id')).toBeUndefined();
        let visits = 0;
        store.forEachChat(() => (visits += 1));
        expect(visits).toBe(0);
      });
    });

    describe('transactions', () => {
      it('show each change to reads as apply makes it, all of them before the write settles', async () => {
        const store = await openStore();
        const seen: unknown[] = [];
        const write = store.transact((tx) => {
          tx.increment('found');
          seen.push(store.counters().found);
          const first = tx.updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
          seen.push(first.buyerName, store.getChat('u2i-a')?.buyerName);
          // A second update of the same chat starts from the first one's result.
          const second = tx.updateChat('u2i-a', (state) => void state.botMessageIds.push(`b-${state.buyerName ?? ''}`));
          seen.push(second);
          tx.setMeta('k1', 'v1');
          tx.markProcessed(['m-1']);
          tx.putPending(makePending('u2i-a', 1));
          tx.appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]);
          tx.appendDialog(makeDialog(1, 'u2i-a'));
        });
        const visible = readAll(store);
        await write;
        expect(seen).toEqual([1, 'Ира', 'Ира', { chatId: 'u2i-a', buyerName: 'Ира', botMessageIds: ['b-Ира'] }]);
        expect(visible).toEqual(readAll(store));
        await expectKept(store, (store) => {
          expect(store.getChat('u2i-a')).toEqual({ chatId: 'u2i-a', buyerName: 'Ира', botMessageIds: ['b-Ира'] });
          expect(store.counters().found).toBe(1);
          expect(store.getMeta('k1')).toBe('v1');
          expect(store.isProcessed('m-1')).toBe(true);
          expect(store.getPending('u2i-a')).toEqual(makePending('u2i-a', 1));
          expect(store.getHistory('u2i-a')).toEqual([makeMessage('m-1', 1, 'u2i-a')]);
          expect(store.recentDialogs(10)).toEqual([makeDialog(1, 'u2i-a')]);
        });
      });

      it('updateChat creates a missing chat (no bot messages yet) and returns the new state', async () => {
        const store = await openStore();
        let created: unknown;
        await store.transact((tx) => {
          created = tx.updateChat('u2i-a', (state) => {
            expect(state).toEqual({ chatId: 'u2i-a', botMessageIds: [] });
            state.pausedUntil = 5;
          });
        });
        expect(created).toEqual({ chatId: 'u2i-a', botMessageIds: [], pausedUntil: 5 });
        const updated = await writes(store).updateChat('u2i-a', (state) => {
          delete state.pausedUntil;
          state.escalatedAt = 7;
        });
        expect(updated).toEqual({ chatId: 'u2i-a', botMessageIds: [], escalatedAt: 7 });
        await expectKept(store, (store) => expect(store.getChat('u2i-a')).toEqual(updated));
      });

      it('keep what an apply changed before it threw, durably, then rethrow its error', async () => {
        const store = await openStore();
        await writes(store).updateChat('u2i-a', (state) => void (state.buyerName = 'Ира'));
        const boom = new Error('boom');
        const write = store.transact((tx) => {
          tx.increment('errors');
          tx.setMeta('k1', 'v1');
          tx.markProcessed(['m-1']);
          tx.putPending(makePending('u2i-b', 1));
          tx.appendMessages('u2i-b', [makeMessage('m-1', 1, 'u2i-b')]);
          tx.appendDialog(makeDialog(1, 'u2i-b'));
          tx.updateChat('u2i-b', (state) => void (state.buyerName = 'Оля'));
          // An update that throws halfway leaves its chat as it was.
          tx.updateChat('u2i-a', (state) => {
            state.buyerName = 'half';
            throw boom;
          });
          tx.increment('found');
        });
        await expect(write).rejects.toBe(boom);
        await expectKept(store, (store) => {
          expect(store.counters()).toEqual({ ...ZERO_COUNTERS, errors: 1 });
          expect(store.getMeta('k1')).toBe('v1');
          expect(store.isProcessed('m-1')).toBe(true);
          expect(store.getPending('u2i-b')).toEqual(makePending('u2i-b', 1));
          expect(store.getHistory('u2i-b')).toEqual([makeMessage('m-1', 1, 'u2i-b')]);
          expect(store.recentDialogs(10)).toEqual([makeDialog(1, 'u2i-b')]);
          expect(store.getChat('u2i-b')?.buyerName).toBe('Оля');
          expect(store.getChat('u2i-a')?.buyerName).toBe('Ира');
        });
      });

      it('rethrow the error of an apply that changed nothing', async () => {
        const store = await openStore();
        await expect(
          store.transact(() => {
            throw new Error('before any change');
          }),
        ).rejects.toThrow('before any change');
        expect(store.listChats()).toEqual([]);
        expect(store.counters()).toEqual(ZERO_COUNTERS);
      });
    });

    describe('history', () => {
      it('appendMessages ignores known ids, keeps time order, and keeps the newest per chat up to the limit', async () => {
        const store = await openStore();
        const message = (id: string, created: number) => makeMessage(id, created, 'u2i-a');
        await writes(store).appendMessages('u2i-a', [message('m-30', 30), message('m-10', 10), message('m-10', 10)]);
        await store.transact((tx) => {
          tx.appendMessages('u2i-a', [message('m-20', 20), message('m-30', 30)]);
          tx.appendMessages('u2i-b', [makeMessage('b-1', 5, 'u2i-b')]);
        });
        expect(ids(store.getHistory('u2i-a'))).toEqual(['m-10', 'm-20', 'm-30']);
        // Equal times keep the order they were appended in.
        await writes(store).appendMessages('u2i-a', [message('m-20b', 20)]);
        expect(ids(store.getHistory('u2i-a'))).toEqual(['m-10', 'm-20', 'm-20b', 'm-30']);
        expect(ids(store.getHistory('u2i-a', 2))).toEqual(['m-20b', 'm-30']);
        expect(store.getHistory('u2i-a', 0)).toEqual([]);
        // Past the limit the oldest go, and an older message than all kept does not come back.
        await writes(store).appendMessages('u2i-a', [message('m-50', 50), message('m-40', 40)]);
        await writes(store).appendMessages('u2i-a', [message('m-5', 5), message('m-10', 10)]);
        await expectKept(store, (store) => {
          expect(STORE_CONTRACT_LIMITS.historyLimit).toBe(4);
          expect(ids(store.getHistory('u2i-a'))).toEqual(['m-20b', 'm-30', 'm-40', 'm-50']);
          expect(store.getHistory('u2i-a')[1]).toEqual(message('m-30', 30));
          expect(store.getHistory('u2i-b')).toEqual([makeMessage('b-1', 5, 'u2i-b')]);
        });
      });
    });

    describe('processed ids', () => {
      it('markProcessed: marking again changes nothing; a re-marked id becomes the newest, so the oldest goes first past the limit', async () => {
        const store = await openStore();
        await writes(store).markProcessed(['m-1', 'm-2', 'm-3', 'm-4']);
        await writes(store).markProcessed(['m-1']);
        await writes(store).markProcessed(['m-5', 'm-5']);
        await expectKept(store, (store) => {
          expect(STORE_CONTRACT_LIMITS.processedLimit).toBe(4);
          expect(['m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6'].filter((id) => store.isProcessed(id))).toEqual(['m-1', 'm-3', 'm-4', 'm-5']);
        });
      });

      it('markProcessed: marking each batch twice in a row ends as marking it once', async () => {
        const once = await openStore();
        const twice = await openStore();
        const batches = [['m-1', 'm-2', 'm-3'], ['m-2'], ['m-4', 'm-1'], ['m-5', 'm-6'], ['m-3']];
        for (const batch of batches) {
          await writes(once).markProcessed(batch);
          await writes(twice).markProcessed(batch);
          await writes(twice).markProcessed(batch);
        }
        const processed = (store: Store) => ['m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6'].filter((id) => store.isProcessed(id));
        expect(processed(once)).toEqual(['m-1', 'm-3', 'm-5', 'm-6']);
        await expectKept(twice, (store) => expect(processed(store)).toEqual(processed(once)));
      });
    });

    describe('pending replies', () => {
      it('putPending stores one record per chat (a new one replaces it), closePending removes it', async () => {
        const store = await openStore();
        await writes(store).putPending(makePending('u2i-a', 1));
        await writes(store).putPending(makePending('u2i-b', 2));
        await writes(store).putPending({ ...makePending('u2i-a', 3), sentIds: ['s-1'], ambiguousAt: 9 });
        expect(store.listPending().sort((left, right) => left.chatId.localeCompare(right.chatId))).toEqual([
          { ...makePending('u2i-a', 3), sentIds: ['s-1'], ambiguousAt: 9 },
          makePending('u2i-b', 2),
        ]);
        await store.transact((tx) => {
          tx.closePending('u2i-b');
          // Closing what is not there is no error.
          tx.closePending('u2i-c');
        });
        await expectKept(store, (store) => {
          expect(store.getPending('u2i-a')).toEqual({ ...makePending('u2i-a', 3), sentIds: ['s-1'], ambiguousAt: 9 });
          expect(store.getPending('u2i-b')).toBeUndefined();
          expect(store.listPending()).toEqual([store.getPending('u2i-a')]);
        });
      });
    });

    describe('dialog records', () => {
      it('recentDialogs(limit, offset) serves the newest first, at most the dialog limit', async () => {
        const store = await openStore();
        for (let index = 1; index <= 5; index += 1) await writes(store).appendDialog(makeDialog(index));
        await store.transact((tx) => {
          tx.appendDialog(makeDialog(6));
          tx.appendDialog(makeDialog(7));
        });
        await expectKept(store, (store) => {
          expect(STORE_CONTRACT_LIMITS.dialogLimit).toBe(5);
          expect(store.recentDialogs(3)).toEqual([makeDialog(7), makeDialog(6), makeDialog(5)]);
          expect(questions(store.recentDialogs(3, 2))).toEqual(['question 5', 'question 4', 'question 3']);
          expect(questions(store.recentDialogs(100))).toEqual(['question 7', 'question 6', 'question 5', 'question 4', 'question 3']);
          expect(questions(store.recentDialogs(3, 4))).toEqual(['question 3']);
          expect(store.recentDialogs(3, 5)).toEqual([]);
          expect(store.recentDialogs(0)).toEqual([]);
        });
      });
    });

    describe('counters and meta', () => {
      it('counters start at 0 for every name; increment adds 1, or `by`, also from concurrent transactions', async () => {
        const store = await openStore();
        expect(store.counters()).toEqual(ZERO_COUNTERS);
        await Promise.all([writes(store).increment('found'), writes(store).increment('found'), writes(store).increment('repliesSent', 5)]);
        await store.transact((tx) => {
          tx.increment('found', 2);
          tx.increment('errors', 0);
        });
        await expectKept(store, (store) => expect(store.counters()).toEqual({ ...ZERO_COUNTERS, found: 4, repliesSent: 5 }));
      });

      it('getMeta serves what setMeta set last, and nothing for other keys', async () => {
        const store = await openStore();
        await writes(store).setMeta('user_id', '1');
        await store.transact((tx) => {
          tx.setMeta('user_id', '2');
          tx.setMeta('k1', '');
        });
        await expectKept(store, (store) => {
          expect(store.getMeta('user_id')).toBe('2');
          expect(store.getMeta('k1')).toBe('');
          for (const key of ['k2', 'constructor', 'toString', '__proto__']) expect(store.getMeta(key)).toBeUndefined();
        });
      });
    });

    describe('chats', () => {
      it('forEachChat visits every chat once, as listChats and getChat serve it', async () => {
        const store = await openStore();
        await store.transact((tx) => {
          for (const chatId of ['u2i-a', 'u2i-b', 'u2i-c']) tx.updateChat(chatId, (state) => void (state.buyerName = chatId));
        });
        await writes(store).updateChat('u2i-b', (state) => void (state.engineFailures = 2));
        await expectKept(store, (store) => {
          const visited: ChatState[] = [];
          store.forEachChat((state) => visited.push(structuredClone(state)));
          const byId = (left: ChatState, right: ChatState) => left.chatId.localeCompare(right.chatId);
          expect(visited.sort(byId)).toEqual(store.listChats().sort(byId));
          expect(visited).toHaveLength(3);
          expect(store.getChat('u2i-b')).toEqual({ chatId: 'u2i-b', buyerName: 'u2i-b', botMessageIds: [], engineFailures: 2 });
        });
      });
    });

    describe('closing', () => {
      it('close() waits for the writes in flight; writes after it are refused and never applied', async () => {
        const store = await openStore();
        const settled: string[] = [];
        const inFlight = [
          writes(store).increment('found').then(() => settled.push('found')),
          writes(store).appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a')]).then(() => settled.push('message')),
          writes(store).appendDialog(makeDialog(1)).then(() => settled.push('dialog')),
        ];
        await store.close();
        expect(settled.sort()).toEqual(['dialog', 'found', 'message']);
        await Promise.all(inFlight);
        let applied = false;
        const refused = store.transact((tx) => {
          applied = true;
          tx.increment('found');
        });
        await expect(refused).rejects.toBeInstanceOf(StoreError);
        expect(applied).toBe(false);
        if (reopen === undefined) return;
        const again = await reopen(store);
        opened.push(again);
        expect(again.counters().found).toBe(1);
        expect(again.getHistory('u2i-a')).toEqual([makeMessage('m-1', 1, 'u2i-a')]);
        expect(again.recentDialogs(10)).toEqual([makeDialog(1)]);
      });
    });

    if (reopen !== undefined) describeDurability(openStore, expectKept);
  });
}

/** For durable backends: what was written is all there after a reopen, however it was written. */
function describeDurability(openStore: () => Promise<Store>, expectKept: (store: Store, check: (store: Store) => void) => Promise<Store>): void {
  describe('after a reopen', () => {
    it('keeps messages and dialog records written in the same transaction as state', async () => {
      const store = await openStore();
      await store.transact((tx) => {
        tx.updateChat('u2i-a', (state) => void state.botMessageIds.push('b-1'));
        tx.appendMessages('u2i-a', [makeMessage('m-1', 1, 'u2i-a'), makeMessage('b-1', 2, 'u2i-a')]);
        tx.markProcessed(['m-1']);
        tx.closePending('u2i-a');
        tx.appendDialog(makeDialog(1, 'u2i-a'));
        tx.increment('repliesSent');
      });
      const expected = readAll(store);
      await expectKept(store, (store) => {
        expect(readAll(store)).toEqual(expected);
        expect(ids(store.getHistory('u2i-a'))).toEqual(['m-1', 'b-1']);
        expect(store.recentDialogs(10)).toEqual([makeDialog(1, 'u2i-a')]);
      });
    });

    it('keeps what several transactions wrote, concurrent ones included, the later ones overriding', async () => {
      const store = await openStore();
      await writes(store).putPending(makePending('u2i-a', 1));
      await writes(store).setMeta('k1', 'v1');
      await Promise.all([
        store.transact((tx) => {
          tx.putPending(makePending('u2i-a', 2));
          tx.appendMessages('u2i-a', [makeMessage('m-2', 2, 'u2i-a')]);
        }),
        writes(store).setMeta('k1', 'v2'),
        writes(store).appendDialog(makeDialog(1, 'u2i-b')),
        writes(store).appendMessages('u2i-b', [makeMessage('m-3', 3, 'u2i-b')]),
        writes(store).updateChat('u2i-b', (state) => void (state.buyerName = 'Оля')),
      ]);
      await writes(store).closePending('u2i-a');
      await writes(store).appendDialog(makeDialog(2, 'u2i-a'));
      const expected = readAll(store);
      await expectKept(store, (store) => {
        expect(readAll(store)).toEqual(expected);
        expect(store.getPending('u2i-a')).toBeUndefined();
        expect(store.getMeta('k1')).toBe('v2');
        expect(questions(store.recentDialogs(10))).toEqual(['question 2', 'question 1']);
        expect(ids(store.getHistory('u2i-b'))).toEqual(['m-3']);
      });
    });

    it('keeps everything across many transactions and a large one, past where the backend compacts its log', async () => {
      const store = await openStore();
      const chats = ['u2i-a', 'u2i-b'];
      const write = (index: number) =>
        store.transact((tx) => {
          const chatId = chats[index % 2]!;
          tx.updateChat(chatId, (state) => void state.botMessageIds.push(`b-${index}`));
          tx.appendMessages(chatId, [makeMessage(`m-${index}`, index, chatId)]);
          tx.markProcessed([`m-${index}`]);
          tx.appendDialog(makeDialog(index, chatId));
          tx.increment('found');
          tx.setMeta('k1', `v${index}`);
          if (index % 3 === 0) tx.putPending(makePending(chatId, index));
          else tx.closePending(chatId);
        });
      for (let index = 0; index < 8; index += 1) await write(index);
      // One transaction larger than a whole log's worth of small ones.
      await store.transact((tx) => {
        tx.updateChat('u2i-a', (state) => void (state.buyerName = 'Ира '.repeat(2_000)));
        tx.appendMessages('u2i-b', [{ ...makeMessage('m-8', 8, 'u2i-b'), text: 'long '.repeat(2_000) }]);
        tx.appendDialog({ ...makeDialog(8, 'u2i-b'), answer: 'long '.repeat(2_000) });
      });
      await Promise.all(Array.from({ length: 8 }, (_, offset) => write(9 + offset)));
      const expected = readAll(store);
      await expectKept(store, (store) => {
        expect(readAll(store)).toEqual(expected);
        expect(store.counters().found).toBe(16);
        expect(store.getMeta('k1')).toBe('v16');
        expect(store.getChat('u2i-a')?.botMessageIds).toEqual(['b-0', 'b-2', 'b-4', 'b-6', 'b-10', 'b-12', 'b-14', 'b-16']);
        expect(questions(store.recentDialogs(10))).toEqual(['question 16', 'question 15', 'question 14', 'question 13', 'question 12']);
        expect(ids(store.getHistory('u2i-b'))).toEqual(['m-9', 'm-11', 'm-13', 'm-15']);
        expect(['m-13', 'm-14', 'm-15', 'm-16'].every((id) => store.isProcessed(id))).toBe(true);
        expect(store.listPending()).toEqual([makePending('u2i-b', 15)]);
      });
    });
  });
}
