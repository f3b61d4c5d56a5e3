/** At most one reply per inquiry: with a write-ahead record, a crash between "decided" and "sent" is reconciled on the next look, not answered twice. */
import { describeError } from '../errors.js';
import { composeReply, listLeftOut, listUnknownWords } from './answer.js';
import {
  decideChat,
  isSameText,
  markAnotherResponder,
  planAfterEngineFailure,
  type ChatDecision,
  type HoldReason,
  type Learned,
  type ReplyPlan,
  type SkipReason,
  type Verdict,
} from './decide.js';
import type { EscalationMatcher } from './escalation.js';
import { readAccountPause } from './account-pause.js';
import { META_ANOTHER_RESPONDER, readAnotherResponder } from './another-responder.js';
import { isFatalForAccount, mayHaveLanded } from './failures.js';
import { analyzeChat, buildContext, countAccountReplies, isTariffStub, type ResponderSettings } from './inquiry.js';
import type { ChatMessage, ChatSummary, DialogStatus, Listing } from './model.js';
import { DEFAULT_SEND_SETTLE_MS, reconcilePending } from './pending-reply.js';
import type { ChatLock, Clock, KnowledgeAnswer, KnowledgeEngine, Messenger, Notifier, PendingReply, Store, StoreTransaction } from './ports.js';
import {
  recordCompletion,
  recordEngineFailure,
  recordFailedSend,
  recordInquiryClosed,
  recordLearned,
  recordSeen,
} from './reply-records.js';
import { sendParts } from './seller-reply.js';
import { splitText } from './split-text.js';
import { HOUR_MS } from './time.js';

export type { HoldReason, SkipReason } from './decide.js';

export interface ResponderDeps {
  messenger: Messenger;
  store: Store;
  engine: KnowledgeEngine;
  notifier: Notifier;
  clock: Clock;
  settings: ResponderSettings;
  escalation: EscalationMatcher;
  /** With a shared store: held around each chat's work, so two processes never work on one chat. */
  chatLock?: ChatLock;
}

export type ChatOutcome =
  | {
      chatId: string;
      action: 'answered';
      status: DialogStatus;
      question: string;
      reply: string;
      sources: string[];
      listing?: Listing;
      latencyMs: number;
      recovered?: boolean;
      /** A reply left open before (a crash, an ambiguous send) was finished in the same look, before this one. */
      finishedOpen?: true;
    }
  | { chatId: string; action: 'would-answer'; status: DialogStatus; question: string; reply: string; sources: string[]; listing?: Listing }
  | { chatId: string; action: 'skipped'; reason: SkipReason }
  | { chatId: string; action: 'held'; reason: HoldReason | 'shutdown' | 'settling' }
  | { chatId: string; action: 'deferred'; reason: 'engine-failed'; attempt: number; error: string }
  | { chatId: string; action: 'failed'; error: string; ambiguous: boolean };

export interface HandleOptions {
  summary?: ChatSummary;
  dryRun?: boolean;
  /** Aborted on shutdown: a slow engine call is dropped and the question waits for the next start. */
  signal?: AbortSignal;
}

const MESSAGES_PAGE = 100;

export interface Responder {
  handleChat(chatId: string, options?: HandleOptions): Promise<ChatOutcome>;
  /** Runs `work` in the chat's queue: never alongside a `handleChat` of the same chat (a webhook and a poll pass may ask at once). */
  exclusive<T>(chatId: string, work: () => Promise<T>): Promise<T>;
}

/** Replies decided but not yet recorded, across the chats answered at once: counted against the account cap, so those decided together cannot all pass it. */
interface UnderWay {
  replies: number;
}

