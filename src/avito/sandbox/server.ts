/**
 * A local Avito API (node:http, no framework) speaking the real wire format: tokens, chats,
 * messages, sending, webhooks, with injectable faults. Serves the test suite, the `demo`
 * command and anyone trying avito-ai without an Avito account.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createFaultPlan } from './faults.js';
import type { Fault, FaultKind } from './faults.js';
import { CHAT_TYPES, DEFAULT_CREDENTIALS, parseScenario, parseScenarioChat } from './scenario.js';
import type { SandboxScenario, ScenarioChat } from './scenario.js';
import {
  appendMessage,
  createChat,
  createWireRenderer,
  markChatRead,
  pageMessages,
  queryChats,
  touchChat,
} from './state.js';
import type { NewMessage, SandboxChat, SandboxMessage } from './state.js';

export interface SandboxOptions {
  scenario: SandboxScenario;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** `expires_in` of issued tokens; default 86400 like Avito. */
  tokenTtlSeconds?: number;
  /** `'object'` (default) answers messages as `{"messages":[...]}`, `'array'` as the bare array the spec shows. */
  messagesBody?: 'array' | 'object';
  /** Added before every answer, to feel like a remote API. */
  latencyMs?: number;
}

/** One request the sandbox received, in arrival order. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Repeated parameters are joined with commas. */
  query: Record<string, string>;
  /** Parsed JSON or form body; the raw text when it did not parse; undefined when empty or dropped unread. */
  body: unknown;
  /** 0 while in flight and when the socket was dropped before an answer. */
  status: number;
  /** Epoch ms of arrival. */
  at: number;
  /** The bearer token presented, if any. */
  token?: string;
  /** The fault applied to it, if any. */
  fault?: FaultKind;
}

/** One webhook POST the sandbox made (or tried to). */
export interface WebhookDelivery {
  url: string;
  body: unknown;
  /** Epoch ms when it was queued. */
  at: number;
  /** The receiver's status, once it answered. */
  status?: number;
  /** Why it failed without an answer (refused, timeout). */
  error?: string;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  account: { id: number; name?: string };
  credentials: { clientId: string; clientSecret: string };
  requests: RecordedRequest[];
  deliveries: WebhookDelivery[];
  /** Adds a message as if someone wrote it (author defaults to the chat's buyer) and delivers webhooks. Throws for an unknown chat. */
  addMessage(chatId: string, message: NewMessage): SandboxMessage;
  /** Adds a chat (validated like a scenario chat). Throws when the id exists. */
  addChat(chat: ScenarioChat): void;
  /** Messages sent through the API (`POST .../messages`), in order, optionally of one chat. */
  sent(chatId?: string): SandboxMessage[];
  /** All messages of a chat, oldest first. Throws for an unknown chat. */
  messages(chatId: string): SandboxMessage[];
  /** URLs subscribed to webhooks. */
  subscriptions(): string[];
  /** The body Avito would deliver for a message of a chat (for tests that post deliveries themselves). Throws for an unknown chat or message. */
  deliveryFor(chatId: string, messageId: string): unknown;
  /** Every issued token is now expired (answers 403, as Avito does). */
  expireTokens(): void;
  /** Switches the tariff stub on or off at run time. */
  setTariffStub(on: boolean): void;
  /** Resolves once every queued webhook delivery has been answered or has failed. */
  flushDeliveries(): Promise<void>;
  faults: {
    inject(fault: Fault): void;
    clear(): void;
    rate(ratio: number, kinds: FaultKind[], seed?: number): void;
  };
  /** Closes the server and every open socket; pending deliveries are abandoned. */
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is instead of JSON. */
  raw?: { contentType: string; data: string };
}

type Query = URLSearchParams;

interface RouteContext {
  params: string[];
  query: Query;
  body: unknown;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** Public routes skip the bearer check. */
  public?: boolean;
  /** The body is a form (`/token`), not JSON. */
  form?: boolean;
  handle(context: RouteContext): Reply | Promise<Reply>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_TEXT_LENGTH = 1000;
const WEBHOOK_CHECK_TIMEOUT_MS = 2000;
const DELIVERY_TIMEOUT_MS = 2000;

/** Messages of Avito's error bodies, by status (from the OpenAPI error schemas). */
const ERROR_MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Error while processing request. Please, contact support',
  503: 'Service temporarily unavailable. Please, contact support',
};

