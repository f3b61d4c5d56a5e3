/**
 * The Telegram bot through `createTelegramBot`, real telegraf against the loopback fake Bot API,
 * with a SellerActions-shaped recorder in place of the daemon. The daemon tests
 * (test/telegram/daemon.test.ts) cover the everyday commands, buttons and reply routing end to
 * end; these cover what they cannot reach: send errors, polling trouble and relaunch, the
 * remaining command and reply branches, and how listening ends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEscalationMatcher, DEFAULT_ESCALATION_PHRASES } from '../../src/core/escalation.js';
import type { ChatState, CounterName, Messenger, Store } from '../../src/core/ports.js';
import type { WaitingChat } from '../../src/core/waiting-chats.js';
import { createResponder, type Responder } from '../../src/core/responder.js';
import { createSellerActions, type SellerActions, type StatusReport } from '../../src/core/seller-actions.js';
import { createMemoryStore } from '../../src/store/index.js';
import { COMMANDS, createTelegramBot, type TelegramBot, type TelegramBotOptions } from '../../src/telegram/bot.js';
import { TelegramSendError } from '../../src/telegram/notifier.js';
import { FakeEngine } from '../helpers/fake-engine.js';
import { FakeMessenger } from '../helpers/fake-messenger.js';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramCall } from '../helpers/fake-telegram.js';
import { responderSettings } from '../helpers/responder-settings.js';

const OWNER = 5550001;
const STRANGER = 6660001;
const GROUP = -4440001;
const PAUSED_UNTIL = Date.UTC(2030, 0, 2, 9, 30);

let telegram: FakeTelegram;
let logs: Array<{ level: 'info' | 'warn'; message: string }>;
const stops: Array<() => Promise<void>> = [];

beforeEach(async () => {
  telegram = await startFakeTelegram();
  logs = [];
});

afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
  await telegram.close();
});

function createBot(options: Partial<TelegramBotOptions> = {}): TelegramBot {
  return createTelegramBot({
    token: telegram.token,
    apiRoot: telegram.url,
    owners: [OWNER, GROUP],
    humanPauseHours: 12,
    logger: {
      info: (message) => logs.push({ level: 'info', message }),
      warn: (message) => logs.push({ level: 'warn', message }),
    },
    ...options,
  });
}

/** A SellerActions stand-in that records each call as `name(args)`. */
function createActions(overrides: Partial<SellerActions> = {}): SellerActions & { calls: string[] } {
  const calls: string[] = [];
  const counters = Object.fromEntries(
    ['messagesSeen', 'repliesSent', 'found', 'partlyAnswered', 'notFound', 'escalations', 'takeovers', 'nonText', 'engineFailures', 'errors'].map((name) => [name, 0]),
  ) as Record<CounterName, number>;
  const report: StatusReport = { daemon: { startedAt: Date.now(), passes: 0 }, counters, escalated: 0, leftOut: 0, paused: 0 };
  return {
    calls,
    sendAsSeller: async (chatId, text) => {
      calls.push(`sendAsSeller(${chatId}, ${text})`);
      return { parts: 1, pausedUntil: PAUSED_UNTIL };
    },
    acceptSellerReply: async () => true,
    forgetSellerReply: async () => undefined,
    pendingSellerReplies: () => [],
    reviewSellerReply: async () => ({ kind: 'not-sent' }),
    pause: async (chatId, hours) => {
      calls.push(`pause(${chatId}, ${hours})`);
      return PAUSED_UNTIL;
    },
    resume: async (chatId) => {
      calls.push(`resume(${chatId})`);
      return chatId === 'u2i-known';
    },
    pauseAccount: async (hours) => {
      calls.push(`pauseAccount(${hours})`);
      return hours === undefined ? { since: Date.now() } : { since: Date.now(), until: PAUSED_UNTIL };
    },
    resumeAccount: async () => {
      calls.push('resumeAccount()');
      return { pause: { since: Date.now() }, anotherResponder: false };
    },
    accountHold: () => ({ pause: undefined, anotherResponder: false }),
    attention: () => [],
    status: () => report,
    ...overrides,
  };
}

interface Listening {
  done: Promise<void>;
  abort: () => void;
  /** Aborts and waits for `listen` to resolve. */
  stop: () => Promise<void>;
}

/** Starts listening; stopped after each test whatever happens. */
function listen(bot: TelegramBot, actions: SellerActions): Listening {
  const controller = new AbortController();
  const done = bot.listen(actions, controller.signal);
  const stop = async (): Promise<void> => {
    controller.abort();
    await done;
  };
  stops.push(stop);
  return { done, abort: () => controller.abort(), stop };
}

const callsOf = (method: string): FakeTelegramCall[] => telegram.calls.filter((call) => call.method === method);
const repliesTo = (chatId: number): string[] => telegram.sent.filter((message) => message.chat_id === chatId).map((message) => message.plain);
const warnings = (): string[] => logs.filter((log) => log.level === 'warn').map((log) => log.message);
const gapsBetween = (calls: FakeTelegramCall[]): number[] => calls.slice(1).map((call, index) => call.at - calls[index]!.at);

