/**
 * The responder: handles one chat, given its id. Poll, reply and webhooks all call `handleChat`.
 * It reads the chat, decides with the pure functions of `inquiry.ts`, asks the knowledge engine,
 * and sends at most one reply per inquiry, guarded by a write-ahead record in the store so that a
 * crash between "decided" and "sent" is reconciled on the next pass instead of answered twice.
 */
import { AvitoApiError, AvitoAuthError, describeError } from '../errors.js';
import { composeReply } from './answer.js';
import { splitText } from './split-text.js';
import type { EscalationMatcher } from './escalation.js';
import {
  analyzeChat,
  buildContext,
  isFromBuyer,
  isTariffStub,
  isWithinActiveHours,
  repliesInLastHour,
  type ResponderSettings,
} from './inquiry.js';
import type { ChatMessage, ChatSummary, DialogStatus, Listing } from './model.js';
import type { Clock, KnowledgeAnswer, KnowledgeEngine, Messenger, Notifier, PendingReply, Store, StoreTransaction } from './ports.js';
import { HOUR_MS } from './time.js';

export interface ResponderDeps {
  messenger: Messenger;
  store: Store;
  engine: KnowledgeEngine;
  notifier: Notifier;
  clock: Clock;
  settings: ResponderSettings;
  escalation: EscalationMatcher;
}

/** What happened in one chat; the CLI prints it, poll sums it up. */
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
      /** True when the reply was a write-ahead record finished after a crash. */
      recovered?: boolean;
    }
  | { chatId: string; action: 'would-answer'; status: DialogStatus; question: string; reply: string; sources: string[]; listing?: Listing }
  | { chatId: string; action: 'skipped'; reason: SkipReason }
  | { chatId: string; action: 'held'; reason: 'quiet-hours' | 'rate-limited' | 'shutdown' | 'settling' }
  | { chatId: string; action: 'deferred'; reason: 'engine-failed'; attempt: number; error: string }
  | { chatId: string; action: 'failed'; error: string; ambiguous: boolean };

export type SkipReason = 'no-inquiry' | 'paused' | 'escalated' | 'tariff-stub' | 'non-text' | 'stale';

export interface HandleOptions {
  /** The chat as `listChats` returned it: saves a `getChat` call for the listing. */
  summary?: ChatSummary;
  /** Decide and report, send nothing, write nothing. */
  dryRun?: boolean;
  /** Aborted on shutdown: a slow engine call is dropped and the question waits for the next start. */
  signal?: AbortSignal;
}

const BOT_IDS_LIMIT = 200;
const MESSAGES_PAGE = 100;
const DEFAULT_SEND_SETTLE_MS = 30_000;

