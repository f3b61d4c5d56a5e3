import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AvitoResponseError } from '../../src/errors.js';
import {
  parseAccount,
  parseChat,
  parseChatList,
  parseMessage,
  parseMessageList,
  parseSubscriptions,
  parseTokenGrant,
  parseVoiceUrls,
} from '../../src/avito/parse.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/avito/${name}`, import.meta.url), 'utf8'));
const ACCOUNT = 111;
const EP = 'GET /test';

describe('parseChat', () => {
  it('maps listing, buyer and last message, ignoring unknown fields', () => {
    const chat = parseChat(fixture('chat.json'), EP, ACCOUNT);
    expect(chat).toEqual({
      id: 'u2i-3jhIQx_abc',
      created: 1700000000,
      updated: 1700000500,
      listing: { id: 4242424242, title: 'Диван угловой', url: 'https://www.avito.ru/moskva/mebel/divan_4242424242', price: '25 000 ₽', ownerId: 111 },
      buyer: { id: 222, name: 'Анна' },
      lastMessage: {
        id: 'm-last',
        chatId: 'u2i-3jhIQx_abc',
        authorId: 222,
        created: 1700000500,
        direction: 'in',
        type: 'text',
        text: 'Ещё продаётся?',
        content: { text: 'Ещё продаётся?' },
      },
    });
  });

  it('picks the buyer whatever the order of users', () => {
    const body = fixture('chat.json') as { users: unknown[] };
    body.users.reverse();
    expect(parseChat(body, EP, ACCOUNT).buyer).toEqual({ id: 222, name: 'Анна' });
  });

  it('tolerates a chat with no context, users or last message', () => {
    expect(parseChat({ id: 'u2u-1', created: 5, updated: 6 }, EP, ACCOUNT)).toEqual({ id: 'u2u-1', created: 5, updated: 6 });
  });

  it('drops a last message without an id instead of failing the chat', () => {
    expect(parseChat({ id: 'c', last_message: { type: 'text' } }, EP).lastMessage).toBeUndefined();
  });

  it('rejects a chat without an id, naming the endpoint', () => {
    expect(() => parseChat({ created: 1 }, EP)).toThrow(AvitoResponseError);
    expect(() => parseChat({ created: 1 }, EP)).toThrow(/GET \/test/);
  });
});

describe('parseChatList', () => {
  it('reads {chats:[...]} and treats a missing or null list as empty', () => {
    expect(parseChatList({ chats: [fixture('chat.json')] }, EP, ACCOUNT).map((c) => c.id)).toEqual(['u2i-3jhIQx_abc']);
    expect(parseChatList({}, EP)).toEqual([]);
    expect(parseChatList({ chats: null }, EP)).toEqual([]);
  });

  it('throws AvitoResponseError when chats is not an array', () => {
    const error = catchError(() => parseChatList({ chats: { a: 1 } }, 'GET /messenger/v2/accounts/{user_id}/chats'));
    expect(error).toBeInstanceOf(AvitoResponseError);
    expect((error as AvitoResponseError).endpoint).toBe('GET /messenger/v2/accounts/{user_id}/chats');
  });
});

