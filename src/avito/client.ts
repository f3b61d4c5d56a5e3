import { AvitoApiError, AvitoAuthError } from '../errors.js';
import type { ChatMessage, ChatSummary } from '../core/model.js';
import type { ListChatsOptions, Messenger } from '../core/ports.js';
import { createRequester } from './http.js';
import type { AvitoEvent, AvitoRequest, Requester, RetryPolicy } from './http.js';
import { parseAccount, parseChat, parseChatList, parseMessage, parseMessageList, parseSubscriptions, parseVoiceUrls } from './parse.js';
import type { AccountInfo, WebhookSubscription } from './parse.js';
import { createTokenManager, type TokenManager } from './token-manager.js';
import { adaptersText } from '../messages/adapters.js';

export interface AvitoClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** AVITO_USER_ID; discovered through `/core/v1/accounts/self` when absent. */
  userId?: number;
  /** Chat types listed by default; Avito itself defaults to `u2i` only. */
  chatTypes?: readonly string[];
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Once, when the user id was discovered rather than configured, so it can be saved. */
  onUserIdDiscovered?: (userId: number) => void;
  onEvent?: (event: AvitoEvent) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface AvitoClient extends Messenger {
  getSelf(): Promise<AccountInfo>;
  subscribeWebhook(url: string): Promise<void>;
  unsubscribeWebhook(url: string): Promise<void>;
  listSubscriptions(): Promise<WebhookSubscription[]>;
  /** Voice id → download link (valid for an hour). */
  getVoiceUrls(voiceIds: readonly string[]): Promise<Record<string, string>>;
}

const DEFAULT_CHAT_TYPES = ['u2i', 'u2u'] as const;
const PAGE_SIZE = 100;
/** Avito refuses larger offsets: only the newest ~1100 chats or messages are reachable. */
const MAX_OFFSET = 1000;

const ENDPOINTS = {
  self: 'GET /core/v1/accounts/self',
  chats: 'GET /messenger/v2/accounts/{user_id}/chats',
  chat: 'GET /messenger/v2/accounts/{user_id}/chats/{chat_id}',
  messages: 'GET /messenger/v3/accounts/{user_id}/chats/{chat_id}/messages/',
  send: 'POST /messenger/v1/accounts/{user_id}/chats/{chat_id}/messages',
  read: 'POST /messenger/v1/accounts/{user_id}/chats/{chat_id}/read',
  voice: 'GET /messenger/v1/accounts/{user_id}/getVoiceFiles',
  subscribe: 'POST /messenger/v3/webhook',
  unsubscribe: 'POST /messenger/v1/webhook/unsubscribe',
  subscriptions: 'POST /messenger/v1/subscriptions',
} as const;

interface Api {
  call(request: Omit<AvitoRequest, 'token'>): Promise<unknown>;
  userId(): Promise<number>;
  chatTypes: readonly string[];
}

export function createAvitoClient(options: AvitoClientOptions): AvitoClient {
  const request = createRequester(options);
  const tokens = createTokenManager({ request, clientId: options.clientId, clientSecret: options.clientSecret, now: options.now, onEvent: options.onEvent });
  const call = (req: Omit<AvitoRequest, 'token'>): Promise<unknown> => callAuthorised(request, tokens, req, options.onEvent);
  const getSelf = async (): Promise<AccountInfo> =>
    parseAccount(await call({ method: 'GET', path: '/core/v1/accounts/self', endpoint: ENDPOINTS.self, idempotent: true }), ENDPOINTS.self);
  const api: Api = { call, userId: rememberUserId(options, getSelf), chatTypes: options.chatTypes ?? DEFAULT_CHAT_TYPES };
  return {
    getUserId: api.userId,
    getSelf,
    listChats: (listOptions) => listChats(api, listOptions),
    getChat: (chatId) => getChat(api, chatId),
    listMessages: (chatId, page) => listMessages(api, chatId, page),
    sendMessage: (chatId, text) => sendMessage(api, chatId, text),
    markRead: (chatId) => markRead(api, chatId),
    getVoiceUrls: (voiceIds) => getVoiceUrls(api, voiceIds),
    // Not idempotent by our rule: a repeated subscribe after a lost answer is the caller's decision.
    subscribeWebhook: async (url) => void (await call({ method: 'POST', path: '/messenger/v3/webhook', endpoint: ENDPOINTS.subscribe, json: { url }, idempotent: false })),
    unsubscribeWebhook: async (url) =>
      void (await call({ method: 'POST', path: '/messenger/v1/webhook/unsubscribe', endpoint: ENDPOINTS.unsubscribe, json: { url }, idempotent: true })),
    listSubscriptions: async () =>
      parseSubscriptions(await call({ method: 'POST', path: '/messenger/v1/subscriptions', endpoint: ENDPOINTS.subscriptions, idempotent: true }), ENDPOINTS.subscriptions),
  };
}

