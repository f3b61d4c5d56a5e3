/**
 * The Redis store: every process keeps a replica of the account's state in memory (the core reads synchronously, as from the JSON store) and writes each
 * transaction to Redis in one script: the values, plus a line in a shared log that the other replicas replay. Writes to a chat check its lease's fencing
 * token in the same script, so a process that lost a chat cannot change it. Before a process works on a chat it holds the chat's lease and has replayed
 * the log: it sees the chat as the last holder left it.
 */
import { Low, Memory } from 'lowdb';
import { StoreError } from '../errors.js';
import type { ChatMessage } from '../core/model.js';
import type { ChatLock, ChatState, CounterName, DialogRecord, PendingReply, Store, StoreTransaction } from '../core/ports.js';
import { DEFAULT_LIMITS, DocumentStore } from '../store/document-store.js';
import type { StateSink, StoreLimits } from '../store/document-store.js';
import { createEmptyState, SCHEMA_VERSION } from '../store/schema.js';
import type { StateDoc, StateEntry } from '../store/schema.js';
import { redisText } from '../messages/redis.js';
import { hideUrlSecret } from '../net/url-secret.js';
import { accountPrefix, connectRedis, createOwnerId, toRedisError, type RedisClient } from './connection.js';
import { LeaseBusyError, Leases, type LeaseOptions } from './leases.js';

const TRANSACT = `
local p = cjson.decode(ARGV[1])
local k = p.prefix
for _, f in ipairs(p.fences) do
  local holder = redis.call('GET', k .. 'lease:chat:' .. f[1])
  if holder ~= f[2] then return redis.error_reply('FENCED ' .. f[1]) end
end
if not redis.call('SET', k .. 'tx:' .. p.id, '1', 'NX', 'PX', p.idTtlMs) then return 'again' end
for _, c in ipairs(p.chats) do redis.call('HSET', k .. 'chats', c[1], c[2]) end
for _, c in ipairs(p.pending) do redis.call('HSET', k .. 'pending', c[1], c[2]) end
for _, id in ipairs(p.closed) do redis.call('HDEL', k .. 'pending', id) end
if #p.processed > 0 then
  for _, id in ipairs(p.processed) do redis.call('ZADD', k .. 'processed', redis.call('INCR', k .. 'processed-seq'), id) end
  local excess = redis.call('ZCARD', k .. 'processed') - tonumber(p.processedLimit)
  if excess > 0 then redis.call('ZREMRANGEBYRANK', k .. 'processed', 0, excess - 1) end
end
for _, c in ipairs(p.increments) do redis.call('HINCRBY', k .. 'counters', c[1], c[2]) end
for _, m in ipairs(p.meta) do redis.call('HSET', k .. 'meta', m[1], m[2]) end
for _, m in ipairs(p.messages) do
  local h = k .. 'history:' .. m[1]
  redis.call('RPUSH', h, m[2])
  redis.call('LTRIM', h, -tonumber(p.historyLimit), -1)
  redis.call('PEXPIRE', h, p.historyTtlMs)
end
for _, d in ipairs(p.dialogs) do redis.call('RPUSH', k .. 'dialogs', d) end
if #p.dialogs > 0 then redis.call('LTRIM', k .. 'dialogs', -tonumber(p.dialogLimit), -1) end
return redis.call('XADD', k .. 'log', 'MAXLEN', '~', p.logLimit, '*', 'w', p.writer, 'e', p.entry)`;

/** Log lines kept for replicas that fell behind; one further behind reloads the whole state. */
const LOG_LIMIT = 50_000;
/** A chat nobody wrote to for this long loses its stored history (the responder reads Avito's anyway): the total stays bounded. */
const HISTORY_TTL_MS = 30 * 24 * 3600_000;
const CATCH_UP_BATCH = 500;
/** How long a transaction's id is remembered against a resend: far longer than any reconnect. */
const TX_ID_TTL_MS = 5 * 60_000;
const CATCH_UP_EVERY_MS = 1000;
/** How long a chat's work waits for another process to finish with it before giving up (the chat is looked at again later). */
const CHAT_WAIT_MS = 60_000;

