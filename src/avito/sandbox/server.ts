/** A local Avito API speaking the real wire format, with injectable faults: for the tests, `demo`, and trying avito-ai without an account. */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkToken, expireTokens } from './auth.js';
import { createContext, nowSeconds, requireChat } from './context.js';
import type { SandboxContext, SandboxMessageEvent } from './context.js';
import type { Fault, FaultKind } from './faults.js';
import { describeFailure, errorReply, writeReply } from './reply.js';
import type { Reply } from './reply.js';
import { parseBody, parseTarget, readBody, recordRequest } from './request.js';
import type { RecordedRequest } from './request.js';
import { findRoute } from './routes.js';
import type { Route } from './routes.js';
import { parseScenario, parseScenarioChat } from './scenario.js';
import type { SandboxScenario, ScenarioChat } from './scenario.js';
import { postMessage, summarizeChat } from './local-routes.js';
import type { ChatSummary } from './local-routes.js';
import { createChat, touchChat } from './state.js';
import type { NewMessage, SandboxMessage } from './state.js';
import { flushDeliveries, renderDelivery } from './webhooks.js';
import type { WebhookDelivery } from './webhooks.js';

export interface SandboxOptions {
  scenario: SandboxScenario;
  host?: string;
  port?: number;
  /** `expires_in` of issued tokens; default 86400 like Avito. */
  tokenTtlSeconds?: number;
  /** `'object'` (default) answers messages as `{"messages":[...]}`, `'array'` as the bare array the spec shows. */
  messagesBody?: 'array' | 'object';
  /** Added before every answer, to feel like a remote API. */
  latencyMs?: number;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  account: { id: number; name?: string };
  credentials: { clientId: string; clientSecret: string };
  requests: RecordedRequest[];
  deliveries: WebhookDelivery[];
  /** As if someone wrote it (the chat's buyer by default); delivers webhooks. */
  addMessage(chatId: string, message: NewMessage): SandboxMessage;
  addChat(chat: ScenarioChat): void;
  /** Every chat in a line, in the scenario's order, then those added. */
  chats(): ChatSummary[];
  /** Calls `listener` for every message added from now on, whoever added it; returns the way to stop. */
  onMessage(listener: (event: SandboxMessageEvent) => void): () => void;
  /** Messages sent through the API (`POST .../messages`), in order, optionally of one chat. */
  sent(chatId?: string): SandboxMessage[];
  messages(chatId: string): SandboxMessage[];
  subscriptions(): string[];
  /** The body Avito would deliver for a message of a chat (for tests that post deliveries themselves). Throws for an unknown chat or message. */
  deliveryFor(chatId: string, messageId: string): unknown;
  /** Every issued token is now expired (answers 403, as Avito does). */
  expireTokens(): void;
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

function ignore(): void {}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const context = createContext(parseScenario(options.scenario), {
    tokenTtlSeconds: options.tokenTtlSeconds ?? 86_400,
    messagesBody: options.messagesBody ?? 'object',
    latencyMs: options.latencyMs ?? 0,
  });
  const server = createHttpServer(context);
  const host = options.host ?? '127.0.0.1';
  await listen(server, host, options.port ?? 0);
  const address = server.address() as AddressInfo;
  context.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return createHandle(context, server);
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function createHttpServer(context: SandboxContext): Server {
  const server = createServer((request, response) => {
    request.on('error', ignore);
    response.on('error', ignore);
    answer(context, request, response).catch((error: unknown) => {
      // Closing aborts pending delays; the socket is going away anyway.
      if (context.closing.signal.aborted) {
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
  return server;
}

async function answer(context: SandboxContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = (request.method ?? 'GET').toUpperCase();
  const url = parseTarget(request.url ?? '/');
  // `/token/` and `/messages/` are both spelled with and without the slash in the wild.
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const record = recordRequest(request, method, url);
  context.requests.push(record);

  const fault = context.faults.take(method, url.pathname);
  if (fault !== undefined) record.fault = fault.kind;
  if (fault?.kind === 'drop') {
    request.socket.destroy();
    return;
  }
  // The body is read before any delay, as a real server does: a slow answer is still processed
  // after the client gave up waiting, so a send that times out may land late, as on Avito.
  const data = await readBody(request);
  if (fault?.kind === 'slow') await sleep(fault.delayMs, undefined, { signal: context.closing.signal });
  if (context.latencyMs > 0) await sleep(context.latencyMs, undefined, { signal: context.closing.signal });

  const found = findRoute(method, path);
  if (data === 'too-large') {
    record.status = 413;
    writeReply(response, { ...errorReply(413), headers: { connection: 'close' } });
    return;
  }
  const route = 'route' in found ? found.route : undefined;
  const parsed = parseBody(data, request.headers['content-type'] ?? '', route?.form ?? false);
  record.body = parsed.ok ? parsed.value : parsed.raw;

  const refused = route?.local === true ? refuseLocal(request, method) : undefined;
  const reply =
    fault?.kind === 'status'
      ? replyWithFault(fault)
      : (refused ?? (await replyWithRoute(context, found, parsed, record.token, url.searchParams)));
  record.status = reply.status;
  if (fault?.kind === 'drop-after') {
    request.socket.destroy();
    return;
  }
  writeReply(response, reply);
}

/** The sandbox's own routes write into chats without a token: only a client on this machine may, and only with JSON, which a web page cannot send across sites without asking first. */
function refuseLocal(request: IncomingMessage, method: string): Reply | undefined {
  if (!isLoopback(request.socket.remoteAddress ?? '')) return errorReply(403, 'Sandbox routes answer only a client on this machine');
  if (method === 'POST' && !(request.headers['content-type'] ?? '').includes('application/json')) {
    return errorReply(415, 'Sandbox routes take application/json');
  }
  return undefined;
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

function replyWithFault(fault: Extract<Fault, { kind: 'status' }>): Reply {
  return {
    ...(fault.body === undefined ? errorReply(fault.status) : { status: fault.status, body: fault.body }),
    ...(fault.retryAfter === undefined ? {} : { headers: { 'retry-after': String(fault.retryAfter) } }),
  };
}

async function replyWithRoute(
  context: SandboxContext,
  found: { route: Route; params: string[] } | Reply,
  parsed: ReturnType<typeof parseBody>,
  token: string | undefined,
  query: URLSearchParams,
): Promise<Reply> {
  if (!('route' in found)) return found;
  if (!parsed.ok) return errorReply(400, 'Invalid JSON body');
  const denied = found.route.public === true || found.route.local === true ? undefined : checkToken(context, token);
  return denied ?? (await found.route.handle(context, { params: found.params, query, body: parsed.value }));
}

function createHandle(context: SandboxContext, server: Server): Sandbox {
  const { account, webhooks } = context;
  return {
    url: context.baseUrl,
    account: { id: account.id, ...(account.name === undefined ? {} : { name: account.name }) },
    credentials: context.credentials,
    requests: context.requests,
    deliveries: webhooks.deliveries,
    addMessage: (chatId, message) => postMessage(context, requireChat(context, chatId), message, 'handle'),
    addChat: (chat) => addChat(context, chat),
    chats: () => [...context.chats.values()].map((chat) => summarizeChat(chat, account.id)),
    onMessage(listener) {
      context.listeners.add(listener);
      return () => context.listeners.delete(listener);
    },
    sent(chatId) {
      const sent = context.sentMessages;
      const list = chatId === undefined ? sent : sent.filter((message) => message.chat_id === chatId);
      return list.map((message) => ({ ...message }));
    },
    messages: (chatId) => requireChat(context, chatId).messages.map((message) => ({ ...message })),
    deliveryFor(chatId, messageId) {
      const chat = requireChat(context, chatId);
      const message = chat.messages.find((candidate) => candidate.id === messageId);
      if (!message) throw new Error(`Sandbox chat "${chatId}" has no message "${messageId}"`);
      return renderDelivery(account.id, chat, message);
    },
    subscriptions: () => [...webhooks.urls],
    expireTokens: () => expireTokens(context),
    setTariffStub(on) {
      context.tariffStub = on;
    },
    flushDeliveries: () => flushDeliveries(webhooks),
    faults: {
      inject: (fault) => context.faults.inject(fault),
      clear: () => context.faults.clear(),
      rate: (ratio, kinds, seed) => context.faults.rate(ratio, kinds, seed),
    },
    close() {
      context.closing.abort();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function addChat(context: SandboxContext, chat: ScenarioChat): void {
  const parsed = parseScenarioChat(chat);
  if (context.chats.has(parsed.id)) throw new Error(`Sandbox already has chat "${parsed.id}"`);
  const created = createChat(parsed, context.account, nowSeconds());
  touchChat(created);
  context.chats.set(parsed.id, created);
}
