/**
 * GigaChat (Sber): its OAuth token, its CA, its limits and its error wording, over the OpenAI-compatible chat
 * endpoint it serves (the official `gigachat` package was not taken: axios, stdout prints, refresh only after a 401).
 */
import type { Dispatcher } from 'undici';
import type { ChatModel } from '../grounded/chat-model.js';
import { createOpenAiChatModel, isTlsCode, type LlmFailure } from '../openai/client.js';
import { createGigaChatAuth, type TokenCache } from './auth.js';
import { modelsText } from '../../messages/models.js';

export const GIGACHAT_CERTIFICATE_PAGE = 'https://www.gosuslugi.ru/crt';

export interface GigaChatOptions {
  credentials: string;
  scope: string;
  model: string;
  authUrl: string;
  baseUrl: string;
  timeoutMs: number;
  retries: number;
  retryBaseDelayMs?: number;
  /** Trusts GIGACHAT_CA_FILE's certificates; undefined: Node's roots (and NODE_EXTRA_CA_CERTS). */
  dispatcher?: Dispatcher;
  tokenCache?: TokenCache;
  now?: () => number;
  onRetry?: (event: { operation: string; attempt: number; delayMs: number; reason: string }) => void;
}

/** Calls at once: an individual's key (PERS) gets one stream, a business key ten; more only buys 429s. */
export function concurrencyOf(scope: string): number {
  return scope === 'GIGACHAT_API_PERS' ? 1 : 10;
}

export function createGigaChatModel(options: GigaChatOptions): ChatModel {
  const auth = createGigaChatAuth({
    authUrl: options.authUrl,
    credentials: options.credentials,
    scope: options.scope,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    ...(options.retryBaseDelayMs === undefined ? {} : { retryBaseDelayMs: options.retryBaseDelayMs }),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...(options.tokenCache ? { cache: options.tokenCache } : {}),
    ...(options.now ? { now: options.now } : {}),
    explain: (failure) => explainGigaChatFailure(failure, options.model),
  });
  const model = createOpenAiChatModel({
    provider: 'gigachat',
    baseUrl: options.baseUrl,
    apiKey: () => auth.getToken(),
    model: options.model,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    ...(options.retryBaseDelayMs === undefined ? {} : { retryBaseDelayMs: options.retryBaseDelayMs }),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    explain: (failure) => explainGigaChatFailure(failure, options.model),
    onUnauthorized: () => auth.invalidate(),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  const limit = createLimiter(concurrencyOf(options.scope));
  return {
    provider: model.provider,
    model: model.model,
    complete: (request) => limit(() => model.complete(request)),
    listModels: (listOptions) => model.listModels(listOptions),
  };
}

/** What each GigaChat failure means for the seller, and the setting that fixes it. */
export function explainGigaChatFailure(failure: LlmFailure, model: string): { message: string; hint?: string } {
  const { status, operation } = failure;
  const text = modelsText();
  const what = text.gigachatWhat(operation);
  if (status === undefined) {
    if (isTlsCode(failure.code)) return { message: text.gigachatUntrusted(what, failure.code ?? ''), hint: text.gigachatUntrustedHint(GIGACHAT_CERTIFICATE_PAGE) };
    const setting = operation === 'token' ? 'GIGACHAT_AUTH_URL' : 'GIGACHAT_BASE_URL';
    return { message: text.gigachatNoAnswer(what, failure.code ?? failure.detail), hint: text.gigachatNoAnswerHint(setting) };
  }
  const detail = failure.detail.replace(/^\d{3}\s+/, '');
  if (operation === 'token') {
    if (status === 401 || status === 403) return { message: text.gigachatRefused(what, status, detail), hint: text.gigachatRefusedHint };
    if (status === 400) return { message: text.gigachatStatus(what, status, detail), hint: text.gigachatScopeHint };
  }
  const hints: Record<number, string> = {
    401: text.gigachat401Hint,
    402: text.gigachat402Hint(model),
    404: text.gigachat404Hint(model),
    413: text.gigachat413Hint,
    429: text.gigachat429Hint,
  };
  const hint = hints[status] ?? (status >= 500 ? text.failingHint('GigaChat') : undefined);
  return { message: text.gigachatStatus(what, status, detail), ...(hint ? { hint } : {}) };
}

/** At most `limit` calls run at once; the rest wait their turn in order. */
function createLimiter(limit: number): <T>(run: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (run) => {
    // A finished call hands its slot straight to the next in line, so no newcomer slips in between.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await run();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