function errorReply(status: number, message = ERROR_MESSAGES[status] ?? 'Error', fields?: Record<string, string>): Reply {
  return { status, body: { error: { code: status, message, ...(fields === undefined ? {} : { fields }) } } };
}

function validationError(fields: Record<string, string>): Reply {
  return errorReply(400, 'Validation error', fields);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ignore(): void {}

/** Values of a list parameter, whether sent comma-separated, repeated, or PHP-style `name[]`. */
function readList(query: Query, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)]
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function readInteger(query: Query, name: string, fallback: number, min: number, max: number, fields: Record<string, string>): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max) {
    fields[name] = `must be an integer from ${min} to ${max}`;
    return fallback;
  }
  return value;
}

function readBoolean(query: Query, name: string, fields: Record<string, string>): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  fields[name] = 'must be true or false';
  return false;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Counts what a person calls characters (code points), not UTF-16 units. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseBody(data: Buffer, contentType: string, form: boolean): { ok: true; value: unknown } | { ok: false; raw: string } {
  if (data.length === 0) return { ok: true, value: undefined };
  const text = data.toString('utf8');
  if (contentType.includes('application/x-www-form-urlencoded') || (form && !contentType.includes('json'))) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, raw: text };
  }
}

/** The request target as a URL; odd ones (`//`, `*`, absolute-form) must not throw. */
function parseTarget(target: string): URL {
  const base = 'http://sandbox.local';
  if (target.startsWith('/') && URL.canParse(base + target)) return new URL(base + target);
  if (URL.canParse(target)) {
    const absolute = new URL(target);
    return new URL(base + absolute.pathname + absolute.search);
  }
  return new URL(base + '/');
}

