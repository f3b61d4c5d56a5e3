/** The interfaces the core names and the adapters implement; the core receives them as parameters. */
import type { AnswerStatus, ChatMessage, ChatSummary, DialogStatus, Listing } from './model.js';

// ───────────────────────────── Avito messenger ─────────────────────────────

export interface ListChatsOptions {
  unreadOnly?: boolean;
  chatTypes?: readonly string[];
  itemIds?: readonly number[];
  /** Stop paging once a page holds only chats updated before this unix second. */
  updatedSince?: number;
}

/**
 * What the core needs from Avito Messenger. Implemented by `src/avito/client.ts`; every failure
 * reaches the core as a `MessengerError`.
 */
export interface Messenger {
  getUserId(): Promise<number>;
  listChats(options?: ListChatsOptions): Promise<ChatSummary[]>;
  getChat(chatId: string): Promise<ChatSummary>;
  /** Newest first, as Avito returns them. */
  listMessages(chatId: string, options?: { limit?: number; offset?: number }): Promise<ChatMessage[]>;
  /**
   * Sends one message of at most `AVITO_TEXT_LIMIT` characters (the core splits longer texts).
   * Never repeated after a failure that may have delivered it: that throws `MessengerError{ambiguous}`.
   */
  sendMessage(chatId: string, text: string): Promise<ChatMessage>;
  markRead(chatId: string): Promise<void>;
}

// ───────────────────────────── Knowledge ─────────────────────────────

export interface ContextMessage {
  role: 'buyer' | 'seller' | 'bot';
  text: string;
  /** Unix seconds. */
  at: number;
}

export interface KnowledgeQuery {
  question: string;
  listing?: Listing;
  context?: readonly ContextMessage[];
}

export interface KnowledgeAnswer {
  status: AnswerStatus;
  /** The answer for the buyer; empty when NOT_FOUND (the core sends FALLBACK_TEXT then). */
  text: string;
  /** Display names of the documents the answer comes from. */
  sources: string[];
  engine: string;
  /** Which documents answered: the listing's own, general ones, or general after the listing's failed. */
  strategy?: 'item' | 'general' | 'cascaded';
  latencyMs?: number;
  usage?: { inputTokens?: number; outputTokens?: number };
}

export interface SyncReport {
  /** Documents the engine holds for the folder after the sync (would hold, on a dry run). */
  documents: number;
  uploaded: number;
  replaced: number;
  unchanged: number;
  deleted: number;
  failed: Array<{ path: string; reason: string }>;
  skipped: Array<{ path: string; reason: string }>;
  /** Uploaded documents whose files are gone, kept because `prune` was not asked. */
  stale?: string[];
  /** Documents in the store that avito-ai did not upload: never touched. */
  foreign?: string[];
  dryRun?: boolean;
  changes?: SyncChange[];
}

export interface SyncChange {
  path: string;
  action: 'upload' | 'replace' | 'unchanged' | 'delete' | 'failed' | 'skipped';
  reason?: string;
}

export interface SyncOptions {
  /** Delete uploaded documents whose files are gone. */
  prune?: boolean;
  dryRun?: boolean;
  /** Ctrl-C: uploads under way finish, no new one starts. */
  signal?: AbortSignal;
  onProgress?: (event: { index: number; total: number; path: string; action: SyncChange['action'] }) => void;
}

export interface KnowledgeDocumentInfo {
  /** The file's path in the knowledge folder (the source name answers cite). */
  displayName: string;
  scope: 'item' | 'general';
  itemId?: number;
  /** `indexed` for the local engine; Gemini's STATE_ACTIVE, STATE_PENDING or STATE_FAILED. */
  state: string;
  sizeBytes?: number;
  id?: string;
  /** Whether avito-ai uploaded it (Gemini only: a store may hold documents from elsewhere). */
  managed?: boolean;
}

export interface RetrievedPassage {
  /** The document's display name: the source an answer built on it cites. */
  source: string;
  text: string;
  /** Higher is better; comparable only within one retrieval. */
  score: number;
  scope: 'item' | 'general';
  itemId?: number;
  /** Why it was chosen: the query's terms it contains. */
  matched: string[];
}

/**
 * Retrieval without generation: the passages a question could be answered from, the listing's
 * own documents first, then general ones. The built-in engine quotes them; an LLM engine hands
 * them to the model.
 */
export interface KnowledgeRetriever {
  retrieve(query: KnowledgeQuery, options?: { limit?: number; signal?: AbortSignal }): Promise<RetrievedPassage[]>;
}

export interface KnowledgeEngine {
  readonly name: string;
  /** Throws `KnowledgeError` when it cannot answer at all (outage, timeout). */
  answer(query: KnowledgeQuery, options?: { signal?: AbortSignal }): Promise<KnowledgeAnswer>;
  /** Indexes or uploads the knowledge folder. */
  sync(dir?: string, options?: SyncOptions): Promise<SyncReport>;
  listDocuments(options?: { signal?: AbortSignal }): Promise<KnowledgeDocumentInfo[]>;
}

// ───────────────────────────── Store ─────────────────────────────

