// What the benchmarks share: the repository root, `--name value` arguments, and the settings
// that point a child avito-ai at the in-process sandbox.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `--runs 100 --seed 2` → `{ runs: '100', seed: '2' }`. */
export function readArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(argv.reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
}

/**
 * A clean environment for avito-ai against `sandbox`, answering from the example documents into a
 * store in `dir`. Benchmarks measure throughput: the per-chat and account reply caps and the age limit are off
 * (generated chats reach days into the past).
 */
export function sandboxEnv(sandbox, dir) {
  return {
    PATH: process.env.PATH ?? '',
    AVITO_API_URL: sandbox.url,
    AVITO_CLIENT_ID: sandbox.credentials.clientId,
    AVITO_CLIENT_SECRET: sandbox.credentials.clientSecret,
    KNOWLEDGE_DIR: join(ROOT, 'docs/examples/knowledge'),
    STORE_PATH: join(dir, 'avito-ai.json'),
    MAX_REPLIES_PER_HOUR: '10000',
    MAX_REPLIES_PER_HOUR_ACCOUNT: '0',
    REPLY_MAX_AGE_HOURS: '0',
  };
}

/**
 * Counts fsync/fdatasync calls on file handles from now on: each is one durable write (the
 * store's appends and snapshots all end in one).
 */
export async function countDurableWrites() {
  const { open } = await import('node:fs/promises');
  const probe = await open(process.execPath, 'r');
  const FileHandle = Object.getPrototypeOf(probe);
  await probe.close();
  const counter = { count: 0 };
  for (const name of ['sync', 'datasync']) {
    const original = FileHandle[name];
    FileHandle[name] = function (...rest) {
      counter.count += 1;
      return original.apply(this, rest);
    };
  }
  return counter;
}

/** A port free on 127.0.0.1 right now (the server binds it a moment later). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
