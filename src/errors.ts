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

/** An Avito API call failed with an answer (status) or without one (status 0: network, timeout). */
export class AvitoApiError extends AvitoAiError {
  constructor(
    message: string,
    readonly status: number,
    readonly endpoint: string,
    options: {
      cause?: unknown;
      hint?: string;
      /** True when the request may have reached Avito (timeout, reset): a send must not be repeated blindly. */
      ambiguous?: boolean;
      /** Seconds Avito asked us to wait (429 Retry-After). */
      retryAfter?: number;
    } = {},
  ) {
    super(message, options);
    this.ambiguous = options.ambiguous ?? false;
    this.retryAfter = options.retryAfter;
  }

  readonly ambiguous: boolean;
  readonly retryAfter: number | undefined;
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
    super(message, status, endpoint, options);
  }
}

/** An Avito answer does not have the shape the API promises. */
export class AvitoResponseError extends AvitoApiError {}

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