describe('parseMessageList', () => {
  const messages = fixture('messages.json') as unknown[];

  it('accepts the bare array and the {messages} object alike', () => {
    const bare = parseMessageList(messages, 'chat-1', EP, ACCOUNT);
    const wrapped = parseMessageList({ messages }, 'chat-1', EP, ACCOUNT);
    expect(wrapped).toEqual(bare);
    expect(bare.map((m) => m.id)).toEqual(['m9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1']);
  });

  it('maps the text a person reads for each type', () => {
    const byId = new Map(parseMessageList(messages, 'chat-1', EP, ACCOUNT).map((m) => [m.id, m]));
    expect(byId.get('m9')).toMatchObject({ type: 'text', text: 'Доставка есть?', isRead: false, chatId: 'chat-1', authorId: 222, direction: 'in' });
    expect(byId.get('m8')).toMatchObject({ type: 'link', text: 'avito.ru/x', isRead: true });
    expect(byId.get('m7')).toMatchObject({ type: 'item', text: 'Диван угловой', direction: 'out', authorId: 111 });
    expect(byId.get('m6')).toMatchObject({ type: 'location', text: 'Тверская 1' });
    expect(byId.get('m5')).toMatchObject({ type: 'voice', text: '', content: { voice: { voice_id: 'v-1' } } });
    expect(byId.get('m4')).toMatchObject({ type: 'system', authorId: 0, flowId: 'seller_audience_discount' });
    expect(byId.get('m1')).toMatchObject({ type: 'image', text: '', flowId: 'top-level-flow' });
  });

  it('passes an unknown type and extra fields through without crashing', () => {
    const hologram = parseMessageList(messages, 'chat-1', EP, ACCOUNT).find((m) => m.id === 'm3');
    expect(hologram).toEqual({
      id: 'm3',
      chatId: 'chat-1',
      authorId: 222,
      created: 1700000300,
      direction: 'in',
      type: 'hologram',
      text: '',
      content: { hologram: { beam: 3 } },
    });
  });

  it('gives a message with no author nor direction author 0, direction in', () => {
    const deleted = parseMessageList(messages, 'chat-1', EP, ACCOUNT).find((m) => m.id === 'm2');
    expect(deleted).toMatchObject({ authorId: 0, direction: 'in', text: '' });
  });

  it('treats an empty body as no messages', () => {
    expect(parseMessageList(undefined, 'c', EP)).toEqual([]);
    expect(parseMessageList({}, 'c', EP)).toEqual([]);
  });

  it('rejects bodies that are not a list, and messages without an id', () => {
    expect(() => parseMessageList('oops', 'c', EP)).toThrow(AvitoResponseError);
    expect(() => parseMessageList({ messages: 'oops' }, 'c', EP)).toThrow(AvitoResponseError);
    expect(() => parseMessageList([{ type: 'text' }], 'c', EP)).toThrow(/no id/);
    expect(() => parseMessageList([42], 'c', EP)).toThrow(AvitoResponseError);
  });
});

describe('parseMessage', () => {
  it('maps a send answer: the author is the account, the chat comes from the caller', () => {
    const sent = parseMessage({ id: 's1', type: 'text', created: 1700001000, direction: 'out', content: { text: 'Да' } }, 'chat-9', EP, ACCOUNT);
    expect(sent).toEqual({ id: 's1', chatId: 'chat-9', authorId: ACCOUNT, created: 1700001000, direction: 'out', type: 'text', text: 'Да', content: { text: 'Да' } });
  });

  it('prefers chat_id from the body (webhook values carry it)', () => {
    expect(parseMessage({ id: 'w', chat_id: 'from-body', type: 'text', content: { text: 'x' } }, 'fallback', EP).chatId).toBe('from-body');
  });

  it('infers direction from the author when Avito leaves it out', () => {
    expect(parseMessage({ id: 'x', author_id: ACCOUNT, type: 'text' }, 'c', EP, ACCOUNT).direction).toBe('out');
  });
});



describe('small bodies', () => {
  it('parseAccount needs a numeric id', () => {
    expect(parseAccount({ id: 42, name: 'Shop', email: 'a@b', phone: '+7', profile_url: 'https://avito.ru/u' }, EP)).toEqual({
      id: 42,
      name: 'Shop',
      email: 'a@b',
      profileUrl: 'https://avito.ru/u',
    });
    expect(() => parseAccount({ name: 'Shop' }, EP)).toThrow(AvitoResponseError);
  });

  it('parseSubscriptions skips entries without a url and rejects a non-list', () => {
    expect(parseSubscriptions({ subscriptions: [{ url: 'https://a', version: '3' }, { version: '1' }, 'junk'] }, EP)).toEqual([{ url: 'https://a', version: '3' }]);
    expect(() => parseSubscriptions({ subscriptions: 1 }, EP)).toThrow(AvitoResponseError);
  });

  it('parseVoiceUrls keeps string links only', () => {
    expect(parseVoiceUrls({ voices_urls: { a: 'https://v/a', b: 3 } }, EP)).toEqual({ a: 'https://v/a' });
    expect(() => parseVoiceUrls({ voices_urls: [] }, EP)).toThrow(AvitoResponseError);
  });

  it('parseTokenGrant reads the token and a positive lifetime', () => {
    expect(parseTokenGrant({ access_token: 't', expires_in: 86400, token_type: 'Bearer' })).toEqual({ accessToken: 't', expiresIn: 86400 });
    expect(parseTokenGrant({ access_token: 't', expires_in: 0 })).toEqual({ accessToken: 't', expiresIn: undefined });
    expect(parseTokenGrant({ error: 'invalid_client' })).toBeUndefined();
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
