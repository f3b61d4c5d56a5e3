/**
 * `avito-ai serve` as a real process: SIGTERM answers what waits in the queue now (not after
 * REPLY_DELAY), saves and exits 0; SIGKILL with questions queued loses none of them, because the
 * safety pass at the next start finds them unanswered in Avito. Built, serve listens from a thread
 * of its own; these tests are that mode's proof as a whole process.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { freePort, WEBHOOK_SECRET } from '../helpers/serve.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const TOKEN = 'serve-process-token-0123';
const authorized = { headers: { authorization: `Bearer ${TOKEN}` } };

async function setUp(): Promise<{ env: Record<string, string>; cwd: string; url: string; monitor: string }> {
  sandbox = await startDemoSandbox();
  const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-serve-process-'));
  const [port, monitorPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  return {
    cwd,
    url,
    monitor: `http://127.0.0.1:${monitorPort}`,
    env: {
      ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')),
      AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PORT: String(port),
      MONITOR_PORT: String(monitorPort),
      MONITOR_TOKEN: TOKEN,
      APP_BASE_URL: url,
      SAFETY_POLL_MINUTES: '60',
      LOG_FORMAT: 'json',
    },
  };
}

async function queued(monitor: string): Promise<number> {
  const body = (await (await fetch(`${monitor}/stats`, authorized)).json()) as { pending_messages: number };
  return body.pending_messages;
}

describe('serve as a process', () => {
  it('listens from a thread of its own, which acknowledges and refuses, and serves the monitor from the daemon', async () => {
    const { env, cwd, url, monitor } = await setUp();
    const { child, done } = spawnCli(['serve'], { cwd, env: { ...env, REPLY_DELAY: '120' } });
    await waitFor(() => sandbox!.sent().length >= 5, 'the pass at start');
    const hook = `${url}/avito/webhook/${WEBHOOK_SECRET}`;
    const message = sandbox!.addMessage('u2i-demo-vacuum', { text: 'Как доставляете?' });
    const delivery = JSON.stringify(sandbox!.deliveryFor('u2i-demo-vacuum', message.id));
    expect((await fetch(hook, { method: 'POST', body: delivery })).status).toBe(200);
    expect((await fetch(hook, { method: 'POST', body: '{"payload":' })).status).toBe(400);
    expect((await fetch(`${url}/avito/webhook/wrong`, { method: 'POST', body: delivery })).status).toBe(404);
    const stats = (await (await fetch(`${monitor}/stats`, authorized)).json()) as { pending_messages: number; webhook: { received: number; rejected: number } };
    expect(stats).toMatchObject({ pending_messages: 1, webhook: { received: 1, rejected: 1 } });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${monitor}/health`, authorized)).status).toBe(200);
    expect(await (await fetch(`${monitor}/metrics`, authorized)).text()).toContain('avito_ai_webhook_deliveries_total{result="rejected"} 1');
    expect((await fetch(`${monitor}/dashboard`, authorized)).status).toBe(200);
    expect((await fetch(`${url}/stats`, authorized)).status).toBe(404);
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; listener?: string });
    expect(lines.find((line) => line.msg === 'serve запущен')?.listener).toBe('thread');
    expect(lines.at(-1)?.msg).toBe('serve остановлен: очередь разобрана и сохранена');
    expect(sandbox!.sent('u2i-demo-vacuum')).toHaveLength(2);
  }, 40_000);

  it('on SIGTERM answers the queued question at once, saves and exits 0', async () => {
    const { env, cwd, monitor } = await setUp();
    // A quiet period far longer than the test: only the drain can answer in time.
    const { child, done } = spawnCli(['serve'], { cwd, env: { ...env, REPLY_DELAY: '120' } });
    await waitFor(() => sandbox!.sent().length >= 5, 'the pass at start');
    const subscribed = spawnCli(['register-webhook'], { cwd, env });
    expect((await subscribed.done).code).toBe(0);
    sandbox!.addMessage('u2i-demo-vacuum', { text: 'Как доставляете?' });
    await sandbox!.flushDeliveries();
    expect(await queued(monitor)).toBe(1);
    expect(sandbox!.sent('u2i-demo-vacuum')).toHaveLength(1);
    const stopAt = Date.now();
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(10_000);
    expect(sandbox!.sent('u2i-demo-vacuum')).toHaveLength(2);
    const last = JSON.parse(result.stderr.trim().split('\n').at(-1)!) as { msg: string };
    expect(last.msg).toBe('serve остановлен: очередь разобрана и сохранена');
    expect(existsSync(join(cwd, 'data', 'avito-ai.lock'))).toBe(false);
  }, 40_000);

  it('after SIGKILL with questions queued, the next start answers each of them once', async () => {
    const { env, cwd, monitor } = await setUp();
    const first = spawnCli(['serve'], { cwd, env: { ...env, REPLY_DELAY: '120' } });
    await waitFor(() => sandbox!.sent().length >= 5, 'the pass at start');
    expect((await spawnCli(['register-webhook'], { cwd, env }).done).code).toBe(0);
    for (const chat of ['u2i-demo-vacuum', 'u2i-demo-coffee', 'u2i-demo-bike']) sandbox!.addMessage(chat, { text: 'Как доставляете?' });
    await sandbox!.flushDeliveries();
    expect(await queued(monitor)).toBe(3);
    first.child.kill('SIGKILL');
    await first.done;
    const before = sandbox!.sent().length;

    const second = spawnCli(['serve'], { cwd, env: { ...env, REPLY_DELAY: '120' } });
    await waitFor(() => sandbox!.sent().length >= before + 3, 'the answers after the restart');
    second.child.kill('SIGTERM');
    expect((await second.done).code).toBe(0);
    for (const chat of ['u2i-demo-vacuum', 'u2i-demo-coffee', 'u2i-demo-bike']) expect(sandbox!.sent(chat), chat).toHaveLength(2);
  }, 40_000);
});
