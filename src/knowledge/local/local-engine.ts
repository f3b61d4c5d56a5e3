/**
 * The built-in knowledge engine: answers from the seller's folder of documents with local
 * full-text search, quoting the best passage, never writing a word of its own. The index lives
 * in memory, is built on first use and rebuilt only when the folder changes.
 */
import { KnowledgeError, describeError } from '../../errors.js';
import type { KnowledgeAnswer, KnowledgeDocumentInfo, KnowledgeEngine, KnowledgeQuery, SyncReport } from '../../core/ports.js';
import { DEFAULT_THRESHOLD, findAnswer } from './answer.js';
import { fingerprintFiles, listKnowledgeFiles } from '../folder.js';
import { readKnowledgeDocuments } from './documents.js';
import { splitPassages } from './passages.js';
import type { Passage } from './passages.js';
import { buildPassageIndex } from './search.js';
import type { PassageIndex } from './search.js';

/** What an index build found; passed to `onIndexBuilt`. */
export interface IndexBuildInfo {
  dir: string;
  documents: number;
  passages: number;
  skipped: Array<{ path: string; reason: string }>;
  failed: Array<{ path: string; reason: string }>;
  durationMs: number;
  /** The indexed documents as `sync-docs --list` shows them. */
  list: KnowledgeDocumentInfo[];
}

export interface LocalEngineOptions {
  /** The knowledge folder (KNOWLEDGE_DIR). */
  dir: string;
  /**
   * Share (0..1] of a question's meaningful terms a passage must contain to answer it
   * (default 0.6). Lower answers more and risks wrong answers; higher falls back more often.
   */
  threshold?: number;
  /** Epoch-ms clock for latency; defaults to `Date.now`. */
  now?: () => number;
  /** Called after every index build, so callers can log it (and tests can count builds). */
  onIndexBuilt?: (info: IndexBuildInfo) => void;
}

/** The local engine, with the folder it currently reads. */
export interface LocalKnowledgeEngine extends KnowledgeEngine {
  readonly name: 'local';
  readonly dir: string;
}

interface BuiltIndex {
  fingerprint: string;
  index: PassageIndex;
  info: IndexBuildInfo;
}

/** Creates the local engine. Nothing is read until the first `answer` or `sync`. */
export function createLocalEngine(options: LocalEngineOptions): LocalKnowledgeEngine {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new KnowledgeError(`Invalid knowledge threshold: ${threshold}`, 'local', { hint: 'use a number above 0 and at most 1' });
  }
  const now = options.now ?? Date.now;
  let dir = options.dir;
  let built: BuiltIndex | undefined;
  let building: { fingerprint: string; promise: Promise<BuiltIndex> } | undefined;

  /** Returns an index matching the folder as it is now, building one only if the folder changed. */
  async function loadIndex(force: boolean): Promise<BuiltIndex> {
    try {
      return await loadIndexUnchecked(force);
    } catch (error) {
      if (error instanceof KnowledgeError) throw error;
      throw new KnowledgeError(`Cannot read the knowledge folder ${dir}: ${describeError(error)}`, 'local', { cause: error });
    }
  }

  async function loadIndexUnchecked(force: boolean): Promise<BuiltIndex> {
    const files = await listKnowledgeFiles(dir);
    const fingerprint = `${dir}\n${fingerprintFiles(files)}`;
    if (!force && built?.fingerprint === fingerprint) return built;
    // Concurrent answers after a change share one build instead of each starting their own.
    if (!force && building?.fingerprint === fingerprint) return building.promise;
    const buildDir = dir;
    const promise = (async () => {
      const started = now();
      const { documents, skipped, failed } = await readKnowledgeDocuments(files);
      const passages: Passage[] = [];
      for (const document of documents) {
        for (const passage of splitPassages(document)) passages.push({ ...passage, id: passages.length });
      }
      const index = buildPassageIndex(passages);
      const sizes = new Map(files.map((file) => [file.path, file.size]));
      const info: IndexBuildInfo = {
        dir: buildDir,
        documents: documents.length,
        passages: passages.length,
        skipped,
        failed,
        durationMs: Math.max(0, now() - started),
        list: documents.map((document, index) => ({
          displayName: document.path,
          scope: document.itemId === undefined ? 'general' : 'item',
          ...(document.itemId === undefined ? {} : { itemId: document.itemId }),
          state: 'indexed',
          sizeBytes: sizes.get(document.path) ?? 0,
          id: String(index),
        })),
      };
      return { fingerprint, index, info };
    })();
    building = { fingerprint, promise };
    try {
      const result = await promise;
      // A sync to another folder may have started meanwhile; keep only what matches the current one.
      if (buildDir === dir) built = result;
      options.onIndexBuilt?.(result.info);
      return result;
    } finally {
      if (building?.promise === promise) building = undefined;
    }
  }

  return {
    name: 'local',
    get dir() {
      return dir;
    },

    async answer(query: KnowledgeQuery, answerOptions?: { signal?: AbortSignal }): Promise<KnowledgeAnswer> {
      const started = now();
      throwIfAborted(answerOptions?.signal);
      const { index } = await loadIndex(false);
      throwIfAborted(answerOptions?.signal);
      const answer = findAnswer(index, query, threshold);
      return { ...answer, latencyMs: Math.max(0, now() - started) };
    },

    async sync(syncDir?: string): Promise<SyncReport> {
      if (syncDir !== undefined && syncDir !== dir) {
        dir = syncDir;
        built = undefined;
      }
      const { info } = await loadIndex(true);
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
    },

    async listDocuments(): Promise<KnowledgeDocumentInfo[]> {
      const { info } = await loadIndex(false);
      return info.list;
    },
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new KnowledgeError('The knowledge search was cancelled', 'local', { cause: signal.reason });
}