/** Sends a notice and returns its message id, as the notifier would before the owner replies. */
async function sendNotice(bot: TelegramBot, text: string, chatId?: string): Promise<number> {
  await bot.send(OWNER, { text, ...(chatId !== undefined ? { chatId } : {}) });
  return telegram.sent.at(-1)!.message_id;
}

async function catchSendError(action: Promise<unknown>): Promise<TelegramSendError> {
  const error: unknown = await action.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TelegramSendError);
  return error as TelegramSendError;
}

describe('send', () => {
  it('sends HTML without link previews, buttons as an inline keyboard', async () => {
    const bot = createBot();
    await bot.send(OWNER, { text: '<b>Эскалация</b> &amp; чат', buttons: [[{ text: '▶️ Вернуть', data: 'resume:u2i-a' }]] });
    expect(telegram.sent).toEqual([
      expect.objectContaining({
        chat_id: OWNER,
        parse_mode: 'HTML',
        plain: 'Эскалация & чат',
        reply_markup: { inline_keyboard: [[{ text: '▶️ Вернуть', callback_data: 'resume:u2i-a' }]] },
      }),
    ]);
    expect(callsOf('sendMessage')[0]?.payload.link_preview_options).toEqual({ is_disabled: true });
  });

  it('turns a refusal into TelegramSendError: 429 retryable after retry_after, 5xx retryable, 4xx final', async () => {
    const bot = createBot();
    telegram.failNext('sendMessage', { retryAfter: 7 });
    expect(await catchSendError(bot.send(OWNER, { text: 'a' }))).toMatchObject({ retryable: true, retryAfterMs: 7000, message: '429 Too Many Requests: retry after 7' });
    telegram.failNext('sendMessage', { errorCode: 502 });
    expect(await catchSendError(bot.send(OWNER, { text: 'a' }))).toMatchObject({ retryable: true, retryAfterMs: undefined });
    telegram.failNext('sendMessage', { errorCode: 403 });
    expect(await catchSendError(bot.send(OWNER, { text: 'a' }))).toMatchObject({ retryable: false, message: '403 Forbidden: bot was blocked by the user' });
  });

  it('turns a dropped connection into a retryable TelegramSendError that does not show the token', async () => {
    const bot = createBot();
    telegram.failNext('sendMessage', { destroy: true });
    const error = await catchSendError(bot.send(OWNER, { text: 'a' }));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/socket hang up/);
    expect(error.message).not.toContain(telegram.token);
  });

  it('abandons a send Telegram never answers once its signal aborts', async () => {
    const bot = createBot();
    telegram.failNext('sendMessage', { hang: true });
    const started = Date.now();
    const error = await catchSendError(bot.send(OWNER, { text: 'a' }, AbortSignal.timeout(100)));
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('listen: connecting and stopping', () => {
  it('connects (getMe, deleteWebhook, the command menu), then long-polls for messages and button presses only', async () => {
    const bot = createBot();
    listen(bot, createActions());
    await telegram.waitFor(() => telegram.polling);
    expect(telegram.calls.slice(0, 2).map((call) => call.method)).toEqual(['getMe', 'deleteWebhook']);
    await telegram.waitFor(() => callsOf('setMyCommands').length === 1);
    expect(callsOf('setMyCommands')[0]?.payload.commands).toEqual(COMMANDS);
    expect(callsOf('getUpdates')[0]?.payload).toMatchObject({ timeout: 50, offset: 0, allowed_updates: ['message', 'callback_query'] });
    expect(logs).toContainEqual({ level: 'info', message: 'telegram: listening to the owner chats' });
  });

  it('ends at once when aborted during a held long poll, confirming the updates it handled', async () => {
    const bot = createBot();
    const { stop } = listen(bot, createActions());
    await telegram.waitFor(() => telegram.polling);
    const updateId = telegram.userSends(OWNER, '/help');
    await telegram.waitFor(() => repliesTo(OWNER).length === 1 && telegram.polling);
    const stopping = Date.now();
    await stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
    expect(telegram.calls.at(-1)).toMatchObject({ method: 'getUpdates', payload: { offset: updateId + 1, limit: 1, timeout: 0 } });

    // A restarted bot does not see the handled update again.
    listen(createBot(), createActions());
    await telegram.waitFor(() => callsOf('getMe').length === 2 && telegram.polling);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(repliesTo(OWNER)).toHaveLength(1);
  });

  it('does not touch Telegram when aborted before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await createBot().listen(createActions(), controller.signal);
    expect(telegram.calls).toEqual([]);
  });

  it('waits for a seller reply under way before it stops, then confirms it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const actions = createActions({
      sendAsSeller: async () => {
        started = true;
        await gate;
        return { parts: 1, pausedUntil: PAUSED_UNTIL };
      },
    });
    const bot = createBot();
    const notice = await sendNotice(bot, 'Бот ответил', 'u2i-a');
    const { done, abort } = listen(bot, actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, 'Да, есть', { replyTo: notice });
    await telegram.waitFor(() => started);
    abort();
    let finished = false;
    void done.then(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(finished).toBe(false);
    release();
    await done;
    expect(repliesTo(OWNER).at(-1)).toMatch(/^✅ Отправлено покупателю в чат/);
    expect(telegram.calls.at(-1)).toMatchObject({ method: 'getUpdates', payload: { limit: 1, timeout: 0 } });
  });
});

