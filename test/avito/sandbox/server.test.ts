import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TARIFF_STUB_TEXT, generateScenario, parseScenario, startSandbox } from '../../../src/avito/sandbox/index.js';
import type { Sandbox, SandboxScenario } from '../../../src/avito/sandbox/index.js';

const scenario: SandboxScenario = parseScenario(
  JSON.parse(readFileSync(new URL('../../fixtures/scenarios/basic.json', import.meta.url), 'utf8')),
);
const ACCOUNT = 100200300;
const COFFEE_CHAT = 'u2i-Kf3xQ9bLmN2pR7sT1vWy0A';
const VACUUM_CHAT = 'u2i-Zp8Hc4dGjE6kT0uYw3qS5B';
const PROFILE_CHAT = 'u2u-Rq1Ws5eVn9mB2cX7zL4tH8';

interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

async function call(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}) {
  const url = new URL(sandbox.url + path);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  // Loose on purpose: tests read the wire shapes field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, json: json as any };
}

async function issueToken(sandbox: Sandbox): Promise<string> {
  const response = await fetch(`${sandbox.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sandbox.credentials.clientId,
      client_secret: sandbox.credentials.clientSecret,
    }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** A tiny webhook receiver on loopback that records what it gets. */
async function startReceiver(status = 200): Promise<{ url: string; bodies: unknown[]; close(): Promise<void> }> {
  const bodies: unknown[] = [];
  const server: Server = createServer((request, response) => {
    let data = '';
    request.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    request.on('end', () => {
      bodies.push(JSON.parse(data || 'null'));
      response.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook/secret`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const chatsPath = `/messenger/v2/accounts/${ACCOUNT}/chats`;
const messagesPath = (chatId: string) => `/messenger/v3/accounts/${ACCOUNT}/chats/${chatId}/messages/`;
const sendPath = (chatId: string) => `/messenger/v1/accounts/${ACCOUNT}/chats/${chatId}/messages`;

let sandbox: Sandbox;
let token: string;

beforeEach(async () => {
  sandbox = await startSandbox({ scenario });
  token = await issueToken(sandbox);
});

afterEach(async () => {
  await sandbox.close();
});

describe('auth', () => {
  it('issues a fresh Bearer token for the right credentials, on /token and /token/', async () => {
    const form = `grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret`;
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const first = await call(sandbox, 'POST', '/token', { rawBody: form, headers });
    const second = await call(sandbox, 'POST', '/token/', { rawBody: form, headers });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ expires_in: 86400, token_type: 'Bearer' });
    expect(typeof first.json.access_token).toBe('string');
    expect(second.status).toBe(200);
    expect(second.json.access_token).not.toBe(first.json.access_token);
    const self = await call(sandbox, 'GET', '/core/v1/accounts/self', { token: second.json.access_token });
    expect(self.status).toBe(200);
  });

  it('refuses wrong credentials and a wrong grant type with non-2xx', async () => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const wrongSecret = await call(sandbox, 'POST', '/token', {
      rawBody: 'grant_type=client_credentials&client_id=sandbox-client&client_secret=nope',
      headers,
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.json.error).toBe('invalid_client');
    const wrongGrant = await call(sandbox, 'POST', '/token', {
      rawBody: 'grant_type=password&client_id=sandbox-client&client_secret=sandbox-secret',
      headers,
    });
    expect(wrongGrant.status).toBe(400);
  });

  it('uses the credentials of the scenario and the configured TTL', async () => {
    const custom = await startSandbox({
      scenario: { ...scenario, credentials: { clientId: 'id-1', clientSecret: 's-1' } },
      tokenTtlSeconds: 60,
    });
    try {
      expect(custom.credentials).toEqual({ clientId: 'id-1', clientSecret: 's-1' });
      const response = await call(custom, 'POST', '/token', {
        rawBody: 'grant_type=client_credentials&client_id=id-1&client_secret=s-1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(response.json.expires_in).toBe(60);
    } finally {
      await custom.close();
    }
  });

  it('answers 401 without a token or with an unknown one', async () => {
    const none = await call(sandbox, 'GET', '/core/v1/accounts/self');
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe(401);
    const unknown = await call(sandbox, 'GET', chatsPath, { token: 'made-up' });
    expect(unknown.status).toBe(401);
  });

  it('answers 403 once tokens expire, and a new token works again', async () => {
    sandbox.expireTokens();
    const expired = await call(sandbox, 'GET', chatsPath, { token });
    expect(expired.status).toBe(403);
    expect(expired.json.error.code).toBe(403);
    const fresh = await issueToken(sandbox);
    expect((await call(sandbox, 'GET', chatsPath, { token: fresh })).status).toBe(200);
  });

  it('expires tokens by their TTL', async () => {
    const shortLived = await startSandbox({ scenario, tokenTtlSeconds: 0 });
    try {
      const response = await call(shortLived, 'GET', '/core/v1/accounts/self', { token: await issueToken(shortLived) });
      expect(response.status).toBe(403);
    } finally {
      await shortLived.close();
    }
  });

  it('serves the account', async () => {
    const self = await call(sandbox, 'GET', '/core/v1/accounts/self', { token });
    expect(self.json).toMatchObject({ id: ACCOUNT, name: 'Магазин «Техника Дома»', email: 'shop@example.com', phones: ['79161234567'] });
  });
});

describe('chats', () => {
  it('lists only u2i chats by default, newest first, in the wire shape', async () => {
    const response = await call(sandbox, 'GET', chatsPath, { token });
    expect(response.status).toBe(200);
    const ids = response.json.chats.map((chat: { id: string }) => chat.id);
    expect(ids).toEqual([COFFEE_CHAT, VACUUM_CHAT]);
    const coffee = response.json.chats[0];
    expect(coffee.context.value).toMatchObject({ id: 4012345678, price_string: '32 990 ₽' });
    expect(coffee.users.map((user: { id: number }) => user.id)).toEqual([ACCOUNT, 200000001]);
    expect(coffee.last_message).toMatchObject({ id: 'msg-1001', author_id: 200000001, direction: 'in', type: 'text' });
    expect(coffee.updated).toBeGreaterThan(response.json.chats[1].updated);
  });

  it('returns u2u chats when asked with chat_types=u2i,u2u', async () => {
    const response = await call(sandbox, 'GET', chatsPath, { token, query: { chat_types: 'u2i,u2u' } });
    expect(response.json.chats.map((chat: { id: string }) => chat.id).sort()).toEqual([COFFEE_CHAT, PROFILE_CHAT, VACUUM_CHAT].sort());
    const onlyU2u = await call(sandbox, 'GET', chatsPath, { token, query: { chat_types: 'u2u' } });
    expect(onlyU2u.json.chats.map((chat: { id: string }) => chat.id)).toEqual([PROFILE_CHAT]);
  });

  it('filters by item_ids and pages with limit/offset', async () => {
    const byItem = await call(sandbox, 'GET', chatsPath, { token, query: { item_ids: '4012345679,1' } });
    expect(byItem.json.chats.map((chat: { id: string }) => chat.id)).toEqual([VACUUM_CHAT]);
    const first = await call(sandbox, 'GET', chatsPath, { token, query: { limit: '1' } });
    const second = await call(sandbox, 'GET', chatsPath, { token, query: { limit: '1', offset: '1' } });
    const third = await call(sandbox, 'GET', chatsPath, { token, query: { limit: '1', offset: '2' } });
    expect(first.json.chats.map((chat: { id: string }) => chat.id)).toEqual([COFFEE_CHAT]);
    expect(second.json.chats.map((chat: { id: string }) => chat.id)).toEqual([VACUUM_CHAT]);
    expect(third.json.chats).toEqual([]);
  });

  it('rejects out-of-range limit and offset with fields', async () => {
    const queries: Array<Record<string, string>> = [{ limit: '0' }, { limit: '101' }, { offset: '1001' }, { offset: '-1' }, { limit: 'ten' }];
    for (const query of queries) {
      const response = await call(sandbox, 'GET', chatsPath, { token, query });
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(Object.keys(response.json.error.fields)).toEqual(Object.keys(query));
    }
    const badType = await call(sandbox, 'GET', chatsPath, { token, query: { chat_types: 'u2x' } });
    expect(badType.status).toBe(400);
  });

  it('unread_only lists chats with an unread incoming message, and read clears it', async () => {
    const unread = await call(sandbox, 'GET', chatsPath, { token, query: { unread_only: 'true', chat_types: 'u2i,u2u' } });
    expect(unread.json.chats).toHaveLength(3);
    const read = await call(sandbox, 'POST', `/messenger/v1/accounts/${ACCOUNT}/chats/${VACUUM_CHAT}/read`, { token });
    expect(read.status).toBe(200);
    expect(read.json).toEqual({ ok: true });
    const after = await call(sandbox, 'GET', chatsPath, { token, query: { unread_only: 'true', chat_types: 'u2i,u2u' } });
    expect(after.json.chats.map((chat: { id: string }) => chat.id)).not.toContain(VACUUM_CHAT);
    expect(after.json.chats).toHaveLength(2);
    expect(sandbox.messages(VACUUM_CHAT).every((message) => message.is_read)).toBe(true);
    expect(sandbox.messages(VACUUM_CHAT).at(-1)?.read).toEqual(expect.any(Number));
  });

  it('serves one chat, 404 for an unknown one, 403 for another account', async () => {
    const one = await call(sandbox, 'GET', `${chatsPath}/${PROFILE_CHAT}`, { token });
    expect(one.status).toBe(200);
    expect(one.json.id).toBe(PROFILE_CHAT);
    expect(one.json.context).toBeUndefined();
    expect((await call(sandbox, 'GET', `${chatsPath}/u2i-nope`, { token })).status).toBe(404);
    expect((await call(sandbox, 'GET', `/messenger/v2/accounts/42/chats`, { token })).status).toBe(403);
  });
});

describe('messages', () => {
  it('returns messages newest first as {"messages":[...]}, with and without the trailing slash', async () => {
    const response = await call(sandbox, 'GET', messagesPath(VACUUM_CHAT), { token });
    expect(response.status).toBe(200);
    expect(response.json.messages.map((message: { id: string }) => message.id)).toEqual(['msg-2003', 'msg-2002', 'msg-2001']);
    expect(response.json.messages[1]).toMatchObject({
      author_id: ACCOUNT,
      direction: 'out',
      type: 'text',
      content: { text: 'Здравствуйте, Марина! Гарантия магазина 12 месяцев.' },
      is_read: true,
    });
    expect(response.json.messages[0]).toMatchObject({ direction: 'in', is_read: false, read: null });
    const withoutSlash = await call(sandbox, 'GET', messagesPath(VACUUM_CHAT).slice(0, -1), { token, query: { limit: '1', offset: '1' } });
    expect(withoutSlash.json.messages.map((message: { id: string }) => message.id)).toEqual(['msg-2002']);
  });

  it('returns a bare array when messagesBody is "array"', async () => {
    const arraySandbox = await startSandbox({ scenario, messagesBody: 'array' });
    try {
      const response = await call(arraySandbox, 'GET', messagesPath(COFFEE_CHAT), { token: await issueToken(arraySandbox) });
      expect(Array.isArray(response.json)).toBe(true);
      expect(response.json.map((message: { id: string }) => message.id)).toEqual(['msg-1001', 'sys-0001']);
      expect(response.json[1]).toMatchObject({ type: 'system', content: { flow_id: 'seller_audience_discount' } });
    } finally {
      await arraySandbox.close();
    }
  });

  it('does not mark the chat read when fetching messages', async () => {
    await call(sandbox, 'GET', messagesPath(COFFEE_CHAT), { token });
    const unread = await call(sandbox, 'GET', chatsPath, { token, query: { unread_only: 'true' } });
    expect(unread.json.chats.map((chat: { id: string }) => chat.id)).toContain(COFFEE_CHAT);
  });

  it('sends a message: stored, recorded in sent(), chat bumped to the top', async () => {
    const response = await call(sandbox, 'POST', sendPath(VACUUM_CHAT), {
      token,
      body: { message: { text: 'Да, доставка в Подольск — 500 ₽.' }, type: 'text' },
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      id: expect.any(String),
      type: 'text',
      created: expect.any(Number),
      direction: 'out',
      content: { text: 'Да, доставка в Подольск — 500 ₽.' },
    });
    expect(sandbox.sent(VACUUM_CHAT).map((message) => message.id)).toEqual([response.json.id]);
    expect(sandbox.sent(COFFEE_CHAT)).toEqual([]);
    expect(sandbox.messages(VACUUM_CHAT).at(-1)).toMatchObject({ id: response.json.id, author_id: ACCOUNT, direction: 'out' });
    const newest = await call(sandbox, 'GET', messagesPath(VACUUM_CHAT), { token, query: { limit: '1' } });
    expect(newest.json.messages[0].id).toBe(response.json.id);
    const chats = await call(sandbox, 'GET', chatsPath, { token });
    expect(chats.json.chats[0].id).toBe(VACUUM_CHAT);
  });

  it('accepts exactly 1000 characters and refuses 1001 or an empty text', async () => {
    const ok = await call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, body: { message: { text: 'ж'.repeat(1000) }, type: 'text' } });
    expect(ok.status).toBe(200);
    const tooLong = await call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, body: { message: { text: 'ж'.repeat(1001) }, type: 'text' } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.fields['message.text']).toContain('1001');
    const empty = await call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, body: { message: { text: '  ' }, type: 'text' } });
    expect(empty.status).toBe(400);
    const noText = await call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, body: { url: 'x' } });
    expect(noText.status).toBe(400);
    expect(sandbox.sent()).toHaveLength(1);
  });

  it('addMessage appends a buyer message by default and refuses an unknown chat', () => {
    const added = sandbox.addMessage(COFFEE_CHAT, { text: 'Алло, вы тут?' });
    expect(added).toMatchObject({ author_id: 200000001, direction: 'in', type: 'text', is_read: false, chat_id: COFFEE_CHAT });
    expect(sandbox.messages(COFFEE_CHAT).at(-1)?.id).toBe(added.id);
    expect(() => sandbox.addMessage('u2i-missing', { text: 'x' })).toThrow(/u2i-missing/);
  });

  it('addChat adds a chat the API then lists, and refuses a duplicate id', async () => {
    sandbox.addChat({ id: 'u2i-new', messages: [{ author_id: 555, text: 'Добрый вечер!' }] });
    const chats = await call(sandbox, 'GET', chatsPath, { token });
    expect(chats.json.chats[0]).toMatchObject({ id: 'u2i-new', users: [{ id: ACCOUNT }, { id: 555 }] });
    expect(() => sandbox.addChat({ id: 'u2i-new', messages: [] })).toThrow(/already/);
  });

  it('answers voice file links', async () => {
    const response = await call(sandbox, 'GET', `/messenger/v1/accounts/${ACCOUNT}/getVoiceFiles`, { token, query: { voice_ids: 'v1,v2' } });
    expect(Object.keys(response.json.voices_urls)).toEqual(['v1', 'v2']);
    const file = await fetch(response.json.voices_urls.v1);
    expect(file.status).toBe(200);
    await file.arrayBuffer();
  });

  it('shows the tariff stub instead of texts when the scenario says so', async () => {
    const stubbed = await startSandbox({ scenario: { ...scenario, tariffStub: true } });
    try {
      const stubToken = await issueToken(stubbed);
      const messages = await call(stubbed, 'GET', messagesPath(VACUUM_CHAT), { token: stubToken });
      expect(messages.json.messages.map((message: { content: { text: string } }) => message.content.text)).toEqual(
        Array(3).fill(TARIFF_STUB_TEXT),
      );
      const chats = await call(stubbed, 'GET', chatsPath, { token: stubToken });
      expect(chats.json.chats[0].last_message.content.text).toBe(TARIFF_STUB_TEXT);
    } finally {
      await stubbed.close();
    }
  });
});

