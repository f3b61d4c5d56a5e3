/** `notify` only queues, so Telegram being slow, down or blocked never delays a buyer's answer; bounded, so an outage of days cannot eat the memory. */
import { abortableSleep } from '../core/async.js';
import { retry, type BackoffPolicy } from '../core/retry.js';
import type { Notification, Notifier } from '../core/ports.js';
import { formatNotification, type OutgoingMessage } from './format.js';
import { HOUR_MS } from '../core/time.js';

export class TelegramSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TelegramSendError';
  }
}

export interface NoticeLogger {
  info(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
}

export interface TelegramNotifierOptions {
  /** Throws `TelegramSendError`; anything else counts as retryable (the network, most likely). */
  send: (chatId: number, message: OutgoingMessage, signal?: AbortSignal) => Promise<void>;
  owners: readonly number[];
  mode: 'all' | 'escalations' | 'off';
  humanPauseHours: number;
  /** The Avito account (ACCOUNTS_DIR) every notice names; undefined: the only one. */
  account?: string;
  logger: NoticeLogger;
  now?: () => number;
  attempts?: number;
  baseDelayMs?: number;
  maxQueue?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface TelegramNotifier extends Notifier {
  /** Waits until the queue is empty or `timeoutMs` passed; true when everything went out or was dropped. */
  flush(timeoutMs: number): Promise<boolean>;
  pending(): number;
  /** Drops what is queued and abandons the message in flight: the process may exit now. */
  close(): void;
}

const ERROR_REPEAT_MS = HOUR_MS;
const CHAT_ERRORS_PER_HOUR = 5;

/**
 * Kept by `escalations` mode, dropped last by a full queue; an answer counts when the bot could not really answer, or
 * answered only part of the message (the buyer was told a person answers the rest).
 */
function needsSeller(notification: Notification): boolean {
  if (notification.kind === 'answer') return notification.status === 'NON_TEXT' || notification.status === 'ENGINE_FAILED' || (notification.leftOut?.length ?? 0) > 0;
  return notification.kind === 'escalation' || notification.kind === 'non-text' || notification.kind === 'error';
}

function toSendError(error: unknown): TelegramSendError {
  return error instanceof TelegramSendError ? error : new TelegramSendError(String(error), true);
}

type QueuedNotice = { chatId: number; message: OutgoingMessage; kind: string; important: boolean };

export function createTelegramNotifier(options: TelegramNotifierOptions): TelegramNotifier {
  const now = options.now ?? Date.now;
  const maxQueue = options.maxQueue ?? 500;
  const wanted = createNoticeFilter(options.mode, now, options.logger);
  const delivery: Delivery = {
    send: options.send,
    attempts: options.attempts ?? 4,
    backoff: { baseDelayMs: options.baseDelayMs ?? 1000 },
    sleep: options.sleep ?? abortableSleep,
    logger: options.logger,
  };
  const queue: QueuedNotice[] = [];
  let draining: Promise<void> | undefined;
  const closing = new AbortController();

  function drain(): void {
    if (draining) return;
    draining = (async () => {
      while (queue.length > 0 && !closing.signal.aborted) await deliverNotice(queue.shift()!, delivery, closing.signal);
    })().finally(() => {
      draining = undefined;
    });
  }

  return {
    notify(notification) {
      if (closing.signal.aborted) return;
      try {
        if (!wanted(notification)) return;
        const messages = formatNotification(notification, { humanPauseHours: options.humanPauseHours, ...(options.account === undefined ? {} : { account: options.account }) });
        const important = needsSeller(notification);
        for (const chatId of options.owners) for (const message of messages) queue.push({ chatId, message, kind: notification.kind, important });
        const dropped = trimQueue(queue, maxQueue);
        if (dropped > 0) options.logger.warn(`telegram: ${dropped} old notice(s) dropped, Telegram has not taken them in time`);
        drain();
      } catch (error) {
        // A notice must never throw into the core.
        options.logger.warn(`telegram: could not prepare a notice: ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    async flush(timeoutMs) {
      const deadline = now() + timeoutMs;
      while ((draining || queue.length > 0) && now() < deadline) {
        await Promise.race([draining, new Promise((resolve) => setTimeout(resolve, 20))]);
      }
      return !draining && queue.length === 0;
    },

    pending: () => queue.length + (draining ? 1 : 0),

    close() {
      const left = queue.length;
      queue.length = 0;
      closing.abort();
      if (left > 0) options.logger.warn(`telegram: ${left} notice(s) not sent before exit`);
    },
  };
}

function createNoticeFilter(mode: TelegramNotifierOptions['mode'], now: () => number, logger: NoticeLogger): (notification: Notification) => boolean {
  const lastErrorAt = new Map<string, number>();
  const errorsByCode = new Map<string, number[]>();
  return (notification) => {
    if (mode === 'off') return false;
    if (mode === 'escalations' && !needsSeller(notification)) return false;
    if (notification.kind !== 'error') return true;
    // The same trouble at most once an hour, per chat (each is the seller's to answer), but at most CHAT_ERRORS_PER_HOUR
    // chats of one kind, so an outage or a first start on an old account cannot bury the escalations.
    const code = notification.code ?? notification.message;
    const key = notification.code === 'tariff-stub' ? code : `${code}|${notification.chatId ?? ''}`;
    const last = lastErrorAt.get(key);
    if (last !== undefined && now() - last < ERROR_REPEAT_MS) return false;
    const recent = (errorsByCode.get(code) ?? []).filter((at) => now() - at < ERROR_REPEAT_MS);
    if (recent.length >= CHAT_ERRORS_PER_HOUR) {
      logger.warn(`telegram: more "${code}" notices this hour than Telegram gets; see the log`, { chat: notification.chatId });
      return false;
    }
    errorsByCode.set(code, [...recent, now()]);
    lastErrorAt.set(key, now());
    return true;
  };
}

/** Over `maxQueue`, drops the oldest routine notices first and what needs the seller last; returns how many. */
function trimQueue(queue: QueuedNotice[], maxQueue: number): number {
  if (queue.length <= maxQueue) return 0;
  const dropped = queue.length - maxQueue;
  let excess = dropped;
  for (let index = 0; index < queue.length && excess > 0; ) {
    if (queue[index]!.important) index += 1;
    else {
      queue.splice(index, 1);
      excess -= 1;
    }
  }
  if (excess > 0) queue.splice(0, excess);
  return dropped;
}

interface Delivery {
  send: TelegramNotifierOptions['send'];
  attempts: number;
  backoff: BackoffPolicy;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger: NoticeLogger;
}

/** Sends one notice with retries; a notice that cannot go out is dropped with a log line. */
async function deliverNotice(item: QueuedNotice, delivery: Delivery, signal: AbortSignal): Promise<void> {
  let tried = 0;
  try {
    await retry(
      async () => {
        // Closed during a wait: nothing more goes out.
        signal.throwIfAborted();
        tried += 1;
        await delivery.send(item.chatId, item.message, signal);
      },
      {
        attempts: delivery.attempts,
        policy: delivery.backoff,
        isRetryable: (error) => toSendError(error).retryable,
        retryAfterOf: (error) => toSendError(error).retryAfterMs,
        signal,
        sleep: delivery.sleep,
      },
    );
  } catch (error) {
    if (signal.aborted) return;
    delivery.logger.warn(`telegram: dropped a ${item.kind} notice after ${tried} attempt(s): ${toSendError(error).message}`, { to: item.chatId });
  }
}
