/** Field names are those sellers' scripts know from the monitor API avito-ai replaces; `/stats`, `/metrics`, the dashboard and `stats` read this object. */
import { readAccountPause } from './account-pause.js';
import type { DialogStatus } from './model.js';
import { META_LAST_PASS, openChatIds } from './poll.js';
import type { CounterName, DialogRecord, Store, StoreTransaction } from './ports.js';
import { HOUR_MS } from './time.js';
import { countWaitingChats } from './waiting-chats.js';

export const META_LAST_ERROR = 'daemon.lastError';

export const LATENCY_WINDOW = 1000;
export const ACTIVE_DIALOG_MS = 24 * HOUR_MS;

export interface RuntimeFigures {
  startedAt: number;
  queued: number;
  processing: number;
  /** Ids of the chats being answered and of those queued, so a chat is never counted twice. */
  running?: readonly string[];
  queuedChats?: readonly string[];
  webhook?: { received: number; duplicates: number; ignored: number; rejected: number };
}

export interface MonitorStats {
  /** Buyer messages the bot has read as questions. */
  total_messages: number;
  /** Messages queued by webhooks, plus one per chat a pass left open (quiet hours, engine outage, failed send); not paused chats. */
  pending_messages: number;
  /** Chats being answered now, and replies written ahead but not yet confirmed sent. */
  processing_messages: number;
  /** Replies sent (answers, fallbacks, escalation notices). */
  completed_messages: number;
  /** Engine failures, failed sends, and passes or chats that failed on an error (Avito unreachable). */
  failed_messages: number;
  escalated_chats: number;
  /** Chats whose newest answer left some of the buyer's questions to the seller, and the seller has not written since. */
  left_out_chats: number;
  paused_chats: number;
  /** The seller's `pause --all` in force (ISO times; `until` null: until `resume --all`), null when the bot may answer. */
  account_pause: { since: string; until: string | null } | null;
  /** Chats where the bot or the seller wrote in the last 24 hours. */
  active_dialogs: number;
  last_poll_time: string | null;
  last_error: string | null;
  last_error_time: string | null;
  /** Counted since the store was created. */
  /** `partly_answered`: FOUND answers that left some of the buyer's questions to the seller (counted in `found` too). */
  answers: { found: number; partly_answered: number; not_found: number; escalation: number; non_text: number };
  /**
   * Shares of FOUND, NOT_FOUND and ESCALATION over the newest dialogs but small talk (0..1), null before any;
   * `found_partly` is the share of them answered only in part (a part of `found`).
   */
  answer_rate: { found: number; found_partly: number; not_found: number; escalation: number } | null;
  /** From reading a chat to the reply, over the newest dialogs; null before any. */
  latency_ms: { median: number; p95: number } | null;
  takeovers: number;
  uptime_seconds: number | null;
  webhook: RuntimeFigures['webhook'] | null;
}

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
  // Open chats wait for an answer unless a pause holds them (paused_chats) or the live queue counts them by message.
  const unsettled = new Set(pending.map((record) => record.chatId));
  const open = [...new Set(openChatIds(store))].filter((id) => !pausedIds.has(id) && !queued.has(id) && !running.has(id) && !unsettled.has(id));
  const unconfirmed = pending.filter((record) => !running.has(record.chatId)).length;
  const dialogs = store.recentDialogs(LATENCY_WINDOW);
  const lastPass = Number(store.getMeta(META_LAST_PASS)) || undefined;
  const lastError = parseLastError(store.getMeta(META_LAST_ERROR));
  const accountPause = readAccountPause(store, now);
  return {
    total_messages: counters.messagesSeen,
    pending_messages: open.length + (runtime?.queued ?? 0),
    processing_messages: unconfirmed + (runtime?.processing ?? 0),
    completed_messages: counters.repliesSent,
    failed_messages: counters.engineFailures + counters.errors,
    escalated_chats: escalated,
    left_out_chats: countWaitingChats(store, now, dialogs).left_out,
    paused_chats: paused,
    account_pause: accountPause ? { since: new Date(accountPause.since).toISOString(), until: accountPause.until === undefined ? null : new Date(accountPause.until).toISOString() } : null,
    active_dialogs: active,
    last_poll_time: lastPass ? new Date(lastPass).toISOString() : null,
    last_error: lastError?.message ?? null,
    last_error_time: lastError ? new Date(lastError.at).toISOString() : null,
    answers: { found: counters.found, partly_answered: counters.partlyAnswered, not_found: counters.notFound, escalation: counters.escalations, non_text: counters.nonText },
    answer_rate: answerRate(dialogs),
    latency_ms: latency(dialogs),
    takeovers: counters.takeovers,
    uptime_seconds: runtime ? Math.max(0, Math.round((now - runtime.startedAt) / 1000)) : null,
    webhook: runtime?.webhook ?? null,
  };
}

