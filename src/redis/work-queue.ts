/**
 * The shared queue over a Redis Stream with one consumer group: webhook deliveries and the looks a pass hands out, taken by whichever process reads
 * first. An entry is acknowledged once its look is done; one a dead process held is claimed by another after `claimIdleMs`.
 */
import type { DeliveredMessage } from '../core/inbox.js';
import type { ChatSummary } from '../core/model.js';
import { abortableSleep } from '../core/async.js';
import { toRedisError, type RedisClient } from './connection.js';

export type Job = { kind: 'message'; delivered: DeliveredMessage } | { kind: 'look'; chatId: string; summary?: ChatSummary };

/** What a process did with a job: queued it for a look, had nothing to look at, or refused it while stopping. */
export type Taken = 'queued' | 'done' | 'refused';

export interface WorkQueueOptions {
  url: string;
  prefix: string;
  consumer: string;
  /** An entry unacknowledged this long belongs to a dead (or stuck) process: another one takes it. */
  claimIdleMs?: number;
  blockMs?: number;
  /** The quiet period a delivery starts for its chat, in every process. */
  replyDelayMs?: number;
}

const GROUP = 'workers';

/** The entry's job; undefined for one unreadable (written by another version), which is then dropped rather than stopping the batch. */
function readJob(fields: readonly string[]): Job | undefined {
  const raw = fields[fields.indexOf('job') + 1];
  try {
    return raw === undefined ? undefined : (JSON.parse(raw) as Job);
  } catch {
    return undefined;
  }
}

/** Queues a look unless one is already waiting for the chat (KEYS: its mark, the stream; ARGV: the mark's life in ms, the stream's limit, the job). */
const PUBLISH_LOOK = `
if not redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'job', ARGV[3])
return 1`;
const DEFAULT_CLAIM_IDLE_MS = 30_000;
const QUEUE_LIMIT = 100_000;

export class WorkQueue {
  readonly #reader: RedisClient;
  readonly #key: string;
  /** Stream entries taken, not yet covered by a look at their chat, by chat. */
  readonly #taken = new Map<string, string[]>();
  /** Stream entries a running look covers, by chat: acknowledged when it ends. */
  readonly #looking = new Map<string, string[]>();
  #groupReady: Promise<void> | undefined;
  /** Where the next claim continues its scan of the pending list; back to the start once it has gone through. */
  #claimCursor = '0-0';

  constructor(
    private readonly redis: RedisClient,
    private readonly options: WorkQueueOptions,
  ) {
    // A blocking read holds its connection: the store's must stay free.
    this.#reader = redis.duplicate();
    this.#reader.on('error', () => undefined);
    this.#key = `${options.prefix}queue`;
  }

