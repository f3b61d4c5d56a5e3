import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DialogStatus } from '../../src/core/model.js';
import { applyControl } from '../../src/core/chat-control.js';
import { META_LAST_PASS, rememberOpenChats } from '../../src/core/poll.js';
import type { DialogRecord, PendingReply } from '../../src/core/ports.js';
import { ACTIVE_DIALOG_MS, computeStats, LATENCY_WINDOW, META_LAST_ERROR, percentile } from '../../src/core/stats.js';
import type { RuntimeFigures } from '../../src/core/stats.js';
import { createMemoryStore } from '../../src/store/index.js';
import { writes } from '../helpers/store-writes.js';

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;

function dialog(status: DialogStatus, latencyMs: number, at = NOW - 1_000): DialogRecord {
  return { at, chatId: 'c1', question: 'q', answer: 'a', status, sources: [], latencyMs };
}

function pending(chatId: string): PendingReply {
  return { id: `p-${chatId}`, chatId, inquiryMessageId: `m-${chatId}`, inquiryCreated: 1_700_000_000, question: 'q', text: 't', status: 'FOUND', sources: [], sentIds: [], createdAt: NOW - 5_000 };
}

describe('computeStats', () => {
  it('an empty store: zeros and nulls', () => {
    const stats = computeStats(createMemoryStore(), NOW);
    expect(stats).toEqual({
      total_messages: 0,
      pending_messages: 0,
      processing_messages: 0,
      completed_messages: 0,
      failed_messages: 0,
      escalated_chats: 0,
      left_out_chats: 0,
      paused_chats: 0,
      account_pause: null,
      active_dialogs: 0,
      last_poll_time: null,
      last_error: null,
      last_error_time: null,
      answers: { found: 0, partly_answered: 0, not_found: 0, escalation: 0, non_text: 0 },
      answer_rate: null,
      latency_ms: null,
      takeovers: 0,
      uptime_seconds: null,
      webhook: null,
    });
  });

  it('shows the account pause while it holds, with its end, and none once its hours passed', async () => {
    const store = createMemoryStore();
    await store.transact((tx) => applyControl(tx, { op: 'pause-account', at: NOW - 60_000, until: NOW + 3_600_000 }));
    expect(computeStats(store, NOW).account_pause).toEqual({ since: new Date(NOW - 60_000).toISOString(), until: new Date(NOW + 3_600_000).toISOString() });
    expect(computeStats(store, NOW + 3_600_000).account_pause).toBeNull();
    await store.transact((tx) => applyControl(tx, { op: 'pause-account', at: NOW }));
    expect(computeStats(store, NOW + 1000 * 3_600_000).account_pause).toEqual({ since: new Date(NOW).toISOString(), until: null });
  });

  it('maps the counters', async () => {
    const store = createMemoryStore();
    await store.transact((tx) => {
      tx.increment('messagesSeen', 17);
      tx.increment('repliesSent', 11);
      tx.increment('engineFailures', 2);
      tx.increment('errors', 3);
      tx.increment('found', 6);
      tx.increment('partlyAnswered', 2);
      tx.increment('notFound', 4);
      tx.increment('escalations', 1);
      tx.increment('nonText', 5);
      tx.increment('takeovers', 2);
    });
    const stats = computeStats(store, NOW);
    expect(stats).toMatchObject({
      total_messages: 17,
      completed_messages: 11,
      failed_messages: 5,
      answers: { found: 6, partly_answered: 2, not_found: 4, escalation: 1, non_text: 5 },
      takeovers: 2,
    });
  });

  it('counts escalated chats, chats paused until later (not a pause that ended), and chats active within 24 h', async () => {
    const store = createMemoryStore();
    await writes(store).updateChat('escalated', (s) => {
      s.escalatedAt = NOW - 10 * 24 * HOUR;
    });
    await writes(store).updateChat('paused', (s) => {
      s.pausedUntil = NOW + HOUR;
      s.pauseReason = 'takeover';
      s.lastActivityAt = NOW - HOUR;
    });
    await writes(store).updateChat('pause-ended', (s) => {
      s.pausedUntil = NOW - 1;
      s.pauseReason = 'manual';
      s.lastActivityAt = NOW - ACTIVE_DIALOG_MS + 1;
    });
    await writes(store).updateChat('pause-ends-now', (s) => {
      s.pausedUntil = NOW;
    });
    await writes(store).updateChat('old', (s) => {
      s.lastActivityAt = NOW - ACTIVE_DIALOG_MS;
    });
    await writes(store).updateChat('older', (s) => {
      s.lastActivityAt = NOW - 2 * ACTIVE_DIALOG_MS;
    });
    const stats = computeStats(store, NOW);
    expect(stats.escalated_chats).toBe(1);
    expect(stats.paused_chats).toBe(1);
    // 'paused' (1 h ago) and 'pause-ended' (just inside 24 h); exactly 24 h ago is out.
    expect(stats.active_dialogs).toBe(2);
  });

  it('pending: open chats from the last pass plus the live queue, minus chats with a write-ahead record', async () => {
    const store = createMemoryStore();
    await rememberOpenChats(store, ['o1', 'o2', 'o3']);
    expect(JSON.parse(store.getMeta('poll.openChats')!)).toEqual(['o1', 'o2', 'o3']);
    await writes(store).putPending(pending('o2'));
    await writes(store).putPending(pending('w1'));
    expect(computeStats(store, NOW)).toMatchObject({ pending_messages: 2, processing_messages: 2 });

    const runtime: RuntimeFigures = { startedAt: NOW - 90_000, queued: 4, processing: 3 };
    expect(computeStats(store, NOW, runtime)).toMatchObject({ pending_messages: 2 + 4, processing_messages: 2 + 3 });
  });

  it('open chats written as a raw JSON array by the pass are read; a malformed list counts none', async () => {
    const store = createMemoryStore();
    await writes(store).setMeta('poll.openChats', JSON.stringify(['a', 'b', 'a']));
    // A Set: the same chat twice is one.
    expect(computeStats(store, NOW).pending_messages).toBe(2);
    await writes(store).setMeta('poll.openChats', '{not json');
    expect(computeStats(store, NOW).pending_messages).toBe(0);
    await writes(store).setMeta('poll.openChats', JSON.stringify({ a: 1 }));
    expect(computeStats(store, NOW).pending_messages).toBe(0);
    await writes(store).setMeta('poll.openChats', JSON.stringify(['a', 7, null]));
    expect(computeStats(store, NOW).pending_messages).toBe(1);
  });

  it('last_poll_time: the epoch ms in meta as ISO; null when missing or not a number', async () => {
    const store = createMemoryStore();
    expect(META_LAST_PASS).toBe('poll.lastPassAt');
    await writes(store).setMeta(META_LAST_PASS, String(NOW - 60_000));
    expect(computeStats(store, NOW).last_poll_time).toBe(new Date(NOW - 60_000).toISOString());
    expect(computeStats(store, NOW).last_poll_time).toBe('2023-11-14T22:12:20.000Z');
    await writes(store).setMeta(META_LAST_PASS, 'garbage');
    expect(computeStats(store, NOW).last_poll_time).toBeNull();
    await writes(store).setMeta(META_LAST_PASS, '0');
    expect(computeStats(store, NOW).last_poll_time).toBeNull();
  });

  it('last_error and last_error_time from daemon.lastError; null when malformed', async () => {
    const store = createMemoryStore();
    expect(META_LAST_ERROR).toBe('daemon.lastError');
    await writes(store).setMeta(META_LAST_ERROR, JSON.stringify({ at: NOW - 5_000, message: 'Avito 503' }));
    expect(computeStats(store, NOW)).toMatchObject({ last_error: 'Avito 503', last_error_time: new Date(NOW - 5_000).toISOString() });
    for (const raw of ['{broken', JSON.stringify({ at: 'yesterday', message: 'x' }), JSON.stringify({ at: NOW }), JSON.stringify({ message: 'x' }), 'null', '42']) {
      await writes(store).setMeta(META_LAST_ERROR, raw);
      expect(computeStats(store, NOW), raw).toMatchObject({ last_error: null, last_error_time: null });
    }
  });

  it('answer_rate: shares of the dialogs, an engine failure counting as not found', async () => {
    const store = createMemoryStore();
    const statuses: DialogStatus[] = ['FOUND', 'FOUND', 'FOUND', 'NOT_FOUND', 'ENGINE_FAILED', 'ESCALATION', 'NON_TEXT', 'FOUND'];
    for (const [i, status] of statuses.entries()) await writes(store).appendDialog(dialog(status, 100 * (i + 1)));
    expect(computeStats(store, NOW).answer_rate).toEqual({ found: 0.5, found_partly: 0, not_found: 0.25, escalation: 0.125 });
  });

  it('answer_rate leaves out small talk: thanks and greetings asked nothing', async () => {
    const store = createMemoryStore();
    for (const status of ['FOUND', 'SMALL_TALK', 'SMALL_TALK', 'NOT_FOUND'] as const) await writes(store).appendDialog(dialog(status, 10));
    expect(computeStats(store, NOW).answer_rate).toEqual({ found: 0.5, found_partly: 0, not_found: 0.5, escalation: 0 });
    const quiet = createMemoryStore();
    await writes(quiet).appendDialog(dialog('SMALL_TALK', 0));
    expect(computeStats(quiet, NOW)).toMatchObject({ answer_rate: null, latency_ms: null });
  });

  it('answer_rate shares are rounded to three decimals', async () => {
    const store = createMemoryStore();
    for (const status of ['FOUND', 'NOT_FOUND', 'ESCALATION'] as const) await writes(store).appendDialog(dialog(status, 10));
    expect(computeStats(store, NOW).answer_rate).toEqual({ found: 0.333, found_partly: 0, not_found: 0.333, escalation: 0.333 });
  });

  it('answer_rate: an answer that left a question to the seller is found, and counted apart as found in part', async () => {
    const store = createMemoryStore();
    const partly: DialogRecord = { ...dialog('FOUND', 10), leftOut: ['а зёрна положите?'] };
    for (const record of [partly, dialog('FOUND', 10), dialog('NOT_FOUND', 10), dialog('SMALL_TALK', 0)]) await writes(store).appendDialog(record);
    expect(computeStats(store, NOW).answer_rate).toEqual({ found: 0.667, found_partly: 0.333, not_found: 0.333, escalation: 0 });
  });

  it('left_out_chats: a chat whose newest answer left a question out, until the seller writes there or a full answer follows', async () => {
    const store = createMemoryStore();
    const at = NOW - 60_000;
    await store.transact((tx) => {
      for (const chatId of ['partly', 'written', 'later']) tx.updateChat(chatId, (state) => void (state.lastActivityAt = at));
      tx.updateChat('written', (state) => void (state.lastActivityAt = at + 1_000));
    });
    for (const chatId of ['partly', 'written', 'later']) await writes(store).appendDialog({ ...dialog('FOUND', 10, at), chatId, leftOut: ['а зёрна?'] });
    await writes(store).appendDialog({ ...dialog('FOUND', 10, at), chatId: 'later' });
    expect(computeStats(store, NOW).left_out_chats).toBe(1);
  });

  it('latency_ms: median and p95 by nearest rank, whatever order the dialogs came in', async () => {
    const store = createMemoryStore();
    // 20 dialogs, latencies 1..20 s in shuffled order: median = 10th = 10 s, p95 = 19th = 19 s.
    const latencies = [7, 20, 1, 13, 4, 18, 10, 2, 15, 9, 11, 19, 3, 16, 5, 12, 17, 6, 14, 8].map((s) => s * 1_000);
    for (const latency of latencies) await writes(store).appendDialog(dialog('FOUND', latency));
    expect(computeStats(store, NOW).latency_ms).toEqual({ median: 10_000, p95: 19_000 });
  });

  it('one dialog is its own median and p95', async () => {
    const store = createMemoryStore();
    await writes(store).appendDialog(dialog('NOT_FOUND', 1234));
    expect(computeStats(store, NOW)).toMatchObject({ latency_ms: { median: 1234, p95: 1234 }, answer_rate: { found: 0, not_found: 1, escalation: 0 } });
  });

  it('the figures are taken over the newest LATENCY_WINDOW dialogs', async () => {
    const store = createMemoryStore({ dialogLimit: LATENCY_WINDOW + 50 });
    // 50 old slow escalations, then LATENCY_WINDOW fast answers.
    for (let i = 0; i < 50; i++) await writes(store).appendDialog(dialog('ESCALATION', 999_999));
    for (let i = 0; i < LATENCY_WINDOW; i++) await writes(store).appendDialog(dialog('FOUND', 500));
    expect(computeStats(store, NOW)).toMatchObject({ answer_rate: { found: 1, not_found: 0, escalation: 0 }, latency_ms: { median: 500, p95: 500 } });
  });

  it('uptime and webhook figures only with a runtime', () => {
    const store = createMemoryStore();
    expect(computeStats(store, NOW)).toMatchObject({ uptime_seconds: null, webhook: null });
    const webhook = { received: 10, duplicates: 2, ignored: 3, rejected: 1 };
    expect(computeStats(store, NOW, { startedAt: NOW - 90_400, queued: 0, processing: 0, webhook })).toMatchObject({ uptime_seconds: 90, webhook });
    expect(computeStats(store, NOW, { startedAt: NOW - 90_600, queued: 0, processing: 0 })).toMatchObject({ uptime_seconds: 91, webhook: null });
    // A clock that stepped back never shows a negative uptime.
    expect(computeStats(store, NOW, { startedAt: NOW + 10_000, queued: 0, processing: 0 }).uptime_seconds).toBe(0);
  });
});

