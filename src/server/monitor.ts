/** The monitor routes' JSON, from the store, the inbox and the health watches: snake_case names and ISO times, as in the monitor API avito-ai replaces. */
import { memoryUsage } from 'node:process';
import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CallWatch } from './call-watch.js';
import type { Inbox } from '../core/inbox.js';
import { openChatIds } from '../core/poll.js';
import type { ChatState, Store } from '../core/ports.js';
import { listWaitingChats, type WaitingChat } from '../core/waiting-chats.js';
import { computeStats, computeToday, type MonitorStats, type TodayFigures } from '../core/stats.js';
import { dashboardText } from '../messages/dashboard.js';
import type { Health, HealthProblem, Monitor } from './monitor-server.js';
import { formatMetrics } from './metrics.js';

export interface MonitorDeps {
  store: Store;
  storePath: string;
  /** With a shared store (Redis): whether it answers, instead of looking at STORE_PATH. */
  checkSharedStore?: () => Promise<void>;
  inbox?: Inbox;
  startedAt: number;
  avito: CallWatch;
  storeWrites: CallWatch;
  /** The knowledge engine's answers; its check shows once it has been asked. */
  engine?: CallWatch;
  /** The seller's Telegram notices; its check shows once one was sent (so only when Telegram is set up). */
  telegram?: CallWatch;
  /** The seller's time zone (TZ), which decides when "today" begins; the machine's when unset. */
  timeZone?: string;
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
    stats: (): MonitorStats & { today: TodayFigures } => ({ ...stats(), today: computeToday(deps.store, now(), deps.timeZone) }),
    queue: () => listQueue(deps),
    dialogs: (limit, offset) => listDialogs(deps, limit, offset),
    chats: () => listAttentionChats(deps, now()),
    metrics() {
      const memory = memoryUsage();
      return formatMetrics(stats(), { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, startTimeSeconds: Math.round(deps.startedAt / 1000) });
    },
  };
}

/** Ok while the store, Avito and the engine work; Telegram's failure is a problem for the seller (the banner) but not for answering buyers, so not a 503. */
async function readHealth(deps: MonitorDeps): Promise<Health> {
  const store = deps.checkSharedStore ? await checkShared(deps.checkSharedStore, deps.storeWrites) : await checkStore(deps.storePath, deps.storeWrites);
  const avito =
    deps.avito.ok === undefined
      ? { ok: false, error: 'no call to Avito yet (starting)', starting: true }
      : { ok: deps.avito.ok, last_call_at: iso(deps.avito.at), ...(deps.avito.error ? { error: deps.avito.error } : {}) };
  const checks: Health['checks'] = { store, avito };
  if (deps.engine?.ok !== undefined) checks.engine = describeWatch(deps.engine);
  if (deps.telegram?.ok !== undefined) checks.telegram = describeWatch(deps.telegram);
  const failing = (['store', 'avito', 'engine'] as const).find((name) => checks[name]?.ok === false);
  const reason = failing ? `${failing}: ${String(checks[failing]?.error)}` : undefined;
  return { ok: failing === undefined, ...(reason ? { reason } : {}), checks, problems: listProblems(checks) };
}

function describeWatch(watch: CallWatch): { ok: boolean } & Record<string, unknown> {
  return { ok: watch.ok !== false, last_call_at: iso(watch.at), ...(watch.ok === false && watch.error ? { error: watch.error } : {}) };
}

/** The banner's lines, in the seller's language: what is broken and what to do. Avito before its first call is starting, not broken. */
function listProblems(checks: Health['checks']): HealthProblem[] {
  const text = dashboardText();
  const known = {
    avito: [text.avitoDown, text.avitoDownAction],
    engine: [text.engineDown, text.engineDownAction],
    telegram: [text.telegramDown, text.telegramDownAction],
    store: [text.storeDown, text.storeDownAction],
  } as const;
  const problems: HealthProblem[] = [];
  for (const system of ['avito', 'engine', 'telegram', 'store'] as const) {
    const check = checks[system];
    if (!check || check.ok || check.starting) continue;
    const [title, action] = known[system];
    problems.push({
      system,
      title,
      action,
      ...(typeof check.error === 'string' ? { detail: check.error } : {}),
      ...(typeof check.last_call_at === 'string' ? { at: check.last_call_at } : {}),
    });
  }
  return problems;
}