describe('webhooks', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(() => {
    receiver.bodies.length = 0;
  });

  it('checks the URL with an empty POST, lists it, and delivers new messages in order', async () => {
    const subscribe = await call(sandbox, 'POST', '/messenger/v3/webhook', { token, body: { url: receiver.url } });
    expect(subscribe.status).toBe(200);
    expect(subscribe.json).toEqual({ ok: true });
    expect(receiver.bodies).toEqual([{}]);
    const list = await call(sandbox, 'POST', '/messenger/v1/subscriptions', { token });
    expect(list.json).toEqual({ subscriptions: [{ url: receiver.url, version: '3' }] });

    const incoming = sandbox.addMessage(COFFEE_CHAT, { text: 'Можно сегодня забрать?' });
    const sent = await call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, body: { message: { text: 'Да, до 20:00.' }, type: 'text' } });
    await sandbox.flushDeliveries();

    expect(receiver.bodies).toHaveLength(3);
    expect(receiver.bodies[1]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      version: 'v3.0.0',
      timestamp: expect.any(Number),
      payload: {
        type: 'message',
        value: {
          id: incoming.id,
          chat_id: COFFEE_CHAT,
          user_id: ACCOUNT,
          author_id: 200000001,
          created: incoming.created,
          type: 'text',
          chat_type: 'u2i',
          content: { text: 'Можно сегодня забрать?' },
          item_id: 4012345678,
          published_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          read: null,
        },
      },
    });
    // The seller's own message comes back too (author_id == user_id).
    expect(receiver.bodies[2]).toMatchObject({ payload: { value: { id: sent.json.id, author_id: ACCOUNT, user_id: ACCOUNT } } });
    expect(sandbox.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
  });

  it('refuses a URL that does not answer 200, and a URL nobody listens on', async () => {
    const failing = await startReceiver(500);
    try {
      const refused = await call(sandbox, 'POST', '/messenger/v3/webhook', { token, body: { url: failing.url } });
      expect(refused.status).toBe(400);
      expect(refused.json.error.message).toMatch(/did not answer 200/);
    } finally {
      await failing.close();
    }
    const nobody = await call(sandbox, 'POST', '/messenger/v3/webhook', { token, body: { url: failing.url } });
    expect(nobody.status).toBe(400);
    expect(sandbox.subscriptions()).toEqual([]);
    const notUrl = await call(sandbox, 'POST', '/messenger/v3/webhook', { token, body: { url: 'ftp://x' } });
    expect(notUrl.status).toBe(400);
  });

  it('stops delivering after unsubscribe and records failed deliveries without throwing', async () => {
    const doomed = await startReceiver();
    await call(sandbox, 'POST', '/messenger/v3/webhook', { token, body: { url: receiver.url } });
    await call(sandbox, 'POST', '/messenger/v3/webhook', { token, body: { url: doomed.url } });
    await doomed.close();
    const unsubscribe = await call(sandbox, 'POST', '/messenger/v1/webhook/unsubscribe', { token, body: { url: receiver.url } });
    expect(unsubscribe.json).toEqual({ ok: true });
    sandbox.addMessage(COFFEE_CHAT, { text: 'Есть кто?' });
    await sandbox.flushDeliveries();
    expect(receiver.bodies).toEqual([{}]);
    expect(sandbox.deliveries).toHaveLength(1);
    expect(sandbox.deliveries[0]).toMatchObject({ url: doomed.url, error: expect.any(String) });
    expect(sandbox.deliveries[0]?.status).toBeUndefined();
  });
});

