/** A burst of lines is answered once, after REPLY_DELAY of quiet. A question queued and lost to a crash is still unprocessed in the store: the next safety pass finds it. */
import type { MessengerError } from '../errors.js';
import { isFatalForChat } from './failures.js';
import type { ChatMessage, ChatSummary } from './model.js';
import { backoffDelay, type BackoffPolicy } from './retry.js';
import type { Store } from './ports.js';
import type { ChatOutcome, Responder } from './responder.js';
import type { RuntimeFigures } from './stats.js';

export interface DeliveredMessage {
  accountId: number;
  chatType?: string;
  message: ChatMessage;
}

export type ReceiveResult =
  | 'queued'
  | 'duplicate'
  | 'echo'
  | 'system'
  /** Another account's delivery (a shared URL) or a chat type not in AVITO_CHAT_TYPES. */
  | 'not-ours'
  /** Stopping: the safety pass at the next start picks it up. */
  | 'closing';

export interface InboxDeps {
  responder: Pick<Responder, 'handleChat'>;
  store: Store;
  accountId: number;
  /** AVITO_CHAT_TYPES: deliveries of other chat types are ignored, as the poll pass never lists them. */
  chatTypes: readonly string[];
  replyDelayMs: number;
  concurrency: number;
  /** First wait before looking again at a chat left open (engine outage, failed send); doubles. */
  retryDelayMs?: number;
  now?: () => number;
  onOutcome?: (outcome: ChatOutcome) => void;
  onChatError?: (chatId: string, error: unknown) => void;
  onFatal?: (error: MessengerError) => void;
  /** With several processes: until when the chat must stay quiet, from deliveries other processes took; a look due earlier waits until then. */
  sharedQuietUntil?: (chatId: string) => Promise<number | undefined>;
  /** A look at the chat starts: what was handed to this process for it so far is what the look covers. */
  onLookStarted?: (chatId: string) => void;
  /** A look at the chat ended (answered, skipped, or failed for good): what it was asked for is done here. Not said while a retry waits. */
  onLooked?: (chatId: string, messageIds: readonly string[]) => void;
}

export interface QueuedChat {
  chatId: string;
  messageIds: string[];
  firstAt: number;
  dueAt: number;
  retries: number;
}

export interface InboxSnapshot {
  waiting: QueuedChat[];
  running: string[];
}

export interface Inbox {
  receive(delivered: DeliveredMessage): ReceiveResult;
  /** Looks at the chat now, without a quiet period and whatever its messages' state (a pass in another process handed it over). */
  look(chatId: string, summary?: ChatSummary): 'queued' | 'closing';
  holds(chatId: string): boolean;
  /** Chats being looked at or due now: with a shared queue, a process takes no more than it has room for. */
  load(): number;
  /** Counts a delivery the server acknowledged without a message for the inbox. */
  countIgnored(): void;
  countRejected(): void;
  snapshot(): InboxSnapshot;
  figures(startedAt: number): RuntimeFigures;
  /** Stops taking messages and answers fresh lines now, quiet period cut short, for at most `graceMs` (retries wait for the next start); resolves with the chats left unanswered. */
  drain(graceMs: number): Promise<string[]>;
}

const SEEN_LIMIT = 20_000;
const MAX_RETRIES = 4;

export function createInbox(deps: InboxDeps): Inbox {
  const queue = new ChatQueue(deps);
  return {
    receive: (delivered) => queue.receive(delivered),
    look: (chatId, summary) => queue.look(chatId, summary),
    holds: (chatId) => queue.holds(chatId),
    load: () => queue.load(),
    countIgnored: () => {
      queue.counts.received++;
      queue.counts.ignored++;
    },
    countRejected: () => void queue.counts.rejected++,
    snapshot: () => queue.snapshot(),
    figures: (startedAt) => queue.figures(startedAt),
    drain: (graceMs) => queue.drain(graceMs),
  };
}

/** `retrying`: only a retry waits here, no fresh line (those get their own quiet period). */
/** `forced`: looked at whatever its messages' state, with the chat's listing when the pass that handed it over had it. */
type WaitingChat = QueuedChat & { timer?: NodeJS.Timeout; retrying: boolean; forced?: { summary?: ChatSummary } };

class ChatQueue {
  readonly counts = { received: 0, duplicates: 0, ignored: 0, rejected: 0 };
  private readonly now: () => number;
  private readonly retryBackoff: BackoffPolicy;
  // A burst that never pauses is still answered: at most this long after its first line.
  private readonly maxWaitMs: number;
  private readonly seen = new Map<string, true>();
  private readonly waiting = new Map<string, WaitingChat>();
  private readonly heldAtStop = new Set<string>();
  private readonly ready: string[] = [];
  private readonly running = new Set<string>();
  private readonly idle: Array<() => void> = [];
  private closing = false;
  // Aborted when a drain's grace is over: the responder drops the engine call and holds the chat.
  private readonly hard = new AbortController();

