import { issueToken } from './auth.js';
import { announceMessage, nowSeconds } from './context.js';
import type { SandboxContext } from './context.js';
import { errorReply, validationError } from './reply.js';
import type { Reply } from './reply.js';
import { checkText, isObject, readBoolean, readInteger, readList } from './request.js';
import { LOCAL_ROUTES } from './local-routes.js';
import { CHAT_TYPES } from './scenario.js';
import { appendMessage, markChatRead, pageMessages, queryChats } from './state.js';
import type { SandboxChat } from './state.js';
import { checkWebhook, queueDeliveries } from './webhooks.js';

export interface RouteInput {
  params: string[];
  query: URLSearchParams;
  body: unknown;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** Public routes skip the bearer check. */
  public?: boolean;
  /** The body is a form (`/token`), not JSON. */
  form?: boolean;
  /** The sandbox's own route, not Avito's: no token, but only a client on this machine, sending JSON. */
  local?: boolean;
  handle(context: SandboxContext, input: RouteInput): Reply | Promise<Reply>;
}

/** Checks the `{user_id}` of a path against the account, as Avito checks it against the token. */
function checkUserId(context: SandboxContext, raw: string | undefined): Reply | undefined {
  if (raw === undefined || !/^\d+$/.test(raw)) return validationError({ user_id: 'must be an integer' });
  if (Number(raw) !== context.account.id) return errorReply(403, `Forbidden: user_id ${raw} is not the account of this token`);
  return undefined;
}

function withChat(
  context: SandboxContext,
  params: string[],
  handle: (chat: SandboxChat) => Reply | Promise<Reply>,
): Reply | Promise<Reply> {
  const denied = checkUserId(context, params[0]);
  if (denied !== undefined) return denied;
  const chat = context.chats.get(params[1] ?? '');
  if (chat === undefined) return errorReply(404, `Chat ${params[1] ?? ''} not found`);
  return handle(chat);
}

function listChats(context: SandboxContext, { params, query }: RouteInput): Reply {
  const denied = checkUserId(context, params[0]);
  if (denied !== undefined) return denied;
  const fields: Record<string, string> = {};
  const limit = readInteger(query, 'limit', 100, 1, 100, fields);
  const offset = readInteger(query, 'offset', 0, 0, 1000, fields);
  const unreadOnly = readBoolean(query, 'unread_only', fields);
  const types = readList(query, 'chat_types');
  const unknownType = types.find((type) => !CHAT_TYPES.includes(type as SandboxChat['type']));
  if (unknownType !== undefined) fields.chat_types = `unknown chat type "${unknownType}" (expected ${CHAT_TYPES.join(', ')})`;
  const rawItemIds = readList(query, 'item_ids');
  if (rawItemIds.some((id) => !/^\d+$/.test(id))) fields.item_ids = 'must be a list of integers';
  if (Object.keys(fields).length > 0) return validationError(fields);
  const page = queryChats(context.chats.values(), {
    // Like real Avito: without chat_types only listing chats come back.
    types: new Set(types.length === 0 ? ['u2i'] : types),
    ...(rawItemIds.length === 0 ? {} : { itemIds: new Set(rawItemIds.map(Number)) }),
    unreadOnly,
    limit,
    offset,
  });
  return { status: 200, body: { chats: page.map((chat) => context.wire.chat(chat)) } };
}

function readChat(context: SandboxContext, { params }: RouteInput): Reply | Promise<Reply> {
  return withChat(context, params, (chat) => ({ status: 200, body: context.wire.chat(chat) }));
}

function listMessages(context: SandboxContext, { params, query }: RouteInput): Reply | Promise<Reply> {
  return withChat(context, params, (chat) => {
    const fields: Record<string, string> = {};
    const limit = readInteger(query, 'limit', 100, 1, 100, fields);
    const offset = readInteger(query, 'offset', 0, 0, 1000, fields);
    if (Object.keys(fields).length > 0) return validationError(fields);
    const messages = pageMessages(chat, limit, offset).map((message) => context.wire.message(message));
    return { status: 200, body: context.messagesBody === 'array' ? messages : { messages } };
  });
}

function sendMessage(context: SandboxContext, { params, body }: RouteInput): Reply | Promise<Reply> {
  return withChat(context, params, (chat) => {
    const message = isObject(body) ? body.message : undefined;
    const text = isObject(message) ? message.text : undefined;
    if (!isObject(body) || typeof text !== 'string') {
      return validationError({ 'message.text': 'is required: send {"message":{"text":"..."},"type":"text"}' });
    }
    if (body.type !== undefined && body.type !== 'text') return validationError({ type: 'only "text" can be sent' });
    const problem = checkText(text);
    if (problem !== undefined) return validationError({ 'message.text': problem });
    const accountId = context.account.id;
    const stored = appendMessage(chat, accountId, { author_id: accountId, direction: 'out', text }, nowSeconds());
    context.sentMessages.push(stored);
    queueDeliveries(context.webhooks, chat, stored);
    announceMessage(context, chat.id, 'avito-api', stored);
    return {
      status: 200,
      body: { id: stored.id, type: 'text', created: stored.created, direction: 'out', content: { text } },
    };
  });
}

