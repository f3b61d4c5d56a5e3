/** As Avito does it: every new message is POSTed to each subscribed URL, in order per URL, accepted only after it answers a test POST. */
import { randomUUID } from 'node:crypto';
import { nowSeconds } from './context.js';
import { describeFailure } from './reply.js';
import type { SandboxChat, SandboxMessage } from './state.js';

export interface WebhookDelivery {
  url: string;
  body: unknown;
  at: number;
  status?: number;
  /** Why it failed without an answer (refused, timeout). */
  error?: string;
}

export interface WebhookOutbox {
  accountId: number;
  /** Aborted when the sandbox closes: nothing new is queued, pending POSTs are abandoned. */
  signal: AbortSignal;
  urls: Set<string>;
  deliveries: WebhookDelivery[];
  /** One promise chain per URL, so each receiver gets its deliveries in order. */
  chains: Map<string, Promise<void>>;
}

const WEBHOOK_CHECK_TIMEOUT_MS = 2000;
const DELIVERY_TIMEOUT_MS = 2000;

/** The body Avito delivers for a message, under a fresh delivery id. */
export function renderDelivery(accountId: number, chat: SandboxChat, message: SandboxMessage): unknown {
  return {
    id: randomUUID(),
    version: 'v3.0.0',
    timestamp: nowSeconds(),
    payload: {
      type: 'message',
      value: {
        id: message.id,
        chat_id: chat.id,
        user_id: accountId,
        author_id: message.author_id,
        created: message.created,
        type: message.type,
        chat_type: chat.type,
        content: message.content,
        item_id: chat.context?.value.id ?? null,
        published_at: new Date(message.created * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        read: message.read,
      },
    },
  };
}

export function queueDeliveries(outbox: WebhookOutbox, chat: SandboxChat, message: SandboxMessage): void {
  if (outbox.signal.aborted) return;
  for (const url of outbox.urls) {
    const delivery: WebhookDelivery = { url, body: renderDelivery(outbox.accountId, chat, message), at: Date.now() };
    outbox.deliveries.push(delivery);
    const previous = outbox.chains.get(url) ?? Promise.resolve();
    outbox.chains.set(url, previous.then(() => postDelivery(delivery, outbox.signal)));
  }
}

async function postDelivery(delivery: WebhookDelivery, closing: AbortSignal): Promise<void> {
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(delivery.body),
      signal: AbortSignal.any([AbortSignal.timeout(DELIVERY_TIMEOUT_MS), closing]),
    });
    await response.arrayBuffer();
    delivery.status = response.status;
  } catch (error) {
    delivery.error = describeFailure(error);
  }
}

export async function flushDeliveries(outbox: WebhookOutbox): Promise<void> {
  // A delivery may queue while we wait (a receiver that sends a reply); wait until none is left.
  let pending = [...outbox.chains.values()];
  while (pending.length > 0) {
    await Promise.all(pending);
    const next = [...outbox.chains.values()].filter((chain) => !pending.includes(chain));
    pending = next;
  }
}

/** Avito's own check before accepting a webhook: an empty `{}` POST answered 200 within 2 s. */
export async function checkWebhook(url: string, closing: AbortSignal): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.any([AbortSignal.timeout(WEBHOOK_CHECK_TIMEOUT_MS), closing]),
    });
    await response.arrayBuffer();
    return response.status === 200 ? undefined : `it answered ${response.status}`;
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'no answer within 2 s' : describeFailure(error);
  }
}
