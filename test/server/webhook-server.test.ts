/**
 * The listener `avito-ai serve` exposes to the internet, driven over real loopback HTTP: global
 * fetch for what a well-behaved client (Avito) does, raw `node:net` sockets for what fetch will
 * not send (oversized declared lengths, garbage, stalls, a rewritten Host).
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { HEADERS_TIMEOUT_MS, type RunningServer } from '../../src/server/http-server.js';
import type { Health } from '../../src/server/monitor-server.js';
import { MAX_BODY_BYTES, MAX_WEBHOOK_CONNECTIONS, startWebhookServer, type WebhookServerOptions } from '../../src/server/webhook-server.js';
import { parseWebhookDelivery, WEBHOOK_PATH, type WebhookDelivery } from '../../src/avito/webhook.js';
import { waitFor } from '../helpers/spawn-cli.js';

const SECRET = 'test-secret-0123456789';
const HOOK = `${WEBHOOK_PATH}${SECRET}`;
const ACCOUNT = 9000001;

type Parsed = Exclude<WebhookDelivery, { kind: 'invalid' }>;

const HEALTHY: Health = { ok: true, checks: { store: { ok: true }, avito: { ok: true } } };
/** What the daemon's monitor reports when Avito fails: errors that name chats and API paths. */
const FAILING: Health = {
  ok: false,
  reason: 'avito: chat u2i-secret-chat: 500 from /messenger/v3/accounts/9000001/chats',
  checks: { store: { ok: true }, avito: { ok: false, error: 'chat u2i-secret-chat: 500 from /messenger/v3/accounts/9000001/chats' } },
};

interface Harness {
  server: RunningServer;
  health: { current: Health; calls: number };
  deliveries: Parsed[];
  rejected: string[];
  errors: unknown[];
}

let running: RunningServer | undefined;
const openSockets: Socket[] = [];

afterEach(async () => {
  for (const socket of openSockets.splice(0)) socket.destroy();
  await running?.close(1000);
  running = undefined;
});

async function start(overrides: Partial<WebhookServerOptions<Parsed>> = {}): Promise<Harness> {
  const health = { current: HEALTHY, calls: 0 };
  const deliveries: Parsed[] = [];
  const rejected: string[] = [];
  const errors: unknown[] = [];
  const server = await startWebhookServer<Parsed>({
    host: '127.0.0.1',
    port: 0,
    webhookPath: WEBHOOK_PATH,
    webhookSecret: SECRET,
    parseDelivery: parseWebhookDelivery,
    onDelivery: (delivery) => deliveries.push(delivery),
    onRejected: (reason) => rejected.push(reason),
    onError: (error) => errors.push(error),
    health: async () => {
      health.calls += 1;
      return health.current;
    },
    ...overrides,
  });
  running = server;
  return { server, health, deliveries, rejected, errors };
}

/** A delivery as Avito sends it; `text` lets a test pad the body to an exact size. */
function deliveryBody(text = 'Есть гарантия?', id = 'm1'): string {
  return JSON.stringify({
    id: '3f1c7a52-9a1e-4c2b-8f0e-6d2b9a7c1e44',
    version: 'v3.0.0',
    timestamp: 1700000000,
    payload: {
      type: 'message',
      value: {
        id,
        chat_id: 'u2i-abc',
        user_id: ACCOUNT,
        author_id: 5550001,
        created: 1700000000,
        type: 'text',
        chat_type: 'u2i',
        content: { text },
        item_id: 4012345678,
        published_at: '2023-11-14T22:13:20Z',
        read: null,
      },
    },
  });
}