export function createResponder(deps: ResponderDeps): Responder {
  const inFlight = new Map<string, Promise<unknown>>();
  const underWay: UnderWay = { replies: 0 };
  function exclusive<T>(chatId: string, work: () => Promise<T>): Promise<T> {
    const previous = inFlight.get(chatId) ?? Promise.resolve();
    const locked = deps.chatLock ? () => deps.chatLock!.run(chatId, work) : work;
    const run = previous.then(locked, locked);
    const tail = run.catch(() => undefined);
    inFlight.set(chatId, tail);
    void tail.then(() => {
      if (inFlight.get(chatId) === tail) inFlight.delete(chatId);
    });
    return run;
  }
  return {
    handleChat: (chatId, options = {}) => exclusive(chatId, () => handleChat(deps, chatId, options, underWay)),
    exclusive,
  };
}

interface Look {
  chatId: string;
  userId: number;
  fetched: ChatMessage[];
  history: ChatMessage[];
  listing: Listing | undefined;
  buyerName: string | undefined;
}

async function handleChat(deps: ResponderDeps, chatId: string, options: HandleOptions, underWay: UnderWay): Promise<ChatOutcome> {
  const userId = await deps.messenger.getUserId();
  const fetched = (await deps.messenger.listMessages(chatId, { limit: MESSAGES_PAGE })).reverse();
  if (fetched.some(isTariffStub)) {
    // Without the Messenger API tariff Avito shows a stub under the real ids: storing none of it brings the texts back once bought. One notice an hour, not per chat per pass.
    if (!options.dryRun) deps.notifier.notify({ kind: 'error', code: 'tariff-stub', message: 'Avito shows the Messenger API tariff stub: the bot cannot read this chat.', details: { chat: chatId } });
    return { chatId, action: 'skipped', reason: 'tariff-stub' };
  }
  const look = await readChat(deps, { chatId, userId, fetched }, options);
  let recovered: ChatOutcome | undefined;
  let dropPending = false;
  const pending = deps.store.getPending(chatId);
  if (pending && !options.dryRun) {
    const settled = await settlePending(deps, look, pending);
    if (settled === 'drop') dropPending = true;
    else if (settled?.action === 'failed' || settled?.action === 'held') return settled;
    else recovered = settled;
  }
  const decision = decide(deps, look, underWay.replies);
  if (options.dryRun) return await dryRun(deps, look, decision, options);
  // Taken in the same turn as the decision: no other chat decides in between.
  const replying = decision.verdict.kind === 'answer' || decision.verdict.kind === 'ask-for-text';
  if (replying) underWay.replies++;
  let done: ChatOutcome;
  try {
    done = await act(deps, look, decision, dropPending, options);
  } finally {
    if (replying) underWay.replies--;
  }
  if (recovered === undefined) return done;
  if (done.action === 'skipped' && done.reason === 'no-inquiry') return recovered;
  // The buyer wrote again before the open reply was settled: both are news for the log.
  return done.action === 'answered' && recovered.action === 'answered' ? { ...done, finishedOpen: true } : done;
}

async function readChat(deps: ResponderDeps, read: Pick<Look, 'chatId' | 'userId' | 'fetched'>, options: HandleOptions): Promise<Look> {
  const { messenger, store } = deps;
  const { chatId, fetched } = read;
  // What Avito shows counts even where the store's window refuses it (a flood within one second of the oldest kept message): the newest line is usually the question.
  const history = mergeHistory(store.getHistory(chatId), fetched);
  const state = store.getChat(chatId);
  // A listChats summary is authoritative, also about no listing (u2u): asking costs a call per chat per pass. A listing stored before its owner was read is asked again.
  const stored = state?.listing?.ownerId === undefined ? undefined : state.listing;
  // A webhook brings no summary: the chat asked for here names the buyer too.
  const summary = options.summary ?? (stored ? undefined : await messenger.getChat(chatId));
  const listing = options.summary ? options.summary.listing : (stored ?? summary?.listing);
  return { ...read, history, listing, buyerName: summary?.buyer?.name };
}

