import { Low, Memory } from 'lowdb';
import { DEFAULT_LIMITS, DocumentStore } from './document-store.js';
import type { StateSink, StoreLimits } from './document-store.js';
import { createEmptyState } from './schema.js';
import type { StateDoc } from './schema.js';

/** The document in memory is all there is: no journal to append to, no snapshot to write. */
const discardState: StateSink = { append: () => Promise.resolve(), saveSnapshot: () => Promise.resolve() };

/** The JSON store's logic without files, for the core's unit tests. */
export function createMemoryStore(limits: Partial<StoreLimits> = {}): DocumentStore {
  return new DocumentStore({
    db: new Low<StateDoc>(new Memory<StateDoc>(), createEmptyState()),
    limits: {
      historyLimit: limits.historyLimit ?? DEFAULT_LIMITS.historyLimit,
      historyTotalLimit: limits.historyTotalLimit ?? DEFAULT_LIMITS.historyTotalLimit,
      processedLimit: limits.processedLimit ?? DEFAULT_LIMITS.processedLimit,
      dialogLimit: limits.dialogLimit ?? DEFAULT_LIMITS.dialogLimit,
    },
    stateJournal: discardState,
    path: ':memory:',
  });
}
