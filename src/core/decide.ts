import { analyzeChat, isWithinActiveHours, repliesInLastHour, type ChatAnalysis, type ResponderSettings } from './inquiry.js';
import type { ChatMessage, DialogStatus, Listing } from './model.js';
import type { ChatState, KnowledgeAnswer } from './ports.js';
import { HOUR_MS } from './time.js';

export interface ChatView {
  chatId: string;
  userId: number;
  /** Oldest first: the store's history merged with what Avito shows now. */
  history: readonly ChatMessage[];
  state: ChatState | undefined;
  listing: Listing | undefined;
  buyerName?: string;
  isProcessed: (id: string) => boolean;
  now: number;
  avitoClockOffsetMs: number;
  anotherResponder: boolean;
  /** The seller paused the bot on the whole account (`pause --all`). */
  accountPaused: boolean;
  /** Bot replies on the account in the last hour, those under way included. */
  accountReplies: number;
}

/** account-rate-limited: MAX_REPLIES_PER_HOUR_ACCOUNT reached; account-paused: `pause --all`. */
export type HoldReason = 'quiet-hours' | 'rate-limited' | 'account-rate-limited' | 'another-responder' | 'account-paused';

/** small-talk: thanks, a greeting or an emoji with no text set for it; the inquiry is closed and logged as SMALL_TALK. */
export type SkipReason = 'no-inquiry' | 'paused' | 'escalated' | 'tariff-stub' | 'non-text' | 'stale' | 'not-ours' | 'small-talk';

export type Verdict =
  | { kind: 'skip'; reason: Extract<SkipReason, 'no-inquiry' | 'paused' | 'escalated' | 'not-ours'> }
  | { kind: 'hold'; reason: HoldReason }
  /** Left to the seller without a reply, the inquiry closed. */
  | { kind: 'leave'; reason: Extract<SkipReason, 'stale' | 'non-text'> }
  | { kind: 'ask-for-text' }
  | { kind: 'answer'; question: string };

/** What this look at the chat taught, recorded whatever the verdict. */
export interface Learned {
  listing?: Listing;
  buyerName?: string;
  takeover?: {
    message: ChatMessage;
    until: number;
    /** The pause still runs (a seller's message from long ago pauses nothing). */
    live: boolean;
    /** The bot was not paused before: the seller hears of it. */
    isNew: boolean;
  };
  anotherResponder?: ChatMessage;
  /** The first copies of replies the bot sent again (`ChatState.lateCopies`), landed after all: the bot's own. */
  lateCopies?: ChatMessage[];
  processed: string[];
}

export interface ChatDecision {
  analysis: ChatAnalysis;
  learned: Learned;
  verdict: Verdict;
}

export function decideChat(view: ChatView, settings: ResponderSettings): ChatDecision {
  const { state } = view;
  const analysis = analyzeChat(view.history, state, view.userId, view.isProcessed, view.avitoClockOffsetMs);
  if (view.listing?.ownerId !== undefined && view.listing.ownerId !== view.userId) {
    return { analysis, learned: { processed: [], ...(isNewListing(view) ? { listing: view.listing } : {}) }, verdict: { kind: 'skip', reason: 'not-ours' } };
  }
  const learned = learn(view, analysis, settings);
  const pausedUntil = Math.max(state?.pausedUntil ?? 0, learned.takeover?.until ?? 0);
  if (view.anotherResponder || learned.anotherResponder) return { analysis, learned, verdict: holdForAnotherResponder(analysis) };
  const verdict = judge(analysis, view, pausedUntil, settings);
  // Whatever would act (answer, leave as stale, close a photo) waits: the seller finds the chats as the buyers left them.
  return { analysis, learned, verdict: view.accountPaused && verdict.kind !== 'skip' ? { kind: 'hold', reason: 'account-paused' } : verdict };
}

export function markAnotherResponder(decision: ChatDecision, message: ChatMessage): ChatDecision {
  const { takeover: _, ...learned } = decision.learned;
  return { ...decision, learned: { ...learned, anotherResponder: message }, verdict: holdForAnotherResponder(decision.analysis) };
}

/** The store lacks the chat's listing, or has it from before its owner was read (asked for again until then). */
function isNewListing(view: ChatView): view is ChatView & { listing: Listing } {
  const stored = view.state?.listing;
  return view.listing !== undefined && (stored === undefined || (stored.ownerId === undefined && view.listing.ownerId !== undefined));
}

function holdForAnotherResponder(analysis: ChatAnalysis): Verdict {
  return analysis.inquiry.length === 0 ? { kind: 'skip', reason: 'no-inquiry' } : { kind: 'hold', reason: 'another-responder' };
}

