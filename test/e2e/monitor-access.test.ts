/**
 * Who can read buyers' dialogs from the built `avito-ai serve`. The webhook's listener is what a
 * reverse proxy forwards the internet to: nginx's `proxy_pass` with default settings sends
 * `Host: <the proxy_pass address>` and no X-Forwarded-For, so a request from anywhere looks like
 * one made on this machine; with `proxy_set_header Host $host` it carries the public name. Either
 * way it must find no monitor there. The monitor has a listener of its own and its token, which
 * serve makes once, keeps beside the store (owner-only) and logs as a ready dashboard link.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { freePort, WEBHOOK_SECRET } from '../helpers/serve.js';
import { spawnCli, waitFor, type SpawnResult } from '../helpers/spawn-cli.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** A GET with exactly these headers, on a connection of its own: status and body. */
function getRaw(url: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers, agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

async function setUp(): Promise<{ cwd: string; env: Record<string, string>; port: number; monitorPort: number }> {
  sandbox = await startDemoSandbox();
  const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-monitor-access-'));
  const [port, monitorPort] = [await freePort(), await freePort()];
  const env = {
    ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')),
    AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PORT: String(port),
    MONITOR_PORT: String(monitorPort),
    SAFETY_POLL_MINUTES: '60',
  };
  return { cwd, env, port, monitorPort };
}

/** Starts the built serve; resolves once its pass at start has answered and it logged the dashboard link. */
async function startServe(cwd: string, env: Record<string, string>): Promise<{ link: string; stop(): Promise<SpawnResult> }> {
  const { child, done } = spawnCli(['serve'], { cwd, env });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitFor(() => /INFO\s+проход /.test(log), 'the pass at start');
  const link = /панель: (\S+)/.exec(log)?.[1];
  return {
    link: link ?? `(no dashboard link in the log) ${log}`,
    stop: async () => {
      child.kill('SIGTERM');
      return done;
    },
  };
}

describe("buyers' dialogs", () => {
  it('are not served on the webhook listener, whatever Host a reverse proxy or a local user sends', async () => {
    const { cwd, env, port } = await setUp();
    const serve = await startServe(cwd, env);
    try {
      const asSent: Array<[string, Record<string, string>]> = [
        ["nginx's default (Host: $proxy_host, no X-Forwarded-For)", { host: `127.0.0.1:${port}`, connection: 'close' }],
        ['nginx with proxy_set_header Host $host', { host: 'shop.example.ru', connection: 'close' }],
        ['a local user', {}],
      ];
      const answers: string[] = [];
      for (const [who, headers] of asSent) {
        for (const path of ['/dialogs', '/dialogs?limit=500', '/chats', '/queue', '/stats', '/metrics', '/dashboard']) {
          const response = await getRaw(`http://127.0.0.1:${port}${path}`, headers);
          answers.push(`${who}: ${path} ${response.status}${response.text.includes('u2i-demo') ? ' with chats' : ''}`);
        }
      }
      expect(answers.filter((answer) => !answer.endsWith(' 404'))).toEqual([]);
      // What stays public: the webhook, and a health check that names no chat.
      const health = await getRaw(`http://127.0.0.1:${port}/health`, { host: 'shop.example.ru' });
      expect(health).toEqual({ status: 200, text: '{"ok":true}' });
    } finally {
      expect((await serve.stop()).code).toBe(0);
    }
  }, 40_000);

  it('are served on the monitor listener only with its token, made once beside the store and kept across restarts; the logged link opens the dashboard', async () => {
    const { cwd, env, monitorPort } = await setUp();
    const monitor = `http://127.0.0.1:${monitorPort}`;
    const tokenFile = join(cwd, 'data', 'avito-ai.monitor-token');
    const first = await startServe(cwd, env);
    let token: string;
    try {
      expect(first.link).toMatch(new RegExp(`^${monitor}/dashboard\\?token=[0-9a-f]{48}$`));
      token = new URL(first.link).searchParams.get('token')!;
      expect(readFileSync(tokenFile, 'utf8').trim()).toBe(token);
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);

      const refused: Array<Record<string, string>> = [{}, { host: `127.0.0.1:${monitorPort}` }, { authorization: 'Bearer wrong-token-0123456789' }];
      for (const headers of refused) {
        expect((await getRaw(`${monitor}/dialogs`, headers)).status, JSON.stringify(headers)).toBe(401);
      }
      // The link as the seller opens it: the page, then its data with the token it carries.
      const page = await fetch(first.link);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
      expect((await fetch(`${monitor}/dashboard.js`)).status).toBe(200);
      const dialogs = await fetch(`${monitor}/dialogs?limit=10`, { headers: { authorization: `Bearer ${token}` } });
      expect(dialogs.status).toBe(200);
      expect(JSON.stringify(await dialogs.json())).toContain('Добрый день, на пылесос есть гарантия?');
    } finally {
      expect((await first.stop()).code).toBe(0);
    }

    const second = await startServe(cwd, env);
    try {
      expect(second.link).toBe(first.link);
      expect((await fetch(`${monitor}/stats`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      expect((await second.stop()).code).toBe(0);
    }
  }, 60_000);
});
