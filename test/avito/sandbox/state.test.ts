import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioChat } from '../../../src/avito/sandbox/scenario.js';
import { appendMessage, createChat, markChatRead, pageMessages, queryChats } from '../../../src/avito/sandbox/state.js';

const basic: unknown = JSON.parse(readFileSync(new URL('../../fixtures/scenarios/basic.json', import.meta.url), 'utf8'));

describe('createChat', () => {
  const account = { id: 1, name: 'Продавец' };

  it('derives direction, type, users, times and chat type', () => {
    const chat = createChat(
      parseScenarioChat({
        id: 'u2u-x',
        messages: [
          { author_id: 7, text: 'Здравствуйте' },
          { author_id: 1, text: 'Добрый день' },
        ],
      }),
      account,
      10_000,
    );
    expect(chat.type).toBe('u2u');
    expect(chat.users).toEqual([{ id: 1, name: 'Продавец' }, { id: 7, name: 'Покупатель' }]);
    expect(chat.messages.map((message) => [message.direction, message.is_read, message.type])).toEqual([
      ['in', false, 'text'],
      ['out', true, 'text'],
    ]);
    expect(chat.messages.map((message) => message.created)).toEqual([9_940, 10_000]);
    expect(chat.updated).toBe(10_000);
    expect(chat.unread).toBe(1);
  });

  it('places later chats of a scenario further in the past, so the file order is the list order', () => {
    const scenario = parseScenario(basic);
    const chats = scenario.chats.map((chat, position) => createChat(chat, scenario.account, 50_000, position));
    const listed = queryChats(chats, { types: new Set(['u2i', 'u2u']), unreadOnly: false, limit: 100, offset: 0 });
    expect(listed.map((chat) => chat.id)).toEqual(scenario.chats.map((chat) => chat.id));
  });

  it('pages messages newest first at any offset', () => {
    const chat = createChat(
      parseScenarioChat({ id: 'u2i-p', messages: Array.from({ length: 5 }, (_, i) => ({ id: `m${i}`, author_id: 2, text: `${i}` })) }),
      account,
      1_000,
    );
    expect(pageMessages(chat, 2, 0).map((message) => message.id)).toEqual(['m4', 'm3']);
    expect(pageMessages(chat, 2, 4).map((message) => message.id)).toEqual(['m0']);
    expect(pageMessages(chat, 2, 9)).toEqual([]);
  });
});

describe('appendMessage and markChatRead', () => {
  const account = { id: 1 };

  it('keeps unread, updated and users right', () => {
    const chat = createChat(parseScenarioChat({ id: 'u2i-z', messages: [{ author_id: 1, text: 'Здравствуйте' }] }), account, 500);
    expect(chat.users).toEqual([{ id: 1, name: 'Продавец' }]);
    expect(() => appendMessage(chat, 1, { text: 'без автора' }, 600)).toThrow(/no buyer/);
    const incoming = appendMessage(chat, 1, { author_id: 9, text: 'Цена?' }, 600);
    expect(incoming).toMatchObject({ direction: 'in', is_read: false, read: null, created: 600 });
    expect(chat.users.map((user) => user.id)).toEqual([1, 9]);
    expect(chat.unread).toBe(1);
    expect(chat.updated).toBe(600);
    appendMessage(chat, 1, { text: 'ещё вопрос' }, 610);
    expect(chat.messages.at(-1)?.author_id).toBe(9);
    markChatRead(chat, 700);
    expect(chat.unread).toBe(0);
    expect(chat.messages.filter((message) => message.direction === 'in').map((message) => message.read)).toEqual([700, 700]);
  });
});
