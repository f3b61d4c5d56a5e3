/**
 * The GigaChat client through `createGigaChatModel` (and its OAuth half, `createGigaChatAuth`), over real HTTPS
 * against the loopback fake GigaChat and its test CA: trust, the token's wire form and life, the errors each
 * status becomes with the setting that fixes it, retries counted at the fake, the PERS one-stream limit, a proxy.
 */
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmApiError } from '../../../src/errors.js';
import { createGigaChatAuth, type GigaChatToken, type TokenCache } from '../../../src/knowledge/gigachat/auth.js';
import { GIGACHAT_CERTIFICATE_PAGE, concurrencyOf, createGigaChatModel, explainGigaChatFailure, type GigaChatOptions } from '../../../src/knowledge/gigachat/client.js';
import type { ChatModel, ChatRequest } from '../../../src/knowledge/grounded/chat-model.js';
import { createDispatcherTrusting } from '../../../src/net/proxy.js';
import { DEFAULT_CHAT_CONTENT, GIGACHAT_SCOPE, startFakeGigaChat, type FakeGigaChat, type FakeLlmRequest } from '../../helpers/fake-llm.js';
import { closeServer, startProxy, type Proxy } from '../../helpers/forward-proxy.js';

const OAUTH = '/api/v2/oauth';
const CHAT = '/api/v1/chat/completions';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUEST: ChatRequest = { system: 'Отвечай только по документам.', user: 'Сколько стоит доставка?', maxTokens: 200, temperature: 0.1 };

let fake: FakeGigaChat;
let trusting: Dispatcher;
let tokensBefore: number;
let retries: Array<{ operation: string; attempt: number; delayMs: number; reason: string }>;
const dispatchers: Dispatcher[] = [];

// One fake and one pool for the file: a test CA and fresh TLS handshakes per test would cost most of its time.
beforeAll(async () => {
  fake = await startFakeGigaChat();
  trusting = createDispatcherTrusting(fake.caPem, {});
});

afterAll(async () => {
  await fake.close();
  await trusting.close();
});

beforeEach(() => {
  fake.requests.length = 0;
  fake.tokenTtlMs = 30 * 60_000;
  fake.scope = GIGACHAT_SCOPE;
  fake.onChat(() => ({ content: DEFAULT_CHAT_CONTENT }));
  tokensBefore = fake.tokensIssued();
  retries = [];
});

afterEach(async () => {
  while (dispatchers.length > 0) await dispatchers.pop()!.close();
});

/** Tokens the fake issued during this test. */
function tokensIssued(): number {
  return fake.tokensIssued() - tokensBefore;
}

function createModel(overrides: Partial<GigaChatOptions> = {}): ChatModel {
  return createGigaChatModel({
    credentials: fake.credentials,
    scope: fake.scope,
    model: 'GigaChat',
    authUrl: fake.authUrl,
    baseUrl: fake.baseUrl,
    timeoutMs: 5000,
    retries: 2,
    retryBaseDelayMs: 1,
    dispatcher: trusting,
    onRetry: (event) => retries.push(event),
    ...overrides,
  });
}

/** The fake accepts one scope; a business key's scope is what lifts the one-stream limit. */
function acceptBusinessScope(): string {
  fake.scope = 'GIGACHAT_API_B2B';
  return fake.scope;
}

function requestsTo(path: string): FakeLlmRequest[] {
  return fake.requests.filter((request) => request.path === path);
}

function memoryCache(initial?: GigaChatToken): TokenCache & { value: GigaChatToken | undefined } {
  const cache = {
    value: initial,
    get: () => cache.value,
    set: (token: GigaChatToken | undefined) => {
      cache.value = token;
    },
  };
  return cache;
}

