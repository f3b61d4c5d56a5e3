import { describe, expect, it } from 'vitest';
import type { Notification } from '../../src/core/ports.js';
import type { OutgoingMessage } from '../../src/telegram/format.js';
import { createTelegramNotifier, TelegramSendError, type TelegramNotifierOptions } from '../../src/telegram/notifier.js';

const ANSWER: Notification = { kind: 'answer', chatId: 'c1', question: 'Есть доставка?', answer: 'Да.', status: 'FOUND', sources: ['d.md'] };
const ESCALATION: Notification = { kind: 'escalation', chatId: 'c1', message: 'Позовите менеджера' };

function setup(options: Partial<TelegramNotifierOptions> & { fail?: (attempt: number) => Error | undefined } = {}) {
  const sent: Array<{ chatId: number; message: OutgoingMessage }> = [];
  const logs: string[] = [];
  const clock = { t: 1_700_000_000_000 };
  let attempts = 0;
  const notifier = createTelegramNotifier({
    send: async (chatId, message) => {
      attempts += 1;
      const error = options.fail?.(attempts);
      if (error) throw error;
      sent.push({ chatId, message });
    },
    owners: [111, 222],
    mode: 'all',
    humanPauseHours: 12,
    logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
    now: () => clock.t,
    sleep: async () => undefined,
    ...options,
  });
  return { notifier, sent, logs, clock, attempts: () => attempts };
}

