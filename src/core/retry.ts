/**
 * One backoff rule and one retry loop for Gemini, Telegram and the inbox's second looks. The Avito
 * requester keeps its own loop: there, whether a failed send may have landed decides, not the wait.
 */
import { abortableSleep } from './async.js';

export interface BackoffPolicy {
  /** Wait after the first failed attempt. */
  baseDelayMs: number;
  /** Growth per attempt (default 2; 1 keeps the wait constant). */
  factor?: number;
  /** Bounds on the wait, a server's requested wait included (default: none). */
  maxDelayMs?: number;
  minDelayMs?: number;
  /** Share jitter may take off the grown wait: 0.5 waits between half and all of it (default 0). */
  jitter?: number;
  /** A server's requested wait is a floor under the backoff (`at-least`, default) or replaces it. */
  retryAfter?: 'at-least' | 'instead';
}

/**
 * The wait after failed attempt `attempt` (1 for the first), in whole ms: `baseDelayMs ·
 * factor^(attempt-1)`, capped, then jittered, then the server's wait, then the bounds again.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, hints: { retryAfterMs?: number; random?: () => number } = {}): number {
  const max = policy.maxDelayMs ?? Number.POSITIVE_INFINITY;
  const grown = Math.min(max, policy.baseDelayMs * (policy.factor ?? 2) ** (attempt - 1));
  const jitter = policy.jitter ?? 0;
  const backoff = jitter > 0 ? grown * (1 - jitter + jitter * (hints.random ?? Math.random)()) : grown;
  const { retryAfterMs } = hints;
  const wanted = retryAfterMs === undefined ? backoff : policy.retryAfter === 'instead' ? retryAfterMs : Math.max(backoff, retryAfterMs);
  return Math.round(Math.max(policy.minDelayMs ?? 0, Math.min(max, wanted)));
}

export interface RetryEvent {
  /** The attempt that failed, 1 for the first. */
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface RetryOptions {
  /** Attempts in all, the first included (`Infinity`: until success, a refusal or the signal). */
  attempts: number;
  /** A function of the failure when the wait depends on what went wrong. */
  policy: BackoffPolicy | ((error: unknown) => BackoffPolicy);
  /** False ends the loop with this error (default: every error is retried). */
  isRetryable?: (error: unknown) => boolean;
  /** The wait the server asked for, if it did. */
  retryAfterOf?: (error: unknown) => number | undefined;
  /**
   * Once aborted, no retry is scheduled and a wait ends early. The attempt after a wait cut short
   * still runs and is expected to refuse the signal itself (as fetch does): the caller then gets
   * the operation's own error, not one made up here.
   */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Called before each wait, for the log. */
  onRetry?: (event: RetryEvent) => void;
}

/** Runs `operation` until it succeeds; rejects with its last error when retrying ends. */
export async function retry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= options.attempts || options.signal?.aborted || !(options.isRetryable?.(error) ?? true)) throw error;
      const policy = typeof options.policy === 'function' ? options.policy(error) : options.policy;
      const delayMs = backoffDelay(attempt, policy, { retryAfterMs: options.retryAfterOf?.(error), random: options.random });
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}
