/** The shared queue's writes against a real Redis, reached through a relay that can break the connection mid-publish (a process killed there). */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/redis/connection.js';
import { WorkQueue } from '../../src/redis/work-queue.js';
import { HAS_REDIS, startRedis, type TestRedis } from '../helpers/redis-server.js';

let redis: TestRedis;

/** Forwards to Redis; the first client write naming a look's mark reaches Redis, and then the connection is gone (both ends). */
async function startBreakingRelay(port: number): Promise<{ url: string; broke: () => boolean; close: () => Promise<void> }> {
  let broke = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    upstream.on('error', () => undefined);
    client.on('error', () => undefined);
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (broke) return void upstream.write(chunk);
      if (!chunk.includes('look-queued')) return void upstream.write(chunk);
      broke = true;
      // Redis gets this write whole and runs it; its answer never comes back, and nothing after it gets through this connection.
      upstream.end(chunk);
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${address.port}/0`,
    broke: () => broke,
    close: () => new Promise<void>((resolve) => (sockets.forEach((socket) => socket.destroy()), server.close(() => resolve()))),
  };
}

describe.skipIf(!HAS_REDIS)('the shared queue on a real Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  // Before, a look was queued in two steps (mark the chat's look queued, then add the entry): a process killed between them left the mark
  // without an entry, the next pass's look at the chat was dropped as already queued, and the buyer's question was never answered.
  it('a publish broken off after its first write leaves the look queued, or nothing that stops the next one', async () => {
    const prefix = 'avito-ai:{split-publish}:';
    const relay = await startBreakingRelay(redis.port);
    const dying = await connectRedis(relay.url, 'dying');
    const healthy = await connectRedis(redis.url, 'healthy');
    try {
      const before = new WorkQueue(dying, { url: relay.url, prefix, consumer: 'dying', claimIdleMs: 60_000 });
      await before.publish({ kind: 'look', chatId: 'c1' }).catch(() => undefined);
      expect(relay.broke()).toBe(true);
      dying.disconnect();
      // The next pass, in another process, asks for the same look.
      const after = new WorkQueue(healthy, { url: redis.url, prefix, consumer: 'healthy', claimIdleMs: 60_000 });
      await after.publish({ kind: 'look', chatId: 'c1' });
      const entries = await healthy.xrange(`${prefix}queue`, '-', '+');
      expect(entries.map(([, fields]) => JSON.parse(fields[1]!) as { chatId: string }).map((job) => job.chatId)).toEqual(['c1']);
      before.close();
      after.close();
    } finally {
      healthy.disconnect();
      await relay.close();
    }
  });
});
