import type { ChatMessage } from './model.js';
import type { ChatState, ContextMessage, StoreReader } from './ports.js';
import { HOUR_MS } from './time.js';

/** The text Avito shows in chats when the account has no Messenger API tariff. */
const TARIFF_STUB = /подписк\S*\s+(с|на)\s+api\s+мессенджер/i;

const CLOCK_SKEW_TOLERANCE_MS = 5_000;

export interface ResponderSettings {
  contextLimit: number;
  humanPauseHours: number;
  fallbackText: string;
  escalationText: string;
  nonTextReplyText: string;
  nonTextReplyTypes: readonly string[];
  /** Added after an answer that leaves some of the buyer's questions out (KnowledgeAnswer.leftOut); empty or unset: nothing. */
  partialAnswerText?: string;
  /** Sent after thanks, acknowledgements, goodbyes and emoji; empty or unset: nothing is sent. */
  thanksReplyText?: string;
  /** Sent after a greeting or an "are you there?" that asks nothing else; empty or unset: nothing is sent. */
  greetingReplyText?: string;
  /** Minutes since midnight in `timeZone`; undefined = always active. */
  activeHours: { start: number; end: number } | undefined;
  timeZone: string | undefined;
  maxRepliesPerHour: number;
  /** Bot replies per hour on the whole account (a runaway loop, a flood of buyers); 0 or unset: no cap. */
  maxRepliesPerHourAccount?: number;
  /** Older inquiries are left to the seller; 0: no limit. */
  replyMaxAgeHours?: number;
  engineFailureLimit: number;
  botIdsLimit?: number;
  /** How long a send of unknown fate (timeout, dropped connection) may take to show up before it is sent again: Avito may still be storing it. */
  sendSettleMs?: number;
}

export interface ChatAnalysis {
  inquiry: ChatMessage[];
  question: string;
  nonText: ChatMessage[];
  /** Outgoing messages the bot did not send and has not seen before: the seller wrote by hand. */
  sellerMessages: ChatMessage[];
  /** Never to be answered (system, Avito's bots, deleted, own echo), seen for the first time. */
  ignored: ChatMessage[];
}

export function isFromBuyer(message: ChatMessage, userId: number): boolean {
  return (
    message.direction === 'in' &&
    message.authorId !== userId &&
    message.authorId !== 0 &&
    message.type !== 'system' &&
    message.type !== 'deleted' &&
    !message.flowId
  );
}

export function isTariffStub(message: ChatMessage): boolean {
  return TARIFF_STUB.test(message.text);
}

/** Only the seller's messages close earlier ones by position: a bot reply answers exactly the messages it was built from, so one that arrived meanwhile stays open. */
export function analyzeChat(
  history: readonly ChatMessage[],
  state: ChatState | undefined,
  userId: number,
  isProcessed: (id: string) => boolean,
  /** Avito's clock minus this machine's, in ms (0 when unknown): a resume is read in Avito's time. */
  avitoClockOffsetMs = 0,
): ChatAnalysis {
  const botIds = new Set(state?.botMessageIds ?? []);
  // The offset is estimated to about a second: below a few seconds the clocks are taken as in step, so a resume stays exact.
  const offset = Math.abs(avitoClockOffsetMs) > CLOCK_SKEW_TOLERANCE_MS ? avitoClockOffsetMs : 0;
  const resumedAt = state?.resumedAt === undefined ? 0 : Math.floor((state.resumedAt + offset) / 1000);
  const watermark = Math.max(state?.lastHandledAt ?? 0, resumedAt);
  // Within the handled second only what follows the handled message is new: an answered sibling whose processed id was forgotten must not come back.
  const handledIndex = state?.lastHandledMessageId === undefined ? -1 : history.findIndex((m) => m.id === state.lastHandledMessageId);
  const isAfterWatermark = (m: ChatMessage, index: number): boolean => {
    if (m.created !== watermark) return m.created > watermark;
    // A watermark from a resume (now, or from before resumes were kept apart) counts its own second as after it.
    if (m.created === resumedAt || state?.lastHandledMessageId === undefined) return true;
    return handledIndex !== -1 && index > handledIndex;
  };
  let lastSellerIndex = -1;
  const sellerMessages: ChatMessage[] = [];
  const ignored: ChatMessage[] = [];
  history.forEach((message, index) => {
    if (message.direction === 'out') {
      if (botIds.has(message.id) || message.type === 'system' || message.flowId) return;
      lastSellerIndex = index;
      if (!isProcessed(message.id)) sellerMessages.push(message);
    } else if (!isFromBuyer(message, userId) && !isProcessed(message.id)) {
      ignored.push(message);
    }
  });

  const inquiry = history.filter(
    (m, index) => index > lastSellerIndex && isFromBuyer(m, userId) && !isProcessed(m.id) && isAfterWatermark(m, index) && m.id !== state?.lastHandledMessageId,
  );
  const texts = inquiry.filter((m) => m.type === 'text' && m.text.trim().length > 0);
  const nonText = inquiry.filter((m) => m.type !== 'text');
  return {
    inquiry,
    question: texts.map((m) => m.text.trim()).join('\n'),
    nonText,
    sellerMessages,
    ignored,
  };
}

export function buildContext(
  history: readonly ChatMessage[],
  state: ChatState | undefined,
  userId: number,
  limit: number,
): ContextMessage[] {
  const botIds = new Set(state?.botMessageIds ?? []);
  return history
    .filter((m) => m.type !== 'system' && !m.flowId && m.type !== 'deleted' && m.text.trim().length > 0)
    .slice(-limit)
    .map((m) => ({
      role: m.direction === 'in' && m.authorId !== userId ? 'buyer' : botIds.has(m.id) ? 'bot' : 'seller',
      text: m.text,
      at: m.created,
    }));
}

export function isWithinActiveHours(
  now: number,
  activeHours: ResponderSettings['activeHours'],
  timeZone: string | undefined,
): boolean {
  if (!activeHours) return true;
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(now));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  const minutes = hour * 60 + minute;
  const { start, end } = activeHours;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** Bot replies in the last hour, for the per-chat cap against loops with other bots. */
export function repliesInLastHour(state: ChatState | undefined, now: number): number {
  return (state?.recentReplies ?? []).filter((at) => now - at < HOUR_MS).length;
}

/** Bot replies in the last hour across every chat, for the account-wide cap. */
export function countAccountReplies(store: Pick<StoreReader, 'forEachChat'>, now: number): number {
  let count = 0;
  store.forEachChat((state) => {
    for (const at of state.recentReplies ?? []) if (now - at < HOUR_MS) count++;
  });
  return count;
}