describe('faults', () => {
  it('answers a status fault with an Avito error body and Retry-After, then recovers', async () => {
    sandbox.faults.inject({ kind: 'status', status: 429, retryAfter: 3, match: { path: /\/chats$/ }, times: 2 });
    const self = await call(sandbox, 'GET', '/core/v1/accounts/self', { token });
    expect(self.status).toBe(200);
    const first = await call(sandbox, 'GET', chatsPath, { token });
    const second = await call(sandbox, 'GET', chatsPath, { token });
    const third = await call(sandbox, 'GET', chatsPath, { token });
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.json).toEqual({ error: { code: 429, message: 'Too Many Requests' } });
    expect(third.headers.get('retry-after')).toBeNull();
  });

  it('applies faults before auth', async () => {
    sandbox.faults.inject({ kind: 'status', status: 503 });
    const response = await call(sandbox, 'GET', '/core/v1/accounts/self');
    expect(response.status).toBe(503);
    expect(response.json.error.code).toBe(503);
  });

  it('slow answers correctly after the delay', async () => {
    sandbox.faults.inject({ kind: 'slow', delayMs: 300 });
    const started = Date.now();
    const response = await call(sandbox, 'GET', '/core/v1/accounts/self', { token });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.status).toBe(200);
    expect(response.json.id).toBe(ACCOUNT);
  });

  it('drop closes the socket without processing: nothing is sent', async () => {
    sandbox.faults.inject({ kind: 'drop', match: { method: 'POST' } });
    await expect(
      call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, body: { message: { text: 'потеряется' }, type: 'text' } }),
    ).rejects.toThrow();
    expect(sandbox.sent()).toEqual([]);
    expect(sandbox.requests.at(-1)).toMatchObject({ method: 'POST', status: 0, fault: 'drop' });
  });

  it('drop-after stores the message but the client gets no answer', async () => {
    sandbox.faults.inject({ kind: 'drop-after', match: { method: 'POST', path: /\/messages$/ } });
    await expect(
      call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, body: { message: { text: 'дошло, но ответа нет' }, type: 'text' } }),
    ).rejects.toThrow();
    expect(sandbox.sent(COFFEE_CHAT).map((message) => message.content.text)).toEqual(['дошло, но ответа нет']);
    expect(sandbox.messages(COFFEE_CHAT).at(-1)?.content.text).toBe('дошло, но ответа нет');
  });

  it('clear() removes queued faults', async () => {
    sandbox.faults.inject({ kind: 'status', status: 500, times: 5 });
    sandbox.faults.clear();
    expect((await call(sandbox, 'GET', '/core/v1/accounts/self', { token })).status).toBe(200);
  });

  it('rate() is deterministic for a seed and hits about the asked ratio', async () => {
    async function statuses(seed: number): Promise<number[]> {
      sandbox.faults.rate(0.5, ['status'], seed);
      const seen: number[] = [];
      for (let i = 0; i < 40; i++) seen.push((await call(sandbox, 'GET', '/core/v1/accounts/self', { token })).status);
      sandbox.faults.clear();
      return seen;
    }
    const first = await statuses(42);
    const again = await statuses(42);
    const other = await statuses(7);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const faulted = first.filter((status) => status !== 200);
    expect(faulted.length).toBeGreaterThan(8);
    expect(faulted.length).toBeLessThan(32);
    expect(new Set(faulted).size).toBeGreaterThan(1);
    for (const status of faulted) expect([429, 500, 503]).toContain(status);
  });
});

