/** Runs the built `bin/avito-ai.js` as a real process (needs `npm run build` first; `npm test` does it). */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/avito-ai.js');

export interface SpawnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
}

export function spawnCli(
  args: string[],
  options: {
    env?: Record<string, string>;
    cwd?: string;
    killAfterMs?: number;
    timeoutMs?: number;
    /** Another user to run as (only root may switch). */
    uid?: number;
    gid?: number;
    /** 'pipe' to type into the process through `child.stdin`. */
    stdin?: 'ignore' | 'pipe';
  } = {},
): { child: ChildProcess; done: Promise<SpawnResult> } {
  assertBuilt();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    // A clean environment: nothing from the developer's shell or .env leaks in.
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timers: NodeJS.Timeout[] = [];
  if (options.killAfterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), options.killAfterMs));
  timers.push(setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000));
  const done = new Promise<SpawnResult>((resolve) => {
    child.on('close', (code, signal) => {
      timers.forEach(clearTimeout);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
