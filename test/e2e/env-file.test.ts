/**
 * `--env-file` naming a file that is not there, as the seller types it: `avito-ai … --env-file x` runs the bin
 * through its first line, not `node bin/avito-ai.js`. Node takes `--env-file` for its own flag wherever it stands
 * before a `--` (nodejs/node#54232) and exits 9 with `node: x: not found` before our code runs; the bin has to put
 * that `--` in, so the seller gets our one line and the configuration exit code.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { BIN, assertBuilt, type SpawnResult } from '../helpers/spawn-cli.js';

/** Runs `command args` as a shell would: no `node` in front, the bin's own first line decides. */
function run(command: string, args: string[], cwd: string): Promise<SpawnResult> {
  assertBuilt();
  const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
}

describe('--env-file with a missing file', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-env-file-'));
  const missing = join(cwd, 'nope.env');
  const ours = `avito-ai: не удаётся прочитать ${missing}: ENOENT (проверьте путь в --env-file)\n`;

  it.each([
    [['--env-file', 'nope.env', 'stats']],
    [['stats', '--env-file', 'nope.env']],
    [['--env-file=nope.env', 'stats']],
    [['chats', '--env-file=nope.env']],
  ])('avito-ai %j: our one line and exit code 3, not Node\'s', async (args) => {
    const result = await run(BIN, args, cwd);
    expect(result.stderr).not.toContain('node:');
    expect(result.stderr).toBe(ours);
    expect(result.code).toBe(ExitCode.Config);
  });

  it('avito-ai doctor --env-file …: the Settings check fails with the fix, as for any settings problem', async () => {
    for (const args of [['--env-file', 'nope.env', 'doctor'], ['doctor', '--env-file', 'nope.env']]) {
      const result = await run(BIN, args, cwd);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(new RegExp(`^ОШИБКА\\s+Настройки\\s+не удаётся прочитать ${missing}: ENOENT\\n\\s+как исправить: проверьте путь в --env-file\\n`));
      expect(result.code).toBe(ExitCode.Failure);
    }
  });

  it('a file that is there is read, and its variables stay out of Node\'s hands', async () => {
    // NODE_OPTIONS from an --env-file Node took for its own would be applied to the process itself.
    writeFileSync(join(cwd, 'good.env'), `STORE_PATH=${join(cwd, 'store.json')}\nNODE_OPTIONS=--max-old-space-size=1\n`);
    const result = await run(BIN, ['stats', '--json', '--env-file', 'good.env'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(ExitCode.Ok);
  });

  it('node -- bin/avito-ai.js …, the way to start it with node by hand, gives our line too', async () => {
    const result = await run(process.execPath, ['--', BIN, '--env-file', 'nope.env', 'stats'], cwd);
    expect(result.stderr).toBe(ours);
    expect(result.code).toBe(ExitCode.Config);
  });
});
