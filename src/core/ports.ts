import type { AnswerStatus, ChatMessage, ChatSummary, DialogStatus, Listing } from './model.js';

export interface ListChatsOptions {
  unreadOnly?: boolean;
  chatTypes?: readonly string[];
  itemIds?: readonly number[];
  /** Stop paging once a page holds only chats updated before this unix second. */
  updatedSince?: number;
}

/** Every failure reaches the core as a `MessengerError`. */
export interface Messenger {
  getUserId(): Promise<number>;
  listChats(options?: ListChatsOptions): Promise<ChatSummary[]>;
  getChat(chatId: string): Promise<ChatSummary>;
  /** Newest first, as Avito returns them. */
  listMessages(chatId: string, options?: { limit?: number; offset?: number }): Promise<ChatMessage[]>;
  /** At most `AVITO_TEXT_LIMIT` characters. Never repeated after a failure that may have delivered it: that throws `MessengerError{ambiguous}`. */
  sendMessage(chatId: string, text: string): Promise<ChatMessage>;
  markRead(chatId: string): Promise<void>;
}

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
  /** ESCALATION: the engine read a request for a person the phrase detector missed (engines with a model). */
  status: AnswerStatus | 'ESCALATION';
  /** The answer for the buyer; empty when NOT_FOUND (the core sends FALLBACK_TEXT then). */
  text: string;
  sources: string[];
  engine: string;
  /** The listing's own documents, general ones, or general after the listing's failed. */
  strategy?: 'item' | 'general' | 'cascaded';
  latencyMs?: number;
  usage?: { inputTokens?: number; outputTokens?: number };
  /** The passages the answer quotes (local), or those given to the model (`cited` marks what it used), where the engine knows them. */
  passages?: RetrievedPassage[];
  /** The model that wrote the answer, as its server names it. */
  model?: string;
  /** Why a model's reply was not let through (the grounding check), for `ask` and the log. */
  refusal?: string;
  /**
   * NOT_FOUND (local): the question's words no document of the shop uses, as the buyer typed them (lower case, in order):
   * what the seller can add to a document, in these words. Absent when there are none, or the engine cannot tell.
   */
  unknownWords?: string[];
  /**
   * FOUND (local): the questions of the message the answer says nothing of, as the buyer typed them ("сим физ есть"): a
   * person answers them. NOT_FOUND (local): the message's questions, where a partial answer was withheld because a person
   * had to answer part of it anyway. Absent when the answer covers every question, or the engine cannot tell.
   */
  leftOut?: string[];
}

export interface SyncReport {
  documents: number;
  uploaded: number;
  replaced: number;
  unchanged: number;
  deleted: number;
  failed: Array<{ path: string; reason: string }>;
  skipped: Array<{ path: string; reason: string }>;
  /** Uploaded documents whose files are gone, kept without `prune`. */
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
  prune?: boolean;
  dryRun?: boolean;
  /** Ctrl-C: uploads under way finish, no new one starts. */
  signal?: AbortSignal;
  onProgress?: (event: { index: number; total: number; path: string; action: SyncChange['action'] }) => void;
}

export interface KnowledgeDocumentInfo {
  /** The file's path in the knowledge folder: the source answers cite. */
  displayName: string;
  scope: 'item' | 'general';
  itemId?: number;
  /** `indexed` for the local engine; Gemini's STATE_ACTIVE, STATE_PENDING or STATE_FAILED. */
  state: string;
  sizeBytes?: number;
  id?: string;
  managed?: boolean;
}

export interface RetrievedPassage {
  source: string;
  text: string;
  /** The document's title and the passage's headings, outermost first ("Кофемашина … › Цена"), where known. */
  heading?: string;
  /** Higher is better; comparable only within one retrieval. */
  score: number;
  scope: 'item' | 'general';
  itemId?: number;
  matched: string[];
  /** Weighted share (0..1) of the question's terms the passage holds, where the engine measures it. */
  coverage?: number;
  /** Given to a model: whether its answer cited this passage. */
  cited?: boolean;
}

/** Retrieval without generation: the listing's own documents first, then general ones. */
export interface KnowledgeRetriever {
  retrieve(query: KnowledgeQuery, options?: { limit?: number; signal?: AbortSignal }): Promise<RetrievedPassage[]>;
}

export interface KnowledgeEngine {
  readonly name: string;
  /** Throws `KnowledgeError` when it cannot answer at all (outage, timeout). */
  answer(query: KnowledgeQuery, options?: { signal?: AbortSignal }): Promise<KnowledgeAnswer>;
  sync(dir?: string, options?: SyncOptions): Promise<SyncReport>;
  listDocuments(options?: { signal?: AbortSignal }): Promise<KnowledgeDocumentInfo[]>;
}

