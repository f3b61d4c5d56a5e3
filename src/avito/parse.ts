/** Lenient: only a body that breaks the API's promise (no chat list, a message without an id) throws, as the core cannot de-duplicate what it cannot identify. */
import { AvitoResponseError } from '../errors.js';
import type { ChatMessage, ChatSummary, Listing } from '../core/model.js';
import { adaptersText } from '../messages/adapters.js';

type Json = Record<string, unknown>;

export interface AccountInfo {
  id: number;
  name?: string;
  email?: string;
  profileUrl?: string;
}

export interface WebhookSubscription {
  url: string;
  version: string;
}

export interface TokenGrant {
  accessToken: string;
  /** Seconds; undefined when Avito did not say. */
  expiresIn: number | undefined;
}

/** `{chats:[...]}` → chat summaries; `accountId` tells the buyer from the seller in `users[]`. */
export function parseChatList(body: unknown, endpoint: string, accountId?: number): ChatSummary[] {
  const chats = isObject(body) ? body.chats : undefined;
  // Avito omits `chats` or sends null when there are none.
  if (chats === undefined || chats === null) return [];
  if (!Array.isArray(chats)) throw shapeError(endpoint, '"chats" is not an array');
  return chats.map((chat) => parseChat(chat, endpoint, accountId));
}

export function parseChat(body: unknown, endpoint: string, accountId?: number): ChatSummary {
  if (!isObject(body)) throw shapeError(endpoint, 'a chat is not an object');
  const id = readId(body.id);
  if (id === undefined) throw shapeError(endpoint, 'a chat has no id');
  const summary: ChatSummary = { id, created: readNumber(body.created) ?? 0, updated: readNumber(body.updated) ?? 0 };

  const listing = parseListing(body.context);
  if (listing) summary.listing = listing;
  const buyer = findBuyer(body.users, accountId);
  if (buyer) summary.buyer = buyer;
  // A chat is usable without its last message, so a malformed one is dropped rather than fatal.
  if (isObject(body.last_message) && readId(body.last_message.id) !== undefined) {
    summary.lastMessage = parseMessage(body.last_message, id, endpoint, accountId);
  }
  return summary;
}

/** Messages body: the spec's bare array or the `{messages:[...]}` most clients see. */
export function parseMessageList(body: unknown, chatId: string, endpoint: string, accountId?: number): ChatMessage[] {
  let list: unknown;
  if (Array.isArray(body)) list = body;
  else if (isObject(body)) list = body.messages ?? [];
  else if (body === undefined || body === null) list = [];
  else throw shapeError(endpoint, 'the messages body is neither an array nor an object');
  if (!Array.isArray(list)) throw shapeError(endpoint, '"messages" is not an array');
  return list.map((message) => parseMessage(message, chatId, endpoint, accountId));
}

/** A send answer has neither chat id nor author: `chatId` comes from the caller, and an outgoing message without `author_id` is the account's. */
export function parseMessage(body: unknown, chatId: string, endpoint: string, accountId?: number): ChatMessage {
  if (!isObject(body)) throw shapeError(endpoint, 'a message is not an object');
  const id = readId(body.id);
  if (id === undefined) throw shapeError(endpoint, 'a message has no id');
  const type = typeof body.type === 'string' && body.type !== '' ? body.type : 'unknown';
  const content = isObject(body.content) ? body.content : undefined;
  const authorId = readNumber(body.author_id);
  const direction = readDirection(body.direction, authorId, accountId);

  const message: ChatMessage = {
    id,
    chatId: typeof body.chat_id === 'string' && body.chat_id !== '' ? body.chat_id : chatId,
    authorId: authorId ?? (direction === 'out' && accountId !== undefined ? accountId : 0),
    created: readNumber(body.created) ?? 0,
    direction,
    type,
    text: readMessageText(type, content),
  };
  const flowId = readString(content?.flow_id) ?? readString(body.flow_id);
  if (flowId) message.flowId = flowId;
  if (content) message.content = content;
  if (typeof body.is_read === 'boolean') message.isRead = body.is_read;
  return message;
}

