/** The sandbox's own `/sandbox/` routes: a person on this machine writes as a buyer and reads what came back. */
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario, startSandbox } from '../../../src/avito/sandbox/index.js';
import type { Sandbox, SandboxMessageEvent } from '../../../src/avito/sandbox/index.js';

const scenario = parseScenario(JSON.parse(readFileSync(new URL('../../fixtures/scenarios/basic.json', import.meta.url), 'utf8')));
const ACCOUNT = 100200300;
const COFFEE_CHAT = 'u2i-Kf3xQ9bLmN2pR7sT1vWy0A';

let sandbox: Sandbox;
let events: SandboxMessageEvent[];

beforeEach(async () => {
  sandbox = await startSandbox({ scenario });
  events = [];
  sandbox.onMessage((event) => events.push(event));
});

afterEach(async () => {
  await sandbox.close();
});

function writeAsBuyer(base: string, chatId: string, body: unknown, contentType = 'application/json') {
  return fetch(`${base}/sandbox/chats/${encodeURIComponent(chatId)}/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: JSON.stringify(body),
  });
}

async function issueToken(): Promise<string> {
  const response = await fetch(`${sandbox.url}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'sandbox-client', client_secret: 'sandbox-secret' }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('writing as a buyer through /sandbox/chats/{id}/messages', () => {
  it('adds an unread buyer message that avito-ai then sees through the Avito API, and tells the watchers', async () => {
    const response = await writeAsBuyer(sandbox.url, COFFEE_CHAT, { text: 'А доставка в Казань есть?' });
    expect(response.status).toBe(200);
    const { message } = (await response.json()) as { message: { id: string; direction: string; text: string } };
    expect(message).toMatchObject({ direction: 'in', text: 'А доставка в Казань есть?' });

    const stored = sandbox.messages(COFFEE_CHAT).at(-1);
    expect(stored).toMatchObject({ id: message.id, direction: 'in', is_read: false, content: { text: 'А доставка в Казань есть?' } });
    expect(stored?.author_id).not.toBe(ACCOUNT);
    expect(events).toEqual([expect.objectContaining({ chatId: COFFEE_CHAT, origin: 'sandbox-route' })]);

    const token = await issueToken();
    const chats = await fetch(`${sandbox.url}/messenger/v2/accounts/${ACCOUNT}/chats?unread_only=true`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await chats.json()) as { chats: Array<{ id: string; last_message: { content: { text: string } } }> };
    expect(body.chats.find((chat) => chat.id === COFFEE_CHAT)?.last_message.content.text).toBe('А доставка в Казань есть?');
  });

  it('answers an unknown chat with 404 and the chats there are', async () => {
    const response = await writeAsBuyer(sandbox.url, 'u2i-nope', { text: 'Привет' });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { chats: string[] };
    expect(body.chats).toContain(COFFEE_CHAT);
  });

  it('refuses an empty text, a missing text and a body that is not JSON (a web page cannot post it across sites)', async () => {
    expect((await writeAsBuyer(sandbox.url, COFFEE_CHAT, { text: '  ' })).status).toBe(400);
    expect((await writeAsBuyer(sandbox.url, COFFEE_CHAT, {})).status).toBe(400);
    expect((await writeAsBuyer(sandbox.url, COFFEE_CHAT, { text: 'Привет' }, 'text/plain')).status).toBe(415);
    expect(sandbox.messages(COFFEE_CHAT)).toHaveLength(scenario.chats.find((chat) => chat.id === COFFEE_CHAT)?.messages.length ?? -1);
  });

  it('lists the chats with their listing and buyer', async () => {
    const response = await fetch(`${sandbox.url}/sandbox/chats`);
    const { chats } = (await response.json()) as { chats: Array<{ id: string; listing?: { title?: string }; buyer?: { id: number } }> };
    expect(chats.map((chat) => chat.id)).toEqual(scenario.chats.map((chat) => chat.id));
    expect(chats[0]?.listing?.title).toEqual(expect.any(String));
    expect(chats[0]?.buyer?.id).not.toBe(ACCOUNT);
  });
});

describe('reading a chat through /sandbox/chats/{id}/messages', () => {
  it('gives the messages after a given one, including what avito-ai sent through the Avito API', async () => {
    const written = (await (await writeAsBuyer(sandbox.url, COFFEE_CHAT, { text: 'Есть гарантия?' })).json()) as { message: { id: string } };
    const token = await issueToken();
    await fetch(`${sandbox.url}/messenger/v1/accounts/${ACCOUNT}/chats/${COFFEE_CHAT}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: { text: 'Гарантия 1 год.' }, type: 'text' }),
    });
    const response = await fetch(`${sandbox.url}/sandbox/chats/${COFFEE_CHAT}/messages?after=${written.message.id}`);
    const { messages } = (await response.json()) as { messages: unknown[] };
    expect(messages).toEqual([expect.objectContaining({ direction: 'out', text: 'Гарантия 1 год.' })]);
    expect(events.map((event) => event.origin)).toEqual(['sandbox-route', 'avito-api']);
  });

  it('refuses an unknown `after`', async () => {
    const response = await fetch(`${sandbox.url}/sandbox/chats/${COFFEE_CHAT}/messages?after=nope`);
    expect(response.status).toBe(400);
  });
});

describe('who may use the sandbox routes', () => {
  it('needs no token, but the Avito API still does', async () => {
    expect((await fetch(`${sandbox.url}/sandbox/chats`)).status).toBe(200);
    expect((await fetch(`${sandbox.url}/messenger/v2/accounts/${ACCOUNT}/chats`)).status).toBe(401);
  });

  // Only runs where the machine has an address other than loopback to come from.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal)?.address;
  it.skipIf(external === undefined)('answers 403 to a client from another address, even when the sandbox listens on every address', async () => {
    const open = await startSandbox({ scenario, host: '0.0.0.0' });
    try {
      const base = open.url.replace('0.0.0.0', external ?? '');
      const response = await writeAsBuyer(base, COFFEE_CHAT, { text: 'Привет' });
      expect(response.status).toBe(403);
      expect((await fetch(`${base}/sandbox/chats`)).status).toBe(403);
      // The Avito API itself stays reachable, as it was.
      expect((await fetch(`${base}/token`, { method: 'POST' })).status).toBe(400);
    } finally {
      await open.close();
    }
  });
});
