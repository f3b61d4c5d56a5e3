/**
 * End to end: the built `avito-ai poll` as a real process against the Avito sandbox over loopback,
 * then the sandbox's recorded requests are checked. SIGKILLs at random points are in crash.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { createServer as createTlsServer } from 'node:tls';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario, startSandbox, type Sandbox } from '../../src/avito/sandbox/index.js';
import { ROOT, spawnCli } from '../helpers/spawn-cli.js';
import { startDemoSandbox } from '../helpers/demo-sandbox.js';
import { DEMO_KNOWLEDGE } from '../../src/cli/commands/demo.js';
import { DEFAULT_FALLBACK_TEXT } from '../../src/config/config.js';

const KNOWLEDGE = join(ROOT, 'docs/examples/knowledge');

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

function envFor(sb: Sandbox, cwd: string): Record<string, string> {
  return {
    AVITO_API_URL: sb.url,
    AVITO_CLIENT_ID: sb.credentials.clientId,
    AVITO_CLIENT_SECRET: sb.credentials.clientSecret,
    KNOWLEDGE_DIR: KNOWLEDGE,
    STORE_PATH: join(cwd, 'data', 'avito-ai.json'),
  };
}

describe('poll --once as a process', () => {
  it('answers, skips, pauses and escalates as the rules say', async () => {
    sandbox = await startSandbox({
      scenario: parseScenario(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/scenarios/e2e.json'), 'utf8'))),
    });
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-e2e-'));
    const env = envFor(sandbox, cwd);
    const run = await spawnCli(['poll', '--once'], { env, cwd }).done;
    expect(run.stderr).toMatch(/INFO\s+проход chats=8 /);
    expect(run.stderr).toMatch(/INFO\s+база знаний готова .*documents=7/);
    expect(run.code).toBe(0);

    const textOf = (chatId: string) => sandbox!.sent(chatId).map((m) => String(m.content.text));
    expect(textOf('u2i-delivery')).toHaveLength(1);
    expect(textOf('u2i-delivery')[0]).toMatch(/Авито Доставк/);
    expect(textOf('u2i-system')[0]).toMatch(/Гарантия 12 месяцев/);
    expect(textOf('u2i-only-system')).toEqual([]);
    expect(textOf('u2i-takeover')).toEqual([]);
    expect(textOf('u2i-escalation')).toEqual(['🤖: передал ваш вопрос менеджеру, он ответит в этом чате, как только сможет.']);
    expect(textOf('u2i-voice')).toEqual(['🤖: я пока не умею слушать голосовые сообщения. Напишите, пожалуйста, вопрос текстом.']);
    expect(textOf('u2u-direct')).toHaveLength(1);
    expect(textOf('u2u-direct')[0]).not.toBe(DEFAULT_FALLBACK_TEXT);
    // The burst of three lines is one inquiry: one reply, within Avito's 1000-character limit.
    expect(textOf('u2i-long')).toHaveLength(1);
    for (const message of sandbox.sent()) expect([...String(message.content.text)].length).toBeLessThanOrEqual(1000);

    // Chats answered are marked read; the seller's chat is left unread for the seller.
    const reads = new Set(sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/read')).map((r) => r.path.split('/')[6]));
    expect(reads.has('u2i-delivery')).toBe(true);
    expect(reads.has('u2i-takeover')).toBe(false);
    // A buyer who asked for a person stays unread too, so the chat stands out in the seller's app.
    expect(reads.has('u2i-escalation')).toBe(false);
    // u2u chats are asked for explicitly (Avito lists u2i only by default).
    expect(sandbox.requests.find((r) => r.path.endsWith('/chats'))?.query.chat_types).toBe('u2i,u2u');

    // Second pass: the bot's own messages are now in the history (its echo) and are not taken for
    // the seller; a new question in an answered chat is answered, nothing else is sent.
    const before = sandbox.sent().length;
    sandbox.addMessage('u2i-delivery', { text: 'А оплатить как можно?' });
    sandbox.addMessage('u2i-takeover', { text: 'Алло?' });
    sandbox.addMessage('u2i-escalation', { text: 'Ну где менеджер?' });
    const second = await spawnCli(['poll', '--once'], { env, cwd }).done;
    expect(second.code).toBe(0);
    expect(sandbox.sent().length).toBe(before + 1);
    expect(textOf('u2i-delivery')).toHaveLength(2);
  });
});

describe('outbound proxy', () => {
  it('poll sends every Avito call through HTTP(S)_PROXY from the environment', async () => {
    const { startProxy, closeServer } = await import('../helpers/forward-proxy.js');
    const proxy = await startProxy();
    try {
      sandbox = await startDemoSandbox();
      const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-proxy-'));
      // The sandbox speaks plain http, which HTTP_PROXY covers (HTTPS_PROXY covers the real https API).
      const run = await spawnCli(['poll', '--once'], { cwd, env: { ...envFor(sandbox, cwd), HTTP_PROXY: proxy.url, NO_PROXY: '' } }).done;
      expect(run.code, run.stderr).toBe(0);
      const host = new URL(sandbox.url).host;
      expect(proxy.seen.filter((line) => line === `CONNECT ${host}`).length).toBeGreaterThan(0);
      expect(sandbox.sent().length).toBe(5);
    } finally {
      await closeServer(proxy.server);
    }
  });

  it('sync-docs and poll send every Gemini call through the proxy too', async () => {
    const { startProxy, closeServer } = await import('../helpers/forward-proxy.js');
    const { startFakeGemini } = await import('../helpers/fake-gemini.js');
    const proxy = await startProxy();
    const gemini = await startFakeGemini();
    try {
      sandbox = await startDemoSandbox();
      const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-proxy-'));
      const env = { ...envFor(sandbox, cwd), HTTP_PROXY: proxy.url, NO_PROXY: '', GEMINI_API_KEY: gemini.apiKey, GEMINI_BASE_URL: gemini.url };
      const tunnelsToGemini = (): number => proxy.seen.filter((line) => line === `CONNECT ${new URL(gemini.url).host}`).length;
      const sync = await spawnCli(['sync-docs'], { cwd, env }).done;
      expect(sync.code, sync.stderr).toBe(0);
      // sync-docs makes no Avito call: only its own proxy wiring can have opened these.
      expect(tunnelsToGemini()).toBeGreaterThan(0);
      const run = await spawnCli(['poll', '--once'], { cwd, env }).done;
      expect(run.code, run.stderr).toBe(0);
      expect(gemini.requests.some((request) => request.path.endsWith(':generateContent'))).toBe(true);
      expect(sandbox.sent('u2i-demo-vacuum')).toHaveLength(1);
    } finally {
      await gemini.close();
      await closeServer(proxy.server);
    }
  });
});

describe('outbound proxy for the model engines', () => {
  it('GigaChat (its own CA pool) and an OpenAI-compatible API go through the proxy too', async () => {
    const { startProxy, closeServer } = await import('../helpers/forward-proxy.js');
    const { startFakeGigaChat, startFakeOpenAi, GIGACHAT_CREDENTIALS } = await import('../helpers/fake-llm.js');
    const { answerFromPassages } = await import('../helpers/extractive-model.js');
    const proxy = await startProxy();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-proxy-'));
    const gigachat = await startFakeGigaChat({ dir: cwd });
    const openai = await startFakeOpenAi();
    gigachat.onChat(answerFromPassages);
    openai.onChat(answerFromPassages);
    const tunnelsTo = (url: string): number => proxy.seen.filter((line) => line === `CONNECT ${new URL(url).host}`).length;
    try {
      const proxied = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '' };
      const viaGigaChat = { GIGACHAT_CREDENTIALS, GIGACHAT_AUTH_URL: gigachat.authUrl, GIGACHAT_BASE_URL: gigachat.baseUrl, GIGACHAT_CA_FILE: gigachat.caFile };
      const asked = await spawnCli(['ask', 'Сколько стоит доставка курьером?', '--json'], { cwd, env: { ...proxied, ...viaGigaChat, KNOWLEDGE_DIR: DEMO_KNOWLEDGE } }).done;
      expect(asked.code, asked.stderr).toBe(0);
      expect(JSON.parse(asked.stdout)).toMatchObject({ status: 'FOUND', engine: 'gigachat' });
      expect(tunnelsTo(gigachat.url)).toBeGreaterThan(0);

      const viaOpenAi = { KNOWLEDGE_ENGINE: 'openai', OPENAI_BASE_URL: openai.baseUrl, OPENAI_API_KEY: openai.apiKey!, OPENAI_MODEL: 'test-model' };
      const answered = await spawnCli(['ask', 'Сколько стоит доставка курьером?', '--json'], { cwd, env: { ...proxied, ...viaOpenAi, KNOWLEDGE_DIR: DEMO_KNOWLEDGE } }).done;
      expect(answered.code, answered.stderr).toBe(0);
      expect(JSON.parse(answered.stdout)).toMatchObject({ status: 'FOUND', engine: 'openai' });
      expect(tunnelsTo(openai.url)).toBeGreaterThan(0);
    } finally {
      await Promise.all([gigachat.close(), openai.close()]);
      await closeServer(proxy.server);
    }
  });
});

describe('GigaChat\'s CA from NODE_EXTRA_CA_CERTS', () => {
  it('works without GIGACHAT_CA_FILE when Node is started with the certificate', async () => {
    const { startFakeGigaChat, GIGACHAT_CREDENTIALS } = await import('../helpers/fake-llm.js');
    const { answerFromPassages } = await import('../helpers/extractive-model.js');
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-extra-ca-'));
    const gigachat = await startFakeGigaChat({ dir: cwd });
    gigachat.onChat(answerFromPassages);
    try {
      const env = { GIGACHAT_CREDENTIALS, GIGACHAT_AUTH_URL: gigachat.authUrl, GIGACHAT_BASE_URL: gigachat.baseUrl, KNOWLEDGE_DIR: DEMO_KNOWLEDGE };
      const untrusted = await spawnCli(['ask', 'Сколько стоит доставка курьером?'], { cwd, env }).done;
      expect(untrusted.code).toBe(6);
      expect(untrusted.stderr).toContain('GIGACHAT_CA_FILE');
      const trusted = await spawnCli(['ask', 'Сколько стоит доставка курьером?', '--json'], { cwd, env: { ...env, NODE_EXTRA_CA_CERTS: gigachat.caFile } }).done;
      expect(trusted.code, trusted.stderr).toBe(0);
      expect(JSON.parse(trusted.stdout)).toMatchObject({ status: 'FOUND', engine: 'gigachat' });
    } finally {
      await gigachat.close();
    }
  });
});

describe('outbound proxy for Telegram', () => {
  // telegraf takes an http.Agent, not fetch, and ignores it for http:// roots: the proof needs
  // TLS, so the fake Telegram sits behind a TLS front with a throwaway certificate the child trusts.
  const openssl = spawnSync('openssl', ['version']).status === 0;
  it.skipIf(!openssl)('poll sends Telegram notices through HTTPS_PROXY', async () => {
    const { startProxy, closeServer } = await import('../helpers/forward-proxy.js');
    const { startFakeTelegram } = await import('../helpers/fake-telegram.js');
    const dir = mkdtempSync(join(tmpdir(), 'avito-ai-tls-'));
    const made = spawnSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ]);
    expect(made.status, String(made.stderr)).toBe(0);
    const telegram = await startFakeTelegram();
    const front = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (socket) => {
      const upstream = connect(Number(new URL(telegram.url).port), '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    // A host name, as api.telegram.org is: https-proxy-agent checks an IP literal against "localhost".
    const frontHost = `localhost:${(front.address() as AddressInfo).port}`;
    const proxy = await startProxy();
    try {
      sandbox = await startDemoSandbox();
      const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-proxy-'));
      const env = {
        ...envFor(sandbox, cwd),
        HTTPS_PROXY: proxy.url,
        NO_PROXY: '',
        NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_OWNER_CHAT_ID: '5550001',
        TELEGRAM_API_ROOT: `https://${frontHost}`,
      };
      const run = await spawnCli(['poll', '--once'], { cwd, env }).done;
      expect(run.code, run.stderr).toBe(0);
      expect(sandbox.sent()).toHaveLength(5);
      expect(proxy.seen).toContain(`CONNECT ${frontHost}`);
      expect(telegram.sent.filter((message) => message.chat_id === 5550001).length, run.stderr).toBeGreaterThanOrEqual(5);
    } finally {
      front.close();
      await telegram.close();
      await closeServer(proxy.server);
    }
  });
});

describe('the built bin', () => {
  it('exits quietly when its reader closes the pipe early (avito-ai --help | head -1)', async () => {
    const { child, done } = spawnCli(['--help']);
    child.stdout!.destroy();
    const result = await done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