/** Avito answers an expired token with 403, so 401 and 403 both earn one fresh token and one more try; a refusal means nothing was processed, so sends too. */
async function callAuthorised(
  request: Requester,
  tokens: TokenManager,
  req: Omit<AvitoRequest, 'token'>,
  onEvent: ((event: AvitoEvent) => void) | undefined,
): Promise<unknown> {
  const token = await tokens.getToken();
  try {
    return await request({ ...req, token });
  } catch (error) {
    if (!isAuthRefusal(error)) throw error;
    tokens.invalidate(token);
    onEvent?.({ type: 'auth-retry', endpoint: req.endpoint, status: error.status });
  }
  try {
    return await request({ ...req, token: await tokens.getToken() });
  } catch (error) {
    if (!isAuthRefusal(error)) throw error;
    if (error.status === 401) {
      throw new AvitoAuthError(adaptersText().avitoAgain(error.message), 401, req.endpoint, 'credentials', {
        cause: error,
        hint: adaptersText().avitoFreshTokenHint,
      });
    }
    throw new AvitoAuthError(adaptersText().avitoAgain(error.message), 403, req.endpoint, 'scope-or-tariff', { cause: error, hint: adaptersText().avitoScopeHint });
  }
}

/** The configured id, or one discovery shared by concurrent callers; a failed one is asked again. */
function rememberUserId(options: AvitoClientOptions, getSelf: () => Promise<AccountInfo>): () => Promise<number> {
  let userId: Promise<number> | undefined = options.userId === undefined ? undefined : Promise.resolve(options.userId);
  return () => {
    if (!userId) {
      const discovery = getSelf().then((account) => {
        options.onUserIdDiscovered?.(account.id);
        return account.id;
      });
      discovery.catch(() => {
        if (userId === discovery) userId = undefined;
      });
      userId = discovery;
    }
    return userId;
  };
}

async function listChats(api: Api, options: ListChatsOptions = {}): Promise<ChatSummary[]> {
  const uid = await api.userId();
  const seen = new Set<string>();
  const chats: ChatSummary[] = [];
  for (let offset = 0; offset <= MAX_OFFSET; offset += PAGE_SIZE) {
    const body = await api.call({
      method: 'GET',
      path: `/messenger/v2/accounts/${uid}/chats`,
      endpoint: ENDPOINTS.chats,
      query: {
        chat_types: options.chatTypes ?? api.chatTypes,
        item_ids: options.itemIds?.length ? options.itemIds : undefined,
        unread_only: options.unreadOnly ? true : undefined,
        limit: PAGE_SIZE,
        offset,
      },
      idempotent: true,
    });
    const page = parseChatList(body, ENDPOINTS.chats, uid);
    // A chat that moved up between two pages shows twice; keep its first (newer) copy.
    for (const chat of page) {
      if (seen.has(chat.id)) continue;
      seen.add(chat.id);
      chats.push(chat);
    }
    if (page.length < PAGE_SIZE) break;
    const since = options.updatedSince;
    if (since !== undefined && page.every((chat) => chat.updated < since)) break;
  }
  return chats;
}

async function getChat(api: Api, chatId: string): Promise<ChatSummary> {
  const uid = await api.userId();
  const path = `/messenger/v2/accounts/${uid}/chats/${encodeURIComponent(chatId)}`;
  return parseChat(await api.call({ method: 'GET', path, endpoint: ENDPOINTS.chat, idempotent: true }), ENDPOINTS.chat, uid);
}

async function listMessages(api: Api, chatId: string, page: { limit?: number; offset?: number } = {}): Promise<ChatMessage[]> {
  const uid = await api.userId();
  const body = await api.call({
    method: 'GET',
    path: `/messenger/v3/accounts/${uid}/chats/${encodeURIComponent(chatId)}/messages/`,
    endpoint: ENDPOINTS.messages,
    query: { limit: page.limit ?? PAGE_SIZE, offset: page.offset ?? 0 },
    idempotent: true,
  });
  return parseMessageList(body, chatId, ENDPOINTS.messages, uid);
}

/** One message; splitting a longer text is the core's business, so a send is never half-done here. */
async function sendMessage(api: Api, chatId: string, text: string): Promise<ChatMessage> {
  const uid = await api.userId();
  const body = await api.call({
    method: 'POST',
    path: `/messenger/v1/accounts/${uid}/chats/${encodeURIComponent(chatId)}/messages`,
    endpoint: ENDPOINTS.send,
    json: { message: { text }, type: 'text' },
    idempotent: false,
  });
  const message = parseMessage(body, chatId, ENDPOINTS.send, uid);
  // The answer echoes only id, type, created and content.
  if (message.text === '') message.text = text;
  return message;
}

async function markRead(api: Api, chatId: string): Promise<void> {
  const uid = await api.userId();
  await api.call({ method: 'POST', path: `/messenger/v1/accounts/${uid}/chats/${encodeURIComponent(chatId)}/read`, endpoint: ENDPOINTS.read, idempotent: true });
}

async function getVoiceUrls(api: Api, voiceIds: readonly string[]): Promise<Record<string, string>> {
  if (voiceIds.length === 0) return {};
  const uid = await api.userId();
  const body = await api.call({
    method: 'GET',
    path: `/messenger/v1/accounts/${uid}/getVoiceFiles`,
    endpoint: ENDPOINTS.voice,
    query: { voice_ids: voiceIds },
    idempotent: true,
  });
  return parseVoiceUrls(body, ENDPOINTS.voice);
}

function isAuthRefusal(error: unknown): error is AvitoApiError {
  return error instanceof AvitoApiError && !(error instanceof AvitoAuthError) && (error.status === 401 || error.status === 403);
}
