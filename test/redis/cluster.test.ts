/** The roles several processes on one Redis share out: one reads Telegram, one runs the passes; a dead holder's role passes on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCluster } from '../../src/cli/cluster.js';
import { openRedisStore, type RedisStore } from '../../src/redis/redis-store.js';
import { HAS_REDIS, startRedis, type TestRedis } from '../helpers/redis-server.js';

let redis: TestRedis;
let account = 0;

async function twoProcesses(ttlMs: number): Promise<[RedisStore, RedisStore]> {
  const name = `roles${++account}`;
  const open = () => openRedisStore({ url: redis.url, account: name, leases: { ttlMs } });
  return [await open(), await open()];
}

describe.skipIf(!HAS_REDIS)('roles on a shared Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('one process reads Telegram at a time; when it dies, another takes over once its lease runs out', async () => {
    const [a, b] = await twoProcesses(600);
    const [clusterA, clusterB] = [await openCluster(a, { replyDelayMs: 100 }), await openCluster(b, { replyDelayMs: 100 })];
    const reading = new Set<string>();
    let overlap = false;
    const listen = (name: string) => (signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        if (reading.size > 0) overlap = true;
        reading.add(name);
        signal.addEventListener('abort', () => (reading.delete(name), resolve()), { once: true });
      });
    const stopA = new AbortController();
    const stopB = new AbortController();
    const runA = clusterA.holdTelegram(listen('a'), stopA.signal);
    await waitFor(() => reading.has('a'));
    const runB = clusterB.holdTelegram(listen('b'), stopB.signal);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...reading]).toEqual(['a']);
    // A dies without a word: its lease is no longer renewed (its connection is gone).
    a.redis.disconnect();
    await waitFor(() => reading.has('b'), 8000);
    expect(overlap).toBe(false);
    stopA.abort();
    stopB.abort();
    await Promise.all([runA, runB]);
    clusterA.close();
    clusterB.close();
    await Promise.all([a.close().catch(() => undefined), b.close()]);
  });

  it('one process runs the passes; the others take the turn only after it is gone', async () => {
    const [a, b] = await twoProcesses(500);
    const [clusterA, clusterB] = [await openCluster(a, { replyDelayMs: 100 }), await openCluster(b, { replyDelayMs: 100 })];
    expect(await clusterA.takeTurn()).toBe(true);
    expect(await clusterB.takeTurn()).toBe(false);
    expect(await clusterA.takeTurn()).toBe(true);
    a.redis.disconnect();
    // The turn passes once A's lease runs out unrenewed (the test's timeout bounds the wait).
    while (!(await clusterB.takeTurn())) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await clusterB.takeTurn()).toBe(true);
    clusterA.close();
    clusterB.close();
    await Promise.all([a.close().catch(() => undefined), b.close()]);
  });
});

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
