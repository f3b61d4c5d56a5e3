/** The Gemini File Search engine, loaded only when it is configured (it pulls in the SDK). */
export { createGeminiClient } from './client.js';
export type { GeminiClient, GeminiClientOptions, RemoteDocument, RemoteStore } from './client.js';
export { createGeminiEngine } from './gemini-engine.js';
export type { GeminiEngineOptions, GeminiKnowledgeEngine, StoreNameCache } from './gemini-engine.js';
export { NO_ANSWER_MARKER, SYSTEM_INSTRUCTION } from './prompt.js';
