/**
 * End to end, as a seller tries it: the built `avito-ai sandbox --chat` as a process, a question
 * typed into its stdin, `poll --once` and `sandbox say` as other processes, the answers in the
 * sandbox's own output.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { DEMO_KNOWLEDGE } from '../../src/cli/commands/demo.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';

let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

describe('sandbox as a process', () => {
  it('takes a question typed at its prompt, shows the answer of a poll run against it, and stops with exit 0', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-sandbox-e2e-'));
    const sandbox = spawnCli(['sandbox', '--chat', '--port', '0'], { cwd, stdin: 'pipe' });
    child = sandbox.child;
    let out = '';
    sandbox.child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await waitFor(() => /работает: http:\S+/.test(out), 'the sandbox banner');
    const url = /работает: (http:\S+)/.exec(out)?.[1] ?? '';
    const env = {
      AVITO_API_URL: url,
      AVITO_CLIENT_ID: 'sandbox-client',
      AVITO_CLIENT_SECRET: 'sandbox-secret',
      KNOWLEDGE_DIR: DEMO_KNOWLEDGE,
      STORE_PATH: join(cwd, 'data', 'avito-ai-sandbox.json'),
    };

    sandbox.child.stdin!.write('/чат u2i-demo-vacuum\nСколько лет гарантия?\n');
    await waitFor(() => out.includes('[u2i-demo-vacuum] Покупатель: Сколько лет гарантия?'), 'the typed question');
    const said = await spawnCli(['sandbox', 'say', 'u2i-demo-bike', 'Как вы доставляете?', '--url', url], { cwd }).done;
    expect(said.code).toBe(0);
    await waitFor(() => out.includes('[u2i-demo-bike] Покупатель: Как вы доставляете?'), 'the question from another shell');

    const poll = await spawnCli(['poll', '--once'], { cwd, env }).done;
    expect(poll.code).toBe(0);
    await waitFor(() => out.includes('[u2i-demo-vacuum] Бот:') && out.includes('[u2i-demo-bike] Бот:'), 'the bot answers');
    expect(out).toMatch(/\[u2i-demo-vacuum\] Бот: Гарантия 12 месяцев/);
    expect(out).toMatch(/\[u2i-demo-bike\] Бот: [^[]*Авито Доставк/);

    sandbox.child.kill('SIGTERM');
    const done = await sandbox.done;
    expect(done.code).toBe(0);
    expect(done.stderr).toBe('');
  });
});
