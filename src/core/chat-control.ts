/** Pause and resume, from the commands or the daemon's control inbox: absolute values, so applying a request twice changes nothing. */
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
  /** The seller stopped the other responder the bot held for: it answers on the whole account again. */
  | { op: 'resume-account'; at: number };

export function applyControl(tx: StoreTransaction, request: ControlRequest): void {
  if (request.op === 'resume-account') {
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
  if (typeof record.chatId !== 'string' || record.chatId === '') return undefined;
  if (record.op === 'pause' && typeof record.until === 'number') {
    if (record.reason !== 'takeover') return { op: 'pause', chatId: record.chatId, until: record.until, reason: 'manual' };
    return { op: 'pause', chatId: record.chatId, until: record.until, reason: 'takeover', ...(typeof record.at === 'number' ? { at: record.at } : {}) };
  }
  if (record.op === 'resume' && typeof record.at === 'number') return { op: 'resume', chatId: record.chatId, at: record.at };
  return undefined;
}
