/**
 * GigaChat's OAuth: the authorization key buys a 30-minute access token. One token serves every call until a minute
 * before it expires; concurrent callers share one refresh; a cache (the store) keeps it across `poll --once` runs.
 */
import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { retry } from '../../core/retry.js';
import { LlmApiError, describeError } from '../../errors.js';
import { fetchThrough, findCode, isTlsCode, type LlmFailure } from '../openai/client.js';
import { modelsText } from '../../messages/models.js';

export interface GigaChatToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Where a token outlives the process: the JSON store's meta. Reads and writes must not throw. */
export interface TokenCache {
  get(): GigaChatToken | undefined;
  set(token: GigaChatToken | undefined): void;
}

export interface GigaChatAuthOptions {
  authUrl: string;
  /** The authorization key: Base64 of client_id:client_secret. */
  credentials: string;
  scope: string;
  timeoutMs: number;
  /** Attempts after the first on 429, 5xx and network errors. */
  retries: number;
  retryBaseDelayMs?: number;
  dispatcher?: Dispatcher;
  cache?: TokenCache;
  now?: () => number;
  explain: (failure: LlmFailure) => { message: string; hint?: string };
}

export interface GigaChatAuth {
  /** A token valid for at least another minute. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** The API said 401: the next call fetches a new token. */
  invalidate(): void;
}

/** A token this close to its end is renewed first: a call may take that long. */
const REFRESH_MARGIN_MS = 60_000;
/** The documented lifetime, for a server that leaves expires_at out. */
const TOKEN_LIFETIME_MS = 30 * 60_000;

export function createGigaChatAuth(options: GigaChatAuthOptions): GigaChatAuth {
  const now = options.now ?? Date.now;
  let current: GigaChatToken | undefined = options.cache?.get();
  let refreshing: Promise<GigaChatToken> | undefined;

  const fresh = (token: GigaChatToken | undefined): token is GigaChatToken => token !== undefined && token.expiresAt - now() > REFRESH_MARGIN_MS;

  return {
    async getToken(signal) {
      if (fresh(current)) return current.token;
      // Another process (a cron run) may have stored a newer one.
      const cached = options.cache?.get();
      if (fresh(cached)) {
        current = cached;
        return cached.token;
      }
      refreshing ??= fetchToken(options, now, signal).finally(() => {
        refreshing = undefined;
      });
      const token = await refreshing;
      current = token;
      options.cache?.set(token);
      return token.token;
    },

    invalidate() {
      current = undefined;
      options.cache?.set(undefined);
    },
  };
}

async function fetchToken(options: GigaChatAuthOptions, now: () => number, signal: AbortSignal | undefined): Promise<GigaChatToken> {
  return retry(() => requestToken(options, now, signal), {
    attempts: options.retries + 1,
    policy: { baseDelayMs: options.retryBaseDelayMs ?? 1000, maxDelayMs: 30_000, jitter: 0.5 },
    isRetryable: (error) => error instanceof LlmApiError && error.retryable,
    ...(signal ? { signal } : {}),
  });
}

async function requestToken(options: GigaChatAuthOptions, now: () => number, signal: AbortSignal | undefined): Promise<GigaChatToken> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const fetch = options.dispatcher ? fetchThrough(options.dispatcher) : globalThis.fetch;
  let response: Response;
  try {
    response = await fetch(options.authUrl, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${options.credentials}`,
        RqUID: randomUUID(),
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams({ scope: options.scope }).toString(),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    const code = timeout.aborted ? 'ETIMEDOUT' : findCode(error);
    const { message, hint } = options.explain({ operation: 'token', status: undefined, code, detail: describeError(error) });
    throw new LlmApiError('gigachat', 'token', message, { retryable: !isTlsCode(code) && !signal?.aborted, hint, cause: error });
  }
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  if (response.status !== 200) {
    const detail = typeof body?.message === 'string' ? body.message : `${response.status}`;
    const { message, hint } = options.explain({ operation: 'token', status: response.status, code: undefined, detail });
    throw new LlmApiError('gigachat', 'token', message, { status: response.status, retryable: response.status === 429 || response.status >= 500, hint });
  }
  const token = body?.access_token;
  if (typeof token !== 'string' || token === '') {
    throw new LlmApiError('gigachat', 'token', modelsText().gigachatNoToken, { status: 200 });
  }
  return { token, expiresAt: readExpiry(body?.expires_at, now) };
}

/** Unix ms per both official SDKs; the docs' example shows seconds: read both. */
function readExpiry(value: unknown, now: () => number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return now() + TOKEN_LIFETIME_MS;
  return value < 1e12 ? value * 1000 : value;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
