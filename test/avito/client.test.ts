import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isTariffStub } from '../../src/core/inquiry.js';
import { splitText } from '../../src/core/split-text.js';
import { AvitoAuthError, AvitoResponseError } from '../../src/errors.js';
import type { ChatMessage } from '../../src/core/model.js';
import { generateScenario, startSandbox } from '../../src/avito/sandbox/index.js';
import type { Sandbox, SandboxScenario } from '../../src/avito/sandbox/index.js';
import { createHttpTestServer } from '../helpers/http-test-server.js';
import { ACCOUNT_ID, BUYER_ID, CHAT_ID, U2U_CHAT_ID, createTestClient, requestsTo, smallScenario, startStubServer, stubAvito } from './helpers.js';
import { sendParts } from '../../src/core/seller-reply.js';

const CHATS_PATH = /^\/messenger\/v2\/accounts\/\d+\/chats$/;
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ scenario: smallScenario() });
});
afterEach(() => sb.faults.clear());
afterAll(async () => {
  await sb.close();
});

describe('auth: refresh once on 401/403', () => {
  it('an expired token (403) is refreshed and the call retried once', async () => {
    const { client, events } = createTestClient(sb);
    await client.listChats();
    sb.expireTokens();
    const mark = sb.requests.length;
    await expect(client.listChats()).resolves.toHaveLength(2);
    const after = sb.requests.slice(mark).map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(after).toEqual([
      `GET /messenger/v2/accounts/${ACCOUNT_ID}/chats 403`,
      'POST /token 200',
      `GET /messenger/v2/accounts/${ACCOUNT_ID}/chats 200`,
    ]);
    expect(events).toContainEqual({ type: 'auth-retry', endpoint: 'GET /messenger/v2/accounts/{user_id}/chats', status: 403 });
  });

  it('a 403 that persists with a fresh token is AvitoAuthError scope-or-tariff naming the scopes', async () => {
    const { client } = createTestClient(sb);
    const mark = sb.requests.length;
    sb.faults.inject({ match: { path: CHATS_PATH }, kind: 'status', status: 403, times: 2 });
    const error = await client.listChats().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AvitoAuthError);
    expect(error).toMatchObject({ reason: 'scope-or-tariff', status: 403 });
    const hint = (error as AvitoAuthError).hint ?? '';
    for (const scope of ['messenger:read', 'messenger:write', 'user:read']) expect(hint).toContain(scope);
    expect(hint).toMatch(/тариф/);
    const chatCalls = sb.requests.slice(mark).filter((r) => CHATS_PATH.test(r.path));
    expect(chatCalls).toHaveLength(2);
    expect(chatCalls[0]?.token).not.toBe(chatCalls[1]?.token);
    expect(sb.requests.slice(mark).filter((r) => r.path === '/token')).toHaveLength(2);
  });

  it('a send refused with 403 once is retried with a fresh token and delivered once', async () => {
    const { client } = createTestClient(sb);
    const before = sb.sent(CHAT_ID).length;
    sb.faults.inject({ match: { path: /\/messages$/, method: 'POST' }, kind: 'status', status: 403 });
    await client.sendMessage(CHAT_ID, 'После обновления токена');
    expect(sb.sent(CHAT_ID).length - before).toBe(1);
  });

  it('bad credentials surface as AvitoAuthError credentials from any call', async () => {
    const { client } = createTestClient({ url: sb.url, credentials: { clientId: 'x', clientSecret: 'y' } });
    await expect(client.listChats()).rejects.toMatchObject({ name: 'AvitoAuthError', reason: 'credentials' });
  });
});

describe('user id discovery', () => {
  it('concurrent callers share one accounts/self call; the callback hears the id once', async () => {
    const discovered: number[] = [];
    const { client } = createTestClient(sb, { userId: undefined, onUserIdDiscovered: (id) => discovered.push(id) });
    const mark = sb.requests.length;
    const ids = await Promise.all([client.getUserId(), client.getUserId(), client.listChats().then(() => client.getUserId())]);
    expect(ids).toEqual([ACCOUNT_ID, ACCOUNT_ID, ACCOUNT_ID]);
    expect(discovered).toEqual([ACCOUNT_ID]);
    expect(sb.requests.slice(mark).filter((r) => r.path === '/core/v1/accounts/self')).toHaveLength(1);
  });

  it('a configured user id is used without asking', async () => {
    const { client } = createTestClient(sb, { userId: 42 });
    const mark = sb.requests.length;
    expect(await client.getUserId()).toBe(42);
    expect(sb.requests.length).toBe(mark);
  });

  it('getSelf maps the account', async () => {
    const { client } = createTestClient(sb);
    expect(await client.getSelf()).toMatchObject({ id: ACCOUNT_ID, name: 'Магазин' });
  });
});

