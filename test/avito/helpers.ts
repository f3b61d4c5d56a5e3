/** Shared setup for the Avito client tests: a small scenario and a client wired for fast, observable retries. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAvitoClient } from '../../src/avito/client.js';
import type { AvitoClient, AvitoClientOptions } from '../../src/avito/client.js';
import type { AvitoEvent } from '../../src/avito/http.js';
import type { Sandbox, SandboxScenario } from '../../src/avito/sandbox/index.js';
import { createHttpTestServer } from '../helpers/http-test-server.js';

export const ACCOUNT_ID = 100200300;
export const BUYER_ID = 500600700;
export const CHAT_ID = 'u2i-main_chat';
export const U2U_CHAT_ID = 'u2u-friend_chat';

/** Two chats: one about a listing, one between users. */
export function smallScenario(): SandboxScenario {
  return {
    account: { id: ACCOUNT_ID, name: 'Магазин' },
    chats: [
      {
        id: CHAT_ID,
        context: { type: 'item', value: { id: 4012345678, title: 'Кофемашина', url: 'https://www.avito.ru/x_4012345678', price_string: '32 990 ₽' } },
        users: [
          { id: ACCOUNT_ID, name: 'Магазин' },
          { id: BUYER_ID, name: 'Анна' },
        ],
        messages: [
          { id: 'q1', author_id: BUYER_ID, text: 'Здравствуйте!', created: 1_700_000_000 },
          { id: 'q2', author_id: BUYER_ID, text: 'Ещё продаётся?', created: 1_700_000_060 },
        ],
      },
      { id: U2U_CHAT_ID, type: 'u2u', messages: [{ id: 'u1', author_id: BUYER_ID + 1, text: 'Привет', created: 1_700_000_100 }] },
    ],
  };
}

export interface TestClient {
  client: AvitoClient;
  /** Every delay the client asked to sleep, in order. */
  sleeps: number[];
  events: AvitoEvent[];
}

/** A client for the sandbox whose sleeps resolve at once (and are recorded). */
export function createTestClient(
  sb: { url: string; credentials?: Sandbox['credentials'] },
  overrides: Partial<AvitoClientOptions> = {},
): TestClient {
  const sleeps: number[] = [];
  const events: AvitoEvent[] = [];
  const client = createAvitoClient({
    baseUrl: sb.url,
    clientId: sb.credentials?.clientId ?? 'stub-client',
    clientSecret: sb.credentials?.clientSecret ?? 'stub-secret',
    userId: ACCOUNT_ID,
    timeoutMs: 2000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onEvent: (event) => events.push(event),
    ...overrides,
  });
  return { client, sleeps, events };
}

/** Requests the sandbox recorded whose path matches. */
export function requestsTo(sb: Pick<Sandbox, 'requests'>, path: RegExp, method?: string) {
  return sb.requests.filter((r) => path.test(r.path) && (method === undefined || r.method === method));
}

export interface StubServer {
  url: string;
  /** Raw request lines (`METHOD /path?query`) in arrival order. */
  seen: string[];
  close(): Promise<void>;
}

/** A tiny loopback server for what the sandbox will not do (malformed bodies, raw query capture). */
export async function startStubServer(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<StubServer> {
  const seen: string[] = [];
  const { url, close } = await createHttpTestServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => handle(request, response));
  });
  return { url, seen, close };
}

/** Answers `/token` like Avito; everything else with `routes[path]` or 404. */
export function stubAvito(routes: Record<string, { status?: number; body: string; contentType?: string }>) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/token') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'stub-token', expires_in: 86400, token_type: 'Bearer' }));
      return;
    }
    const route = routes[path];
    response.writeHead(route?.status ?? (route ? 200 : 404), { 'content-type': route?.contentType ?? 'application/json' });
    response.end(route?.body ?? JSON.stringify({ error: { code: 404, message: 'Not found' } }));
  };
}
