/**
 * `avito-ai sync-docs` in a real pseudo-terminal (util-linux `script`) that reports 0 columns, as some web consoles
 * and CI runners do. The old spinner then wrote cursor moves in an endless synchronous loop: 350 MB in ten minutes,
 * and SIGTERM never got through. Now the run ends by itself with its report, writes little, and SIGTERM ends it cleanly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, assertBuilt } from '../helpers/spawn-cli.js';

const HAS_SCRIPT = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Runs `avito-ai <args>` in a terminal `columns` wide, its pid echoed first: the pseudo-terminal is a session of its
 * own, so after `timeoutMs` the process is killed by that pid, not through `script`'s group.
 */
function runInTerminal(columns: number, args: string, cwd: string, timeoutMs = 12_000) {
  assertBuilt();
  const command = `stty cols ${columns} rows 24; node ${BIN} ${args} & echo "pid=$!"; wait $!`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm', NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let bytes = 0;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    // Keep the start: enough to find the pid and the report, not the flood.
    if (output.length < 64_000) output += chunk.toString();
  });
  const pid = (): number | undefined => Number(/pid=(\d+)/.exec(output)?.[1]) || undefined;
  const kill = (target: number | undefined, signal: NodeJS.Signals): void => {
    try {
      if (target !== undefined) process.kill(target, signal);
    } catch {
      // Already gone.
    }
  };
  const timer = setTimeout(() => {
    kill(pid(), 'SIGKILL');
    kill(child.pid, 'SIGKILL');
  }, timeoutMs);
  const done = new Promise<{ code: number | null; bytes: number; output: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, bytes, output });
    }),
  );
  return { output: () => output, pid, kill, done };
}

async function knowledgeFolder(files: number): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'avito-ai-terminal-'));
  await mkdir(join(cwd, 'docs/knowledge'), { recursive: true });
  await Promise.all(
    Array.from({ length: files }, (_, i) => writeFile(join(cwd, 'docs/knowledge', `товар-${i}.md`), `Товар ${i}. Доставка по Москве ${i} рублей.\n`)),
  );
  return cwd;
}

describe.skipIf(!HAS_SCRIPT)('sync-docs in a terminal of 0 columns', () => {
  it('ends by itself with its report, and writes no more than the report', async () => {
    const cwd = await knowledgeFolder(3);
    const result = await runInTerminal(0, 'sync-docs', cwd).done;
    expect(result.code).toBe(0);
    expect(result.output).toContain('Документов проиндексировано: 3');
    expect(result.bytes).toBeLessThan(2048);
  }, 30_000);

  it('SIGTERM in the middle of a sync ends it cleanly, within seconds', async () => {
    const cwd = await knowledgeFolder(3000);
    await writeFile(join(cwd, '.env'), 'READY_MARK=1\n');
    const run = runInTerminal(0, 'sync-docs', cwd);
    // Node's own start is not under test: a SIGTERM before main.ts listens kills it with 143. The warning about
    // an unknown variable is printed once the settings are read, long after that.
    while (!run.output().includes('READY_MARK')) await new Promise((resolve) => setTimeout(resolve, 20));
    const sentAt = Date.now();
    run.kill(run.pid(), 'SIGTERM');
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    expect(result.bytes).toBeLessThan(4096);
  }, 30_000);
});