async function post(server: RunningServer, path: string, body: RequestInit['body'], init: RequestInit = {}) {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
    // Avito gives up after 2 s: an answer slower than that is a failure even if it comes.
    signal: AbortSignal.timeout(2000),
    ...init,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function get(server: RunningServer, path: string, init: RequestInit = {}) {
  const response = await fetch(server.url + path, { redirect: 'manual', signal: AbortSignal.timeout(2000), ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Writes raw bytes, then collects everything the server sends until it closes (or `until` matches). */
function raw(server: RunningServer, data: string | Buffer | Array<string | Buffer>, options: { until?: RegExp; end?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    openSockets.push(socket);
    let received = '';
    const done = (): void => {
      socket.destroy();
      resolve(received);
    };
    socket.on('connect', () => {
      for (const part of Array.isArray(data) ? data : [data]) socket.write(part);
      if (options.end) socket.end();
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (options.until?.test(received)) done();
    });
    // A reset after the answer (the server refusing to read the rest) is expected, not a failure.
    socket.on('error', () => undefined);
    socket.on('close', done);
  });
}

/** A request's raw start, with headers; the body (if any) is for the caller to append. */
function requestHead(method: string, path: string, headers: Record<string, string | number> = {}): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

describe('webhook deliveries', () => {
  it('answers a valid delivery 200 {ok:true} and hands it over once', async () => {
    const { server, deliveries, rejected } = await start();
    const response = await post(server, HOOK, deliveryBody());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ ok: true });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ kind: 'message', accountId: ACCOUNT, message: { id: 'm1', chatId: 'u2i-abc', text: 'Есть гарантия?', direction: 'in' } });
    expect(rejected).toEqual([]);
  });

  it('answers before the background work a delivery starts has finished', async () => {
    // onDelivery's work is gated on the test: if the server waited for it, the fetch would time out.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    const { server } = await start({
      onDelivery: async () => {
        await gate;
        finished = true;
      },
    });
    const response = await post(server, HOOK, deliveryBody());
    expect(response.status).toBe(200);
    expect(finished).toBe(false);
    release();
    await gate;
  });

  it('still answers 200 when onDelivery throws, reports the error, and keeps serving', async () => {
    let calls = 0;
    const { server, errors } = await start({
      onDelivery: () => {
        calls += 1;
        if (calls === 1) throw new Error('inbox exploded');
      },
    });
    // Avito was promised a 200 before the work: an exception in the work must not take it back,
    // or Avito retries a delivery that was in fact accepted.
    const first = await post(server, HOOK, deliveryBody()).then(
      (response) => response.status,
      (error: unknown) => `fetch failed: ${String((error as Error).cause ?? error)}`,
    );
    expect(first).toBe(200);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/inbox exploded/);
    const second = await post(server, HOOK, deliveryBody('ещё', 'm2'));
    expect(second.status).toBe(200);
    expect(calls).toBe(2);
  });

  it('answers a valid delivery 503 with Retry-After while isStalled(), without handing it over, and 200 after', async () => {
    let stalled = true;
    const { server, deliveries, rejected } = await start({ isStalled: () => stalled });
    const busy = await post(server, HOOK, deliveryBody());
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(JSON.parse(busy.text)).toEqual({ error: 'busy, retry later' });
    // A body that is wrong stays the sender's fault, stalled or not.
    expect((await post(server, HOOK, '{"payload":')).status).toBe(400);
    expect(deliveries).toEqual([]);
    expect(rejected).toEqual(['invalid JSON']);
    stalled = false;
    expect((await post(server, HOOK, deliveryBody())).status).toBe(200);
    expect(deliveries).toHaveLength(1);
  });

  it("answers Avito's check ({} or an empty body) with 200 and hands it over as a check", async () => {
    const { server, deliveries } = await start();
    expect((await post(server, HOOK, '{}')).status).toBe(200);
    const empty = await post(server, HOOK, undefined);
    expect(empty.status).toBe(200);
    expect(JSON.parse(empty.text)).toEqual({ ok: true });
    expect(deliveries).toEqual([{ kind: 'check' }, { kind: 'check' }]);
  });

  it('acknowledges a payload type it does not act on', async () => {
    const { server, deliveries } = await start();
    const response = await post(server, HOOK, JSON.stringify({ id: 'd1', payload: { type: 'chat_status', value: {} } }));
    expect(response.status).toBe(200);
    expect(deliveries).toEqual([{ kind: 'other', type: 'chat_status' }]);
  });

  it('makes a wrong, missing, truncated or extended secret indistinguishable from an unknown path', async () => {
    const { server, deliveries, rejected } = await start();
    const unknown = await post(server, '/no/such/path', deliveryBody());
    expect(unknown.status).toBe(404);
    const paths = [
      `${WEBHOOK_PATH}wrong-secret`,
      WEBHOOK_PATH,
      `${WEBHOOK_PATH}${SECRET.slice(0, -1)}`,
      `${WEBHOOK_PATH}${SECRET}x`,
      `${WEBHOOK_PATH}${SECRET}/`,
      `${WEBHOOK_PATH}${SECRET.toUpperCase()}`,
      WEBHOOK_PATH.slice(0, -1),
    ];
    for (const path of paths) {
      const response = await post(server, path, deliveryBody());
      expect(response.status, path).toBe(404);
      expect(response.text, path).toBe(unknown.text);
      expect(response.headers.get('content-type'), path).toBe(unknown.headers.get('content-type'));
    }
    // A wrong secret is not a refused delivery: nothing reaches the inbox or the counters.
    expect(deliveries).toEqual([]);
    expect(rejected).toEqual([]);
    // Same for a GET: a wrong secret must not reveal the route by answering 405.
    expect((await get(server, `${WEBHOOK_PATH}wrong`)).status).toBe(404);
  });

  it('with several secrets (one per account), hands each delivery over with the index of the secret its URL carried', async () => {
    const routed: Array<[string, number]> = [];
    const refused: number[] = [];
    const other = 'second-account-secret-0123';
    const { server } = await start({
      webhookSecret: [SECRET, other],
      onDelivery: (delivery, secret) => routed.push([delivery.kind === 'message' ? delivery.message.id : delivery.kind, secret]),
      onRejected: (_reason, secret) => refused.push(secret),
    });
    expect((await post(server, `${WEBHOOK_PATH}${other}`, deliveryBody('а вторым?', 'm2'))).status).toBe(200);
    expect((await post(server, HOOK, deliveryBody())).status).toBe(200);
    expect((await post(server, `${WEBHOOK_PATH}${other}`, '{')).status).toBe(400);
    expect((await post(server, `${WEBHOOK_PATH}${other}x`, deliveryBody())).status).toBe(404);
    expect(routed).toEqual([
      ['m2', 1],
      ['m1', 0],
    ]);
    expect(refused).toEqual([1]);
  });

  it('answers GET on the right webhook path with 405 and Allow: POST', async () => {
    const { server, deliveries } = await start();
    const response = await get(server, HOOK);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(deliveries).toEqual([]);
  });

  it('refuses invalid JSON with 400 and counts it', async () => {
    const { server, deliveries, rejected } = await start();
    const response = await post(server, HOOK, '{"payload":');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: 'invalid JSON' });
    expect(rejected).toEqual(['invalid JSON']);
    expect(deliveries).toEqual([]);
  });

  it('refuses a body of the wrong shape with 400 and the reason', async () => {
    const { server, deliveries, rejected } = await start();
    const noChat = JSON.stringify({ payload: { type: 'message', value: { id: 'm1', user_id: ACCOUNT } } });
    const response = await post(server, HOOK, noChat);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: '"payload.value.chat_id" is missing' });
    const array = await post(server, HOOK, '[1,2]');
    expect(array.status).toBe(400);
    expect(JSON.parse(array.text).error).toMatch(/not a JSON object/);
    expect(rejected).toEqual(['"payload.value.chat_id" is missing', 'the body is not a JSON object']);
    expect(deliveries).toEqual([]);
  });
});