export interface ChatState {
  chatId: string;
  /** Id and time of the newest buyer message a decision covered (answered, escalated, skipped). */
  lastHandledMessageId?: string;
  lastHandledAt?: number;
  /** Ids of messages the bot sent, newest last, bounded: how the bot knows its own echo. */
  botMessageIds: string[];
  pausedUntil?: number;
  pauseReason?: 'takeover' | 'manual';
  /** Set when a buyer asked for a person; cleared by `resume`. */
  escalatedAt?: number;
  /** Consecutive passes on which the engine failed for the open inquiry. */
  engineFailures?: number;
  /** Epoch ms of recent bot replies, for the per-hour cap. */
  recentReplies?: number[];
  listing?: Listing;
  buyerName?: string;
  lastActivityAt?: number;
}

/** Write-ahead record of a reply: stored before the send, closed after it. */
export interface PendingReply {
  id: string;
  chatId: string;
  /** The newest buyer message the reply answers. */
  inquiryMessageId: string;
  inquiryCreated: number;
  question: string;
  text: string;
  status: DialogStatus;
  sources: string[];
  /** Ids of the parts already accepted by Avito. */
  sentIds: string[];
  createdAt: number;
  /** Epoch ms of the last send that may or may not have reached Avito. */
  ambiguousAt?: number;
}

export interface DialogRecord {
  at: number;
  chatId: string;
  itemId?: number;
  question: string;
  answer: string;
  status: DialogStatus;
  sources: string[];
  latencyMs: number;
  engine?: string;
  strategy?: string;
  /** The engine's own time, within latencyMs. */
  engineMs?: number;
  inputTokens?: number;
  outputTokens?: number;
}

export type CounterName =
  | 'messagesSeen'
  | 'repliesSent'
  | 'found'
  | 'notFound'
  | 'escalations'
  | 'takeovers'
  | 'nonText'
  | 'engineFailures'
  | 'errors';

/** What the core reads from the store: synchronous, from memory, and always copies. */
export interface StoreReader {
  getChat(chatId: string): ChatState | undefined;
  listChats(): ChatState[];
  /** Visits every chat's state without copying it (for counting); `visit` must not keep or change it. */
  forEachChat(visit: (state: Readonly<ChatState>) => void): void;
  /** The chat's stored history, oldest first, at most `limit` (the newest ones). */
  getHistory(chatId: string, limit?: number): ChatMessage[];
  isProcessed(messageId: string): boolean;
  getPending(chatId: string): PendingReply | undefined;
  listPending(): PendingReply[];
  /** Newest first. */
  recentDialogs(limit: number, offset?: number): DialogRecord[];
  counters(): Record<CounterName, number>;
  getMeta(key: string): string | undefined;
}

/**
 * The persistent state the core needs. Every write is a transaction: the changes `apply` makes
 * are visible to reads at once and durable together, in one write, when the promise resolves.
 * Implemented by `src/store/` (JSON files, or memory for tests).
 */
export interface Store extends StoreReader {
  transact(apply: (tx: StoreTransaction) => void): Promise<void>;
  /** Waits for pending writes, releases the lock. */
  close(): Promise<void>;
}

/** The changes a transaction may make; synchronous, written together when `apply` returns. */
export interface StoreTransaction {
  /** Creates the chat state when missing; `update` mutates a draft. Returns the new state. */
  updateChat(chatId: string, update: (state: ChatState) => void): ChatState;
  /** Adds messages not already stored (by id), keeping the chat's history in time order. */
  appendMessages(chatId: string, messages: readonly ChatMessage[]): void;
  /** Marks ids as the newest processed ones; marking the same ids again changes nothing. */
  markProcessed(messageIds: readonly string[]): void;
  putPending(record: PendingReply): void;
  closePending(chatId: string): void;
  appendDialog(record: DialogRecord): void;
  increment(counter: CounterName, by?: number): void;
  setMeta(key: string, value: string): void;
}

// ───────────────────────────── Notifier and clock ─────────────────────────────

export type Notification =
  | { kind: 'answer'; chatId: string; listing?: Listing; question: string; answer: string; status: DialogStatus; sources: string[] }
  | { kind: 'escalation'; chatId: string; listing?: Listing; message: string; lastBotAnswer?: string }
  | { kind: 'takeover'; chatId: string; listing?: Listing; message: string }
  | { kind: 'non-text'; chatId: string; listing?: Listing; messageType: string; message: ChatMessage }
  | {
      kind: 'error';
      chatId?: string;
      message: string;
      /** What went wrong, for the seller's window: the same code is shown at most once an hour (per chat, when it has one). */
      code?: ErrorNoticeCode;
      /** Seconds-precision facts the notice names (the question's time, the failure count). */
      details?: Record<string, string | number>;
    };

export type ErrorNoticeCode = 'tariff-stub' | 'engine-failed' | 'stale-question' | 'avito-auth' | 'passes-failing' | 'control-unreadable';

/** Tells the seller what happened. Must never throw into the core nor delay it. */
export interface Notifier {
  notify(notification: Notification): void;
}

/** Times are epoch ms throughout, except Avito's own message times (unix seconds). */
export interface Clock {
  now(): number;
}