export interface ChatState {
  chatId: string;
  /** Id and time of the newest buyer message a decision covered (answered, escalated, skipped). */
  lastHandledMessageId?: string;
  lastHandledAt?: number;
  /** Ids of messages the bot sent, newest last, bounded: how the bot knows its own echo. */
  botMessageIds: string[];
  pausedUntil?: number;
  pauseReason?: 'takeover' | 'manual';
  escalatedAt?: number;
  engineFailures?: number;
  recentReplies?: number[];
  listing?: Listing;
  buyerName?: string;
  lastActivityAt?: number;
  /** When `resume` was asked (this machine's clock): what the buyer wrote before it is the seller's. */
  resumedAt?: number;
  /** When the bot last replied: a buyer line typed while the reply was on its way sits before it, where no pass looks, so the next pass looks once more. */
  recheckAfter?: number;
  /**
   * Texts the bot sent again once the window of an earlier send of unknown fate had passed, newest last, bounded: that first copy may still
   * land, and is then the bot's own (the buyer reads it twice), not a seller's takeover nor another responder.
   */
  lateCopies?: string[];
}

/** Write-ahead record of a reply: stored before the send, closed after it. */
export interface PendingReply {
  id: string;
  chatId: string;
  inquiryMessageId: string;
  inquiryCreated: number;
  question: string;
  text: string;
  status: DialogStatus;
  sources: string[];
  sentIds: string[];
  createdAt: number;
  /** Set before every send, cleared when one is refused outright: a crash mid-send leaves it set, so a restart waits out the settle window. */
  sendingSince?: number;
  /** When a send failed without telling whether it reached Avito (timeout, reset). */
  ambiguousAt?: number;
  /** NOT_FOUND: the engine's `unknownWords`, kept so that the seller's notice names them after a restart too. */
  unknownWords?: string[];
  /** FOUND: the engine's `leftOut`, the questions a person must answer, kept for the seller's notice after a restart too. */
  leftOut?: string[];
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
  engineMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** The model that wrote the answer (engines with a model). */
  model?: string;
  /** Why the model's reply was not let through and the buyer got the fallback (the grounding check). */
  refusal?: string;
  /** FOUND: the buyer's questions the answer left to a person (KnowledgeAnswer.leftOut), for the dashboard. */
  leftOut?: string[];
}

export type CounterName =
  | 'messagesSeen'
  | 'repliesSent'
  | 'found'
  /** FOUND answers that left some of the buyer's questions to the seller (a part of `found`). */
  | 'partlyAnswered'
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

/** Every write is a transaction: what `apply` changes is visible to reads at once, and durable together, in one write, when the promise resolves. */
export interface Store extends StoreReader {
  /** Other processes write to this store too (Redis): a chat is written only under its lock (`Responder.exclusive`), or the write is refused. */
  readonly shared?: boolean;
  transact(apply: (tx: StoreTransaction) => void): Promise<void>;
  close(): Promise<void>;
}

/** Work on one chat that no other process does at once (a shared store's lease); the work sees the chat as the last one to hold it left it. */
export interface ChatLock {
  run<T>(chatId: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

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

export type Notification =
  | {
      kind: 'answer';
      chatId: string;
      listing?: Listing;
      question: string;
      answer: string;
      status: DialogStatus;
      sources: string[];
      /** NOT_FOUND: the question's words no document uses, where the engine names them (see KnowledgeAnswer). */
      unknownWords?: string[];
      /** FOUND: the buyer's questions the answer left out, for the seller to answer (see KnowledgeAnswer). */
      leftOut?: string[];
    }
  | { kind: 'escalation'; chatId: string; listing?: Listing; message: string; lastBotAnswer?: string }
  | { kind: 'takeover'; chatId: string; listing?: Listing; message: string }
  | { kind: 'non-text'; chatId: string; listing?: Listing; messageType: string; message: ChatMessage }
  | {
      kind: 'error';
      chatId?: string;
      message: string;
      /** The same code is shown at most once an hour (per chat, when it has one). */
      code?: ErrorNoticeCode;
      /** Facts the notice names (the question's time in unix seconds, the failure count). */
      details?: Record<string, string | number>;
    };

export type ErrorNoticeCode =
  | 'tariff-stub'
  | 'engine-failed'
  | 'stale-question'
  | 'avito-auth'
  | 'passes-failing'
  | 'another-responder'
  | 'control-unreadable'
  | 'account-reply-cap';

/** Tells the seller what happened. Must never throw into the core nor delay it. */
export interface Notifier {
  notify(notification: Notification): void;
}

/** Times are epoch ms throughout, except Avito's own message times (unix seconds). */
export interface Clock {
  now(): number;
}