export function parseAccount(body: unknown, endpoint: string): AccountInfo {
  const id = isObject(body) ? readNumber(body.id) : undefined;
  if (!isObject(body) || id === undefined) throw shapeError(endpoint, 'the account has no numeric id');
  const account: AccountInfo = { id };
  const name = readString(body.name);
  if (name) account.name = name;
  const email = readString(body.email);
  if (email) account.email = email;
  const profileUrl = readString(body.profile_url);
  if (profileUrl) account.profileUrl = profileUrl;
  return account;
}

export function parseSubscriptions(body: unknown, endpoint: string): WebhookSubscription[] {
  const list = isObject(body) ? (body.subscriptions ?? []) : undefined;
  if (!Array.isArray(list)) throw shapeError(endpoint, '"subscriptions" is not an array');
  const subscriptions: WebhookSubscription[] = [];
  for (const entry of list) {
    if (!isObject(entry)) continue;
    const url = readString(entry.url);
    if (url) subscriptions.push({ url, version: readVersion(entry.version) });
  }
  return subscriptions;
}

/** Avito says "3"; a number is written out, anything else is no version. */
function readVersion(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

export function parseVoiceUrls(body: unknown, endpoint: string): Record<string, string> {
  const urls = isObject(body) ? (body.voices_urls ?? {}) : undefined;
  if (!isObject(urls)) throw shapeError(endpoint, '"voices_urls" is not an object');
  const result: Record<string, string> = {};
  for (const [id, url] of Object.entries(urls)) {
    if (typeof url === 'string') result[id] = url;
  }
  return result;
}

export function parseTokenGrant(body: unknown): TokenGrant | undefined {
  if (!isObject(body)) return undefined;
  const accessToken = readString(body.access_token);
  if (!accessToken) return undefined;
  const expiresIn = readNumber(body.expires_in);
  return { accessToken, expiresIn: expiresIn !== undefined && expiresIn > 0 ? expiresIn : undefined };
}

function parseListing(context: unknown): Listing | undefined {
  if (!isObject(context) || !isObject(context.value)) return undefined;
  if (context.type !== undefined && context.type !== 'item') return undefined;
  const value = context.value;
  const id = readNumber(value.id);
  if (id === undefined) return undefined;
  const listing: Listing = { id };
  const title = readString(value.title);
  if (title) listing.title = title;
  const url = readString(value.url);
  if (url) listing.url = url;
  const price = readString(value.price_string);
  if (price) listing.price = price;
  const ownerId = readNumber(value.user_id);
  if (ownerId !== undefined) listing.ownerId = ownerId;
  return listing;
}

function findBuyer(users: unknown, accountId: number | undefined): ChatSummary['buyer'] {
  if (!Array.isArray(users)) return undefined;
  for (const user of users) {
    if (!isObject(user)) continue;
    const id = readNumber(user.id);
    if (id === undefined || id === accountId) continue;
    const name = readString(user.name);
    return name ? { id, name } : { id };
  }
  return undefined;
}

/** The text a person reads, per type; an unknown type with a `text` still shows it. */
function readMessageText(type: string, content: Json | undefined): string {
  if (!content) return '';
  const text = readString(content.text);
  if (text !== undefined) return text;
  const nested = isObject(content[type]) ? (content[type] as Json) : undefined;
  switch (type) {
    case 'link':
      return readString(nested?.text) ?? readString(nested?.url) ?? '';
    case 'item':
      return readString(nested?.title) ?? '';
    case 'location':
      return readString(nested?.title) ?? readString(nested?.text) ?? '';
    default:
      return '';
  }
}

function readDirection(value: unknown, authorId: number | undefined, accountId: number | undefined): 'in' | 'out' {
  if (value === 'in' || value === 'out') return value;
  if (authorId !== undefined && accountId !== undefined && authorId === accountId) return 'out';
  return 'in';
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Avito sends ids and times as numbers; a numeric string is accepted too. */
function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    // Four hundred digits are a number too, but not one an id or a time can be.
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

export function readId(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function shapeError(endpoint: string, problem: string): AvitoResponseError {
  return new AvitoResponseError(adaptersText().avitoUnexpected(endpoint, problem), 200, endpoint, {
    hint: adaptersText().avitoUnexpectedHint,
  });
}
