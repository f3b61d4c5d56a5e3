/**
 * `avito-ai serve` through the path a seller takes: started from the CLI against the Avito sandbox,
 * subscribed with `avito-ai register-webhook`, fed by the sandbox's own webhook deliveries over
 * loopback. What buyers receive is read back from the sandbox.
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { generateScenario, type Sandbox } from '../../src/avito/sandbox/index.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { runInProcess } from '../helpers/cli.js';
import { freePort, startServe, WEBHOOK_SECRET, type RunningServe } from '../helpers/serve.js';
import { waitFor } from '../helpers/spawn-cli.js';

let sandbox: Sandbox;
let env: Record<string, string>;
let cwd: string;
let serve: RunningServe | undefined;

beforeEach(async () => {
  sandbox = await startDemoSandbox();
  cwd = mkdtempSync(join(tmpdir(), 'avito-ai-serve-'));
  env = {
    ...sandboxEnv(sandbox, join(cwd, 'store.json')),
    REPLY_DELAY: '0.3',
    // Only the pass at start: every later answer in these tests comes through a webhook.
    SAFETY_POLL_MINUTES: '60',
    LOG_LEVEL: 'warn',
  };
});

afterEach(async () => {
  if (serve) await serve.stop();
  serve = undefined;
  await sandbox.close();
});

async function start(extra: Record<string, string> = {}): Promise<RunningServe> {
  serve = await startServe({ cwd, env: { ...env, ...extra } });
  // The pass at start answers the demo chats; the tests begin after it.
  await waitForJson(serve, '/stats', (stats: { last_poll_time: string | null }) => stats.last_poll_time !== null);
  return serve;
}

async function subscribe(running: RunningServe): Promise<void> {
  const result = await runInProcess(['register-webhook'], { cwd, env: { ...env, AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET, APP_BASE_URL: running.url } });
  expect(result.code, result.stderr).toBe(ExitCode.Ok);
  expect(sandbox.subscriptions()).toEqual([running.webhookUrl]);
}

/** A monitor route's JSON, asked with the token. */
async function getJson<T>(running: RunningServe, path: string): Promise<T> {
  const response = await running.monitor(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function waitForJson<T>(running: RunningServe, path: string, check: (body: T) => boolean): Promise<T> {
  let last: T | undefined;
  const started = Date.now();
  for (;;) {
    last = (await (await running.monitor(path)).json()) as T;
    if (check(last)) return last;
    if (Date.now() - started > 15_000) throw new Error(`timed out waiting on ${path}: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhooks end to end', () => {
  it('answers a delivered question once, and never its own echo', async () => {
    const running = await start();
    await subscribe(running);
    const before = sandbox.sent('u2i-demo-coffee').length;
    sandbox.addMessage('u2i-demo-coffee', { text: 'В каком состоянии кофемашина?' });
    await waitFor(() => sandbox.sent('u2i-demo-coffee').length > before, 'the reply to the delivered question');
    // The reply comes back as a delivery too (the bot's echo); it must start nothing.
    await sandbox.flushDeliveries();
    await pause(800);
    const replies = sandbox.sent('u2i-demo-coffee').slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.content).toMatchObject({ text: expect.stringMatching(/состояни/i) });
    expect(sandbox.deliveries.map((delivery) => delivery.status)).toEqual(sandbox.deliveries.map(() => 200));
    const stats = await getJson<{ webhook: { received: number } }>(running, '/stats');
    // The question, the echo, and the checks register-webhook and Avito made.
    expect(stats.webhook.received).toBeGreaterThanOrEqual(4);
    // The echo may outrun the bot's own record of its reply; either way it costs no look at the
    // chat: no request for the chat's messages after the reply went out.
    const sentAt = sandbox.requests.findLastIndex((request) => request.method === 'POST' && request.path.endsWith('/chats/u2i-demo-coffee/messages'));
    const looksAfter = sandbox.requests.slice(sentAt + 1).filter((request) => request.method === 'GET' && request.path.includes('/chats/u2i-demo-coffee/messages'));
    expect(sentAt).toBeGreaterThan(-1);
    expect(looksAfter).toEqual([]);
    const result = await running.stop();
    serve = undefined;
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
  });

  it('answers a burst of lines once, after the chat goes quiet', async () => {
    const running = await start({ REPLY_DELAY: '0.6' });
    await subscribe(running);
    const before = sandbox.sent('u2i-demo-vacuum').length;
    sandbox.addMessage('u2i-demo-vacuum', { text: 'Здравствуйте' });
    await pause(200);
    sandbox.addMessage('u2i-demo-vacuum', { text: 'Пылесос ещё продаётся?' });
    await pause(200);
    sandbox.addMessage('u2i-demo-vacuum', { text: 'И какая на него гарантия?' });
    const lastLineAt = Date.now();
    await waitFor(() => sandbox.sent('u2i-demo-vacuum').length > before, 'the reply to the burst');
    // Answered after REPLY_DELAY (0.6 s) of quiet following the last line, not after the first.
    expect(Date.now() - lastLineAt).toBeGreaterThanOrEqual(550);
    await sandbox.flushDeliveries();
    await pause(1000);
    const replies = sandbox.sent('u2i-demo-vacuum').slice(before);
    expect(replies).toHaveLength(1);
  });

  it('takes a replayed delivery once: duplicates get 200 and no second reply', async () => {
    const running = await start();
    await subscribe(running);
    const before = sandbox.sent('u2i-demo-bike').length;
    const question = sandbox.addMessage('u2i-demo-bike', { text: 'Какой размер рамы?' });
    const body = JSON.stringify(sandbox.deliveryFor('u2i-demo-bike', question.id));
    const replays = await Promise.all(
      Array.from({ length: 5 }, () => fetch(running.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })),
    );
    expect(replays.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    await waitFor(() => sandbox.sent('u2i-demo-bike').length > before, 'the reply');
    await sandbox.flushDeliveries();
    await pause(800);
    expect(sandbox.sent('u2i-demo-bike').slice(before)).toHaveLength(1);
    const stats = await getJson<{ webhook: { duplicates: number } }>(running, '/stats');
    expect(stats.webhook.duplicates).toBeGreaterThanOrEqual(5);
  });

  it('stays silent when the seller answers from the app before the quiet ends, and pauses the chat', async () => {
    const running = await start({ REPLY_DELAY: '0.8' });
    await subscribe(running);
    const before = sandbox.sent('u2i-demo-bike').length;
    sandbox.addMessage('u2i-demo-bike', { text: 'Можно посмотреть велосипед сегодня?' });
    await pause(150);
    sandbox.addMessage('u2i-demo-bike', { author_id: sandbox.account.id, direction: 'out', text: 'Да, приезжайте к 18:00' });
    await sandbox.flushDeliveries();
    const chats = await waitForJson<{ paused: Array<{ chat_id: string; reason: string }> }>(running, '/chats', (body) =>
      body.paused.some((chat) => chat.chat_id === 'u2i-demo-bike'),
    );
    expect(chats.paused.find((chat) => chat.chat_id === 'u2i-demo-bike')?.reason).toBe('takeover');
    await pause(500);
    expect(sandbox.sent('u2i-demo-bike').slice(before)).toHaveLength(0);
  });

  it('acknowledges 1,000 deliveries (and 200 replays) at once, and answers each question exactly once', async () => {
    // A thousand questions in a minute is past the account's hourly cap (200 by default): lifted here, as it would be for such a shop.
    const running = await start({ REPLY_DELAY: '0', POLL_CONCURRENCY: '8', MAX_REPLIES_PER_HOUR: '10000', MAX_REPLIES_PER_HOUR_ACCOUNT: '0', REPLY_MAX_AGE_HOURS: '0' });
    const generated = generateScenario({ chats: 1000, messagesPerChat: 1, accountId: sandbox.account.id, seed: 7 });
    for (const chat of generated.chats) sandbox.addChat(chat);
    const bodies = generated.chats.map((chat) => JSON.stringify(sandbox.deliveryFor(chat.id, sandbox.messages(chat.id).at(-1)!.id)));
    const posts = [...bodies, ...bodies.slice(0, 200)];
    const acks: number[] = [];
    const statuses: number[] = [];
    let next = 0;
    // 50 connections at once, as a busy account's deliveries arrive.
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < posts.length) {
          const body = posts[next++]!;
          const started = performance.now();
          const response = await fetch(running.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          await response.arrayBuffer();
          acks.push(performance.now() - started);
          statuses.push(response.status);
        }
      }),
    );
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(acks).toHaveLength(posts.length);
    // How fast the 200s come (Avito waits 2 s for each) is measured by bench/webhook.mjs against a bare Node
    // server: a wall-clock limit here measured only how busy the machine was (3 s with CI's other files running).
    await waitFor(() => generated.chats.every((chat) => sandbox.sent(chat.id).length >= 1), 'a reply in each of the 1,000 chats', 60_000);
    await pause(500);
    const counts = generated.chats.map((chat) => sandbox.sent(chat.id).length);
    expect(counts.filter((count) => count !== 1)).toEqual([]);
  }, 90_000);
});

describe('the monitor', () => {
  it('serves the store’s real figures, dialogs, chats, health and metrics', async () => {
    const running = await start();
    const stats = await getJson<Record<string, unknown>>(running, '/stats');
    for (const key of ['total_messages', 'pending_messages', 'processing_messages', 'completed_messages', 'failed_messages', 'escalated_chats', 'paused_chats', 'active_dialogs', 'last_poll_time', 'last_error']) {
      expect(stats, key).toHaveProperty(key);
    }
    // The demo: coffee and vacuum FOUND, bike NOT_FOUND, manager ESCALATION, voice NON_TEXT, one takeover.
    expect(stats).toMatchObject({ total_messages: 6, completed_messages: 5, escalated_chats: 1, paused_chats: 1, failed_messages: 0, last_error: null });
    const dialogs = await getJson<{ dialogs: Array<{ chat_id: string; question: string; status: string; sources: string[]; chat_url: string }> }>(
      running,
      '/dialogs?limit=10',
    );
    expect(dialogs.dialogs).toHaveLength(5);
    const vacuum = dialogs.dialogs.find((dialog) => dialog.chat_id === 'u2i-demo-vacuum');
    expect(vacuum).toMatchObject({ status: 'FOUND', question: 'Добрый день, на пылесос есть гарантия?', sources: ['item-4012345679-robot-pylesos.md'] });
    expect(vacuum?.chat_url).toBe('https://www.avito.ru/profile/messenger/channel/u2i-demo-vacuum');
    expect((await getJson<{ dialogs: unknown[] }>(running, '/dialogs?limit=2&offset=4')).dialogs).toHaveLength(1);
    const chats = await getJson<{ escalated: Array<{ chat_id: string }>; paused: Array<{ chat_id: string; reason: string }> }>(running, '/chats');
    expect(chats.escalated.map((chat) => chat.chat_id)).toEqual(['u2i-demo-manager']);
    expect(chats.paused).toEqual([expect.objectContaining({ chat_id: 'u2i-demo-takeover', reason: 'takeover' })]);
    expect(await getJson(running, '/queue')).toEqual({ waiting: [], running: [], open_chats: [], unconfirmed_replies: [] });
    expect(await getJson(running, '/health')).toMatchObject({ ok: true, checks: { store: { ok: true }, avito: { ok: true } } });
    const metrics = await (await running.monitor('/metrics')).text();
    expect(metrics).toContain('avito_ai_messages_total 6');
    expect(metrics).toContain('avito_ai_answers_total{status="FOUND"} 2');
    expect(metrics).toContain('avito_ai_partly_answered_total 0');
    expect(metrics).toContain('avito_ai_left_out_chats 0');
  });

  it('reports 503 on /health while Avito refuses service', async () => {
    const running = await start({ SAFETY_POLL_MINUTES: '0.1' });
    sandbox.faults.inject({ kind: 'status', status: 500, times: 10_000 });
    await waitForJson<{ ok: boolean }>(running, '/health', (health) => health.ok === false);
    const response = await running.monitor('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, reason: expect.stringMatching(/^avito:/), checks: { avito: { ok: false } } });
    // The public listener says as much, and no more.
    const bare = await fetch(`${running.url}/health`);
    expect(bare.status).toBe(503);
    expect(await bare.json()).toEqual({ ok: false, failing: ['avito'] });
    sandbox.faults.clear();
  }, 30_000);

  it('asks for MONITOR_TOKEN on the monitor, not on the webhook', async () => {
    const token = 'monitor-token-abcdef';
    const running = await start({ MONITOR_TOKEN: token });
    expect(running.token).toBe(token);
    expect((await fetch(`${running.monitorUrl}/stats`)).status).toBe(401);
    expect((await fetch(`${running.monitorUrl}/dashboard`)).status).toBe(401);
    expect((await fetch(`${running.monitorUrl}/stats`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${running.monitorUrl}/dashboard?token=${token}`)).status).toBe(200);
    expect((await fetch(running.webhookUrl, { method: 'POST', body: '{}' })).status).toBe(200);
    // The webhook's listener has no monitor, token or not.
    expect((await fetch(`${running.url}/stats?token=${token}`)).status).toBe(404);
    // A token the seller set is never made into a file, nor echoed in the log.
    expect(existsSync(join(cwd, 'store.monitor-token'))).toBe(false);
    const result = await running.stop();
    serve = undefined;
    expect(result.stderr).not.toContain(token);
  });

  it('without MONITOR_TOKEN makes one beside the store, logs the dashboard link with it, and keeps it across restarts', async () => {
    const running = await start({ LOG_LEVEL: 'info' });
    const file = join(cwd, 'store.monitor-token');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(running.token).toMatch(/^[0-9a-f]{48}$/);
    const first = await running.stop();
    serve = undefined;
    expect(first.stderr).toMatch(new RegExp(`INFO  панель: ${running.monitorUrl}/dashboard\\?token=${running.token} token_file=${file}\n`));
    // JSON lines are often shipped to a log service: the link there names the file instead.
    const again = await start({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    expect(again.token).toBe(running.token);
    expect((await again.monitor('/stats')).status).toBe(200);
    const second = await again.stop();
    serve = undefined;
    expect(second.stderr).not.toContain(running.token);
    const lines = second.stderr.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; token_file?: string });
    expect(lines.find((line) => line.msg.startsWith('панель: '))).toMatchObject({ msg: `панель: ${again.monitorUrl}/dashboard?token=<токен в ${file}>`, token_file: file });
  });

  it('`avito-ai stats` prints the same figures from the store, with no server running', async () => {
    const running = await start();
    const live = await getJson<Record<string, unknown>>(running, '/stats');
    await running.stop();
    serve = undefined;
    const result = await runInProcess(['stats', '--json'], { cwd, env });
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
    const offline = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const key of ['total_messages', 'completed_messages', 'failed_messages', 'escalated_chats', 'paused_chats', 'active_dialogs', 'last_poll_time', 'answers', 'latency_ms']) {
      expect(offline[key], key).toEqual(live[key]);
    }
    expect(offline.uptime_seconds).toBeNull();
    const table = await runInProcess(['stats'], { cwd, env });
    expect(table.stdout).toMatch(/^сообщений всего\s+6$/m);
    expect(table.stdout).toMatch(/^чатов передано вам\s+1$/m);
  });
});

