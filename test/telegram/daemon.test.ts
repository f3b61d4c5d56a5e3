/**
 * The seller's Telegram window through the path a seller uses: `avito-ai poll` with
 * TELEGRAM_BOT_TOKEN set, against the fake Telegram Bot API (real telegraf, loopback) and the
 * Avito sandbox. What reaches Telegram, and what a reply, a button or a command does in Avito.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { openStore } from '../../src/store/index.js';
import { runInProcess, type CliResult } from '../helpers/cli.js';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramMessage } from '../helpers/fake-telegram.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';

const OWNER = 5550001;
const MANAGER = 5550002;
const STRANGER = 6660001;

let sandbox: Sandbox;
let telegram: FakeTelegram;
let env: Record<string, string>;
let cwd: string;

beforeEach(async () => {
  sandbox = await startDemoSandbox();
  telegram = await startFakeTelegram();
  cwd = mkdtempSync(join(tmpdir(), 'avito-ai-telegram-'));
  env = {
    ...sandboxEnv(sandbox, join(cwd, 'store.json')),
    AVITO_POLL_INTERVAL: '1',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_OWNER_CHAT_ID: `${OWNER}, ${MANAGER}`,
    TELEGRAM_API_ROOT: telegram.url,
  };
});

afterEach(async () => {
  await telegram.close();
  await sandbox.close();
});

/** Starts the daemon in-process; `stop` ends it as SIGTERM would and returns its result. */
function startDaemon(extra: Record<string, string> = {}): { stop: () => Promise<CliResult> } {
  const controller = new AbortController();
  const done = runInProcess(['poll'], { cwd, env: { ...env, ...extra }, signal: controller.signal });
  return {
    stop: async () => {
      controller.abort();
      return done;
    },
  };
}

const to = (chatId: number): FakeTelegramMessage[] => telegram.sent.filter((message) => message.chat_id === chatId);
const noticeAbout = (chatId: string, marker: string): FakeTelegramMessage | undefined =>
  to(OWNER).find((message) => message.plain.includes(`Чат: ${chatId}`) && message.plain.includes(marker));

describe('notices', () => {
  it('tells every owner of each answer, the escalation (with buttons), the takeover and the voice message', async () => {
    const result = await runInProcess(['poll', '--once'], { cwd, env });
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
    for (const owner of [OWNER, MANAGER]) expect(to(owner).length).toBeGreaterThanOrEqual(5);

    const answer = noticeAbout('u2i-demo-vacuum', 'Бот ответил');
    expect(answer?.parse_mode).toBe('HTML');
    expect(answer?.plain).toContain('Робот-пылесос Xiaomi Mi Robot Vacuum-Mop 2 · объявление 4012345679');
    expect(answer?.plain).toContain('Покупатель: Добрый день, на пылесос есть гарантия?');
    expect(answer?.plain).toMatch(/Ответ: .*Гарантия 12 месяцев/s);
    expect(answer?.plain).toContain('✅ FOUND: из документов');
    expect(answer?.plain).toContain('item-4012345679-robot-pylesos.md');
    expect(answer?.text).toContain('<a href="https://www.avito.ru/profile/messenger/channel/u2i-demo-vacuum">');

    const fallback = noticeAbout('u2i-demo-bike', 'Бот ответил');
    expect(fallback?.plain).toContain('NOT_FOUND: нет в документах, отправлен FALLBACK_TEXT');

    const escalation = noticeAbout('u2i-demo-manager', 'ПОКУПАТЕЛЬ ПРОСИТ МЕНЕДЖЕРА');
    expect(escalation?.plain).toContain('Сообщение: Позовите менеджера, пожалуйста, хочу обсудить скидку');
    expect(escalation?.reply_markup?.inline_keyboard?.[0]?.map((button: { callback_data: string }) => button.callback_data)).toEqual([
      'resume:u2i-demo-manager',
      'pause24:u2i-demo-manager',
    ]);

    expect(noticeAbout('u2i-demo-takeover', 'Вы ответили покупателю сами')?.plain).toContain('Да, продаётся!');
    expect(noticeAbout('u2i-demo-voice', 'Бот ответил')?.plain).toContain('NON_TEXT: не текст, попросил написать текстом');
    // A one-shot run sends notices but does not listen.
    expect(telegram.calls.some((call) => call.method === 'getUpdates')).toBe(false);
  });

  it('reply <chat> tells the owners too', async () => {
    const result = await runInProcess(['reply', 'u2i-demo-vacuum'], { cwd, env });
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
    expect(noticeAbout('u2i-demo-vacuum', 'Бот ответил')?.plain).toContain('FOUND');
    expect(to(MANAGER)).toHaveLength(1);
  });

  it('TELEGRAM_LOG=escalations keeps the escalation, the voice message and the photo, and leaves routine answers and takeovers out', async () => {
    sandbox.addMessage('u2i-demo-bike', { type: 'image', content: { image: { sizes: {} } } });
    await runInProcess(['poll', '--once'], { cwd, env: { ...env, TELEGRAM_LOG: 'escalations' } });
    // Chats are handled in parallel: the order of the two is not fixed.
    const firstLines = to(OWNER).map((message) => message.plain.split('\n')[0]);
    expect(firstLines).toHaveLength(3);
    expect(firstLines).toEqual(
      expect.arrayContaining([
        '🎤 Покупатель прислал фото — бот такое не читает',
        '🚨🚨 ПОКУПАТЕЛЬ ПРОСИТ МЕНЕДЖЕРА',
        '💬 Бот ответил · 🎤 NON_TEXT: не текст, попросил написать текстом',
      ]),
    );
  });

  it('a 429 from Telegram is waited out (retry_after) and the notice still arrives', async () => {
    telegram.failNext('sendMessage', { errorCode: 429, retryAfter: 1 });
    const result = await runInProcess(['poll', '--once'], { cwd, env });
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
    const sends = telegram.calls.filter((call) => call.method === 'sendMessage');
    expect(sends.length).toBe(telegram.sent.length + 1);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(950);
    expect(to(OWNER).length + to(MANAGER).length).toBe(telegram.sent.length);
    expect(result.stderr).not.toContain('dropped');
  });

  it('Telegram down: buyers are answered all the same, and the run ends on time', async () => {
    telegram.setDown(true);
    const started = Date.now();
    const result = await runInProcess(['poll', '--once'], { cwd, env });
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
    expect(sandbox.sent()).toHaveLength(5);
    expect(Date.now() - started).toBeLessThan(9000);
    expect(result.stderr).toMatch(/telegram: часть уведомлений не отправлена до выхода/);
  }, 20_000);
});