function decide(deps: ResponderDeps, look: Look, repliesUnderWay: number): ChatDecision {
  const { store } = deps;
  const now = deps.clock.now();
  // Counted only under a cap: it visits every chat.
  const accountReplies = (deps.settings.maxRepliesPerHourAccount ?? 0) > 0 ? countAccountReplies(store, now) + repliesUnderWay : 0;
  return decideChat(
    {
      chatId: look.chatId,
      userId: look.userId,
      history: look.history,
      state: store.getChat(look.chatId),
      listing: look.listing,
      ...(look.buyerName ? { buyerName: look.buyerName } : {}),
      isProcessed: (id) => store.isProcessed(id),
      now,
      avitoClockOffsetMs: readAvitoClockOffset(store),
      anotherResponder: readAnotherResponder(store) !== undefined,
      accountPaused: readAccountPause(store, now) !== undefined,
      accountReplies,
    },
    deps.settings,
  );
}

/** Avito's clock minus this machine's, in ms, as the last sends showed it. */
export const META_AVITO_CLOCK_OFFSET = 'avito.clockOffsetMs';

/** 0 while no send has shown it. */
export function readAvitoClockOffset(store: Pick<Store, 'getMeta'>): number {
  return Number(store.getMeta(META_AVITO_CLOCK_OFFSET)) || 0;
}


async function act(deps: ResponderDeps, look: Look, decided: ChatDecision, dropPending: boolean, options: HandleOptions): Promise<ChatOutcome> {
  const { chatId } = look;
  const decision = await checkTakeover(deps, look, decided, options);
  const { verdict, analysis } = decision;
  const seen = createSeen(deps, look, decision.learned, dropPending);
  const { observe, tellTakeover } = seen;

  if (verdict.kind === 'skip' || verdict.kind === 'hold') return await standBack(deps, chatId, verdict, seen);
  if (verdict.kind === 'leave') {
    await deps.store.transact((tx) => {
      observe(tx);
      recordInquiryClosed(tx, chatId, analysis.inquiry);
      if (verdict.reason === 'non-text') recordSeen(tx, analysis);
    });
    tellTakeover();
    if (verdict.reason === 'stale') notifyStale(deps, chatId, analysis.inquiry.at(-1)!);
    else notifyNonText(deps, look, decision, () => false);
    return { chatId, action: 'skipped', reason: verdict.reason };
  }

  const started = deps.clock.now();
  const plan = verdict.kind === 'ask-for-text' ? askForText(deps) : await compose(deps, look, verdict.question, options);
  if (plan === 'shutdown') {
    await deps.store.transact(observe);
    tellTakeover();
    return { chatId, action: 'held', reason: 'shutdown' };
  }
  if (plan.kind === 'defer') {
    await deps.store.transact((tx) => {
      observe(tx);
      recordEngineFailure(tx, chatId, plan.attempt);
    });
    tellTakeover();
    return { chatId, action: 'deferred', reason: 'engine-failed', attempt: plan.attempt, error: plan.error };
  }
  if (plan.engineFailure) notifyEngineFailed(deps, chatId, plan.engineFailure);

  const question = verdict.kind === 'answer' ? verdict.question : '';
  if (plan.text.trim() === '') return await closeSilently(deps, look, decision, { question, status: plan.status }, seen);
  const record = createRecord(deps, chatId, decision, question, plan);
  await deps.store.transact((tx) => {
    observe(tx);
    tx.putPending(record);
    recordSeen(tx, analysis);
    if (plan.status === 'ENGINE_FAILED') tx.increment('engineFailures');
  });
  tellTakeover();
  notifyNonText(deps, look, decision, (message) => plan.status === 'NON_TEXT' && deps.settings.nonTextReplyTypes.includes(message.type));
  return await sendRecorded(deps, record, splitText(record.text), [], analysis.inquiry, look.listing, started, plan.answer);
}

