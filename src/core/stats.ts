/**
 * The monitor's figures, computed from the store (and, in `serve`, from the live queue). The field
 * names are the ones sellers' scripts know from the monitor API avito-ai replaces; `/stats`,
 * `/metrics`, the dashboard and `avito-ai stats` all read this one object.
 */
import type { DialogStatus } from './model.js';
import { META_LAST_PASS, openChatIds } from './poll.js';
import type { DialogRecord, Store } from './ports.js';
import { HOUR_MS } from './time.js';

/** `{at, message}` of the newest error a daemon met, kept in the store's meta. */
export const META_LAST_ERROR = 'daemon.lastError';

/** Dialogs the latency figures and the answer rate are taken over (the newest ones). */
export const LATENCY_WINDOW = 1000;
/** A chat with an event this recent counts as an active dialog. */
export const ACTIVE_DIALOG_MS = 24 * HOUR_MS;

/** What only a running daemon knows: its queue and its webhook traffic. */
export interface RuntimeFigures {
  /** Epoch ms. */
  startedAt: number;
  /** Buyer messages received and waiting for their chat's quiet period or a free worker. */
  queued: number;
  /** Chats being answered right now. */
  processing: number;
  /** Their ids, and the ids of the chats with queued messages (so a chat is never counted twice). */
  running?: readonly string[];
  queuedChats?: readonly string[];
  webhook?: { received: number; duplicates: number; ignored: number; rejected: number };
}

export interface MonitorStats {
  /** Buyer messages the bot has read as questions. */
  total_messages: number;
  /** Questions waiting: messages queued by webhooks, plus one per chat a pass left open (quiet hours, engine outage, a failed send); paused chats are in `paused_chats`. */
  pending_messages: number;
  /** Chats being answered now, and replies written ahead but not yet confirmed sent. */
  processing_messages: number;
  /** Replies sent (answers, fallbacks, escalation notices). */
  completed_messages: number;
  /** Engine failures and failed sends. */
  failed_messages: number;
  escalated_chats: number;
  paused_chats: number;
  /** Chats where the bot or the seller wrote in the last 24 hours. */
  active_dialogs: number;
  /** ISO time the last pass over the chats ended, or null. */
  last_poll_time: string | null;
  last_error: string | null;
  last_error_time: string | null;
  /** Counted since the store was created. */
  answers: { found: number; not_found: number; escalation: number; non_text: number };
  /** Shares of FOUND, NOT_FOUND and ESCALATION over the newest dialogs (0..1), null before any. */
  answer_rate: { found: number; not_found: number; escalation: number } | null;
  /** Time from reading a chat to the reply, over the newest dialogs; null before any. */
  latency_ms: { median: number; p95: number } | null;
  takeovers: number;
  uptime_seconds: number | null;
  webhook: RuntimeFigures['webhook'] | null;
}

/** The figures at `now` (epoch ms). */
export function computeStats(store: Store, now: number, runtime?: RuntimeFigures): MonitorStats {
  const counters = store.counters();
  let escalated = 0;
  let paused = 0;
  let active = 0;
  const pausedIds = new Set<string>();
  store.forEachChat((chat) => {
    if (chat.escalatedAt !== undefined) escalated++;
    if ((chat.pausedUntil ?? 0) > now) {
      paused++;
      pausedIds.add(chat.chatId);
    }
    if ((chat.lastActivityAt ?? 0) > now - ACTIVE_DIALOG_MS) active++;
  });
  const pending = store.listPending();
  const running = new Set(runtime?.running ?? []);
  const queued = new Set(runtime?.queuedChats ?? []);
  // Chats a pass left open wait for an answer, unless only a pause holds them (counted in paused_chats)
  // or the live queue has them already (counted by message there).
  const unsettled = new Set(pending.map((record) => record.chatId));
  const open = [...new Set(openChatIds(store))].filter((id) => !pausedIds.has(id) && !queued.has(id) && !running.has(id) && !unsettled.has(id));
  const unconfirmed = pending.filter((record) => !running.has(record.chatId)).length;
  const dialogs = store.recentDialogs(LATENCY_WINDOW);
  const lastPass = Number(store.getMeta(META_LAST_PASS)) || undefined;
  const lastError = parseLastError(store.getMeta(META_LAST_ERROR));
  return {
    total_messages: counters.messagesSeen,
    pending_messages: open.length + (runtime?.queued ?? 0),
    processing_messages: unconfirmed + (runtime?.processing ?? 0),
    completed_messages: counters.repliesSent,
    failed_messages: counters.engineFailures + counters.errors,
    escalated_chats: escalated,
    paused_chats: paused,
    active_dialogs: active,
    last_poll_time: lastPass ? new Date(lastPass).toISOString() : null,
    last_error: lastError?.message ?? null,
    last_error_time: lastError ? new Date(lastError.at).toISOString() : null,
    answers: { found: counters.found, not_found: counters.notFound, escalation: counters.escalations, non_text: counters.nonText },
    answer_rate: answerRate(dialogs),
    latency_ms: latency(dialogs),
    takeovers: counters.takeovers,
    uptime_seconds: runtime ? Math.max(0, Math.round((now - runtime.startedAt) / 1000)) : null,
    webhook: runtime?.webhook ?? null,
  };
}

function answerRate(dialogs: readonly DialogRecord[]): MonitorStats['answer_rate'] {
  if (dialogs.length === 0) return null;
  const share = (...statuses: DialogStatus[]): number =>
    Math.round((dialogs.filter((dialog) => statuses.includes(dialog.status)).length / dialogs.length) * 1000) / 1000;
  // An engine failure sends FALLBACK_TEXT: for the buyer it is a NOT_FOUND.
  return { found: share('FOUND'), not_found: share('NOT_FOUND', 'ENGINE_FAILED'), escalation: share('ESCALATION') };
}

function latency(dialogs: readonly DialogRecord[]): MonitorStats['latency_ms'] {
  // A reply finished after a restart is logged with no latency of its own: not a figure to average.
  const sorted = dialogs
    .map((dialog) => dialog.latencyMs)
    .filter((ms) => ms > 0)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}

function parseLastError(raw: string | undefined): { at: number; message: string } | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as { at?: unknown; message?: unknown };
    return typeof value.at === 'number' && typeof value.message === 'string' ? { at: value.at, message: value.message } : undefined;
  } catch {
    return undefined;
  }
}
