/** The state document and its migrations; history and dialogs live in journals, so writing state never grows with them. */
import { StoreError } from '../errors.js';
import type { ChatMessage } from '../core/model.js';
import type { ChatState, CounterName, DialogRecord, PendingReply } from '../core/ports.js';
import { createCorruptError } from './fs-errors.js';
import { storeText } from '../messages/store.js';

/** Every counter the store keeps, in display order. */
export const COUNTER_NAMES: readonly CounterName[] = [
  'messagesSeen',
  'repliesSent',
  'found',
  'partlyAnswered',
  'notFound',
  'escalations',
  'takeovers',
  'nonText',
  'engineFailures',
  'errors',
];

export interface StateDoc {
  schemaVersion: number;
  chats: Record<string, ChatState>;
  /** Oldest first. */
  processed: string[];
  pending: Record<string, PendingReply>;
  counters: Partial<Record<CounterName, number>>;
  meta: Record<string, string>;
  /** The number of the newest dialog record, so a replayed one is never logged twice. */
  dialogSeq?: number;
}

/** Absolute values, never deltas: replaying a line the snapshot holds changes nothing, so a crash may fall mid-fold. Lists, not maps: no key becomes `__proto__`. */
export interface StateEntry {
  /** The schema version the line was written in. */
  v: number;
  chats?: ChatState[];
  processed?: string[];
  pending?: PendingReply[];
  closed?: string[];
  counters?: Partial<Record<CounterName, number>>;
  meta?: Array<[string, string]>;
  messages?: ChatMessage[];
  dialogs?: Array<DialogRecord & { seq: number }>;
}

type RawDoc = Record<string, unknown>;

/** `MIGRATIONS[n]` upgrades version n to n+1. Never edit a shipped step: an older file on a user's disk needs its path. */
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

export const SCHEMA_VERSION = MIGRATIONS.length;

export function createEmptyState(): StateDoc {
  return { schemaVersion: SCHEMA_VERSION, chats: {}, processed: [], pending: {}, counters: {}, meta: {} };
}

export interface UpgradedState {
  doc: StateDoc;
  fromVersion: number;
}

/** A missing `schemaVersion` means 0; a newer one throws 'schema', a wrong shape 'corrupt'. */
export function upgradeState(raw: unknown, path: string): UpgradedState {
  if (!isRecord(raw)) throw createCorruptError(path, storeText().topLevelNotObject);
  const fromVersion = raw.schemaVersion ?? 0;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    throw createCorruptError(path, storeText().schemaVersionInvalid(JSON.stringify(raw.schemaVersion)));
  }
  if (fromVersion > SCHEMA_VERSION) {
    throw new StoreError(storeText().newerSchema(path, fromVersion, SCHEMA_VERSION), path, 'schema', { hint: storeText().newerSchemaHint });
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
    if (!isRecord(doc[key])) throw createCorruptError(path, storeText().sectionNotObject(key));
  }
  const processed = doc.processed;
  if (!Array.isArray(processed) || !processed.every((id) => typeof id === 'string')) {
    throw createCorruptError(path, storeText().processedNotList);
  }
  for (const [chatId, chat] of Object.entries(doc.chats as RawDoc)) {
    if (!isRecord(chat) || !Array.isArray(chat.botMessageIds)) {
      throw createCorruptError(path, storeText().chatWithoutBotIds(JSON.stringify(chatId)));
    }
  }
  return doc as unknown as StateDoc;
}

/** A newer schema's line throws 'schema' (this code could misread it); a future bump must migrate older lines here. */
export function isStateEntry(value: unknown, path: string): value is StateEntry {
  if (!isRecord(value) || typeof value.v !== 'number' || !Number.isInteger(value.v) || value.v < 1) return false;
  if (value.v > SCHEMA_VERSION) {
    throw new StoreError(
      `${path} was written by a newer avito-ai (store schema version ${value.v}; this version knows up to ${SCHEMA_VERSION})`,
      path,
      'schema',
      { hint: 'upgrade avito-ai (npm install -g avito-ai@latest); the file was left untouched' },
    );
  }
  const { chats, processed, pending, closed, counters, meta, messages, dialogs } = value;
  return (
    isOptionalListOf(chats, (chat) => isRecord(chat) && typeof chat.chatId === 'string' && Array.isArray(chat.botMessageIds)) &&
    isOptionalListOf(processed, (id) => typeof id === 'string') &&
    isOptionalListOf(pending, (record) => isRecord(record) && typeof record.chatId === 'string') &&
    isOptionalListOf(closed, (chatId) => typeof chatId === 'string') &&
    (counters === undefined || (isRecord(counters) && Object.values(counters).every((n) => typeof n === 'number' && Number.isFinite(n)))) &&
    isOptionalListOf(meta, (pair) => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string')) &&
    isOptionalListOf(messages, (message) => isRecord(message) && typeof message.id === 'string' && typeof message.chatId === 'string' && typeof message.created === 'number') &&
    isOptionalListOf(dialogs, (record) => isRecord(record) && typeof record.at === 'number' && typeof record.chatId === 'string' && typeof record.seq === 'number')
  );
}

function isOptionalListOf(value: unknown, check: (item: unknown) => boolean): boolean {
  return value === undefined || (Array.isArray(value) && value.every(check));
}

function isRecord(value: unknown): value is RawDoc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
