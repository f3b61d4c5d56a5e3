/** The folder's passages as an in-memory search index: built on first use, rebuilt only when the folder changes. */
import { KnowledgeError, describeError } from '../../errors.js';
import { documentsText } from '../../messages/documents.js';
import type { KnowledgeDocumentInfo, KnowledgeQuery, KnowledgeRetriever, RetrievedPassage, SyncReport } from '../../core/ports.js';
import { fingerprintFiles, listKnowledgeFiles } from '../folder.js';
import type { KnowledgeFile } from '../folder.js';
import { listQueryParts, toRetrievedPassage } from './answer.js';
import { readKnowledgeDocuments } from './documents.js';
import { splitPassages } from './passages.js';
import type { Passage } from './passages.js';
import { buildPassageIndex } from './search.js';
import type { PassageIndex } from './search.js';

const DEFAULT_CHECK_INTERVAL_MS = 1000;
const DEFAULT_RETRIEVE_LIMIT = 8;

export interface IndexBuildInfo {
  dir: string;
  documents: number;
  passages: number;
  skipped: Array<{ path: string; reason: string }>;
  failed: Array<{ path: string; reason: string }>;
  durationMs: number;
  list: KnowledgeDocumentInfo[];
}

export interface LocalIndexOptions {
  dir: string;
  now?: () => number;
  /** How long a look at the folder holds (default 1000 ms): a readdir and a stat per file is too much for every message. */
  checkIntervalMs?: number;
  clock?: () => number;
  onIndexBuilt?: (info: IndexBuildInfo) => void;
}

/** One index can serve several engines. `retrieve` returns at most 8 passages unless given a limit. */
export interface LocalIndex extends KnowledgeRetriever {
  readonly dir: string;
  loadPassageIndex(options?: { signal?: AbortSignal }): Promise<PassageIndex>;
  /** Looks at the folder now, whatever the interval, and rebuilds; `dir` switches to another folder. */
  sync(dir?: string): Promise<SyncReport>;
  listDocuments(): Promise<KnowledgeDocumentInfo[]>;
}

interface BuiltIndex {
  dir: string;
  fingerprint: string;
  index: PassageIndex;
  info: IndexBuildInfo;
}

interface IndexState {
  options: LocalIndexOptions;
  now: () => number;
  clock: () => number;
  interval: number;
  dir: string;
  built: BuiltIndex | undefined;
  checkedAt: number;
  checking: Promise<BuiltIndex> | undefined;
  building: { dir: string; fingerprint: string; promise: Promise<BuiltIndex> } | undefined;
}

/** Nothing is read until the first call. */
export function createLocalIndex(options: LocalIndexOptions): LocalIndex {
  const state: IndexState = {
    options,
    now: options.now ?? Date.now,
    clock: options.clock ?? (() => performance.now()),
    interval: options.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS,
    dir: options.dir,
    built: undefined,
    checkedAt: Number.NEGATIVE_INFINITY,
    checking: undefined,
    building: undefined,
  };
  return {
    get dir() {
      return state.dir;
    },
    loadPassageIndex: (loadOptions) => loadPassageIndex(state, loadOptions),

    async retrieve(query, retrieveOptions) {
      const index = await loadPassageIndex(state, retrieveOptions);
      return retrievePassages(index, query, retrieveOptions?.limit ?? DEFAULT_RETRIEVE_LIMIT);
    },

    async sync(syncDir) {
      if (syncDir !== undefined && syncDir !== state.dir) {
        state.dir = syncDir;
        state.built = undefined;
        state.checking = undefined;
        state.checkedAt = Number.NEGATIVE_INFINITY;
      }
      const { info } = await loadIndex(state, true);
      return toSyncReport(info);
    },

    async listDocuments() {
      const { info } = await loadIndex(state, false);
      return info.list;
    },
  };
}

async function loadPassageIndex(state: IndexState, loadOptions?: { signal?: AbortSignal }): Promise<PassageIndex> {
  throwIfAborted(loadOptions?.signal);
  const { index } = await loadIndex(state, false);
  throwIfAborted(loadOptions?.signal);
  return index;
}

function loadIndex(state: IndexState, force: boolean): Promise<BuiltIndex> {
  if (!force && state.built !== undefined && state.clock() - state.checkedAt < state.interval) return Promise.resolve(state.built);
  // Concurrent answers share one look at the folder.
  if (!force && state.checking !== undefined) return state.checking;
  const promise = checkFolder(state, force).finally(() => {
    if (state.checking === promise) state.checking = undefined;
  });
  if (!force) state.checking = promise;
  return promise;
}

