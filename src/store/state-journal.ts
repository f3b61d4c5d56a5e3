/** The state journal (`<store>.state.jsonl`): one line per transaction, so a write costs the change, not the store. */
import type { ChatMessage } from '../core/model.js';
import type { StateSink, StoredDialog } from './document-store.js';
import { JournalWriter } from './journal.js';
import type { StateEntry } from './schema.js';

export interface CarriedSink {
  append(records: readonly unknown[]): Promise<void>;
}

export const DEFAULT_STATE_JOURNAL_MAX_LINES = 2_000;
export const DEFAULT_STATE_JOURNAL_MAX_BYTES = 4 * 1024 * 1024;

export interface StateJournalOptions {
  /** Writes the state document, atomically, as it is in memory when called. */
  writeSnapshot: () => Promise<void>;
  maxLines: number;
  maxBytes: number;
  history: CarriedSink;
  dialogs: CarriedSink;
}

/** A line also carries the transaction's new messages and dialogs (one write); a fold moves them, writes the snapshot, empties the journal last: a crash between replays nothing new. */
export class StateJournal implements StateSink {
  readonly path: string;
  readonly #writer: JournalWriter;
  readonly #writeSnapshot: () => Promise<void>;
  readonly #history: CarriedSink;
  readonly #dialogs: CarriedSink;
  #carried: { messages: ChatMessage[]; dialogs: StoredDialog[] } = { messages: [], dialogs: [] };
  readonly #maxLines: number;
  readonly #maxBytes: number;
  /** When to fold next: the limits, or further out after a fold failed. */
  #foldAtLines: number;
  #foldAtBytes: number;
  /** A failed append left a change in memory that no line holds: only a snapshot can save it. */
  #stale = false;
  #folding: Promise<void> | undefined;

  constructor(path: string, options: StateJournalOptions) {
    this.path = path;
    this.#writer = new JournalWriter(path, { onWritten: (entries) => this.#carry(entries as StateEntry[]) });
    this.#writeSnapshot = options.writeSnapshot;
    this.#history = options.history;
    this.#dialogs = options.dialogs;
    this.#maxLines = options.maxLines;
    this.#maxBytes = options.maxBytes;
    this.#foldAtLines = options.maxLines;
    this.#foldAtBytes = options.maxBytes;
  }

  async append(entry: StateEntry): Promise<void> {
    try {
      await this.#writer.append([entry]);
    } catch (error) {
      this.#stale = true;
      throw error;
    }
    if (this.#stale || this.#writer.lines >= this.#foldAtLines || this.#writer.size >= this.#foldAtBytes) this.#startFold();
  }

  /** Takes what replayed lines carried that their journals lack, for the next fold to move. */
  restore(carried: { messages: readonly ChatMessage[]; dialogs: readonly StoredDialog[] }): void {
    this.#carried.messages.push(...carried.messages);
    this.#carried.dialogs.push(...carried.dialogs);
  }

  async saveSnapshot(): Promise<void> {
    const stale = this.#stale;
    this.#stale = false;
    try {
      await this.#writer.reset(async () => {
        await this.#moveCarried();
        await this.#writeSnapshot();
      });
    } catch (error) {
      this.#stale ||= stale;
      throw error;
    }
    this.#foldAtLines = this.#maxLines;
    this.#foldAtBytes = this.#maxBytes;
  }

  async close(): Promise<void> {
    await this.#folding;
    if (this.#writer.lines > 0 || this.#stale) {
      // Best effort: every change reported durable is in the journal, which the next open replays.
      await this.saveSnapshot().catch(() => undefined);
    }
    await this.#writer.close();
  }

  #carry(entries: readonly StateEntry[]): void {
    for (const entry of entries) {
      if (entry.messages) this.#carried.messages.push(...entry.messages);
      if (entry.dialogs) this.#carried.dialogs.push(...entry.dialogs);
    }
  }

  /** Each list is forgotten once its journal holds it, so a failed snapshot never moves it twice. */
  async #moveCarried(): Promise<void> {
    const { messages, dialogs } = this.#carried;
    if (messages.length > 0) {
      await this.#history.append(messages);
      this.#carried.messages = [];
    }
    if (dialogs.length > 0) {
      await this.#dialogs.append(dialogs);
      this.#carried.dialogs = [];
    }
  }

  /** In the background (the transaction that crossed the limit is durable); appends wait, as the journal empties whole. */
  #startFold(): void {
    this.#folding ??= this.saveSnapshot()
      .catch(() => {
        // The journal still holds everything; retrying at every append would rewrite the snapshot per transaction while the disk fails, so retry after as much again.
        this.#foldAtLines = this.#writer.lines + this.#maxLines;
        this.#foldAtBytes = this.#writer.size + this.#maxBytes;
      })
      .finally(() => {
        this.#folding = undefined;
      });
  }
}
