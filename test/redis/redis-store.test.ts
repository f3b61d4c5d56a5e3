import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEscalationMatcher, DEFAULT_ESCALATION_PHRASES } from '../../src/core/escalation.js';
import { createResponder } from '../../src/core/responder.js';
import { fenceSends } from '../../src/redis/fenced-sends.js';
import { openRedisStore, type RedisStore } from '../../src/redis/redis-store.js';
import { FakeEngine } from '../helpers/fake-engine.js';
import { FakeMessenger } from '../helpers/fake-messenger.js';
import { HAS_REDIS, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { responderSettings } from '../helpers/responder-settings.js';

const SETTINGS = responderSettings();

let redis: TestRedis;
let account = 0;
const opened: RedisStore[] = [];

async function open(name: string, options: { ttlMs?: number } = {}): Promise<RedisStore> {
  const store = await openRedisStore({ url: redis.url, account: name, ...(options.ttlMs ? { leases: { ttlMs: options.ttlMs } } : {}) });
  opened.push(store);
  return store;
}

/** Two processes on one account: two stores, as two `avito-ai` processes would open. */
async function twoProcesses(options: { ttlMs?: number } = {}): Promise<[RedisStore, RedisStore]> {
  const name = `shop${++account}`;
  return [await open(name, options), await open(name, options)];
}

describe.skipIf(!HAS_REDIS)('the Redis store', () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close().catch(() => undefined)));
    await redis?.stop();
  });

  it("shows one process's writes to another once it replays the log, counters added, not overwritten", async () => {
    const [a, b] = await twoProcesses();
    await a.run('c1', () =>
      a.transact((tx) => {
        tx.updateChat('c1', (state) => void (state.buyerName = 'Анна'));
        tx.markProcessed(['m1']);
        tx.increment('repliesSent');
        tx.setMeta('k', 'v');
      }),
    );
    await b.transact((tx) => tx.increment('repliesSent', 2));
    await Promise.all([a.catchUp(), b.catchUp()]);
    for (const store of [a, b]) {
      expect(store.getChat('c1')?.buyerName).toBe('Анна');
      expect(store.isProcessed('m1')).toBe(true);
      expect(store.counters().repliesSent).toBe(3);
      expect(store.getMeta('k')).toBe('v');
    }
    // A third process starting now reads the same from Redis.
    const c = await open(a.prefix.slice('avito-ai:{'.length, -2));
    expect(c.counters().repliesSent).toBe(3);
    expect(c.getChat('c1')?.botMessageIds).toEqual([]);
  });

  it('keeps accounts apart', async () => {
    const a = await open(`apart-a${++account}`);
    const b = await open(`apart-b${account}`);
    await a.run('c1', () => a.transact((tx) => tx.updateChat('c1', (state) => void (state.buyerName = 'A'))));
    await b.catchUp();
    expect(b.getChat('c1')).toBeUndefined();
  });

  it("refuses a write to a chat another process holds, and a stalled holder's write after its lease passed on", async () => {
    const [a, b] = await twoProcesses({ ttlMs: 300 });
    let release: (() => void) | undefined;
    const holding = a.run('c1', () => new Promise<void>((resolve) => (release = resolve)));
    // The lease is taken before the callback runs: under load `release` may not be set yet when the token is.
    await waitFor(() => a.leases.token('chat:c1') !== undefined && release !== undefined);
    await expect(b.transact((tx) => tx.updateChat('c1', (state) => void (state.buyerName = 'B')))).rejects.toThrow(/другой процесс/);
    expect(b.getChat('c1')).toBeUndefined();
    release?.();
    await holding;

    // A takes the chat, then stalls (its renewals stop reaching Redis) while B takes it over.
    await a.leases.tryAcquire('chat:c2');
    await a.redis.del(`${a.prefix}lease:chat:c2`);
    expect(await b.leases.tryAcquire('chat:c2')).toBe(true);
    await expect(a.transact((tx) => tx.updateChat('c2', (state) => void (state.buyerName = 'stale')))).rejects.toThrow(/другой процесс/);
    const messenger = new FakeMessenger();
    messenger.addChat('c2');
    await expect(fenceSends(messenger, a.leases).sendMessage('c2', 'поздно')).rejects.toThrow(/другой процесс/);
    expect(messenger.sends).toEqual([]);
    await fenceSends(messenger, b.leases).sendMessage('c2', 'вовремя');
    expect(messenger.sentTo('c2')).toEqual(['вовремя']);
  });

  it('refuses the write of a process whose lease lapsed while it stalled, though no one else holds the chat now', async () => {
    const [a, b] = await twoProcesses({ ttlMs: 300 });
    await b.run('c1', () => b.transact((tx) => tx.updateChat('c1', (state) => void (state.buyerName = 'свежее'))));
    expect(await a.leases.tryAcquire('chat:c1')).toBe(true);
    // A stalls: its renewals stop (here: its lease is deleted as if it ran out) and its clock runs past the grant.
    await a.redis.del(`${a.prefix}lease:chat:c1`);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(a.transact((tx) => tx.updateChat('c1', (state) => void (state.buyerName = 'устаревшее')))).rejects.toThrow(/другой процесс/);
    expect(JSON.parse((await b.redis.hget(`${b.prefix}chats`, 'c1')) ?? '{}').buyerName).toBe('свежее');
    // Never held at all: refused just the same; what belongs to no chat is written freely.
    await expect(b.transact((tx) => tx.updateChat('c9', (state) => void (state.buyerName = 'без аренды')))).rejects.toThrow(/другой процесс/);
    await expect(b.transact((tx) => tx.setMeta('shared', 'ok'))).resolves.toBeUndefined();
  });

  it('a send is refused when the process froze while its lease was being renewed: the yes from Redis comes too late', async () => {
    const name = `freeze${++account}`;
    let clock = 1_000_000;
    const store = await openRedisStore({ url: redis.url, account: name, leases: { ttlMs: 3000, now: () => clock } });
    opened.push(store);
    expect(await store.leases.tryAcquire('chat:c1')).toBe(true);
    const messenger = new FakeMessenger();
    messenger.addChat('c1');
    // The renewal reaches Redis and is granted; the process is frozen before it reads the answer.
    const evalNow = store.redis.eval.bind(store.redis);
    store.redis.eval = (async (...args: unknown[]) => {
      const answer = await (evalNow as (...rest: unknown[]) => Promise<unknown>)(...args);
      clock += 2500;
      return answer;
    }) as typeof store.redis.eval;
    await expect(fenceSends(messenger, store.leases).sendMessage('c1', 'после заморозки')).rejects.toThrow(/другой процесс/);
    expect(messenger.sends).toEqual([]);
    store.redis.eval = evalNow;
    // Unfrozen and renewed in time, the same process sends.
    clock += 10;
    expect(await store.leases.tryAcquire('chat:c1')).toBe(true);
    await fenceSends(messenger, store.leases).sendMessage('c1', 'вовремя');
    expect(messenger.sentTo('c1')).toEqual(['вовремя']);
  });

  it('answers a question once when two processes look at the chat at the same moment', async () => {
    const [storeA, storeB] = await twoProcesses();
    const messenger = new FakeMessenger();
    messenger.addChat('c1', { id: 4012345678, title: 'Кофемашина' });
    messenger.buyer('c1', 'Какое давление?');
    const engine = new FakeEngine({ давление: { text: 'Давление 15 бар.', sources: ['item.md'] } });
    const responder = (store: RedisStore) =>
      createResponder({
        messenger: fenceSends(messenger, store.leases),
        store,
        engine,
        notifier: { notify: () => undefined },
        clock: { now: () => Date.now() },
        settings: SETTINGS,
        escalation: createEscalationMatcher(DEFAULT_ESCALATION_PHRASES),
        chatLock: store,
      });
    const outcomes = await Promise.all([responder(storeA).handleChat('c1'), responder(storeB).handleChat('c1'), responder(storeA).handleChat('c1')]);
    expect(messenger.sentTo('c1')).toEqual(['Давление 15 бар.']);
    expect(outcomes.filter((o) => o.action === 'answered')).toHaveLength(1);
    await storeB.catchUp();
    expect(storeB.counters().repliesSent).toBe(1);
  });

  it('applies a transaction once when the client resends it after a dropped connection', async () => {
    const [a, b] = await twoProcesses();
    // What ioredis does after a reconnect: the same script, the same arguments, again.
    const sent: unknown[][] = [];
    const evalOnce = a.redis.eval.bind(a.redis);
    a.redis.eval = ((...args: unknown[]) => {
      sent.push(args);
      return (evalOnce as (...rest: unknown[]) => Promise<unknown>)(...args);
    }) as typeof a.redis.eval;
    await a.transact((tx) => tx.increment('found'));
    a.redis.eval = evalOnce;
    await (evalOnce as (...rest: unknown[]) => Promise<unknown>)(...sent[0]!);
    await b.catchUp();
    expect(b.counters().found).toBe(1);
    expect(Number(await b.redis.hget(`${b.prefix}counters`, 'found'))).toBe(1);
  });

  it('keeps what was written across a restart of Redis (AOF), and the processes go on writing', async () => {
    const [a, b] = await twoProcesses();
    await a.run('c1', () => a.transact((tx) => tx.updateChat('c1', (state) => void (state.buyerName = 'до'))));
    await redis.restart();
    await a.transact((tx) => tx.increment('found'));
    await b.catchUp();
    expect(b.getChat('c1')?.buyerName).toBe('до');
    expect(b.counters().found).toBe(1);
  });
});

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