describe('chats', () => {
  it('lists u2i and u2u by default, with the listing and the buyer', async () => {
    const { client } = createTestClient(sb);
    const mark = sb.requests.length;
    const chats = await client.listChats();
    expect(chats.map((c) => c.id).sort()).toEqual([CHAT_ID, U2U_CHAT_ID].sort());
    const main = chats.find((c) => c.id === CHAT_ID);
    // The sandbox names the account as the listing's author, as Avito does for the account's own listings.
    expect(main?.listing).toEqual({ id: 4012345678, title: 'Кофемашина', url: 'https://www.avito.ru/x_4012345678', price: '32 990 ₽', ownerId: ACCOUNT_ID });
    expect(main?.buyer).toEqual({ id: BUYER_ID, name: 'Анна' });
    // Other tests send into this chat, so the newest message is whatever the sandbox holds last.
    const newest = sb.messages(CHAT_ID).at(-1);
    expect(main?.lastMessage).toMatchObject({ id: newest?.id, text: newest?.content.text, direction: newest?.direction, authorId: newest?.author_id, chatId: CHAT_ID });
    const query = sb.requests.slice(mark).find((r) => CHATS_PATH.test(r.path))?.query;
    expect(query).toEqual({ chat_types: 'u2i,u2u', limit: '100', offset: '0' });
  });

  it('passes filters: chat types, item ids, unread only', async () => {
    const { client } = createTestClient(sb);
    const mark = sb.requests.length;
    const chats = await client.listChats({ chatTypes: ['u2i'], itemIds: [4012345678, 1], unreadOnly: true });
    expect(chats.map((c) => c.id)).toEqual([CHAT_ID]);
    expect(sb.requests.slice(mark).find((r) => CHATS_PATH.test(r.path))?.query).toEqual({
      chat_types: 'u2i',
      item_ids: '4012345678,1',
      unread_only: 'true',
      limit: '100',
      offset: '0',
    });
  });

  it('getChat URL-encodes the chat id', async () => {
    const odd = 'u2i-odd id/?#%';
    sb.addChat({ id: odd, messages: [{ author_id: BUYER_ID, text: 'hi' }] });
    const { client } = createTestClient(sb);
    const chat = await client.getChat(odd);
    expect(chat.id).toBe(odd);
    expect(sb.requests.at(-1)?.path).toBe(`/messenger/v2/accounts/${ACCOUNT_ID}/chats/${encodeURIComponent(odd)}`);
    const messages = await client.listMessages(odd);
    expect(messages.map((m) => m.text)).toEqual(['hi']);
  });
});

describe('paging through many chats', () => {
  let big: Sandbox;
  const COUNT = 250;
  const T0 = 1_700_000_000;

  beforeAll(async () => {
    const scenario: SandboxScenario = { account: { id: ACCOUNT_ID }, chats: [] };
    for (let i = 0; i < COUNT; i++) {
      // Chat i was updated i minutes before T0: chat 0 is the newest.
      scenario.chats.push({ id: `u2i-c${i}`, updated: T0 - i * 60, created: T0 - 86_400, messages: [{ author_id: BUYER_ID + i, text: `q${i}`, created: T0 - i * 60 }] });
    }
    big = await startSandbox({ scenario });
  });
  afterAll(async () => {
    await big.close();
  });

  it('pages with limit=100 and offset until a short page', async () => {
    const { client } = createTestClient(big);
    const chats = await client.listChats();
    expect(chats).toHaveLength(COUNT);
    expect(new Set(chats.map((c) => c.id)).size).toBe(COUNT);
    expect(chats[0]?.id).toBe('u2i-c0');
    expect(requestsTo(big, CHATS_PATH).map((r) => [r.query.offset, r.query.limit])).toEqual([
      ['0', '100'],
      ['100', '100'],
      ['200', '100'],
    ]);
  });

  it('never asks past offset 1000 (Avito refuses it)', async () => {
    const huge = await startSandbox({ scenario: generateScenario({ chats: 1150, messagesPerChat: 1, accountId: ACCOUNT_ID }) });
    try {
      const { client } = createTestClient(huge);
      const chats = await client.listChats();
      expect(chats).toHaveLength(1100);
      expect(requestsTo(huge, CHATS_PATH).map((r) => Number(r.query.offset))).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    } finally {
      await huge.close();
    }
  });

  it('stops early once a whole page is older than updatedSince', async () => {
    const { client } = createTestClient(big);
    const mark = big.requests.length;
    // Chats 0..50 are newer; page 2 (chats 100..199) is entirely older.
    const chats = await client.listChats({ updatedSince: T0 - 50 * 60 });
    expect(big.requests.slice(mark).filter((r) => CHATS_PATH.test(r.path)).map((r) => r.query.offset)).toEqual(['0', '100']);
    expect(chats).toHaveLength(200);
  });
});

