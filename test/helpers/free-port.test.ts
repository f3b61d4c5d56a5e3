import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createPortSource, findPortBlock, freePort } from './ports.js';

describe('freePort', () => {
  // A test that starts serve takes two ports (PORT and MONITOR_PORT) one after the other; the system may hand a port
  // it just closed out again, and serve then refuses to start ("MONITOR_PORT и PORT оба равны …").
  it('never hands out the same port twice in one process', async () => {
    const ports: number[] = [];
    for (let drawn = 0; drawn < 400; drawn += 1) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
  });

  // Another worker's server bound the port this worker had just been handed ("порт … занят"): workers draw from
  // blocks of their own, below the ephemeral range that servers listening on port 0 are given ports from.
  it('gives each worker a block of its own, below the ephemeral range', () => {
    const blocks = Array.from({ length: 8 }, (_, slot) => findPortBlock(slot));
    blocks.forEach((block, at) => {
      expect(block.last).toBeLessThan(32_768);
      for (const other of blocks.slice(at + 1)) expect(block.last < other.first || other.last < block.first).toBe(true);
    });
  });

  it('skips a port something already listens on', async () => {
    // Block 0 is no worker's, so binding its ports here cannot get in another worker's way.
    const taken = await createPortSource(0, 0).next();
    const server = await listen(taken);
    try {
      expect(await createPortSource(0, 0).next()).not.toBe(taken);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