  constructor(private readonly deps: InboxDeps) {
    this.now = deps.now ?? Date.now;
    this.retryBackoff = { baseDelayMs: deps.retryDelayMs ?? 60_000 };
    this.maxWaitMs = deps.replyDelayMs * 4;
  }

  receive(delivered: DeliveredMessage): ReceiveResult {
    this.counts.received++;
    const { message } = delivered;
    const result = this.classify(delivered);
    if (result === 'duplicate') this.counts.duplicates++;
    else if (result !== 'queued') this.counts.ignored++;
    if (result === 'queued') this.schedule(message.chatId, [message.id], 'fresh', this.deps.replyDelayMs, 0);
    return result;
  }

  look(chatId: string, summary?: ChatSummary): 'queued' | 'closing' {
    if (this.closing) return 'closing';
    this.schedule(chatId, [], 'fresh', 0, 0);
    this.waiting.get(chatId)!.forced = summary ? { summary } : {};
    return 'queued';
  }

  load(): number {
    return this.running.size + this.ready.length;
  }

  holds(chatId: string): boolean {
    return this.waiting.has(chatId) || this.running.has(chatId);
  }

  snapshot(): InboxSnapshot {
    return {
      waiting: [...this.waiting.values()].map(({ chatId, messageIds, firstAt, dueAt, retries }) => ({ chatId, messageIds: [...messageIds], firstAt, dueAt, retries })),
      running: [...this.running],
    };
  }

  figures(startedAt: number): RuntimeFigures {
    return {
      startedAt,
      queued: [...this.waiting.values()].reduce((sum, entry) => sum + entry.messageIds.length, 0),
      processing: this.running.size,
      running: [...this.running],
      queuedChats: [...this.waiting.keys()],
      webhook: { ...this.counts },
    };
  }

  async drain(graceMs: number): Promise<string[]> {
    this.closing = true;
    for (const entry of this.waiting.values()) {
      if (entry.retrying) {
        if (entry.timer) clearTimeout(entry.timer);
        delete entry.timer;
        continue;
      }
      this.fire(entry.chatId);
    }
    if (!(await this.settled(graceMs))) {
      // Out of time: chats in hand stop at their engine call (held, not lost); not yet started ones wait.
      this.ready.length = 0;
      this.hard.abort();
      await this.settled(5000);
    }
    const left = new Set([...this.running, ...this.ready, ...this.waiting.keys(), ...this.heldAtStop]);
    for (const entry of this.waiting.values()) if (entry.timer) clearTimeout(entry.timer);
    return [...left];
  }

  private remember(id: string): boolean {
    if (this.seen.has(id) || this.deps.store.isProcessed(id)) return false;
    this.seen.set(id, true);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  private classify({ accountId, chatType, message }: DeliveredMessage): ReceiveResult {
    const { deps } = this;
    if (this.closing) return 'closing';
    if (accountId !== deps.accountId) return 'not-ours';
    if (chatType !== undefined && !deps.chatTypes.includes(chatType)) return 'not-ours';
    if (!this.remember(message.id)) return 'duplicate';
    if (message.type === 'system' || message.flowId) return 'system';
    if (message.authorId === deps.accountId && deps.store.getChat(message.chatId)?.botMessageIds.includes(message.id)) return 'echo';
    // The seller's own line, or an echo that outran the bot's record of it: the responder tells them apart, pausing for a seller.
    return 'queued';
  }

  private schedule(chatId: string, messageIds: string[], kind: 'fresh' | 'retry', delayMs: number, retries: number): void {
    const at = this.now();
    let entry = this.waiting.get(chatId);
    if (!entry) {
      entry = { chatId, messageIds: [], firstAt: at, dueAt: at + delayMs, retries, retrying: kind === 'retry' };
      this.waiting.set(chatId, entry);
    }
    for (const id of messageIds) if (!entry.messageIds.includes(id)) entry.messageIds.push(id);
    entry.retries = Math.max(entry.retries, retries);
    if (kind === 'fresh') {
      // A buyer writing again while a retry waits is a fresh burst: its own quiet period counts.
      if (entry.retrying) {
        entry.retrying = false;
        entry.firstAt = at;
      }
      entry.dueAt = Math.min(at + delayMs, entry.firstAt + this.maxWaitMs);
    } else if (entry.retrying) {
      entry.dueAt = at + delayMs;
    }
    // (A retry joining fresh lines waits with them: the look at the chat covers both.)
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => this.fire(chatId), Math.max(0, entry.dueAt - at));
  }