describe('messages', () => {
  it('lists newest first from the {messages} body', async () => {
    const { client } = createTestClient(sb);
    const mark = sb.requests.length;
    const messages = await client.listMessages(CHAT_ID, { limit: 10 });
    expect(messages.slice(-2).map((m) => m.id)).toEqual(['q2', 'q1']);
    expect(messages.at(-1)).toMatchObject({ chatId: CHAT_ID, authorId: BUYER_ID, direction: 'in', type: 'text', text: 'Здравствуйте!', created: 1_700_000_000 });
    const request = sb.requests.slice(mark).find((r) => r.path.includes('/messages'));
    expect(request?.path).toBe(`/messenger/v3/accounts/${ACCOUNT_ID}/chats/${CHAT_ID}/messages/`);
    expect(request?.query).toEqual({ limit: '10', offset: '0' });
  });

  it('messages on an account without the tariff read as the stub, which the core spots', async () => {
    const stubbed = await startSandbox({ scenario: { ...smallScenario(), tariffStub: true } });
    try {
      const { client } = createTestClient(stubbed);
      const messages = await client.listMessages(CHAT_ID);
      expect(messages).toHaveLength(2);
      for (const message of messages) expect(isTariffStub(message)).toBe(true);
    } finally {
      await stubbed.close();
    }
  });

  it('reads the bare-array body the spec shows', async () => {
    const arraySandbox = await startSandbox({ scenario: smallScenario(), messagesBody: 'array' });
    try {
      const { client } = createTestClient(arraySandbox);
      const messages = await client.listMessages(CHAT_ID);
      expect(messages.map((m) => m.id)).toEqual(['q2', 'q1']);
    } finally {
      await arraySandbox.close();
    }
  });

  it('a 2,500-character reply goes out as the core splits it: 3 messages, sent in order, each reported', async () => {
    const { client } = createTestClient(sb);
    const sentence = 'Кофемашина полностью исправна, чек и коробка на месте. ';
    const text = sentence.repeat(50).slice(0, 2500);
    const expectedParts = splitText(text);
    expect(expectedParts).toHaveLength(3);
    const before = sb.sent(CHAT_ID).length;
    const reported: Array<[string, number]> = [];
    const sent = await sendParts(client, CHAT_ID, expectedParts, (message: ChatMessage) => void reported.push([message.id, reported.length]));

    const stored = sb.sent(CHAT_ID).slice(before);
    expect(stored.map((m) => m.content)).toEqual(expectedParts.map((part) => ({ text: part })));
    expect(sent.map((m) => m.id)).toEqual(stored.map((m) => m.id));
    expect(sent.map((m) => m.text)).toEqual(expectedParts);
    expect(sent[0]).toMatchObject({ chatId: CHAT_ID, direction: 'out', authorId: ACCOUNT_ID, type: 'text' });
    expect(reported).toEqual(stored.map((m, i) => [m.id, i]));
    const bodies = requestsTo(sb, /\/messages$/, 'POST').slice(-3).map((r) => r.body);
    expect(bodies[0]).toEqual({ message: { text: expectedParts[0] }, type: 'text' });
  });

  it('a failing part stops the send; earlier parts were reported', async () => {
    const { client } = createTestClient(sb);
    const before = sb.sent(CHAT_ID).length;
    const reported: number[] = [];
    const onSent = () => {
      reported.push(reported.length);
      // Avito refuses the second part.
      sb.faults.inject({ match: { path: /\/messages$/, method: 'POST' }, kind: 'status', status: 400 });
    };
    const text = `${'a'.repeat(900)}. ${'b'.repeat(900)}. ${'c'.repeat(900)}.`;
    await expect(sendParts(client, CHAT_ID, splitText(text), onSent)).rejects.toMatchObject({ status: 400, ambiguous: false });
    expect(reported).toEqual([0]);
    expect(sb.sent(CHAT_ID).length - before).toBe(1);
  });

  it('markRead posts to .../read', async () => {
    const { client } = createTestClient(sb);
    await client.markRead(CHAT_ID);
    const request = sb.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', path: `/messenger/v1/accounts/${ACCOUNT_ID}/chats/${CHAT_ID}/read`, status: 200 });
  });

  it('getVoiceUrls sends the ids comma-separated and maps the links', async () => {
    const { client } = createTestClient(sb);
    const urls = await client.getVoiceUrls(['v1', 'v2']);
    expect(Object.keys(urls)).toEqual(['v1', 'v2']);
    expect(urls.v1).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+v1/);
    expect(sb.requests.at(-1)?.query).toEqual({ voice_ids: 'v1,v2' });
    const mark = sb.requests.length;
    expect(await client.getVoiceUrls([])).toEqual({});
    expect(sb.requests.length).toBe(mark);
  });
});