async function rejection(promise: Promise<unknown>): Promise<LlmApiError> {
  const error = await promise.then(
    () => expect.fail('expected a rejection'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LlmApiError);
  return error as LlmApiError;
}

/** A TCP relay in front of the fake that counts connections: a failed TLS handshake never reaches the fake's handler. */
async function startCountingRelay(target: string): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createNetServer((client) => {
    connections += 1;
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('TLS: GigaChat chains to a root Node does not ship', () => {
  it('fails without the CA, naming the certificate and GIGACHAT_CA_FILE, and does not retry', async () => {
    const relay = await startCountingRelay(fake.url);
    try {
      const model = createModel({ dispatcher: undefined, authUrl: `${relay.url}/api/v2/oauth`, baseUrl: `${relay.url}/api/v1` });
      const error = await rejection(model.complete(REQUEST));
      expect(error.engine).toBe('gigachat');
      expect(error.status).toBeUndefined();
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/сертификату нет доверия \(SELF_SIGNED_CERT_IN_CHAIN\)/);
      expect(error.message).toContain('Russian Trusted Root CA');
      expect(error.hint).toContain('GIGACHAT_CA_FILE');
      expect(error.hint).toContain(GIGACHAT_CERTIFICATE_PAGE);
      expect(GIGACHAT_CERTIFICATE_PAGE).toBe('https://www.gosuslugi.ru/crt');
      // One handshake, refused; no HTTP request reached the fake, and neither the token nor the call was retried.
      expect(relay.connections()).toBe(1);
      expect(fake.requests).toEqual([]);
      expect(retries).toEqual([]);
    } finally {
      await relay.close();
    }
  });

  it('works with a dispatcher trusting the CA on top of Node’s roots', async () => {
    const answer = await createModel().complete(REQUEST);
    expect(answer.text).toBe(DEFAULT_CHAT_CONTENT);
    expect(answer.model).toBe('GigaChat:2.0.28.2');
    expect(answer.finishReason).toBe('stop');
    expect(answer.usage.inputTokens).toBeGreaterThan(0);
    expect(answer.usage.outputTokens).toBeGreaterThan(0);
  });
});

describe('the OAuth token', () => {
  it('is asked for with the Basic key, a fresh uuid RqUID and the scope form field', async () => {
    fake.tokenTtlMs = 30_000; // inside the refresh margin: every call needs a new token
    const model = createModel();
    await model.complete(REQUEST);
    await model.complete(REQUEST);

    const oauth = requestsTo(OAUTH);
    expect(oauth).toHaveLength(2);
    for (const request of oauth) {
      expect(request.method).toBe('POST');
      expect(request.headers.authorization).toBe(`Basic ${fake.credentials}`);
      expect(request.headers.rquid).toMatch(UUID);
      expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(request.headers.accept).toBe('application/json');
      expect(request.body).toBe(`scope=${fake.scope}`);
    }
    expect(oauth[0]!.headers.rquid).not.toBe(oauth[1]!.headers.rquid);
  });

  it('is sent as the Bearer token of the API calls', async () => {
    const model = createModel();
    await model.complete(REQUEST);
    await model.listModels();
    const [chat] = requestsTo(CHAT);
    const [models] = requestsTo('/api/v1/models');
    expect(chat!.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(models!.headers.authorization).toBe(chat!.headers.authorization);
  });

  it('serves many calls: one token for five completions', async () => {
    const model = createModel();
    for (let index = 0; index < 5; index += 1) await model.complete(REQUEST);
    expect(requestsTo(CHAT)).toHaveLength(5);
    expect(tokensIssued()).toBe(1);
  });

  it('is fetched once for concurrent first calls (B2B: ten at a time)', async () => {
    const model = createModel({ scope: acceptBusinessScope() });
    const answers = await Promise.all(Array.from({ length: 5 }, () => model.complete(REQUEST)));
    expect(answers.map((answer) => answer.text)).toEqual(Array(5).fill(DEFAULT_CHAT_CONTENT));
    expect(tokensIssued()).toBe(1);
    expect(requestsTo(OAUTH)).toHaveLength(1);
  });

  it('is renewed before use when within a minute of expires_at', async () => {
    fake.tokenTtlMs = 30_000;
    const model = createModel();
    for (let index = 0; index < 3; index += 1) await model.complete(REQUEST);
    expect(tokensIssued()).toBe(3);
    const bearers = new Set(requestsTo(CHAT).map((request) => request.headers.authorization));
    expect(bearers.size).toBe(3);
  });

  it('is renewed once the clock passes the refresh margin (the `now` option)', async () => {
    let clock = Date.now();
    const model = createModel({ now: () => clock });
    await model.complete(REQUEST);
    clock += 28 * 60_000; // 2 minutes left of 30: still fresh
    await model.complete(REQUEST);
    expect(tokensIssued()).toBe(1);
    clock += 90_000; // 30 s left: renewed first
    await model.complete(REQUEST);
    expect(tokensIssued()).toBe(2);
  });

  it('is replaced after a 401 from the API, and the call succeeds with exactly one extra token', async () => {
    const model = createModel();
    await model.complete(REQUEST);
    fake.expireTokens();
    const answer = await model.complete(REQUEST);
    expect(answer.text).toBe(DEFAULT_CHAT_CONTENT);
    expect(tokensIssued()).toBe(2);
    const chats = requestsTo(CHAT);
    expect(chats).toHaveLength(3); // ok, 401, ok with the new token
    expect(chats[2]!.headers.authorization).not.toBe(chats[1]!.headers.authorization);
    expect(retries).toEqual([]); // the 401 renewal is not one of the retries
  });

  it('a 401 on the renewed token too is an error naming GIGACHAT_CREDENTIALS, after one renewal', async () => {
    const model = createModel();
    await model.complete(REQUEST);
    fake.failNext('chat', 401, { times: 2 });
    const error = await rejection(model.complete(REQUEST));
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.hint).toContain('GIGACHAT_CREDENTIALS');
    expect(tokensIssued()).toBe(2);
    expect(requestsTo(CHAT)).toHaveLength(3);
  });
});

describe('a TokenCache shared across runs (poll --once)', () => {
  it('lets the second instance use the first one’s token without asking for one', async () => {
    const cache = memoryCache();
    await createModel({ tokenCache: cache }).complete(REQUEST);
    expect(cache.value?.token).toEqual(expect.any(String));
    expect(cache.value!.expiresAt).toBeGreaterThan(Date.now() + 29 * 60_000);

    await createModel({ tokenCache: cache }).complete(REQUEST);
    expect(tokensIssued()).toBe(1);
    expect(requestsTo(OAUTH)).toHaveLength(1);
    const [first, second] = requestsTo(CHAT);
    expect(second!.headers.authorization).toBe(first!.headers.authorization);
  });

  it('does not use a cached token that has expired (or is about to)', async () => {
    for (const expiresAt of [Date.now() - 1000, Date.now() + 30_000]) {
      const cache = memoryCache({ token: 'stale-token', expiresAt });
      await createModel({ tokenCache: cache }).complete(REQUEST);
      expect(cache.value?.token).not.toBe('stale-token');
    }
    expect(tokensIssued()).toBe(2);
    expect(requestsTo(CHAT).map((request) => request.headers.authorization)).not.toContain('Bearer stale-token');
  });

  it('is cleared after a 401, so the next run does not pick the refused token up', async () => {
    const cache = memoryCache();
    const model = createModel({ tokenCache: cache });
    await model.complete(REQUEST);
    const refused = cache.value!.token;
    fake.expireTokens();
    await model.complete(REQUEST);
    expect(cache.value?.token).not.toBe(refused);
    expect(tokensIssued()).toBe(2);
  });
});

describe('token failures', () => {
  function createAuth(overrides: { credentials?: string; scope?: string } = {}) {
    return createGigaChatAuth({
      authUrl: fake.authUrl,
      credentials: overrides.credentials ?? fake.credentials,
      scope: overrides.scope ?? fake.scope,
      timeoutMs: 5000,
      retries: 2,
      retryBaseDelayMs: 1,
      dispatcher: trusting,
      explain: (failure) => explainGigaChatFailure(failure, 'GigaChat'),
    });
  }

  it('createGigaChatAuth: wrong credentials are a 401 naming GIGACHAT_CREDENTIALS, asked once', async () => {
    const error = await rejection(createAuth({ credentials: 'd3Jvbmc6a2V5' }).getToken());
    expect(error.operation).toBe('token');
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('GIGACHAT_CREDENTIALS не принят');
    expect(error.hint).toContain('GIGACHAT_CREDENTIALS');
    expect(requestsTo(OAUTH)).toHaveLength(1);
  });

  it('createGigaChatAuth: a scope the key does not have is a 400 naming GIGACHAT_SCOPE, asked once', async () => {
    const error = await rejection(createAuth({ scope: 'GIGACHAT_API_CORP' }).getToken());
    expect(error.operation).toBe('token');
    expect(error.status).toBe(400);
    expect(error.message).toContain('scope from db not fully includes consumed scope');
    expect(error.hint).toContain('GIGACHAT_SCOPE');
    expect(requestsTo(OAUTH)).toHaveLength(1);
  });

  it('createGigaChatAuth: a 5xx on the token is retried', async () => {
    fake.failNext('oauth', 503);
    await expect(createAuth().getToken()).resolves.toEqual(expect.any(String));
    expect(requestsTo(OAUTH)).toHaveLength(2);
  });

  // The SDK wraps what the `apiKey` function throws in its own error: the token's LlmApiError is found under it.
  it('through the model: wrong credentials are a token 401 naming GIGACHAT_CREDENTIALS, not retried', async () => {
    const error = await rejection(createModel({ credentials: 'd3Jvbmc6a2V5' }).complete(REQUEST));
    expect(error.operation).toBe('token');
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.hint).toContain('GIGACHAT_CREDENTIALS');
    expect(requestsTo(OAUTH)).toHaveLength(1);
    expect(requestsTo(CHAT)).toHaveLength(0);
  });

  it('through the model: a 5xx on the token is retried by the token fetch alone, not again by the call', async () => {
    fake.failNext('oauth', 503, { times: 3 });
    const error = await rejection(createModel().complete(REQUEST));
    expect(error).toMatchObject({ operation: 'token', status: 503 });
    expect(requestsTo(OAUTH)).toHaveLength(3);
    expect(requestsTo(CHAT)).toHaveLength(0);
  });

  it('through the model: a scope mismatch is a token 400 naming GIGACHAT_SCOPE, not retried', async () => {
    const error = await rejection(createModel({ scope: 'GIGACHAT_API_CORP' }).complete(REQUEST));
    expect(error.operation).toBe('token');
    expect(error.status).toBe(400);
    expect(error.hint).toContain('GIGACHAT_SCOPE');
    expect(requestsTo(OAUTH)).toHaveLength(1);
  });
});

describe('API failures', () => {
  it('402: Payment Required, the fix in GigaChat Studio, not retried', async () => {
    fake.failNext('chat', 402);
    const error = await rejection(createModel().complete(REQUEST));
    expect(error.operation).toBe('chat');
    expect(error.status).toBe(402);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Payment Required');
    expect(error.hint).toContain('GigaChat Studio');
    expect(requestsTo(CHAT)).toHaveLength(1);
  });

  it('404 for an unknown model names GIGACHAT_MODEL', async () => {
    const error = await rejection(createModel({ model: 'GigaChat-Nonexistent' }).complete(REQUEST));
    expect(error.status).toBe(404);
    expect(error.retryable).toBe(false);
    expect(error.hint).toContain('GIGACHAT_MODEL');
    expect(error.hint).toContain('GigaChat-Nonexistent');
    expect(requestsTo(CHAT)).toHaveLength(1);
  });

  it('429 is retried and succeeds when the server recovers', async () => {
    fake.failNext('chat', 429, { times: 2 });
    const answer = await createModel().complete(REQUEST);
    expect(answer.text).toBe(DEFAULT_CHAT_CONTENT);
    expect(requestsTo(CHAT)).toHaveLength(3);
    expect(retries.map((event) => [event.operation, event.attempt])).toEqual([['chat', 1], ['chat', 2]]);
    expect(tokensIssued()).toBe(1);
  });

  it('429 for longer than the retries is a retryable LlmApiError with status 429', async () => {
    fake.failNext('chat', 429, { times: 3 }); // exactly the attempts: the fake is shared by the file
    const error = await rejection(createModel().complete(REQUEST));
    expect(error.status).toBe(429);
    expect(error.retryable).toBe(true);
    expect(error.hint).toContain('GigaChat ограничивает частоту запросов');
    expect(requestsTo(CHAT)).toHaveLength(3);
  });

  it('500 is retried and succeeds when the server recovers; for longer, a retryable error', async () => {
    fake.failNext('chat', 500, { times: 2 });
    await expect(createModel().complete(REQUEST)).resolves.toMatchObject({ text: DEFAULT_CHAT_CONTENT });
    expect(requestsTo(CHAT)).toHaveLength(3);

    fake.failNext('chat', 500, { times: 3 });
    const error = await rejection(createModel().complete(REQUEST));
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(true);
    expect(requestsTo(CHAT)).toHaveLength(6);
  });

  it('honours Retry-After as the wait before the next attempt', async () => {
    fake.failNext('chat', 429, { headers: { 'retry-after': '0.05' } });
    await createModel().complete(REQUEST);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.delayMs).toBe(50);
  });

  it('caps a long Retry-After at 30 s, and keeps the server’s value on the error', async () => {
    fake.failNext('chat', 429, { headers: { 'retry-after': '3600' } });
    const error = await rejection(createModel({ retries: 0 }).complete(REQUEST));
    expect(error.retryAfterMs).toBe(3_600_000);

    // Abort during the wait: the delay it would have slept is what is checked, not slept.
    const controller = new AbortController();
    fake.failNext('chat', 429, { headers: { 'retry-after': '3600' } });
    const model = createModel({ onRetry: (event) => (retries.push(event), controller.abort()) });
    const cancelled = await rejection(model.complete({ ...REQUEST, signal: controller.signal }));
    expect(retries.map((event) => event.delayMs)).toEqual([30_000]);
    expect(cancelled.message).toContain('отменён');
  });
});

