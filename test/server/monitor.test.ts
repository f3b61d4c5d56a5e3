/**
 * The monitor's JSON over a real in-memory store and the daemon's call watches: what `/health` says is broken and what to do (the dashboard's banner),
 * today's figures in the seller's time zone, and buyers and listings named instead of chat ids.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallWatch } from '../../src/server/call-watch.js';
import { rememberOpenChats } from '../../src/core/poll.js';
import type { Store } from '../../src/core/ports.js';
import { trackDayStart, type TodayFigures } from '../../src/core/stats.js';
import { setLang } from '../../src/messages/index.js';
import { createMonitor, type MonitorDeps } from '../../src/server/monitor.js';
import type { HealthProblem } from '../../src/server/monitor-server.js';
import { createMemoryStore } from '../../src/store/index.js';

// 2026-12-05 20:30 UTC is 23:30 in Moscow: an hour later the seller's day is over, though UTC's is not.
const EVENING = Date.UTC(2026, 11, 5, 20, 30);
const HOUR = 3_600_000;
const ZONE = 'Europe/Moscow';

afterEach(() => setLang('ru'));

function watches(): { avito: CallWatch; storeWrites: CallWatch; engine: CallWatch; telegram: CallWatch } {
  return { avito: { ok: true, at: EVENING }, storeWrites: {}, engine: {}, telegram: {} };
}

function monitorOver(store: Store, deps: Partial<MonitorDeps> = {}, clock = { now: EVENING }) {
  const storePath = join(mkdtempSync(join(tmpdir(), 'avito-ai-monitor-')), 'store.json');
  // The store's file, writable, as `/health` checks.
  writeFileSync(storePath, '{}');
  return createMonitor({
    store,
    storePath,
    startedAt: EVENING - HOUR,
    ...watches(),
    timeZone: ZONE,
    chatUrl: (chatId) => `https://avito.example/${chatId}`,
    now: () => clock.now,
    ...deps,
  });
}

describe('/health', () => {
  it('is ok with nothing to show while everything works, and before the engine or Telegram was ever called', async () => {
    const health = await monitorOver(createMemoryStore()).health();
    expect(health).toMatchObject({ ok: true, problems: [] });
    expect(Object.keys(health.checks)).toEqual(['store', 'avito']);
  });

  it('treats Avito before its first call as starting, not broken: no banner', async () => {
    const health = await monitorOver(createMemoryStore(), { avito: {} }).health();
    expect(health.ok).toBe(false);
    expect(health.problems).toEqual([]);
  });

  it('says in Russian that Avito does not answer and what to do, with the failure as detail', async () => {
    const avito: CallWatch = { ok: false, at: EVENING, error: 'Avito GET /messenger/v2/accounts/{user_id}/chats answered 500' };
    const health = await monitorOver(createMemoryStore(), { avito }).health();
    expect(health).toMatchObject({ ok: false, reason: expect.stringMatching(/^avito: /) });
    expect(health.problems).toEqual<HealthProblem[]>([
      {
        system: 'avito',
        title: 'Avito не отвечает',
        action: expect.stringContaining('Проверьте интернет на сервере') as string,
        detail: avito.error!,
        at: new Date(EVENING).toISOString(),
      },
    ]);
  });

  it('reports a failing engine as broken (questions wait) and a failing Telegram as a problem that does not stop answering', async () => {
    const engine: CallWatch = { ok: false, at: EVENING, error: 'Gemini answered 503' };
    const telegram: CallWatch = { ok: false, at: EVENING, error: 'getaddrinfo ENOTFOUND api.telegram.org' };
    const both = await monitorOver(createMemoryStore(), { engine, telegram }).health();
    expect(both.ok).toBe(false);
    expect(both.reason).toBe('engine: Gemini answered 503');
    expect(both.problems?.map((problem) => [problem.system, problem.title])).toEqual([
      ['engine', 'Движок ответов не работает'],
      ['telegram', 'Telegram не доставляет уведомления'],
    ]);
    const telegramOnly = await monitorOver(createMemoryStore(), { engine: { ok: true, at: EVENING }, telegram }).health();
    expect(telegramOnly.ok).toBe(true);
    expect(telegramOnly.problems?.map((problem) => problem.system)).toEqual(['telegram']);
    expect(telegramOnly.problems?.[0]?.action).toContain('TELEGRAM_BOT_TOKEN');
  });

  it('says so when the store cannot be written', async () => {
    const health = await monitorOver(createMemoryStore(), { storeWrites: { ok: false, at: EVENING, error: 'ENOSPC' } }).health();
    expect(health.ok).toBe(false);
    expect(health.problems?.map((problem) => [problem.system, problem.title])).toEqual([['store', 'Не удаётся сохранить данные']]);
  });

  it('clears the problem once a call goes through again', async () => {
    const telegram: CallWatch = { ok: false, at: EVENING, error: 'timeout' };
    const monitor = monitorOver(createMemoryStore(), { telegram });
    expect((await monitor.health()).problems).toHaveLength(1);
    Object.assign(telegram, { ok: true, at: EVENING + 1000 });
    delete telegram.error;
    expect((await monitor.health()).problems).toEqual([]);
  });

  it('speaks English with AVITO_AI_LANG=en', async () => {
    setLang('en');
    const health = await monitorOver(createMemoryStore(), { avito: { ok: false, at: EVENING, error: 'refused' } }).health();
    expect(health.problems?.[0]?.title).toBe('Avito does not answer');
  });
});

describe("today's figures", () => {
  const today = (monitor: ReturnType<typeof monitorOver>): TodayFigures => (monitor.stats() as { today: TodayFigures }).today;

  it("count what happened since the seller's midnight, in the seller's time zone", async () => {
    const clock = { now: EVENING };
    const raw = createMemoryStore();
    // Yesterday's work, before the daemon tracked days (an old store file).
    await raw.transact((tx) => {
      tx.increment('repliesSent', 7);
      tx.increment('found', 4);
    });
    const store = trackDayStart(raw, () => clock.now, ZONE);
    const monitor = monitorOver(store, {}, clock);
    expect(today(monitor)).toEqual({ date: '2026-12-05', answered: 0, found: 0, partly_answered: 0, not_found: 0, escalations: 0, errors: 0 });
    await store.transact((tx) => {
      tx.increment('repliesSent', 3);
      tx.increment('found');
      tx.increment('partlyAnswered');
      tx.increment('notFound');
      tx.increment('escalations');
      tx.increment('engineFailures');
      tx.increment('errors', 2);
    });
    expect(today(monitor)).toEqual({ date: '2026-12-05', answered: 3, found: 1, partly_answered: 1, not_found: 1, escalations: 1, errors: 3 });

    // 00:30 in Moscow (21:30 UTC): a new day with nothing done yet shows zeros, then only its own work.
    clock.now = EVENING + HOUR;
    expect(today(monitor)).toMatchObject({ date: '2026-12-06', answered: 0, errors: 0 });
    await store.transact((tx) => tx.increment('repliesSent'));
    expect(today(monitor)).toMatchObject({ date: '2026-12-06', answered: 1, found: 0 });
    // A restart the same day keeps the day's note.
    const restarted = monitorOver(trackDayStart(raw, () => clock.now, ZONE), {}, clock);
    expect(today(restarted)).toMatchObject({ answered: 1 });
  });

  it('lead /stats alongside the all-time figures', () => {
    const stats = monitorOver(createMemoryStore()).stats() as Record<string, unknown>;
    expect(stats).toMatchObject({ total_messages: 0, today: { answered: 0 } });
  });
});

describe('chats by buyer and listing', () => {
  it('names the buyer and the listing in the waiting chats, the dialogs and the queue, with what the buyer asked', async () => {
    const store = createMemoryStore();
    await store.transact((tx) => {
      tx.updateChat('u2i-oleg', (chat) => {
        chat.buyerName = 'Олег';
        chat.listing = { id: 1, title: 'Кофемашина' };
        chat.escalatedAt = EVENING - 1000;
      });
      tx.updateChat('u2i-nameless', (chat) => {
        chat.escalatedAt = EVENING - 2000;
      });
      tx.appendDialog({ at: EVENING - 1000, chatId: 'u2i-oleg', question: 'Позовите менеджера', answer: 'Передал', status: 'ESCALATION', sources: [], latencyMs: 10 });
    });
    const monitor = monitorOver(store);
    const chats = monitor.chats() as { escalated: Array<Record<string, unknown>> };
    expect(chats.escalated).toEqual([
      expect.objectContaining({ chat_id: 'u2i-oleg', buyer_name: 'Олег', item_title: 'Кофемашина', last_question: 'Позовите менеджера', chat_url: 'https://avito.example/u2i-oleg' }),
      expect.objectContaining({ chat_id: 'u2i-nameless', buyer_name: null, item_title: null, last_question: null }),
    ]);
    const dialogs = monitor.dialogs(10, 0) as { dialogs: Array<Record<string, unknown>> };
    expect(dialogs.dialogs[0]).toMatchObject({ chat_id: 'u2i-oleg', buyer_name: 'Олег', item_title: 'Кофемашина' });
    expect(monitor.queue()).toEqual({ waiting: [], running: [], open_chats: [], unconfirmed_replies: [] });
    await rememberOpenChats(store, ['u2i-oleg']);
    expect(monitor.queue()).toMatchObject({ open_chats: ['u2i-oleg'], chat_names: { 'u2i-oleg': { buyer_name: 'Олег', item_title: 'Кофемашина' } } });
  });

  it('tells a chat answered in part from one where the bot withheld its answer and sent the fallback', async () => {
    const store = createMemoryStore();
    await store.transact((tx) => {
      tx.updateChat('u2i-partly', () => {});
      tx.updateChat('u2i-withheld', () => {});
      tx.appendDialog({ at: EVENING - 2000, chatId: 'u2i-partly', question: 'цена? гравировка?', answer: 'Цена 100 ₽', status: 'FOUND', sources: ['a.md'], latencyMs: 5, leftOut: ['гравировка'] });
      tx.appendDialog({ at: EVENING - 1000, chatId: 'u2i-withheld', question: 'в казань? гравировка?', answer: 'Нет в базе', status: 'NOT_FOUND', sources: [], latencyMs: 5, leftOut: ['в казань', 'гравировка'] });
    });
    const chats = monitorOver(store).chats() as { left_out: Array<Record<string, unknown>> };
    expect(chats.left_out).toEqual([
      expect.objectContaining({ chat_id: 'u2i-withheld', left_out: ['в казань', 'гравировка'], bot_answered: false }),
      expect.objectContaining({ chat_id: 'u2i-partly', left_out: ['гравировка'], bot_answered: true }),
    ]);
  });
});
