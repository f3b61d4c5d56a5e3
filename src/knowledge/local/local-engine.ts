/** The built-in engine: local full-text search that quotes the seller's documents, never writing a word of its own. */
import { KnowledgeError } from '../../errors.js';
import type { KnowledgeAnswer, KnowledgeEngine, KnowledgeRetriever } from '../../core/ports.js';
import { DEFAULT_THRESHOLD, findAnswer } from './answer.js';
import { createLocalIndex } from './local-index.js';
import type { LocalIndex, LocalIndexOptions } from './local-index.js';

/** The folder to index, or an index another engine already shares. */
export type LocalEngineOptions = (LocalIndexOptions | { index: LocalIndex }) & {
  /** Share (0..1] of a question's terms a passage must hold (default 0.6): lower risks wrong answers, higher falls back more. */
  threshold?: number;
  now?: () => number;
};

export interface LocalKnowledgeEngine extends KnowledgeEngine, KnowledgeRetriever {
  readonly name: 'local';
  readonly dir: string;
}

/** Nothing is read until the first call. */
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
