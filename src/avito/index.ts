export { createAvitoClient } from './client.js';
export type { AvitoClient, AvitoClientOptions } from './client.js';
export { DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_MS } from './http.js';
export type { AvitoEvent, RetryPolicy } from './http.js';
export { parseChat, parseMessage } from './parse.js';
export type { AccountInfo, WebhookSubscription } from './parse.js';