describe('percentile', () => {
  it('nearest rank of an ascending list', () => {
    const list = [10, 20, 30, 40];
    expect(percentile(list, 0.5)).toBe(20);
    expect(percentile(list, 0.95)).toBe(40);
    expect(percentile(list, 0.25)).toBe(10);
    expect(percentile(list, 0.26)).toBe(20);
    expect(percentile(list, 0.75)).toBe(30);
    expect(percentile(list, 1)).toBe(40);
    expect(percentile(list, 0)).toBe(10);
  });

  it('an empty list is 0; one value is every percentile', () => {
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it('p95 of 1..100 is 95, of 1..20 is 19, median of 1..5 is 3', () => {
    const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(percentile(range(100), 0.95)).toBe(95);
    expect(percentile(range(20), 0.95)).toBe(19);
    expect(percentile(range(5), 0.5)).toBe(3);
  });

  it('property: an element of the list, at least p of the list at or below it, and monotone in p', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p, q) => {
        const sorted = [...values].sort((a, b) => a - b);
        const value = percentile(sorted, p);
        expect(sorted).toContain(value);
        const atOrBelow = sorted.filter((v) => v <= value).length;
        expect(atOrBelow).toBeGreaterThanOrEqual(Math.min(sorted.length, p * sorted.length - 1e-9));
        // Nearest rank: the smallest such value — one step lower holds less than p.
        const below = sorted.filter((v) => v < value).length;
        expect(below).toBeLessThan(Math.max(1, Math.ceil(p * sorted.length)));
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        expect(percentile(sorted, lo)).toBeLessThanOrEqual(percentile(sorted, hi));
      }),
      { numRuns: 200 },
    );
  });
});