describe('concurrency by scope', () => {
  /**
   * Counts how many chat calls the fake serves at once. Each call is held until `waitFor` are in flight (or
   * `holdMs` passes), so calls that may overlap are sure to, whatever the TLS handshakes cost on a busy machine.
   */
  function trackOverlap(waitFor: number, holdMs: number): { peak: () => number } {
    let inFlight = 0;
    let peak = 0;
    fake.onChat(async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      const until = Date.now() + holdMs;
      while (peak < waitFor && Date.now() < until) await sleep(5);
      inFlight -= 1;
      return { content: 'ok' };
    });
    return { peak: () => peak };
  }

  it('PERS: two concurrent completions never overlap at the server', async () => {
    expect(concurrencyOf('GIGACHAT_API_PERS')).toBe(1);
    const overlap = trackOverlap(2, 100);
    const model = createModel();
    const answers = await Promise.all([model.complete(REQUEST), model.complete(REQUEST), model.complete(REQUEST)]);
    expect(answers.map((answer) => answer.text)).toEqual(['ok', 'ok', 'ok']);
    expect(overlap.peak()).toBe(1);
  });

  it('PERS: a failed call frees its slot for the next', async () => {
    fake.failNext('chat', 402);
    const model = createModel();
    const [first, second] = await Promise.allSettled([model.complete(REQUEST), model.complete(REQUEST)]);
    expect(first.status).toBe('rejected');
    expect(second.status).toBe('fulfilled');
  });

  it('B2B: concurrent completions do overlap', async () => {
    expect(concurrencyOf('GIGACHAT_API_B2B')).toBe(10);
    const overlap = trackOverlap(3, 2000);
    const model = createModel({ scope: acceptBusinessScope() });
    await Promise.all([model.complete(REQUEST), model.complete(REQUEST), model.complete(REQUEST)]);
    expect(overlap.peak()).toBe(3);
  });
});

