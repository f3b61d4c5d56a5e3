import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ChatMessage } from '../../src/core/model.js';
import { StoreError } from '../../src/errors.js';
import type { CounterName, DialogRecord, PendingReply, Store, StoreTransaction } from '../../src/core/ports.js';

/** A fresh temp directory and a cleanup for it. */
export async function createTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-store-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function makeMessage(id: string, created: number, chatId = 'u2i-chat'): ChatMessage {
  return { id, chatId, authorId: 7, created, direction: 'in', type: 'text', text: `text of ${id}` };
}

export function makeDialog(index: number, chatId = 'u2i-chat'): DialogRecord {
  return {
    at: 1_700_000_000_000 + index,
    chatId,
    question: `question ${index}`,
    answer: `answer ${index}`,
    status: 'FOUND',
    sources: ['price-list.pdf'],
    latencyMs: 12,
  };
}

/** One change inside a transaction, as data so fast-check prints a failing case readably. */
export type TxStep =
  | { op: 'chat'; chat: string; n: number }
  | { op: 'processed'; ids: string[] }
  | { op: 'put'; chat: string; n: number }
  | { op: 'close'; chat: string }
  | { op: 'increment'; counter: CounterName; by: number }
  | { op: 'meta'; key: string; value: string };

/** A transaction: its steps, and whether `apply` throws after them. */
export interface TxPlan {
  steps: TxStep[];
  fails: boolean;
}

const chatName = fc.constantFrom('a', 'b', 'c');

export const txStepArbitrary: fc.Arbitrary<TxStep> = fc.oneof(
  fc.record({ op: fc.constant('chat' as const), chat: chatName, n: fc.nat({ max: 9 }) }),
  fc.record({ op: fc.constant('processed' as const), ids: fc.array(fc.nat({ max: 20 }).map((n) => `m-${n}`), { maxLength: 4 }) }),
  fc.record({ op: fc.constant('put' as const), chat: chatName, n: fc.nat({ max: 3 }) }),
  fc.record({ op: fc.constant('close' as const), chat: chatName }),
  fc.record({ op: fc.constant('increment' as const), counter: fc.constantFrom<CounterName>('found', 'errors'), by: fc.nat({ max: 3 }) }),
  fc.record({ op: fc.constant('meta' as const), key: fc.constantFrom('k1', 'k2'), value: fc.constantFrom('v0', 'v1', 'v2') }),
);

export const txPlanArbitrary: fc.Arbitrary<TxPlan> = fc.record({
  steps: fc.array(txStepArbitrary, { minLength: 1, maxLength: 5 }),
  fails: fc.boolean().chain((fails) => (fails ? fc.boolean() : fc.constant(false))),
});

/** Runs a planned transaction; the planned failure is swallowed, any other error is not. */
export async function runTransaction(store: Store, plan: TxPlan): Promise<void> {
  try {
    await store.transact((tx) => {
      for (const step of plan.steps) applyStep(tx, step);
      if (plan.fails) throw new Error('planned failure');
    });
  } catch (error) {
    if (!(error instanceof Error) || error.message !== 'planned failure') throw error;
  }
}

function applyStep(tx: StoreTransaction, step: TxStep): void {
  switch (step.op) {
    case 'chat':
      tx.updateChat(`u2i-${step.chat}`, (state) => {
        state.botMessageIds.push(`b-${step.n}`);
        state.engineFailures = step.n;
        if (step.n % 3 === 0) delete state.buyerName;
        else state.buyerName = `buyer ${step.n}`;
      });
      return;
    case 'processed':
      tx.markProcessed(step.ids);
      return;
    case 'put':
      tx.putPending(makePending(`u2i-${step.chat}`, step.n));
      return;
    case 'close':
      tx.closePending(`u2i-${step.chat}`);
      return;
    case 'increment':
      tx.increment(step.counter, step.by);
      return;
    case 'meta':
      tx.setMeta(step.key, step.value);
      return;
  }
}

export function makePending(chatId: string, n: number): PendingReply {
  return {
    id: `${chatId}:q-${n}`,
    chatId,
    inquiryMessageId: `q-${n}`,
    inquiryCreated: 1_700_000_000 + n,
    question: `question ${n}`,
    text: `reply ${n}`,
    status: 'FOUND',
    sources: ['price-list.pdf'],
    sentIds: [],
    createdAt: 1_700_000_000_000 + n,
  };
}

/** Everything a store serves that the generated operations can change. */
export function readAll(store: Store): unknown {
  return {
    chats: store.listChats().sort((left, right) => left.chatId.localeCompare(right.chatId)),
    history: ['u2i-a', 'u2i-b'].map((chatId) => store.getHistory(chatId)),
    processed: Array.from({ length: 21 }, (_, n) => store.isProcessed(`m-${n}`)),
    pending: store.listPending().sort((left, right) => left.chatId.localeCompare(right.chatId)),
    dialogs: store.recentDialogs(100),
    counters: store.counters(),
    meta: ['user_id', 'k1', 'k2'].map((key) => store.getMeta(key)),
  };
}

/** Runs `action`, expecting a StoreError; returns it for further checks. */
export async function catchStoreError(action: () => Promise<unknown>): Promise<StoreError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected a StoreError, nothing was thrown');
}