function listQueue(deps: MonitorDeps) {
  const snapshot = deps.inbox?.snapshot() ?? { waiting: [], running: [] };
  const busy = new Set([...snapshot.running, ...snapshot.waiting.map((entry) => entry.chatId)]);
  const queue = {
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
  const listed = [...queue.waiting.map((entry) => entry.chat_id), ...queue.running, ...queue.open_chats, ...queue.unconfirmed_replies.map((entry) => entry.chat_id)];
  // Who and what each listed chat is about, so the page names buyers, not chat ids; absent when nothing is listed.
  return listed.length === 0 ? queue : { ...queue, chat_names: Object.fromEntries(listed.map((chatId) => [chatId, nameChat(deps.store.getChat(chatId))])) };
}

/** The buyer's name and the listing's title, where Avito gave them. */
function nameChat(chat: Readonly<ChatState> | undefined): { buyer_name: string | null; item_title: string | null } {
  return { buyer_name: chat?.buyerName ?? null, item_title: chat?.listing?.title ?? null };
}

function listDialogs(deps: MonitorDeps, limit: number, offset: number) {
  return {
    limit,
    offset,
    dialogs: deps.store.recentDialogs(limit, offset).map((dialog) => ({
      at: iso(dialog.at),
      chat_id: dialog.chatId,
      item_id: dialog.itemId ?? null,
      ...nameChat(deps.store.getChat(dialog.chatId)),
      question: dialog.question,
      answer: dialog.answer,
      status: dialog.status,
      sources: dialog.sources,
      latency_ms: dialog.latencyMs,
      engine: dialog.engine ?? null,
      strategy: dialog.strategy ?? null,
      ...(dialog.model ? { model: dialog.model } : {}),
      ...(dialog.refusal ? { refusal: dialog.refusal } : {}),
      ...(dialog.leftOut?.length ? { left_out: dialog.leftOut } : {}),
      chat_url: deps.chatUrl(dialog.chatId),
    })),
  };
}

/**
 * The chats waiting for the seller (core/waiting-chats.ts): escalated (newest first), answered in part (newest answer
 * first) and paused (soonest to resume first).
 */
function listAttentionChats(deps: MonitorDeps, at: number) {
  const waiting = listWaitingChats(deps.store, at);
  const base = ({ state: chat }: WaitingChat) => ({
    chat_id: chat.chatId,
    item_id: chat.listing?.id ?? null,
    ...nameChat(chat),
    last_activity: iso(chat.lastActivityAt),
    chat_url: deps.chatUrl(chat.chatId),
  });
  const of = (wait: WaitingChat['wait']) => waiting.filter((chat) => chat.wait === wait);
  return {
    escalated: of('escalated')
      .sort((a, b) => (b.state.escalatedAt ?? 0) - (a.state.escalatedAt ?? 0))
      .map((chat) => ({ ...base(chat), escalated_at: iso(chat.state.escalatedAt), last_question: chat.lastQuestion ?? null })),
    left_out: of('left_out')
      .sort((a, b) => (b.partly?.at ?? 0) - (a.partly?.at ?? 0))
      .map((chat) => ({ ...base(chat), answered_at: iso(chat.partly?.at), last_question: chat.partly?.question ?? null, left_out: chat.partly?.leftOut ?? [], bot_answered: chat.partly?.answered ?? true })),
    paused: of('paused')
      .sort((a, b) => (a.state.pausedUntil ?? 0) - (b.state.pausedUntil ?? 0))
      .map((chat) => ({ ...base(chat), paused_until: iso(chat.state.pausedUntil), reason: chat.state.pauseReason ?? 'manual' })),
  };
}

/** Writable: the last write went through, and the file and its folder still accept writes. */
/** A shared store (Redis) has no file to look at: it answers, and the last write went through. */
async function checkShared(ping: () => Promise<void>, writes: CallWatch): Promise<{ ok: boolean; error?: string }> {
  if (writes.ok === false) return { ok: false, error: `the last write failed: ${writes.error ?? 'unknown error'}` };
  return ping().then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
}

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
