/**
 * The Gemini client through `createGeminiClient`, the real SDK against the loopback fake Gemini:
 * what each operation returns, and the retry policy seen from outside (requests at the server,
 * the delays reported to `onRetry`, the typed error). The engine tests
 * (gemini-engine.test.ts) cover sync and answers on top of it; these pin the client itself.
 */
import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GeminiApiError } from '../../../src/errors.js';
import { createGeminiClient, type GeminiClient, type GeminiClientOptions, type GenerateRequest } from '../../../src/knowledge/gemini/client.js';
import { startFakeGemini, type FakeGemini, type FakeStore } from '../../helpers/fake-gemini.js';
import { createHttpTestServer, type HttpTestServer } from '../../helpers/http-test-server.js';

const GENERATE = ':generateContent';

let fake: FakeGemini;
let retries: Array<{ operation: string; attempt: number; delayMs: number; reason: string }>;
const servers: HttpTestServer[] = [];

beforeEach(async () => {
  fake = await startFakeGemini();
  retries = [];
});

afterEach(async () => {
  vi.restoreAllMocks();
  while (servers.length > 0) await servers.pop()!.close();
  await fake.close();
});

function createClient(options: Partial<GeminiClientOptions> = {}): GeminiClient {
  return createGeminiClient({
    apiKey: fake.apiKey,
    baseUrl: fake.url,
    timeoutMs: 5000,
    retries: 2,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    operationPollMs: 5,
    onRetry: (event) => retries.push(event),
    ...options,
  });
}

function generateRequest(store: FakeStore, extra: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    model: 'gemini-flash-latest',
    systemInstruction: 'Отвечай по документам.',
    temperature: 0.2,
    parts: ['Сколько стоит доставка?'],
    storeName: store.name,
    metadataFilter: 'scope = "general"',
    topK: 5,
    ...extra,
  };
}

/** Resolves with what `action` threw, failing the test if it was not a GeminiApiError. */
async function catchGeminiError(action: Promise<unknown>): Promise<GeminiApiError> {
  const error: unknown = await action.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GeminiApiError);
  return error as GeminiApiError;
}

const requestsTo = (pattern: RegExp): number => fake.requests.filter((request) => pattern.test(`${request.method} ${request.path}`)).length;
const generates = (): number => requestsTo(/:generateContent$/);

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * A front for the fake that answers the first requests with `replies` (what the fake cannot say:
 * RetryInfo, thought parts) and hands the rest on to the fake. Records when each request came.
 */
