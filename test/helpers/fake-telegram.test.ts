/**
 * Proves the fake speaks the protocol the real `telegraf` expects: every call here goes through
 * telegraf (or, for the wire details telegraf never exercises, plain fetch) over loopback, so a
 * drift in telegraf's requests or in the fake's answers shows up here first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { startFakeTelegram } from './fake-telegram.js';
import type { FakeTelegram } from './fake-telegram.js';

let fake: FakeTelegram;
let bot: Telegraf;

beforeEach(async () => {
  fake = await startFakeTelegram();
  bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.url } });
});

afterEach(async () => {
  await fake.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

async function telegramError(promise: Promise<unknown>): Promise<TelegramError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(TelegramError);
  return error as TelegramError;
}

/** node-fetch's FetchError is not exported by telegraf: its name is what polling.js checks too. */
async function fetchError(promise: Promise<unknown>): Promise<Error> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe('FetchError');
  return error as Error;
}

const CHAT = 42;

describe('fake Telegram Bot API, driven by the real telegraf', () => {
  it('records HTML messages with the text the user sees', async () => {
    const html = '<b>Жирный</b> &amp; <a href="https://example.com">ссылка</a>';
    const message = await bot.telegram.sendMessage(CHAT, html, { parse_mode: 'HTML' });

    expect(message.message_id).toBe(1);
    expect(message.text).toBe('Жирный & ссылка');
    expect(message.chat).toMatchObject({ id: CHAT, type: 'private' });
    expect(message.from).toMatchObject({ id: fake.botId, is_bot: true, first_name: 'Avito AI' });
    expect(fake.sent).toEqual([{ message_id: 1, chat_id: CHAT, text: html, plain: 'Жирный & ссылка', parse_mode: 'HTML' }]);

    // Nested tags, numeric entities, a spoiler span, an expandable quote and a literal '>' are all fine.
    await bot.telegram.sendMessage(
      '-100',
      '<blockquote expandable><i>a <u>b</u></i> &#8470;&#x41; <span class="tg-spoiler">s</span> 1 > 0 &lt;&quot;&gt;</blockquote>',
      { parse_mode: 'HTML' },
    );
    expect(fake.sent[1]).toMatchObject({ message_id: 2, chat_id: -100, plain: 'a b №A s 1 > 0 <">' });

    // Without parse_mode nothing is decoded.
    await bot.telegram.sendMessage(CHAT, 'a &amp; <b>');
    expect(fake.sent[2]?.plain).toBe('a &amp; <b>');
  });

  it('refuses what Telegram refuses: bad HTML, empty and too long texts, unknown chats', async () => {
    for (const bad of ['<b>x', 'x</b>', '<b><i>x</b></i>', 'Tom & Jerry', 'a < b', '<div>x</div>', '<a>x</a>', '<b x']) {
      const error = await telegramError(bot.telegram.sendMessage(CHAT, bad, { parse_mode: 'HTML' }));
      expect(error.code, bad).toBe(400);
      expect(error.description, bad).toMatch(/^Bad Request: can't parse entities: /);
    }
    const unbalanced = await telegramError(bot.telegram.sendMessage(CHAT, '<b>x', { parse_mode: 'HTML' }));
    expect(unbalanced.description).toBe(`Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`);

    // The limit is on the parsed text: tags and entities do not count, each entity is one character.
    const fits = `<b>${'я'.repeat(4095)}</b>&lt;`;
    await bot.telegram.sendMessage(CHAT, fits, { parse_mode: 'HTML' });
    expect(fake.sent.at(-1)?.plain).toHaveLength(4096);
    const tooLong = await telegramError(bot.telegram.sendMessage(CHAT, 'x'.repeat(4097)));
    expect(tooLong.code).toBe(400);
    expect(tooLong.description).toBe('Bad Request: message is too long');
    // UTF-16 code units, like String.length: 2049 emoji are 4098 units.
    expect((await telegramError(bot.telegram.sendMessage(CHAT, '😀'.repeat(2049)))).description).toBe('Bad Request: message is too long');

    expect((await telegramError(bot.telegram.sendMessage(CHAT, ''))).description).toBe('Bad Request: message text is empty');
    expect((await telegramError(bot.telegram.sendMessage(CHAT, '<b> </b>', { parse_mode: 'HTML' }))).description).toBe(
      'Bad Request: message text is empty',
    );
    expect((await telegramError(bot.telegram.sendMessage('@someone', 'hi'))).description).toBe('Bad Request: chat not found');
    expect(fake.sent).toHaveLength(1);
  });

  it('delivers commands, replies and button presses to a launched bot, and stops promptly', async () => {
    const errors: unknown[] = [];
    const replies: Array<{ text: string; replyTo: string | undefined }> = [];
    const presses: string[] = [];
    bot.catch((error) => {
      errors.push(error);
    });
    bot.command('status', async (ctx) => {
      await ctx.reply('<b>Статус</b>: диалог &lt;на паузе&gt;', {
        parse_mode: 'HTML',
        ...Markup.inlineKeyboard([Markup.button.callback('Продолжить', 'resume:chat-1')]),
      });
    });
    bot.on('text', (ctx) => {
      const original = ctx.message.reply_to_message;
      replies.push({ text: ctx.message.text, replyTo: original && 'text' in original ? original.text : undefined });
    });
    bot.action(/^resume:(.+)$/, async (ctx) => {
      presses.push(ctx.match[1] ?? '');
      await ctx.answerCbQuery('ok');
      await ctx.editMessageReplyMarkup(undefined);
    });

    let launchedAt = 0;
    const launched = bot.launch(() => {
      launchedAt = Date.now();
    });
    launched.catch(() => {});
    await fake.waitFor((f) => f.polling);
    expect(launchedAt).toBeGreaterThan(0);
    expect(fake.calls.map((c) => c.method)).toEqual(['getMe', 'deleteWebhook', 'getUpdates']);
    expect(fake.calls[2]?.payload).toEqual({ timeout: 50, offset: 0, allowed_updates: [] });

    const statusUpdate = fake.userSends(CHAT, '/status', { firstName: 'Анна' });
    await fake.waitFor((f) => f.sent.length === 1);
    const status = fake.sent[0];
    expect(status).toMatchObject({ chat_id: CHAT, plain: 'Статус: диалог <на паузе>', parse_mode: 'HTML' });
    expect(status?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Продолжить', callback_data: 'resume:chat-1', hide: false }]] });
    // telegraf sends JSON with reply_markup as a nested object (not a JSON string), and the ids as numbers.
    const sendCall = fake.calls.find((c) => c.method === 'sendMessage');
    expect(sendCall?.payload).toMatchObject({ chat_id: CHAT, parse_mode: 'HTML', reply_markup: { inline_keyboard: [[{ callback_data: 'resume:chat-1' }]] } });
    const statusId = status?.message_id ?? 0;
    expect(statusId).toBe(2); // the user's /status took message_id 1

    fake.userSends(CHAT, 'ответ', { replyTo: statusId });
    await fake.waitFor(() => replies.length === 1);
    expect(replies).toEqual([{ text: 'ответ', replyTo: 'Статус: диалог <на паузе>' }]);

    const queryId = fake.userPresses(CHAT, statusId, 'resume:chat-1');
    await fake.waitFor((f) => f.sent[0]?.edited === true);
    expect(presses).toEqual(['chat-1']);
    expect(fake.answeredCallbacks).toEqual([{ callback_query_id: queryId, text: 'ok' }]);
    expect(fake.sent[0]?.reply_markup).toBeUndefined();
    expect(fake.calls.find((c) => c.method === 'editMessageReplyMarkup')?.payload).toEqual({ chat_id: CHAT, message_id: statusId });
    // Each batch was confirmed through the next poll's offset.
    const offsets = fake.calls.filter((c) => c.method === 'getUpdates').map((c) => c.payload.offset);
    expect(offsets).toContain(statusUpdate + 1);

    await fake.waitFor((f) => f.polling);
    const stoppedAt = Date.now();
    bot.stop('test');
    await launched;
    expect(Date.now() - stoppedAt).toBeLessThan(1000);
    expect(fake.polling).toBe(false);
    // After the abort telegraf confirms the offset once more, without a timeout.
    expect(fake.calls.at(-1)).toMatchObject({ method: 'getUpdates', payload: { offset: statusUpdate + 3, limit: 1 } });
    expect(errors).toEqual([]);
  });

  it('answers a held poll empty when a newer one arrives, and hands updates to the newer one', async () => {
    const poll = (offset: number) =>
      fetch(`${fake.url}/bot${fake.token}/getUpdates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ offset, timeout: 50 }),
      }).then((res) => res.json() as Promise<{ ok: boolean; result: Array<{ update_id: number; message?: { text: string } }> }>);
    const older = poll(0);
    await fake.waitFor((f) => f.polling);
    const newer = poll(0);
    expect(await older).toEqual({ ok: true, result: [] });
    await fake.waitFor((f) => f.polling);
    const id = fake.userSends(7, 'привет');
    const answer = await newer;
    expect(answer.result.map((u) => [u.update_id, u.message?.text])).toEqual([[id, 'привет']]);
    // Confirmed by the next offset: nothing left.
    expect((await fetch(`${fake.url}/bot${fake.token}/getUpdates?offset=${id + 1}`).then((r) => r.json())) as unknown).toEqual({ ok: true, result: [] });
  });

  it('accepts form-encoded bodies with reply_markup as a JSON string', async () => {
    const form = new URLSearchParams({
      chat_id: '5',
      text: '<i>hi</i>',
      parse_mode: 'HTML',
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }),
    });
    const res = await fetch(`${fake.url}/bot${fake.token}/sendMessage`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(fake.sent[0]).toMatchObject({ chat_id: 5, plain: 'hi', reply_markup: { inline_keyboard: [[{ callback_data: 'a' }]] } });
  });

  it('fails on demand: API errors with retry_after, dropped sockets, a whole outage', async () => {
    fake.failNext('sendMessage', { errorCode: 429, retryAfter: 1 });
    const limited = await telegramError(bot.telegram.sendMessage(CHAT, 'a'));
    expect(limited.code).toBe(429);
    expect(limited.parameters?.retry_after).toBe(1);
    expect(limited.description).toBe('Too Many Requests: retry after 1');

    fake.failNext('sendMessage', { errorCode: 403, description: 'Forbidden: bot was blocked by the user', times: 2 });
    expect((await telegramError(bot.telegram.sendMessage(CHAT, 'b'))).code).toBe(403);
    expect((await telegramError(bot.telegram.sendMessage(CHAT, 'b'))).code).toBe(403);

    // At 500 and above telegraf ignores the body and reports the HTTP status text.
    fake.failNext('sendMessage', { status: 502 });
    const gateway = await telegramError(bot.telegram.sendMessage(CHAT, 'c'));
    expect([gateway.code, gateway.description]).toEqual([502, 'Bad Gateway']);

    fake.failNext('sendMessage', { destroy: true });
    await fetchError(bot.telegram.sendMessage(CHAT, 'd'));

    fake.setDown(true);
    await fetchError(bot.telegram.sendMessage(CHAT, 'e'));
    await fetchError(bot.telegram.getMe());
    fake.setDown(false);
    await bot.telegram.sendMessage(CHAT, 'f');
    expect(fake.sent.map((m) => m.plain)).toEqual(['f']);
  });

  it('refuses a wrong token, unknown methods, stale callback queries and unknown messages', async () => {
    const stranger = new Telegraf('654321:WRONG', { telegram: { apiRoot: fake.url } });
    const unauthorized = await telegramError(stranger.telegram.getMe());
    expect([unauthorized.code, unauthorized.description]).toEqual([401, 'Unauthorized']);

    const unknown = await telegramError(bot.telegram.getChatAdministrators(CHAT));
    expect([unknown.code, unknown.description]).toEqual([404, 'Not Found']);
    // getChat knows only chats that wrote to the bot, as Telegram does.
    const notStarted = await telegramError(bot.telegram.getChat(CHAT + 1));
    expect([notStarted.code, notStarted.description]).toEqual([400, 'Bad Request: chat not found']);
    fake.userSends(CHAT + 1, '/start');
    expect(await bot.telegram.getChat(CHAT + 1)).toMatchObject({ id: CHAT + 1, type: 'private' });

    const stale = await telegramError(bot.telegram.answerCbQuery('nope', 'x'));
    expect(stale.description).toBe('Bad Request: query is too old and response timeout expired or query ID is invalid');
    const missing = await telegramError(bot.telegram.editMessageReplyMarkup(CHAT, 99, undefined, undefined));
    expect(missing.description).toBe('Bad Request: message to edit not found');

    const sent = await bot.telegram.sendMessage(CHAT, 'старый', Markup.inlineKeyboard([Markup.button.callback('x', 'x')]));
    const edited = await bot.telegram.editMessageText(CHAT, sent.message_id, undefined, '<b>новый</b>', { parse_mode: 'HTML' });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: 'новый' });
    expect(fake.sent[0]).toMatchObject({ text: '<b>новый</b>', plain: 'новый', edited: true });
    expect(fake.sent[0]?.reply_markup).toBeUndefined();
    const badEdit = await telegramError(bot.telegram.editMessageText(CHAT, sent.message_id, undefined, '<b>x', { parse_mode: 'HTML' }));
    expect(badEdit.description).toMatch(/can't parse entities/);
  });

  it('waitFor names the methods called when it times out', async () => {
    await bot.telegram.getMe();
    await bot.telegram.getMe();
    await bot.telegram.deleteWebhook();
    const error = await rejection(fake.waitFor(() => false, 30));
    expect((error as Error).message).toBe('waitFor: condition not met within 30 ms; methods called: getMe ×2, deleteWebhook');
  });
});
