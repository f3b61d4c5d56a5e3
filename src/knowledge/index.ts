/** What the rest of avito-ai imports from the knowledge layer (see `engine.ts`). */
export * from './engine.js';
