/** A pass looks at the chats changed since the previous one, and at those it left open (engine failures, quiet hours, a pause that may have ended). */
import { abortableSleep, runBounded } from './async.js';
import { describeError } from '../errors.js';
import { readAccountPause } from './account-pause.js';
import { readAnotherResponder } from './another-responder.js';
import { isFatalForAccount, isFatalForChat } from './failures.js';
import { isWithinActiveHours, type ResponderSettings } from './inquiry.js';
import type { ChatSummary } from './model.js';
import type { Clock, Messenger, Notifier, Store, StoreTransaction } from './ports.js';
import type { ChatOutcome, Responder } from './responder.js';

const META_UPDATED_SINCE = 'poll.updatedSince';
const META_OPEN_CHATS = 'poll.openChats';
export const META_LAST_PASS = 'poll.lastPassAt';

export interface PassSummary {
  chats: number;
  handled: number;
  answered: number;
  escalated: number;
  paused: number;
  held: number;
  deferred: number;
  errors: number;
  durationMs: number;
}

export interface PollDeps {
  messenger: Messenger;
  store: Store;
  responder: Responder;
  clock: Clock;
  concurrency: number;
  dryRun?: boolean;
  signal?: AbortSignal;
  onOutcome?: (outcome: ChatOutcome) => void;
  onChatError?: (chatId: string, error: unknown) => void;
  activeHours?: Pick<ResponderSettings, 'activeHours' | 'timeZone'>;
  notifier?: Notifier;
  /** A chat the webhook queue answers right now: left open, not handled. */
  isBusy?: (chatId: string) => boolean;
  /** Runs first in every pass: the daemon applies the seller's queued pause/resume requests here. */
  beforePass?: () => Promise<void>;
  /** With several processes: the pass hands each chat to the shared queue, where any of them looks at it. */
  handOff?: HandOff;
}

export interface HandOff {
  /** Queues a look at the chat (with its listing, so the look need not ask Avito for it); one already queued is not queued again. */
  dispatch(chatId: string, summary?: ChatSummary): Promise<void>;
  /** Chats whose handed-off look ended open (engine failure, failed send): the next pass hands them out again. */
  openChats(): Promise<string[]>;
}

interface Pass {
  deps: PollDeps;
  summary: PassSummary;
  stillOpen: Set<string>;
  quiet: boolean;
  /** Chats looked at again after a reply, with the reply's time: the look done, the mark goes. */
  rechecked: Map<string, number>;
  fatal?: unknown;
}

/** Runs one pass. Throws only for what must stop the daemon (bad credentials, tariff) or a failed chat listing. */
export async function runPollPass(deps: PollDeps): Promise<PassSummary> {
  const { store, clock } = deps;
  const started = clock.now();
  await deps.beforePass?.();
  const since = Number(store.getMeta(META_UPDATED_SINCE) ?? 0) || undefined;
  const chats = await deps.messenger.listChats(since ? { updatedSince: since } : {});
  const candidates = collectCandidates(store, since ? chats.filter((chat) => chat.updated >= since) : chats);
  for (const id of (await deps.handOff?.openChats()) ?? []) if (!candidates.has(id)) candidates.set(id, undefined);
  const pass: Pass = {
    deps,
    summary: { chats: chats.length, handled: 0, answered: 0, escalated: 0, paused: 0, held: 0, deferred: 0, errors: 0, durationMs: 0 },
    stillOpen: new Set(),
    rechecked: new Map(),
    // Holding for another responder or for the seller's pause --all is quiet everywhere: nothing may go out, so nothing is fetched (or marked read).
    quiet:
      (deps.activeHours !== undefined && !isWithinActiveHours(clock.now(), deps.activeHours.activeHours, deps.activeHours.timeZone)) ||
      readAnotherResponder(store) !== undefined ||
      readAccountPause(store, clock.now()) !== undefined,
  };
  await runBounded([...candidates], deps.concurrency, ([chatId, chat]) => lookAtChat(pass, chatId, chat));
  if (pass.fatal) throw pass.fatal;

  if (!deps.dryRun) {
    const newest = chats.reduce((max, chat) => Math.max(max, chat.updated), since ?? 0);
    if (deps.signal?.aborted) for (const [id] of candidates) pass.stillOpen.add(id);
    // A shared store takes a chat's write only from the holder of its lock; a store of one process takes them all at once.
    if (store.shared) for (const [chatId, since] of pass.rechecked) await deps.responder.exclusive(chatId, () => store.transact((tx) => clearRecheck(store, tx, chatId, since)));
    await store.transact((tx) => {
      if (!store.shared) for (const [chatId, since] of pass.rechecked) clearRecheck(store, tx, chatId, since);
      if (newest > 0) tx.setMeta(META_UPDATED_SINCE, String(newest));
      tx.setMeta(META_OPEN_CHATS, JSON.stringify([...pass.stillOpen]));
      tx.setMeta(META_LAST_PASS, String(clock.now()));
    });
  }
  pass.summary.durationMs = clock.now() - started;
  return pass.summary;
}