export interface Responder {
  handleChat(chatId: string, options?: HandleOptions): Promise<ChatOutcome>;
  /** Runs `work` in the chat's queue: never alongside a `handleChat` of the same chat. */
  exclusive<T>(chatId: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Creates the responder. Calls for the same chat run one after another (a webhook and a poll
 * pass may ask at once); different chats run in parallel.
 */
export function createResponder(deps: ResponderDeps): Responder {
  const inFlight = new Map<string, Promise<unknown>>();
  function exclusive<T>(chatId: string, work: () => Promise<T>): Promise<T> {
    const previous = inFlight.get(chatId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    inFlight.set(chatId, tail);
    void tail.then(() => {
      if (inFlight.get(chatId) === tail) inFlight.delete(chatId);
    });
    return run;
  }
  return {
    handleChat: (chatId, options = {}) => exclusive(chatId, () => handleChat(deps, chatId, options)),
    exclusive,
  };
}

async function handleChat(deps: ResponderDeps, chatId: string, options: HandleOptions): Promise<ChatOutcome> {
  const { messenger, store, clock, settings } = deps;
  const dryRun = options.dryRun ?? false;
  const userId = await messenger.getUserId();
  const newestFirst = await messenger.listMessages(chatId, { limit: MESSAGES_PAGE });
  const fetched = [...newestFirst].reverse();
  // Without the Messenger API tariff Avito shows a stub in place of every message, under the real
  // ids: judge by what Avito shows now, and store nothing of it, so buying the tariff brings the
  // chat back with its real texts.
  if (fetched.some(isTariffStub)) {
    if (!dryRun) {
      // Account-wide: one notice an hour, not one per chat per pass.
      deps.notifier.notify({ kind: 'error', code: 'tariff-stub', message: 'Avito shows the Messenger API tariff stub: the bot cannot read this chat.', details: { chat: chatId } });
    }
    return { chatId, action: 'skipped', reason: 'tariff-stub' };
  }
  if (!dryRun) await store.appendMessages(chatId, fetched);
  // What Avito shows now counts even where the store's window refuses it (a flood within one
  // second of the oldest kept message): the newest line of a burst is usually the question.
  const history = mergeHistory(store.getHistory(chatId), fetched);

  let state = store.getChat(chatId);
  // A summary from listChats is authoritative, also when it says the chat has no listing (u2u):
  // asking Avito again would cost a call per such chat on every pass.
  const listing = options.summary ? options.summary.listing : (state?.listing ?? (await fetchListing(messenger, chatId)));

  // A reply left unsettled by a crash or an ambiguous failure is settled first; the pass then
  // goes on, since the buyer may have written again meanwhile.
  const pending = store.getPending(chatId);
  let recovered: ChatOutcome | undefined;
  if (pending && !dryRun) {
    recovered = await finishPending(deps, pending, history, listing, userId);
    if (recovered?.action === 'failed' || recovered?.action === 'held') return recovered;
    state = store.getChat(chatId);
  }

  const analysis = analyzeChat(history, state, userId, (id) => store.isProcessed(id));
  const now = clock.now();

  // What this look at the chat taught: the listing, a seller who answered by hand (the bot then
  // stays silent for HUMAN_PAUSE_HOURS from their message), messages never to answer. One write.
  const newestSeller = analysis.sellerMessages.at(-1);
  const pauseUntil = newestSeller ? newestSeller.created * 1000 + settings.humanPauseHours * HOUR_MS : 0;
  const wasPaused = (state?.pausedUntil ?? 0) > now;
  if (!dryRun) {
    await store.transact((tx) => {
      if (listing && !state?.listing) {
        tx.updateChat(chatId, (s) => {
          s.listing = listing;
          if (options.summary?.buyer?.name) s.buyerName = options.summary.buyer.name;
        });
      }
      if (newestSeller) {
        tx.updateChat(chatId, (s) => {
          if (pauseUntil > (s.pausedUntil ?? 0)) {
            s.pausedUntil = pauseUntil;
            s.pauseReason = 'takeover';
          }
          s.lastActivityAt = Math.max(s.lastActivityAt ?? 0, newestSeller.created * 1000);
        });
        tx.markProcessed(analysis.sellerMessages.map((m) => m.id));
        if (pauseUntil > now) tx.increment('takeovers');
      }
      if (analysis.ignored.length > 0) tx.markProcessed(analysis.ignored.map((m) => m.id));
    });
    state = store.getChat(chatId);
    if (newestSeller && pauseUntil > now && !wasPaused) {
      deps.notifier.notify({ kind: 'takeover', chatId, ...(listing ? { listing } : {}), message: newestSeller.text });
    }
  }

  if (analysis.inquiry.length === 0) return recovered ?? { chatId, action: 'skipped', reason: 'no-inquiry' };
  if (state?.escalatedAt) return { chatId, action: 'skipped', reason: 'escalated' };
  // A question from long ago (the first start on an old account, a long outage) is the seller's
  // to answer: a bot reply weeks late reads as a glitch. Said, not dropped silently.
  const maxAgeMs = (settings.replyMaxAgeHours ?? 0) * HOUR_MS;
  const newestAsked = analysis.inquiry.at(-1)!;
  if (maxAgeMs > 0 && now - newestAsked.created * 1000 > maxAgeMs) {
    if (!dryRun) {
      await closeInquiry(deps, chatId, analysis.inquiry, () => undefined);
      deps.notifier.notify({
        kind: 'error',
        chatId,
        code: 'stale-question',
        details: { asked: newestAsked.created, hours: settings.replyMaxAgeHours ?? 0 },
        message: `An unanswered question from ${new Date(newestAsked.created * 1000).toISOString()} is older than REPLY_MAX_AGE_HOURS (${settings.replyMaxAgeHours} h); the bot left it for you.`,
      });
    }
    return { chatId, action: 'skipped', reason: 'stale' };
  }
  if ((state?.pausedUntil ?? 0) > now) return { chatId, action: 'skipped', reason: 'paused' };
  if (!isWithinActiveHours(now, settings.activeHours, settings.timeZone)) {
    return { chatId, action: 'held', reason: 'quiet-hours' };
  }
  if (repliesInLastHour(state, now) >= settings.maxRepliesPerHour) return { chatId, action: 'held', reason: 'rate-limited' };

  // Told once, when the inquiry is decided, not on every pass an engine outage retries it; and
  // only of what the bot did not answer (a voice message it asked to write out is in the answer).
  const notifyNonText = (answered: (message: ChatMessage) => boolean = () => false): void => {
    for (const message of analysis.nonText) {
      if (answered(message)) continue;
      deps.notifier.notify({ kind: 'non-text', chatId, ...(listing ? { listing } : {}), messageType: message.type, message });
    }
  };
  const countSeen = (tx: StoreTransaction): void => {
    tx.increment('messagesSeen', analysis.inquiry.length);
    tx.increment('nonText', analysis.nonText.length);
  };

  const question = analysis.question;
  const started = clock.now();
  let status: DialogStatus;
  let reply: string;
  let answer: KnowledgeAnswer | undefined;

  if (question === '') {
    // Only voice, photos, files...: no AI answer; ask for text where configured.
    const askForText = analysis.nonText.some((m) => settings.nonTextReplyTypes.includes(m.type));
    if (!askForText || settings.nonTextReplyText.trim() === '') {
      if (!dryRun) {
        await closeInquiry(deps, chatId, analysis.inquiry, countSeen);
        notifyNonText();
      }
      return { chatId, action: 'skipped', reason: 'non-text' };
    }
    status = 'NON_TEXT';
    reply = settings.nonTextReplyText;
  } else {
    try {
      const composed = await composeReply(
        {
          question,
          ...(listing ? { listing } : {}),
          context: buildContext(history, state, userId, settings.contextLimit),
          ...(options.signal ? { signal: options.signal } : {}),
        },
        deps,
      );
      ({ status, reply, answer } = composed);
    } catch (error) {
      // Stopping is not the engine failing: the chat stays unread and is answered after the restart.
      if (options.signal?.aborted) return { chatId, action: 'held', reason: 'shutdown' };
      if (dryRun) return { chatId, action: 'deferred', reason: 'engine-failed', attempt: 1, error: describeError(error) };
      const attempt = (state?.engineFailures ?? 0) + 1;
      if (attempt < settings.engineFailureLimit) {
        await store.transact((tx) => {
          tx.increment('engineFailures');
          tx.updateChat(chatId, (s) => {
            s.engineFailures = attempt;
          });
        });
        return { chatId, action: 'deferred', reason: 'engine-failed', attempt, error: describeError(error) };
      }
      deps.notifier.notify({
        kind: 'error',
        chatId,
        code: 'engine-failed',
        details: { attempts: attempt, error: describeError(error) },
        message: `The knowledge engine failed ${attempt} times in a row (${describeError(error)}); the buyer got the fallback text.`,
      });
      await store.increment('engineFailures');
      // Logged as ENGINE_FAILED so the seller can tell an outage from a gap in the documents.
      status = 'ENGINE_FAILED';
      reply = settings.fallbackText;
    }
  }

  const sources = status === 'FOUND' ? (answer?.sources ?? []) : [];
  if (dryRun) {
    return { chatId, action: 'would-answer', status, question, reply, sources, ...(listing ? { listing } : {}) };
  }

  const newest = analysis.inquiry.at(-1)!;
  const record: PendingReply = {
    id: `${chatId}:${newest.id}`,
    chatId,
    inquiryMessageId: newest.id,
    inquiryCreated: newest.created,
    question,
    text: reply,
    status,
    sources,
    sentIds: [],
    createdAt: clock.now(),
  };
  await store.transact((tx) => {
    tx.putPending(record);
    countSeen(tx);
  });
  notifyNonText((message) => status === 'NON_TEXT' && settings.nonTextReplyTypes.includes(message.type));

  let sent: ChatMessage[];
  try {
    sent = await sendRecorded(deps, record);
  } catch (error) {
    return await failedSend(deps, record, error);
  }

  const latencyMs = clock.now() - started;
  await completeReply(deps, record, sent, analysis.inquiry, listing, latencyMs, answer);
  return { chatId, action: 'answered', status, question, reply, sources, ...(listing ? { listing } : {}), latencyMs };
}

/**
 * A write-ahead record is open: the previous run decided a reply and may or may not have sent it.
 * Avito's history tells: an outgoing message after the inquiry carrying our text means it went out.
 * Returns the outcome when the record settled the pass, undefined when the pass should go on.
 */
async function finishPending(
  deps: ResponderDeps,
  pending: PendingReply,
  history: readonly ChatMessage[],
  listing: Listing | undefined,
  userId: number,
): Promise<ChatOutcome | undefined> {
  const { store } = deps;
  // Replies the bot recorded before this record existed answered earlier questions; only a message
  // it does not know yet can be part of this record's reply (seconds are too coarse to tell).
  const knownBotIds = new Set(store.getChat(pending.chatId)?.botMessageIds ?? []);
  const after = history.filter((m) => m.direction === 'out' && m.created >= pending.inquiryCreated && !knownBotIds.has(m.id));
  // The reply goes out in these parts, in this order; a part counts as sent only by its exact
  // text, so a seller's short "Да" is never taken for the bot's reply.
  const parts = splitText(pending.text);
  const adopted: ChatMessage[] = [];
  for (const message of after) {
    const next = parts[adopted.length];
    if (next !== undefined && (pending.sentIds.includes(message.id) || message.text.trim() === next.trim())) adopted.push(message);
  }
  const inquiryIndex = history.findIndex((m) => m.id === pending.inquiryMessageId);
  const isUpToInquiry = (m: ChatMessage, index: number): boolean => (inquiryIndex >= 0 ? index <= inquiryIndex : m.created <= pending.inquiryCreated);
  const inquiry = history.filter((m, index) => m.direction === 'in' && isUpToInquiry(m, index) && !store.isProcessed(m.id));

  // A send that timed out may still land: give it time to show up before sending it again.
  const settleMs = deps.settings.sendSettleMs ?? DEFAULT_SEND_SETTLE_MS;
  const settling = pending.ambiguousAt !== undefined && deps.clock.now() - pending.ambiguousAt < settleMs;
  const held: ChatOutcome = { chatId: pending.chatId, action: 'held', reason: 'settling' };
  if (adopted.length > 0) {
    if (settling && adopted.length < parts.length) return held;
    // Part of the reply reached the buyer: the rest follows, so the buyer reads all of it once.
    pending.sentIds = adopted.map((m) => m.id);
    try {
      const rest = await sendParts(deps, pending, parts.slice(adopted.length));
      await completeReply(deps, pending, [...adopted, ...rest], inquiry, listing, 0, undefined);
    } catch (error) {
      return await failedSend(deps, pending, error);
    }
    return replyOutcome(pending, listing, true);
  }
  // Nothing of ours went out. If the seller answered meanwhile, the reply is no longer wanted; if
  // the buyer wrote again, the recorded reply no longer answers the whole inquiry. Either way the
  // record is dropped and the pass decides afresh (the inquiry's messages are still unprocessed).
  const buyerWroteAgain = history.some((m, index) => isFromBuyer(m, userId) && !store.isProcessed(m.id) && !isUpToInquiry(m, index));
  if (after.length > 0 || buyerWroteAgain) {
    await store.closePending(pending.chatId);
    return undefined;
  }
  if (settling) return held;
  try {
    const sent = await sendRecorded(deps, pending);
    await completeReply(deps, pending, sent, inquiry, listing, 0, undefined);
    return replyOutcome(pending, listing, true);
  } catch (error) {
    return await failedSend(deps, pending, error);
  }
}

/** Sends the remaining parts one by one (each fits one message), recording their ids on the record. */
async function sendParts(deps: ResponderDeps, record: PendingReply, parts: readonly string[]): Promise<ChatMessage[]> {
  const sent: ChatMessage[] = [];
  for (const part of parts) {
    for (const message of await deps.messenger.sendText(record.chatId, part)) {
      record.sentIds.push(message.id);
      sent.push(message);
    }
  }
  return sent;
}

/**
 * Sends the recorded reply. The ids of accepted parts are kept on the record in memory; after a
 * crash the chat history, not these ids, tells what went out.
 */
async function sendRecorded(deps: ResponderDeps, record: PendingReply): Promise<ChatMessage[]> {
  return deps.messenger.sendText(record.chatId, record.text, {
    onPartSent: (message) => {
      record.sentIds.push(message.id);
    },
  });
}

/**
 * After a failed send: a definite refusal with nothing sent drops the record so the next pass
 * decides afresh; an ambiguous failure keeps it for reconciliation with the chat history.
 */
async function failedSend(deps: ResponderDeps, record: PendingReply, error: unknown): Promise<ChatOutcome> {
  const ambiguous = error instanceof AvitoApiError && error.ambiguous;
  await deps.store.transact((tx) => {
    if (!ambiguous && record.sentIds.length === 0) tx.closePending(record.chatId);
    else if (ambiguous) tx.putPending({ ...record, ambiguousAt: deps.clock.now() });
    tx.increment('errors');
  });
  if (error instanceof AvitoAuthError) throw error;
  return { chatId: record.chatId, action: 'failed', error: describeError(error), ambiguous };
}

function replyOutcome(pending: PendingReply, listing: Listing | undefined, recovered: boolean): ChatOutcome {
  return {
    chatId: pending.chatId,
    action: 'answered',
    status: pending.status,
    question: pending.question,
    reply: pending.text,
    sources: pending.sources,
    ...(listing ? { listing } : {}),
    latencyMs: 0,
    recovered,
  };
}

/** Everything that follows a send: state, history, processed ids, dialog log, counters, read mark, notice. */
async function completeReply(
  deps: ResponderDeps,
  record: PendingReply,
  sent: readonly ChatMessage[],
  inquiry: readonly ChatMessage[],
  listing: Listing | undefined,
  latencyMs: number,
  answer: KnowledgeAnswer | undefined,
): Promise<void> {
  const { store, clock, notifier, messenger } = deps;
  const now = clock.now();
  const sentIds = sent.map((m) => m.id);
  const previousBotAnswer = lastBotAnswer(store.getHistory(record.chatId), store.getChat(record.chatId)?.botMessageIds ?? []);
  await store.appendMessages(record.chatId, sent);
  await store.transact((tx) => {
    tx.updateChat(record.chatId, (s) => {
      s.botMessageIds = [...s.botMessageIds, ...sentIds.filter((id) => !s.botMessageIds.includes(id))].slice(
        -(deps.settings.botIdsLimit ?? BOT_IDS_LIMIT),
      );
      s.lastHandledMessageId = record.inquiryMessageId;
      s.lastHandledAt = Math.max(s.lastHandledAt ?? 0, record.inquiryCreated);
      s.engineFailures = 0;
      s.recentReplies = [...(s.recentReplies ?? []).filter((at) => now - at < HOUR_MS), now];
      s.lastActivityAt = now;
      if (record.status === 'ESCALATION') s.escalatedAt = now;
    });
    tx.markProcessed([...inquiry.map((m) => m.id), ...sentIds]);
    tx.closePending(record.chatId);
    tx.increment('repliesSent');
    if (record.status === 'FOUND') tx.increment('found');
    if (record.status === 'NOT_FOUND' || record.status === 'ENGINE_FAILED') tx.increment('notFound');
    if (record.status === 'ESCALATION') tx.increment('escalations');
  });
  await store.appendDialog({
    at: now,
    chatId: record.chatId,
    ...(listing ? { itemId: listing.id } : {}),
    question: record.question,
    answer: record.text,
    status: record.status,
    sources: record.sources,
    latencyMs,
    ...(answer ? { engine: answer.engine } : {}),
    ...(answer?.strategy ? { strategy: answer.strategy } : {}),
    ...(answer?.latencyMs === undefined ? {} : { engineMs: answer.latencyMs }),
    ...(answer?.usage?.inputTokens === undefined ? {} : { inputTokens: answer.usage.inputTokens }),
    ...(answer?.usage?.outputTokens === undefined ? {} : { outputTokens: answer.usage.outputTokens }),
  });

  // A chat that needs the seller (a person was asked for, the engine kept failing) stays unread,
  // so it stands out in the seller's Avito app.
  if (record.status !== 'ESCALATION' && record.status !== 'ENGINE_FAILED') {
    try {
      await messenger.markRead(record.chatId);
    } catch {
      // The reply went out; an unread mark is cosmetic and retried with the next reply.
    }
  }

  const base = { chatId: record.chatId, ...(listing ? { listing } : {}) };
  if (record.status === 'ESCALATION') {
    notifier.notify({ kind: 'escalation', ...base, message: record.question, ...(previousBotAnswer ? { lastBotAnswer: previousBotAnswer } : {}) });
  } else {
    notifier.notify({ kind: 'answer', ...base, question: record.question, answer: record.text, status: record.status, sources: record.sources });
  }
}

function lastBotAnswer(history: readonly ChatMessage[], botIds: readonly string[]): string | undefined {
  const ids = new Set(botIds);
  for (let i = history.length - 1; i >= 0; i--) {
    const message = history[i]!;
    if (ids.has(message.id)) return message.text;
  }
  return undefined;
}

async function fetchListing(messenger: Messenger, chatId: string): Promise<Listing | undefined> {
  return (await messenger.getChat(chatId)).listing;
}

/** Stored history plus freshly fetched messages, by id, in time order (for dry runs that write nothing). */
function mergeHistory(stored: readonly ChatMessage[], fetched: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const message of [...stored, ...fetched]) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.created - b.created);
}

/** Buyer messages that were seen and deliberately not answered (non-text with no auto-reply). */
async function closeInquiry(
  deps: ResponderDeps,
  chatId: string,
  inquiry: readonly ChatMessage[],
  also: (tx: StoreTransaction) => void,
): Promise<void> {
  const newest = inquiry.at(-1);
  if (!newest) return;
  await deps.store.transact((tx) => {
    tx.updateChat(chatId, (s) => {
      s.lastHandledMessageId = newest.id;
      s.lastHandledAt = Math.max(s.lastHandledAt ?? 0, newest.created);
    });
    tx.markProcessed(inquiry.map((m) => m.id));
    also(tx);
  });
}
