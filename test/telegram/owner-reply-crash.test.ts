/**
 * An owner's reply from Telegram across a crash, with the built daemon SIGKILLed against the Avito
 * sandbox and the fake Telegram: whether the reply was still waiting for a busy chat or already on
 * its way to Avito, the next start tells the owner what became of it, and it is sent at most once.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedRequest, Sandbox } from '../../src/avito/sandbox/index.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramMessage } from '../helpers/fake-telegram.js';
import { spawnCli, waitFor, type SpawnResult } from '../helpers/spawn-cli.js';

const OWNER = 5550001;
const CHAT = 'u2i-demo-vacuum';
const SEND_TO_CHAT = new RegExp(`/chats/${CHAT}/messages$`);

let sandbox: Sandbox;
let telegram: FakeTelegram;
let env: Record<string, string>;
let cwd: string;
const children = new Set<ChildProcess>();

beforeEach(async () => {
  sandbox = await startDemoSandbox();
  telegram = await startFakeTelegram();
  cwd = mkdtempSync(join(tmpdir(), 'avito-ai-owner-reply-'));
  env = {
    ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')),
    AVITO_POLL_INTERVAL: '1',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_OWNER_CHAT_ID: String(OWNER),
    TELEGRAM_API_ROOT: telegram.url,
  };
});

afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  await telegram.close();
  await sandbox.close();
});

function startDaemon(extra: Record<string, string> = {}): { child: ChildProcess; done: Promise<SpawnResult> } {
  const run = spawnCli(['poll'], { cwd, env: { ...env, ...extra }, timeoutMs: 60_000 });
  children.add(run.child);
  return run;
}

const toOwner = (): string[] => telegram.sent.filter((message) => message.chat_id === OWNER).map((message) => message.plain);
const sendsToChat = (): RecordedRequest[] => sandbox.requests.filter((request) => request.method === 'POST' && SEND_TO_CHAT.test(request.path));
const sentTexts = (): string[] => sandbox.sent(CHAT).map((message) => String(message.content.text));

/** The daemon's first pass told the owner of its answer in the chat, and it listens: the notice to reply to. */
async function noticeToReplyTo(): Promise<FakeTelegramMessage> {
  const isNotice = (message: FakeTelegramMessage): boolean => message.chat_id === OWNER && message.plain.includes(`Чат: ${CHAT}`) && message.plain.includes('Бот ответил');
  await waitFor(() => telegram.sent.some(isNotice) && telegram.polling, 'the notice of the first answer', 15_000);
  return telegram.sent.find(isNotice)!;
}

async function kill(child: ChildProcess, done: Promise<SpawnResult>): Promise<void> {
  child.kill('SIGKILL');
  expect((await done).signal).toBe('SIGKILL');
}

describe('an owner’s reply when the daemon is killed', () => {
  it('waiting behind the bot’s own slow send in that chat: after the restart the owner hears it was not sent, and it never is', async () => {
    const first = startDaemon();
    const notice = await noticeToReplyTo();
    // The bot's next answer in the chat hangs on its way to Avito: the chat is busy.
    const answered = sendsToChat().length;
    sandbox.faults.inject({ kind: 'slow', delayMs: 30_000, match: { method: 'POST', path: SEND_TO_CHAT } });
    sandbox.addMessage(CHAT, { text: 'А в Казань доставляете?' });
    await waitFor(() => sendsToChat().some((request) => request.fault === 'slow'), 'the bot’s slow send');

    const reply = 'Доставим в Казань за два дня, пишите адрес.';
    const updateId = telegram.userSends(OWNER, reply, { replyTo: notice.message_id });
    await waitFor(() => toOwner().some((text) => text.startsWith('⏳')), 'the ⏳ message', 8000);
    expect(telegram.calls.some((call) => call.method === 'getUpdates' && Number(call.payload.offset) > updateId)).toBe(true);
    // Killed with the bot's send still in flight and the owner's reply queued behind it.
    const busy = sendsToChat().find((request) => request.fault === 'slow')!;
    expect(busy.status).toBe(0);
    expect(sendsToChat()).toHaveLength(answered + 1);
    await kill(first.child, first.done);

    const second = startDaemon();
    await waitFor(() => toOwner().some((text) => text.startsWith('❌')), 'the owner told after the restart', 15_000);
    const told = telegram.sent.find((message) => message.chat_id === OWNER && message.plain.startsWith('❌'))!;
    expect(told.plain).toBe(`❌ Не отправлено: бот перезапустился, и ваш ответ «${reply}» в чат не ушёл. Если ещё нужно, ответьте на уведомление снова.`);
    expect(told.text).toContain(`<a href="https://www.avito.ru/profile/messenger/channel/${CHAT}">чат</a>`);
    expect(told.reply_to_message_id).toBe(telegram.userMessages.find((message) => message.update_id === updateId)?.message_id);
    // A pass or two later: still never sent.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(sentTexts()).not.toContain(reply);
    second.child.kill('SIGTERM');
    expect((await second.done).code).toBe(0);
    expect(toOwner().filter((text) => /^(✅|❌|⚠️)/u.test(text))).toHaveLength(1);
  }, 60_000);

  it('with its own send in flight that lands after the kill: the restart waits for it and tells the owner it arrived, sent once', async () => {
    // AVITO_TIMEOUT=3: a send lands within 6 s of its start or not at all.
    const first = startDaemon({ AVITO_TIMEOUT: '3' });
    const notice = await noticeToReplyTo();
    sandbox.faults.inject({ kind: 'slow', delayMs: 2000, match: { method: 'POST', path: SEND_TO_CHAT } });
    const reply = 'Да, пылесос в наличии, забирайте сегодня.';
    telegram.userSends(OWNER, reply, { replyTo: notice.message_id });
    await waitFor(() => sendsToChat().some((request) => request.fault === 'slow'), 'the owner’s reply on its way to Avito', 8000);
    await kill(first.child, first.done);
    const inFlight = sendsToChat().find((request) => request.fault === 'slow')!;
    expect(inFlight.status).toBe(0);
    expect(sentTexts()).not.toContain(reply);

    const second = startDaemon({ AVITO_TIMEOUT: '3' });
    await waitFor(() => toOwner().some((text) => text.includes('дошёл до покупателя')), 'the owner told after the restart', 20_000);
    // It landed after the kill, as a send Avito had already taken does.
    expect(inFlight.body).toMatchObject({ message: { text: reply } });
    expect(toOwner().find((text) => text.includes('дошёл до покупателя'))).toBe(
      `✅ Ваш ответ «${reply}» дошёл до покупателя в чат: бот перезапускался во время отправки, ответ в чате есть.`,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    second.child.kill('SIGTERM');
    expect((await second.done).code).toBe(0);
    expect(sentTexts().filter((text) => text === reply)).toHaveLength(1);
    expect(toOwner().filter((text) => /^(✅|❌|⚠️)/u.test(text))).toHaveLength(1);
  }, 60_000);
});