function markRead(context: SandboxContext, { params }: RouteInput): Reply | Promise<Reply> {
  return withChat(context, params, (chat) => {
    markChatRead(chat, nowSeconds());
    return { status: 200, body: { ok: true } };
  });
}

function listVoiceFiles(context: SandboxContext, { params, query }: RouteInput): Reply {
  const denied = checkUserId(context, params[0]);
  if (denied !== undefined) return denied;
  const ids = readList(query, 'voice_ids');
  if (ids.length === 0) return validationError({ voice_ids: 'is required' });
  const urls = Object.fromEntries(ids.map((id) => [id, `${context.baseUrl}/sandbox/voice/${encodeURIComponent(id)}.mp4`]));
  return { status: 200, body: { voices_urls: urls } };
}

async function subscribeWebhook(context: SandboxContext, { body }: RouteInput): Promise<Reply> {
  const url = isObject(body) ? body.url : undefined;
  if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return validationError({ url: 'must be an http(s) URL' });
  }
  const problem = await checkWebhook(url, context.closing.signal);
  if (problem !== undefined) {
    return errorReply(400, `Webhook URL ${url} did not answer 200 to a test POST within 2 s: ${problem}`);
  }
  context.webhooks.urls.add(url);
  return { status: 200, body: { ok: true } };
}

function unsubscribeWebhook(context: SandboxContext, { body }: RouteInput): Reply {
  const url = isObject(body) ? body.url : undefined;
  if (typeof url !== 'string' || url === '') return validationError({ url: 'is required' });
  context.webhooks.urls.delete(url);
  return { status: 200, body: { ok: true } };
}

function listSubscriptions(context: SandboxContext): Reply {
  return { status: 200, body: { subscriptions: [...context.webhooks.urls].map((url) => ({ url, version: '3' })) } };
}

const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: /^\/token$/, public: true, form: true, handle: (context, { body }) => issueToken(context, body) },
  { method: 'GET', pattern: /^\/core\/v1\/accounts\/self$/, handle: (context) => ({ status: 200, body: context.wire.account() }) },
  { method: 'GET', pattern: /^\/messenger\/v2\/accounts\/([^/]+)\/chats$/, handle: listChats },
  { method: 'GET', pattern: /^\/messenger\/v2\/accounts\/([^/]+)\/chats\/([^/]+)$/, handle: readChat },
  { method: 'GET', pattern: /^\/messenger\/v3\/accounts\/([^/]+)\/chats\/([^/]+)\/messages$/, handle: listMessages },
  { method: 'POST', pattern: /^\/messenger\/v1\/accounts\/([^/]+)\/chats\/([^/]+)\/messages$/, handle: sendMessage },
  { method: 'POST', pattern: /^\/messenger\/v1\/accounts\/([^/]+)\/chats\/([^/]+)\/read$/, handle: markRead },
  { method: 'GET', pattern: /^\/messenger\/v1\/accounts\/([^/]+)\/getVoiceFiles$/, handle: listVoiceFiles },
  { method: 'POST', pattern: /^\/messenger\/v3\/webhook$/, handle: subscribeWebhook },
  { method: 'POST', pattern: /^\/messenger\/v1\/webhook\/unsubscribe$/, handle: unsubscribeWebhook },
  { method: 'POST', pattern: /^\/messenger\/v1\/subscriptions$/, handle: listSubscriptions },
  // Where getVoiceFiles points: an empty audio file, so a client can follow the link.
  {
    method: 'GET',
    pattern: /^\/sandbox\/voice\/([^/]+)$/,
    public: true,
    handle: () => ({ status: 200, raw: { contentType: 'audio/mp4', data: '' } }),
  },
  ...LOCAL_ROUTES,
];

/** The route for a request with its decoded path parameters, or the 400, 404 or 405 Avito answers instead. */
export function findRoute(method: string, path: string): { route: Route; params: string[] } | Reply {
  let pathKnown = false;
  for (const route of ROUTES) {
    const found = route.pattern.exec(path);
    if (found === null) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    try {
      return { route, params: found.slice(1).map((part) => decodeURIComponent(part)) };
    } catch {
      return errorReply(400, 'Malformed percent-encoding in the path');
    }
  }
  if (!pathKnown) return errorReply(404);
  const allowed = ROUTES.filter((route) => route.pattern.test(path)).map((route) => route.method);
  return { ...errorReply(405), headers: { allow: allowed.join(', ') } };
}
