/** For Gemini, Telegram and the inbox; the Avito requester keeps its own loop, where whether a failed send may have landed decides. */
import { abortableSleep } from './async.js';

export interface BackoffPolicy {
  baseDelayMs: number;
  factor?: number;
  maxDelayMs?: number;
  minDelayMs?: number;
  /** Share jitter may take off the grown wait: 0.5 waits between half and all of it. */
  jitter?: number;
  /** A server's requested wait is a floor under the backoff (default) or replaces it. */
  retryAfter?: 'at-least' | 'instead';
}

/** `attempt` is 1 for the first failure; the grown wait is capped, jittered, then the server's wait applies, then the bounds again. */
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
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface RetryOptions {
  attempts: number;
  policy: BackoffPolicy | ((error: unknown) => BackoffPolicy);
  isRetryable?: (error: unknown) => boolean;
  retryAfterOf?: (error: unknown) => number | undefined;
  /** Once aborted, no retry is scheduled and a wait ends early; the attempt after it still runs and should refuse the signal itself (as fetch does). */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  onRetry?: (event: RetryEvent) => void;
}

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
