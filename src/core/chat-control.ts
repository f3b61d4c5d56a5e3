/** Pause and resume, from the commands or the daemon's control inbox: absolute values, so applying a request twice changes nothing. */
import { META_ACCOUNT_PAUSE } from './account-pause.js';
import { META_ANOTHER_RESPONDER } from './another-responder.js';
import type { StoreTransaction } from './ports.js';

export type ControlRequest =
  | {
      op: 'pause';
      chatId: string;
      until: number;
      /** `takeover`: the seller wrote to the buyer from outside the Avito app, at `at`. */
      reason?: 'manual' | 'takeover';
      at?: number;
    }
  | { op: 'resume'; chatId: string; /** Epoch ms of the request: the bot answers messages from then on. */ at: number }
  /** The bot answers no chat on the account until `until` (epoch ms), or until `resume-account` when unset. */
  | { op: 'pause-account'; at: number; until?: number }
  /** Lifts the account pause and the hold for another responder the seller has stopped: the bot answers on the whole account again. */
  | { op: 'resume-account'; at: number };

export function applyControl(tx: StoreTransaction, request: ControlRequest): void {
  if (request.op === 'pause-account') {
    tx.setMeta(META_ACCOUNT_PAUSE, JSON.stringify({ since: request.at, ...(request.until === undefined ? {} : { until: request.until }) }));
    return;
  }
  if (request.op === 'resume-account') {
    // No resume mark: what buyers asked meanwhile and the seller left unanswered is still answered, up to REPLY_MAX_AGE_HOURS.
    tx.setMeta(META_ACCOUNT_PAUSE, '');
    tx.setMeta(META_ANOTHER_RESPONDER, '');
    return;
  }
  if (request.op === 'pause') {
    tx.updateChat(request.chatId, (s) => {
      if (request.reason === 'takeover') {
        // The seller's own message: never shortens a pause they set themselves.
        if (request.until <= (s.pausedUntil ?? 0)) return;
        s.pausedUntil = request.until;
        s.pauseReason = 'takeover';
        if (request.at !== undefined) s.lastActivityAt = Math.max(s.lastActivityAt ?? 0, request.at);
        return;
      }
      s.pausedUntil = request.until;
      s.pauseReason = 'manual';
    });
    return;
  }
  tx.updateChat(request.chatId, (s) => {
    delete s.pausedUntil;
    delete s.pauseReason;
    delete s.escalatedAt;
    s.engineFailures = 0;
    // What the buyer wrote while a person had the chat is theirs to answer; read in Avito's clock when deciding.
    s.resumedAt = Math.max(s.resumedAt ?? 0, request.at);
  });
}

export function parseControlRequest(value: unknown): ControlRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record.op === 'resume-account' && typeof record.at === 'number') return { op: 'resume-account', at: record.at };
  if (record.op === 'pause-account' && typeof record.at === 'number') {
    return { op: 'pause-account', at: record.at, ...(typeof record.until === 'number' ? { until: record.until } : {}) };
  }
  if (typeof record.chatId !== 'string' || record.chatId === '') return undefined;
  if (record.op === 'pause' && typeof record.until === 'number') {
    if (record.reason !== 'takeover') return { op: 'pause', chatId: record.chatId, until: record.until, reason: 'manual' };
    return { op: 'pause', chatId: record.chatId, until: record.until, reason: 'takeover', ...(typeof record.at === 'number' ? { at: record.at } : {}) };
  }
  if (record.op === 'resume' && typeof record.at === 'number') return { op: 'resume', chatId: record.chatId, at: record.at };
  return undefined;
}
