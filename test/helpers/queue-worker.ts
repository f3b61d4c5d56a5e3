/**
 * One process on the shared queue, wired as the daemon wires it (test/redis): its inbox looks through `look`, which the test holds, answers or
 * fails, and its outcomes and errors reach the cluster as the daemon passes them.
 */
import { openCluster, type Cluster } from '../../src/cli/cluster.js';
import { createInbox, type Inbox } from '../../src/core/inbox.js';
import type { ChatOutcome } from '../../src/core/responder.js';
import type { RedisStore } from '../../src/redis/redis-store.js';

export interface QueueWorker {
  store: RedisStore;
  cluster: Cluster;
  inbox: Inbox;
  /** The chats looked at, in order. */
  looks: string[];
  /** What reached the inbox's onFatal (refused keys). */
  fatal: unknown[];
  stop: AbortController;
  consuming: Promise<void>;
}

export async function startQueueWorker(store: RedisStore, look: (chatId: string, call: number) => Promise<ChatOutcome>): Promise<QueueWorker> {
  const cluster = await openCluster(store, { replyDelayMs: 0 });
  const looks: string[] = [];
  const fatal: unknown[] = [];
  const inbox = createInbox({
    responder: { handleChat: (chatId) => (looks.push(chatId), look(chatId, looks.length)) },
    store,
    accountId: 1,
    chatTypes: ['u2i'],
    replyDelayMs: 0,
    concurrency: 2,
    retryDelayMs: 60_000,
    onChatError: (chatId) => cluster.observeError(chatId),
    onOutcome: (outcome) => cluster.observe(outcome),
    onFatal: (error) => fatal.push(error),
    ...cluster.inboxHooks,
  });
  const stop = new AbortController();
  return { store, cluster, inbox, looks, fatal, stop, consuming: cluster.consume(inbox, 2, stop.signal) };
}

/** Takes nothing more from the queue; the store stays open. */
export async function stopQueueWorker(worker: QueueWorker): Promise<void> {
  worker.stop.abort();
  await worker.consuming;
  worker.cluster.close();
}

/** The process dies: it takes nothing more, renews nothing, and its connection is gone (its looks in hand never end). */
export async function killQueueWorker(worker: QueueWorker): Promise<void> {
  await stopQueueWorker(worker);
  worker.store.redis.disconnect();
}

/** Entries taken and not yet acknowledged, by any process. */
export async function pendingInQueue(store: RedisStore): Promise<number> {
  const [count] = (await store.redis.xpending(`${store.prefix}queue`, 'workers')) as [number];
  return count;
}

export function answeredOutcome(chatId: string): ChatOutcome {
  return { chatId, action: 'answered', status: 'FOUND', question: 'q', reply: 'r', sources: [], latencyMs: 1 };
}

export async function waitUntil(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
