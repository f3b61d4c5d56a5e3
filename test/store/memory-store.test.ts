import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.js';
import { createMemoryStore, openStore } from '../../src/store/index.js';
import { createTempDir, makeDialog, makeMessage, readAll, runTransaction, txPlanArbitrary } from './helpers.js';
import { writes } from '../helpers/store-writes.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await createTempDir());
});

afterEach(async () => {
  await cleanup();
});

/** One store operation, applied alike to both stores. */
type Operation = (store: Store) => Promise<unknown>;

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ chat: fc.constantFrom('a', 'b'), n: fc.nat({ max: 20 }) }).map(
    ({ chat, n }): Operation =>
      (store) => writes(store).appendMessages(`u2i-${chat}`, [makeMessage(`m-${n}`, n % 7, `u2i-${chat}`)]),
  ),
  fc.array(fc.nat({ max: 20 }).map((n) => `m-${n}`), { maxLength: 4 }).map((ids): Operation => (store) => writes(store).markProcessed(ids)),
  fc.record({ chat: fc.constantFrom('a', 'b'), n: fc.nat({ max: 9 }) }).map(
    ({ chat, n }): Operation =>
      (store) => writes(store).updateChat(`u2i-${chat}`, (state) => void state.botMessageIds.push(`b-${n}`)),
  ),
  fc.nat({ max: 20 }).map((n): Operation => (store) => writes(store).appendDialog(makeDialog(n))),
  fc.constantFrom<Operation>(
    (store) => writes(store).increment('found'),
    (store) => writes(store).setMeta('user_id', '42'),
    (store) => writes(store).closePending('u2i-a'),
    (store) =>
      writes(store).putPending({
        id: 'p',
        chatId: 'u2i-a',
        inquiryMessageId: 'm-1',
        inquiryCreated: 1,
        question: 'q',
        text: 't',
        status: 'FOUND',
        sources: [],
        sentIds: [],
        createdAt: 1,
      }),
  ),
  // Several changes in one transaction, sometimes with an `apply` that throws after them.
  txPlanArbitrary.map((plan): Operation => (store) => runTransaction(store, plan)),
);

describe('createMemoryStore', () => {
  it('property: behaves exactly like the JSON store reopened from disk, after a crash or a close', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 25 }), fc.integer({ min: 1, max: 6 }), async (operations, maxLines) => {
        run += 1;
        const limits = { historyLimit: 4, processedLimit: 6, dialogLimit: 5 };
        const path = join(dir, `run-${run}`, 'store.json');
        const memory = createMemoryStore(limits);
        // A small state journal limit, so runs fold it into snapshots along the way.
        const json = await openStore({ path, ...limits, stateJournalMaxLines: maxLines });
        for (const apply of operations) {
          await apply(memory);
          await apply(json);
        }
        expect(readAll(json)).toEqual(readAll(memory));
        // What a kill -9 now would leave: the snapshot plus the journal, replayed.
        const crashed = await openStore({ path, ...limits, readOnly: true });
        expect(readAll(crashed)).toEqual(readAll(memory));
        expect(crashed.stats()).toEqual(memory.stats());
        await crashed.close();
        await json.close();
        const reopened = await openStore({ path, ...limits, readOnly: true });
        expect(readAll(reopened)).toEqual(readAll(memory));
        expect(reopened.stats()).toEqual(memory.stats());
        await reopened.close();
      }),
      { numRuns: 40, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: true },
    );
  });

  it('starts empty and refuses nothing', async () => {
    const store = createMemoryStore();
    expect(store.stats()).toEqual({ chats: 0, messages: 0, processedIds: 0, pending: 0 });
    await writes(store).setMeta('k', 'v');
    expect(store.getMeta('k')).toBe('v');
    await store.close();
  });
});