export interface OpenRedisStoreOptions {
  url: string;
  /** The account's name: its keys' namespace. */
  account: string;
  limits?: Partial<StoreLimits>;
  readOnly?: boolean;
  leases?: LeaseOptions;
}

/** Store over Redis; also the chat lock the responder takes, and the leases of the pass and the Telegram reader. */
export class RedisStore implements Store, ChatLock {
  readonly shared = true;
  readonly leases: Leases;
  #replica: DocumentStore;
  #lastLogId: string;
  #catchingUp: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #written = 0;

  constructor(
    readonly redis: RedisClient,
    private readonly settings: { url: string; prefix: string; owner: string; limits: StoreLimits; readOnly: boolean },
    snapshot: { doc: StateDoc; dialogs: DialogRecord[]; lastLogId: string },
    leaseOptions: LeaseOptions = {},
  ) {
    this.leases = new Leases(redis, settings.prefix, settings.owner, leaseOptions);
    this.#replica = this.#createReplica(snapshot.doc, snapshot.dialogs);
    this.#lastLogId = snapshot.lastLogId;
    this.#timer = setInterval(() => void this.catchUp().catch(() => undefined), CATCH_UP_EVERY_MS);
    this.#timer.unref();
  }

  get owner(): string {
    return this.settings.owner;
  }

  /** STORE_URL as given (secrets included: not for showing). */
  get url(): string {
    return this.settings.url;
  }

  get prefix(): string {
    return this.settings.prefix;
  }

  getChat(chatId: string): ChatState | undefined {
    return this.#replica.getChat(chatId);
  }
  listChats(): ChatState[] {
    return this.#replica.listChats();
  }
  forEachChat(visit: (state: Readonly<ChatState>) => void): void {
    this.#replica.forEachChat(visit);
  }
  getHistory(chatId: string, limit?: number): ChatMessage[] {
    return this.#replica.getHistory(chatId, limit);
  }
  isProcessed(messageId: string): boolean {
    return this.#replica.isProcessed(messageId);
  }
  getPending(chatId: string): PendingReply | undefined {
    return this.#replica.getPending(chatId);
  }
  listPending(): PendingReply[] {
    return this.#replica.listPending();
  }
  recentDialogs(limit: number, offset?: number): DialogRecord[] {
    return this.#replica.recentDialogs(limit, offset);
  }
  counters(): Record<CounterName, number> {
    return this.#replica.counters();
  }
  getMeta(key: string): string | undefined {
    return this.#replica.getMeta(key);
  }

  transact(apply: (tx: StoreTransaction) => void): Promise<void> {
    return this.#replica.transact(apply);
  }

