/**
 * The monitor's own listener over real loopback HTTP: every route that shows data asks for the
 * token, from this machine too, and answers from the `Monitor` it is given.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/http-server.js';
import { startMonitorServer, type Monitor } from '../../src/server/monitor-server.js';
import { setLang } from '../../src/messages/index.js';

const TOKEN = 'monitor-token-abcdef';
const authorized = { headers: { authorization: `Bearer ${TOKEN}` } };

/** A Monitor that answers canned figures and records every call. */
class RecordingMonitor implements Monitor {
  calls: Array<{ method: string; args: unknown[] }> = [];
  healthy = true;
  failing: keyof Monitor | undefined;

  private record(method: keyof Monitor, ...args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failing === method) throw new Error(`monitor.${method} broke`);
  }
  async health() {
    this.record('health');
    return this.healthy ? { ok: true, checks: { store: { ok: true } } } : { ok: false, reason: 'store: disk full', checks: { store: { ok: false, error: 'disk full' } } };
  }
  stats() {
    this.record('stats');
    return { answered: 3, escalated: 1 };
  }
  queue() {
    this.record('queue');
    return { waiting: [], running: ['u2i-abc'] };
  }
  dialogs(limit: number, offset: number) {
    this.record('dialogs', limit, offset);
    return { limit, offset, dialogs: [] };
  }
  chats() {
    this.record('chats');
    return { chats: [{ chat_id: 'u2i-abc' }] };
  }
  metrics() {
    this.record('metrics');
    return '# TYPE avito_ai_up gauge\navito_ai_up 1\n';
  }
}

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close(1000);
  running = undefined;
});

async function start(): Promise<{ server: RunningServer; monitor: RecordingMonitor; errors: unknown[] }> {
  const monitor = new RecordingMonitor();
  const errors: unknown[] = [];
  const server = await startMonitorServer({ host: '127.0.0.1', port: 0, token: TOKEN, monitor, onError: (error) => errors.push(error) });
  running = server;
  return { server, monitor, errors };
}