function learn(view: ChatView, analysis: ChatAnalysis, settings: ResponderSettings): Learned {
  const { state, now } = view;
  const learned: Learned = { processed: analysis.ignored.map((m) => m.id) };
  if (isNewListing(view)) {
    learned.listing = view.listing;
    if (view.buyerName) learned.buyerName = view.buyerName;
  }
  const botIds = new Set(view.state?.botMessageIds ?? []);
  const lateCopies = matchLateCopies(analysis.sellerMessages, state?.lateCopies ?? []).found;
  if (lateCopies.length > 0) {
    learned.lateCopies = lateCopies;
    learned.processed.unshift(...lateCopies.map((m) => m.id));
  }
  const sellerMessages = analysis.sellerMessages.filter((m) => !lateCopies.includes(m));
  const foreignBot = sellerMessages.find((m) => readsAsBot(m, view, botIds, settings));
  if (foreignBot) {
    // Not the seller taking over: no pause, no "you answered" notice; the bot stops everywhere instead.
    learned.anotherResponder = foreignBot;
    learned.processed.unshift(...sellerMessages.map((m) => m.id));
    return learned;
  }
  const newestSeller = sellerMessages.at(-1);
  if (newestSeller) {
    const until = newestSeller.created * 1000 + settings.humanPauseHours * HOUR_MS;
    const live = until > now;
    learned.takeover = { message: newestSeller, until, live, isNew: live && (state?.pausedUntil ?? 0) <= now };
    learned.processed.unshift(...sellerMessages.map((m) => m.id));
  }
  return learned;
}

/**
 * Each text the bot sent again (`ChatState.lateCopies`) matches one message of the same words, the oldest first: a second one is someone
 * else's. Returns the messages matched and the texts still waited for.
 */
export function matchLateCopies(messages: readonly ChatMessage[], texts: readonly string[]): { found: ChatMessage[]; left: string[] } {
  const left = [...texts];
  const found: ChatMessage[] = [];
  for (const message of messages) {
    const at = left.findIndex((text) => isSameText(text, message.text));
    if (at < 0) continue;
    left.splice(at, 1);
    found.push(message);
  }
  return { found, left };
}

function judge(analysis: ChatAnalysis, view: ChatView, pausedUntil: number, settings: ResponderSettings): Verdict {
  const { state, now } = view;
  const newest = analysis.inquiry.at(-1);
  if (newest === undefined) return { kind: 'skip', reason: 'no-inquiry' };
  if (state?.escalatedAt) return { kind: 'skip', reason: 'escalated' };
  // A question from long ago (the first start on an old account, a long outage) is the seller's: a reply weeks late reads as a glitch.
  const maxAgeMs = (settings.replyMaxAgeHours ?? 0) * HOUR_MS;
  if (maxAgeMs > 0 && now - newest.created * 1000 > maxAgeMs) return { kind: 'leave', reason: 'stale' };
  if (pausedUntil > now) return { kind: 'skip', reason: 'paused' };
  if (!isWithinActiveHours(now, settings.activeHours, settings.timeZone)) return { kind: 'hold', reason: 'quiet-hours' };
  if (repliesInLastHour(state, now) >= settings.maxRepliesPerHour) return { kind: 'hold', reason: 'rate-limited' };
  const accountCap = settings.maxRepliesPerHourAccount ?? 0;
  if (accountCap > 0 && view.accountReplies >= accountCap) return { kind: 'hold', reason: 'account-rate-limited' };
  if (analysis.question !== '') return { kind: 'answer', question: analysis.question };
  const askForText = analysis.nonText.some((m) => settings.nonTextReplyTypes.includes(m.type));
  return askForText && settings.nonTextReplyText.trim() !== '' ? { kind: 'ask-for-text' } : { kind: 'leave', reason: 'non-text' };
}

/** A second bot answers within seconds of this one; a person repeating its words takes longer. */
const COPY_WINDOW_SECONDS = 120;

function readsAsBot(message: ChatMessage, view: ChatView, botIds: ReadonlySet<string>, settings: ResponderSettings): boolean {
  if ([settings.fallbackText, settings.escalationText, settings.nonTextReplyText].some((fixed) => fixed.trim() !== '' && isSameText(fixed, message.text))) return true;
  return view.history.some((own) => botIds.has(own.id) && isSameText(own.text, message.text) && Math.abs(message.created - own.created) <= COPY_WINDOW_SECONDS);
}

/** The same words, whatever the spacing and line breaks. */
export function isSameText(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type ReplyPlan =
  | {
      kind: 'reply';
      status: DialogStatus;
      text: string;
      sources: string[];
      answer?: KnowledgeAnswer;
      engineFailure?: { attempts: number; error: string };
    }
  | { kind: 'defer'; attempt: number; error: string };

/** Retried on later passes up to ENGINE_FAILURE_LIMIT, then the fallback, logged as ENGINE_FAILED so the seller can tell an outage from a gap in the documents. */
export function planAfterEngineFailure(state: ChatState | undefined, error: string, settings: ResponderSettings): ReplyPlan {
  const attempt = (state?.engineFailures ?? 0) + 1;
  if (attempt < settings.engineFailureLimit) return { kind: 'defer', attempt, error };
  return { kind: 'reply', status: 'ENGINE_FAILED', text: settings.fallbackText, sources: [], engineFailure: { attempts: attempt, error } };
}