describe('listModels', () => {
  it('returns the ids and GigaChat’s types', async () => {
    const models = await createModel().listModels();
    expect(models).toEqual([
      { id: 'GigaChat', type: 'chat' },
      { id: 'GigaChat-2-Pro', type: 'chat' },
      { id: 'GigaChat-2-Max', type: 'chat' },
      { id: 'Embeddings', type: 'embedder' },
    ]);
  });
});

describe('through an HTTPS proxy', () => {
  let proxy: Proxy;

  beforeEach(async () => {
    proxy = await startProxy();
  });

  afterEach(async () => {
    await closeServer(proxy.server);
  });

  it('tunnels the token and the chat call with CONNECT, trusting the CA inside the tunnel', async () => {
    const viaProxy = createDispatcherTrusting(fake.caPem, { httpsProxy: proxy.url });
    dispatchers.push(viaProxy);
    const answer = await createModel({ dispatcher: viaProxy }).complete(REQUEST);
    expect(answer.text).toBe(DEFAULT_CHAT_CONTENT);
    const host = new URL(fake.url).host;
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((line) => line === `CONNECT ${host}`)).toBe(true);
    expect(requestsTo(OAUTH)).toHaveLength(1);
    expect(requestsTo(CHAT)).toHaveLength(1);
  });
});
