/** The store's logic; the JSON-file and in-memory stores differ only in the lowdb adapter and the state sink. */
import type { Low } from 'lowdb';
import { StoreError } from '../errors.js';
import type { ChatMessage } from '../core/model.js';
import type { ChatState, CounterName, DialogRecord, PendingReply, Store, StoreTransaction } from '../core/ports.js';
import { ChatHistory } from './chat-history.js';
import { COUNTER_NAMES, SCHEMA_VERSION } from './schema.js';
import type { StateDoc, StateEntry } from './schema.js';

export interface StateSink {
  /** Makes one transaction durable in one write; `entry` is serialized before this returns. `increments` are the counters' changes (a shared store adds them, it cannot take absolute values). */
  append(entry: StateEntry, increments: Partial<Record<CounterName, number>>): Promise<void>;
  saveSnapshot(): Promise<void>;
}

export interface StoreLimits {
  historyLimit: number;
  /** Across all chats; past it the chats touched longest ago are forgotten whole (the responder re-reads Avito anyway). */
  historyTotalLimit: number;
  processedLimit: number;
  dialogLimit: number;
}

export const DEFAULT_LIMITS: StoreLimits = { historyLimit: 100, historyTotalLimit: 20_000, processedLimit: 20_000, dialogLimit: 1_000 };

export interface StoreStats {
  chats: number;
  messages: number;
  processedIds: number;
  pending: number;
}

export interface DocumentStoreParts {
  db: Low<StateDoc>;
  limits: StoreLimits;
  stateJournal: StateSink;
  path: string;
  readOnly?: boolean;
  /** Runs at the end of `close()`, after every write: flush files, release the lock. */
  onClose?: () => Promise<void>;
}

/** What a transaction changed, by key: the journal line takes the final values from memory. */
interface Touched {
  chats: Set<string>;
  /** Ids in the order they were marked, only from calls that changed something. */
  processed: string[];
  pending: Set<string>;
  counters: Set<CounterName>;
  meta: Set<string>;
  messages: ChatMessage[];
  dialogs: Array<{ record: DialogRecord; seq: number }>;
  increments: Partial<Record<CounterName, number>>;
  /** What each changed value replaced, by undo key (`chat:<id>`, `processed:<id>`, ...). */
  undo: Map<string, Undo>;
}

/** The value a change replaced, kept until the change's write settles. */
interface Undo {
  prior: unknown;
  /** A later change to the same value was written: that line holds the value now. */
  superseded?: boolean;
}

/** A dialog record as its journal line holds it: numbered, so a replay never logs it twice. */
export type StoredDialog = DialogRecord & { seq: number };

/** Reads hand out copies, so a caller cannot change stored state except through a transaction. */
export class DocumentStore implements Store {
  readonly #db: Low<StateDoc>;
  readonly #limits: StoreLimits;
  readonly #stateJournal: StateSink;
  readonly #path: string;
  readonly #readOnly: boolean;
  readonly #onClose: (() => Promise<void>) | undefined;
  /** In the order the chats were last appended to: the first is the one to forget first. */
  readonly #histories = new Map<string, ChatHistory>();
  #keptMessages = 0;
  readonly #processed: Set<string>;
  /** Per key, unsettled changes oldest first: a failed write restores the value its change replaced, unless a later change built on it, which then inherits it. */
  readonly #unsettled = new Map<string, Undo[]>();
  /** Oldest first, at most `dialogLimit`. */
  readonly #dialogs: DialogRecord[] = [];
  readonly #writes = new Set<Promise<unknown>>();
  #closing: Promise<void> | undefined;