function answerRate(all: readonly DialogRecord[]): MonitorStats['answer_rate'] {
  // Thanks and greetings asked nothing: they would only dilute how often questions are answered.
  const dialogs = all.filter((dialog) => dialog.status !== 'SMALL_TALK');
  if (dialogs.length === 0) return null;
  const share = (counts: (dialog: DialogRecord) => boolean): number => Math.round((dialogs.filter(counts).length / dialogs.length) * 1000) / 1000;
  const of = (...statuses: DialogStatus[]) => (dialog: DialogRecord): boolean => statuses.includes(dialog.status);
  return {
    found: share(of('FOUND')),
    found_partly: share((dialog) => dialog.status === 'FOUND' && (dialog.leftOut?.length ?? 0) > 0),
    // An engine failure sends FALLBACK_TEXT: for the buyer it is a NOT_FOUND.
    not_found: share(of('NOT_FOUND', 'ENGINE_FAILED')),
    escalation: share(of('ESCALATION')),
  };
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

/** The counters as they stood when the seller's day began: `{ day: "YYYY-MM-DD", counters }`. */
export const META_DAY_START = 'stats.dayStart';

/** The seller's day so far: replies sent, answers from documents, "not in the documents", escalations, failures. */
export interface TodayFigures {
  /** The seller's date, `YYYY-MM-DD`. */
  date: string;
  answered: number;
  found: number;
  /** Answers that left some of the buyer's questions to the seller (a part of `found`). */
  partly_answered: number;
  not_found: number;
  escalations: number;
  errors: number;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The date at `now` in `timeZone` (the machine's when unset), as `YYYY-MM-DD`. */
export function formatLocalDay(now: number, timeZone: string | undefined): string {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) });
    dayFormats.set(key, format);
  }
  return format.format(now);
}

/**
 * Wraps `store` so the first transaction of each of the seller's days first notes the counters as they stand: counters change only in transactions, so
 * today's figures are the counters less that note, exactly, with no per-day section in the store (old files stay readable).
 */
export function trackDayStart(store: Store, now: () => number, timeZone: string | undefined): Store {
  let noted: string | undefined;
  const transact = async (apply: (tx: StoreTransaction) => void): Promise<void> => {
    const day = formatLocalDay(now(), timeZone);
    if (day === noted) return store.transact(apply);
    await store.transact((tx) => {
      if (readDayStart(store)?.day !== day) tx.setMeta(META_DAY_START, JSON.stringify({ day, counters: store.counters() }));
      apply(tx);
    });
    noted = day;
  };
  // Bound once each: the store's reads run thousands of times a pass.
  const bound = new Map<PropertyKey, unknown>([['transact', transact]]);
  return new Proxy(store, {
    get(target, property) {
      const known = bound.get(property);
      if (known !== undefined) return known;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      bound.set(property, method);
      return method;
    },
  });
}

/** Today's figures; zero when no transaction has run today (the note is older, so nothing has been counted since midnight). */
export function computeToday(store: Store, now: number, timeZone: string | undefined): TodayFigures {
  const date = formatLocalDay(now, timeZone);
  const start = readDayStart(store);
  const counters = store.counters();
  const since = (...names: CounterName[]): number =>
    start?.day === date ? names.reduce((sum, name) => sum + Math.max(0, counters[name] - (start.counters[name] ?? 0)), 0) : 0;
  return {
    date,
    answered: since('repliesSent'),
    found: since('found'),
    partly_answered: since('partlyAnswered'),
    not_found: since('notFound'),
    escalations: since('escalations'),
    errors: since('engineFailures', 'errors'),
  };
}

function readDayStart(store: Store): { day: string; counters: Partial<Record<CounterName, number>> } | undefined {
  const raw = store.getMeta(META_DAY_START);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as { day?: unknown; counters?: unknown };
    return typeof value.day === 'string' && typeof value.counters === 'object' && value.counters !== null
      ? { day: value.day, counters: value.counters as Partial<Record<CounterName, number>> }
      : undefined;
  } catch {
    return undefined;
  }
}
