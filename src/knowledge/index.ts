export * from './engine.js';
export { DEFAULT_THRESHOLD } from './local/answer.js';
