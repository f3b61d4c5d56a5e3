/** pause/resume issued while the daemon runs and holds the store: queued, then applied by the daemon. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { runInProcess } from '../helpers/cli.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('pause and resume while the daemon runs', () => {
  it('are queued for the running daemon, which applies them on its next pass', async () => {
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-control-'));
    const env = {
      ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')),
      AVITO_POLL_INTERVAL: '1',
    };
    const daemon = spawnCli(['poll'], { cwd, env });
    let log = '';
    daemon.child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      await waitFor(() => sandbox!.sent('u2i-demo-vacuum').length === 1, 'the first answer');

      const paused = await runInProcess(['pause', 'u2i-demo-vacuum', '--hours', '1'], { cwd, env });
      expect(paused.code).toBe(0);
      expect(paused.stdout).toMatch(/^u2i-demo-vacuum: пауза до .* в очереди: хранилище занято запущенным avito-ai; он выполнит это в начале следующего прохода \(в течение 1 с\)\n$/);
      await waitFor(() => log.includes('выполнена команда pause'), 'the pause to be applied');
      sandbox.addMessage('u2i-demo-vacuum', { text: 'Как доставляете?' });
      const passesBefore = (log.match(/INFO\s+проход /g) ?? []).length;
      await waitFor(() => (log.match(/INFO\s+проход /g) ?? []).length >= passesBefore + 2, 'two more passes');
      expect(sandbox.sent('u2i-demo-vacuum'), log + JSON.stringify(sandbox.messages('u2i-demo-vacuum'))).toHaveLength(1);

      const resumed = await runInProcess(['resume', 'u2i-demo-vacuum'], { cwd, env });
      expect(resumed.stdout).toContain('resume в очереди');
      await waitFor(() => log.includes('выполнена команда resume'), 'the resume to be applied');
      // Resume answers from now on: the question asked during the pause is the seller's.
      expect(sandbox.sent('u2i-demo-vacuum')).toHaveLength(1);
      sandbox.addMessage('u2i-demo-vacuum', { text: 'А оплатить как?' });
      await waitFor(() => sandbox!.sent('u2i-demo-vacuum').length === 2, 'the answer after resume');

      // The seller answers by hand from the terminal while the daemon runs: sent, and the bot steps back.
      const manual = await runInProcess(['reply', 'u2i-demo-bike', '--text', 'Обмен не интересует, спасибо.'], { cwd, env });
      expect(manual.code, manual.stderr).toBe(0);
      expect(manual.stdout).toMatch(/^u2i-demo-bike: отправлено от имени продавца \(сообщений: 1\); пауза в очереди: /);
      const bikeBefore = sandbox.sent('u2i-demo-bike').length;
      sandbox.addMessage('u2i-demo-bike', { text: 'А почему?' });
      const passes = (log.match(/INFO\s+проход /g) ?? []).length;
      await waitFor(() => (log.match(/INFO\s+проход /g) ?? []).length >= passes + 2, 'two more passes');
      expect(sandbox.sent('u2i-demo-bike')).toHaveLength(bikeBefore);
    } finally {
      daemon.child.kill('SIGTERM');
      expect((await daemon.done).code).toBe(0);
    }
  }, 40_000);

  it('pause --all holds every chat, unread, until resume --all; then the question asked meanwhile is answered', async () => {
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-control-'));
    const env = { ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')), AVITO_POLL_INTERVAL: '1' };
    const daemon = spawnCli(['poll'], { cwd, env });
    let log = '';
    daemon.child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const passes = (): number => (log.match(/INFO\s+проход /g) ?? []).length;
    const readMarks = (): number => sandbox!.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/read')).length;
    try {
      await waitFor(() => sandbox!.sent().length === 5 && passes() >= 2, 'the demo chats answered');

      const paused = await runInProcess(['pause', '--all'], { cwd, env });
      expect(paused.code, paused.stderr).toBe(0);
      expect(paused.stdout).toMatch(/^pause --all до avito-ai resume --all в очереди: хранилище занято запущенным avito-ai; он выполнит это в начале следующего прохода \(в течение 1 с\)\n$/);
      await waitFor(() => log.includes('выполнена команда pause --all из очереди: бот не отвечает ни в одном чате до resume --all'), 'the account pause to be applied');
      const reads = readMarks();
      sandbox.addMessage('u2i-demo-vacuum', { text: 'Как доставляете?' });
      sandbox.addMessage('u2i-demo-coffee', { text: 'А в Казань отправите?' });
      const before = passes();
      await waitFor(() => passes() >= before + 2, 'two more passes');
      expect(sandbox.sent(), log).toHaveLength(5);
      expect(readMarks()).toBe(reads);
      expect(sandbox.messages('u2i-demo-vacuum').at(-1)).toMatchObject({ direction: 'in', is_read: false });

      const resumed = await runInProcess(['resume', '--all'], { cwd, env });
      expect(resumed.stdout).toContain('resume --all в очереди');
      await waitFor(() => log.includes('выполнена команда resume --all'), 'the resume to be applied');
      // Unlike a chat's resume, the questions asked during an account pause are still the bot's to answer.
      await waitFor(() => sandbox!.sent('u2i-demo-vacuum').length === 2 && sandbox!.sent('u2i-demo-coffee').length === 2, 'the answers after resume --all');
      expect(sandbox.sent()).toHaveLength(7);
    } finally {
      daemon.child.kill('SIGTERM');
      expect((await daemon.done).code).toBe(0);
    }
  }, 40_000);
});
