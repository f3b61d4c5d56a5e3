/**
 * The commands a seller runs against a Redis store, from any machine: `chats`, `stats`, `pause`, `resume` act on the shared store at once (no
 * control inbox), also while a `poll` process is running on it; a wrong or unreachable STORE_URL is one clear line.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, startSandbox, type Sandbox } from '../../src/avito/sandbox/index.js';
import { DEMO_SCENARIO } from '../../src/cli/commands/demo.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess, startInProcess } from '../helpers/cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { startServe } from '../helpers/serve.js';
import { HAS_REDIS, startRedis, type TestRedis } from '../helpers/redis-server.js';

let redis: TestRedis;
let sandbox: Sandbox | undefined;
let db = 0;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** A machine of its own: an empty folder, the shared Redis (a database per test), the sandbox's Avito. */
function machine(sb: Sandbox, database: number): { cwd: string; env: Record<string, string> } {
  const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-redis-cli-'));
  return { cwd, env: { ...sandboxEnv(sb, join(cwd, 'data', 'avito-ai.json')), STORE_URL: `${redis.url.slice(0, -2)}/${database}`, REPLY_MAX_AGE_HOURS: '0' } };
}

describe.skipIf(!HAS_REDIS)('commands on the Redis store', () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('chats, stats, pause and resume from another machine see and change what the poll process wrote', async () => {
    sandbox = await startDemoSandbox();
    const database = ++db;
    const worker = machine(sandbox, database);
    const poll = await runInProcess(['poll', '--once'], worker);
    expect(poll.code, poll.stderr).toBe(ExitCode.Ok);
    const answered = sandbox.sent().length;
    expect(answered).toBeGreaterThan(0);

    const other = machine(sandbox, database);
    const chats = await runInProcess(['chats', '--all'], other);
    expect(chats.code, chats.stderr).toBe(ExitCode.Ok);
    const chatId = answeredChat(sandbox);
    expect(chats.stdout).toContain(chatId);
    const stats = await runInProcess(['stats', '--json'], other);
    expect(JSON.parse(stats.stdout).completed_messages).toBe(answered);

    const paused = await runInProcess(['pause', chatId], other);
    expect(paused.stdout).toMatch(new RegExp(`${chatId}: бот на паузе до`));
    sandbox.addMessage(chatId, { text: 'А доставка есть?' });
    // This pass also looks once more at the chats answered in the first, and clears their marks under each chat's lease.
    const again = await runInProcess(['poll', '--once'], worker);
    expect(again.code, again.stderr).toBe(ExitCode.Ok);
    expect(again.stderr).not.toMatch(/другой процесс|ERROR/);
    expect(sandbox.sent(chatId)).toHaveLength(1);
    const marks = new Redis(worker.env.STORE_URL!);
    try {
      // (The paused chat is not looked at, so its mark waits for the resume.)
      const states = Object.values(await marks.hgetall('avito-ai:{default}:chats')).map((raw) => JSON.parse(raw) as { chatId: string; recheckAfter?: number });
      expect(states.filter((state) => state.recheckAfter !== undefined && state.chatId !== chatId)).toEqual([]);
      expect(states.length).toBeGreaterThan(1);
    } finally {
      marks.disconnect();
    }

    const resumed = await runInProcess(['resume', chatId], other);
    expect(resumed.stdout).toContain(`${chatId}: бот снова отвечает здесь`);
  });

  it('pause applies at once while a poll process runs on the same Redis, not through a queue', async () => {
    sandbox = await startDemoSandbox();
    const database = ++db;
    const worker = machine(sandbox, database);
    const stop = new AbortController();
    const running = startInProcess(['poll', '--interval', '1'], { ...worker, signal: stop.signal });
    try {
      await waitUntil(() => sandbox!.sent().length > 0);
      const chatId = answeredChat(sandbox);
      const paused = await runInProcess(['pause', chatId], machine(sandbox, database));
      expect(paused.code, paused.stderr).toBe(ExitCode.Ok);
      expect(paused.stdout).toMatch(/бот на паузе до/);
      expect(paused.stdout).not.toMatch(/в очереди/);
      const before = sandbox.sent(chatId).length;
      sandbox.addMessage(chatId, { text: 'А гарантия какая?' });
      // Two passes later the paused chat is still unanswered.
      const passes = (running.stderr().match(/проход chats=/g) ?? []).length;
      await waitUntil(() => (running.stderr().match(/проход chats=/g) ?? []).length >= passes + 2);
      expect(sandbox.sent(chatId)).toHaveLength(before);
    } finally {
      stop.abort();
      await running.done;
    }
  });

  it('doctor names the Redis store and warns when Redis keeps nothing on disk', async () => {
    sandbox = await startDemoSandbox();
    const database = ++db;
    const { cwd, env } = machine(sandbox, database);
    await runInProcess(['poll', '--once'], { cwd, env });
    const ok = await runInProcess(['doctor'], { cwd, env });
    const storeLine = (output: string) => output.split('\n').find((line) => line.includes('Хранилище')) ?? '';
    expect(storeLine(ok.stdout)).toMatch(new RegExp(`^ОК\\s+Хранилище\\s+redis://127.0.0.1:${redis.port}/${database}: чатов [1-9]`));
    const client = new Redis(redis.url);
    try {
      await client.config('SET', 'appendonly', 'no');
      const warned = await runInProcess(['doctor'], { cwd, env });
      expect(storeLine(warned.stdout)).toMatch(/^ВНИМАНИЕ\s+Хранилище .*appendonly no/);
      expect(warned.stdout).toContain('включите в Redis appendonly yes');
    } finally {
      await client.config('SET', 'appendonly', 'yes');
      client.disconnect();
    }
  });

  it('serve on Redis: deliveries go through the shared queue and are answered, /health looks at Redis (there is no store file)', async () => {
    sandbox = await startDemoSandbox();
    const { cwd, env } = machine(sandbox, ++db);
    const serve = await startServe({ cwd, env: { ...env, REPLY_DELAY: '0.2' } });
    try {
      await registerWebhook(sandbox, serve.webhookUrl);
      // The start's safety pass answers the demo's waiting chats; a new line then comes as a delivery.
      await waitUntil(() => sandbox!.sent().length > 0);
      const chatId = answeredChat(sandbox);
      const before = sandbox.sent(chatId).length;
      sandbox.addMessage(chatId, { text: 'А доставка есть?' });
      await waitUntil(() => sandbox!.sent(chatId).length > before);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sandbox.sent(chatId)).toHaveLength(before + 1);
      const health = (await (await serve.monitor('/health')).json()) as { checks: { store: { ok: boolean } } };
      expect(health.checks.store).toEqual({ ok: true });
      expect((await fetch(`${serve.url}/health`)).status).toBe(200);
      const queue = new Redis(redis.url.replace(/\/0$/, `/${db}`));
      try {
        // The delivery went through the stream and was acknowledged once answered.
        expect(await queue.xlen('avito-ai:{default}:queue')).toBeGreaterThan(0);
        const pending = (await queue.xpending('avito-ai:{default}:queue', 'workers')) as [number, ...unknown[]];
        expect(pending[0]).toBe(0);
      } finally {
        queue.disconnect();
      }
    } finally {
      const result = await serve.stop();
      expect(result.code, result.stderr).toBe(ExitCode.Ok);
    }
  });

  it('two accounts of one install on one Redis: each answered through its own keys, nothing of one shows in the other', async () => {
    const [shop1, shop2] = [await startShop('shop1'), await startShop('shop2')];
    try {
      const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-redis-accounts-'));
      const database = ++db;
      mkdirSync(join(cwd, 'accounts'));
      for (const [name, sb] of [['shop1', shop1], ['shop2', shop2]] as const) {
        const keys = sandboxEnv(sb, join(cwd, 'data', `${name}.json`));
        writeFileSync(join(cwd, 'accounts', `${name}.env`), `AVITO_API_URL=${keys.AVITO_API_URL}\nAVITO_CLIENT_ID=${keys.AVITO_CLIENT_ID}\nAVITO_CLIENT_SECRET=${keys.AVITO_CLIENT_SECRET}\n`);
      }
      // The same demo chats in both: a chat id alone must not tell the accounts apart.
      const env = { ACCOUNTS_DIR: 'accounts', KNOWLEDGE_DIR: sandboxEnv(shop1, '').KNOWLEDGE_DIR!, STORE_URL: `${redis.url.slice(0, -2)}/${database}`, REPLY_MAX_AGE_HOURS: '0' };
      const poll = await runInProcess(['poll', '--once'], { cwd, env });
      expect(poll.code, poll.stderr).toBe(ExitCode.Ok);
      const chatId = answeredChat(shop1);
      expect(shop2.sent(chatId).length).toBe(shop1.sent(chatId).length);

      const paused = await runInProcess(['pause', chatId, '--account', 'shop1'], { cwd, env });
      expect(paused.code, paused.stderr).toBe(ExitCode.Ok);
      for (const sb of [shop1, shop2]) sb.addMessage(chatId, { text: 'А доставка есть?' });
      const before = [shop1.sent(chatId).length, shop2.sent(chatId).length];
      await runInProcess(['poll', '--once'], { cwd, env });
      expect(shop1.sent(chatId)).toHaveLength(before[0]!);
      expect(shop2.sent(chatId)).toHaveLength(before[1]! + 1);

      const client = new Redis(env.STORE_URL);
      try {
        const [paused1, paused2] = await Promise.all(['shop1', 'shop2'].map(async (name) => JSON.parse((await client.hget(`avito-ai:{${name}}:chats`, chatId)) ?? '{}').pausedUntil));
        expect(paused1).toBeGreaterThan(Date.now());
        expect(paused2).toBeUndefined();
        expect(await client.exists('avito-ai:{default}:chats')).toBe(0);
      } finally {
        client.disconnect();
      }
    } finally {
      await Promise.all([shop1.close(), shop2.close()]);
    }
  });

  it('a wrong or unreachable STORE_URL is one line naming it and the fix', async () => {
    sandbox = await startDemoSandbox();
    const { cwd, env } = machine(sandbox, 0);
    const wrong = await runInProcess(['stats'], { cwd, env: { ...env, STORE_URL: 'http://example.org' } });
    expect(wrong.code).toBe(ExitCode.Config);
    expect(wrong.stderr).toMatch(/STORE_URL «http:\/\/example.org» — не адрес Redis/);
    const away = await runInProcess(['stats'], { cwd, env: { ...env, STORE_URL: 'redis://user:secret@127.0.0.1:1/0' } });
    expect(away.code).not.toBe(ExitCode.Ok);
    expect(away.stderr).toMatch(/Redis по адресу redis:\/\/user:\*\*\*@127.0.0.1:1\/0 недоступен/);
    expect(away.stderr).not.toContain('secret');
    expect(away.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });
});

async function waitUntil(check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function answeredChat(sb: Sandbox): string {
  const chat = sb.chats().find((summary) => sb.sent(summary.id).length > 0);
  if (!chat) throw new Error('no chat was answered');
  return chat.id;
}

/** Subscribes the webhook as `register-webhook` would, through the sandbox's own API. */
async function registerWebhook(sb: Sandbox, url: string): Promise<void> {
  const token = (await (await fetch(`${sb.url}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sb.credentials.clientId, client_secret: sb.credentials.clientSecret }) })).json()) as { access_token: string };
  const response = await fetch(`${sb.url}/messenger/v3/webhook`, { method: 'POST', headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
  if (!response.ok) throw new Error(`webhook registration failed: ${response.status}`);
}

/** The demo's chats under an account's own keys. */
function startShop(name: string): Promise<Sandbox> {
  const demo = JSON.parse(readFileSync(DEMO_SCENARIO, 'utf8')) as Record<string, unknown>;
  return startSandbox({ scenario: parseScenario({ ...demo, credentials: { clientId: `${name}-client`, clientSecret: `${name}-secret` } }) });
}
