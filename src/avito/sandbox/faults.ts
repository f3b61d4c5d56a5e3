/** Queued faults for exact scenarios, seeded random ones for chaos runs; deciding is pure, the server carries a fault out. */
import { createRandom } from './scenario.js';

/** Which requests a fault applies to; unset parts match everything. */
export interface FaultMatch {
  method?: string;
  /** Tested against the path without the query string. */
  path?: RegExp;
}

export type Fault = { match?: FaultMatch; /** Default 1. */ times?: number } & (
  | { kind: 'status'; status: number; /** Seconds, sent as Retry-After. */ retryAfter?: number; body?: unknown }
  | { kind: 'slow'; delayMs: number }
  /** Destroys the socket without answering, before the request is processed. */
  | { kind: 'drop' }
  /** Processes the request (a message IS sent), then destroys the socket: the ambiguous case. */
  | { kind: 'drop-after' }
);

export type FaultKind = Fault['kind'];

export interface FaultPlan {
  inject(fault: Fault): void;
  clear(): void;
  /** From now until `clear()`, a seeded `ratio` of requests get a random fault of one of `kinds`. */
  rate(ratio: number, kinds: readonly FaultKind[], seed?: number): void;
  /** The fault for this request, if any; consumes one use of a queued fault. */
  take(method: string, path: string): Fault | undefined;
}

/** The parameters `rate()` picks from: what real Avito and real networks do to a client. */
const RANDOM_STATUS_FAULTS: readonly Fault[] = [
  { kind: 'status', status: 429, retryAfter: 1 },
  { kind: 'status', status: 429 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
];
/**
 * Slower than the tests' AVITO_TIMEOUT (1 s), so the client gives up on the call, and inside the window (2 × AVITO_TIMEOUT from the send's
 * start) a send of unknown fate is waited for. At 2000 ms, exactly the window, a send whose maker was killed landed a few ms after it: another
 * process that looked in between sent the reply again (the three-process chaos test, about 1 run in 25).
 */
const RANDOM_SLOW_MS = 1500;

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (match === undefined) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path !== undefined) {
    // A /g or /y regex remembers where it stopped; every request must be tested from the start.
    match.path.lastIndex = 0;
    if (!match.path.test(path)) return false;
  }
  return true;
}

export function createFaultPlan(): FaultPlan {
  let queue: Array<{ fault: Fault; remaining: number }> = [];
  let random: { ratio: number; kinds: readonly FaultKind[]; next: () => number } | undefined;

  function pick<T>(items: readonly T[], next: () => number): T {
    return items[Math.floor(next() * items.length)] as T;
  }

  function randomFault(kind: FaultKind, next: () => number): Fault {
    switch (kind) {
      case 'status':
        return pick(RANDOM_STATUS_FAULTS, next);
      case 'slow':
        return { kind: 'slow', delayMs: RANDOM_SLOW_MS };
      case 'drop':
        return { kind: 'drop' };
      case 'drop-after':
        return { kind: 'drop-after' };
    }
  }

  return {
    inject(fault) {
      const times = fault.times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw new Error(`Fault times must be a positive integer, got ${times}`);
      queue.push({ fault, remaining: times });
    },
    clear() {
      queue = [];
      random = undefined;
    },
    rate(ratio, kinds, seed = 1) {
      if (!(ratio >= 0 && ratio <= 1)) throw new Error(`Fault ratio must be between 0 and 1, got ${ratio}`);
      if (kinds.length === 0) throw new Error('Fault kinds must not be empty');
      random = { ratio, kinds: [...kinds], next: createRandom(seed) };
    },
    take(method, path) {
      const index = queue.findIndex((entry) => matches(entry.fault.match, method, path));
      const entry = queue[index];
      if (entry !== undefined) {
        entry.remaining -= 1;
        if (entry.remaining === 0) queue.splice(index, 1);
        return entry.fault;
      }
      if (random === undefined) return undefined;
      // One draw per request whatever the outcome, so a seed replays the same faults on the same traffic.
      if (random.next() >= random.ratio) return undefined;
      return randomFault(pick(random.kinds, random.next), random.next);
    },
  };
}