describe('the seller’s controls under serve', () => {
  it('applies `avito-ai pause` within seconds, not at the next safety pass', async () => {
    const running = await start();
    const paused = await runInProcess(['pause', 'u2i-demo-coffee', '--hours', '2'], { cwd, env });
    expect(paused.code, paused.stderr).toBe(ExitCode.Ok);
    await waitForJson<{ paused: Array<{ chat_id: string }> }>(running, '/chats', (body) => body.paused.some((chat) => chat.chat_id === 'u2i-demo-coffee'));
  });

  it('answers the seller’s Telegram commands while serving', async () => {
    const { startFakeTelegram } = await import('../helpers/fake-telegram.js');
    const telegram = await startFakeTelegram();
    try {
      await start({ TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_OWNER_CHAT_ID: '5550001', TELEGRAM_API_ROOT: telegram.url });
      telegram.userSends(5550001, '/status');
      await telegram.waitFor((fake) => fake.sent.some((message) => message.chat_id === 5550001 && message.plain.includes('Работает') && message.plain.includes('эскалаций 1')), 10_000);
    } finally {
      await serve?.stop();
      serve = undefined;
      await telegram.close();
    }
  });
});

describe('settings serve refuses', () => {
  it('refuses to start without AVITO_WEBHOOK_SECRET, or with a short one, before touching the store', async () => {
    for (const secret of ['', 'short']) {
      const result = await runInProcess(['serve'], { cwd, env: { ...env, AVITO_WEBHOOK_SECRET: secret, PORT: String(await freePort()) } });
      expect(result.code).toBe(ExitCode.Config);
      expect(result.stderr).toContain('AVITO_WEBHOOK_SECRET');
      expect(result.stderr).toContain('openssl rand -hex 24');
      expect(result.stderr).not.toContain('    at ');
    }
  });

  it('refuses a monitor host other machines reach without a MONITOR_TOKEN the seller chose', async () => {
    const result = await runInProcess(['serve'], { cwd, env: { ...env, AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET, PORT: String(await freePort()), MONITOR_HOST: '0.0.0.0' } });
    expect(result.code).toBe(ExitCode.Config);
    expect(result.stderr).toContain('MONITOR_HOST=0.0.0.0');
    expect(result.stderr).toContain('MONITOR_TOKEN');
    expect(result.stderr).toContain('ssh -L 8081:127.0.0.1:8081');
    expect(existsSync(join(cwd, 'store.json'))).toBe(false);
  });

  it('refuses the same port for the webhook and the monitor, and a malformed one, in one line', async () => {
    const cases: Array<[Record<string, string>, string[], RegExp]> = [
      [{ PORT: '8090', MONITOR_PORT: '8090' }, [], /MONITOR_PORT и PORT оба равны 8090: монитору нужен свой порт/],
      [{}, ['--port', '8081'], /MONITOR_PORT и PORT оба равны 8081/],
      [{ MONITOR_PORT: 'abc' }, [], /MONITOR_PORT: ожидается целое число от 0 до 65535, а задано "abc"/],
      [{ MONITOR_HOST: 'bad host' }, [], /MONITOR_HOST: ожидается адрес для приёма соединений/],
    ];
    for (const [extra, flags, message] of cases) {
      const result = await runInProcess(['serve', ...flags], { cwd, env: { ...env, AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET, ...extra } });
      expect(result.code, result.stderr).toBe(ExitCode.Config);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
    }
  });

  it('says the port is taken instead of crashing', async () => {
    const running = await start();
    const port = new URL(running.url).port;
    const monitorPort = new URL(running.monitorUrl).port;
    const other = { ...env, STORE_PATH: join(cwd, 'other.json'), AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET };
    const result = await runInProcess(['serve'], { cwd: mkdtempSync(join(tmpdir(), 'avito-ai-serve-2-')), env: { ...other, PORT: port, MONITOR_PORT: String(await freePort()) } });
    expect(result.code).toBe(ExitCode.Config);
    expect(result.stderr).toContain(`порт ${port}`);
    const freeWebhookPort = String(await freePort());
    const monitor = await runInProcess(['serve'], { cwd: mkdtempSync(join(tmpdir(), 'avito-ai-serve-3-')), env: { ...other, STORE_PATH: join(cwd, 'third.json'), PORT: freeWebhookPort, MONITOR_PORT: monitorPort } });
    expect(monitor.code).toBe(ExitCode.Config);
    expect(monitor.stderr).toContain(`порт ${monitorPort}`);
    expect(monitor.stderr).toContain('укажите в MONITOR_PORT свободный порт');
    // The webhook listener it had opened first is closed again.
    await expect(fetch(`http://127.0.0.1:${freeWebhookPort}/health`)).rejects.toThrow();
  });
});

