import { randomBytes } from 'node:crypto';
import { TARIFF_STUB_TEXT } from './scenario.js';
import type { ChatType, SandboxScenario, ScenarioAccount, ScenarioChat, ScenarioItemContext, ScenarioMessage } from './scenario.js';

export interface SandboxMessage {
  id: string;
  chat_id: string;
  author_id: number;
  /** Unix seconds. */
  created: number;
  direction: 'in' | 'out';
  type: string;
  content: Record<string, unknown>;
  /** Read by the account (always true for its own messages). */
  is_read: boolean;
  /** Unix seconds when it was read, or null. */
  read: number | null;
}

export interface SandboxChat {
  id: string;
  type: ChatType;
  created: number;
  updated: number;
  context?: ScenarioItemContext;
  users: Array<{ id: number; name?: string }>;
  /** Oldest first; the newest is the last. */
  messages: SandboxMessage[];
  /** Incoming messages not yet read, kept so `unread_only` needs no scan. */
  unread: number;
  /** Order of last activity; breaks ties between chats updated in the same second. */
  touched: number;
}

export interface NewMessage {
  author_id?: number;
  text?: string;
  type?: string;
  content?: Record<string, unknown>;
  direction?: 'in' | 'out';
  created?: number;
  id?: string;
  is_read?: boolean;
}

export interface ChatQuery {
  types: ReadonlySet<string>;
  itemIds?: ReadonlySet<number>;
  unreadOnly: boolean;
  limit: number;
  offset: number;
}

/** Spacing between default message times, and between the default "last activity" of successive chats. */
const MESSAGE_STEP_SECONDS = 60;
const CHAT_STEP_SECONDS = 600;

let lastTouch = 0;

export function generateMessageId(): string {
  return randomBytes(16).toString('hex');
}

function chatTypeOf(chat: ScenarioChat): ChatType {
  if (chat.type !== undefined) return chat.type;
  const prefix = chat.id.slice(0, 4);
  if (prefix === 'u2u-') return 'u2u';
  if (prefix === 'a2u-') return 'a2u';
  return 'u2i';
}

function storeMessage(chatId: string, accountId: number, message: NewMessage & { author_id: number; created: number }): SandboxMessage {
  const direction = message.direction ?? (message.author_id === accountId ? 'out' : 'in');
  const isText = message.text !== undefined;
  const isRead = message.is_read ?? direction === 'out';
  return {
    id: message.id ?? generateMessageId(),
    chat_id: chatId,
    author_id: message.author_id,
    created: message.created,
    direction,
    type: isText ? 'text' : (message.type ?? 'text'),
    content: isText ? { text: message.text } : { ...(message.content ?? {}) },
    is_read: isRead,
    // `read` is when the other side read it; for an incoming message read by us, its time is the best guess.
    read: isRead && direction === 'in' ? message.created : null,
  };
}

/** Without explicit times, the scenario's chat 0 (`position`) is the most recent, each next one ten minutes older. */
export function createChat(chat: ScenarioChat, account: ScenarioAccount, nowSeconds: number, position = 0): SandboxChat {
  const count = chat.messages.length;
  let previous = chat.created ?? nowSeconds - position * CHAT_STEP_SECONDS - (count - 1) * MESSAGE_STEP_SECONDS;
  const messages = chat.messages.map((message: ScenarioMessage, index) => {
    const created = message.created ?? (index === 0 ? previous : previous + MESSAGE_STEP_SECONDS);
    previous = created;
    return storeMessage(chat.id, account.id, { ...message, created });
  });
  // Stable: messages written out of time order take their place by time, ties keep the file's order.
  messages.sort((a, b) => a.created - b.created);
  const firstIn = messages.find((message) => message.direction === 'in' && message.author_id !== 0);
  const users = chat.users?.map((user) => ({ ...user })) ?? [
    { id: account.id, name: account.name ?? 'Продавец' },
    ...(firstIn === undefined ? [] : [{ id: firstIn.author_id, name: 'Покупатель' }]),
  ];
  const created = chat.created ?? messages[0]?.created ?? nowSeconds;
  const last = messages.at(-1)?.created ?? created;
  const state: SandboxChat = {
    id: chat.id,
    type: chatTypeOf(chat),
    created,
    updated: chat.updated ?? Math.max(created, last),
    users,
    messages,
    unread: messages.filter((message) => message.direction === 'in' && !message.is_read).length,
    // Scenario chats rank before any later activity, earlier ones of the file as more recent.
    touched: -position,
  };
  if (chat.context !== undefined) state.context = chat.context;
  return state;
}

/** Marks the chat as the one with the latest activity (among chats updated in the same second). */
export function touchChat(chat: SandboxChat): void {
  chat.touched = ++lastTouch;
}

/** The chat's counterpart: the first user who is not the account. */
export function findBuyer(chat: SandboxChat, accountId: number): number | undefined {
  return chat.users.find((user) => user.id !== accountId)?.id;
}

