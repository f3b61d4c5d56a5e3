/**
 * Typed errors shared by every layer. Each carries a `name` and the context a user needs;
 * the CLI edge turns them into one line (and an exit code), the stack only under DEBUG.
 */

/** Base class: every error avito-ai raises on purpose extends it. */
export class AvitoAiError extends Error {
  /** A short hint telling the user how to fix the problem, shown after the message. */
  readonly hint: string | undefined;

  constructor(message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** A configuration value is missing or malformed. */
export class ConfigError extends AvitoAiError {
  constructor(
    readonly key: string,
    message: string,
    options: { hint?: string } = {},
  ) {
    super(message, options);
  }
}

/** The command line itself is wrong (bad argument value). */
export class UsageError extends AvitoAiError {}

/**
 * What went wrong with a messenger call, as the core decides on it:
 * - `credentials`: the keys are refused; nothing works until the seller fixes them;
 * - `access`: the keys work but the account lacks a scope or the paid tariff;
 * - `unavailable`: no answer, a timeout, 429 or 5xx; the messenger is down or busy;
 * - `not-found`: the chat (or other thing asked for) does not exist;
 * - `rejected`: the messenger refused this one request;
 * - `malformed`: the answer did not have the promised shape.
 */
export type MessengerFailure = 'credentials' | 'access' | 'unavailable' | 'not-found' | 'rejected' | 'malformed';

/** A call to the messenger failed. The core decides on `failure` and `ambiguous`, never on an adapter's own error class. */
export class MessengerError extends AvitoAiError {
  /** True when the request may have reached the messenger (timeout, reset): a send must not be repeated blindly. */
  readonly ambiguous: boolean;

  constructor(
    message: string,
    readonly failure: MessengerFailure,
    options: { cause?: unknown; hint?: string; ambiguous?: boolean } = {},
  ) {
    super(message, options);
    this.ambiguous = options.ambiguous ?? false;
  }
}

/** An Avito API call failed with an answer (status) or without one (status 0: network, timeout). */
export class AvitoApiError extends MessengerError {
  constructor(
    message: string,
    readonly status: number,
    readonly endpoint: string,
    options: {
      cause?: unknown;
      hint?: string;
      ambiguous?: boolean;
      /** Seconds Avito asked us to wait (429 Retry-After). */
      retryAfter?: number;
      failure?: MessengerFailure;
    } = {},
  ) {
    super(message, options.failure ?? failureOfStatus(status), options);
    this.retryAfter = options.retryAfter;
  }

  readonly retryAfter: number | undefined;
}

function failureOfStatus(status: number): MessengerFailure {
  if (status === 0 || status === 429 || status >= 500) return 'unavailable';
  if (status === 404) return 'not-found';
  return 'rejected';
}

/** Credentials are wrong or lack a scope or a tariff: retrying will not help, the seller must act. */
export class AvitoAuthError extends AvitoApiError {
  constructor(
    message: string,
    status: number,
    endpoint: string,
    readonly reason: 'credentials' | 'scope-or-tariff',
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, status, endpoint, { ...options, failure: reason === 'credentials' ? 'credentials' : 'access' });
  }
}

/** An Avito answer does not have the shape the API promises. */
export class AvitoResponseError extends AvitoApiError {
  constructor(message: string, status: number, endpoint: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, status, endpoint, { ...options, failure: 'malformed' });
  }
}

/** The store file cannot be used: corrupt, unreadable, unwritable, locked. Nothing is overwritten. */
export class StoreError extends AvitoAiError {
  constructor(
    message: string,
    readonly path: string,
    readonly reason: 'corrupt' | 'locked' | 'io' | 'schema',
    options: { cause?: unknown; hint?: string } = {},
  ) {
    super(message, options);
  }
}

/** The knowledge engine could not answer (outage, timeout, bad index). The inquiry stays open. */
export class KnowledgeError extends AvitoAiError {
  constructor(
    message: string,
    readonly engine: string,
    options: { cause?: unknown; hint?: string } = {},
  ) {
    super(message, options);
  }
}

/** Telegram refused or could not be reached where the seller needs it to work. */
export class TelegramBotError extends AvitoAiError {
  constructor(
    message: string,
    readonly reason: 'token' | 'conflict' | 'network',
    hint?: string,
  ) {
    super(message, hint ? { hint } : {});
  }
}

/** A failed call to the Gemini API, after retries: `status` is the HTTP status when there was one. */
export class GeminiApiError extends KnowledgeError {
  readonly status: number | undefined;
  /** True for failures worth another attempt (429, 5xx, timeouts, network). */
  readonly retryable: boolean;
  /** How long the server asked us to wait (its RetryInfo), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly operation: string,
    message: string,
    options: { status?: number; retryable?: boolean; retryAfterMs?: number | undefined; hint?: string | undefined; cause?: unknown },
  ) {
    super(message, 'gemini', { ...(options.hint ? { hint: options.hint } : {}), ...(options.cause === undefined ? {} : { cause: options.cause }) });
    this.status = options.status;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** A failed call to a chat model's API (GigaChat, an OpenAI-compatible server), after retries. */
export class LlmApiError extends KnowledgeError {
  /** The HTTP status, when there was an answer. */
  readonly status: number | undefined;
  /** True for failures worth another attempt (429, 5xx, timeouts, network). */
  readonly retryable: boolean;
  /** How long the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    engine: string,
    readonly operation: string,
    message: string,
    options: { status?: number | undefined; retryable?: boolean; retryAfterMs?: number | undefined; hint?: string | undefined; cause?: unknown } = {},
  ) {
    super(message, engine, { ...(options.hint ? { hint: options.hint } : {}), ...(options.cause === undefined ? {} : { cause: options.cause }) });
    this.status = options.status;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Turns anything thrown into a message string, for logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The webhook URL did not answer an empty POST with 200 within 2 s, as Avito requires before subscribing. */
export class WebhookCheckError extends AvitoAiError {
  constructor(
    message: string,
    readonly url: string,
    options: { cause?: unknown; hint?: string } = {},
  ) {
    super(message, options);
  }
}
