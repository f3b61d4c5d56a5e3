import { describe, expect, it } from 'vitest';
import { backoffDelay, retry, type RetryEvent, type RetryOptions } from '../../src/core/retry.js';

describe('backoffDelay', () => {
  it('doubles from the base delay by default, without jitter or bounds', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, { baseDelayMs: 1000 }))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('keeps the wait constant with factor 1', () => {
    expect([1, 5, 50].map((attempt) => backoffDelay(attempt, { baseDelayMs: 30_000, factor: 1 }))).toEqual([30_000, 30_000, 30_000]);
  });

  it('caps the growing wait before jitter, so jitter 0.5 waits between half the cap and the cap', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 30_000, jitter: 0.5 };
    expect(backoffDelay(10, policy, { random: () => 0 })).toBe(15_000);
    expect(backoffDelay(10, policy, { random: () => 0.999 })).toBe(29_985);
    expect(backoffDelay(1, policy, { random: () => 0.5 })).toBe(750);
    expect(backoffDelay(3, policy, { random: () => 0.25 })).toBe(2500);
  });

  it('rounds to whole milliseconds', () => {
    expect(backoffDelay(1, { baseDelayMs: 5, jitter: 0.5 }, { random: () => 0.3 })).toBe(3);
  });

  it('waits at least what the server asked by default, within the cap', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 30_000 };
    expect(backoffDelay(2, policy, { retryAfterMs: 7000 })).toBe(7000);
    expect(backoffDelay(4, policy, { retryAfterMs: 3000 })).toBe(8000);
    expect(backoffDelay(1, policy, { retryAfterMs: 120_000 })).toBe(30_000);
  });

  it("takes the server's wait instead of the backoff with retryAfter 'instead', above the floor", () => {
    const policy = { baseDelayMs: 30_000, factor: 1, minDelayMs: 1000, retryAfter: 'instead' as const };
    expect(backoffDelay(1, policy, { retryAfterMs: 5000 })).toBe(5000);
    expect(backoffDelay(1, policy, { retryAfterMs: 0 })).toBe(1000);
    expect(backoffDelay(1, policy)).toBe(30_000);
    expect(backoffDelay(1, { ...policy, baseDelayMs: 10 })).toBe(1000);
  });

  it('never calls random without jitter', () => {
    expect(backoffDelay(1, { baseDelayMs: 100 }, { random: () => expect.unreachable('random called') })).toBe(100);
  });
});

/** An operation failing with the given errors in turn, then answering 'done'. */
function failing(...errors: unknown[]) {
  const calls: number[] = [];
  const operation = async (attempt: number): Promise<string> => {
    calls.push(attempt);
    const error = errors[calls.length - 1];
    if (error !== undefined) throw error;
    return 'done';
  };
  return { operation, calls };
}

function recorded(options: Partial<RetryOptions> = {}) {
  const sleeps: number[] = [];
  const events: RetryEvent[] = [];
  const retryOptions: RetryOptions = {
    attempts: 4,
    policy: { baseDelayMs: 100 },
    sleep: async (ms) => void sleeps.push(ms),
    onRetry: (event) => events.push(event),
    ...options,
  };
  return { retryOptions, sleeps, events };
}

describe('retry', () => {
  it('retries until the operation succeeds, waiting the backoff and reporting each retry', async () => {
    const first = new Error('one');
    const second = new Error('two');
    const { operation, calls } = failing(first, second);
    const { retryOptions, sleeps, events } = recorded();
    await expect(retry(operation, retryOptions)).resolves.toBe('done');
    expect(calls).toEqual([1, 2, 3]);
    expect(sleeps).toEqual([100, 200]);
    expect(events).toEqual([
      { attempt: 1, delayMs: 100, error: first },
      { attempt: 2, delayMs: 200, error: second },
    ]);
  });

  it('rejects with the last error once the attempts are spent', async () => {
    const errors = [new Error('1'), new Error('2'), new Error('3')];
    const { operation, calls } = failing(...errors);
    const { retryOptions, sleeps } = recorded({ attempts: 3 });
    await expect(retry(operation, retryOptions)).rejects.toBe(errors[2]);
    expect(calls).toEqual([1, 2, 3]);
    expect(sleeps).toHaveLength(2);
  });

  it('rejects at once with an error that is not retryable', async () => {
    const fatal = new Error('fatal');
    const { operation, calls } = failing(new Error('flaky'), fatal);
    const { retryOptions, sleeps } = recorded({ isRetryable: (error) => error !== fatal });
    await expect(retry(operation, retryOptions)).rejects.toBe(fatal);
    expect(calls).toEqual([1, 2]);
    expect(sleeps).toEqual([100]);
  });

  it("waits what the server asked, and the policy may depend on the failure", async () => {
    const slow = Object.assign(new Error('429'), { retryAfterMs: 7000 });
    const conflict = new Error('409');
    const { operation } = failing(slow, conflict, new Error('network'));
    const { retryOptions, sleeps } = recorded({
      attempts: Number.POSITIVE_INFINITY,
      policy: (error) => ({ baseDelayMs: error === conflict ? 400 : 100, factor: 1 }),
      retryAfterOf: (error) => (error as { retryAfterMs?: number }).retryAfterMs,
    });
    await retry(operation, retryOptions);
    expect(sleeps).toEqual([7000, 400, 100]);
  });

  it('passes random to the jitter', async () => {
    const { operation } = failing(new Error('x'));
    const { retryOptions, sleeps } = recorded({ policy: { baseDelayMs: 1000, jitter: 0.5 }, random: () => 0 });
    await retry(operation, retryOptions);
    expect(sleeps).toEqual([500]);
  });

  it('schedules no retry once the signal has aborted', async () => {
    const controller = new AbortController();
    const error = new Error('down');
    const { retryOptions, sleeps } = recorded({ signal: controller.signal });
    const operation = async (): Promise<never> => {
      controller.abort();
      throw error;
    };
    await expect(retry(operation, retryOptions)).rejects.toBe(error);
    expect(sleeps).toEqual([]);
  });

  it('ends a wait early when the signal aborts, and the next attempt sees the signal', async () => {
    const controller = new AbortController();
    const calls: boolean[] = [];
    const operation = async (): Promise<never> => {
      calls.push(controller.signal.aborted);
      if (controller.signal.aborted) throw new Error('cancelled');
      throw new Error('down');
    };
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    await expect(retry(operation, { attempts: 5, policy: { baseDelayMs: 60_000 }, signal: controller.signal })).rejects.toThrow('cancelled');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(calls).toEqual([false, true]);
  });

  it('passes the signal to sleep', async () => {
    const controller = new AbortController();
    const signals: Array<AbortSignal | undefined> = [];
    const { operation } = failing(new Error('x'));
    await retry(operation, { attempts: 2, policy: { baseDelayMs: 1 }, signal: controller.signal, sleep: async (_ms, signal) => void signals.push(signal) });
    expect(signals).toEqual([controller.signal]);
  });
});