/** Nothing goes out now; a hold leaves the question open for a later look. */
async function standBack(deps: ResponderDeps, chatId: string, verdict: Extract<Verdict, { kind: 'skip' | 'hold' }>, seen: Seen): Promise<ChatOutcome> {
  let tellCap = false;
  await deps.store.transact((tx) => {
    seen.observe(tx);
    // Claimed inside the write, so the chats held at once tell the seller once.
    if (verdict.kind === 'hold' && verdict.reason === 'account-rate-limited') tellCap = claimHourlyNotice(tx, deps, META_ACCOUNT_CAP_NOTICE);
  });
  seen.tellTakeover();
  if (tellCap) notifyAccountCap(deps);
  return verdict.kind === 'skip' ? { chatId, action: 'skipped', reason: verdict.reason } : { chatId, action: 'held', reason: verdict.reason };
}

/** When the seller last heard that the account cap holds questions back: kept in the store, so cron's `poll --once` tells once an hour too. */
const META_ACCOUNT_CAP_NOTICE = 'responder.accountCapNoticeAt';

function claimHourlyNotice(tx: StoreTransaction, deps: Pick<ResponderDeps, 'store' | 'clock'>, key: string): boolean {
  const now = deps.clock.now();
  const last = Number(deps.store.getMeta(key)) || 0;
  // A time ahead of the clock (it was set back since) does not silence the notice.
  if (last <= now && now - last < HOUR_MS) return false;
  tx.setMeta(key, String(now));
  return true;
}

function notifyAccountCap(deps: ResponderDeps): void {
  const cap = deps.settings.maxRepliesPerHourAccount ?? 0;
  deps.notifier.notify({
    kind: 'error',
    code: 'account-reply-cap',
    details: { cap },
    message: `The bot sent ${cap} replies on the account within the hour (MAX_REPLIES_PER_HOUR_ACCOUNT): further questions wait, unread, until the hour allows more.`,
  });
}

interface Seen {
  /** Writes what the look taught, inside whatever transaction closes it. */
  observe(tx: StoreTransaction): void;
  /** Tells the seller what the look found, once it is stored. */
  tellTakeover(): void;
}

function createSeen(deps: ResponderDeps, look: Look, learned: Learned, dropPending: boolean): Seen {
  const { chatId } = look;
  return {
    observe(tx) {
      tx.appendMessages(chatId, look.fetched);
      if (dropPending) tx.closePending(chatId);
      recordLearned(tx, chatId, learned);
      if (learned.anotherResponder) tx.setMeta(META_ANOTHER_RESPONDER, JSON.stringify({ at: deps.clock.now(), chatId, messageId: learned.anotherResponder.id }));
    },
    tellTakeover() {
      const takeover = learned.takeover;
      if (takeover?.isNew) deps.notifier.notify({ kind: 'takeover', chatId, ...listingOf(look), message: takeover.message.text });
      if (learned.anotherResponder) notifyAnotherResponder(deps, chatId, learned.anotherResponder);
    },
  };
}

/**
 * Nothing to send ("Спасибо!", "👍" with no THANKS_REPLY_TEXT): the inquiry is closed and its dialog logged in one
 * write. No write-ahead record: nothing can be half sent, and a crash before the write only means deciding again.
 */
async function closeSilently(deps: ResponderDeps, look: Look, decision: ChatDecision, dialog: { question: string; status: DialogStatus }, seen: Seen): Promise<ChatOutcome> {
  const { chatId, listing } = look;
  await deps.store.transact((tx) => {
    seen.observe(tx);
    recordInquiryClosed(tx, chatId, decision.analysis.inquiry);
    recordSeen(tx, decision.analysis);
    // No reply, so no latency: 0 keeps it out of the reply-time figures.
    tx.appendDialog({ at: deps.clock.now(), chatId, ...(listing ? { itemId: listing.id } : {}), ...dialog, answer: '', sources: [], latencyMs: 0 });
  });
  seen.tellTakeover();
  notifyNonText(deps, look, decision, () => false);
  return { chatId, action: 'skipped', reason: 'small-talk' };
}

