/**
 * Several processes on one Redis store: which of them runs the pass (a lease, taken over within seconds when its holder dies), the shared queue
 * every process takes webhook deliveries and handed-out looks from, and which one reads Telegram (it allows one reader).
 */
import type { DeliveredMessage, Inbox, InboxDeps } from '../core/inbox.js';
import { isOpen, type HandOff } from '../core/poll.js';
import type { ChatOutcome } from '../core/responder.js';
import type { RedisStore } from '../redis/redis-store.js';
import type { WorkQueue } from '../redis/work-queue.js';
import { describeError } from '../errors.js';
import { abortableSleep } from '../core/async.js';
import { redisText } from '../messages/redis.js';
import type { Logger } from './logger.js';

const PASS_LEASE = 'pass';
const TELEGRAM_LEASE = 'telegram';
/** How often a process without the pass (or Telegram) lease tries for it: the takeover delay after the holder's lease runs out. */
const TURN_RETRY_MS = 2000;

export interface Cluster {
  /** Replaces the pass's own look at each chat: any process in the group looks. */
  handOff: HandOff;
  /** Whether this process runs the next pass (takes the lease when free). */
  takeTurn(): Promise<boolean>;
  turnRetryMs: number;
  inboxHooks: Pick<InboxDeps, 'sharedQuietUntil' | 'onLookStarted' | 'onLooked'>;
  /** A webhook delivery goes to the queue; false when Redis refused it (the safety pass finds the message later). */
  publish(delivered: DeliveredMessage, logger: Logger): void;
  /** Feeds the queue's jobs into this process's inbox until the signal aborts. */
  consume(inbox: Inbox, concurrency: number, signal: AbortSignal): Promise<void>;
  /** Remembers a look that ended open, so the next pass (in whichever process) hands the chat out again. */
  observe(outcome: ChatOutcome): void;
  /** A look that threw (Avito unreachable after its retries, Redis away) ended open too. */
  observeError(chatId: string): void;
  /** Runs `listen` while this process holds the Telegram lease; waits for it otherwise. */
  holdTelegram(listen: (signal: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void>;
  /** Redis answers within a couple of seconds (`/health`). */
  ping(): Promise<void>;
  close(): void;
}

export async function openCluster(store: RedisStore, options: { replyDelayMs: number }): Promise<Cluster> {
  const { WorkQueue } = await import('../redis/work-queue.js');
  // A dead process's entries wait this long for another one: twice its leases' life, so a live one that renews is never robbed.
  const claimIdleMs = 2 * store.leases.ttlMs;
  const queue: WorkQueue = new WorkQueue(store.redis, { url: store.url, prefix: store.prefix, consumer: store.owner, replyDelayMs: options.replyDelayMs, claimIdleMs });
  const openKey = `${store.prefix}open-chats`;
  return {
    handOff: {
      dispatch: (chatId, summary) => queue.publish({ kind: 'look', chatId, ...(summary ? { summary } : {}) }),
      openChats: () => store.redis.smembers(openKey),
    },
    takeTurn: () => store.leases.tryAcquire(PASS_LEASE),
    turnRetryMs: TURN_RETRY_MS,
    inboxHooks: {
      sharedQuietUntil: (chatId) => queue.quietUntil(chatId),
      onLookStarted: (chatId) => queue.startLook(chatId),
      onLooked: (chatId) => void queue.done(chatId),
    },
    publish: (delivered, logger) => {
      queue.publish({ kind: 'message', delivered }).catch((error: unknown) => logger.warn(redisText().queueRefused(describeError(error)), { chat: delivered.message.chatId }));
    },
    consume: (inbox, concurrency, signal) =>
      queue.consume(
        (job) => {
          const result = job.kind === 'look' ? inbox.look(job.chatId, job.summary) : inbox.receive(job.delivered);
          // Stopping: the entry stays for another process. Anything else not queued had nothing to look at.
          return result === 'queued' ? 'queued' : result === 'closing' ? 'refused' : 'done';
        },
        () => concurrency - inbox.load(),
        signal,
      ),
    observe(outcome) {
      // Open as a pass's own look would leave it: a pause, quiet hours, a failure (the next pass looks again).
      const write = isOpen(outcome) ? store.redis.sadd(openKey, outcome.chatId) : store.redis.srem(openKey, outcome.chatId);
      void write.catch(() => undefined);
    },
    observeError(chatId) {
      void store.redis.sadd(openKey, chatId).catch(() => undefined);
    },
    holdTelegram: (listen, signal) => holdLease(store, TELEGRAM_LEASE, listen, signal),
    ping: () => pingWithin(store, PING_TIMEOUT_MS),
    close: () => queue.close(),
  };
}

const PING_TIMEOUT_MS = 2000;

async function pingWithin(store: RedisStore, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms)));
  try {
    await Promise.race([store.redis.ping(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Takes the lease when free and runs `work` while it lasts; the work's signal aborts when the lease is lost. */
async function holdLease(store: RedisStore, name: string, work: (signal: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    if (!(await store.leases.tryAcquire(name).catch(() => false))) {
      await abortableSleep(TURN_RETRY_MS, signal);
      continue;
    }
    const turn = new AbortController();
    const stop = (): void => turn.abort();
    signal.addEventListener('abort', stop, { once: true });
    const watch = setInterval(() => {
      if (!store.leases.token(name)) turn.abort();
    }, TURN_RETRY_MS);
    try {
      await work(AbortSignal.any([signal, turn.signal]));
    } finally {
      clearInterval(watch);
      signal.removeEventListener('abort', stop);
      await store.leases.release(name);
    }
    // A listener that ended by itself (an error) is not restarted in a tight loop.
    await abortableSleep(TURN_RETRY_MS, signal);
  }
}