async function get(server: RunningServer, path: string, init: RequestInit = authorized) {
  const response = await fetch(server.url + path, { redirect: 'manual', signal: AbortSignal.timeout(2000), ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('the token', () => {
  it('is asked of every route that shows data, from this machine too', async () => {
    const { server, monitor } = await start();
    for (const path of ['/stats', '/health', '/dashboard', '/metrics', '/dialogs', '/queue', '/chats']) {
      const response = await get(server, path, {});
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate'), path).toBe('Bearer');
      expect(JSON.parse(response.text).error, path).toContain('MONITOR_TOKEN');
    }
    // Sent straight to loopback, no forwarding headers: once enough, now refused like the rest.
    const local = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.url}/dialogs`, { headers: { host: `127.0.0.1:${server.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
    expect(local).toBe(401);
    expect((await get(server, '/stats', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await get(server, `/stats?token=${TOKEN}x`, {})).status).toBe(401);
    expect((await get(server, `/stats?token=${TOKEN.slice(0, -1)}`, {})).status).toBe(401);
    expect((await get(server, '/stats?token=', {})).status).toBe(401);
    expect((await get(server, '/stats', { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    expect(monitor.calls).toEqual([]);
  });

  it('is taken as a bearer header or as ?token=', async () => {
    const { server } = await start();
    const bearer = await get(server, '/stats');
    expect(bearer.status).toBe(200);
    expect(JSON.parse(bearer.text)).toEqual({ answered: 3, escalated: 1 });
    expect((await get(server, '/stats', { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
    expect((await get(server, `/dialogs?limit=5&token=${TOKEN}`, {})).status).toBe(200);
    expect((await get(server, `/dashboard?token=${encodeURIComponent(TOKEN)}`, {})).status).toBe(200);
  });

  it('missing or wrong, gives a browser a Russian page saying how to open the monitor, and API clients JSON', async () => {
    const { server } = await start();
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const missing = await get(server, '/dashboard', { headers: browser });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(missing.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(missing.text).toContain('Монитор открывается только с ключом доступа');
    expect(missing.text).toContain('MONITOR_TOKEN');
    // The address the browser used, so the example is the link to open.
    expect(missing.text).toContain(`http://127.0.0.1:${server.port}/dashboard?token=ВАШ_КЛЮЧ`);
    const wrong = await get(server, '/dashboard?token=wrong-token', { headers: browser });
    expect(wrong.text).toContain('Ключ доступа в ссылке не подходит');
    expect(wrong.text).not.toContain('wrong-token');
    for (const accept of ['application/json', '*/*', 'text/html, application/json']) {
      const api = await get(server, '/stats', { headers: { accept } });
      expect(api.status, accept).toBe(401);
      expect(JSON.parse(api.text).error, accept).toContain('MONITOR_TOKEN');
    }
  });

  it('is not asked of the page script, which holds no data', async () => {
    const { server } = await start();
    expect((await get(server, '/dashboard.js', {})).status).toBe(200);
  });
});

describe('the routes', () => {
  it('serve stats, queue and chats as JSON from the monitor', async () => {
    const { server, monitor } = await start();
    const stats = await get(server, '/stats');
    expect(stats.status).toBe(200);
    expect(stats.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(stats.text)).toEqual({ answered: 3, escalated: 1 });
    expect(JSON.parse((await get(server, '/queue')).text)).toEqual({ waiting: [], running: ['u2i-abc'] });
    expect(JSON.parse((await get(server, '/chats')).text)).toEqual({ chats: [{ chat_id: 'u2i-abc' }] });
    expect(monitor.calls.map((c) => c.method)).toEqual(['stats', 'queue', 'chats']);
  });

  it('pass limit and offset of /dialogs to the monitor, with defaults and caps', async () => {
    const { server, monitor } = await start();
    const response = await get(server, '/dialogs?limit=5&offset=2');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ limit: 5, offset: 2, dialogs: [] });
    await get(server, '/dialogs');
    await get(server, '/dialogs?limit=100000&offset=0');
    expect(monitor.calls.map((c) => c.args)).toEqual([
      [5, 2],
      [50, 0],
      [500, 0],
    ]);
  });

  it.each(['limit=abc', 'offset=-1', 'limit=1.5', 'limit=1e3', 'limit=9999999999'])('refuse /dialogs?%s with 400 without asking the monitor', async (query) => {
    const { server, monitor } = await start();
    const response = await get(server, `/dialogs?${query}`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error).toMatch(/whole numbers/);
    expect(monitor.calls).toEqual([]);
  });

  it('serve Prometheus metrics as text/plain; version=0.0.4', async () => {
    const { server } = await start();
    const response = await get(server, '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toBe('# TYPE avito_ai_up gauge\navito_ai_up 1\n');
  });

  it('answer /health 200 when healthy and 503 when not, with the whole report', async () => {
    const { server, monitor } = await start();
    const ok = await get(server, '/health');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ ok: true, checks: { store: { ok: true } } });
    monitor.healthy = false;
    const down = await get(server, '/health');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toEqual({ ok: false, reason: 'store: disk full', checks: { store: { ok: false, error: 'disk full' } } });
  });

  it('serve the dashboard as HTML under a content security policy, and its script', async () => {
    const { server } = await start();
    const page = await get(server, '/dashboard');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(page.text).toMatch(/<html lang="ru"/i);
    // The labels ride in as data for the script, in the language in force.
    expect(page.text).toContain('<script id="labels" type="application/json">');
    expect(page.text).toContain('Ждут вашего ответа');
    const script = await get(server, '/dashboard.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.text.length).toBeGreaterThan(0);
  });

  it('serve the page in English with AVITO_AI_LANG=en', async () => {
    const { server } = await start();
    setLang('en');
    try {
      const page = await get(server, '/dashboard');
      expect(page.text).toMatch(/<html lang="en"/);
      expect(page.text).toContain('Waiting for you');
      expect(page.text).not.toContain('Ждут вашего ответа');
    } finally {
      setLang('ru');
    }
  });

  it('redirect / to /dashboard, keeping the query (and so the token)', async () => {
    const { server } = await start();
    const plain = await get(server, '/', {});
    expect(plain.status).toBe(302);
    expect(plain.headers.get('location')).toBe('/dashboard');
    const withQuery = await get(server, '/?token=abc&x=1', {});
    expect(withQuery.status).toBe(302);
    expect(withQuery.headers.get('location')).toBe('/dashboard?token=abc&x=1');
  });

  it('answer POST with 405, an unknown path and the webhook with 404', async () => {
    const { server, monitor } = await start();
    const response = await fetch(`${server.url}/stats`, { method: 'POST', body: '{}', ...authorized });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect((await get(server, '/nope')).status).toBe(404);
    expect((await get(server, '/stats/')).status).toBe(404);
    expect((await fetch(`${server.url}/avito/webhook/anything`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect(monitor.calls).toEqual([]);
  });

  it('answer HEAD with headers and no body', async () => {
    const { server } = await start();
    const response = await fetch(`${server.url}/stats`, { method: 'HEAD', ...authorized });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });
});

describe('response headers and failures', () => {
  it('sends no-store, nosniff and no-referrer on every kind of answer', async () => {
    const { server } = await start();
    const answers = [
      await get(server, '/stats', {}),
      await get(server, `/stats?token=${TOKEN}`, {}),
      await get(server, `/dashboard?token=${TOKEN}`, {}),
      await get(server, '/dashboard.js', {}),
      await get(server, `/?token=${TOKEN}`, {}),
      await get(server, `/metrics?token=${TOKEN}`, {}),
      await get(server, '/nope'),
    ];
    for (const [index, answer] of answers.entries()) {
      expect(answer.headers.get('cache-control'), `answer ${index}`).toBe('no-store');
      expect(answer.headers.get('x-content-type-options'), `answer ${index}`).toBe('nosniff');
      expect(answer.headers.get('referrer-policy'), `answer ${index}`).toBe('no-referrer');
    }
  });

  it.each(['stats', 'health', 'dialogs', 'metrics'] as const)('answers 500 when monitor.%s throws, reports it, and keeps working', async (method) => {
    const { server, monitor, errors } = await start();
    monitor.failing = method;
    const response = await get(server, `/${method}`);
    expect(response.status).toBe(500);
    expect(JSON.parse(response.text)).toEqual({ error: 'internal error' });
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain(`monitor.${method} broke`);
    monitor.failing = undefined;
    expect((await get(server, `/${method}`)).status).toBe(200);
  });
});