  private fire(chatId: string): void {
    const entry = this.waiting.get(chatId);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    delete entry.timer;
    // A chat in hand is looked at again when it is done, with whatever arrived meanwhile.
    if (this.running.has(chatId) || this.ready.includes(chatId)) return;
    this.ready.push(chatId);
    this.pump();
  }

  private pump(): void {
    if (this.hard.signal.aborted) return;
    while (this.running.size < this.deps.concurrency && this.ready.length > 0) {
      const chatId = this.ready.shift()!;
      const entry = this.waiting.get(chatId);
      this.waiting.delete(chatId);
      if (!entry) continue;
      if (entry.timer) clearTimeout(entry.timer);
      this.running.add(chatId);
      this.deps.onLookStarted?.(chatId);
      void this.handle(entry)
        .then((looked) => {
          if (looked) this.deps.onLooked?.(chatId, entry.messageIds);
        })
        .finally(() => this.finish(chatId));
    }
  }

  private finish(chatId: string): void {
    this.running.delete(chatId);
    const next = this.waiting.get(chatId);
    if (next && !next.timer && !this.hard.signal.aborted) this.ready.push(chatId);
    this.pump();
    if (this.running.size === 0 && (this.ready.length === 0 || this.hard.signal.aborted) && (this.closing || this.waiting.size === 0)) {
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** False when the look was put off (another process's delivery keeps the chat quiet) or waits for a retry. */
  private async handle(entry: QueuedChat): Promise<boolean> {
    const { chatId } = entry;
    const { deps } = this;
    // Answered meanwhile (a safety pass, the look for an earlier line), or only the bot's echo: nothing to ask Avito.
    const bot = new Set(deps.store.getChat(chatId)?.botMessageIds ?? []);
    const open = entry.messageIds.filter((id) => !deps.store.isProcessed(id) && !bot.has(id));
    const forced = (entry as WaitingChat).forced;
    if (open.length === 0 && !forced) return true;
    const quietUntil = (await deps.sharedQuietUntil?.(chatId).catch(() => undefined)) ?? 0;
    if (quietUntil > this.now() && !this.closing) {
      this.schedule(chatId, open, 'fresh', quietUntil - this.now(), entry.retries);
      if (forced) this.waiting.get(chatId)!.forced = forced;
      return false;
    }
    try {
      const outcome = await deps.responder.handleChat(chatId, { signal: this.hard.signal, ...(forced?.summary ? { summary: forced.summary } : {}) });
      deps.onOutcome?.(outcome);
      if (outcome.action === 'held' && outcome.reason === 'shutdown') this.heldAtStop.add(chatId);
      if (shouldRetry(outcome)) return !this.retry(entry, open, forced);
    } catch (error) {
      if (isFatalForChat(error)) {
        deps.onFatal?.(error);
        // Not done: stopped by the account's keys, the look is another process's (or the next start's) to make.
        return false;
      }
      deps.onChatError?.(chatId, error);
      return !this.retry(entry, open, forced);
    }
    return true;
  }

  /** Whether another look was scheduled; a handed-over look stays one (its retry looks whatever the messages' state). */
  private retry(entry: QueuedChat, open: string[], forced: WaitingChat['forced']): boolean {
    // Past a few looks, the safety pass keeps trying (it finds the question unprocessed).
    if (this.closing || entry.retries >= MAX_RETRIES) return false;
    this.schedule(entry.chatId, open, 'retry', backoffDelay(entry.retries + 1, this.retryBackoff), entry.retries + 1);
    const waiting = this.waiting.get(entry.chatId)!;
    if (forced && !waiting.forced) waiting.forced = forced;
    return true;
  }

  private async settled(ms: number): Promise<boolean> {
    if (this.running.size === 0 && (this.ready.length === 0 || this.hard.signal.aborted)) return true;
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      new Promise<boolean>((resolve) => this.idle.push(() => resolve(true))),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
    ]);
    clearTimeout(timer);
    return done;
  }
}

const RETRIED_HOLDS: ReadonlySet<string> = new Set(['rate-limited', 'account-rate-limited', 'settling']);

function shouldRetry(outcome: ChatOutcome): boolean {
  // Quiet hours and pauses end on their own: the safety pass comes back to those chats.
  return outcome.action === 'deferred' || outcome.action === 'failed' || (outcome.action === 'held' && RETRIED_HOLDS.has(outcome.reason));
}