  constructor(parts: DocumentStoreParts) {
    this.#db = parts.db;
    this.#limits = parts.limits;
    this.#stateJournal = parts.stateJournal;
    this.#path = parts.path;
    this.#readOnly = parts.readOnly ?? false;
    this.#onClose = parts.onClose;
    const processed = this.#db.data.processed;
    // A lower processedLimit than the file was written with applies from now on.
    if (processed.length > this.#limits.processedLimit) processed.splice(0, processed.length - this.#limits.processedLimit);
    this.#processed = new Set(processed);
  }

  /** Replays a line while opening; returns what it carried that its journals lack, for the next fold to move there. */
  restoreState(entry: StateEntry, movedDialogsUpTo: number): { messages: ChatMessage[]; dialogs: StoredDialog[] } {
    const data = this.#db.data;
    this.#applyValues(entry);
    for (const [name, value] of Object.entries(entry.counters ?? {})) data.counters[name as CounterName] = value;
    const messages = (entry.messages ?? []).filter((message) => this.restoreMessage(message));
    const dialogs = (entry.dialogs ?? []).filter((record) => record.seq > movedDialogsUpTo);
    for (const record of dialogs) this.restoreDialog(record);
    return { messages, dialogs };
  }

  /** Applies another process's transaction (a shared store's replica): values as written, counters by what it added. */
  applyShared(entry: StateEntry, increments: Partial<Record<CounterName, number>>): void {
    const data = this.#db.data;
    this.#applyValues(entry);
    for (const [name, by] of Object.entries(increments)) data.counters[name as CounterName] = (data.counters[name as CounterName] ?? 0) + by;
    for (const message of entry.messages ?? []) this.restoreMessage(message);
    for (const { seq: _seq, ...record } of entry.dialogs ?? []) this.#pushDialog(record);
  }

  /** What a line sets outright, the same from a journal or from another process: chat states, processed ids, write-ahead records, meta. */
  #applyValues(entry: StateEntry): void {
    const data = this.#db.data;
    for (const state of entry.chats ?? []) data.chats[state.chatId] = state;
    if (entry.processed !== undefined) this.#applyProcessed(entry.processed);
    for (const record of entry.pending ?? []) data.pending[record.chatId] = record;
    for (const chatId of entry.closed ?? []) delete data.pending[chatId];
    for (const [key, value] of entry.meta ?? []) data.meta[key] = value;
  }

  restoreMessage(message: ChatMessage): boolean {
    const history = this.#touchHistory(message.chatId);
    const before = history.size;
    const added = history.add(message);
    this.#keptMessages += history.size - before;
    this.#forgetIdleHistories(message.chatId);
    return added;
  }