describe('webhook body size', () => {
  it('refuses a declared Content-Length over 1 MB at once, without waiting for the body', async () => {
    const { server, rejected } = await start();
    // No body follows the headers: only a server that trusts the declared length answers at all.
    const reply = await raw(server, requestHead('POST', HOOK, { 'content-type': 'application/json', 'content-length': MAX_BODY_BYTES + 1 }));
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.toLowerCase()).toContain('connection: close');
    expect(reply).toContain('"error":"body over 1 MB"');
    expect(rejected).toEqual(['body over 1 MB']);
    expect((await post(server, HOOK, deliveryBody())).status).toBe(200);
  });

  it('refuses an oversized body sent by fetch with a Content-Length', async () => {
    const { server, deliveries } = await start();
    const big = deliveryBody('x'.repeat(MAX_BODY_BYTES));
    // The server answers before reading the rest and then closes: fetch still reads that answer.
    const response = await post(server, HOOK, big);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({ error: 'body over 1 MB' });
    expect(deliveries).toEqual([]);
    expect((await post(server, HOOK, deliveryBody())).status).toBe(200);
  });

  it('refuses an oversized chunked body (no Content-Length) with 413', async () => {
    const { server, rejected, deliveries } = await start();
    const chunk = 'x'.repeat(64 * 1024);
    const chunks: string[] = [requestHead('POST', HOOK, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' })];
    // 17 chunks of 64 KiB = 1.0625 MiB, over the limit, then the terminating chunk.
    for (let i = 0; i < 17; i += 1) chunks.push(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    chunks.push('0\r\n\r\n');
    const reply = await raw(server, chunks, { until: /\r\n\r\n[^]*\}/ });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(rejected).toEqual(['body over 1 MB']);
    expect(deliveries).toEqual([]);
    expect((await post(server, HOOK, deliveryBody())).status).toBe(200);
  });

  it('refuses an oversized streamed fetch body (no Content-Length, duplex: half) with 413, and keeps serving', async () => {
    const { server, deliveries } = await start();
    const piece = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20) return controller.close();
        sent += 1;
        controller.enqueue(piece);
      },
    });
    const response = await post(server, HOOK, stream, { duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(deliveries).toEqual([]);
    expect((await post(server, HOOK, deliveryBody())).status).toBe(200);
  });

  it('accepts a delivery of exactly 1 MB (the limit is inclusive)', async () => {
    const { server, deliveries, rejected } = await start();
    const overhead = Buffer.byteLength(deliveryBody(''));
    const body = deliveryBody('x'.repeat(MAX_BODY_BYTES - overhead));
    expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
    const response = await post(server, HOOK, body);
    expect(response.status).toBe(200);
    expect(rejected).toEqual([]);
    expect(deliveries).toHaveLength(1);
    expect((deliveries[0] as Extract<Parsed, { kind: 'message' }>).message.text).toHaveLength(MAX_BODY_BYTES - overhead);
  });

  it('refuses one byte over 1 MB sent chunked (the count is exact, not per chunk)', async () => {
    const { server, rejected } = await start();
    const overhead = Buffer.byteLength(deliveryBody(''));
    const body = deliveryBody('x'.repeat(MAX_BODY_BYTES - overhead + 1));
    const half = Math.floor(body.length / 2);
    const parts = [body.slice(0, half), body.slice(half)];
    const reply = await raw(
      server,
      [requestHead('POST', HOOK, { 'transfer-encoding': 'chunked' }), ...parts.map((p) => `${Buffer.byteLength(p).toString(16)}\r\n${p}\r\n`), '0\r\n\r\n'],
      { until: /\r\n\r\n[^]*\}/ },
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(rejected).toEqual(['body over 1 MB']);
  });
});

