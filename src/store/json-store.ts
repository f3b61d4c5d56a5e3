/** The JSON-file store: a lowdb snapshot (STORE_PATH), three journals and a lock beside it, all read into memory. */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { ConfigError } from '../errors.js';
import type { ChatMessage } from '../core/model.js';
import type { DialogRecord } from '../core/ports.js';
import { DEFAULT_LIMITS, DocumentStore } from './document-store.js';
import type { DocumentStoreParts, StoreLimits } from './document-store.js';
import { toStoreIoError } from './fs-errors.js';
import { JournalWriter, readJournal, repairJournal, rewriteJournal } from './journal.js';
import type { JournalScan } from './journal.js';
import { acquireLock, releaseLock } from './lock-file.js';
import type { LockOwner } from './lock-file.js';
import { SCHEMA_VERSION, createEmptyState, isStateEntry, upgradeState } from './schema.js';
import type { StateDoc } from './schema.js';
import { SecureJsonFile } from './secure-json-file.js';
import { DEFAULT_STATE_JOURNAL_MAX_BYTES, DEFAULT_STATE_JOURNAL_MAX_LINES, StateJournal } from './state-journal.js';

export const DEFAULT_DIALOG_JOURNAL_MAX_BYTES = 20 * 1024 * 1024;

const COMPACT_MIN_LINES = 1_000;

const READ_ONLY_ATTEMPTS = 3;

export interface OpenStoreOptions {
  path: string;
  historyLimit?: number;
  historyTotalLimit?: number;
  processedLimit?: number;
  dialogLimit?: number;
  dialogJournalMaxBytes?: number;
  stateJournalMaxLines?: number;
  stateJournalMaxBytes?: number;
  /** Open without the lock and refuse writes: for reading while the daemon runs. */
  readOnly?: boolean;
  now?: () => number;
}

export interface StorePaths {
  state: string;
  stateJournal: string;
  history: string;
  dialogs: string;
  lock: string;
}

/** The journals and lock sit beside the state file: `data/avito-ai.json` → `data/avito-ai.history.jsonl`. */
export function resolveStorePaths(path: string): StorePaths {
  const base = path.endsWith('.json') ? path.slice(0, -'.json'.length) : path;
  return {
    state: path,
    stateJournal: `${base}.state.jsonl`,
    history: `${base}.history.jsonl`,
    dialogs: `${base}.dialogs.jsonl`,
    lock: `${base}.lock`,
  };
}

export class JsonStore extends DocumentStore {
  readonly paths: StorePaths;

  constructor(parts: DocumentStoreParts, paths: StorePaths) {
    super(parts);
    this.paths = paths;
  }
}

