/** Finishing a reply a crash or an ambiguous send left open: the write-ahead record says what the bot meant to send, Avito's history what went out. */
import { isFromBuyer } from './inquiry.js';
import type { ChatMessage } from './model.js';
import type { PendingReply } from './ports.js';
import { splitText } from './split-text.js';

export type PendingPlan =
  | { kind: 'hold' }
  | { kind: 'drop' }
  | { kind: 'finish'; adopted: ChatMessage[]; rest: string[]; inquiry: ChatMessage[] };

export interface PendingView {
  history: readonly ChatMessage[];
  userId: number;
  /** Messages the bot knew as its own before this record: they answered earlier questions. */
  knownBotIds: ReadonlySet<string>;
  isProcessed: (id: string) => boolean;
  now: number;
  settleMs: number;
  /** The seller paused the bot here or a person was asked for since the reply was recorded. */
  stopped: boolean;
}

export function reconcilePending(pending: PendingReply, view: PendingView): PendingPlan {
  const { history } = view;
  // Only a message the bot does not know yet can be part of this reply (seconds are too coarse to tell).
  const after = history.filter((m) => m.direction === 'out' && m.created >= pending.inquiryCreated && !view.knownBotIds.has(m.id));
  // A part counts as sent only by its id or exact text, so a seller's short "Да" is never taken for the bot's reply.
  const parts = splitText(pending.text);
  const adopted: ChatMessage[] = [];
  for (const message of after) {
    const next = parts[adopted.length];
    if (next !== undefined && (pending.sentIds.includes(message.id) || message.text.trim() === next.trim())) adopted.push(message);
  }
  const inquiryIndex = history.findIndex((m) => m.id === pending.inquiryMessageId);
  const isUpToInquiry = (m: ChatMessage, index: number): boolean => (inquiryIndex >= 0 ? index <= inquiryIndex : m.created <= pending.inquiryCreated);
  const inquiry = history.filter((m, index) => m.direction === 'in' && isUpToInquiry(m, index) && !view.isProcessed(m.id));
  const settling = view.now < settleUntil(pending, parts.length, view.settleMs);

  if (adopted.length > 0) {
    if (settling && adopted.length < parts.length) return { kind: 'hold' };
    // What landed is the reply; a stopped bot sends nothing more, otherwise the rest follows so the buyer reads it all once.
    return { kind: 'finish', adopted, rest: view.stopped ? [] : parts.slice(adopted.length), inquiry };
  }
  // The seller answered: the reply is no longer wanted (a late copy is the seller's problem, not a reason to send).
  if (after.length > 0) return { kind: 'drop' };
  // A send that may still land is never repeated before its window passes, whatever happened since.
  if (settling) return { kind: 'hold' };
  // Stopped, or the buyer wrote again (the reply no longer covers the whole inquiry): decide afresh.
  const buyerWroteAgain = history.some((m, index) => isFromBuyer(m, view.userId) && !view.isProcessed(m.id) && !isUpToInquiry(m, index));
  if (view.stopped || buyerWroteAgain) return { kind: 'drop' };
  return { kind: 'finish', adopted: [], rest: parts, inquiry };
}

export const DEFAULT_SEND_SETTLE_MS = 30_000;

/** A send lands within about one timeout of its start, or not at all; each further part adds its own. */
export function settleDeadline(since: number, parts: number, settleMs: number): number {
  return since + settleMs + ((Math.max(1, parts) - 1) * settleMs) / 2;
}

function settleUntil(pending: PendingReply, parts: number, settleMs: number): number {
  const since = Math.max(pending.sendingSince ?? 0, pending.ambiguousAt ?? 0);
  return since === 0 ? 0 : settleDeadline(since, parts, settleMs);
}