  /**
   * Adds a job; a delivery also starts its chat's quiet period for every process. A look at a chat that already has one waiting in the queue is
   * dropped: a pass every few seconds must not pile them up while workers are busy. One being looked at does not count: that look may have read
   * the chat before the line this one is for.
   */
  async publish(job: Job): Promise<void> {
    const chatId = job.kind === 'message' ? job.delivered.message.chatId : job.chatId;
    if (job.kind === 'look') {
      // One step in Redis: a process killed between the mark and the entry would leave a look marked queued that no one will take.
      await this.redis.eval(PUBLISH_LOOK, 2, this.#lookKey(chatId), this.#key, this.options.claimIdleMs ?? DEFAULT_CLAIM_IDLE_MS, QUEUE_LIMIT, JSON.stringify(job)).catch((error: unknown) => {
        throw toRedisError(error, this.options.url);
      });
      return;
    }
    const multi = this.redis.multi().xadd(this.#key, 'MAXLEN', '~', QUEUE_LIMIT, '*', 'job', JSON.stringify(job));
    if (this.options.replyDelayMs) {
      multi.set(this.#quietKey(chatId), String(Date.now() + this.options.replyDelayMs), 'PX', this.options.replyDelayMs * 4);
    }
    await multi.exec().catch((error: unknown) => {
      throw toRedisError(error, this.options.url);
    });
  }

  async quietUntil(chatId: string): Promise<number | undefined> {
    const raw = await this.redis.get(this.#quietKey(chatId));
    return raw === null ? undefined : Number(raw);
  }

  /**
   * Reads jobs until the signal aborts, passing each to `take`, no more at once than `room()` (so idle processes get their share); claims what
   * dead processes left, every few seconds. `take` says what became of the job: queued for a look, nothing to look at (its entry is done at
   * once), or refused while stopping (its entry stays for another process).
   */
  async consume(take: (job: Job) => Taken, room: () => number, signal: AbortSignal): Promise<void> {
    await this.#ensureGroup();
    const claimIdleMs = this.options.claimIdleMs ?? DEFAULT_CLAIM_IDLE_MS;
    let lastClaim = 0;
    while (!signal.aborted) {
      try {
        if (Date.now() - lastClaim > claimIdleMs / 3) {
          lastClaim = Date.now();
          await this.#keepTaken();
          this.#deliver(await this.#claim(claimIdleMs), take);
        }
        const count = room();
        if (count <= 0) {
          await abortableSleep(20, signal);
          continue;
        }
        const read = (await this.#reader.xreadgroup('GROUP', GROUP, this.options.consumer, 'COUNT', count, 'BLOCK', this.options.blockMs ?? 1000, 'STREAMS', this.#key, '>')) as
          | Array<[string, Array<[string, string[]]>]>
          | null;
        this.#deliver(read?.[0]?.[1] ?? [], take);
      } catch (error) {
        // Redis came back without the queue (no persistence, a flush, an eviction): set it up again, or every read fails from now on.
        if (error instanceof Error && error.message.includes('NOGROUP')) this.#groupReady = undefined;
        // Redis away (restarting): try again shortly; nothing taken is lost, it waits in the group.
        await abortableSleep(500, signal);
        await this.#ensureGroup().catch(() => undefined);
      }
    }
  }

  /** A look at the chat starts: it covers the entries taken for the chat so far, not those taken while it runs. */
  startLook(chatId: string): void {
    const ids = this.#taken.get(chatId);
    if (!ids) return;
    this.#taken.delete(chatId);
    this.#looking.set(chatId, [...(this.#looking.get(chatId) ?? []), ...ids]);
  }

  /** The chat's look is done: the entries it covered leave the group's pending list. */
  async done(chatId: string): Promise<void> {
    const ids = this.#looking.get(chatId);
    if (!ids) return;
    this.#looking.delete(chatId);
    await this.redis.xack(this.#key, GROUP, ...ids).catch(() => undefined);
  }

  close(): void {
    this.#reader.disconnect();
  }

  #deliver(entries: Array<[string, string[]]>, take: (job: Job) => Taken): void {
    for (const [id, fields] of entries) {
      const job = readJob(fields);
      if (!job) {
        void this.redis.xack(this.#key, GROUP, id).catch(() => undefined);
        continue;
      }
      const chatId = job.kind === 'message' ? job.delivered.message.chatId : job.chatId;
      // Out of the queue: the next look asked for the chat is queued again, for what this one may come too early to see.
      if (job.kind === 'look') void this.redis.del(this.#lookKey(chatId)).catch(() => undefined);
      const taken = take(job);
      // Only this entry is done: others of the chat wait for their looks.
      if (taken === 'done') void this.redis.xack(this.#key, GROUP, id).catch(() => undefined);
      if (taken === 'queued') this.#taken.set(chatId, [...(this.#taken.get(chatId) ?? []), id]);
    }
  }

  /** Entries still waiting here (a quiet period, a retry's backoff) are claimed afresh, so no other process takes them for a dead one's. */
  async #keepTaken(): Promise<void> {
    const ids = [...this.#taken.values(), ...this.#looking.values()].flat();
    if (ids.length > 0) await this.redis.xclaim(this.#key, GROUP, this.options.consumer, 0, ...ids, 'JUSTID');
  }

  /** One step of a scan of the pending list, from where the last one stopped (Redis looks at no more than ten times COUNT per call). */
  async #claim(idleMs: number): Promise<Array<[string, string[]]>> {
    const result = (await this.redis.xautoclaim(this.#key, GROUP, this.options.consumer, idleMs, this.#claimCursor, 'COUNT', 100)) as [string, Array<[string, string[]] | null>];
    this.#claimCursor = result[0] ?? '0-0';
    return (result[1] ?? []).filter((entry): entry is [string, string[]] => entry !== null);
  }

  #ensureGroup(): Promise<void> {
    this.#groupReady ??= this.redis
      .xgroup('CREATE', this.#key, GROUP, '0', 'MKSTREAM')
      .then(() => undefined)
      .catch((error: unknown) => {
        if (error instanceof Error && error.message.includes('BUSYGROUP')) return;
        this.#groupReady = undefined;
        throw toRedisError(error, this.options.url);
      });
    return this.#groupReady;
  }

  #lookKey(chatId: string): string {
    return `${this.options.prefix}look-queued:${chatId}`;
  }

  #quietKey(chatId: string): string {
    return `${this.options.prefix}quiet:${chatId}`;
  }
}
