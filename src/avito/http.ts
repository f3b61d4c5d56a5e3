/**
 * undici's `request`: a fraction of `fetch`'s CPU per call, and it honours the proxy set as the global dispatcher. Our own
 * retry loop on top, because a transport cannot tell a send that may have reached Avito from one that never left.
 */
import { parseRetryAfter } from '../net/retry-after.js';
import type { IncomingHttpHeaders } from 'node:http';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { AvitoApiError, AvitoResponseError } from '../errors.js';
import { adaptersText } from '../messages/adapters.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** First backoff ceiling; doubles per retry (full jitter picks a delay below it). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest `Retry-After` we wait; a longer one is cut to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { limit: 4, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };
export const DEFAULT_TIMEOUT_MS = 15_000;

export type AvitoEvent =
  | {
      type: 'retry';
      endpoint: string;
      /** HTTP status, or 0 when there was no answer. */
      status: number;
      attempt: number;
      delayMs: number;
      reason: string;
    }
  | { type: 'auth-retry'; endpoint: string; status: number }
  | { type: 'token'; expiresInSeconds: number };

export interface RequesterOptions {
  baseUrl: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  onEvent?: (event: AvitoEvent) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface AvitoRequest {
  method: 'GET' | 'POST';
  /** Path below the base URL, segments already encoded. */
  path: string;
  endpoint: string;
  /** Arrays are sent comma-separated, as Avito expects; undefined values are left out. */
  query?: Record<string, string | number | boolean | readonly (string | number)[] | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  token?: string;
  /** False for calls Avito must not process twice (send, subscribe): retried only when the failure proves it was never processed. */
  idempotent: boolean;
}

/** Sends one request with retries; resolves to the parsed JSON body (undefined when empty). */
export type Requester = (request: AvitoRequest) => Promise<unknown>;

// Failures before a byte of the request is written: repeating a send after them cannot duplicate it.
// A reset (ECONNRESET, "other side closed") is not here: it can come after Avito read the request.
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

type Attempt =
  | { ok: true; body: unknown }
  | { ok: false; error: AvitoApiError; retryable: boolean; retryAfterMs?: number; reason: string };

/** Our own budget ran out, before the headers or while the body came in. */
class TimeoutError extends Error {}

interface Transport {
  baseUrl: string;
  timeoutMs: number;
  now: () => number;
}

export function createRequester(options: RequesterOptions): Requester {
  const transport: Transport = { baseUrl: options.baseUrl.replace(/\/+$/, ''), timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, now: options.now ?? Date.now };
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  return async function sendRequest(request: AvitoRequest): Promise<unknown> {
    for (let retry = 0; ; retry++) {
      const outcome = await attemptOnce(transport, request);
      if (outcome.ok) return outcome.body;
      if (!outcome.retryable || retry >= policy.limit) {
        if (outcome.retryable && retry > 0) outcome.error.message += ` (gave up after ${retry + 1} attempts)`;
        throw outcome.error;
      }
      const delayMs =
        outcome.retryAfterMs !== undefined
          ? Math.min(outcome.retryAfterMs, policy.maxRetryAfterMs)
          : Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
      options.onEvent?.({ type: 'retry', endpoint: request.endpoint, status: outcome.error.status, attempt: retry + 1, delayMs, reason: outcome.reason });
      await sleep(delayMs);
    }
  };
}

async function attemptOnce(transport: Transport, request: AvitoRequest): Promise<Attempt> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    body = new URLSearchParams(request.form).toString();
  }
  // One budget until the answer's headers, the same again for a body that trickles in.
  const controller = new AbortController();
  const failed = (error: unknown): Attempt => classifyNetworkFailure(transport, request, controller.signal.aborted ? new TimeoutError() : error);
  let timer = setTimeout(() => controller.abort(new TimeoutError()), transport.timeoutMs);
  try {
    let response: Dispatcher.ResponseData;
    try {
      const url = transport.baseUrl + request.path + buildQuery(request.query);
      response = await undiciRequest(url, { method: request.method, headers, body, signal: controller.signal });
    } catch (error) {
      return failed(error);
    }
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new TimeoutError()), transport.timeoutMs);
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      return failed(error);
    }
    return readAnswer(transport, request, response.statusCode, response.headers, text);
  } finally {
    clearTimeout(timer);
  }
}

