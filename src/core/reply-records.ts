/** The responder's writes, one transaction each: the write-ahead record with what the look taught, then the completion. */
import { matchLateCopies, type Learned } from './decide.js';
import type { ChatAnalysis, ResponderSettings } from './inquiry.js';
import type { ChatMessage, Listing } from './model.js';
import type { KnowledgeAnswer, PendingReply, StoreTransaction } from './ports.js';
import { HOUR_MS } from './time.js';

const BOT_IDS_LIMIT = 200;
/** Late copies watched for per chat: a few ambiguous sends, each of a few parts. */
const LATE_COPIES_LIMIT = 10;

export function recordLearned(tx: StoreTransaction, chatId: string, learned: Learned): void {
  const { listing, buyerName, takeover, lateCopies } = learned;
  if (lateCopies && lateCopies.length > 0) {
    tx.updateChat(chatId, (s) => {
      s.botMessageIds = [...s.botMessageIds, ...lateCopies.map((m) => m.id).filter((id) => !s.botMessageIds.includes(id))].slice(-BOT_IDS_LIMIT);
      const { left } = matchLateCopies(lateCopies, s.lateCopies ?? []);
      if (left.length > 0) s.lateCopies = left;
      else delete s.lateCopies;
    });
  }
  if (listing) {
    tx.updateChat(chatId, (s) => {
      s.listing = listing;
      if (buyerName) s.buyerName = buyerName;
    });
  }
  if (takeover) {
    tx.updateChat(chatId, (s) => {
      if (takeover.until > (s.pausedUntil ?? 0)) {
        s.pausedUntil = takeover.until;
        s.pauseReason = 'takeover';
      }
      s.lastActivityAt = Math.max(s.lastActivityAt ?? 0, takeover.message.created * 1000);
    });
    if (takeover.live) tx.increment('takeovers');
  }
  if (learned.processed.length > 0) tx.markProcessed(learned.processed);
}

export function recordInquiryClosed(tx: StoreTransaction, chatId: string, inquiry: readonly ChatMessage[]): void {
  const newest = inquiry.at(-1);
  if (!newest) return;
  tx.updateChat(chatId, (s) => {
    s.lastHandledMessageId = newest.id;
    s.lastHandledAt = Math.max(s.lastHandledAt ?? 0, newest.created);
  });
  tx.markProcessed(inquiry.map((m) => m.id));
}

export function recordSeen(tx: StoreTransaction, analysis: ChatAnalysis): void {
  tx.increment('messagesSeen', analysis.inquiry.length);
  tx.increment('nonText', analysis.nonText.length);
}

export function recordEngineFailure(tx: StoreTransaction, chatId: string, attempt: number): void {
  tx.increment('engineFailures');
  tx.updateChat(chatId, (s) => {
    s.engineFailures = attempt;
  });
}

/** A definite refusal with nothing sent drops the record; an ambiguous one keeps it, marked, to settle. */
export function recordFailedSend(tx: StoreTransaction, record: PendingReply, ambiguous: boolean, now: number): void {
  if (!ambiguous && record.sentIds.length === 0) tx.closePending(record.chatId);
  else if (ambiguous) tx.putPending({ ...record, ambiguousAt: now });
  else {
    // Refused outright after some parts: nothing is in flight, the rest may go at the next look.
    const { sendingSince: _, ...refused } = record;
    tx.putPending(refused);
  }
  tx.increment('errors');
}

export interface Completion {
  record: PendingReply;
  /** Parts sent again after a send of unknown fate: their first copies may still land (`ChatState.lateCopies`). */
  resent?: readonly string[];
  sent: readonly ChatMessage[];
  inquiry: readonly ChatMessage[];
  listing: Listing | undefined;
  latencyMs: number;
  answer: KnowledgeAnswer | undefined;
  now: number;
}

export function recordCompletion(tx: StoreTransaction, completion: Completion, settings: Pick<ResponderSettings, 'botIdsLimit'>): void {
  const { record, sent, inquiry, listing, latencyMs, answer, now, resent = [] } = completion;
  const sentIds = sent.map((m) => m.id);
  tx.appendMessages(record.chatId, sent);
  tx.updateChat(record.chatId, (s) => {
    s.botMessageIds = [...s.botMessageIds, ...sentIds.filter((id) => !s.botMessageIds.includes(id))].slice(-(settings.botIdsLimit ?? BOT_IDS_LIMIT));
    s.lastHandledMessageId = record.inquiryMessageId;
    s.lastHandledAt = Math.max(s.lastHandledAt ?? 0, record.inquiryCreated);
    s.engineFailures = 0;
    s.recentReplies = [...(s.recentReplies ?? []).filter((at) => now - at < HOUR_MS), now];
    s.lastActivityAt = now;
    s.recheckAfter = now;
    if (resent.length > 0) s.lateCopies = [...(s.lateCopies ?? []), ...resent].slice(-LATE_COPIES_LIMIT);
    if (record.status === 'ESCALATION') s.escalatedAt = now;
  });
  tx.markProcessed([...inquiry.map((m) => m.id), ...sentIds]);
  tx.closePending(record.chatId);
  tx.increment('repliesSent');
  if (record.status === 'FOUND') tx.increment('found');
  // Counted apart so the seller's figures show answers a person still has to finish, not only full ones.
  if (record.status === 'FOUND' && (record.leftOut?.length ?? 0) > 0) tx.increment('partlyAnswered');
  if (record.status === 'NOT_FOUND' || record.status === 'ENGINE_FAILED') tx.increment('notFound');
  if (record.status === 'ESCALATION') tx.increment('escalations');
  tx.appendDialog({
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
    ...(answer?.model ? { model: answer.model } : {}),
    ...(answer?.refusal ? { refusal: answer.refusal } : {}),
    ...(record.leftOut?.length ? { leftOut: record.leftOut } : {}),
  });
}