describe('register-webhook', () => {
  it('lists and removes subscriptions', async () => {
    const running = await start();
    await subscribe(running);
    const list = await runInProcess(['register-webhook', '--list'], { cwd, env });
    expect(list.stdout).toContain(running.webhookUrl);
    const removed = await runInProcess(['register-webhook', '--remove', running.webhookUrl], { cwd, env });
    expect(removed.code, removed.stderr).toBe(ExitCode.Ok);
    expect(sandbox.subscriptions()).toEqual([]);
    expect((await runInProcess(['register-webhook', '--list'], { cwd, env })).stdout).toContain('подписок на вебхук нет');
  });

  it('refuses a URL that does not answer as Avito will check it, and subscribes nothing', async () => {
    const running = await start();
    const wrongSecret = await runInProcess(['register-webhook', `${running.url}/avito/webhook/not-the-secret-000000`], { cwd, env });
    expect(wrongSecret.code).toBe(ExitCode.Unavailable);
    expect(wrongSecret.stderr).toContain('кодом 404');
    const nobody = await runInProcess(['register-webhook', `http://127.0.0.1:${await freePort()}/avito/webhook/x`], { cwd, env });
    expect(nobody.code).toBe(ExitCode.Unavailable);
    expect(nobody.stderr).toContain('не ответил на проверку Авито');
    expect(sandbox.subscriptions()).toEqual([]);
  });

  it('needs APP_BASE_URL (or a URL) to know where serve is', async () => {
    const result = await runInProcess(['register-webhook'], { cwd, env: { ...env, AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET } });
    expect(result.code).toBe(ExitCode.Config);
    expect(result.stderr).toContain('APP_BASE_URL');
  });
});
