/**
 * The state journal (`<store>.state.jsonl`): how a transaction becomes durable without rewriting
 * the state document. Each transaction appends one line of absolute values, so its cost follows
 * the size of the change, not of the store. The state document is a snapshot that the journal is
 * folded into now and then; opening reads the snapshot and replays the lines written since.
 */
import type { ChatMessage } from '../core/model.js';
import type { StateSink, StoredDialog } from './document-store.js';
import { JournalWriter } from './journal.js';
import type { StateEntry } from './schema.js';

/** Where a folded journal's messages and dialog records go: the history and dialog journals. */
export interface CarriedSink {
  /** Resolves once the records are durable. */
  append(records: readonly unknown[]): Promise<void>;
}

/** Lines after which the journal is folded into a new snapshot. */
export const DEFAULT_STATE_JOURNAL_MAX_LINES = 2_000;

/** Bytes after which the journal is folded into a new snapshot. */
export const DEFAULT_STATE_JOURNAL_MAX_BYTES = 4 * 1024 * 1024;

/** What a `StateJournal` needs besides its path. */
export interface StateJournalOptions {
  /** Writes the state document, atomically, as it is in memory when called. */
  writeSnapshot: () => Promise<void>;
  maxLines: number;
  maxBytes: number;
  history: CarriedSink;
  dialogs: CarriedSink;
}

/**
 * Appends transactions to the journal and folds it into a snapshot once it passes `maxLines` or
 * `maxBytes`, and at close. A line also carries the transaction's new messages and dialog
 * records, so that a transaction is one write; folding first moves those to the history and
 * dialog journals, then writes the snapshot, and empties the journal last. A crash in between
 * leaves lines that replay to nothing new: state lines hold absolute values, a message already in
 * the history is known by its id, and a dialog record by its number.
 * The fold after a threshold runs in the background (the transaction that crossed it is already
 * durable); appends wait for it, since the journal can only be emptied whole.
 */
export class StateJournal implements StateSink {
  readonly path: string;
  readonly #writer: JournalWriter;
  readonly #writeSnapshot: () => Promise<void>;
  readonly #history: CarriedSink;
  readonly #dialogs: CarriedSink;
  /** What the lines written since the last fold carried, to be moved at the next one. */
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

  /** Hands over what replayed lines carried that their journals lack, for the next fold to move. */
  restore(carried: { messages: readonly ChatMessage[]; dialogs: readonly StoredDialog[] }): void {
    this.#carried.messages.push(...carried.messages);
    this.#carried.dialogs.push(...carried.dialogs);
  }

  /** Writes a snapshot and empties the journal; when the snapshot fails, the journal stays whole. */
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

  /** Folds what the journal holds into the snapshot, then closes the file. */
  async close(): Promise<void> {
    await this.#folding;
    if (this.#writer.lines > 0 || this.#stale) {
      // Best effort: every change the caller was told is durable is in the journal, which the
      // next open replays; a failure here loses nothing, so it does not fail the close.
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

  #startFold(): void {
    this.#folding ??= this.saveSnapshot()
      .catch(() => {
        // The journal still holds everything. Retrying at every append would rewrite the
        // snapshot per transaction while the disk is failing; retry after as much again.
        this.#foldAtLines = this.#writer.lines + this.#maxLines;
        this.#foldAtBytes = this.#writer.size + this.#maxBytes;
      })
      .finally(() => {
        this.#folding = undefined;
      });
  }
}