/** Appends a message (the newest), keeping `updated`, `unread` and `users` right. */
export function appendMessage(chat: SandboxChat, accountId: number, message: NewMessage, nowSeconds: number): SandboxMessage {
  const author = message.author_id ?? findBuyer(chat, accountId);
  if (author === undefined) throw new Error(`Sandbox chat "${chat.id}" has no buyer yet: pass author_id`);
  const stored = storeMessage(chat.id, accountId, { ...message, author_id: author, created: message.created ?? nowSeconds });
  chat.messages.push(stored);
  chat.updated = Math.max(chat.updated, stored.created);
  touchChat(chat);
  if (stored.direction === 'in' && !stored.is_read) chat.unread += 1;
  if (stored.direction === 'in' && author !== 0 && !chat.users.some((user) => user.id === author)) {
    chat.users.push({ id: author });
  }
  return stored;
}

export function markChatRead(chat: SandboxChat, nowSeconds: number): void {
  if (chat.unread === 0) return;
  for (const message of chat.messages) {
    if (message.direction === 'in' && !message.is_read) {
      message.is_read = true;
      message.read = nowSeconds;
    }
  }
  chat.unread = 0;
}

/** Chats matching the query, newest `updated` first, one page. */
export function queryChats(chats: Iterable<SandboxChat>, query: ChatQuery): SandboxChat[] {
  const matching: SandboxChat[] = [];
  for (const chat of chats) {
    if (!query.types.has(chat.type)) continue;
    if (query.unreadOnly && chat.unread === 0) continue;
    if (query.itemIds !== undefined && (chat.context === undefined || !query.itemIds.has(chat.context.value.id))) continue;
    matching.push(chat);
  }
  matching.sort((a, b) => b.updated - a.updated || b.touched - a.touched);
  return matching.slice(query.offset, query.offset + query.limit);
}

/** One page of a chat's messages, newest first, as the v3 messages endpoint pages them. */
export function pageMessages(chat: SandboxChat, limit: number, offset: number): SandboxMessage[] {
  const page: SandboxMessage[] = [];
  const end = Math.max(chat.messages.length - offset - limit, 0);
  for (let index = chat.messages.length - 1 - offset; index >= end; index--) {
    page.push(chat.messages[index] as SandboxMessage);
  }
  return page;
}

/** Renders messages and chats in Avito's wire format; `tariffStub` hides every text behind the stub. */
export interface WireRenderer {
  message(message: SandboxMessage): Record<string, unknown>;
  chat(chat: SandboxChat): Record<string, unknown>;
  account(): Record<string, unknown>;
}

function profileUrl(userId: number): string {
  return `https://www.avito.ru/user/sandbox${userId}/profile`;
}

function renderUsers(chat: SandboxChat): Array<Record<string, unknown>> {
  return chat.users.map((user) => ({
    id: user.id,
    name: user.name ?? `Пользователь ${user.id}`,
    public_user_profile: {
      user_id: user.id,
      url: profileUrl(user.id),
      avatar: { default: 'https://www.avito.st/stub_avatars/_/14_256x256.png' },
      ...(chat.context === undefined ? {} : { item_id: chat.context.value.id }),
    },
  }));
}

export function createWireRenderer(scenario: Pick<SandboxScenario, 'account'>, isTariffStub: () => boolean): WireRenderer {
  const account = scenario.account;

  function visibleContent(message: SandboxMessage): { type: string; content: Record<string, unknown> } {
    if (isTariffStub()) return { type: 'text', content: { text: TARIFF_STUB_TEXT } };
    return { type: message.type, content: message.content };
  }

  return {
    message(message) {
      return {
        id: message.id,
        author_id: message.author_id,
        created: message.created,
        direction: message.direction,
        ...visibleContent(message),
        is_read: message.is_read,
        read: message.read,
      };
    },
    chat(chat) {
      const last = chat.messages.at(-1);
      const wire: Record<string, unknown> = {
        id: chat.id,
        created: chat.created,
        updated: chat.updated,
      };
      // Avito names the listing's author; a scenario that does not is about the account's own listing.
      if (chat.context !== undefined) wire.context = { ...chat.context, value: { user_id: account.id, ...chat.context.value } };
      wire.users = renderUsers(chat);
      if (last !== undefined) {
        wire.last_message = {
          id: last.id,
          author_id: last.author_id,
          created: last.created,
          direction: last.direction,
          ...visibleContent(last),
        };
      }
      return wire;
    },
    account() {
      const phone = account.phone ?? '79990001122';
      return {
        id: account.id,
        name: account.name ?? 'Продавец (песочница)',
        email: account.email ?? 'seller@example.com',
        phone,
        phones: [phone],
        profile_url: account.profile_url ?? profileUrl(account.id),
      };
    },
  };
}
