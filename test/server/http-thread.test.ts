/**
 * The webhook listener in its thread, as the built `serve` runs it: the worker loads the
 * compiled `dist/cli/serve-listener.js` (a worker cannot load TypeScript; `npm test` builds
 * first), this thread plays `serve`'s main thread. The HTTP behaviour itself is
 * webhook-server.test.ts's; here: what crosses the thread boundary, and that acknowledgements do
 * not wait for this thread.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WEBHOOK_PATH, type WebhookDelivery } from '../../src/avito/webhook.js';
import type { RunningServer } from '../../src/server/http-server.js';
import { startWebhookServerThread, watchHandover, type ThreadedServerOptions } from '../../src/server/http-thread.js';
import { waitFor } from '../helpers/spawn-cli.js';

const ENTRY = new URL('../../dist/cli/serve-listener.js', import.meta.url);
const SECRET = 'test-secret-0123456789';
const HOOK = `${WEBHOOK_PATH}${SECRET}`;

type Parsed = Exclude<WebhookDelivery, { kind: 'invalid' }>;

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close(1000);
  running = undefined;
});

interface Harness {
  server: RunningServer;
  deliveries: Parsed[];
  rejected: string[];
  errors: unknown[];
  healthChecks: () => number;
}

async function start(overrides: Partial<ThreadedServerOptions<Parsed>> = {}): Promise<Harness> {
  if (!existsSync(ENTRY)) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  const deliveries: Parsed[] = [];
  const rejected: string[] = [];
  const errors: unknown[] = [];
  let healthChecks = 0;
  const server = await startWebhookServerThread<Parsed>({
    entry: ENTRY,
    host: '127.0.0.1',
    port: 0,
    webhookPath: WEBHOOK_PATH,
    webhookSecret: SECRET,
    health: async () => {
      healthChecks += 1;
      if (healthChecks === 2) throw new Error('health broke');
      return { ok: false, reason: 'store: /var/lib/avito-ai/data is not writable', checks: { store: { ok: false, error: '/var/lib/avito-ai/data is not writable' }, avito: { ok: true } } };
    },
    onDelivery: (delivery) => deliveries.push(delivery),
    onRejected: (reason) => rejected.push(reason),
    onError: (error) => errors.push(error),
    ...overrides,
  });
  running = server;
  return { server, deliveries, rejected, errors, healthChecks: () => healthChecks };
}

function deliveryBody(id = 'm1'): string {
  return JSON.stringify({
    id: `delivery-${id}`,
    payload: { type: 'message', value: { id, chat_id: 'u2i-abc', user_id: 9000001, author_id: 5550001, created: 1700000000, type: 'text', content: { text: 'Есть гарантия?' } } },
  });
}

/**
 * POSTs `bodies` to `url` from a thread of its own, the n-th after `delays[n]` ms, so that it runs
 * while this thread is blocked; resolves with each status and its latency in ms.
 */
