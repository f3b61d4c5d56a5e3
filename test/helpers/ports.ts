/**
 * Free ports for the servers a test starts. Each Vitest worker takes its ports from a block of its own, below the
 * system's ephemeral range (32768 and up on Linux), where the servers that listen on port 0 get theirs. Asking the
 * system for a free port and handing it to a child that binds it a moment later lost that race twice in CI: once the
 * system gave the same port again within one process (PORT and MONITOR_PORT alike), once another worker's server took
 * the port in between ("порт … занят"). Each process starts at a random place in its block: the next process of a worker
 * slot would otherwise draw the very ports the previous one used, while a server of that one may still be closing.
 */
import { createServer } from 'node:net';

const FIRST_PORT = 10_000;
const BLOCK_SIZE = 2800;
/** Blocks up to the ephemeral range; with more workers than this, two workers share a block (each port is still checked). */
const BLOCKS = 8;

export interface PortSource {
  /** A port of this source's block that nothing listens on right now; never the same twice in a row of BLOCK_SIZE. */
  next(): Promise<number>;
}

/** The ports of block `slot`: Vitest numbers its workers from 1 (VITEST_POOL_ID), no two running workers alike. */
export function findPortBlock(slot: number): { first: number; last: number } {
  const first = FIRST_PORT + (Math.abs(Math.trunc(slot)) % BLOCKS) * BLOCK_SIZE;
  return { first, last: first + BLOCK_SIZE - 1 };
}

/** Block 0 is no worker's: for use outside Vitest, and for this helper's own test. `offset`: where in the block to start. */
export function createPortSource(slot: number, offset = Math.floor(Math.random() * BLOCK_SIZE)): PortSource {
  const start = findPortBlock(slot).first;
  let drawn = offset;
  return {
    async next() {
      for (let tried = 0; tried < BLOCK_SIZE; tried += 1) {
        const port = start + (drawn % BLOCK_SIZE);
        drawn += 1;
        if (await canListen(port)) return port;
      }
      throw new Error(`no free port in ${start}–${start + BLOCK_SIZE - 1}`);
    },
  };
}

const source = createPortSource(Number(process.env.VITEST_POOL_ID ?? 0) || 0);

/** A port free right now on 127.0.0.1 (the server binds it a moment later), from this worker's own block. */
export function freePort(): Promise<number> {
  return source.next();
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