function recordQuery(query: Query): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of new Set(query.keys())) record[key] = query.getAll(key).join(',');
  return record;
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** Starts a sandbox on `host:port` (127.0.0.1, a free port by default) seeded from `options.scenario`. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const scenario = parseScenario(options.scenario);
  const account = scenario.account;
  const credentials = { ...(scenario.credentials ?? DEFAULT_CREDENTIALS) };
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 86_400;
  const messagesBody = options.messagesBody ?? 'object';
  const latencyMs = options.latencyMs ?? 0;
  let tariffStub = scenario.tariffStub ?? false;

  const startedAt = nowSeconds();
  const chats = new Map<string, SandboxChat>();
  scenario.chats.forEach((chat, position) => chats.set(chat.id, createChat(chat, account, startedAt, position)));

  /** Valid tokens and the epoch ms they expire at. */
  const tokens = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const sentMessages: SandboxMessage[] = [];
  const webhookUrls = new Set<string>();
  const deliveries: WebhookDelivery[] = [];
  /** One promise chain per URL, so each receiver gets its deliveries in order. */
  const deliveryChains = new Map<string, Promise<void>>();
  const faults = createFaultPlan();
  const wire = createWireRenderer(scenario, () => tariffStub);
  const closing = new AbortController();
  let baseUrl = '';

  function requireChat(chatId: string): SandboxChat {
    const chat = chats.get(chatId);
    if (chat === undefined) throw new Error(`Sandbox has no chat "${chatId}"`);
    return chat;
  }

  /** The body Avito delivers for a message, under a fresh delivery id. */
  function renderDelivery(chat: SandboxChat, message: SandboxMessage): unknown {
    return {
      id: randomUUID(),
      version: 'v3.0.0',
      timestamp: nowSeconds(),
      payload: {
        type: 'message',
        value: {
          id: message.id,
          chat_id: chat.id,
          user_id: account.id,
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

  function deliverWebhooks(chat: SandboxChat, message: SandboxMessage): void {
    if (closing.signal.aborted) return;
    for (const url of webhookUrls) {
      const delivery: WebhookDelivery = { url, body: renderDelivery(chat, message), at: Date.now() };
      deliveries.push(delivery);
      const previous = deliveryChains.get(url) ?? Promise.resolve();
      deliveryChains.set(url, previous.then(() => postDelivery(delivery)));
    }
  }

  async function postDelivery(delivery: WebhookDelivery): Promise<void> {
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(delivery.body),
        signal: AbortSignal.any([AbortSignal.timeout(DELIVERY_TIMEOUT_MS), closing.signal]),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
    } catch (error) {
      delivery.error = describeFailure(error);
    }
  }

  /** Avito's own check before accepting a webhook: an empty `{}` POST answered 200 within 2 s. */
  async function checkWebhook(url: string): Promise<string | undefined> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.any([AbortSignal.timeout(WEBHOOK_CHECK_TIMEOUT_MS), closing.signal]),
      });
      await response.arrayBuffer();
      return response.status === 200 ? undefined : `it answered ${response.status}`;
    } catch (error) {
      return error instanceof Error && error.name === 'TimeoutError' ? 'no answer within 2 s' : describeFailure(error);
    }
  }

  /** Checks the `{user_id}` of a path against the account, as Avito checks it against the token. */
  function checkUserId(raw: string | undefined): Reply | undefined {
    if (raw === undefined || !/^\d+$/.test(raw)) return validationError({ user_id: 'must be an integer' });
    if (Number(raw) !== account.id) return errorReply(403, `Forbidden: user_id ${raw} is not the account of this token`);
    return undefined;
  }

  function withChat(params: string[], handle: (chat: SandboxChat) => Reply | Promise<Reply>): Reply | Promise<Reply> {
    const denied = checkUserId(params[0]);
    if (denied !== undefined) return denied;
    const chat = chats.get(params[1] ?? '');
    if (chat === undefined) return errorReply(404, `Chat ${params[1] ?? ''} not found`);
    return handle(chat);
  }

  function issueToken(body: unknown): Reply {
    const form = isObject(body) ? body : {};
    if (form.grant_type !== 'client_credentials') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' },
      };
    }
    if (form.client_id !== credentials.clientId || form.client_secret !== credentials.clientSecret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    }
    const token = randomBytes(16).toString('base64url');
    tokens.set(token, Date.now() + tokenTtlSeconds * 1000);
    return { status: 200, body: { access_token: token, expires_in: tokenTtlSeconds, token_type: 'Bearer' } };
  }

  function listChats({ params, query }: RouteContext): Reply {
    const denied = checkUserId(params[0]);
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
    const page = queryChats(chats.values(), {
      // Like real Avito: without chat_types only listing chats come back.
      types: new Set(types.length === 0 ? ['u2i'] : types),
      ...(rawItemIds.length === 0 ? {} : { itemIds: new Set(rawItemIds.map(Number)) }),
      unreadOnly,
      limit,
      offset,
    });
    return { status: 200, body: { chats: page.map((chat) => wire.chat(chat)) } };
  }

  function listMessages({ params, query }: RouteContext): Reply | Promise<Reply> {
    return withChat(params, (chat) => {
      const fields: Record<string, string> = {};
      const limit = readInteger(query, 'limit', 100, 1, 100, fields);
      const offset = readInteger(query, 'offset', 0, 0, 1000, fields);
      if (Object.keys(fields).length > 0) return validationError(fields);
      const messages = pageMessages(chat, limit, offset).map((message) => wire.message(message));
      return { status: 200, body: messagesBody === 'array' ? messages : { messages } };
    });
  }

  function sendMessage({ params, body }: RouteContext): Reply | Promise<Reply> {
    return withChat(params, (chat) => {
      const message = isObject(body) ? body.message : undefined;
      const text = isObject(message) ? message.text : undefined;
      if (!isObject(body) || typeof text !== 'string') {
        return validationError({ 'message.text': 'is required: send {"message":{"text":"..."},"type":"text"}' });
      }
      if (body.type !== undefined && body.type !== 'text') return validationError({ type: 'only "text" can be sent' });
      if (text.trim() === '') return validationError({ 'message.text': 'must not be empty' });
      const length = countCharacters(text);
      if (length > MAX_TEXT_LENGTH) {
        return validationError({ 'message.text': `is ${length} characters, at most ${MAX_TEXT_LENGTH} are allowed` });
      }
      const stored = appendMessage(chat, account.id, { author_id: account.id, direction: 'out', text }, nowSeconds());
      sentMessages.push(stored);
      deliverWebhooks(chat, stored);
      return {
        status: 200,
        body: { id: stored.id, type: 'text', created: stored.created, direction: 'out', content: { text } },
      };
    });
  }

  async function subscribeWebhook({ body }: RouteContext): Promise<Reply> {
    const url = isObject(body) ? body.url : undefined;
    if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      return validationError({ url: 'must be an http(s) URL' });
    }
    const problem = await checkWebhook(url);
    if (problem !== undefined) {
      return errorReply(400, `Webhook URL ${url} did not answer 200 to a test POST within 2 s: ${problem}`);
    }
    webhookUrls.add(url);
    return { status: 200, body: { ok: true } };
  }

  const routes: Route[] = [
    { method: 'POST', pattern: /^\/token$/, public: true, form: true, handle: ({ body }) => issueToken(body) },
    { method: 'GET', pattern: /^\/core\/v1\/accounts\/self$/, handle: () => ({ status: 200, body: wire.account() }) },
    { method: 'GET', pattern: /^\/messenger\/v2\/accounts\/([^/]+)\/chats$/, handle: listChats },
    {
      method: 'GET',
      pattern: /^\/messenger\/v2\/accounts\/([^/]+)\/chats\/([^/]+)$/,
      handle: ({ params }) => withChat(params, (chat) => ({ status: 200, body: wire.chat(chat) })),
    },
    { method: 'GET', pattern: /^\/messenger\/v3\/accounts\/([^/]+)\/chats\/([^/]+)\/messages$/, handle: listMessages },
    { method: 'POST', pattern: /^\/messenger\/v1\/accounts\/([^/]+)\/chats\/([^/]+)\/messages$/, handle: sendMessage },
    {
      method: 'POST',
      pattern: /^\/messenger\/v1\/accounts\/([^/]+)\/chats\/([^/]+)\/read$/,
      handle: ({ params }) =>
        withChat(params, (chat) => {
          markChatRead(chat, nowSeconds());
          return { status: 200, body: { ok: true } };
        }),
    },
    {
      method: 'GET',
      pattern: /^\/messenger\/v1\/accounts\/([^/]+)\/getVoiceFiles$/,
      handle: ({ params, query }) => {
        const denied = checkUserId(params[0]);
        if (denied !== undefined) return denied;
        const ids = readList(query, 'voice_ids');
        if (ids.length === 0) return validationError({ voice_ids: 'is required' });
        const urls = Object.fromEntries(ids.map((id) => [id, `${baseUrl}/sandbox/voice/${encodeURIComponent(id)}.mp4`]));
        return { status: 200, body: { voices_urls: urls } };
      },
    },
    { method: 'POST', pattern: /^\/messenger\/v3\/webhook$/, handle: subscribeWebhook },
    {
      method: 'POST',
      pattern: /^\/messenger\/v1\/webhook\/unsubscribe$/,
      handle: ({ body }) => {
        const url = isObject(body) ? body.url : undefined;
        if (typeof url !== 'string' || url === '') return validationError({ url: 'is required' });
        webhookUrls.delete(url);
        return { status: 200, body: { ok: true } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/messenger\/v1\/subscriptions$/,
      handle: () => ({ status: 200, body: { subscriptions: [...webhookUrls].map((url) => ({ url, version: '3' })) } }),
    },
    {
      // Where getVoiceFiles points: an empty audio file, so a client can follow the link.
      method: 'GET',
      pattern: /^\/sandbox\/voice\/([^/]+)$/,
      public: true,
      handle: () => ({ status: 200, raw: { contentType: 'audio/mp4', data: '' } }),
    },
  ];

  function findRoute(method: string, path: string): { route: Route; params: string[] } | Reply {
    let pathKnown = false;
    for (const route of routes) {
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
    const allowed = routes.filter((route) => route.pattern.test(path)).map((route) => route.method);
    return { ...errorReply(405), headers: { allow: allowed.join(', ') } };
  }

  function checkToken(token: string | undefined): Reply | undefined {
    if (token === undefined) return errorReply(401, 'Unauthorized: no Bearer token');
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined) return errorReply(401, 'Unauthorized: unknown token');
    if (expiresAt <= Date.now()) return errorReply(403, 'Forbidden: the access token has expired');
    return undefined;
  }

  function writeReply(response: ServerResponse, reply: Reply): void {
    if (response.destroyed || response.writableEnded) return;
    const data = reply.raw?.data ?? JSON.stringify(reply.body ?? {});
    response.writeHead(reply.status, {
      'content-type': reply.raw?.contentType ?? 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(data),
      ...reply.headers,
    });
    response.end(data);
  }

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = parseTarget(request.url ?? '/');
    // `/token/` and `/messages/` are both spelled with and without the slash in the wild.
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const authorization = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: recordQuery(url.searchParams),
      body: undefined,
      status: 0,
      at: Date.now(),
      ...(authorization?.[1] === undefined ? {} : { token: authorization[1] }),
    };
    requests.push(record);

    const fault = faults.take(method, url.pathname);
    if (fault !== undefined) record.fault = fault.kind;
    if (fault?.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    // The body is read before any delay, as a real server does: a slow answer is still processed
    // after the client gave up waiting, so a send that times out may land late, as on Avito.
    const data = await readBody(request);
    if (fault?.kind === 'slow') await sleep(fault.delayMs, undefined, { signal: closing.signal });
    if (latencyMs > 0) await sleep(latencyMs, undefined, { signal: closing.signal });

    const found = findRoute(method, path);
    if (data === 'too-large') {
      record.status = 413;
      writeReply(response, { ...errorReply(413), headers: { connection: 'close' } });
      return;
    }
    const route = 'route' in found ? found.route : undefined;
    const parsed = parseBody(data, request.headers['content-type'] ?? '', route?.form ?? false);
    record.body = parsed.ok ? parsed.value : parsed.raw;

    let reply: Reply;
    if (fault?.kind === 'status') {
      reply = {
        ...(fault.body === undefined ? errorReply(fault.status) : { status: fault.status, body: fault.body }),
        ...(fault.retryAfter === undefined ? {} : { headers: { 'retry-after': String(fault.retryAfter) } }),
      };
    } else if (!('route' in found)) {
      reply = found;
    } else if (!parsed.ok) {
      reply = errorReply(400, 'Invalid JSON body');
    } else {
      const denied = found.route.public === true ? undefined : checkToken(record.token);
      reply = denied ?? (await found.route.handle({ params: found.params, query: url.searchParams, body: parsed.value }));
    }

    record.status = reply.status;
    if (fault?.kind === 'drop-after') {
      request.socket.destroy();
      return;
    }
    writeReply(response, reply);
  }

  const server = createServer((request, response) => {
    request.on('error', ignore);
    response.on('error', ignore);
    answer(request, response).catch((error: unknown) => {
      // Closing aborts pending delays; the socket is going away anyway.
      if (closing.signal.aborted) {
        request.socket.destroy();
        return;
      }
      try {
        writeReply(response, errorReply(500, `Sandbox error: ${describeFailure(error)}`));
      } catch {
        request.socket.destroy();
      }
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  return {
    url: baseUrl,
    account: { id: account.id, ...(account.name === undefined ? {} : { name: account.name }) },
    credentials,
    requests,
    deliveries,
    addMessage(chatId, message) {
      const chat = requireChat(chatId);
      const stored = appendMessage(chat, account.id, message, nowSeconds());
      deliverWebhooks(chat, stored);
      return { ...stored };
    },
    addChat(chat) {
      const parsed = parseScenarioChat(chat);
      if (chats.has(parsed.id)) throw new Error(`Sandbox already has chat "${parsed.id}"`);
      const created = createChat(parsed, account, nowSeconds());
      touchChat(created);
      chats.set(parsed.id, created);
    },
    sent(chatId) {
      const list = chatId === undefined ? sentMessages : sentMessages.filter((message) => message.chat_id === chatId);
      return list.map((message) => ({ ...message }));
    },
    messages(chatId) {
      return requireChat(chatId).messages.map((message) => ({ ...message }));
    },
    deliveryFor(chatId, messageId) {
      const chat = requireChat(chatId);
      const message = chat.messages.find((candidate) => candidate.id === messageId);
      if (!message) throw new Error(`Sandbox chat "${chatId}" has no message "${messageId}"`);
      return renderDelivery(chat, message);
    },
    subscriptions() {
      return [...webhookUrls];
    },
    expireTokens() {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    setTariffStub(on) {
      tariffStub = on;
    },
    async flushDeliveries() {
      // A delivery may queue while we wait (a receiver that sends a reply); wait until none is left.
      let pending = [...deliveryChains.values()];
      while (pending.length > 0) {
        await Promise.all(pending);
        const next = [...deliveryChains.values()].filter((chain) => !pending.includes(chain));
        pending = next;
      }
    },
    faults: {
      inject: (fault) => faults.inject(fault),
      clear: () => faults.clear(),
      rate: (ratio, kinds, seed) => faults.rate(ratio, kinds, seed),
    },
    close() {
      closing.abort();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
