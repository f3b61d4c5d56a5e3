/**
 * The built-in knowledge engine: answers from the seller's folder of documents with local
 * full-text search, quoting the best passage, never writing a word of its own.
 */
import { KnowledgeError } from '../../errors.js';
import type { KnowledgeAnswer, KnowledgeEngine, KnowledgeRetriever } from '../../core/ports.js';
import { DEFAULT_THRESHOLD, findAnswer } from './answer.js';
import { createLocalIndex } from './local-index.js';
import type { LocalIndex, LocalIndexOptions } from './local-index.js';

/** The folder to index (with the index's options), or an index another engine already shares. */
export type LocalEngineOptions = (LocalIndexOptions | { index: LocalIndex }) & {
  /**
   * Share (0..1] of a question's meaningful terms a passage must contain to answer it
   * (default 0.6). Lower answers more and risks wrong answers; higher falls back more often.
   */
  threshold?: number;
  /** Epoch-ms clock for latency; defaults to `Date.now`. */
  now?: () => number;
};

/** The local engine, with the folder it currently reads; it also hands out the passages it quotes from. */
export interface LocalKnowledgeEngine extends KnowledgeEngine, KnowledgeRetriever {
  readonly name: 'local';
  readonly dir: string;
}

/** Creates the local engine. Nothing is read until the first call. */
export function createLocalEngine(options: LocalEngineOptions): LocalKnowledgeEngine {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new KnowledgeError(`Invalid knowledge threshold: ${threshold}`, 'local', { hint: 'use a number above 0 and at most 1' });
  }
  const now = options.now ?? Date.now;
  const index = 'index' in options ? options.index : createLocalIndex(options);

  return {
    name: 'local',
    get dir() {
      return index.dir;
    },

    async answer(query, answerOptions): Promise<KnowledgeAnswer> {
      const started = now();
      const passages = await index.loadPassageIndex(answerOptions);
      const answer = findAnswer(passages, query, threshold);
      return { ...answer, latencyMs: Math.max(0, now() - started) };
    },

    retrieve: (query, retrieveOptions) => index.retrieve(query, retrieveOptions),
    sync: (dir) => index.sync(dir),
    listDocuments: () => index.listDocuments(),
  };
}