async function startFront(replies: Array<{ status: number; body: unknown }>): Promise<{ url: string; arrivals: number[] }> {
  const arrivals: number[] = [];
  const server = await createHttpTestServer((request, response) => {
    arrivals.push(Date.now());
    void readBody(request).then(async (body) => {
      const reply = replies.shift();
      if (reply !== undefined) {
        response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
        return;
      }
      const upstream = await fetch(`${fake.url}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
        headers: { 'content-type': 'application/json', 'x-goog-api-key': String(request.headers['x-goog-api-key']) },
        ...(body.length > 0 ? { body } : {}),
      });
      response.writeHead(upstream.status, { 'content-type': 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  servers.push(server);
  return { url: server.url, arrivals };
}

/** Google's 429 with a RetryInfo detail, as the real API sends when a quota resets. */
function quotaExhausted(retryDelay: string): { status: number; body: unknown } {
  return {
    status: 429,
    body: {
      error: {
        code: 429,
        message: 'You exceeded your current quota.',
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay }],
      },
    },
  };
}

describe('stores', () => {
  it('findStore finds a store by display name past the first page, the oldest of two, or nothing', async () => {
    for (let n = 0; n < 25; n += 1) fake.addStore(`other-${n}`);
    const oldest = fake.addStore('avito-ai');
    fake.addStore('avito-ai');
    const client = createClient();
    expect(await client.findStore('avito-ai')).toEqual({ name: oldest.name, displayName: 'avito-ai' });
    expect(await client.findStore('missing')).toBeUndefined();
    expect(requestsTo(/^GET \/v1beta\/fileSearchStores$/)).toBe(4);
  });

  it('createStore returns the new store; getStore reads it, and is undefined once it is gone', async () => {
    const client = createClient();
    const created = await client.createStore('Магазин');
    expect(created).toEqual({ name: expect.stringMatching(/^fileSearchStores\//), displayName: 'Магазин' });
    expect(fake.stores.get(created.name)?.displayName).toBe('Магазин');
    expect(await client.getStore(created.name)).toEqual(created);
    expect(await client.getStore('fileSearchStores/gone-1')).toBeUndefined();
    expect(retries).toEqual([]);
  });

  it('createStore is retried after a 429 (nothing was made) but not after a 5xx (something may have been)', async () => {
    fake.failNext('POST /v1beta/fileSearchStores', 429);
    await createClient().createStore('a');
    expect(requestsTo(/^POST \/v1beta\/fileSearchStores$/)).toBe(2);

    fake.failNext('POST /v1beta/fileSearchStores', 503);
    const error = await catchGeminiError(createClient().createStore('b'));
    expect(error).toMatchObject({ operation: 'fileSearchStores.create', status: 503, retryable: true });
    expect(requestsTo(/^POST \/v1beta\/fileSearchStores$/)).toBe(3);
    expect([...fake.stores.values()].map((store) => store.displayName)).toEqual(['a']);
  });

  it('getStore throws what is not a 404', async () => {
    fake.failNext('GET /v1beta/fileSearchStores/', 403, { message: 'Permission denied on resource project.' });
    const error = await catchGeminiError(createClient().getStore('fileSearchStores/x-1'));
    expect(error).toMatchObject({ operation: 'fileSearchStores.get', status: 403, retryable: false });
    expect(error.hint).toBe('проверьте GEMINI_API_KEY и что для его проекта включён Gemini API');
  });
});

describe('documents', () => {
  it('listDocuments pages through every document, with metadata as strings, state, type, size and time', async () => {
    const store = fake.addStore('avito-ai');
    fake.addDocument(store, {
      displayName: 'item-1.md',
      text: 'Гарантия год.',
      mimeType: 'text/markdown',
      state: 'STATE_PENDING',
      customMetadata: [{ key: 'scope', stringValue: 'item' }, { key: 'item_id', numericValue: 4012345678 }, { key: '', stringValue: 'nameless' }],
    });
    for (let n = 0; n < 24; n += 1) fake.addDocument(store, { displayName: `doc-${n}.md`, text: `text ${n}` });
    const documents = await createClient().listDocuments(store.name);
    expect(documents).toHaveLength(25);
    expect(documents[0]).toEqual({
      name: expect.stringMatching(new RegExp(`^${store.name}/documents/`)),
      displayName: 'item-1.md',
      state: 'STATE_PENDING',
      metadata: { scope: 'item', item_id: '4012345678' },
      mimeType: 'text/markdown',
      sizeBytes: Buffer.byteLength('Гарантия год.'),
      createTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(requestsTo(/\/documents$/)).toBe(2);
  });

  it('uploadDocument waits for the operation to finish and returns the document name', async () => {
    const store = fake.addStore('avito-ai');
    fake.operationPolls = 2;
    const name = await createClient().uploadDocument(store.name, {
      bytes: new TextEncoder().encode('Доставка 500 рублей.'),
      displayName: 'доставка.md',
      mimeType: 'text/markdown',
      metadata: [{ key: 'scope', stringValue: 'general' }],
    });
    const document = store.documents.get(name);
    expect(document).toMatchObject({ displayName: 'доставка.md', text: 'Доставка 500 рублей.', state: 'STATE_ACTIVE', customMetadata: [{ key: 'scope', stringValue: 'general' }] });
    // The upload itself answers "not done"; the fake then needs two more polls.
    expect(requestsTo(/^GET \/v1beta\/.*\/operations\//)).toBe(3);
  });

  it('uploadDocument reports a document Gemini could not index, and one that takes too long', async () => {
    const store = fake.addStore('avito-ai');
    const file = { bytes: new TextEncoder().encode('x'), displayName: 'broken.pdf', mimeType: 'application/pdf', metadata: [] };
    fake.failUploadOf('broken.pdf', 'Unsupported file.');
    const failed = await catchGeminiError(createClient().uploadDocument(store.name, file));
    expect(failed).toMatchObject({ operation: 'uploadToFileSearchStore', message: 'Gemini не смог проиндексировать broken.pdf: Unsupported file.', retryable: false });

    fake.operationPolls = 1_000_000;
    const slow = await catchGeminiError(createClient({ operationTimeoutMs: 60 }).uploadDocument(store.name, { ...file, displayName: 'slow.pdf' }));
    expect(slow).toMatchObject({ operation: 'operations.get', message: 'индексация slow.pdf не закончилась за 0 с' });
  });

  it('deleteDocument deletes, takes an already deleted document as done, and throws anything else', async () => {
    const store = fake.addStore('avito-ai');
    const document = fake.addDocument(store, { displayName: 'a.md', text: 'a' });
    const client = createClient();
    await client.deleteDocument(document.name);
    expect(store.documents.size).toBe(0);
    await client.deleteDocument(document.name);

    fake.failNext('DELETE', 403);
    expect(await catchGeminiError(client.deleteDocument(document.name))).toMatchObject({ operation: 'documents.delete', status: 403 });
  });
});

describe('generate', () => {
  it('returns the answer text, the retrieved fragments, the finish reason and the token counts', async () => {
    const store = fake.addStore('avito-ai');
    const document = fake.addDocument(store, { displayName: 'dostavka.md', text: 'Доставка курьером 500 рублей.' });
    fake.answerWith = () => ({ text: '  Доставка стоит 500 рублей.  ', chunks: [{ title: 'dostavka.md', text: 'Доставка курьером 500 рублей.', documentName: document.name }] });
    const result = await createClient().generate(generateRequest(store));
    expect(result).toEqual({
      text: 'Доставка стоит 500 рублей.',
      chunks: [{ title: 'dostavka.md', text: 'Доставка курьером 500 рублей.' }],
      finishReason: 'STOP',
      usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) },
    });
  });

  it('leaves out the model’s thoughts, and names a fragment without a title by its document', async () => {
    const front = await startFront([
      {
        status: 200,
        body: {
          candidates: [
            {
              content: { role: 'model', parts: [{ text: 'думаю о доставке', thought: true }, { text: 'Доставка ' }, { text: 'есть.' }] },
              groundingMetadata: { groundingChunks: [{ retrievedContext: { documentName: 'fileSearchStores/s/documents/d', text: 'Доставка есть.' } }, { web: { uri: 'x' } }] },
            },
          ],
        },
      },
    ]);
    const result = await createClient({ baseUrl: front.url }).generate(generateRequest(fake.addStore('s')));
    expect(result).toEqual({ text: 'Доставка есть.', chunks: [{ title: 'fileSearchStores/s/documents/d', text: 'Доставка есть.' }], usage: {} });
  });
});

describe('retries', () => {
  it('retries 408, 429, 500, 502, 503 and 504, backing off exponentially with jitter, and reports each retry', async () => {
    const store = fake.addStore('avito-ai');
    for (const status of [429, 408, 500, 502, 503, 504]) fake.failNext(GENERATE, status);
    const client = createClient({ retries: 6, retryBaseDelayMs: 4, retryMaxDelayMs: 1000 });
    // The jitter's two ends: half the step, then the whole step.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    await client.generate(generateRequest(store));
    expect(generates()).toBe(7);
    expect(retries.map((retry) => [retry.operation, retry.attempt])).toEqual([1, 2, 3, 4, 5, 6].map((attempt) => ['generateContent', attempt]));
    expect(retries.map((retry) => retry.delayMs)).toEqual([2, 4, 8, 16, 32, 64]);
    expect(retries[0]?.reason).toBe('Gemini generateContent: ошибка 429 RESOURCE_EXHAUSTED Injected failure (429).');

    retries.length = 0;
    random.mockReturnValue(0.999_999);
    fake.failNext(GENERATE, 503, { times: 3 });
    await createClient({ retries: 3, retryBaseDelayMs: 4, retryMaxDelayMs: 1000 }).generate(generateRequest(store));
    expect(retries.map((retry) => retry.delayMs)).toEqual([4, 8, 16]);
  });

  it('caps the backoff at retryMaxDelayMs', async () => {
    const store = fake.addStore('avito-ai');
    fake.failNext(GENERATE, 503, { times: 2 });
    await createClient({ retries: 2, retryBaseDelayMs: 10_000, retryMaxDelayMs: 30 }).generate(generateRequest(store));
    expect(retries.map((retry) => retry.delayMs)).toEqual([expect.any(Number), expect.any(Number)]);
    for (const retry of retries) expect(retry.delayMs).toBeLessThanOrEqual(30);
  });

  it('waits as long as the server’s RetryInfo says, when that is longer than its own backoff', async () => {
    const front = await startFront([quotaExhausted('0.3s')]);
    const started = Date.now();
    await createClient({ baseUrl: front.url, retryMaxDelayMs: 5000 }).generate(generateRequest(fake.addStore('s')));
    expect(retries.map((retry) => retry.delayMs)).toEqual([300]);
    expect(front.arrivals).toHaveLength(2);
    expect(front.arrivals[1]! - front.arrivals[0]!).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('caps a RetryInfo delay at retryMaxDelayMs, and gives up after the retries with the server’s delay on the error', async () => {
    const front = await startFront([quotaExhausted('60s'), quotaExhausted('60s'), quotaExhausted('60s')]);
    const started = Date.now();
    const error = await catchGeminiError(createClient({ baseUrl: front.url, retries: 2, retryMaxDelayMs: 50 }).generate(generateRequest(fake.addStore('s'))));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(retries.map((retry) => retry.delayMs)).toEqual([50, 50]);
    expect(front.arrivals).toHaveLength(3);
    expect(error).toMatchObject({
      operation: 'generateContent',
      status: 429,
      retryable: true,
      retryAfterMs: 60_000,
      message: 'Gemini generateContent: ошибка 429 RESOURCE_EXHAUSTED You exceeded your current quota.',
      hint: 'квота Gemini пока исчерпана: avito-ai повторит запрос; или увеличьте квоту в Google AI Studio',
    });
  });

  it.each([
    [400, 'INVALID_ARGUMENT', undefined],
    [403, 'PERMISSION_DENIED', 'проверьте GEMINI_API_KEY и что для его проекта включён Gemini API'],
    [404, 'NOT_FOUND', 'проверьте GEMINI_MODEL и FILE_SEARCH_STORE и выполните avito-ai sync-docs'],
  ])('does not retry a %i', async (status, statusName, hint) => {
    const store = fake.addStore('avito-ai');
    fake.failNext(GENERATE, status, { times: 3 });
    const error = await catchGeminiError(createClient({ retries: 3 }).generate(generateRequest(store)));
    expect(generates()).toBe(1);
    expect(retries).toEqual([]);
    expect(error).toMatchObject({ operation: 'generateContent', status, retryable: false, message: `Gemini generateContent: ошибка ${status} ${statusName} Injected failure (${status}).`, hint });
  });

  it('gives a wrong key and an unserved country their own fixes', async () => {
    const store = fake.addStore('avito-ai');
    const wrongKey = await catchGeminiError(createClient({ apiKey: 'wrong' }).generate(generateRequest(store)));
    expect(wrongKey).toMatchObject({ status: 400, hint: 'проверьте GEMINI_API_KEY (https://aistudio.google.com/apikey)' });
    fake.failNext(GENERATE, 400, { message: 'User location is not supported for the API use.' });
    const country = await catchGeminiError(createClient().generate(generateRequest(store)));
    expect(country.hint).toBe('Gemini недоступен в этой стране: укажите HTTPS_PROXY или GEMINI_BASE_URL ретранслятора');
  });

  it('retries a dropped connection, then fails with a network error naming the fix', async () => {
    const store = fake.addStore('avito-ai');
    fake.failNext(GENERATE, 0, { destroy: true, times: 3 });
    const error = await catchGeminiError(createClient({ retries: 2 }).generate(generateRequest(store)));
    expect(generates()).toBe(3);
    expect(error).toMatchObject({
      operation: 'generateContent',
      status: undefined,
      retryable: true,
      message: expect.stringMatching(/^Gemini generateContent: нет связи \(fetch failed/),
      hint: 'проверьте сеть, GEMINI_BASE_URL и HTTPS_PROXY; Gemini доступен не во всех странах',
    });
  });

  it('gives each attempt timeoutMs, retries a timeout, and says it timed out', async () => {
    const store = fake.addStore('avito-ai');
    fake.generateDelayMs = 1000;
    const started = Date.now();
    const error = await catchGeminiError(createClient({ timeoutMs: 100, retries: 1 }).generate(generateRequest(store)));
    expect(Date.now() - started).toBeLessThan(900);
    expect(generates()).toBe(2);
    expect(error).toMatchObject({ operation: 'generateContent', message: 'Gemini generateContent: нет ответа вовремя', retryable: true, status: undefined });
  });
});

describe('abort', () => {
  it('stops a request in flight at once, without retrying, as a cancellation', async () => {
    const store = fake.addStore('avito-ai');
    fake.generateDelayMs = 2000;
    const controller = new AbortController();
    const answer = createClient({ retries: 3 }).generate(generateRequest(store, { signal: controller.signal }));
    await vi.waitFor(() => expect(generates()).toBe(1));
    const aborted = Date.now();
    controller.abort();
    const error = await catchGeminiError(answer);
    expect(Date.now() - aborted).toBeLessThan(1000);
    expect(error).toMatchObject({ operation: 'generateContent', message: 'запрос Gemini generateContent отменён', retryable: false });
    expect(generates()).toBe(1);
    expect(retries).toEqual([]);
  });

  it('ends the wait between attempts and makes no further one', async () => {
    const store = fake.addStore('avito-ai');
    fake.failNext('/documents', 503, { times: 5 });
    const controller = new AbortController();
    const client = createClient({ retries: 3, retryBaseDelayMs: 10_000, retryMaxDelayMs: 10_000, onRetry: () => controller.abort() });
    const started = Date.now();
    const error = await catchGeminiError(client.listDocuments(store.name, controller.signal));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ operation: 'documents.list', retryable: false });
    expect(requestsTo(/\/documents$/)).toBe(1);
  });
});
