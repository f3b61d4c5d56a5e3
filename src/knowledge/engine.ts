/**
 * The knowledge engines' entry point. The interface itself lives in `core/ports.ts`, where the
 * core names it; this module gathers what callers outside the core need.
 */
export type { KnowledgeAnswer, KnowledgeEngine, KnowledgeQuery, SyncReport } from '../core/ports.js';
export { createLocalEngine } from './local/local-engine.js';
export type { IndexBuildInfo, LocalEngineOptions, LocalKnowledgeEngine } from './local/local-engine.js';