describe('listen: when Telegram makes trouble', () => {
  it('stops for good on a rejected token (401), saying so', async () => {
    const { done } = listen(createBot({ token: '123456:WRONG' }), createActions());
    await done;
    expect(telegram.calls.map((call) => call.method)).toEqual(['getMe']);
    expect(warnings()).toEqual(['telegram: the bot token was rejected (401): remote control is off; check TELEGRAM_BOT_TOKEN']);
  });

  it('stops on a 401 while polling too, but retries a 404 once connected', async () => {
    telegram.failNext('getUpdates', { errorCode: 404 });
    telegram.failNext('getUpdates', { errorCode: 401 });
    const { done } = listen(createBot({ relaunchDelayMs: 1 }), createActions());
    await done;
    expect(callsOf('getUpdates').map((call) => call.payload.timeout)).toEqual([50, 50, 0]);
    expect(warnings()).toEqual([
      'telegram: cannot get updates (404: Not Found); retrying every 1 s',
      'telegram: the bot token was rejected (401): remote control is off; check TELEGRAM_BOT_TOKEN',
    ]);
  });

  it('stops on a 404 before it ever connected: Telegram could not read the token', async () => {
    telegram.failNext('getMe', { errorCode: 404 });
    const { done } = listen(createBot({ relaunchDelayMs: 1 }), createActions());
    await done;
    expect(telegram.calls.map((call) => call.method)).toEqual(['getMe']);
    expect(warnings()).toEqual(['telegram: the bot token was rejected (404): remote control is off; check TELEGRAM_BOT_TOKEN']);
  });

  it('on a 409 conflict waits four relaunch delays, naming the likely second reader', async () => {
    telegram.failNext('getUpdates', { errorCode: 409 });
    listen(createBot({ relaunchDelayMs: 400 }), createActions());
    await telegram.waitFor(() => callsOf('getUpdates').length === 2, 5000);
    expect(gapsBetween(callsOf('getUpdates'))[0]).toBeGreaterThanOrEqual(1550);
    expect(warnings()).toEqual(["telegram: cannot get updates (another program (a second avito-ai?) is reading this bot's updates); retrying every 2 s"]);
  });

  it('on a 429 waits what retry_after says, whatever the relaunch delay', async () => {
    telegram.failNext('getUpdates', { retryAfter: 2 });
    listen(createBot({ relaunchDelayMs: 1 }), createActions());
    await telegram.waitFor(() => callsOf('getUpdates').length === 2, 5000);
    expect(gapsBetween(callsOf('getUpdates'))[0]).toBeGreaterThanOrEqual(1950);
    expect(warnings()).toEqual(['telegram: cannot get updates (429: Too Many Requests: retry after 2); retrying every 2 s']);
  });

  it('relaunches after network errors no faster than once a second, says so once, and never shows the token', async () => {
    telegram.failNext('getUpdates', { destroy: true, times: 2 });
    listen(createBot({ relaunchDelayMs: 1 }), createActions());
    await telegram.waitFor(() => callsOf('getUpdates').length === 3 && telegram.polling, 5000);
    for (const gap of gapsBetween(callsOf('getUpdates'))) expect(gap).toBeGreaterThanOrEqual(950);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/^telegram: cannot get updates \(.*socket hang up\); retrying every 1 s$/);
    expect(JSON.stringify(logs)).not.toContain(telegram.token);
  });

  it('retries connecting when getMe fails, then polls', async () => {
    telegram.failNext('getMe', { errorCode: 500 });
    listen(createBot({ relaunchDelayMs: 1 }), createActions());
    await telegram.waitFor(() => telegram.polling, 5000);
    expect(telegram.calls.slice(0, 4).map((call) => call.method)).toEqual(['getMe', 'getMe', 'deleteWebhook', expect.stringMatching(/^(getUpdates|setMyCommands)$/)]);
    expect(warnings()).toEqual([expect.stringMatching(/^telegram: cannot get updates \(500: .*\); retrying every 1 s$/)]);
  });

  it('hands over no update twice across a relaunch', async () => {
    const { stop } = listen(createBot({ relaunchDelayMs: 1 }), createActions());
    await telegram.waitFor(() => telegram.polling);
    telegram.failNext('getUpdates', { errorCode: 500 });
    const updateId = telegram.userSends(OWNER, '/help');
    await telegram.waitFor(() => callsOf('getUpdates').length === 3 && telegram.polling, 5000);
    await stop();
    expect(repliesTo(OWNER)).toHaveLength(1);
    const [held, failed, relaunched] = callsOf('getUpdates');
    expect([held?.payload.offset, failed?.payload.offset, relaunched?.payload.offset]).toEqual([0, updateId + 1, updateId + 1]);
  });

  it('does not poll again for a second when a poll comes back empty at once (a relay ignoring the long-poll timeout)', async () => {
    listen(createBot(), createActions());
    await telegram.waitFor(() => telegram.polling);
    // Another reader's poll makes the fake answer the held one empty, as such a relay would.
    await fetch(`${telegram.url}/bot${telegram.token}/getUpdates?timeout=0`);
    const polls = (): FakeTelegramCall[] => callsOf('getUpdates').filter((call) => call.payload.timeout === 50);
    await telegram.waitFor(() => polls().length === 2);
    expect(gapsBetween(polls())[0]).toBeGreaterThanOrEqual(950);
  });

  it('ends at once when aborted while waiting to relaunch', async () => {
    telegram.failNext('getUpdates', { errorCode: 500 });
    const { stop } = listen(createBot(), createActions());
    await telegram.waitFor(() => warnings().length === 1);
    expect(warnings()[0]).toMatch(/retrying every 30 s$/);
    const stopping = Date.now();
    await stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
    expect(callsOf('getUpdates')).toHaveLength(2);
  });
});

