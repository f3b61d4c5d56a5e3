/** The JSON store: `openStore` for the app, `createMemoryStore` for tests. */
export { openStore, resolveStorePaths, JsonStore, DEFAULT_DIALOG_JOURNAL_MAX_BYTES } from './json-store.js';
export type { OpenStoreOptions, StorePaths } from './json-store.js';
export { DEFAULT_STATE_JOURNAL_MAX_BYTES, DEFAULT_STATE_JOURNAL_MAX_LINES } from './state-journal.js';
export { createMemoryStore } from './memory-store.js';
export { DocumentStore, DEFAULT_LIMITS } from './document-store.js';
export type { StoreLimits, StoreStats } from './document-store.js';
export { SecureJsonFile } from './secure-json-file.js';
export { SCHEMA_VERSION } from './schema.js';
export { inspectLock } from './lock-file.js';
export type { LockOwner } from './lock-file.js';
