/**
 * The state document's shape and its forward migrations. History and dialogs are not here:
 * they live in append-only journals beside it, so writing state never grows with them.
 */
import { StoreError } from '../errors.js';
import type { ChatState, CounterName, PendingReply } from '../core/ports.js';
import { createCorruptError } from './fs-errors.js';

/** Every counter the store keeps, in display order. */
export const COUNTER_NAMES: readonly CounterName[] = [
  'messagesSeen',
  'repliesSent',
  'found',
  'notFound',
  'escalations',
  'takeovers',
  'nonText',
  'engineFailures',
  'errors',
];

/** The state document as it sits in STORE_PATH. */
export interface StateDoc {
  schemaVersion: number;
  chats: Record<string, ChatState>;
  /** Ids of messages already handled, oldest first, bounded by `processedLimit`. */
  processed: string[];
  /** Write-ahead reply records, at most one per chat. */
  pending: Record<string, PendingReply>;
  counters: Partial<Record<CounterName, number>>;
  /** Small cached facts, e.g. the account's `user_id`. */
  meta: Record<string, string>;
}

type RawDoc = Record<string, unknown>;

/**
 * `MIGRATIONS[n]` upgrades a version-n document to version n+1. Never edit a shipped step:
 * append a new one, so any older file on a user's disk still has a path to the newest shape.
 */
const MIGRATIONS: ReadonlyArray<(doc: RawDoc) => RawDoc> = [
  // 0 → 1: files from before versioning; fill in sections they may lack.
  (doc) => ({
    ...doc,
    chats: doc.chats ?? {},
    processed: doc.processed ?? [],
    pending: doc.pending ?? {},
    counters: doc.counters ?? {},
    meta: doc.meta ?? {},
  }),
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** A fresh, empty state document. */
export function createEmptyState(): StateDoc {
  return { schemaVersion: SCHEMA_VERSION, chats: {}, processed: [], pending: {}, counters: {}, meta: {} };
}

/** What `upgradeState` found: the current-version document and the version it was stored in. */
export interface UpgradedState {
  doc: StateDoc;
  fromVersion: number;
}

/**
 * Brings a parsed state file to `SCHEMA_VERSION`. A missing `schemaVersion` means version 0.
 * Throws `StoreError{reason:'schema'}` for a file from a newer avito-ai and
 * `StoreError{reason:'corrupt'}` for one whose shape is wrong.
 */
export function upgradeState(raw: unknown, path: string): UpgradedState {
  if (!isRecord(raw)) throw createCorruptError(path, 'the top level is not a JSON object');
  const fromVersion = raw.schemaVersion ?? 0;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    throw createCorruptError(path, `schemaVersion ${JSON.stringify(raw.schemaVersion)} is not a version number`);
  }
  if (fromVersion > SCHEMA_VERSION) {
    throw new StoreError(
      `${path} was written by a newer avito-ai (store schema version ${fromVersion}; this version knows up to ${SCHEMA_VERSION})`,
      path,
      'schema',
      { hint: 'upgrade avito-ai (npm install -g avito-ai@latest); the file was left untouched' },
    );
  }
  let doc = raw;
  for (let version = fromVersion; version < SCHEMA_VERSION; version += 1) {
    const migrate = MIGRATIONS[version];
    if (migrate === undefined) break;
    doc = { ...migrate(doc), schemaVersion: version + 1 };
  }
  return { doc: validateState(doc, path), fromVersion };
}

/** Checks the sections the store relies on; the records inside are trusted (only we write them). */
function validateState(doc: RawDoc, path: string): StateDoc {
  for (const key of ['chats', 'pending', 'counters', 'meta'] as const) {
    if (!isRecord(doc[key])) throw createCorruptError(path, `"${key}" is not an object`);
  }
  const processed = doc.processed;
  if (!Array.isArray(processed) || !processed.every((id) => typeof id === 'string')) {
    throw createCorruptError(path, '"processed" is not a list of message ids');
  }
  for (const [chatId, chat] of Object.entries(doc.chats as RawDoc)) {
    if (!isRecord(chat) || !Array.isArray(chat.botMessageIds)) {
      throw createCorruptError(path, `chat ${JSON.stringify(chatId)} has no botMessageIds list`);
    }
  }
  return doc as unknown as StateDoc;
}

function isRecord(value: unknown): value is RawDoc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
