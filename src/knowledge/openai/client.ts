/**
 * The one module that speaks the OpenAI Chat Completions protocol, through the official `openai` SDK (6.x, the
 * last major that runs on Node 20): YandexGPT, Ollama, vLLM, DeepSeek, OpenRouter, and GigaChat's chat endpoint.
 * The SDK's own retries are off: ours cap a server's Retry-After and log each attempt, and every failure leaves
 * here as an `LlmApiError` with the provider's fix.
 */
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Dispatcher, fetch as UndiciFetch } from 'undici';
import { retry, type BackoffPolicy } from '../../core/retry.js';
import { LlmApiError, describeError } from '../../errors.js';
import { parseRetryAfter } from '../../net/retry-after.js';
import type { ChatCompletion, ChatModel, ChatRequest, ModelInfo } from '../grounded/chat-model.js';
import { modelsText } from '../../messages/models.js';

/** What went wrong, as the provider's wording reads it: `status` undefined for no answer at all. */
export interface LlmFailure {
  operation: string;
  status: number | undefined;
  /** An error code from the socket or TLS layer (`SELF_SIGNED_CERT_IN_CHAIN`, `ECONNREFUSED`). */
  code: string | undefined;
  detail: string;
}

export interface OpenAiChatOptions {
  /** `openai` or `gigachat`: named in errors and answers. */
  provider: string;
  baseUrl: string;
  /** A key, or a function the SDK calls before every request (GigaChat's 30-minute token). */
  apiKey: string | (() => Promise<string>);
  model: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts after the first on 408, 429, 5xx, timeouts and network errors. */
  retries: number;
  retryBaseDelayMs?: number;
  /** Sent with every request (OpenRouter's X-Title, Yandex's x-data-logging-enabled). */
  headers?: Record<string, string>;
  /** Sent as `OpenAI-Project`: Yandex AI Studio's folder id. */
  project?: string;
  /** Our own connection pool (an extra CA); undefined: the global one, with the proxy. */
  dispatcher?: Dispatcher;
  /** The provider's one-line message and fix for a failure. */
  explain?: (failure: LlmFailure) => { message: string; hint?: string };
  /** A 401 from the API: the provider drops its token and the call runs once more. */
  onUnauthorized?: () => void;
  onRetry?: (event: { operation: string; attempt: number; delayMs: number; reason: string }) => void;
}

const RETRYABLE_STATUS = (status: number): boolean => status === 408 || status === 409 || status === 429 || status >= 500;
const MAX_RETRY_AFTER_MS = 30_000;

export function createOpenAiChatModel(options: OpenAiChatOptions): ChatModel {
  const client = new OpenAI({
    // Always explicit, so stray OPENAI_* variables in the environment are never picked up.
    baseURL: options.baseUrl,
    apiKey: options.apiKey,
    timeout: options.timeoutMs,
    maxRetries: 0,
    ...(options.project ? { project: options.project } : {}),
    ...(options.headers ? { defaultHeaders: options.headers } : {}),
    // Node's fetch goes through the global dispatcher (the proxy); our own pool (a CA) needs undici's fetch to match it.
    ...(options.dispatcher ? { fetch: fetchThrough(options.dispatcher) } : {}),
  });
  const call = createCaller(options);

  return {
    provider: options.provider,
    model: options.model,

    complete: (request) => call('chat', () => completeChat(client, options, request), request.signal),

    listModels: (listOptions) =>
      call(
        'models',
        async () => {
          const page = await client.models.list(listOptions?.signal ? { signal: listOptions.signal } : undefined);
          return page.data.map((model): ModelInfo => {
            const type = (model as unknown as { type?: unknown }).type;
            return { id: model.id, ...(typeof type === 'string' ? { type } : {}) };
          });
        },
        listOptions?.signal,
      ),
  };
}