/** A "seller's" message that is exactly what this bot would answer to the questions before it is another responder's, not a takeover: one engine call, for new takeovers only. */
async function checkTakeover(deps: ResponderDeps, look: Look, decision: ChatDecision, options: HandleOptions): Promise<ChatDecision> {
  const takeover = decision.learned.takeover;
  if (!takeover?.isNew || decision.learned.anotherResponder) return decision;
  const { store } = deps;
  const before = look.history.slice(0, look.history.indexOf(takeover.message));
  const state = store.getChat(look.chatId);
  const { question } = analyzeChat(before, state, look.userId, (id) => store.isProcessed(id), readAvitoClockOffset(store));
  if (question === '') return decision;
  try {
    const composed = await composeReply(
      { question, ...listingOf(look), context: buildContext(before, state, look.userId, deps.settings.contextLimit), ...(options.signal ? { signal: options.signal } : {}) },
      deps,
    );
    return isSameText(composed.reply, takeover.message.text) ? markAnotherResponder(decision, takeover.message) : decision;
  } catch {
    // Unknown: the seller's message counts as theirs, as it would without this check.
    return decision;
  }
}

// Avito stamps a send in whole seconds by its clock: against ours just after, that gives its offset a little low (never too high, which would let a resume skip questions).
// Kept only when it moved by more than a second, so the completion line rarely grows for it.
function estimateClockOffset(store: Store, sent: readonly ChatMessage[], now: number): number | undefined {
  const newest = sent.reduce((max, message) => Math.max(max, message.created), 0);
  if (newest === 0) return undefined;
  const offset = newest * 1000 - now;
  const known = Number(store.getMeta(META_AVITO_CLOCK_OFFSET));
  return Number.isFinite(known) && Math.abs(known - offset) <= 1000 ? undefined : offset;
}

function notifyAnotherResponder(deps: ResponderDeps, chatId: string, message: ChatMessage): void {
  deps.notifier.notify({
    kind: 'error',
    chatId,
    code: 'another-responder',
    details: { message: message.text.slice(0, 200) },
    message:
      'Another responder answers this Avito account (a second avito-ai, or another bot): it sent a bot reply the bot did not send. The bot is silent everywhere until you stop the other one and run avito-ai resume --all.',
  });
}

async function dryRun(deps: ResponderDeps, look: Look, decision: ChatDecision, options: HandleOptions): Promise<ChatOutcome> {
  const { chatId } = look;
  const { verdict } = decision;
  if (verdict.kind === 'skip' || verdict.kind === 'leave') return { chatId, action: 'skipped', reason: verdict.reason };
  if (verdict.kind === 'hold') return { chatId, action: 'held', reason: verdict.reason };
  const plan = verdict.kind === 'ask-for-text' ? askForText(deps) : await compose(deps, look, verdict.question, options, true);
  if (plan === 'shutdown') return { chatId, action: 'held', reason: 'shutdown' };
  if (plan.kind === 'defer') return { chatId, action: 'deferred', reason: 'engine-failed', attempt: plan.attempt, error: plan.error };
  // Small talk with no text set: a real pass sends nothing and closes the inquiry.
  if (plan.text.trim() === '') return { chatId, action: 'skipped', reason: 'small-talk' };
  const question = verdict.kind === 'answer' ? verdict.question : '';
  return { chatId, action: 'would-answer', status: plan.status, question, reply: plan.text, sources: plan.sources, ...listingOf(look) };
}

function askForText(deps: ResponderDeps): ReplyPlan {
  return { kind: 'reply', status: 'NON_TEXT', text: deps.settings.nonTextReplyText, sources: [] };
}