describe('listen: what the owners write', () => {
  it('routes a reply to a notice sent before a restart by the notice’s chat line', async () => {
    const notice = await sendNotice(createBot(), 'Бот ответил\nЧат: u2i-old · открыть');
    const actions = createActions();
    listen(createBot(), actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, 'Да, в наличии', { replyTo: notice });
    await telegram.waitFor(() => repliesTo(OWNER).length === 2);
    expect(actions.calls).toEqual(['sendAsSeller(u2i-old, Да, в наличии)']);
    expect(repliesTo(OWNER)[1]).toMatch(/^✅ Отправлено покупателю в чат; бот молчит там до \d\d\.\d\d, \d\d:\d\d\.$/);
    expect(logs).toContainEqual({ level: 'info', message: "telegram: sent the seller's reply to the buyer" });
  });

  it('explains how to reply when the message answered names no chat', async () => {
    const bot = createBot();
    const notice = await sendNotice(bot, 'Сводка за день');
    const actions = createActions();
    listen(bot, actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, 'и что?', { replyTo: notice });
    await telegram.waitFor(() => repliesTo(OWNER).length === 2);
    expect(repliesTo(OWNER)[1]).toBe('Чтобы написать покупателю, ответьте (Reply) на уведомление о его чате. Команды — /help.');
    expect(actions.calls).toEqual([]);
  });

  it('tells the seller a reply may have gone out (ambiguous) or why it did not', async () => {
    const failures = [Object.assign(new Error('timeout'), { ambiguous: true }), new Error('Авито ответил <403> & всё')];
    const actions = createActions({ sendAsSeller: () => Promise.reject(failures.shift()) });
    const bot = createBot();
    const notice = await sendNotice(bot, 'Бот ответил', 'u2i-a');
    listen(bot, actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, 'первый', { replyTo: notice });
    await telegram.waitFor(() => repliesTo(OWNER).length === 2);
    telegram.userSends(OWNER, 'второй', { replyTo: notice });
    await telegram.waitFor(() => repliesTo(OWNER).length === 3);
    expect(repliesTo(OWNER).slice(1)).toEqual([
      '⚠️ Авито не подтвердил отправку — сообщение могло уйти. Проверьте чат, прежде чем писать снова.',
      '❌ Не отправлено: Авито ответил <403> & всё',
    ]);
    expect(warnings()).toEqual(["telegram: could not send the seller's reply: timeout", "telegram: could not send the seller's reply: Авито ответил <403> & всё"]);
  });

  it('a reply waiting for a busy chat holds nothing up: /status is answered meanwhile, ⏳ after 3 s, then ✅', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const actions = createActions({
      sendAsSeller: async () => {
        await gate;
        return { parts: 2, pausedUntil: PAUSED_UNTIL };
      },
    });
    const bot = createBot();
    const notice = await sendNotice(bot, 'Бот ответил', 'u2i-a');
    listen(bot, actions);
    await telegram.waitFor(() => telegram.polling);
    const asked = Date.now();
    telegram.userSends(OWNER, 'Ответ покупателю', { replyTo: notice });
    telegram.userSends(OWNER, '/status');
    await telegram.waitFor(() => repliesTo(OWNER).some((text) => text.startsWith('🟢 Работает')));
    await telegram.waitFor(() => repliesTo(OWNER).some((text) => text.startsWith('⏳')), 5000);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(2900);
    release();
    await telegram.waitFor(() => repliesTo(OWNER).some((text) => text.startsWith('✅')));
    expect(repliesTo(OWNER).slice(1).map((text) => [...text][0])).toEqual(['🟢', '⏳', '✅']);
  }, 10_000);

  it('checks /pause and /resume arguments: hours default to 24, take a comma, and stay within a year', async () => {
    const actions = createActions();
    listen(createBot(), actions);
    await telegram.waitFor(() => telegram.polling);
    const commands = ['/pause', '/pause u2i-a 0', '/pause u2i-a 9000', '/pause u2i-a abc', '/pause u2i-a', '/pause u2i-b 1,5', '/resume', '/resume u2i-known'];
    for (const [index, command] of commands.entries()) {
      telegram.userSends(OWNER, command);
      await telegram.waitFor(() => repliesTo(OWNER).length === index + 1);
    }
    const usage = 'Напишите так: /pause u2i-… 24 (часы — необязательно, по умолчанию 24).';
    expect(repliesTo(OWNER).slice(0, 4)).toEqual([usage, usage, usage, usage]);
    expect(repliesTo(OWNER)[4]).toMatch(/^⏸ Бот молчит в чате u2i-a до \d\d\.\d\d, \d\d:\d\d\.$/);
    expect(repliesTo(OWNER)[6]).toBe('Напишите так: /resume u2i-… (или /resume all — во всём аккаунте)');
    expect(actions.calls).toEqual(['pause(u2i-a, 24)', 'pause(u2i-b, 1.5)', 'resume(u2i-known)']);
  });

  it('/pause all and /resume all act on the whole account: without hours until /resume all, with hours up to a year', async () => {
    const actions = createActions();
    listen(createBot(), actions);
    await telegram.waitFor(() => telegram.polling);
    const commands = ['/pause all', '/pause ALL 0', '/pause all 9000', '/pause все 1,5', '/resume all'];
    for (const [index, command] of commands.entries()) {
      telegram.userSends(OWNER, command);
      await telegram.waitFor(() => repliesTo(OWNER).length === index + 1);
    }
    const replies = repliesTo(OWNER);
    expect(replies[0]).toBe('⏸ Бот на паузе во всём аккаунте до команды /resume all: он не отвечает ни в одном чате и ничего не отмечает прочитанным — вопросы ждут вас.');
    const usage = 'Напишите так: /pause all — до /resume all, или /pause all 3 — на 3 часа.';
    expect(replies.slice(1, 3)).toEqual([usage, usage]);
    expect(replies[3]).toMatch(/^⏸ Бот на паузе во всём аккаунте до \d\d\.\d\d, \d\d:\d\d \(вернуть раньше: \/resume all\)/);
    expect(replies[4]).toMatch(/^▶️ Бот снова отвечает во всём аккаунте\. Вопросы, которые ждали, он ответит на ближайшем проходе/);
    expect(actions.calls).toEqual(['pauseAccount(undefined)', 'pauseAccount(1.5)', 'resumeAccount()']);
  });

  it('/resume all says what it lifted: nothing, or the hold for another responder too', async () => {
    const lifted = [
      { pause: undefined, anotherResponder: false },
      { pause: undefined, anotherResponder: true },
    ];
    listen(createBot(), createActions({ resumeAccount: async () => lifted.shift()! }));
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, '/resume all');
    await telegram.waitFor(() => repliesTo(OWNER).length === 1);
    telegram.userSends(OWNER, '/resume all');
    await telegram.waitFor(() => repliesTo(OWNER).length === 2);
    expect(repliesTo(OWNER)[0]).toBe('▶️ Бот и так отвечает во всём аккаунте: паузы не было.');
    expect(repliesTo(OWNER)[1]).toMatch(/\nУбедитесь, что вторая копия avito-ai или другой бот на этом аккаунте остановлены/);
  });

  it('/status and /chats put the account pause first', async () => {
    const actions = createActions({ accountHold: () => ({ pause: { since: Date.now() }, anotherResponder: false }) });
    listen(createBot(), actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, '/status');
    await telegram.waitFor(() => repliesTo(OWNER).length === 1);
    telegram.userSends(OWNER, '/chats');
    await telegram.waitFor(() => repliesTo(OWNER).length === 2);
    expect(repliesTo(OWNER)[0]).toMatch(/^🟢 Работает .*\n⏸ Пауза во всём аккаунте до \/resume all: бот не отвечает ни в одном чате \(\/resume all\)\n/);
    expect(repliesTo(OWNER)[1]).toBe('⏸ Пауза во всём аккаунте до /resume all: бот не отвечает ни в одном чате (/resume all)\nДругих чатов, ждущих вас, нет.');
  });

  it('/chats lists 50 chats in messages Telegram accepts, escaping titles, and counts the rest', async () => {
    const chats: WaitingChat[] = Array.from({ length: 60 }, (_, n) => {
      const state: ChatState = {
        chatId: `u2i-chat-${String(n).padStart(2, '0')}`,
        botMessageIds: [],
        ...(n % 3 === 0 ? { escalatedAt: 1 } : n % 3 === 1 ? { pausedUntil: PAUSED_UNTIL, pauseReason: 'takeover' as const } : {}),
        listing: { id: n, title: `Товар <${n}> & ${'длинное название '.repeat(5)}` },
      };
      if (n % 3 !== 2) return { state, wait: n % 3 === 0 ? 'escalated' : 'paused' };
      // Chat 5 is one where the bot withheld a partial answer and sent the fallback.
      return { state, wait: 'left_out', partly: { at: 1, question: 'акб какая, сим <физ> есть?', leftOut: ['сим <физ> есть'], answered: n !== 5 } };
    });
    listen(createBot(), createActions({ attention: () => chats }));
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, '/chats');
    await telegram.waitFor(() => repliesTo(OWNER).some((text) => text.includes('…и ещё 10')));
    const replies = repliesTo(OWNER);
    expect(replies.length).toBeGreaterThan(1);
    expect(replies[0]).toMatch(/^Ждут вас: 60\n🚨 эскалация · Товар <0> & /);
    const listed = replies.join('\n').match(/^u2i-chat-\d\d · открыть$/gm);
    expect(listed).toHaveLength(50);
    expect(replies.join('\n')).toContain('⏸ пауза до ');
    expect(replies.join('\n')).toContain(' (вы ответили) · Товар <1>');
    // A chat the bot answered in part names the question left to the seller.
    expect(replies.join('\n')).toContain('⚠️ ответ не на всё, ответьте сами: «сим <физ> есть» · Товар <2>');
    // One where it withheld the answer is not said to be answered in part.
    expect(replies.join('\n')).toContain('⚠️ бот не нашёл ответа, ответьте сами: «сим <физ> есть» · Товар <5>');
    expect(replies.at(-1)?.endsWith('…и ещё 10 (avito-ai chats на сервере)')).toBe(true);
    expect(warnings()).toEqual([]);
  });

  it('/chats with nothing waiting, and /status before any pass with the last error escaped', async () => {
    const actions = createActions();
    const report = actions.status();
    report.daemon.lastError = { at: Date.now(), message: 'Avito <html> & 502' };
    listen(createBot(), actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, '/chats');
    await telegram.waitFor(() => repliesTo(OWNER).length === 1);
    telegram.userSends(OWNER, '/status');
    await telegram.waitFor(() => repliesTo(OWNER).length === 2);
    expect(repliesTo(OWNER)[0]).toBe('Чатов, ждущих вас, нет: бот отвечает везде.');
    expect(repliesTo(OWNER)[1]).toMatch(/^🟢 Работает с .* \(меньше минуты\)\nПроходов ещё не было\.\n/);
    expect(repliesTo(OWNER)[1]).toMatch(/\n⚠️ Последняя ошибка .*: Avito <html> & 502$/);
  });

  it('answers /start with the help, and a button for a chat it does not know with a note', async () => {
    const bot = createBot();
    await bot.send(OWNER, { text: 'Эскалация', buttons: [[{ text: '▶️', data: 'resume:u2i-gone' }]] });
    const notice = telegram.sent.at(-1)!.message_id;
    const actions = createActions();
    listen(bot, actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, '/start');
    await telegram.waitFor(() => repliesTo(OWNER).length === 2);
    expect(repliesTo(OWNER)[1]).toMatch(/^avito-ai отвечает покупателям в Авито/);
    telegram.userPresses(OWNER, notice, 'resume:u2i-gone');
    await telegram.waitFor(() => repliesTo(OWNER).length === 3 && telegram.calls.some((call) => call.method === 'editMessageReplyMarkup'));
    expect(repliesTo(OWNER)[2]).toBe('Чата u2i-gone бот не знает.');
    expect(actions.calls).toEqual(['resume(u2i-gone)']);
    expect(telegram.sent[0]?.reply_markup).toBeUndefined();
  });

  it('owners are chats: a listed group is answered whoever writes there; strangers’ messages and button presses do nothing', async () => {
    const bot = createBot();
    await bot.send(STRANGER, { text: 'Эскалация', buttons: [[{ text: '⏸', data: 'pause24:u2i-a' }]] });
    const strangerNotice = telegram.sent.at(-1)!.message_id;
    const actions = createActions();
    listen(bot, actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userPresses(STRANGER, strangerNotice, 'pause24:u2i-a');
    telegram.userSends(STRANGER, '/pause u2i-a');
    telegram.userSends(STRANGER, '/help', { chatId: GROUP });
    await telegram.waitFor(() => repliesTo(GROUP).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(repliesTo(GROUP)[0]).toMatch(/^avito-ai отвечает покупателям/);
    expect(repliesTo(STRANGER)).toEqual(['Эскалация']);
    expect(actions.calls).toEqual([]);
    expect(telegram.answeredCallbacks).toEqual([]);
    expect(logs.filter((log) => log.message === 'telegram: ignored an update from a stranger')).toHaveLength(2);
  });

  it('logs a command that failed and goes on listening', async () => {
    let broken = true;
    const healthy = createActions();
    const actions = createActions({
      status: () => {
        if (broken) throw new Error(`store gone at bot${telegram.token}/x`);
        return healthy.status();
      },
    });
    listen(createBot(), actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, '/status');
    await telegram.waitFor(() => warnings().length === 1);
    expect(warnings()[0]).toBe('telegram: a command failed: store gone at bot<token>/x');
    broken = false;
    telegram.userSends(OWNER, '/status');
    await telegram.waitFor(() => repliesTo(OWNER).length === 1);
    expect(repliesTo(OWNER)[0]).toMatch(/^🟢 Работает/);
  });
});

