import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRequester, readAvitoMessage } from '../../src/avito/http.js';
import { AvitoApiError } from '../../src/errors.js';
import { startSandbox } from '../../src/avito/sandbox/index.js';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { CHAT_ID, createTestClient, smallScenario } from './helpers.js';

const CHATS_PATH = /^\/messenger\/v2\/accounts\/\d+\/chats$/;
const SEND_PATH = /^\/messenger\/v1\/accounts\/\d+\/chats\/[^/]+\/messages$/;
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ scenario: smallScenario() });
});
afterEach(() => sb.faults.clear());
afterAll(async () => {
  await sb.close();
});

/** A client with its token already fetched, so request counts below concern the call under test. */
async function readyClient(overrides: Parameters<typeof createTestClient>[1] = {}) {
  const test = createTestClient(sb, overrides);
  await test.client.listChats();
  test.sleeps.length = 0;
  test.events.length = 0;
  return { ...test, mark: sb.requests.length };
}

function since(mark: number, path: RegExp) {
  return sb.requests.slice(mark).filter((r) => path.test(r.path));
}

describe('retries of idempotent calls', () => {
  it('429 with Retry-After: waits exactly that long, then succeeds', async () => {
    const { client, sleeps, events, mark } = await readyClient();
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 429, retryAfter: 7 });
    const chats = await client.listChats();
    expect(chats.map((c) => c.id)).toContain(CHAT_ID);
    expect(sleeps).toEqual([7000]);
    expect(events).toEqual([{ type: 'retry', endpoint: 'GET /messenger/v2/accounts/{user_id}/chats', status: 429, attempt: 1, delayMs: 7000, reason: 'rate-limited' }]);
    expect(since(mark, CHATS_PATH).map((r) => r.status)).toEqual([429, 200]);
  });

  it('caps a very long Retry-After', async () => {
    const { client, sleeps } = await readyClient({ retry: { maxRetryAfterMs: 5000 } });
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 429, retryAfter: 3600 });
    await client.listChats();
    expect(sleeps).toEqual([5000]);
  });

  it('429 without Retry-After backs off exponentially with full jitter', async () => {
    const { client, sleeps } = await readyClient();
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 429, times: 3 });
    await client.listChats();
    // random() = 0.5: half of 500, 1000, 2000 ms.
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it('jitter stays below the cap', async () => {
    const { client, sleeps } = await readyClient({ random: () => 0.999, retry: { limit: 4, baseDelayMs: 500, maxDelayMs: 1500 } });
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 503, times: 4 });
    await client.listChats();
    expect(sleeps).toEqual([499, 999, 1498, 1498]);
  });

  it('500 then 503 are retried, then the call succeeds', async () => {
    const { client, sleeps, mark } = await readyClient();
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 500 });
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 503 });
    await expect(client.listChats()).resolves.toHaveLength(2);
    expect(sleeps).toHaveLength(2);
    expect(since(mark, CHATS_PATH).map((r) => r.status)).toEqual([500, 503, 200]);
  });

  it('gives up after the retry limit with AvitoApiError carrying Avito’s message', async () => {
    const { client, sleeps, mark } = await readyClient({ retry: { limit: 3 } });
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 500, times: 10 });
    const error = await client.listChats().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvitoApiError);
    expect(error).toMatchObject({ status: 500, endpoint: 'GET /messenger/v2/accounts/{user_id}/chats', ambiguous: false });
    expect((error as Error).message).toMatch(/Error while processing request/);
    expect((error as Error).message).toMatch(/4 attempts/);
    expect(sleeps).toHaveLength(3);
    expect(since(mark, CHATS_PATH)).toHaveLength(4);
  });

  it('a 429 that never ends reports the Retry-After it was given', async () => {
    const { client } = await readyClient({ retry: { limit: 1 } });
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 429, retryAfter: 2, times: 5 });
    await expect(client.listChats()).rejects.toMatchObject({ status: 429, retryAfter: 2 });
  });

  it('does not retry a 4xx', async () => {
    const { client, sleeps, mark } = await readyClient();
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 400, body: { error: { code: 400, message: 'Validation error', fields: { limit: 'bad' } } } });
    await expect(client.listChats()).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Validation error/) });
    expect(sleeps).toEqual([]);
    expect(since(mark, CHATS_PATH)).toHaveLength(1);
  });

  it('times out a slow answer (status 0) and retries it', async () => {
    const { client, sleeps, events } = await readyClient({ timeoutMs: 150 });
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'slow', delayMs: 1000 });
    await expect(client.listChats()).resolves.toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'retry', status: 0, reason: 'timeout' });
  });

  it('a timeout with no retries left is AvitoApiError status 0, not ambiguous for a read', async () => {
    const { client } = await readyClient({ timeoutMs: 150, retry: { limit: 0 } });
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'slow', delayMs: 1000 });
    const started = Date.now();
    const error = await client.listChats().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvitoApiError);
    expect(error).toMatchObject({ status: 0, ambiguous: false, message: expect.stringMatching(/нет ответа за 150 мс/) });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('retries a GET whose connection was dropped', async () => {
    const { client, sleeps, mark } = await readyClient();
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'drop' });
    await expect(client.listChats()).resolves.toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(since(mark, CHATS_PATH)).toHaveLength(2);
  });
});