async function compose(deps: ResponderDeps, look: Look, question: string, options: HandleOptions, dryRun = false): Promise<ReplyPlan | 'shutdown'> {
  const state = deps.store.getChat(look.chatId);
  try {
    const composed = await composeReply(
      {
        question,
        ...listingOf(look),
        context: buildContext(look.history, state, look.userId, deps.settings.contextLimit),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      deps,
    );
    const sources = composed.status === 'FOUND' ? (composed.answer?.sources ?? []) : [];
    return { kind: 'reply', status: composed.status, text: composed.reply, sources, ...(composed.answer ? { answer: composed.answer } : {}) };
  } catch (error) {
    // Stopping is not the engine failing: the chat stays unread and is answered after the restart.
    if (options.signal?.aborted) return 'shutdown';
    if (dryRun) return { kind: 'defer', attempt: 1, error: describeError(error) };
    return planAfterEngineFailure(state, describeError(error), deps.settings);
  }
}

function createRecord(deps: ResponderDeps, chatId: string, decision: ChatDecision, question: string, plan: Extract<ReplyPlan, { kind: 'reply' }>): PendingReply {
  const newest = decision.analysis.inquiry.at(-1)!;
  const unknownWords = listUnknownWords(plan);
  const leftOut = listLeftOut(plan);
  return {
    id: `${chatId}:${newest.id}`,
    chatId,
    inquiryMessageId: newest.id,
    inquiryCreated: newest.created,
    question,
    text: plan.text,
    status: plan.status,
    sources: plan.sources,
    sentIds: [],
    createdAt: deps.clock.now(),
    sendingSince: deps.clock.now(),
    ...(unknownWords.length > 0 ? { unknownWords } : {}),
    ...(leftOut.length > 0 ? { leftOut } : {}),
  };
}

/** The outcome when the open record settled the look; `drop`: the look decides afresh; undefined: nothing more to do. */
async function settlePending(deps: ResponderDeps, look: Look, pending: PendingReply): Promise<ChatOutcome | 'drop' | undefined> {
  const { store, clock } = deps;
  const state = store.getChat(look.chatId);
  const plan = reconcilePending(pending, {
    history: look.history,
    userId: look.userId,
    knownBotIds: new Set(state?.botMessageIds ?? []),
    isProcessed: (id) => store.isProcessed(id),
    now: clock.now(),
    settleMs: deps.settings.sendSettleMs ?? DEFAULT_SEND_SETTLE_MS,
    stopped:
      (state?.pausedUntil ?? 0) > clock.now() ||
      state?.escalatedAt !== undefined ||
      readAnotherResponder(store) !== undefined ||
      readAccountPause(store, clock.now()) !== undefined,
  });
  if (plan.kind === 'hold') return { chatId: look.chatId, action: 'held', reason: 'settling' };
  if (plan.kind === 'drop') return 'drop';
  pending.sentIds = plan.adopted.map((m) => m.id);
  if (plan.rest.length > 0) {
    // Sending again: a crash from here on must again leave a window to wait out, not a stale one.
    pending.sendingSince = clock.now();
    delete pending.ambiguousAt;
    await store.transact((tx) => tx.putPending(pending));
  }
  // The earlier send of these parts may still land: when it does, that copy is the bot's own.
  const outcome = await sendRecorded(deps, pending, plan.rest, plan.adopted, plan.inquiry, look.listing, undefined, undefined, plan.rest);
  return outcome.action === 'answered' ? { ...outcome, latencyMs: 0, recovered: true } : outcome;
}

/** Accepted parts' ids are kept on the record in memory only: after a crash the chat history, not these ids, tells. */
async function sendRecorded(
  deps: ResponderDeps,
  record: PendingReply,
  parts: readonly string[],
  alreadySent: readonly ChatMessage[],
  inquiry: readonly ChatMessage[],
  listing: Listing | undefined,
  started: number | undefined,
  answer: KnowledgeAnswer | undefined,
  resent: readonly string[] = [],
): Promise<ChatOutcome> {
  const { store, clock } = deps;
  let sent: ChatMessage[];
  try {
    sent = [...alreadySent, ...(await sendParts(deps.messenger, record.chatId, parts, (message) => record.sentIds.push(message.id)))];
  } catch (error) {
    return await failedSend(deps, record, error);
  }
  const now = clock.now();
  const latencyMs = started === undefined ? 0 : now - started;
  const previousBotAnswer = lastBotAnswer(store.getHistory(record.chatId), store.getChat(record.chatId)?.botMessageIds ?? []);
  const offset = estimateClockOffset(store, sent, now);
  await store.transact((tx) => {
    recordCompletion(tx, { record, sent, inquiry, listing, latencyMs, answer, now, resent }, deps.settings);
    if (offset !== undefined) tx.setMeta(META_AVITO_CLOCK_OFFSET, String(offset));
  });
  await markReadUnlessWaiting(deps, record);
  const base = { chatId: record.chatId, ...(listing ? { listing } : {}) };
  if (record.status === 'ESCALATION') {
    deps.notifier.notify({ kind: 'escalation', ...base, message: record.question, ...(previousBotAnswer ? { lastBotAnswer: previousBotAnswer } : {}) });
  } else {
    const unknownWords = record.unknownWords === undefined ? {} : { unknownWords: record.unknownWords };
    const leftOut = record.leftOut === undefined ? {} : { leftOut: record.leftOut };
    deps.notifier.notify({ kind: 'answer', ...base, question: record.question, answer: record.text, status: record.status, sources: record.sources, ...unknownWords, ...leftOut });
  }
  return { ...base, action: 'answered', status: record.status, question: record.question, reply: record.text, sources: record.sources, latencyMs };
}

/**
 * A chat that needs the seller (a person was asked for, the engine kept failing, the answer left a question out) stays
 * unread, to stand out in the app.
 */
async function markReadUnlessWaiting(deps: ResponderDeps, record: PendingReply): Promise<void> {
  if (record.status === 'ESCALATION' || record.status === 'ENGINE_FAILED' || (record.leftOut?.length ?? 0) > 0) return;
  try {
    await deps.messenger.markRead(record.chatId);
  } catch {
    // The reply went out; an unread mark is cosmetic and retried with the next reply.
  }
}

async function failedSend(deps: ResponderDeps, record: PendingReply, error: unknown): Promise<ChatOutcome> {
  const ambiguous = mayHaveLanded(error);
  await deps.store.transact((tx) => recordFailedSend(tx, record, ambiguous, deps.clock.now()));
  if (isFatalForAccount(error)) throw error;
  return { chatId: record.chatId, action: 'failed', error: describeError(error), ambiguous };
}

function notifyStale(deps: ResponderDeps, chatId: string, newest: ChatMessage): void {
  const hours = deps.settings.replyMaxAgeHours ?? 0;
  deps.notifier.notify({
    kind: 'error',
    chatId,
    code: 'stale-question',
    details: { asked: newest.created, hours },
    message: `An unanswered question from ${new Date(newest.created * 1000).toISOString()} is older than REPLY_MAX_AGE_HOURS (${hours} h); the bot left it for you.`,
  });
}

function notifyEngineFailed(deps: ResponderDeps, chatId: string, failure: { attempts: number; error: string }): void {
  deps.notifier.notify({
    kind: 'error',
    chatId,
    code: 'engine-failed',
    details: { attempts: failure.attempts, error: failure.error },
    message: `The knowledge engine failed ${failure.attempts} times in a row (${failure.error}); the buyer got the fallback text.`,
  });
}

/** Told once, when the inquiry is decided, not on each retry of an engine outage; only of what the bot did not answer. */
function notifyNonText(deps: ResponderDeps, look: Look, decision: ChatDecision, answered: (message: ChatMessage) => boolean): void {
  for (const message of decision.analysis.nonText) {
    if (answered(message)) continue;
    deps.notifier.notify({ kind: 'non-text', chatId: look.chatId, ...listingOf(look), messageType: message.type, message });
  }
}

function listingOf(look: Pick<Look, 'listing'>): { listing?: Listing } {
  return look.listing ? { listing: look.listing } : {};
}

function lastBotAnswer(history: readonly ChatMessage[], botIds: readonly string[]): string | undefined {
  const ids = new Set(botIds);
  for (let i = history.length - 1; i >= 0; i--) {
    const message = history[i]!;
    if (ids.has(message.id)) return message.text;
  }
  return undefined;
}

function mergeHistory(stored: readonly ChatMessage[], fetched: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const message of [...stored, ...fetched]) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.created - b.created);
}
