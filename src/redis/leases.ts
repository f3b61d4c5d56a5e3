/** Leases in Redis: who may work on a chat, run the pass or read Telegram. Each grant has a fencing token (owner#n, n from one counter): a write or send checks it, so a process that stalled past its lease can do neither. */
import { abortableSleep } from '../core/async.js';
import type { RedisClient } from './connection.js';

const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local token = ARGV[1] .. '#' .. redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
return token`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface LeaseOptions {
  /** How long a grant lives without renewal: the longest a dead holder blocks the others. */
  ttlMs?: number;
  /** Between two tries at a lease someone else holds. */
  retryMs?: number;
  now?: () => number;
}

interface Held {
  token: string;
  /** Past this (local clock), the grant may have lapsed in Redis: nothing is sent on it. */
  validUntil: number;
  timer: NodeJS.Timeout;
}

export const DEFAULT_LEASE_TTL_MS = 15_000;

export class LeaseBusyError extends Error {
  override readonly name = 'LeaseBusyError';
}

export class Leases {
  readonly #held = new Map<string, Held>();
  readonly #ttlMs: number;
  readonly #retryMs: number;
  readonly #now: () => number;
  /** A send starts only with at least this much of the lease left: the time it may take to leave this process. */
  readonly #sendMarginMs: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    readonly owner: string,
    options: LeaseOptions = {},
  ) {
    this.#ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    this.#retryMs = options.retryMs ?? 50;
    this.#now = options.now ?? Date.now;
    this.#sendMarginMs = Math.floor(this.#ttlMs / 3);
  }

  get ttlMs(): number {
    return this.#ttlMs;
  }

  /** The token of a lease this process holds, while its grant is surely alive. */
  token(name: string): string | undefined {
    const held = this.#held.get(name);
    return held && held.validUntil > this.#now() ? held.token : undefined;
  }

  /** One try; renewed in the background while held. */
  async tryAcquire(name: string): Promise<boolean> {
    if (this.token(name)) return true;
    const started = this.#now();
    const token = (await this.redis.eval(ACQUIRE, 2, this.#key(name), `${this.prefix}lease-seq`, this.owner, this.#ttlMs)) as string | null;
    if (!token) return false;
    this.#keep(name, token, started);
    return true;
  }

  /** Waits while another process holds it, up to `waitMs`. */
  async acquire(name: string, options: { waitMs: number; signal?: AbortSignal }): Promise<void> {
    const deadline = this.#now() + options.waitMs;
    while (!(await this.tryAcquire(name))) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      if (this.#now() >= deadline) throw new LeaseBusyError(name);
      await abortableSleep(this.#retryMs, options.signal);
    }
  }

  /**
   * Renews now and says whether the lease is still this process's, with most of its life ahead: asked right before a send. A process frozen while
   * the renewal was on its way reads Redis's "yes" only after the freeze; by its own clock the grant may be gone by then, and the answer is no.
   */
  async confirm(name: string): Promise<boolean> {
    const held = this.#held.get(name);
    if (!held || held.validUntil <= this.#now()) {
      this.#drop(name);
      return false;
    }
    const asked = this.#now();
    if (!(await this.#renew(name, held))) return false;
    return this.#now() < asked + this.#ttlMs - this.#sendMarginMs;
  }

  async release(name: string): Promise<void> {
    const held = this.#held.get(name);
    if (!held) return;
    this.#drop(name);
    await this.redis.eval(RELEASE, 1, this.#key(name), held.token).catch(() => undefined);
  }

  async releaseAll(): Promise<void> {
    await Promise.all([...this.#held.keys()].map((name) => this.release(name)));
  }

  #keep(name: string, token: string, grantedAt: number): void {
    const held: Held = {
      token,
      validUntil: grantedAt + this.#ttlMs,
      timer: setInterval(() => void this.#renew(name, held), Math.max(10, Math.floor(this.#ttlMs / 3))),
    };
    held.timer.unref();
    this.#held.set(name, held);
  }

  async #renew(name: string, held: Held): Promise<boolean> {
    const started = this.#now();
    try {
      const renewed = (await this.redis.eval(RENEW, 1, this.#key(name), held.token, this.#ttlMs)) === 1;
      if (!renewed) {
        if (this.#held.get(name) === held) this.#drop(name);
        return false;
      }
      held.validUntil = started + this.#ttlMs;
      return true;
    } catch {
      // Redis unreachable: the grant runs out on its own clock.
      return held.validUntil > this.#now();
    }
  }

  #drop(name: string): void {
    const held = this.#held.get(name);
    if (held) clearInterval(held.timer);
    this.#held.delete(name);
  }

  #key(name: string): string {
    return `${this.prefix}lease:${name}`;
  }
}