  /** Runs `work` holding the chat's lease, after replaying what other processes wrote: never alongside another process's work on the chat. */
  async run<T>(chatId: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const name = `chat:${chatId}`;
    try {
      await this.leases.acquire(name, { waitMs: CHAT_WAIT_MS, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (error instanceof LeaseBusyError) throw new StoreError(redisText().leaseBusy(chatId, CHAT_WAIT_MS / 1000), this.#where(), 'locked');
      throw error;
    }
    try {
      await this.catchUp();
      await this.#loadHistory(chatId);
      return await work();
    } finally {
      await this.leases.release(name);
    }
  }

  /** Replays the log lines other processes wrote since the last look; one at a time. */
  catchUp(): Promise<void> {
    const next = this.#catchingUp.then(() => this.#replay());
    this.#catchingUp = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#replica.close();
    await this.leases.releaseAll();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  async #replay(): Promise<void> {
    if (this.#closed) return;
    try {
      if (await this.#fellBehind()) return await this.#reload();
      for (;;) {
        const lines = await this.redis.xrange(`${this.prefix}log`, `(${this.#lastLogId}`, '+', 'COUNT', CATCH_UP_BATCH);
        for (const [id, fields] of lines) {
          this.#lastLogId = id;
          const line = readLogLine(fields, this.owner);
          if (line) this.#replica.applyShared(line.entry, line.increments);
        }
        if (lines.length < CATCH_UP_BATCH) return;
      }
    } catch (error) {
      throw toRedisError(error, this.settings.url);
    }
  }

  /** Lines this replica never read were trimmed away: only a full reload sets it right. */
  async #fellBehind(): Promise<boolean> {
    const info = (await this.redis.call('XINFO', 'STREAM', `${this.prefix}log`).catch(() => [])) as unknown[];
    const index = info.indexOf('max-deleted-entry-id');
    const deleted = index === -1 ? '0-0' : String(info[index + 1]);
    return compareIds(deleted, this.#lastLogId) > 0;
  }

  async #reload(): Promise<void> {
    const snapshot = await readSnapshot(this.redis, this.prefix, this.settings.limits.dialogLimit);
    const previous = this.#replica;
    this.#replica = this.#createReplica(snapshot.doc, snapshot.dialogs);
    this.#lastLogId = snapshot.lastLogId;
    void previous.close();
  }

  async #loadHistory(chatId: string): Promise<void> {
    const stored = await this.redis.lrange(`${this.prefix}history:${chatId}`, 0, -1).catch((error: unknown) => {
      throw toRedisError(error, this.settings.url);
    });
    for (const line of stored) this.#replica.restoreMessage(JSON.parse(line) as ChatMessage);
  }

  #createReplica(doc: StateDoc, dialogs: DialogRecord[]): DocumentStore {
    const replica = new DocumentStore({
      db: new Low<StateDoc>(new Memory<StateDoc>(), doc),
      limits: this.settings.limits,
      stateJournal: this.#sink(),
      path: this.#where(),
      readOnly: this.settings.readOnly,
    });
    for (const record of dialogs) replica.restoreDialog(record);
    return replica;
  }

  #sink(): StateSink {
    return {
      append: (entry, increments) => this.#write(entry, increments),
      saveSnapshot: () => Promise.resolve(),
    };
  }

  async #write(entry: StateEntry, increments: Partial<Record<CounterName, number>>): Promise<void> {
    const plan = this.#plan(entry, increments);
    try {
      await this.redis.eval(TRANSACT, 0, JSON.stringify(plan));
    } catch (error) {
      const fenced = error instanceof Error && /FENCED (.*)$/.exec(error.message);
      if (fenced) throw new StoreError(redisText().fenced(fenced[1] ?? ''), this.#where(), 'locked', { cause: error });
      throw toRedisError(error, this.settings.url);
    }
  }

  /** Every value as a JSON string the script stores untouched (Lua's cjson would turn an empty list into an object). */
  #plan(entry: StateEntry, increments: Partial<Record<CounterName, number>>) {
    const { limits } = this.settings;
    const chats = new Set([...(entry.chats ?? []).map((c) => c.chatId), ...(entry.pending ?? []).map((p) => p.chatId), ...(entry.closed ?? []), ...(entry.messages ?? []).map((m) => m.chatId)]);
    const shared = { ...entry, increments };
    delete shared.counters;
    return {
      prefix: this.prefix,
      // The client resends a script whose answer a dropped connection lost: the second run must change nothing.
      id: `${this.owner}:${++this.#written}`,
      idTtlMs: String(TX_ID_TTL_MS),
      writer: this.owner,
      fences: [...chats].map((chatId) => [chatId, this.#fence(chatId)]),
      chats: (entry.chats ?? []).map((c) => [c.chatId, JSON.stringify(c)]),
      pending: (entry.pending ?? []).map((p) => [p.chatId, JSON.stringify(p)]),
      closed: entry.closed ?? [],
      processed: entry.processed ?? [],
      processedLimit: String(limits.processedLimit),
      increments: Object.entries(increments).map(([name, by]) => [name, String(by)]),
      meta: entry.meta ?? [],
      messages: (entry.messages ?? []).map((m) => [m.chatId, JSON.stringify(m)]),
      historyLimit: String(limits.historyLimit),
      historyTtlMs: String(HISTORY_TTL_MS),
      dialogs: (entry.dialogs ?? []).map(({ seq: _seq, ...record }) => JSON.stringify(record)),
      dialogLimit: String(limits.dialogLimit),
      logLimit: String(LOG_LIMIT),
      entry: JSON.stringify(shared),
    };
  }

  /** The token this process holds the chat by; none (never held, or lapsed while stalled): the write is refused before it leaves, since it was decided on what may no longer be true. */
  #fence(chatId: string): string {
    const token = this.leases.token(`chat:${chatId}`);
    if (token === undefined) throw new StoreError(redisText().fenced(chatId), this.#where(), 'locked');
    return token;
  }

  #where(): string {
    return `${hideUrlSecret(this.settings.url)} ${this.prefix}`;
  }
}

/** Connects, reads the account's state and the log's position in one MULTI, and keeps replaying from there. */
export async function openRedisStore(options: OpenRedisStoreOptions): Promise<RedisStore> {
  const owner = createOwnerId();
  const redis = await connectRedis(options.url, `avito-ai ${owner}`);
  const prefix = accountPrefix(options.account);
  const limits: StoreLimits = { ...DEFAULT_LIMITS, ...options.limits };
  try {
    const snapshot = await readSnapshot(redis, prefix, limits.dialogLimit);
    return new RedisStore(redis, { url: options.url, prefix, owner, limits, readOnly: options.readOnly ?? false }, snapshot, options.leases);
  } catch (error) {
    redis.disconnect();
    throw toRedisError(error, options.url);
  }
}

async function readSnapshot(redis: RedisClient, prefix: string, dialogLimit: number): Promise<{ doc: StateDoc; dialogs: DialogRecord[]; lastLogId: string }> {
  const results = await redis
    .multi()
    .hgetall(`${prefix}chats`)
    .hgetall(`${prefix}pending`)
    .hgetall(`${prefix}counters`)
    .hgetall(`${prefix}meta`)
    .zrange(`${prefix}processed`, 0, -1)
    .lrange(`${prefix}dialogs`, -dialogLimit, -1)
    .xrevrange(`${prefix}log`, '+', '-', 'COUNT', 1)
    .exec();
  if (!results) throw new Error('MULTI was aborted');
  const value = (index: number): unknown => {
    const [error, result] = results[index] ?? [new Error('missing reply'), undefined];
    if (error) throw error;
    return result;
  };
  const doc = createEmptyState();
  doc.schemaVersion = SCHEMA_VERSION;
  doc.chats = parseValues<ChatState>(value(0) as Record<string, string>);
  doc.pending = parseValues<PendingReply>(value(1) as Record<string, string>);
  doc.counters = Object.fromEntries(Object.entries(value(2) as Record<string, string>).map(([name, n]) => [name, Number(n)]));
  doc.meta = value(3) as Record<string, string>;
  doc.processed = value(4) as string[];
  const dialogs = (value(5) as string[]).map((line) => JSON.parse(line) as DialogRecord);
  const last = value(6) as Array<[string, string[]]>;
  return { doc, dialogs, lastLogId: last[0]?.[0] ?? '0-0' };
}

function parseValues<T>(hash: Record<string, string>): Record<string, T> {
  const parsed: Record<string, T> = {};
  for (const [key, raw] of Object.entries(hash)) parsed[key] = JSON.parse(raw) as T;
  return parsed;
}

/** Another process's line; this process's own (already applied when written) is not even parsed. */
function readLogLine(fields: string[], self: string): { entry: StateEntry; increments: Partial<Record<CounterName, number>> } | undefined {
  const get = (name: string): string | undefined => fields[fields.indexOf(name) + 1];
  const raw = get('e');
  if (raw === undefined || get('w') === self) return undefined;
  const { increments, ...entry } = JSON.parse(raw) as StateEntry & { increments?: Partial<Record<CounterName, number>> };
  return { entry, increments: increments ?? {} };
}

/** Stream ids are "<ms>-<seq>". */
function compareIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am === bm ? as - bs : am - bm;
}