describe('broken and slow clients', () => {
  it('answers garbage with 400 (or closes) and keeps serving', async () => {
    const { server } = await start();
    const reply = await raw(server, 'NOT HTTP AT ALL\r\n\r\n');
    expect(reply === '' || /^HTTP\/1\.1 400 /.test(reply)).toBe(true);
    const binary = await raw(server, Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10]));
    expect(binary === '' || /^HTTP\/1\.1 400 /.test(binary)).toBe(true);
    // A bad Content-Length is the parser's to refuse, not the handler's to crash on.
    const badLength = await raw(server, requestHead('POST', HOOK, { 'content-length': 'abc' }));
    expect(badLength).toMatch(/^HTTP\/1\.1 400 /);
    // A target the HTTP parser lets through but URL cannot read is the handler's 400, not a 500.
    const badTarget = await raw(server, requestHead('GET', '//['), { until: /\}/ });
    expect(badTarget).toMatch(/^HTTP\/1\.1 400 /);
    expect(badTarget).toContain('"error":"bad request target"');
    expect((await post(server, HOOK, deliveryBody())).status).toBe(200);
    expect((await get(server, '/health')).status).toBe(200);
  });

  it('does not let a client that stalls in its headers or body hold up others', async () => {
    const { server, deliveries } = await start();
    // Neither socket ever finishes its request; raw() is not awaited for them.
    void raw(server, `POST ${HOOK} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: appl`);
    void raw(server, [requestHead('POST', HOOK, { 'content-length': 500 }), '{"payload":']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const responses = await Promise.all([post(server, HOOK, deliveryBody()), get(server, '/health')]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(deliveries).toHaveLength(1);
  });
});