function postFromAnotherThread(url: string, bodies: string[], delays: number[]): Promise<Array<{ status: number; ms: number }>> {
  const client = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const results = [];
      const started = performance.now();
      for (const [index, body] of workerData.bodies.entries()) {
        const wait = started + workerData.delays[index] - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const sent = performance.now();
        const response = await fetch(workerData.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        results.push({ status: response.status, ms: performance.now() - sent });
      }
      parentPort.postMessage(results);
    })();`,
    { eval: true, workerData: { url, bodies, delays } },
  );
  return new Promise((resolve, reject) => {
    client.once('message', (results: Array<{ status: number; ms: number }>) => void client.terminate().then(() => resolve(results)));
    client.once('error', reject);
  });
}

/** Holds this thread (and so every callback of the server's main side) for `ms`. */
function blockThisThread(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('the listener thread', () => {
  it('hands each accepted delivery, refusal and failure over to this thread', async () => {
    const { server, deliveries, rejected } = await start();
    const accepted = await fetch(server.url + HOOK, { method: 'POST', body: deliveryBody() });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ ok: true });
    expect((await fetch(server.url + HOOK, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await fetch(server.url + HOOK, { method: 'POST', body: '{"payload":' })).status).toBe(400);
    expect((await fetch(`${server.url}${WEBHOOK_PATH}wrong`, { method: 'POST', body: deliveryBody() })).status).toBe(404);
    await waitFor(() => deliveries.length === 2 && rejected.length === 1, 'the handover');
    expect(deliveries[0]).toMatchObject({ kind: 'message', accountId: 9000001, message: { id: 'm1', chatId: 'u2i-abc', text: 'Есть гарантия?' } });
    expect(deliveries[1]).toEqual({ kind: 'check' });
    expect(rejected).toEqual(['invalid JSON']);
  });

  it("answers /health from this thread's health check, bare, and no monitor route at all", async () => {
    const { server, errors, healthChecks } = await start();
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, failing: ['store'] });
    // A health check that throws here is a 500 there, reported here with its message.
    const broken = await fetch(`${server.url}/health`);
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ error: 'internal error' });
    await waitFor(() => errors.length === 1, 'the error report');
    expect(String(errors[0])).toContain('health broke');
    for (const path of ['/stats', '/dialogs', '/dashboard', '/metrics']) expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    expect(healthChecks()).toBe(2);
  });

  it('acknowledges deliveries while this thread is blocked, and hands them over once it is free', async () => {
    const { server, deliveries } = await start();
    const results = postFromAnotherThread(server.url + HOOK, [deliveryBody('m1'), deliveryBody('m2')], [200, 300]);
    // As a long search or a large store write would hold serve's main thread: sharing this
    // thread, the acknowledgements would wait 2 s and more.
    blockThisThread(2500);
    const acks = await results;
    expect(acks.map((ack) => ack.status)).toEqual([200, 200]);
    for (const ack of acks) expect(ack.ms).toBeLessThan(1500);
    await waitFor(() => deliveries.length === 2, 'the handover after the block');
    expect(deliveries.map((delivery) => delivery.kind === 'message' && delivery.message.id)).toEqual(['m1', 'm2']);
  });

  it('answers 503 (Avito retries) once this thread has taken no delivery for stallMs, and recovers', async () => {
    const { server, deliveries, errors } = await start({ stallMs: 400 });
    // m2 comes when m1 has waited 900 ms, untaken.
    const results = postFromAnotherThread(server.url + HOOK, [deliveryBody('m1'), deliveryBody('m2')], [100, 1000]);
    blockThisThread(2000);
    const acks = await results;
    expect(acks.map((ack) => ack.status)).toEqual([200, 503]);
    await waitFor(() => deliveries.length === 1, 'the handover after the block');
    expect(errors.map(String)).toEqual([expect.stringContaining('the main thread took no delivery for 0.4 s')]);
    expect((await fetch(server.url + HOOK, { method: 'POST', body: deliveryBody('m2') })).status).toBe(200);
    await waitFor(() => deliveries.length === 2, 'the retried delivery');
  });

  it('close() hands over every acknowledged delivery before it resolves, and releases the port', async () => {
    const { server, deliveries } = await start();
    const sent = await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(server.url + HOOK, { method: 'POST', body: deliveryBody(`m${i}`) })));
    expect(sent.every((response) => response.status === 200)).toBe(true);
    await server.close(1000);
    running = undefined;
    expect(deliveries).toHaveLength(20);
    await expect(fetch(`${server.url}/health`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
    // A second close (serve's `finally`) is the same close.
    await server.close();
  });

  it('rejects with the listen error, code included, when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(start({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      taken.close();
    }
  });
});

describe('a listener thread that ends on its own', () => {
  it('fails the start when it exits before listening', async () => {
    await expect(start({ entry: new URL('data:text/javascript,process.exit(3)') })).rejects.toThrow('the HTTP listener thread exited (code 3)');
  });

  it('reports a thread that dies after listening once, and close() still resolves', async () => {
    const failures: unknown[] = [];
    const entry = new URL(
      `data:text/javascript,${encodeURIComponent(
        "import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ type: 'listening', url: 'http://127.0.0.1:1', port: 1 }); setTimeout(() => { throw new Error('listener broke'); }, 50);",
      )}`,
    );
    const { server } = await start({ entry, onFailure: (error) => failures.push(error) });
    await waitFor(() => failures.length > 0, 'the failure');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(failures.map(String)).toEqual([expect.stringContaining('listener broke')]);
    await server.close(100);
    running = undefined;
  });
});

describe('watchHandover', () => {
  it('is stalled only while a delivery handed over has waited past the limit untaken', () => {
    let now = 0;
    const taken = new Int32Array(new SharedArrayBuffer(4));
    const handover = watchHandover(taken, 1000, () => now);
    expect(handover.isStalled()).toBe(false);
    handover.post();
    now = 500;
    handover.post();
    now = 1001;
    expect(handover.isStalled()).toBe(true);
    Atomics.add(taken, 0, 1);
    // The oldest is taken; the next has waited 501 ms.
    expect(handover.isStalled()).toBe(false);
    now = 1501;
    expect(handover.isStalled()).toBe(true);
    Atomics.add(taken, 0, 1);
    expect(handover.isStalled()).toBe(false);
    now = 10_000;
    expect(handover.isStalled()).toBe(false);
  });
});