describe('non-idempotent calls (send)', () => {
  it('drop-after: ambiguous error, not retried, and the sandbox holds exactly one copy', async () => {
    const { client, sleeps, mark } = await readyClient();
    const sentBefore = sb.sent(CHAT_ID).length;
    sb.faults.inject({ match: { path: SEND_PATH }, kind: 'drop-after' });
    const error = await client.sendMessage(CHAT_ID, 'Да, продаётся.').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvitoApiError);
    expect(error).toMatchObject({ ambiguous: true, status: 0, endpoint: 'POST /messenger/v1/accounts/{user_id}/chats/{chat_id}/messages' });
    expect(sleeps).toEqual([]);
    expect(since(mark, SEND_PATH)).toHaveLength(1);
    expect(sb.sent(CHAT_ID).slice(sentBefore).map((m) => m.content)).toEqual([{ text: 'Да, продаётся.' }]);
  });

  it('a 500 from a send is ambiguous and not retried', async () => {
    const { client, sleeps, mark } = await readyClient();
    sb.faults.inject({ match: { path: SEND_PATH }, kind: 'status', status: 500 });
    await expect(client.sendMessage(CHAT_ID, 'Ответ')).rejects.toMatchObject({ ambiguous: true, status: 500 });
    expect(sleeps).toEqual([]);
    expect(since(mark, SEND_PATH)).toHaveLength(1);
  });

  it('a send that times out is ambiguous and not retried', async () => {
    const { client, sleeps, mark } = await readyClient({ timeoutMs: 150 });
    sb.faults.inject({ match: { path: SEND_PATH }, kind: 'slow', delayMs: 600 });
    await expect(client.sendMessage(CHAT_ID, 'Медленный ответ')).rejects.toMatchObject({ ambiguous: true, status: 0 });
    expect(sleeps).toEqual([]);
    expect(since(mark, SEND_PATH)).toHaveLength(1);
  });

  it('a send refused with 429 is retried and delivered once', async () => {
    const { client, sleeps, mark } = await readyClient();
    const sentBefore = sb.sent(CHAT_ID).length;
    sb.faults.inject({ match: { path: SEND_PATH }, kind: 'status', status: 429, retryAfter: 1 });
    const message = await client.sendMessage(CHAT_ID, 'После паузы');
    expect(sleeps).toEqual([1000]);
    expect(since(mark, SEND_PATH).map((r) => r.status)).toEqual([429, 200]);
    expect(sb.sent(CHAT_ID).slice(sentBefore).map((m) => m.id)).toEqual([message?.id]);
  });

  it('subscribe is not retried after a 503 either', async () => {
    const { client, sleeps } = await readyClient();
    sb.faults.inject({ match: { path: /^\/messenger\/v3\/webhook$/ }, kind: 'status', status: 503 });
    await expect(client.subscribeWebhook('http://127.0.0.1:9/hook')).rejects.toMatchObject({ ambiguous: true, status: 503 });
    expect(sleeps).toEqual([]);
  });
});

describe('requester without a server', () => {
  it('retries a send on ECONNREFUSED (it never left) and fails unambiguously', async () => {
    const port = await findClosedPort();
    const sleeps: number[] = [];
    const request = createRequester({ baseUrl: `http://127.0.0.1:${port}`, retry: { limit: 2 }, sleep: async (ms) => void sleeps.push(ms), random: () => 0 });
    const error = await request({ method: 'POST', path: '/x', endpoint: 'POST /x', json: {}, idempotent: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvitoApiError);
    expect(error).toMatchObject({ status: 0, ambiguous: false, message: expect.stringMatching(/ECONNREFUSED/) });
    expect(sleeps).toHaveLength(2);
  });
});

describe('readAvitoMessage', () => {
  it('reads every error body shape Avito uses', () => {
    expect(readAvitoMessage('{"error":{"code":403,"message":"Forbidden"}}')).toBe('Forbidden');
    expect(readAvitoMessage('{"error":"invalid_client","error_description":"Client authentication failed"}')).toBe('invalid_client: Client authentication failed');
    expect(readAvitoMessage('{"error":"invalid_grant"}')).toBe('invalid_grant');
    expect(readAvitoMessage('{"message":"oops"}')).toBe('oops');
    expect(readAvitoMessage('<html><body><h1>502 Bad Gateway</h1></body></html>')).toBe('502 Bad Gateway');
    expect(readAvitoMessage('')).toBeUndefined();
    expect(readAvitoMessage('{"ok":false}')).toBeUndefined();
  });
});

async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