describe('webhooks', () => {
  it('subscribe, list, unsubscribe', async () => {
    const receiver = await createHttpTestServer((_req, res) => res.writeHead(200).end('ok'));
    const hook = `${receiver.url}/avito/secret-path`;
    try {
      const { client } = createTestClient(sb);
      await client.subscribeWebhook(hook);
      expect(await client.listSubscriptions()).toEqual([{ url: hook, version: '3' }]);
      expect(requestsTo(sb, /^\/messenger\/v3\/webhook$/).at(-1)?.body).toEqual({ url: hook });
      await client.unsubscribeWebhook(hook);
      expect(await client.listSubscriptions()).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('a refused subscription is an AvitoApiError with Avito’s reason', async () => {
    const { client } = createTestClient(sb);
    await expect(client.subscribeWebhook('http://127.0.0.1:9/nothing')).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/did not answer 200/) });
  });
});

describe('bodies the sandbox will not produce (stub server)', () => {
  it('sends list parameters with literal commas', async () => {
    const stub = await startStubServer(stubAvito({ [`/messenger/v2/accounts/${ACCOUNT_ID}/chats`]: { body: '{"chats":[]}' } }));
    try {
      const { client } = createTestClient(stub);
      await client.listChats({ chatTypes: ['u2i', 'u2u', 'a2u'], itemIds: [1, 2] });
      expect(stub.seen.at(-1)).toBe(`GET /messenger/v2/accounts/${ACCOUNT_ID}/chats?chat_types=u2i,u2u,a2u&item_ids=1,2&limit=100&offset=0`);
    } finally {
      await stub.close();
    }
  });

  it('chats that are not an array: AvitoResponseError naming the endpoint', async () => {
    const stub = await startStubServer(stubAvito({ [`/messenger/v2/accounts/${ACCOUNT_ID}/chats`]: { body: '{"chats":"nope"}' } }));
    try {
      const { client } = createTestClient(stub);
      const error = await client.listChats().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AvitoResponseError);
      expect(error).toMatchObject({ endpoint: 'GET /messenger/v2/accounts/{user_id}/chats' });
      expect((error as Error).message).toMatch(/chats/);
    } finally {
      await stub.close();
    }
  });

  it('a 200 that is not JSON: AvitoResponseError, not retried', async () => {
    const path = `/messenger/v3/accounts/${ACCOUNT_ID}/chats/c1/messages/`;
    const stub = await startStubServer(stubAvito({ [path]: { body: '<html>maintenance</html>', contentType: 'text/html' } }));
    try {
      const { client, sleeps } = createTestClient(stub);
      await expect(client.listMessages('c1')).rejects.toBeInstanceOf(AvitoResponseError);
      expect(sleeps).toEqual([]);
      expect(stub.seen.filter((line) => line.includes('/messages/'))).toHaveLength(1);
    } finally {
      await stub.close();
    }
  });

  it('unknown message types and extra fields pass through', async () => {
    const path = `/messenger/v3/accounts/${ACCOUNT_ID}/chats/c1/messages/`;
    const body = JSON.stringify({
      messages: [
        { id: 'n1', author_id: 7, created: 5, direction: 'in', type: 'sticker3d', content: { sticker3d: { pack: 'x' } }, brand_new: { deep: [1] } },
        { id: 'n2', author_id: 7, created: 4, direction: 'in', type: 'text', content: { text: 'hi', formatting: 'md' }, quote: { id: 'n0' } },
      ],
      meta: { total: 2 },
    });
    const stub = await startStubServer(stubAvito({ [path]: { body } }));
    try {
      const { client } = createTestClient(stub);
      const messages = await client.listMessages('c1');
      expect(messages).toMatchObject([
        { id: 'n1', type: 'sticker3d', text: '', content: { sticker3d: { pack: 'x' } } },
        { id: 'n2', type: 'text', text: 'hi' },
      ]);
    } finally {
      await stub.close();
    }
  });

  it('an OAuth-style or HTML error body still gives a readable AvitoApiError', async () => {
    const path = `/messenger/v3/accounts/${ACCOUNT_ID}/chats/c1/messages/`;
    const stub = await startStubServer(stubAvito({ [path]: { status: 404, body: '{"error":"not_found","error_description":"no such chat"}' } }));
    try {
      const { client } = createTestClient(stub);
      await expect(client.listMessages('c1')).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/not_found: no such chat/) });
    } finally {
      await stub.close();
    }
  });
});