/** undici's fetch over `dispatcher`, loaded on the first call: ~130 ms of start-up that only an extra CA needs. */
export function fetchThrough(dispatcher: Dispatcher): typeof globalThis.fetch {
  let loaded: Promise<typeof UndiciFetch> | undefined;
  return async (input, init) => {
    loaded ??= import('undici').then((undici) => undici.fetch);
    const fetch = await loaded;
    return (await fetch(input as Parameters<typeof UndiciFetch>[0], { ...(init as Parameters<typeof UndiciFetch>[1]), dispatcher })) as unknown as Response;
  };
}

async function completeChat(client: OpenAI, options: OpenAiChatOptions, request: ChatRequest): Promise<ChatCompletion> {
  const response: unknown = await client.chat.completions.create(
    {
      model: options.model,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.user },
      ],
      temperature: request.temperature,
      // Compatible servers document max_tokens, not max_completion_tokens.
      max_tokens: request.maxTokens,
    },
    request.signal ? { signal: request.signal } : undefined,
  );
  return readCompletion(response, options);
}

/** The SDK validates nothing: a relay's HTML page or a half body must not pass for an answer. */
function readCompletion(response: unknown, options: OpenAiChatOptions): ChatCompletion {
  const body = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : undefined;
  const choice = Array.isArray(body?.choices) ? (body.choices[0] as Record<string, unknown> | undefined) : undefined;
  const message = choice?.message as Record<string, unknown> | undefined;
  if (!body || !message) {
    throw new LlmApiError(options.provider, 'chat', modelsText().noChoices(options.provider, options.baseUrl), { retryable: false });
  }
  const usage = body.usage as Record<string, unknown> | undefined;
  const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const inputTokens = count(usage?.prompt_tokens);
  const outputTokens = count(usage?.completion_tokens);
  return {
    text: typeof message.content === 'string' ? message.content : '',
    model: typeof body.model === 'string' && body.model !== '' ? body.model : options.model,
    finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : undefined,
    usage: { ...(inputTokens === undefined ? {} : { inputTokens }), ...(outputTokens === undefined ? {} : { outputTokens }) },
  };
}

type Caller = <T>(operation: string, run: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/** Our retry policy around one SDK call, every failure turned into `LlmApiError`; a 401 gets one fresh token. */
function createCaller(options: OpenAiChatOptions): Caller {
  const policy: BackoffPolicy = { baseDelayMs: options.retryBaseDelayMs ?? 1000, maxDelayMs: MAX_RETRY_AFTER_MS, jitter: 0.5 };
  return async <T>(operation: string, run: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    let renewed = false;
    const attempt = async (): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        const failure = toLlmError(options, operation, error);
        // A 401 from the API (an expired token), not from the token fetch itself (a refused key).
        if (failure.status === 401 && failure.operation === operation && options.onUnauthorized && !renewed) {
          renewed = true;
          options.onUnauthorized();
          return attempt();
        }
        throw failure;
      }
    };
    return retry(attempt, {
      attempts: options.retries + 1,
      policy,
      // A token failure surfacing here was retried by its own fetch already (GigaChat's auth).
      isRetryable: (error) => error instanceof LlmApiError && error.retryable && error.operation === operation,
      retryAfterOf: (error) => (error instanceof LlmApiError ? error.retryAfterMs : undefined),
      ...(signal ? { signal } : {}),
      onRetry: ({ attempt: number, delayMs, error }) => options.onRetry?.({ operation, attempt: number, delayMs, reason: describeError(error) }),
    });
  };
}