describe('nothing but the webhook and a bare health check', () => {
  /** A GET as a reverse proxy or a local user sends it, with whatever Host header they choose. */
  function getWithHost(server: RunningServer, path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${server.url}${path}`, { headers }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('answers every monitor route 404, whether the request looks local, proxied or rebound', async () => {
    const { server, health } = await start();
    const unknown = await get(server, '/no/such/path');
    const asSent: Array<Record<string, string>> = [
      {},
      { host: `127.0.0.1:${server.port}` },
      { host: 'localhost' },
      // nginx's proxy_pass with default settings: the public Host, no X-Forwarded-For.
      { host: 'shop.example.ru' },
      { host: 'shop.example.ru', 'x-forwarded-for': '203.0.113.5' },
    ];
    for (const headers of asSent) {
      for (const path of ['/dialogs', '/dialogs?limit=500', '/stats', '/queue', '/chats', '/metrics', '/dashboard', '/dashboard.js', '/', '/favicon.ico', `/dialogs?token=x`]) {
        const response = await getWithHost(server, path, headers);
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(404);
        expect(response.text).toBe(unknown.text);
      }
    }
    expect(health.calls).toBe(0);
  });

  it('answers /health with whether the daemon is ok and the names of what fails, never the errors', async () => {
    const { server, health } = await start();
    const ok = await get(server, '/health');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ ok: true });
    health.current = FAILING;
    const down = await get(server, '/health', { headers: { host: 'shop.example.ru' } });
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toEqual({ ok: false, failing: ['avito'] });
    const head = await fetch(`${server.url}/health`, { method: 'HEAD' });
    expect(head.status).toBe(503);
    expect(await head.text()).toBe('');
    expect((await post(server, '/health', '{}')).status).toBe(404);
  });

  it('answers 500 when the health check throws, reports it, and keeps taking deliveries', async () => {
    const { server, errors } = await start({
      health: () => Promise.reject(new Error('health broke')),
    });
    const response = await get(server, '/health');
    expect(response.status).toBe(500);
    expect(JSON.parse(response.text)).toEqual({ error: 'internal error' });
    expect(errors.map(String)).toEqual([expect.stringContaining('health broke')]);
    expect((await post(server, HOOK, deliveryBody())).status).toBe(200);
  });

  it('sends no-store, nosniff and no-referrer on every kind of answer', async () => {
    const { server } = await start();
    const answers = [
      await post(server, HOOK, deliveryBody()),
      await post(server, HOOK, 'not json'),
      await post(server, `${WEBHOOK_PATH}wrong`, '{}'),
      await get(server, HOOK),
      await get(server, '/health'),
      await get(server, '/stats'),
    ];
    for (const [index, answer] of answers.entries()) {
      expect(answer.headers.get('cache-control'), `answer ${index}`).toBe('no-store');
      expect(answer.headers.get('x-content-type-options'), `answer ${index}`).toBe('nosniff');
      expect(answer.headers.get('referrer-policy'), `answer ${index}`).toBe('no-referrer');
    }
  });
});

describe('a slowloris', () => {
  it('has its connection closed once it has not sent its headers within the header timeout', async () => {
    const { server } = await start();
    const started = performance.now();
    const reply = await raw(server, `POST ${HOOK} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-`);
    // Enforced on a 1 s tick; Node's own default tick (30 s) would hold the socket far longer.
    expect(performance.now() - started).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(performance.now() - started).toBeLessThan(HEADERS_TIMEOUT_MS + 2000);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  }, 15_000);

  it('holding 400 half-open connections keeps neither a delivery nor /health out, and costs at most 256 sockets', async () => {
    const { server, deliveries } = await start();
    let dropped = 0;
    const held = Array.from({ length: 400 }, () => {
      const socket = connect(server.port, '127.0.0.1');
      openSockets.push(socket);
      socket.on('connect', () => socket.write(`POST ${HOOK} HTTP/1.1\r\nhost: 127.0.0.1\r\n`));
      socket.on('error', () => undefined);
      socket.on('close', () => (dropped += 1));
      return socket;
    });
    await waitFor(() => held.every((socket) => !socket.connecting) && dropped >= 400 - MAX_WEBHOOK_CONNECTIONS, 'the oldest half-open connections to be dropped', 5000);
    const started = performance.now();
    const [delivery, health] = await Promise.all([post(server, HOOK, deliveryBody()), get(server, '/health')]);
    expect([delivery.status, health.status]).toEqual([200, 200]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(deliveries).toHaveLength(1);
    // Each newcomer made room by dropping the oldest half-open one, never more than needed.
    expect(dropped).toBeLessThanOrEqual(400 - MAX_WEBHOOK_CONNECTIONS + 2);
  }, 15_000);
});

describe('robustness', () => {
  it('property: any string body on the webhook gets 200, 400 or 413 and never crashes the server', async () => {
    const { server, deliveries } = await start();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.json({ maxDepth: 3 }),
          fc.constantFrom('{}', '', ' ', 'null', '[]', '{"payload":null}', deliveryBody()),
        ),
        async (body) => {
          const response = await post(server, HOOK, body);
          expect([200, 400, 413]).toContain(response.status);
          // Whatever the status, the body is JSON a client can read.
          expect(() => JSON.parse(response.text)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
    const before = deliveries.length;
    expect((await post(server, HOOK, deliveryBody())).status).toBe(200);
    expect(deliveries).toHaveLength(before + 1);
  });

  it('close() resolves promptly with an idle keep-alive connection open', async () => {
    const { server } = await start();
    const socket = connect(server.port, '127.0.0.1');
    openSockets.push(socket);
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    const answered = new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    socket.write(requestHead('GET', '/health', { connection: 'keep-alive' }));
    expect(await answered).toMatch(/^HTTP\/1\.1 200 /);
    // The connection is now idle but open; close() must not wait for keepAliveTimeout (5 s) or its grace.
    const started = performance.now();
    await server.close(10_000);
    expect(performance.now() - started).toBeLessThan(1000);
    await closed;
    running = undefined;
    // The port is released: nothing answers there any more.
    await expect(fetch(`${server.url}/health`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
  });

  it('close() gives up on a stalled request after the grace period', async () => {
    const { server } = await start();
    void raw(server, [requestHead('POST', HOOK, { 'content-length': 100 }), '{']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await server.close(200);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(2000);
    running = undefined;
  });
});