async function checkFolder(state: IndexState, force: boolean): Promise<BuiltIndex> {
  const checkDir = state.dir;
  const started = state.clock();
  let result: BuiltIndex;
  try {
    const files = await listKnowledgeFiles(checkDir);
    const fingerprint = fingerprintFiles(files);
    const { built, building } = state;
    if (!force && built?.dir === checkDir && built.fingerprint === fingerprint) result = built;
    // Concurrent answers after a change share one build instead of each starting their own.
    else if (!force && building?.dir === checkDir && building.fingerprint === fingerprint) result = await building.promise;
    else result = await startBuild(state, checkDir, files, fingerprint);
  } catch (error) {
    if (error instanceof KnowledgeError) throw error;
    throw new KnowledgeError(documentsText().folderUnreadable(checkDir, describeError(error)), 'local', { cause: error });
  }
  // A sync to another folder, or a later look, may have finished meanwhile: the newest look wins.
  if (checkDir === state.dir && started >= state.checkedAt) {
    state.built = result;
    state.checkedAt = started;
  }
  return result;
}

async function startBuild(state: IndexState, buildDir: string, files: readonly KnowledgeFile[], fingerprint: string): Promise<BuiltIndex> {
  const promise = buildIndex(buildDir, files, state.now).then((parts) => ({ dir: buildDir, fingerprint, ...parts }));
  state.building = { dir: buildDir, fingerprint, promise };
  try {
    const result = await promise;
    state.options.onIndexBuilt?.(result.info);
    return result;
  } finally {
    if (state.building?.promise === promise) state.building = undefined;
  }
}

async function buildIndex(dir: string, files: readonly KnowledgeFile[], now: () => number): Promise<Pick<BuiltIndex, 'index' | 'info'>> {
  const started = now();
  const { documents, skipped, failed } = await readKnowledgeDocuments(files);
  const passages: Passage[] = [];
  for (const document of documents) {
    for (const passage of splitPassages(document)) passages.push({ ...passage, id: passages.length });
  }
  const index = buildPassageIndex(passages);
  const sizes = new Map(files.map((file) => [file.path, file.size]));
  const info: IndexBuildInfo = {
    dir,
    documents: documents.length,
    passages: passages.length,
    skipped,
    failed,
    durationMs: Math.max(0, now() - started),
    list: documents.map((document, position) => ({
      displayName: document.path,
      scope: document.itemId === undefined ? 'general' : 'item',
      ...(document.itemId === undefined ? {} : { itemId: document.itemId }),
      state: 'indexed',
      sizeBytes: sizes.get(document.path) ?? 0,
      id: String(position),
    })),
  };
  return { index, info };
}

function toSyncReport(info: IndexBuildInfo): SyncReport {
  return {
    documents: info.documents,
    uploaded: 0,
    replaced: 0,
    unchanged: 0,
    deleted: 0,
    failed: info.failed,
    skipped: info.skipped,
    changes: [
      ...info.list.map((document) => ({ path: document.displayName, action: 'unchanged' as const })),
      ...info.skipped.map((skipped) => ({ path: skipped.path, action: 'skipped' as const, reason: skipped.reason })),
      ...info.failed.map((failed) => ({ path: failed.path, action: 'failed' as const, reason: failed.reason })),
    ],
  };
}

/** Passages any part of the query matches, the listing's own first; each once, with its best score and all terms matched. */
function retrievePassages(index: PassageIndex, query: KnowledgeQuery, limit: number): RetrievedPassage[] {
  const listingId = query.listing?.id;
  // Without a listing, only general passages are in scope.
  const inScope = (passage: Passage): boolean => passage.itemId === undefined || passage.itemId === listingId;
  const found = new Map<number, { passage: Passage; score: number; coverage: number; matched: Set<string> }>();
  for (const { terms, naming } of listQueryParts(index, query)) {
    for (const hit of index.search(terms, inScope, naming)) {
      const seen = found.get(hit.passage.id);
      if (seen === undefined) found.set(hit.passage.id, { passage: hit.passage, score: hit.score, coverage: hit.coverage, matched: new Set(hit.matched) });
      else {
        seen.score = Math.max(seen.score, hit.score);
        seen.coverage = Math.max(seen.coverage, hit.coverage);
        for (const term of hit.matched) seen.matched.add(term);
      }
    }
  }
  const scopeRank = (passage: Passage): number => (passage.itemId === undefined ? 1 : 0);
  return [...found.values()]
    .sort((a, b) => scopeRank(a.passage) - scopeRank(b.passage) || b.score - a.score || a.passage.id - b.passage.id)
    .slice(0, Math.max(0, limit))
    .map(({ passage, score, coverage, matched }) => toRetrievedPassage({ passage, score, coverage, matched: [...matched] }));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new KnowledgeError('The knowledge search was cancelled', 'local', { cause: signal.reason });
}
