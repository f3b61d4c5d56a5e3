import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avitoChatUrl, chatIdFromNotice, escapeHtml, formatNotification, MESSAGE_LIMIT, renderChunks } from '../../src/telegram/format.js';

const LISTING = { id: 4012345678, title: 'Кофемашина <DeLonghi> & Co' };
const plain = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('formatNotification', () => {
  it('names the account on the first line when there are several (ACCOUNTS_DIR), and replies still route by the chat line', () => {
    const [message] = formatNotification({ kind: 'escalation', chatId: 'u2i-abc', message: 'Позовите менеджера' }, { humanPauseHours: 12, account: 'shop2' });
    expect(plain(message!.text).split('\n')[0]).toBe('🏪 Аккаунт «shop2»');
    expect(chatIdFromNotice(plain(message!.text))).toBe('u2i-abc');
    const [unnamed] = formatNotification({ kind: 'escalation', chatId: 'u2i-abc', message: 'Позовите менеджера' }, { humanPauseHours: 12 });
    expect(unnamed!.text).not.toContain('Аккаунт');
  });

  it('an answer names the chat, listing, question, answer, status, sources and links to Avito', () => {
    const [message] = formatNotification(
      { kind: 'answer', chatId: 'u2i-abc', listing: LISTING, question: 'Какое <давление>?', answer: '15 бар & "пар"', status: 'FOUND', sources: ['item-4012345678.md'] },
      { humanPauseHours: 12 },
    );
    expect(message?.buttons).toBeUndefined();
    const text = message!.text;
    expect(text).toContain('Кофемашина &lt;DeLonghi&gt; &amp; Co');
    expect(text).toContain('объявление 4012345678');
    expect(text).toContain('Какое &lt;давление&gt;?');
    expect(text).toContain('15 бар &amp; &quot;пар&quot;');
    expect(text).toContain('✅ FOUND: из документов');
    expect(text).toContain('item-4012345678.md');
    expect(text).toContain(`<a href="${avitoChatUrl('u2i-abc')}">открыть в Авито</a>`);
    expect(chatIdFromNotice(plain(text))).toBe('u2i-abc');
  });

  it('the chat line read back from a notice is ours, whatever the buyer imitates, in every part of a long one', () => {
    const question = `Вопрос\nЧат: u2i-someone-else\n${'длинный текст '.repeat(600)}\nЧат: u2i-someone-else`;
    const messages = formatNotification({ kind: 'escalation', chatId: 'u2i-real', message: question }, { humanPauseHours: 12 });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(chatIdFromNotice(plain(message.text))).toBe('u2i-real');
      expect(message.chatId).toBe('u2i-real');
      expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    }
  });

  it('an escalation stands out, carries the last bot answer and the resume/pause buttons', () => {
    const [message] = formatNotification(
      { kind: 'escalation', chatId: 'u2i-esc', listing: LISTING, message: 'Позовите менеджера', lastBotAnswer: 'Давление 15 бар.' },
      { humanPauseHours: 12 },
    );
    expect(message!.text).toMatch(/^🚨🚨 <b>ПОКУПАТЕЛЬ ПРОСИТ МЕНЕДЖЕРА<\/b>/);
    expect(message!.text).toContain('Последний ответ бота:</b> Давление 15 бар.');
    expect(message!.buttons).toEqual([[{ text: '▶️ Вернуть бота', data: 'resume:u2i-esc' }, { text: '⏸ Пауза 24 ч', data: 'pause24:u2i-esc' }]]);
  });

  it('a takeover and a non-text message say what happened in the seller\'s words', () => {
    const [takeover] = formatNotification({ kind: 'takeover', chatId: 'c', message: 'Подъезжайте к 18:00' }, { humanPauseHours: 12 });
    expect(takeover!.text).toContain('бот молчит в этом чате 12 ч');
    expect(takeover!.buttons).toHaveLength(1);
    const [voice] = formatNotification(
      { kind: 'non-text', chatId: 'c', messageType: 'voice', message: { id: 'm', chatId: 'c', authorId: 1, created: 1, direction: 'in', type: 'voice', text: '' } },
      { humanPauseHours: 12 },
    );
    expect(voice!.text).toContain('Покупатель прислал голосовое сообщение');
  });

  it('errors come in Russian by code, the technical text otherwise', () => {
    const [tariff] = formatNotification({ kind: 'error', code: 'tariff-stub', message: 'stub' }, { humanPauseHours: 12 });
    expect(tariff!.text).toContain('нет тарифа с API мессенджера');
    const [cap] = formatNotification({ kind: 'error', code: 'account-reply-cap', message: 'cap', details: { cap: 200 } }, { humanPauseHours: 12 });
    expect(cap!.text).toContain('Ответов бота за час на всём аккаунте: 200 — это предел MAX_REPLIES_PER_HOUR_ACCOUNT. Следующие вопросы ждут непрочитанными');
    const [other] = formatNotification({ kind: 'error', message: 'Something <odd>' }, { humanPauseHours: 12 });
    expect(other!.text).toContain('Something &lt;odd&gt;');
  });

  it('splits a long answer into messages within the limit, buttons under the last', () => {
    const answer = 'Очень длинный ответ & <разметка>. '.repeat(400);
    const messages = formatNotification({ kind: 'escalation', chatId: 'u2i-long', message: answer }, { humanPauseHours: 12 });
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(messages.slice(0, -1).every((message) => message.buttons === undefined)).toBe(true);
    expect(messages.at(-1)!.buttons).toBeDefined();
    const shown = messages.map((message) => plain(message.text)).join('\n');
    expect(shown.replace(/\s+/g, ' ')).toContain(answer.trim().replace(/\s+/g, ' ').slice(0, 2000));
    expect(chatIdFromNotice(plain(messages.at(-1)!.text))).toBe('u2i-long');
  });
});

describe('renderChunks', () => {
  it('never cuts an escape or a tag, and loses no text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 0, maxLength: 300, unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', 'я', '\n', '😀') }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 40, max: 200 }), (texts, limit) => {
        const chunks = renderChunks(texts.map((text) => ({ open: '<b>', text, close: '</b>' })), limit);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(limit);
          // Every & starts an entity, and tags stay balanced.
          expect(chunk).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
          expect(chunk.match(/<b>/g)?.length ?? 0).toBe(chunk.match(/<\/b>/g)?.length ?? 0);
          expect(chunk).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        }
        const shown = chunks.map(plain).join('').replace(/\s+/g, '');
        expect(shown).toBe(texts.join('').replace(/\s+/g, ''));
      }),
    );
  });

  it('escapes the four characters Telegram HTML needs escaped', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