describe('listen: an owner’s reply across a crash', () => {
  const RESPONDER_SETTINGS = responderSettings({ fallbackText: 'нет в базе', nonTextReplyTypes: [] });

  /** One run of the daemon's Telegram side: its own bot, responder and actions, over the store and the Avito that outlive it. */
  function startRun(store: Store, messenger: Messenger, sendSettleMs = 300): { bot: TelegramBot; actions: SellerActions; responder: Responder } {
    const clock = { now: () => Date.now() };
    const responder = createResponder({
      messenger,
      store,
      engine: new FakeEngine(),
      notifier: { notify: () => undefined },
      clock,
      settings: RESPONDER_SETTINGS,
      escalation: createEscalationMatcher(DEFAULT_ESCALATION_PHRASES),
    });
    const status = { startedAt: Date.now(), passes: 0 };
    const actions = createSellerActions({ messenger, store, responder, clock, humanPauseHours: 12, status: () => status, sendSettleMs });
    return { bot: createBot(), actions, responder };
  }

  /** Listens until the process "dies": kill() stops the polling and nothing of the run is waited for. */
  function listenUntilKilled(bot: TelegramBot, actions: SellerActions): () => void {
    const controller = new AbortController();
    void bot.listen(actions, controller.signal);
    return () => controller.abort();
  }

  /** An Avito whose sends never come back, as for a process killed mid-request; `land` decides whether a send reaches the chat, and when. */
  function dyingAvito(messenger: FakeMessenger, land: (text: string) => number | undefined): Messenger & { sendsStarted: number } {
    const avito = {
      sendsStarted: 0,
      getUserId: () => messenger.getUserId(),
      listChats: (options?: Parameters<Messenger['listChats']>[0]) => messenger.listChats(options),
      getChat: (chatId: string) => messenger.getChat(chatId),
      listMessages: (chatId: string, options?: { limit?: number }) => messenger.listMessages(chatId, options),
      markRead: (chatId: string) => messenger.markRead(chatId),
      sendMessage: (chatId: string, text: string) => {
        avito.sendsStarted++;
        const after = land(text);
        if (after === 0) return messenger.sendMessage(chatId, text);
        if (after !== undefined) setTimeout(() => void messenger.sendMessage(chatId, text), after);
        return new Promise<never>(() => undefined);
      },
    };
    return avito;
  }

  function createAvito(): FakeMessenger {
    const messenger = new FakeMessenger();
    // Avito's clock is this machine's: a reply is looked for after the moment it was received.
    messenger.clock = Math.floor(Date.now() / 1000) - 1;
    messenger.addChat('u2i-a');
    messenger.buyer('u2i-a', 'Есть в наличии?');
    return messenger;
  }

  /** ✅, ❌ or ⚠️ lines: what the owner heard of their replies. */
  const outcomes = (): string[] => repliesTo(OWNER).filter((text) => /^(✅|❌|⚠️)/u.test(text));
  const ownerMessageId = (text: string): number => telegram.userMessages.find((message) => message.text === text)!.message_id;
  const confirmedPast = (updateId: number): boolean => callsOf('getUpdates').some((call) => Number(call.payload.offset) > updateId);

  it('an owner’s reply is on disk before the poll that confirms its update: a slow disk holds the next poll', async () => {
    const memory = createMemoryStore();
    let durableAt = 0;
    // Each write takes 300 ms to reach the disk.
    const store = new Proxy(memory, {
      get(target, key) {
        if (key === 'transact') {
          return async (apply: Parameters<Store['transact']>[0]) => {
            await new Promise((resolve) => setTimeout(resolve, 300));
            await target.transact(apply);
            durableAt = durableAt || Date.now();
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const run = startRun(store, createAvito());
    void run.responder.exclusive('u2i-a', () => new Promise(() => undefined));
    const notice = await sendNotice(run.bot, 'Бот ответил', 'u2i-a');
    const kill = listenUntilKilled(run.bot, run.actions);
    await telegram.waitFor(() => telegram.polling);
    const updateId = telegram.userSends(OWNER, 'Да, в наличии', { replyTo: notice });
    await telegram.waitFor(() => confirmedPast(updateId));
    kill();
    const confirming = callsOf('getUpdates').find((call) => Number(call.payload.offset) > updateId)!;
    expect(durableAt).toBeGreaterThan(0);
    expect(confirming.at).toBeGreaterThanOrEqual(durableAt);
    expect(memory.getMeta('seller.replies')).toContain('Да, в наличии');
  });

  it('a reply waiting for a busy chat when the process dies: its update was confirmed, and the next start tells the owner it was not sent', async () => {
    const store = createMemoryStore();
    const avito = createAvito();
    const first = startRun(store, avito);
    // The bot is answering in the chat until the process dies.
    void first.responder.exclusive('u2i-a', () => new Promise(() => undefined));
    const notice = await sendNotice(first.bot, 'Бот ответил', 'u2i-a');
    const kill = listenUntilKilled(first.bot, first.actions);
    await telegram.waitFor(() => telegram.polling);
    const updateId = telegram.userSends(OWNER, 'Да, в наличии', { replyTo: notice });
    await telegram.waitFor(() => confirmedPast(updateId) && telegram.polling);
    kill();

    const second = startRun(store, avito);
    listen(second.bot, second.actions);
    await telegram.waitFor(() => outcomes().length > 0, 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(outcomes()).toEqual(['❌ Не отправлено: бот перезапустился, и ваш ответ «Да, в наличии» в чат не ушёл. Если ещё нужно, ответьте на уведомление снова.']);
    const told = telegram.sent.find((message) => message.plain.startsWith('❌'))!;
    expect(told.reply_to_message_id).toBe(ownerMessageId('Да, в наличии'));
    expect(told.text).toContain('<a href="https://www.avito.ru/profile/messenger/channel/u2i-a">чат</a>');
    expect(avito.sends).toEqual([]);
    await telegram.waitFor(() => second.actions.pendingSellerReplies().length === 0);
  });

  it('a reply whose send was under way when the process died and landed late: the next start waits for it and tells the owner it arrived', async () => {
    const store = createMemoryStore();
    const avito = createAvito();
    const dying = dyingAvito(avito, () => 400);
    const first = startRun(store, dying);
    const notice = await sendNotice(first.bot, 'Бот ответил', 'u2i-a');
    const kill = listenUntilKilled(first.bot, first.actions);
    await telegram.waitFor(() => telegram.polling);
    const updateId = telegram.userSends(OWNER, 'Да, есть, забирайте', { replyTo: notice });
    await telegram.waitFor(() => dying.sendsStarted === 1 && confirmedPast(updateId));
    kill();
    expect(avito.sends).toEqual([]);

    // Started before the send lands: only the settle window tells "not sent" from "not yet".
    const second = startRun(store, avito, 1500);
    listen(second.bot, second.actions);
    await telegram.waitFor(() => outcomes().length > 0, 5000);
    expect(outcomes()).toEqual(['✅ Ваш ответ «Да, есть, забирайте» дошёл до покупателя в чат: бот перезапускался во время отправки, ответ в чате есть.']);
    expect(avito.sentTo('u2i-a')).toEqual(['Да, есть, забирайте']);
    await telegram.waitFor(() => second.actions.pendingSellerReplies().length === 0);
  });

  it('a long reply cut off by the crash: the owner hears that only its beginning went out', async () => {
    const store = createMemoryStore();
    const avito = createAvito();
    const long = `${'Подробно о доставке. '.repeat(60)}Конец.`;
    const dying = dyingAvito(avito, () => (dying.sendsStarted === 1 ? 0 : undefined));
    const first = startRun(store, dying);
    const notice = await sendNotice(first.bot, 'Бот ответил', 'u2i-a');
    const kill = listenUntilKilled(first.bot, first.actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, long, { replyTo: notice });
    await telegram.waitFor(() => dying.sendsStarted === 2);
    kill();

    const second = startRun(store, avito);
    listen(second.bot, second.actions);
    await telegram.waitFor(() => outcomes().length > 0, 5000);
    expect(outcomes()[0]).toMatch(/^⚠️ Бот перезапустился во время отправки: в чат ушло только начало ответа «Подробно о доставке\. .*…» \(1 из 2 частей\)\. Допишите остальное/);
    expect(avito.sends).toHaveLength(1);
  });

  it('an update delivered again after a crash before its confirmation is not sent again; the owner is told once', async () => {
    const store = createMemoryStore();
    const avito = createAvito();
    const first = startRun(store, avito);
    void first.responder.exclusive('u2i-a', () => new Promise(() => undefined));
    // The restarted bot knows the notice by its chat line only.
    const notice = await sendNotice(first.bot, 'Бот ответил\nЧат: u2i-a · открыть');
    const kill = listenUntilKilled(first.bot, first.actions);
    await telegram.waitFor(() => telegram.polling);
    // The poll that would confirm the update never reaches Telegram.
    telegram.failNext('getUpdates', { hang: true });
    const updateId = telegram.userSends(OWNER, 'Берите', { replyTo: notice });
    await telegram.waitFor(() => callsOf('getUpdates').some((call) => Number(call.payload.offset) === updateId + 1));
    expect(first.actions.pendingSellerReplies().map((reply) => reply.text)).toEqual(['Берите']);
    kill();

    const second = startRun(store, avito);
    listen(second.bot, second.actions);
    await telegram.waitFor(() => outcomes().length > 0 && logs.some((log) => log.message === 'telegram: a seller reply delivered again was left alone'), 5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outcomes()).toEqual([expect.stringMatching(/^❌ Не отправлено: бот перезапустился, и ваш ответ «Берите»/)]);
    expect(avito.sends).toEqual([]);
  });

  it('a reply sent and told of is forgotten: the next start says nothing more', async () => {
    const store = createMemoryStore();
    const avito = createAvito();
    const first = startRun(store, avito);
    const notice = await sendNotice(first.bot, 'Бот ответил', 'u2i-a');
    const { stop } = listen(first.bot, first.actions);
    await telegram.waitFor(() => telegram.polling);
    telegram.userSends(OWNER, 'Да, есть', { replyTo: notice });
    await telegram.waitFor(() => outcomes().length === 1);
    expect(outcomes()[0]).toMatch(/^✅ Отправлено покупателю в чат; бот молчит там до /);
    expect(telegram.sent.at(-1)?.reply_to_message_id).toBe(ownerMessageId('Да, есть'));
    await stop();
    expect(first.actions.pendingSellerReplies()).toEqual([]);

    const second = startRun(store, avito);
    listen(second.bot, second.actions);
    await telegram.waitFor(() => callsOf('getMe').length === 2 && telegram.polling);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outcomes()).toHaveLength(1);
    expect(avito.sentTo('u2i-a')).toEqual(['Да, есть']);
  });
});