describe('stopping', () => {
  it('SIGTERM ends the daemon promptly while Telegram does not answer at all', async () => {
    // Blackholed: getMe and every notice hang; buyers must be answered and the stop must not wait.
    telegram.failNext('getMe', { hang: true, times: 100 });
    telegram.failNext('sendMessage', { hang: true, times: 1000 });
    const daemon = startDaemon();
    const started = Date.now();
    while (sandbox.sent().length < 5 && Date.now() - started < 8000) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sandbox.sent()).toHaveLength(5);
    const stopping = Date.now();
    const result = await daemon.stop();
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
    // The 5 s notice flush is the only wait.
    expect(Date.now() - stopping).toBeLessThan(7000);
    expect(result.stderr).toMatch(/telegram: \d+ notice\(s\) not sent before exit/);
  }, 20_000);
});

describe('remote control while the daemon runs', () => {
  it('a reply to a notice goes to the buyer as the seller and pauses the bot there', async () => {
    const daemon = startDaemon();
    await telegram.waitFor(() => noticeAbout('u2i-demo-manager', 'ПОКУПАТЕЛЬ') !== undefined && telegram.polling, 8000);
    const escalation = noticeAbout('u2i-demo-manager', 'ПОКУПАТЕЛЬ')!;
    telegram.userSends(OWNER, 'Здравствуйте, Олег! Скидку дадим 5%.', { replyTo: escalation.message_id });
    await telegram.waitFor(() => to(OWNER).some((message) => message.plain.startsWith('✅ Отправлено покупателю')), 5000);
    expect(sandbox.sent('u2i-demo-manager').map((message) => message.content.text)).toContain('Здравствуйте, Олег! Скидку дадим 5%.');

    // The buyer writes again: the bot stays silent, the seller has the chat.
    sandbox.addMessage('u2i-demo-manager', { text: 'Спасибо! А доставка есть?' });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const result = await daemon.stop();
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
    expect(sandbox.sent('u2i-demo-manager').map((message) => message.content.text)).toHaveLength(2);
    const store = await openStore({ path: env.STORE_PATH!, readOnly: true });
    expect(store.getChat('u2i-demo-manager')?.pausedUntil).toBeGreaterThan(Date.now() + 11 * 3_600_000);
    await store.close();
  }, 20_000);

  it('a reply is routed by the notice it answers, never by words a buyer wrote into it', async () => {
    // The buyer imitates the chat line of another chat in their question.
    sandbox.addMessage('u2i-demo-bike', { text: 'Вопрос про обмен.\nЧат: u2i-demo-coffee\nответьте мне' });
    const daemon = startDaemon();
    await telegram.waitFor(() => noticeAbout('u2i-demo-bike', 'Бот ответил') !== undefined && telegram.polling, 8000);
    const notice = noticeAbout('u2i-demo-bike', 'Бот ответил')!;
    telegram.userSends(OWNER, 'Обмен не интересует, извините.', { replyTo: notice.message_id });
    // A message written hours ago (the daemon was down) is not sent.
    telegram.userSends(OWNER, 'Старый ответ, написанный вчера', { replyTo: notice.message_id, sentSecondsAgo: 86_400 });
    await telegram.waitFor(() => to(OWNER).some((message) => message.plain.startsWith('⌛')), 5000);
    await telegram.waitFor(() => to(OWNER).some((message) => message.plain.startsWith('✅ Отправлено покупателю')), 5000);
    await daemon.stop();
    expect(sandbox.sent('u2i-demo-bike').map((message) => message.content.text)).toContain('Обмен не интересует, извините.');
    expect(sandbox.sent('u2i-demo-coffee').map((message) => message.content.text)).not.toContain('Обмен не интересует, извините.');
    expect(sandbox.sent().map((message) => message.content.text)).not.toContain('Старый ответ, написанный вчера');
  }, 20_000);

  it('buttons resume the bot or pause it for 24 h, and disappear once pressed', async () => {
    const daemon = startDaemon();
    await telegram.waitFor(() => noticeAbout('u2i-demo-manager', 'ПОКУПАТЕЛЬ') !== undefined && telegram.polling, 8000);
    const escalation = noticeAbout('u2i-demo-manager', 'ПОКУПАТЕЛЬ')!;
    telegram.userPresses(OWNER, escalation.message_id, 'resume:u2i-demo-manager');
    await telegram.waitFor(() => to(OWNER).some((message) => message.plain.startsWith('▶️ Бот снова отвечает в чате u2i-demo-manager')), 5000);
    expect(telegram.answeredCallbacks.map((answer) => answer.text)).toEqual(['Возвращаю бота…']);
    await telegram.waitFor(() => telegram.calls.some((call) => call.method === 'editMessageReplyMarkup'), 5000);

    // Resumed: a new question there is answered by the bot again.
    sandbox.addMessage('u2i-demo-manager', { text: 'А доставка курьером есть?' });
    await telegram.waitFor(() => noticeAbout('u2i-demo-manager', 'Бот ответил') !== undefined, 5000);

    // The manager presses under their own copy of the notice.
    const takeover = to(MANAGER).find((message) => message.plain.includes('Чат: u2i-demo-takeover') && message.plain.includes('Вы ответили'))!;
    telegram.userPresses(MANAGER, takeover.message_id, 'pause24:u2i-demo-takeover');
    await telegram.waitFor(() => to(MANAGER).some((message) => message.plain.startsWith('⏸ Бот молчит в чате u2i-demo-takeover')), 5000);
    await daemon.stop();
    const store = await openStore({ path: env.STORE_PATH!, readOnly: true });
    expect(store.getChat('u2i-demo-manager')?.escalatedAt).toBeUndefined();
    const paused = store.getChat('u2i-demo-takeover');
    expect(paused?.pauseReason).toBe('manual');
    expect(paused?.pausedUntil).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    await store.close();
  }, 20_000);

  it('answers /status, /chats, /pause, /resume and /help to owners, and nothing to strangers', async () => {
    // Two questions, one the documents answer: /status counts the answer given in part and the chat waiting for the rest.
    sandbox.addChat({
      id: 'u2i-partly',
      context: { type: 'item', value: { id: 4_012_345_678, title: 'Кофемашина', user_id: sandbox.account.id } },
      messages: [{ author_id: 5_550_002, text: 'Что входит в комплектацию кофемашины? И зёрна в подарок положите?' }],
    });
    const daemon = startDaemon();
    await telegram.waitFor(() => noticeAbout('u2i-demo-manager', 'ПОКУПАТЕЛЬ') !== undefined && telegram.polling, 8000);
    const replies = (): string[] => to(OWNER).map((message) => message.plain);
    // Let the first pass finish, so /status has one to report.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    telegram.userSends(STRANGER, '/status');
    telegram.userSends(STRANGER, 'Привет, дай доступ');
    telegram.userSends(OWNER, '/status');
    await telegram.waitFor(() => replies().some((text) => text.startsWith('🟢 Работает')), 5000);
    const statusText = replies().find((text) => text.startsWith('🟢 Работает'))!;
    expect(statusText).toMatch(/Последний проход: .* — чатов \d+, ответов \d+/);
    expect(statusText).toMatch(/из документов \d+, из них не на все вопросы 1,/);
    expect(statusText).toMatch(/Ждут вас: эскалаций 1, ответ не на всё 1, на паузе \d+/);

    telegram.userSends(OWNER, '/chats');
    await telegram.waitFor(() => replies().some((text) => text.startsWith('Ждут вас:')), 5000);
    expect(replies().find((text) => text.startsWith('Ждут вас:'))).toContain('🚨 эскалация · Кофемашина');

    telegram.userSends(OWNER, '/pause u2i-demo-vacuum 2');
    await telegram.waitFor(() => replies().some((text) => text.startsWith('⏸ Бот молчит в чате u2i-demo-vacuum')), 5000);
    telegram.userSends(OWNER, '/resume u2i-demo-vacuum');
    await telegram.waitFor(() => replies().some((text) => text.startsWith('▶️ Бот снова отвечает в чате u2i-demo-vacuum')), 5000);
    telegram.userSends(OWNER, '/resume u2i-nope');
    await telegram.waitFor(() => replies().some((text) => text.includes('Чата u2i-nope бот не знает')), 5000);
    telegram.userSends(OWNER, '/help');
    await telegram.waitFor(() => replies().some((text) => text.includes('/pause <чат> [часы]')), 5000);
    telegram.userSends(OWNER, 'просто текст');
    await telegram.waitFor(() => replies().some((text) => text.startsWith('Чтобы написать покупателю, ответьте')), 5000);

    const result = await daemon.stop();
    expect(result.code).toBe(ExitCode.Ok);
    expect(to(STRANGER)).toEqual([]);
    expect(result.stderr).toContain('telegram: ignored an update from a stranger');
  }, 20_000);

  it('/pause all silences the bot on every chat, questions left unread, until /resume all; a stranger cannot', async () => {
    const daemon = startDaemon();
    await telegram.waitFor(() => sandbox.sent().length === 5 && telegram.polling, 8000);
    const replies = (): string[] => to(OWNER).map((message) => message.plain);
    const readMarks = (): number => sandbox.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/read')).length;

    telegram.userSends(STRANGER, '/pause all');
    telegram.userSends(OWNER, '/status');
    await telegram.waitFor(() => replies().some((text) => text.startsWith('🟢 Работает')), 5000);
    expect(replies().find((text) => text.startsWith('🟢 Работает'))).not.toContain('Пауза во всём аккаунте');
    telegram.userSends(OWNER, '/pause all');
    await telegram.waitFor(() => replies().some((text) => text.startsWith('⏸ Бот на паузе во всём аккаунте до команды /resume all')), 5000);
    const reads = readMarks();
    sandbox.addMessage('u2i-demo-vacuum', { text: 'Как доставляете?' });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(sandbox.sent()).toHaveLength(5);
    expect(readMarks()).toBe(reads);
    expect(sandbox.messages('u2i-demo-vacuum').at(-1)).toMatchObject({ direction: 'in', is_read: false });

    telegram.userSends(OWNER, '/status');
    await telegram.waitFor(() => replies().filter((text) => text.startsWith('🟢 Работает')).length === 2, 5000);
    expect(replies().filter((text) => text.startsWith('🟢 Работает'))[1]).toContain('⏸ Пауза во всём аккаунте до /resume all');

    telegram.userSends(STRANGER, '/resume all');
    telegram.userSends(OWNER, '/resume all');
    await telegram.waitFor(() => replies().some((text) => text.startsWith('▶️ Бот снова отвечает во всём аккаунте')), 5000);
    await telegram.waitFor(() => sandbox.sent('u2i-demo-vacuum').length === 2, 5000);

    const result = await daemon.stop();
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
    expect(to(STRANGER)).toEqual([]);
    expect(result.stderr).toContain('telegram: paused the whole account');
    expect(result.stderr).toContain('telegram: resumed the whole account');
  }, 25_000);
});
