/**
 * Avito's webhook deliveries (`POST` to the subscribed URL), parsed into what the core reads.
 * Pure: the HTTP server hands in the decoded JSON and answers by the result's kind.
 */
import type { ChatMessage } from '../core/model.js';
import { isObject, parseMessage, readId } from './parse.js';

/** Where `serve` takes deliveries; the secret follows it, so the URL itself is the credential. */
export const WEBHOOK_PATH = '/avito/webhook/';

/** The URL Avito delivers to: `serve`'s public address, the webhook path, the secret. */
export function webhookUrl(baseUrl: string, secret: string): string {
  return `${baseUrl}${WEBHOOK_PATH}${secret}`;
}

/** A URL as printed: the configured secret never reaches the terminal or its scrollback. */
export function hideWebhookSecret(url: string, secret: string | undefined): string {
  return secret ? url.split(secret).join('<AVITO_WEBHOOK_SECRET>') : url;
}

/** What one delivery holds. Expected outcomes are kinds, not exceptions (a bad body is the sender's). */
export type WebhookDelivery =
  /** Avito's check when subscribing (an empty `{}`): answered 200, nothing to do. */
  | { kind: 'check' }
  | {
      kind: 'message';
      /** The delivery's own id (Avito may deliver one message more than once, under new ids). */
      deliveryId?: string;
      /** The account the webhook belongs to (`value.user_id`). */
      accountId: number;
      chatType?: string;
      itemId?: number;
      message: ChatMessage;
    }
  /** A payload type avito-ai does not act on: acknowledged and ignored. */
  | { kind: 'other'; type: string }
  | { kind: 'invalid'; reason: string };

/** Parses a decoded delivery body; never throws. */
export function parseWebhookDelivery(body: unknown): WebhookDelivery {
  if (!isObject(body)) return invalid('the body is not a JSON object');
  if (!('payload' in body)) return { kind: 'check' };
  const payload = body.payload;
  if (!isObject(payload)) return invalid('"payload" is not an object');
  if (typeof payload.type !== 'string' || payload.type === '') return invalid('"payload.type" is missing');
  if (payload.type !== 'message') return { kind: 'other', type: payload.type.slice(0, 64) };
  const value = payload.value;
  if (!isObject(value)) return invalid('"payload.value" is not an object');
  const chatId = value.chat_id;
  if (typeof chatId !== 'string' || chatId === '' || chatId.length > 200) return invalid('"payload.value.chat_id" is missing');
  const accountId = readInt(value.user_id);
  if (accountId === undefined) return invalid('"payload.value.user_id" is missing');
  const id = readId(value.id);
  if (id === undefined) return invalid('"payload.value.id" is missing');
  if (id.length > 200) return invalid('"payload.value.id" is too long');
  const message = parseMessage(value, chatId, 'webhook', accountId);
  const itemId = readInt(value.item_id);
  return {
    kind: 'message',
    ...(typeof body.id === 'string' ? { deliveryId: body.id } : {}),
    accountId,
    ...(typeof value.chat_type === 'string' ? { chatType: value.chat_type } : {}),
    ...(itemId !== undefined ? { itemId } : {}),
    message,
  };
}

function invalid(reason: string): WebhookDelivery {
  return { kind: 'invalid', reason };
}

function readInt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value) && Number(value) > 0) return Number(value);
  return undefined;
}