/** Opens or creates (mode 0600) the store, locked unless `readOnly`; a file it cannot read back is never overwritten. */
export async function openStore(options: OpenStoreOptions): Promise<JsonStore> {
  const settings: LoadSettings = {
    paths: resolveStorePaths(options.path),
    limits: {
      historyLimit: readLimit(options, 'historyLimit', DEFAULT_LIMITS.historyLimit),
      historyTotalLimit: readLimit(options, 'historyTotalLimit', DEFAULT_LIMITS.historyTotalLimit),
      processedLimit: readLimit(options, 'processedLimit', DEFAULT_LIMITS.processedLimit),
      dialogLimit: readLimit(options, 'dialogLimit', DEFAULT_LIMITS.dialogLimit),
    },
    dialogMaxBytes: readLimit(options, 'dialogJournalMaxBytes', DEFAULT_DIALOG_JOURNAL_MAX_BYTES),
    stateMaxLines: readLimit(options, 'stateJournalMaxLines', DEFAULT_STATE_JOURNAL_MAX_LINES),
    stateMaxBytes: readLimit(options, 'stateJournalMaxBytes', DEFAULT_STATE_JOURNAL_MAX_BYTES),
    readOnly: options.readOnly ?? false,
  };
  const { paths } = settings;
  if (settings.readOnly) return loadReadOnly(settings);

  try {
    await mkdir(dirname(paths.state), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw toStoreIoError(error, paths.state, 'write');
  }
  const lock = await acquireLock(paths.lock, paths.state, options.now ?? Date.now);
  try {
    return await loadStore(settings, lock);
  } catch (error) {
    await releaseLock(paths.lock, lock).catch(() => undefined);
    throw error;
  }
}

interface LoadSettings {
  paths: StorePaths;
  limits: StoreLimits;
  dialogMaxBytes: number;
  stateMaxLines: number;
  stateMaxBytes: number;
  readOnly: boolean;
}

/** A fold between our reads of snapshot and journal would hide what it took from the replay; a snapshot is only replaced by a rename, so a changed identity tells and a reread settles it. */
async function loadReadOnly(settings: LoadSettings): Promise<JsonStore> {
  for (let attempt = 1; ; attempt += 1) {
    const before = await readIdentity(settings.paths.state);
    const store = await loadStore(settings, undefined);
    if (attempt >= READ_ONLY_ATTEMPTS || (await readIdentity(settings.paths.state)) === before) return store;
    await store.close();
  }
}

async function readIdentity(path: string): Promise<string> {
  try {
    const info = await stat(path);
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch {
    // Missing or unreadable: loading reports it, if it matters.
    return 'none';
  }
}

async function loadStore(settings: LoadSettings, lock: LockOwner | undefined): Promise<JsonStore> {
  const { paths, limits, readOnly } = settings;
  let storedVersion: number | undefined;
  const file = new SecureJsonFile<StateDoc>(paths.state, {
    revive: (raw) => {
      const { doc, fromVersion } = upgradeState(raw, paths.state);
      storedVersion = fromVersion;
      return doc;
    },
  });
  const db = new Low(file, createEmptyState());
  await db.read();

  const history = new JournalWriter(paths.history);
  const dialogs = new JournalWriter(paths.dialogs, { maxBytes: settings.dialogMaxBytes });
  const state = new StateJournal(paths.stateJournal, {
    writeSnapshot: () => db.write(),
    maxLines: settings.stateMaxLines,
    maxBytes: settings.stateMaxBytes,
    history,
    dialogs,
  });
  const store = new JsonStore(
    {
      db,
      limits,
      stateJournal: state,
      path: paths.state,
      readOnly,
      onClose: async () => {
        await state.close();
        await file.flush();
        await Promise.all([history.close(), dialogs.close()]);
        if (lock) await releaseLock(paths.lock, lock);
      },
    },
    paths,
  );

  // The state journal last: its lines carry messages and dialog records newer than their journals'.
  const movedDialogsUpTo = await loadDialogs(store, paths.dialogs, limits.dialogLimit, readOnly);
  const historyScan = await readJournal(paths.history, {
    accept: isJournaledMessage,
    onRecord: (message) => store.restoreMessage(message),
  });
  const stateScan = await readJournal(paths.stateJournal, {
    accept: (value) => isStateEntry(value, paths.stateJournal),
    onRecord: (entry) => state.restore(store.restoreState(entry, movedDialogsUpTo)),
  });

  if (!readOnly) {
    // A missing file becomes a fresh one, an older schema is saved migrated, a journal a crash left is folded in: appends start on an empty one.
    const journaled = (stateScan?.size ?? 0) > 0;
    if (storedVersion === undefined || storedVersion < SCHEMA_VERSION || journaled) await store.saveState();
    if (historyScan) await tidyHistoryJournal(store, paths.history, historyScan);
  }
  return store;
}

/** Compacts the history journal once it holds far more lines than are kept: the evicted ones are read at every start. */
async function tidyHistoryJournal(store: JsonStore, path: string, scan: JournalScan): Promise<void> {
  const kept = store.stats().messages;
  if (scan.records > COMPACT_MIN_LINES && scan.records > 2 * kept) {
    await rewriteJournal(path, mapToLines(store.listKeptMessages()));
  } else {
    await repairJournal(path, scan);
  }
}

function* mapToLines(messages: Iterable<ChatMessage>): Iterable<string> {
  for (const message of messages) yield JSON.stringify(message);
}

/** Reads `.1` too after a recent rotation; returns the highest number the current journal holds (folds append in order). */
async function loadDialogs(store: JsonStore, path: string, limit: number, readOnly: boolean): Promise<number> {
  const current: DialogRecord[] = [];
  let highest = 0;
  const scan = await readJournal(path, {
    accept: isDialogRecord,
    onRecord: (record: DialogRecord & { seq?: number }) => {
      if (record.seq !== undefined) {
        // Numbers only grow: a smaller one is a record a failed fold had moved already.
        if (record.seq <= highest) return;
        highest = record.seq;
      }
      keepNewest(current, record, limit);
    },
  });
  if (current.length < limit) {
    const previous: DialogRecord[] = [];
    const wanted = limit - current.length;
    await readJournal(`${path}.1`, { accept: isDialogRecord, onRecord: (record) => keepNewest(previous, record, wanted) });
    for (const record of previous.slice(-wanted)) store.restoreDialog(record);
  }
  for (const record of current.slice(-limit)) store.restoreDialog(record);
  if (scan && !readOnly) await repairJournal(path, scan);
  return highest;
}

/** Appends and trims in bulk, so a long journal costs O(1) per record. */
function keepNewest<T>(records: T[], record: T, limit: number): void {
  records.push(record);
  if (records.length > 2 * limit) records.splice(0, records.length - limit);
}

function isJournaledMessage(value: unknown): value is ChatMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { id, chatId, created } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof chatId === 'string' && typeof created === 'number' && Number.isFinite(created);
}

function isDialogRecord(value: unknown): value is DialogRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { at, chatId } = value as Record<string, unknown>;
  return typeof at === 'number' && typeof chatId === 'string';
}

type LimitKey = 'historyLimit' | 'historyTotalLimit' | 'processedLimit' | 'dialogLimit' | 'dialogJournalMaxBytes' | 'stateJournalMaxLines' | 'stateJournalMaxBytes';

function readLimit(options: OpenStoreOptions, key: LimitKey, fallback: number): number {
  const value = options[key] ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigError(key, `The store's ${key} must be a whole number of at least 1, not ${String(value)}`);
  }
  return value;
}