/** The look the mark asked for is done (unless a newer reply set it again). */
function clearRecheck(store: Store, tx: StoreTransaction, chatId: string, since: number): void {
  if (store.getChat(chatId)?.recheckAfter === since) tx.updateChat(chatId, (s) => void delete s.recheckAfter);
}

function collectCandidates(store: Store, changed: readonly ChatSummary[]): Map<string, ChatSummary | undefined> {
  const candidates = new Map<string, ChatSummary | undefined>();
  for (const chat of changed) if (needsAttention(chat, store)) candidates.set(chat.id, chat);
  for (const id of openChatIds(store)) if (!candidates.has(id)) candidates.set(id, undefined);
  for (const pending of store.listPending()) if (!candidates.has(pending.chatId)) candidates.set(pending.chatId, undefined);
  store.forEachChat((state) => {
    if (state.recheckAfter !== undefined && !candidates.has(state.chatId)) candidates.set(state.chatId, undefined);
  });
  return candidates;
}

async function lookAtChat(pass: Pass, chatId: string, chat: ChatSummary | undefined): Promise<void> {
  const { deps, summary, stillOpen } = pass;
  const { store } = deps;
  if (deps.signal?.aborted || pass.fatal) return;
  const pending = store.getPending(chatId) !== undefined;
  // The webhook queue waits out the buyer's burst there; answering now would answer its first line.
  const busy = deps.isBusy?.(chatId) ?? false;
  // Quiet hours: no reply may go out, so no call to Avito either. A pause: nothing to do until it ends.
  const quiet = !busy && pass.quiet && !pending;
  const paused = !busy && !quiet && !pending && (store.getChat(chatId)?.pausedUntil ?? 0) > deps.clock.now();
  if (busy || quiet || paused) {
    stillOpen.add(chatId);
    if (quiet) summary.held++;
    if (paused) summary.paused++;
    return;
  }
  // The account is the buyer here (someone else's listing): nothing to answer, nothing to fetch.
  if (chat?.listing?.ownerId !== undefined && chat.listing.ownerId !== (await deps.messenger.getUserId())) return;
  const recheck = store.getChat(chatId)?.recheckAfter;
  if (deps.handOff && !deps.dryRun) return handOffChat(pass, deps.handOff, chatId, chat, recheck);
  try {
    const outcome = await deps.responder.handleChat(chatId, {
      ...(chat ? { summary: chat } : {}),
      dryRun: deps.dryRun ?? false,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    summary.handled++;
    if (recheck !== undefined) pass.rechecked.set(chatId, recheck);
    tally(summary, outcome);
    if (isOpen(outcome)) stillOpen.add(chatId);
    deps.onOutcome?.(outcome);
  } catch (error) {
    // A 403 on one chat is that chat's problem: an account without scope or tariff already fails at the chat listing.
    if (isFatalForChat(error)) {
      pass.fatal = error;
      return;
    }
    summary.errors++;
    stillOpen.add(chatId);
    deps.onChatError?.(chatId, error);
  }
}

/**
 * Queues the look; then the mark that asked for it can go: under the chat's lock, as another process may be writing the chat. In this order, a
 * process that dies in between leaves the mark for the next pass (one look too many), never a mark gone with no look queued.
 */
async function handOffChat(pass: Pass, handOff: HandOff, chatId: string, chat: ChatSummary | undefined, recheck: number | undefined): Promise<void> {
  const { store, responder } = pass.deps;
  try {
    await handOff.dispatch(chatId, chat);
    if (recheck !== undefined) {
      await responder.exclusive(chatId, () => store.transact((tx) => clearRecheck(store, tx, chatId, recheck)));
    }
    pass.summary.handled++;
  } catch (error) {
    pass.summary.errors++;
    pass.stillOpen.add(chatId);
    pass.deps.onChatError?.(chatId, error);
  }
}

export interface PollLoopOptions extends PollDeps {
  intervalMs: number;
  signal: AbortSignal;
  onPass?: (summary: PassSummary) => void;
  onPassError?: (error: unknown) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** With several processes only one runs passes: false skips this one, and the next try comes after `turnRetryMs`. */
  takeTurn?: () => Promise<boolean>;
  turnRetryMs?: number;
}

/** Failed passes in a row after which the seller hears of it: one is a blip, several an outage. */
export const FAILED_PASSES_NOTICE = 3;

/** Passes until the signal aborts; an Avito outage never ends it, bad credentials do (rethrown). */
export async function runPollLoop(options: PollLoopOptions): Promise<void> {
  const sleep = options.sleep ?? abortableSleep;
  let failedPasses = 0;
  while (!options.signal.aborted) {
    if (options.takeTurn && !(await options.takeTurn().catch(() => false))) {
      await sleep(options.turnRetryMs ?? 2000, options.signal);
      continue;
    }
    try {
      // Not `onPass?.(await ...)`: an optional call skips evaluating its arguments.
      const summary = await runPollPass(options);
      failedPasses = 0;
      options.onPass?.(summary);
    } catch (error) {
      if (isFatalForAccount(error)) throw error;
      failedPasses += 1;
      options.onPassError?.(error);
      if (failedPasses === FAILED_PASSES_NOTICE) {
        options.notifier?.notify({ kind: 'error', code: 'passes-failing', message: describeError(error), details: { count: failedPasses } });
      }
    }
    if (options.signal.aborted) break;
    await sleep(options.intervalMs, options.signal);
  }
}

function needsAttention(chat: ChatSummary, store: Store): boolean {
  const last = chat.lastMessage;
  if (!last) return false;
  if (store.isProcessed(last.id)) return false;
  const state = store.getChat(chat.id);
  return !state?.botMessageIds.includes(last.id);
}

/** A look that ended with its question still to answer: the next pass looks at the chat again. */
export function isOpen(outcome: ChatOutcome): boolean {
  return (
    outcome.action === 'held' ||
    outcome.action === 'deferred' ||
    outcome.action === 'failed' ||
    (outcome.action === 'skipped' && outcome.reason === 'paused')
  );
}

function tally(summary: PassSummary, outcome: ChatOutcome): void {
  switch (outcome.action) {
    case 'answered':
    case 'would-answer':
      if (outcome.status === 'ESCALATION') summary.escalated++;
      else summary.answered++;
      break;
    case 'held':
      summary.held++;
      break;
    case 'deferred':
      summary.deferred++;
      break;
    case 'failed':
      summary.errors++;
      break;
    case 'skipped':
      if (outcome.reason === 'paused') summary.paused++;
      break;
  }
}

export async function rememberOpenChats(store: Store, chatIds: readonly string[]): Promise<void> {
  const merged = new Set([...openChatIds(store), ...chatIds]);
  await store.transact((tx) => tx.setMeta(META_OPEN_CHATS, JSON.stringify([...merged])));
}

export function openChatIds(store: Pick<Store, 'getMeta'>): string[] {
  const raw = store.getMeta(META_OPEN_CHATS);
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
