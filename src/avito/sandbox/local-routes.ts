/**
 * The sandbox's own routes under `/sandbox/`, which Avito does not have: a person at this machine
 * writes into a chat as its buyer and reads what came back (`avito-ai sandbox say`). The server
 * answers them only to a client on this machine, without a token.
 */
import { announceMessage, nowSeconds } from './context.js';
import type { MessageOrigin, SandboxContext } from './context.js';
import { errorReply, validationError } from './reply.js';
import type { Reply } from './reply.js';
import { checkText, isObject } from './request.js';
import type { Route, RouteInput } from './routes.js';
import type { ChatType, ScenarioItemContext } from './scenario.js';
import { appendMessage, findBuyer } from './state.js';
import type { NewMessage, SandboxChat, SandboxMessage } from './state.js';
import { queueDeliveries } from './webhooks.js';

/** A message as a person reads it: who wrote it and its text (none for voice, images and the like). */
export interface MessageView {
  id: string;
  direction: 'in' | 'out';
  type: string;
  text?: string;
  /** Unix seconds. */
  created: number;
}

/** A chat in a line: what it is about, with whom, how far it got. */
export interface ChatSummary {
  id: string;
  type: ChatType;
  listing?: ScenarioItemContext['value'];
  buyer?: { id: number; name?: string };
  messages: number;
  last?: MessageView;
}

export function viewMessage(message: SandboxMessage): MessageView {
  const text = message.content.text;
  return {
    id: message.id,
    direction: message.direction,
    type: message.type,
    ...(typeof text === 'string' ? { text } : {}),
    created: message.created,
  };
}

export function summarizeChat(chat: SandboxChat, accountId: number): ChatSummary {
  const buyerId = findBuyer(chat, accountId);
  const buyer = chat.users.find((user) => user.id === buyerId);
  const last = chat.messages.at(-1);
  return {
    id: chat.id,
    type: chat.type,
    ...(chat.context === undefined ? {} : { listing: { ...chat.context.value } }),
    ...(buyer === undefined ? {} : { buyer: { ...buyer } }),
    messages: chat.messages.length,
    ...(last === undefined ? {} : { last: viewMessage(last) }),
  };
}

/** Adds a message as if it were written (by the chat's buyer unless it names its author), delivers webhooks, tells watchers. */
export function postMessage(context: SandboxContext, chat: SandboxChat, message: NewMessage, origin: MessageOrigin): SandboxMessage {
  const stored = appendMessage(chat, context.account.id, message, nowSeconds());
  queueDeliveries(context.webhooks, chat, stored);
  announceMessage(context, chat.id, origin, stored);
  return { ...stored };
}

function listChats(context: SandboxContext): Reply {
  const chats = [...context.chats.values()].map((chat) => summarizeChat(chat, context.account.id));
  return { status: 200, body: { chats } };
}

/** 404 with the chats there are, so the caller can say which ones exist. */
function withLocalChat(context: SandboxContext, chatId: string | undefined, handle: (chat: SandboxChat) => Reply): Reply {
  const chat = context.chats.get(chatId ?? '');
  if (chat !== undefined) return handle(chat);
  return { status: 404, body: { error: { code: 404, message: `Chat ${chatId ?? ''} not found` }, chats: [...context.chats.keys()] } };
}

function writeAsBuyer(context: SandboxContext, { params, body }: RouteInput): Reply {
  return withLocalChat(context, params[0], (chat) => {
    const text = isObject(body) ? body.text : undefined;
    if (typeof text !== 'string') return validationError({ text: 'is required: send {"text":"..."}' });
    const problem = checkText(text);
    if (problem !== undefined) return validationError({ text: problem });
    if (findBuyer(chat, context.account.id) === undefined) {
      return errorReply(409, `Chat ${chat.id} has no buyer: add one to its users in the scenario`);
    }
    const stored = postMessage(context, chat, { text }, 'sandbox-route');
    return { status: 200, body: { message: viewMessage(stored) } };
  });
}

function readMessages(context: SandboxContext, { params, query }: RouteInput): Reply {
  return withLocalChat(context, params[0], (chat) => {
    const after = query.get('after');
    let start = 0;
    if (after !== null) {
      const index = chat.messages.findIndex((message) => message.id === after);
      if (index < 0) return validationError({ after: `chat ${chat.id} has no message ${after}` });
      start = index + 1;
    }
    return { status: 200, body: { messages: chat.messages.slice(start).map(viewMessage) } };
  });
}

export const LOCAL_ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/sandbox\/chats$/, local: true, handle: listChats },
  { method: 'GET', pattern: /^\/sandbox\/chats\/([^/]+)\/messages$/, local: true, handle: readMessages },
  { method: 'POST', pattern: /^\/sandbox\/chats\/([^/]+)\/messages$/, local: true, handle: writeAsBuyer },
];