  /** Oldest first. */
  restoreDialog(record: DialogRecord & { seq?: number }): void {
    const { seq, ...dialog } = record;
    if (seq !== undefined && seq > (this.#db.data.dialogSeq ?? 0)) this.#db.data.dialogSeq = seq;
    this.#pushDialog(dialog);
  }

  *listKeptMessages(): Iterable<ChatMessage> {
    for (const history of this.#histories.values()) yield* history.list();
  }

  async saveState(): Promise<void> {
    this.#assertWritable();
    await this.#track(this.#stateJournal.saveSnapshot());
  }

  getChat(chatId: string): ChatState | undefined {
    const state = this.#db.data.chats[chatId];
    return state === undefined ? undefined : structuredClone(state);
  }

  listChats(): ChatState[] {
    return Object.values(this.#db.data.chats).map((state) => structuredClone(state));
  }

  forEachChat(visit: (state: Readonly<ChatState>) => void): void {
    // No copies: counting 100k chats must not hold the event loop (webhook acks wait on it).
    for (const state of Object.values(this.#db.data.chats)) visit(state);
  }

  getHistory(chatId: string, limit?: number): ChatMessage[] {
    return (this.#histories.get(chatId)?.list(limit) ?? []).map(copyMessage);
  }

  isProcessed(messageId: string): boolean {
    return this.#processed.has(messageId);
  }

  getPending(chatId: string): PendingReply | undefined {
    const record = this.#db.data.pending[chatId];
    return record === undefined ? undefined : structuredClone(record);
  }

  listPending(): PendingReply[] {
    return Object.values(this.#db.data.pending).map((record) => structuredClone(record));
  }

  recentDialogs(limit: number, offset = 0): DialogRecord[] {
    const kept = Math.min(this.#dialogs.length, this.#limits.dialogLimit);
    const end = this.#dialogs.length - Math.max(0, offset);
    const start = Math.max(this.#dialogs.length - kept, end - limit);
    if (limit <= 0 || end <= start) return [];
    return this.#dialogs
      .slice(start, end)
      .reverse()
      .map((record) => structuredClone(record));
  }

  counters(): Record<CounterName, number> {
    const stored = this.#db.data.counters;
    return Object.fromEntries(COUNTER_NAMES.map((name) => [name, stored[name] ?? 0])) as Record<CounterName, number>;
  }

  getMeta(key: string): string | undefined {
    return Object.hasOwn(this.#db.data.meta, key) ? this.#db.data.meta[key] : undefined;
  }

  /** `apply`'s changes as ONE journal line, even those made before it throws (memory and disk must not part); a failed write rolls them back, so a retry writes them, not skips them. */
  async transact(apply: (tx: StoreTransaction) => void): Promise<void> {
    this.#assertWritable();
    const touched: Touched = { chats: new Set(), processed: [], pending: new Set(), counters: new Set(), meta: new Set(), messages: [], dialogs: [], increments: {}, undo: new Map() };
    let failure: { error: unknown } | undefined;
    try {
      apply(this.#createTransaction(touched));
    } catch (error) {
      failure = { error };
    }
    const entry = this.#describeChanges(touched);
    try {
      if (entry !== undefined) await this.#track(this.#stateJournal.append(entry, touched.increments));
    } catch (error) {
      this.#settle(touched, false);
      this.#takeBack(touched);
      throw error;
    }
    this.#settle(touched, true);
    if (failure) throw failure.error;
  }

  #createTransaction(touched: Touched): StoreTransaction {
    const data = this.#db.data;
    const remember = (key: string, prior: () => unknown): void => {
      if (touched.undo.has(key)) return;
      const undo = { prior: prior() };
      touched.undo.set(key, undo);
      this.#unsettled.set(key, [...(this.#unsettled.get(key) ?? []), undo]);
    };
    return {
      updateChat: (chatId, update) => {
        remember(`chat:${chatId}`, () => data.chats[chatId]);
        touched.chats.add(chatId);
        return structuredClone(this.#applyChat(chatId, update));
      },
      appendMessages: (chatId, messages) => {
        touched.messages.push(...this.#applyMessages(chatId, messages));
      },
      markProcessed: (ids) => {
        for (const id of ids) remember(`processed:${id}`, () => this.#processed.has(id));
        if (this.#applyProcessed(ids)) touched.processed.push(...ids);
      },
      putPending: (record) => {
        remember(`pending:${record.chatId}`, () => data.pending[record.chatId]);
        touched.pending.add(record.chatId);
        data.pending[record.chatId] = structuredClone(record);
      },
      closePending: (chatId) => {
        if (!Object.hasOwn(data.pending, chatId)) return;
        remember(`pending:${chatId}`, () => data.pending[chatId]);
        touched.pending.add(chatId);
        delete data.pending[chatId];
      },
      appendDialog: (record) => {
        const stored = structuredClone(record);
        this.#pushDialog(stored);
        data.dialogSeq = (data.dialogSeq ?? 0) + 1;
        touched.dialogs.push({ record: stored, seq: data.dialogSeq });
      },
      increment: (counter, by = 1) => {
        if (by === 0) return;
        remember(`counter:${counter}`, () => data.counters[counter]);
        touched.counters.add(counter);
        touched.increments[counter] = (touched.increments[counter] ?? 0) + by;
        data.counters[counter] = (data.counters[counter] ?? 0) + by;
      },
      setMeta: (key, value) => {
        if (this.getMeta(key) === value) return;
        remember(`meta:${key}`, () => this.getMeta(key));
        touched.meta.add(key);
        data.meta[key] = value;
      },
    };
  }

  /** From the final values (a chat updated twice is written once); `undefined` when nothing changed. */
  #describeChanges(touched: Touched): StateEntry | undefined {
    const data = this.#db.data;
    const { chats, processed, pending, counters, meta, messages, dialogs } = touched;
    if (chats.size + processed.length + pending.size + counters.size + meta.size + messages.length + dialogs.length === 0) return undefined;
    const entry: StateEntry = { v: SCHEMA_VERSION };
    if (chats.size > 0) entry.chats = [...chats].map((chatId) => data.chats[chatId]!);
    if (processed.length > 0) entry.processed = processed;
    const put = [...pending].filter((chatId) => Object.hasOwn(data.pending, chatId));
    const closed = [...pending].filter((chatId) => !Object.hasOwn(data.pending, chatId));
    if (put.length > 0) entry.pending = put.map((chatId) => data.pending[chatId]!);
    if (closed.length > 0) entry.closed = closed;
    if (counters.size > 0) entry.counters = Object.fromEntries([...counters].map((name) => [name, data.counters[name] ?? 0]));
    if (meta.size > 0) entry.meta = [...meta].map((key) => [key, data.meta[key]!]);
    if (messages.length > 0) entry.messages = messages;
    if (dialogs.length > 0) entry.dialogs = dialogs.map(({ record, seq }) => ({ ...record, seq }));
    return entry;
  }

  /**
   * Ends the transaction's claim on the values it changed. After a failed write memory must not hold what the disk does not (an unsaved write-ahead record must not be acted on):
   * each value goes back to what it replaced, or a later change built on it inherits that; a value a later change already wrote stays (that line holds it).
   */
  #settle(touched: Touched, written: boolean): void {
    for (const [key, undo] of touched.undo) {
      const chain = this.#unsettled.get(key) ?? [];
      const index = chain.indexOf(undo);
      const later = chain[index + 1];
      if (written) {
        for (const earlier of chain.slice(0, index)) earlier.superseded = true;
      } else if (!undo.superseded) {
        if (later) later.prior = undo.prior;
        else this.#restore(key, undo.prior);
      }
      chain.splice(index, 1);
      if (chain.length === 0) this.#unsettled.delete(key);
    }
  }

  #restore(key: string, prior: unknown): void {
    const data = this.#db.data;
    const split = key.indexOf(':');
    const [kind, id] = [key.slice(0, split), key.slice(split + 1)];
    const put = <V>(map: Record<string, V>): void => {
      if (prior === undefined) delete map[id];
      else map[id] = prior as V;
    };
    if (kind === 'chat') put(data.chats);
    else if (kind === 'pending') put(data.pending);
    else if (kind === 'counter') put(data.counters);
    else if (kind === 'meta') put(data.meta);
    else if (kind === 'processed' && prior === false && this.#processed.delete(id)) {
      const index = data.processed.lastIndexOf(id);
      if (index !== -1) data.processed.splice(index, 1);
    }
  }

  #takeBack(touched: Touched): void {
    for (const message of touched.messages) {
      const history = this.#histories.get(message.chatId);
      if (history?.remove(message.id)) this.#keptMessages -= 1;
      if (history?.size === 0) this.#histories.delete(message.chatId);
    }
    for (const { record } of touched.dialogs) {
      const index = this.#dialogs.lastIndexOf(record);
      if (index !== -1) this.#dialogs.splice(index, 1);
    }
  }

  #applyChat(chatId: string, update: (state: ChatState) => void): ChatState {
    const current = this.#db.data.chats[chatId];
    // A draft, so an update that throws halfway leaves the stored state as it was.
    const draft: ChatState = current === undefined ? { chatId, botMessageIds: [] } : structuredClone(current);
    update(draft);
    draft.chatId = chatId;
    this.#db.data.chats[chatId] = draft;
    return draft;
  }

  #applyMessages(chatId: string, messages: readonly ChatMessage[]): ChatMessage[] {
    const history = this.#touchHistory(chatId);
    const before = history.size;
    // Filed under the chat it was appended to, whatever its own chatId says.
    const added = messages.filter((message) => !history.has(message.id)).map((message) => ({ ...structuredClone(message), chatId })).filter((message) => history.add(message));
    this.#keptMessages += history.size - before;
    if (added.length > 0) this.#forgetIdleHistories(chatId);
    return added;
  }

  /** An id marked again becomes the newest again, so marking the same ids twice changes nothing, even past the limit. */
  #applyProcessed(messageIds: readonly string[]): boolean {
    const newest = [...new Set([...messageIds].reverse())].reverse();
    const processed = this.#db.data.processed;
    const tail = processed.slice(-newest.length);
    if (newest.length === 0 || (tail.length === newest.length && tail.every((id, index) => id === newest[index]))) return false;
    const marked = new Set(newest);
    if (newest.some((id) => this.#processed.has(id))) {
      const kept = processed.filter((id) => !marked.has(id));
      processed.splice(0, processed.length, ...kept);
    }
    processed.push(...newest);
    for (const id of newest) this.#processed.add(id);
    this.#trimProcessed();
    return true;
  }

  stats(): StoreStats {
    const chatIds = new Set([...Object.keys(this.#db.data.chats), ...this.#histories.keys()]);
    return {
      chats: chatIds.size,
      messages: this.#keptMessages,
      processedIds: this.#processed.size,
      pending: Object.keys(this.#db.data.pending).length,
    };
  }

  close(): Promise<void> {
    this.#closing ??= this.#finish();
    return this.#closing;
  }

  async #finish(): Promise<void> {
    // Writes already started are awaited (their callers see their failures); new ones are refused.
    while (this.#writes.size > 0) await Promise.allSettled([...this.#writes]);
    await this.#onClose?.();
  }

  #assertWritable(): void {
    if (this.#readOnly) {
      throw new StoreError(`${this.#path} is open read-only`, this.#path, 'io', {
        hint: 'only the running avito-ai process writes to the store',
      });
    }
    if (this.#closing !== undefined) {
      throw new StoreError(`${this.#path} is closed`, this.#path, 'io', { hint: 'open the store again to write to it' });
    }
  }

  async #track<T>(write: Promise<T>): Promise<T> {
    this.#writes.add(write);
    try {
      return await write;
    } finally {
      this.#writes.delete(write);
    }
  }

  #touchHistory(chatId: string): ChatHistory {
    let history = this.#histories.get(chatId);
    if (history === undefined) history = new ChatHistory(this.#limits.historyLimit);
    else this.#histories.delete(chatId);
    this.#histories.set(chatId, history);
    return history;
  }

  #forgetIdleHistories(keep: string): void {
    for (const [chatId, history] of this.#histories) {
      if (this.#keptMessages <= this.#limits.historyTotalLimit || chatId === keep) return;
      this.#histories.delete(chatId);
      this.#keptMessages -= history.size;
    }
  }

  #pushDialog(record: DialogRecord): void {
    this.#dialogs.push(record);
    // Trimmed in bulk: shifting one record per append would be O(limit) each time.
    if (this.#dialogs.length > this.#limits.dialogLimit * 2) this.#dialogs.splice(0, this.#dialogs.length - this.#limits.dialogLimit);
  }

  #trimProcessed(): void {
    const processed = this.#db.data.processed;
    const excess = processed.length - this.#limits.processedLimit;
    if (excess <= 0) return;
    for (const id of processed.splice(0, excess)) this.#processed.delete(id);
  }
}

/** A message's copy for a reader: its fields and its content's, which is all a reader may change. */
function copyMessage(message: ChatMessage): ChatMessage {
  return message.content === undefined ? { ...message } : { ...message, content: { ...message.content } };
}
