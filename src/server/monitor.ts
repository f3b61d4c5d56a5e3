/** The monitor routes' JSON, from the store, the inbox and the health watches: snake_case names and ISO times, as in the monitor API avito-ai replaces. */
import { memoryUsage } from 'node:process';
import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CallWatch } from './call-watch.js';
import type { Inbox } from '../core/inbox.js';
import { openChatIds } from '../core/poll.js';
import type { ChatState, Store } from '../core/ports.js';
import { computeStats, type MonitorStats } from '../core/stats.js';
import type { Health, Monitor } from './monitor-server.js';
import { formatMetrics } from './metrics.js';

export interface MonitorDeps {
  store: Store;
  storePath: string;
  inbox?: Inbox;
  startedAt: number;
  avito: CallWatch;
  storeWrites: CallWatch;
  /** Where the seller opens a chat (in Avito's messenger). */
  chatUrl(chatId: string): string;
  now?: () => number;
}

const iso = (ms: number | undefined): string | null => (ms ? new Date(ms).toISOString() : null);

export function createMonitor(deps: MonitorDeps): Monitor {
  const now = deps.now ?? Date.now;
  const stats = (): MonitorStats => computeStats(deps.store, now(), deps.inbox?.figures(deps.startedAt) ?? { startedAt: deps.startedAt, queued: 0, processing: 0 });
  return {
    health: () => readHealth(deps),
    stats,
    queue: () => listQueue(deps),
    dialogs: (limit, offset) => listDialogs(deps, limit, offset),
    chats: () => listAttentionChats(deps, now()),
    metrics() {
      const memory = memoryUsage();
      return formatMetrics(stats(), { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, startTimeSeconds: Math.round(deps.startedAt / 1000) });
    },
  };
}

async function readHealth(deps: MonitorDeps): Promise<Health> {
  const store = await checkStore(deps.storePath, deps.storeWrites);
  const avito =
    deps.avito.ok === undefined
      ? { ok: false, error: 'no call to Avito yet (starting)' }
      : { ok: deps.avito.ok, last_call_at: iso(deps.avito.at), ...(deps.avito.error ? { error: deps.avito.error } : {}) };
  const reason = !store.ok ? `store: ${store.error}` : !avito.ok ? `avito: ${avito.error}` : undefined;
  return { ok: store.ok && avito.ok, ...(reason ? { reason } : {}), checks: { store, avito } };
}

function listQueue(deps: MonitorDeps) {
  const snapshot = deps.inbox?.snapshot() ?? { waiting: [], running: [] };
  const busy = new Set([...snapshot.running, ...snapshot.waiting.map((entry) => entry.chatId)]);
  return {
    waiting: snapshot.waiting.map((entry) => ({
      chat_id: entry.chatId,
      messages: entry.messageIds.length,
      first_at: iso(entry.firstAt),
      due_at: iso(entry.dueAt),
      retries: entry.retries,
    })),
    running: snapshot.running,
    open_chats: openChatIds(deps.store).filter((id) => !busy.has(id)),
    unconfirmed_replies: deps.store.listPending().map((record) => ({ chat_id: record.chatId, question: record.question, since: iso(record.createdAt) })),
  };
}

function listDialogs(deps: MonitorDeps, limit: number, offset: number) {
  return {
    limit,
    offset,
    dialogs: deps.store.recentDialogs(limit, offset).map((dialog) => ({
      at: iso(dialog.at),
      chat_id: dialog.chatId,
      item_id: dialog.itemId ?? null,
      question: dialog.question,
      answer: dialog.answer,
      status: dialog.status,
      sources: dialog.sources,
      latency_ms: dialog.latencyMs,
      engine: dialog.engine ?? null,
      strategy: dialog.strategy ?? null,
      ...(dialog.model ? { model: dialog.model } : {}),
      ...(dialog.refusal ? { refusal: dialog.refusal } : {}),
      chat_url: deps.chatUrl(dialog.chatId),
    })),
  };
}

/** The chats waiting for the seller: escalated (newest first) and paused (soonest to resume first). */
function listAttentionChats(deps: MonitorDeps, at: number) {
  // Copies of the few chats shown only: a copy of every chat would hold the event loop.
  const chats: ChatState[] = [];
  deps.store.forEachChat((chat) => {
    if (chat.escalatedAt !== undefined || (chat.pausedUntil ?? 0) > at) chats.push(structuredClone(chat));
  });
  const base = (chat: ChatState) => ({
    chat_id: chat.chatId,
    item_id: chat.listing?.id ?? null,
    item_title: chat.listing?.title ?? null,
    last_activity: iso(chat.lastActivityAt),
    chat_url: deps.chatUrl(chat.chatId),
  });
  return {
    escalated: chats
      .filter((chat) => chat.escalatedAt !== undefined)
      .sort((a, b) => (b.escalatedAt ?? 0) - (a.escalatedAt ?? 0))
      .map((chat) => ({ ...base(chat), escalated_at: iso(chat.escalatedAt) })),
    paused: chats
      .filter((chat) => (chat.pausedUntil ?? 0) > at && chat.escalatedAt === undefined)
      .sort((a, b) => (a.pausedUntil ?? 0) - (b.pausedUntil ?? 0))
      .map((chat) => ({ ...base(chat), paused_until: iso(chat.pausedUntil), reason: chat.pauseReason ?? 'manual' })),
  };
}

/** Writable: the last write went through, and the file and its folder still accept writes. */
async function checkStore(path: string, writes: CallWatch): Promise<{ ok: boolean; error?: string }> {
  if (writes.ok === false) return { ok: false, error: `the last write failed: ${writes.error ?? 'unknown error'}` };
  for (const target of [path, dirname(path)]) {
    try {
      await access(target, constants.W_OK);
    } catch (error) {
      return { ok: false, error: `${target} is not writable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  }
  return { ok: true };
}