function readAnswer(transport: Transport, request: AvitoRequest, status: number, headers: IncomingHttpHeaders, text: string): Attempt {
  if (status >= 200 && status < 300) {
    if (text.trim() === '') return { ok: true, body: undefined };
    try {
      return { ok: true, body: JSON.parse(text) };
    } catch (cause) {
      const error = new AvitoResponseError(adaptersText().avitoNotJson(request.endpoint, status), status, request.endpoint, { cause });
      return { ok: false, error, retryable: false, reason: 'not-json' };
    }
  }
  return classifyStatus(transport, request, status, headers, text);
}

function classifyStatus(transport: Transport, request: AvitoRequest, status: number, headers: IncomingHttpHeaders, text: string): Attempt {
  const detail = readAvitoMessage(text);
  const say = adaptersText();
  const message = say.avitoAnswered(request.endpoint, status, detail ?? '');
  if (status === 429) {
    const retryAfter = headers['retry-after'];
    const retryAfterMs = parseRetryAfter(Array.isArray(retryAfter) ? (retryAfter[0] ?? null) : (retryAfter ?? null), transport.now());
    const error = new AvitoApiError(message, status, request.endpoint, {
      hint: say.avitoRateHint,
      retryAfter: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    });
    // A 429 is a refusal: Avito did not process the call, so even a send may be repeated.
    return { ok: false, error, retryable: true, retryAfterMs, reason: 'rate-limited' };
  }
  if (status >= 500) {
    if (!request.idempotent) {
      // Avito may have stored the message before failing: repeating could send it twice.
      const error = new AvitoApiError(message, status, request.endpoint, {
        ambiguous: true,
        hint: say.avitoFailedAfterHint,
      });
      return { ok: false, error, retryable: false, reason: 'server-error' };
    }
    const error = new AvitoApiError(message, status, request.endpoint, { hint: say.avitoTroubleHint });
    return { ok: false, error, retryable: true, reason: 'server-error' };
  }
  return { ok: false, error: new AvitoApiError(message, status, request.endpoint, { hint: hintForStatus(status) }), retryable: false, reason: 'client-error' };
}

function classifyNetworkFailure(transport: Transport, request: AvitoRequest, cause: unknown): Attempt {
  const timedOut = cause instanceof TimeoutError;
  const code = timedOut ? 'timeout' : findErrorCode(cause);
  const neverSent = !timedOut && code !== undefined && NEVER_SENT_CODES.has(code);
  const text = adaptersText();
  const what = timedOut ? text.avitoNoAnswer(transport.timeoutMs) : text.avitoConnectionFailed(code ?? describeCause(cause));
  if (!request.idempotent && !neverSent) {
    const error = new AvitoApiError(text.avitoMayHaveGone(request.endpoint, what), 0, request.endpoint, {
      cause,
      ambiguous: true,
      hint: text.avitoCheckChatHint,
    });
    return { ok: false, error, retryable: false, reason: code ?? 'network' };
  }
  const error = new AvitoApiError(text.avitoNetwork(request.endpoint, what), 0, request.endpoint, {
    cause,
    hint: text.avitoNetworkHint,
  });
  return { ok: false, error, retryable: true, reason: code ?? 'network' };
}

/** From `{"error":{"code","message"}}`, the OAuth-style `{"error","error_description"}`, `{"message"}`, or an HTML page. */
export function readAvitoMessage(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return plain === '' ? undefined : plain.slice(0, 200);
  }
  if (typeof body !== 'object' || body === null) return typeof body === 'string' && body !== '' ? body : undefined;
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>).message;
    if (typeof message === 'string' && message !== '') return message;
  }
  if (typeof error === 'string' && error !== '') {
    const description = record.error_description;
    return typeof description === 'string' && description !== '' ? `${error}: ${description}` : error;
  }
  if (typeof record.message === 'string' && record.message !== '') return record.message;
  return undefined;
}

function buildQuery(query: AvitoRequest['query']): string {
  if (!query) return '';
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    // Commas stay literal: Avito reads list parameters as `u2i,u2u`.
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(text).replace(/%2C/gi, ',')}`);
  }
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

/** The system error code behind a fetch failure (`TypeError: fetch failed` → cause → code). */
function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    // Happy-eyeballs connects fail with an AggregateError of one error per address.
    if (current instanceof AggregateError) {
      const codes = current.errors.map(findErrorCode);
      const first = codes[0];
      return first !== undefined && codes.every((c) => c === first) ? first : undefined;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeCause(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hintForStatus(status: number): string | undefined {
  if (status === 402) return adaptersText().avito402Hint;
  if (status === 404) return adaptersText().avito404Hint;
  return undefined;
}