function toLlmError(options: OpenAiChatOptions, operation: string, error: unknown): LlmApiError {
  const explain = options.explain ?? explainOpenAiFailure;
  // Our own error, from inside the SDK's call (GigaChat's token fetch runs as its apiKey function), wrapped or not.
  const ours = findOwnError(error);
  if (ours) return ours;
  if (error instanceof APIUserAbortError) {
    return new LlmApiError(options.provider, operation, modelsText().cancelled(options.provider, operation), { retryable: false, cause: error });
  }
  if (error instanceof APIError && error.status !== undefined) {
    const status = error.status;
    const detail = readServerMessage(error);
    const { message, hint } = explain({ operation, status, code: undefined, detail });
    return new LlmApiError(options.provider, operation, message, {
      status,
      retryable: RETRYABLE_STATUS(status),
      retryAfterMs: readRetryAfter(error.headers),
      hint,
      cause: error,
    });
  }
  // An answer that is not JSON (a relay's cut body): sending the completion again may bill it twice.
  if (hasCause(error, SyntaxError)) {
    return new LlmApiError(options.provider, operation, modelsText().notJson(options.provider, operation, describeCause(error)), {
      retryable: false,
      hint: modelsText().notJsonHint(options.baseUrl),
      cause: error,
    });
  }
  // No answer: a timeout, a refused connection, a certificate nobody vouches for.
  const code = error instanceof APIConnectionTimeoutError ? 'ETIMEDOUT' : findCode(error);
  const { message, hint } = explain({ operation, status: undefined, code, detail: describeCause(error) });
  return new LlmApiError(options.provider, operation, message, { retryable: !isTlsCode(code), hint, cause: error });
}

/** The error and its causes, outermost first (fetch wraps the socket's error twice; the SDK wraps its apiKey function's). */
function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current: unknown = error; chain.length < 6 && current instanceof Error; current = current.cause) chain.push(current);
  return chain;
}

function hasCause(error: unknown, type: typeof SyntaxError): boolean {
  return causeChain(error).some((cause) => cause instanceof type);
}

function findOwnError(error: unknown): LlmApiError | undefined {
  return causeChain(error).find((cause): cause is LlmApiError => cause instanceof LlmApiError);
}

/** OpenAI's `{error:{message}}`; the SDK keeps nothing of other bodies (GigaChat's `{status,message}`). */
function readServerMessage(error: APIError): string {
  const inner = error.error as { message?: unknown } | undefined;
  if (inner && typeof inner.message === 'string' && inner.message !== '') return inner.message;
  return `${error.status} ${STATUS_TEXT[error.status ?? 0] ?? 'error'}`;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `retry-after-ms` (OpenAI's, milliseconds) first, else the standard `Retry-After`. */
function readRetryAfter(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  return parseRetryAfter(headers?.get('retry-after') ?? null, Date.now());
}

/** The innermost error code in the cause chain (fetch wraps the socket's error twice). */
export function findCode(error: unknown): string | undefined {
  return causeChain(error)
    .map((cause) => (cause as { code?: unknown }).code)
    .findLast((code): code is string => typeof code === 'string');
}

/** The innermost cause's message: "fetch failed" says nothing, its socket error does. */
function describeCause(error: unknown): string {
  const chain = causeChain(error);
  return describeError(chain.at(-1) ?? error);
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A certificate Node does not trust: no retry will change that. */
export function isTlsCode(code: string | undefined): boolean {
  return code !== undefined && TLS_CODES.has(code);
}

/** The wording for an OpenAI-compatible server: which setting to look at for each failure. */
export function explainOpenAiFailure(failure: LlmFailure): { message: string; hint?: string } {
  const { status, operation, detail } = failure;
  const text = modelsText();
  const prefix = text.openaiFailed(operation);
  if (status === undefined) {
    if (isTlsCode(failure.code)) return { message: text.openaiUntrusted(prefix, failure.code ?? ''), hint: text.openaiUntrustedHint };
    return { message: text.openaiNoAnswer(prefix, failure.code ?? detail), hint: text.openaiNoAnswerHint };
  }
  const hints: Record<number, string> = { 401: text.openai401Hint, 403: text.openai403Hint, 404: text.openai404Hint, 429: text.openai429Hint };
  const hint = hints[status] ?? (status >= 500 ? text.failingHint(text.theProvider) : undefined);
  return { message: text.openaiStatus(prefix, status, detail.replace(/^\d{3}\s+/, '')), ...(hint ? { hint } : {}) };
}