describe('the Telegram notifier', () => {
  it('sends every notice to every owner, without making the caller wait', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: number[] = [];
    const notifier = createTelegramNotifier({
      send: async (chatId) => {
        await gate;
        sent.push(chatId);
      },
      owners: [111, 222],
      mode: 'all',
      humanPauseHours: 12,
      logger: { info: () => undefined, warn: () => undefined },
    });
    // notify returns while Telegram has not answered at all.
    notifier.notify(ANSWER);
    expect(notifier.pending()).toBe(2);
    expect(await notifier.flush(50)).toBe(false);
    release();
    expect(await notifier.flush(1000)).toBe(true);
    expect(sent).toEqual([111, 222]);
  });

  it('TELEGRAM_LOG=escalations keeps only what needs the seller; off sends nothing', async () => {
    const only = setup({ mode: 'escalations', owners: [1] });
    only.notifier.notify(ANSWER);
    only.notifier.notify(ESCALATION);
    only.notifier.notify({ kind: 'takeover', chatId: 'c1', message: 'Сам ответил' });
    only.notifier.notify({ ...ANSWER, status: 'NON_TEXT', question: '[voice]', answer: 'Напишите текстом' });
    await only.notifier.flush(1000);
    expect(only.sent.map((s) => s.message.text.split('\n')[0])).toEqual([expect.stringContaining('🚨'), expect.stringContaining('NON_TEXT')]);
    const off = setup({ mode: 'off' });
    off.notifier.notify(ESCALATION);
    await off.notifier.flush(1000);
    expect(off.sent).toEqual([]);
  });

  it('tells the same trouble at most once an hour: per chat, at most 5 chats of a kind, the tariff stub once', async () => {
    const { notifier, sent, clock, logs } = setup({ owners: [1] });
    const tariff = (chat: string): Notification => ({ kind: 'error', code: 'tariff-stub', message: 'stub', details: { chat } });
    notifier.notify(tariff('a'));
    notifier.notify(tariff('b'));
    for (const chat of ['a', 'b', 'b', 'c', 'd', 'e', 'f', 'g']) notifier.notify({ kind: 'error', code: 'stale-question', chatId: chat, message: 'old' });
    notifier.notify({ kind: 'error', message: 'uncoded trouble' });
    notifier.notify({ kind: 'error', message: 'uncoded trouble' });
    await notifier.flush(1000);
    // One tariff notice, five stale-question chats (a..e; b once), one uncoded notice.
    expect(sent).toHaveLength(7);
    expect(sent.filter((s) => s.message.chatId !== undefined).map((s) => s.message.chatId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(logs.filter((line) => line.includes('more "stale-question" notices this hour'))).toHaveLength(2);
    clock.t += 3_600_000;
    notifier.notify(tariff('c'));
    notifier.notify({ kind: 'error', code: 'stale-question', chatId: 'f', message: 'old' });
    await notifier.flush(1000);
    expect(sent).toHaveLength(9);
  });

  it('retries a 429 after retry_after and a network error, then delivers', async () => {
    const waits: number[] = [];
    const { notifier, sent } = setup({
      owners: [1],
      sleep: async (ms) => void waits.push(ms),
      fail: (attempt) => (attempt === 1 ? new TelegramSendError('429 Too Many Requests', true, 7000) : attempt === 2 ? new Error('socket hang up') : undefined),
    });
    notifier.notify(ANSWER);
    await notifier.flush(1000);
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([7000, 2000]);
  });

  it('drops a message after its attempts, or at once when Telegram refuses it, with a log line', async () => {
    const down = setup({ owners: [1], attempts: 3, fail: () => new TelegramSendError('ETIMEDOUT', true) });
    down.notifier.notify(ANSWER);
    await down.notifier.flush(1000);
    expect(down.attempts()).toBe(3);
    expect(down.logs).toContain('telegram: dropped a answer notice after 3 attempt(s): ETIMEDOUT');
    const refused = setup({ owners: [1], fail: () => new TelegramSendError('403 Forbidden: bot was blocked by the user', false) });
    refused.notifier.notify(ANSWER);
    await refused.notifier.flush(1000);
    expect(refused.attempts()).toBe(1);
  });

  it('close() abandons the message in flight and the queue, so the process can exit', async () => {
    const signals: AbortSignal[] = [];
    const logs: string[] = [];
    const notifier = createTelegramNotifier({
      // A blackholed Telegram: the send never answers, only the abort ends it.
      send: (_chatId, _message, signal) =>
        new Promise((_resolve, reject) => {
          signals.push(signal!);
          signal!.addEventListener('abort', () => reject(new Error('aborted')));
        }),
      owners: [1, 2],
      mode: 'all',
      humanPauseHours: 12,
      logger: { info: () => undefined, warn: (m) => logs.push(m) },
    });
    notifier.notify(ANSWER);
    expect(await notifier.flush(30)).toBe(false);
    notifier.close();
    expect(signals[0]?.aborted).toBe(true);
    expect(await notifier.flush(200)).toBe(true);
    expect(signals).toHaveLength(1);
    expect(logs).toEqual(['telegram: 1 notice(s) not sent before exit']);
  });

  it('keeps at most maxQueue messages while Telegram is away, dropping the oldest routine ones first', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const logs: string[] = [];
    const notifier = createTelegramNotifier({
      send: async (_chatId, message) => {
        await gate;
        sent.push(message.text);
      },
      owners: [1],
      mode: 'all',
      humanPauseHours: 12,
      maxQueue: 3,
      logger: { info: () => undefined, warn: (m) => logs.push(m) },
    });
    notifier.notify({ ...ANSWER, question: 'вопрос 0' });
    notifier.notify({ kind: 'escalation', chatId: 'e', message: 'вопрос 1 позовите менеджера' });
    for (let i = 2; i < 6; i += 1) notifier.notify({ ...ANSWER, question: `вопрос ${i}` });
    expect(notifier.pending()).toBe(4);
    release();
    await notifier.flush(1000);
    // 0 is in flight; of the waiting ones the routine 2 and 3 go, the escalation (1) stays.
    expect(sent.map((text) => /вопрос (\d)/.exec(text)?.[1])).toEqual(['0', '1', '4', '5']);
    expect(logs.some((line) => line.includes('old notice(s) dropped'))).toBe(true);
  });
});
