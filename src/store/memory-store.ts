/** An in-memory `Store` with the JSON store's semantics, for the core's unit tests. */
import { Low, Memory } from 'lowdb';
import { DEFAULT_LIMITS, DocumentStore } from './document-store.js';
import type { JournalSink, StoreLimits } from './document-store.js';
import { createEmptyState } from './schema.js';
import type { StateDoc } from './schema.js';

const discard: JournalSink = { append: () => Promise.resolve() };

/** A store that lives and dies with the process: same logic as `openStore`, no files. */
export function createMemoryStore(limits: Partial<StoreLimits> = {}): DocumentStore {
  return new DocumentStore({
    db: new Low<StateDoc>(new Memory<StateDoc>(), createEmptyState()),
    limits: {
      historyLimit: limits.historyLimit ?? DEFAULT_LIMITS.historyLimit,
      processedLimit: limits.processedLimit ?? DEFAULT_LIMITS.processedLimit,
      dialogLimit: limits.dialogLimit ?? DEFAULT_LIMITS.dialogLimit,
    },
    historyJournal: discard,
    dialogJournal: discard,
    path: ':memory:',
  });
}