describe('robustness and recording', () => {
  it('answers 400 to a bad JSON body and 404 to an unknown route', async () => {
    const bad = await call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, rawBody: '{"message":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe(400);
    const unknown = await call(sandbox, 'GET', '/messenger/v9/nothing', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: { code: 404, message: 'Not found' } });
    const wrongMethod = await call(sandbox, 'DELETE', chatsPath, { token });
    expect(wrongMethod.status).toBe(405);
    const badEscape = await call(sandbox, 'GET', `${chatsPath}/%E0%A4%A`, { token });
    expect(badEscape.status).toBe(400);
  });

  it('refuses a body over 1 MB', async () => {
    const response = await call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, body: { message: { text: 'x'.repeat(1_100_000) } } });
    expect(response.status).toBe(413);
  });

  it('survives a malformed HTTP request', async () => {
    const { port } = new URL(sandbox.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await call(sandbox, 'GET', '/core/v1/accounts/self', { token })).status).toBe(200);
  });

  it('never crashes on arbitrary methods, paths and bodies', async () => {
    const routes = [chatsPath, sendPath(COFFEE_CHAT), '/messenger/v3/webhook', '/token', '/messenger/v1/webhook/unsubscribe', messagesPath(VACUUM_CHAT)];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT'),
        fc.oneof(fc.constantFrom(...routes), fc.webPath()),
        fc.oneof(fc.string(), fc.json(), fc.constant('{"message":{"text":null}}')),
        async (method, path, body) => {
          const response = await fetch(sandbox.url + (path.startsWith('/') ? path : `/${path}`), {
            method,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            ...(method === 'GET' ? {} : { body }),
          });
          await response.arrayBuffer();
          expect(response.status).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    expect((await call(sandbox, 'GET', '/core/v1/accounts/self', { token })).status).toBe(200);
  });

  it('records every request with method, path, query, body, status and token', async () => {
    await call(sandbox, 'GET', chatsPath, { token, query: { limit: '5', chat_types: 'u2i' } });
    await call(sandbox, 'POST', sendPath(COFFEE_CHAT), { token, body: { message: { text: 'привет' }, type: 'text' } });
    await call(sandbox, 'GET', '/core/v1/accounts/self');
    const [tokenRequest, list, send, anonymous] = sandbox.requests;
    expect(tokenRequest).toMatchObject({ method: 'POST', path: '/token', status: 200, body: { grant_type: 'client_credentials' } });
    expect(list).toMatchObject({ method: 'GET', path: chatsPath, query: { limit: '5', chat_types: 'u2i' }, status: 200, token });
    expect(send).toMatchObject({ method: 'POST', body: { message: { text: 'привет' }, type: 'text' }, status: 200 });
    expect(anonymous).toMatchObject({ status: 401 });
    expect(anonymous?.token).toBeUndefined();
    expect(sandbox.requests).toHaveLength(4);
    expect(list?.at).toBeGreaterThanOrEqual(tokenRequest?.at ?? Infinity);
  });

  it('stays fast with 1,000 chats and 50,000 messages', async () => {
    const big = await startSandbox({ scenario: generateScenario({ chats: 1000, messagesPerChat: 50 }) });
    try {
      const bigToken = await issueToken(big);
      const path = `/messenger/v2/accounts/${big.account.id}/chats`;
      const started = performance.now();
      const pages = [];
      for (let offset = 0; offset < 1000; offset += 100) {
        pages.push(await call(big, 'GET', path, { token: bigToken, query: { unread_only: 'true', offset: String(offset) } }));
      }
      const ids = new Set(pages.flatMap((page) => page.json.chats.map((chat: { id: string }) => chat.id)));
      expect(ids.size).toBe(1000);
      const chatId = [...ids][0] as string;
      const messages = await call(big, 'GET', `/messenger/v3/accounts/${big.account.id}/chats/${chatId}/messages/`, { token: bigToken, query: { limit: '10' } });
      expect(messages.json.messages).toHaveLength(10);
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      await big.close();
    }
  });

  it('close() returns quickly even with a slow request in flight', async () => {
    sandbox.faults.inject({ kind: 'slow', delayMs: 10_000 });
    const pending = fetch(`${sandbox.url}/core/v1/accounts/self`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    sandbox = await startSandbox({ scenario });
  });
});
