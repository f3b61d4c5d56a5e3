/** The knowledge layer's entry point; its interfaces live in `core/ports.ts`, where the core names them. */
export type {
  KnowledgeAnswer,
  KnowledgeEngine,
  KnowledgeQuery,
  KnowledgeRetriever,
  RetrievedPassage,
  SyncReport,
} from '../core/ports.js';
export { createLocalEngine } from './local/local-engine.js';
export type { LocalEngineOptions, LocalKnowledgeEngine } from './local/local-engine.js';
export { createLocalIndex } from './local/local-index.js';
export type { IndexBuildInfo, LocalIndex, LocalIndexOptions } from './local/local-index.js';
