/** The daemon as a process: it keeps passing, and SIGTERM/SIGINT end it cleanly (exit 0, lock released). */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe.each(['SIGTERM', 'SIGINT'] as const)('poll daemon and %s', (signal) => {
  it('answers on each pass, then finishes the work in hand, saves and exits 0', async () => {
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-daemon-'));
    const store = join(cwd, 'data', 'avito-ai.json');
    const { child, done } = spawnCli(['poll', '--interval', '1'], {
      cwd,
      env: {
        ...sandboxEnv(sandbox, store),
        LOG_FORMAT: 'json',
      },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor(() => sandbox!.sent().length >= 5, 'the first pass');
    // A question arriving while the daemon runs is answered on a later pass.
    sandbox.addMessage('u2i-demo-vacuum', { text: 'Как доставляете?' });
    await waitFor(() => sandbox!.sent('u2i-demo-vacuum').length >= 2, 'the answer to the new question');
    child.kill(signal);
    const result = await done;
    expect(result.code).toBe(0);
    const lines = stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: string; msg: string; time: string; documents?: number });
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'база знаний готова', documents: 7 });
    expect(lines[1]).toMatchObject({ level: 'info', msg: 'poll запущен' });
    expect(lines.some((l) => l.msg === 'проход')).toBe(true);
    expect(lines.at(-1)).toMatchObject({ msg: 'poll остановлен: начатое доделано и сохранено' });
    expect(existsSync(join(cwd, 'data', 'avito-ai.lock'))).toBe(false);
    // Nothing answered twice across passes.
    expect(sandbox.sent('u2i-demo-vacuum')).toHaveLength(2);
  }, 30_000);
});

describe('poll daemon with a blackholed Telegram', () => {
  it('answers buyers, and SIGTERM still ends the process within seconds', async () => {
    const { startFakeTelegram } = await import('../helpers/fake-telegram.js');
    const telegram = await startFakeTelegram();
    // Nothing Telegram is asked ever answers: the process must not wait on it at exit.
    telegram.failNext('getMe', { hang: true, times: 100 });
    telegram.failNext('sendMessage', { hang: true, times: 1000 });
    try {
      sandbox = await startDemoSandbox();
      const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-daemon-'));
      const { child, done } = spawnCli(['poll', '--interval', '1'], {
        cwd,
        env: {
          ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')),
          TELEGRAM_BOT_TOKEN: telegram.token,
          TELEGRAM_OWNER_CHAT_ID: '5550001',
          TELEGRAM_API_ROOT: telegram.url,
        },
      });
      await waitFor(() => sandbox!.sent().length >= 5, 'the first pass');
      const stopping = Date.now();
      child.kill('SIGTERM');
      const result = await done;
      expect(result.code, result.stderr).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(8000);
      expect(result.stderr).toMatch(/not sent before exit/);
    } finally {
      await telegram.close();
    }
  }, 30_000);
});
