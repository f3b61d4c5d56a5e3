import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_LISTINGS, generateScenario, parseScenario, parseScenarioChat } from '../../../src/avito/sandbox/index.js';

const basic: unknown = JSON.parse(readFileSync(new URL('../../fixtures/scenarios/basic.json', import.meta.url), 'utf8'));

function valid(): { account: { id: number }; chats: Array<Record<string, unknown>> } {
  return { account: { id: 1 }, chats: [{ id: 'u2i-a', messages: [{ author_id: 2, text: 'Привет' }] }] };
}

describe('parseScenario', () => {
  it('accepts the basic fixture', () => {
    const scenario = parseScenario(basic);
    expect(scenario.account.id).toBe(100200300);
    expect(scenario.chats.map((chat) => chat.id)).toHaveLength(3);
  });

  it.each([
    [(s: ReturnType<typeof valid>) => ({ ...s, account: undefined }), 'account должно быть объектом'],
    [(s: ReturnType<typeof valid>) => ({ ...s, account: { id: 'x' } }), 'account.id должно быть целым числом'],
    [(s: ReturnType<typeof valid>) => ({ ...s, chats: {} }), 'chats должно быть массивом'],
    [(s: ReturnType<typeof valid>) => ({ ...s, chats: [{ messages: [] }] }), 'chats[0].id обязательно'],
    [(s: ReturnType<typeof valid>) => ({ ...s, chats: [{ id: 'a', mesages: [] }] }), 'chats[0].mesages — неизвестное поле'],
    [(s: ReturnType<typeof valid>) => ({ ...s, chats: [{ id: 'a', type: 'x2y', messages: [] }] }), 'chats[0].type должно быть одним из'],
    [(s: ReturnType<typeof valid>) => ({ ...s, chats: [{ id: 'a', messages: [{ text: 'hi' }] }] }), 'chats[0].messages[0].author_id обязательно'],
    [(s: ReturnType<typeof valid>) => ({ ...s, chats: [{ id: 'a', messages: [{ author_id: 2 }] }] }), 'chats[0].messages[0] нужен text или content'],
    [
      (s: ReturnType<typeof valid>) => ({ ...s, chats: [{ id: 'a', messages: [{ author_id: 2, text: 'x', direction: 'up' }] }] }),
      'chats[0].messages[0].direction должно быть "in" или "out"',
    ],
    [(s: ReturnType<typeof valid>) => ({ ...s, chats: [...s.chats, ...s.chats] }), 'chats[1].id повторяет "u2i-a"'],
    [(s: ReturnType<typeof valid>) => ({ ...s, credentials: { clientId: 'a' } }), 'credentials.clientSecret обязательно'],
    [(s: ReturnType<typeof valid>) => ({ ...s, tariffStub: 'yes' }), 'tariffStub должно быть true или false'],
    [
      (s: ReturnType<typeof valid>) => ({ ...s, chats: [{ id: 'a', context: { type: 'item', value: {} }, messages: [] }] }),
      'chats[0].context.value.id обязательно',
    ],
  ])('names the bad field (%#)', (mutate, message) => {
    expect(() => parseScenario(mutate(valid()))).toThrow(message);
  });

  it('refuses text together with content', () => {
    expect(() => parseScenarioChat({ id: 'a', messages: [{ author_id: 1, text: 'a', content: { text: 'b' } }] })).toThrow(
      /messages\[0\]\.text нельзя сочетать/,
    );
  });
});

describe('generateScenario', () => {
  it('is deterministic for a seed, valid, and rotates the three sample listings', () => {
    const first = generateScenario({ chats: 6, messagesPerChat: 2, seed: 5 });
    expect(generateScenario({ chats: 6, messagesPerChat: 2, seed: 5 })).toEqual(first);
    expect(generateScenario({ chats: 6, messagesPerChat: 2, seed: 6 })).not.toEqual(first);
    expect(parseScenario(first)).toEqual(first);
    expect(first.chats.map((chat) => chat.context?.value.id)).toEqual([
      4012345678, 4012345679, 4012345680, 4012345678, 4012345679, 4012345680,
    ]);
    expect(first.chats[2]?.context?.value.title).toBe(SAMPLE_LISTINGS[2].title);
    expect(first.chats.flatMap((chat) => chat.messages)).toHaveLength(12);
    expect(new Set(first.chats.map((chat) => chat.id)).size).toBe(6);
  });

  it('builds the benchmark size: 1,000 chats with 2,000 new buyer messages', () => {
    const scenario = generateScenario({ chats: 1000, messagesPerChat: 2, accountId: 77 });
    const messages = scenario.chats.flatMap((chat) => chat.messages);
    expect(messages).toHaveLength(2000);
    expect(messages.every((message) => message.author_id !== 77 && /[а-я]/i.test(message.text ?? ''))).toBe(true);
    expect(scenario.account.id).toBe(77);
  });
});
