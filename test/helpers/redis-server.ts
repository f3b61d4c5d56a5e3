/**
 * A real redis-server for the Redis store's tests: on a free loopback port, in a folder of its own, AOF on (`appendfsync always`,
 * so a SIGKILL of the server loses nothing a test wrote). Missing redis-server skips, unless AVITO_AI_REQUIRE_REDIS=1 (CI).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

export const REDIS_REQUIRED = process.env.AVITO_AI_REQUIRE_REDIS === '1';
export const HAS_REDIS = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
if (REDIS_REQUIRED && !HAS_REDIS) throw new Error('AVITO_AI_REQUIRE_REDIS=1 but redis-server is not installed');

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** SIGKILL and start again on the same port and files (AOF replays). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-redis-'));
  const port = await freePort();
  let child = await launch(dir, port);
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    dir,
    async restart() {
      await kill(child);
      child = await launch(dir, port);
    },
    async stop() {
      await kill(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${output}`));
    });
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
