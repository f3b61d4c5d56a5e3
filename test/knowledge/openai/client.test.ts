/**
 * The OpenAI-compatible client through `createOpenAiChatModel`, the real `openai` SDK against the loopback fake:
 * the request on the wire, what is read from the answer, and each failure as the `LlmApiError` a seller reads
 * (status, retryable, the setting named in the hint), with attempts counted at the fake.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LlmApiError } from '../../../src/errors.js';
import { createOpenAiChatModel, explainOpenAiFailure, findCode, isTlsCode, type OpenAiChatOptions } from '../../../src/knowledge/openai/client.js';
import type { ChatModel, ChatRequest } from '../../../src/knowledge/grounded/chat-model.js';
import { OPENAI_API_KEY, startFakeOpenAi, type FakeLlmRequest, type FakeOpenAi } from '../../helpers/fake-llm.js';
import { createHttpTestServer } from '../../helpers/http-test-server.js';

const CHAT = '/v1/chat/completions';
const REQUEST: ChatRequest = { system: 'Отвечай только по документам.', user: 'Сколько стоит доставка?', maxTokens: 300, temperature: 0.2 };

let fake: FakeOpenAi;
let retries: Array<{ operation: string; attempt: number; delayMs: number; reason: string }>;

beforeEach(async () => {
  fake = await startFakeOpenAi();
  retries = [];
});

afterEach(async () => {
  await fake.close();
});

function createModel(overrides: Partial<OpenAiChatOptions> = {}): ChatModel {
  return createOpenAiChatModel({
    provider: 'openai',
    baseUrl: fake.baseUrl,
    apiKey: OPENAI_API_KEY,
    model: 'test-model',
    timeoutMs: 5000,
    retries: 2,
    retryBaseDelayMs: 1,
    onRetry: (event) => retries.push(event),
    ...overrides,
  });
}

function chatRequests(): FakeLlmRequest[] {
  return fake.requests.filter((request) => request.path === CHAT);
}

async function rejection(promise: Promise<unknown>): Promise<LlmApiError> {
  const error = await promise.then(
    () => expect.fail('expected a rejection'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LlmApiError);
  return error as LlmApiError;
}

/** A 200 whose body is exactly `body`, as a relay or a half-compatible server might send. */
function answerRaw(body: string, contentType = 'application/json'): void {
  fake.onChat(() => ({ rawBody: body, contentType }));
}

describe('the request', () => {
  it('sends the model, the system message first then the user, temperature and max_tokens', async () => {
    await createModel().complete(REQUEST);
    const [body] = fake.chatCalls();
    expect(body).toMatchObject({
      model: 'test-model',
      messages: [
        { role: 'system', content: REQUEST.system },
        { role: 'user', content: REQUEST.user },
      ],
      temperature: 0.2,
      max_tokens: 300,
    });
    expect(body).not.toHaveProperty('max_completion_tokens');
    expect(body).not.toHaveProperty('stream');
  });

  it('authorises with Bearer, sends OpenAI-Project for `project` and the extra headers', async () => {
    await createModel({ project: 'b1gfolder', headers: { 'X-Title': 'avito-ai', 'x-data-logging-enabled': 'false' } }).complete(REQUEST);
    const [request] = chatRequests();
    expect(request!.headers.authorization).toBe(`Bearer ${OPENAI_API_KEY}`);
    expect(request!.headers['openai-project']).toBe('b1gfolder');
    expect(request!.headers['x-title']).toBe('avito-ai');
    expect(request!.headers['x-data-logging-enabled']).toBe('false');
    expect(request!.headers['content-type']).toMatch(/^application\/json/);
  });

  it('sends no OpenAI-Project without `project`, and calls an apiKey function before each request', async () => {
    let calls = 0;
    const model = createModel({ apiKey: () => Promise.resolve((calls += 1, OPENAI_API_KEY)) });
    await model.complete(REQUEST);
    await model.complete(REQUEST);
    expect(calls).toBe(2);
    expect(chatRequests().map((request) => request.headers['openai-project'])).toEqual([undefined, undefined]);
  });
});

describe('the answer', () => {
  it('reads the text, the model, the finish reason and the usage', async () => {
    fake.onChat(() => ({ content: 'Доставка 300 ₽.', finishReason: 'length', usage: { prompt_tokens: 42, completion_tokens: 7 } }));
    const answer = await createModel().complete(REQUEST);
    expect(answer).toEqual({ text: 'Доставка 300 ₽.', model: 'test-model', finishReason: 'length', usage: { inputTokens: 42, outputTokens: 7 } });
  });

  it('takes `content: null` as empty text, and falls back to our model name and no usage', async () => {
    answerRaw(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'stop' }] }));
    const answer = await createModel().complete(REQUEST);
    expect(answer).toEqual({ text: '', model: 'test-model', finishReason: 'stop', usage: {} });
  });

  it('turns a non-JSON 200 (an HTML page) into an LlmApiError, not a crash or an answer', async () => {
    answerRaw('<html><body>Proxy login</body></html>', 'text/html');
    const error = await rejection(createModel().complete(REQUEST));
    expect(error.engine).toBe('openai');
    expect(error.operation).toBe('chat');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('choices[0].message');
    expect(error.message).toContain(fake.baseUrl);
    expect(chatRequests()).toHaveLength(1);
  });

  it('turns a 200 JSON without choices into an LlmApiError', async () => {
    answerRaw('{"object":"chat.completion","choices":[]}');
    const error = await rejection(createModel().complete(REQUEST));
    expect(error.message).toContain('choices[0].message');
    expect(error.retryable).toBe(false);
  });

  it('turns a 200 with broken JSON into an LlmApiError, not retried (the completion may be billed already)', async () => {
    answerRaw('{"choices":[{"message":');
    const error = await rejection(createModel().complete(REQUEST));
    expect(error.operation).toBe('chat');
    expect(error.status).toBeUndefined();
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('не в формате JSON');
    expect(fake.chatCalls()).toHaveLength(1);
  });
});

describe('failures with an answer', () => {
  it('401: names OPENAI_API_KEY and the server’s message, not retried', async () => {
    const error = await rejection(createModel({ apiKey: 'wrong-key' }).complete(REQUEST));
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('API, совместимый с OpenAI (chat): ошибка 401 Incorrect API key provided');
    expect(error.hint).toContain('OPENAI_API_KEY');
    expect(chatRequests()).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('404 for an unknown model: names OPENAI_MODEL, not retried', async () => {
    const error = await rejection(createModel({ model: 'missing-model' }).complete(REQUEST));
    expect(error.status).toBe(404);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("model 'missing-model' not found");
    expect(error.hint).toContain('OPENAI_MODEL');
    expect(chatRequests()).toHaveLength(1);
  });

  it('429 is retried and succeeds when the server recovers', async () => {
    fake.failNext('chat', 429, { times: 2 });
    const answer = await createModel().complete(REQUEST);
    expect(answer.model).toBe('test-model');
    expect(chatRequests()).toHaveLength(3);
    expect(retries.map((event) => event.attempt)).toEqual([1, 2]);
    expect(retries[0]!.reason).toContain('429');
  });

  it('429 for longer than the retries: a retryable LlmApiError with status 429', async () => {
    fake.failNext('chat', 429, { times: 5 });
    const error = await rejection(createModel().complete(REQUEST));
    expect(error.status).toBe(429);
    expect(error.retryable).toBe(true);
    expect(error.hint).toContain('ограничивает частоту запросов');
    expect(chatRequests()).toHaveLength(3);
  });

  it('500 and 503 are retried; for longer, a retryable error', async () => {
    fake.failNext('chat', 500);
    fake.failNext('chat', 503);
    await expect(createModel().complete(REQUEST)).resolves.toMatchObject({ model: 'test-model' });
    expect(chatRequests()).toHaveLength(3);

    fake.failNext('chat', 500, { times: 3 });
    const error = await rejection(createModel().complete(REQUEST));
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(true);
    expect(chatRequests()).toHaveLength(6);
  });

  it('waits as retry-after-ms asks, and keeps a long Retry-After on the error (capped in the wait)', async () => {
    fake.failNext('chat', 429, { headers: { 'retry-after-ms': '40' } });
    await createModel().complete(REQUEST);
    expect(retries.map((event) => event.delayMs)).toEqual([40]);

    fake.failNext('chat', 429, { headers: { 'retry-after': '120' } });
    const error = await rejection(createModel({ retries: 0 }).complete(REQUEST));
    expect(error.retryAfterMs).toBe(120_000);

    retries = [];
    const controller = new AbortController();
    fake.failNext('chat', 429, { headers: { 'retry-after': '120' } });
    const model = createModel({ onRetry: (event) => (retries.push(event), controller.abort()) });
    await rejection(model.complete({ ...REQUEST, signal: controller.signal }));
    expect(retries.map((event) => event.delayMs)).toEqual([30_000]);
  });
});

describe('failures without an answer', () => {
  it('a refused connection: status undefined, names OPENAI_BASE_URL, retried', async () => {
    const spare = await createHttpTestServer();
    await spare.close();
    const error = await rejection(createModel({ baseUrl: `${spare.url}/v1`, retries: 1 }).complete(REQUEST));
    expect(error.status).toBeUndefined();
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('нет ответа (ECONNREFUSED)');
    expect(error.hint).toContain('OPENAI_BASE_URL');
    expect(retries).toHaveLength(1);
  });

  it('a timeout is retried, then an LlmApiError', async () => {
    // The answer comes far later than the timeout, and the timeout leaves a loaded machine time to deliver the retry itself
    // (at 60 ms, under load, the second attempt timed out before the fake had read it).
    fake.onChat(() => ({ content: 'late', delayMs: 10_000 }));
    const error = await rejection(createModel({ timeoutMs: 400, retries: 1 }).complete(REQUEST));
    expect(error.status).toBeUndefined();
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ETIMEDOUT');
    expect(chatRequests()).toHaveLength(2);
    expect(retries).toHaveLength(1);
  });

  it('an aborted signal cancels the call, without a retry', async () => {
    const controller = new AbortController();
    fake.onChat(() => {
      setTimeout(() => controller.abort(), 5);
      return { content: 'late', delayMs: 400 };
    });
    const error = await rejection(createModel().complete({ ...REQUEST, signal: controller.signal }));
    expect(error.message).toBe('запрос openai chat отменён');
    expect(error.retryable).toBe(false);
    expect(chatRequests()).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('a signal aborted before the call sends nothing', async () => {
    const error = await rejection(createModel().complete({ ...REQUEST, signal: AbortSignal.abort() }));
    expect(error.message).toContain('отменён');
    expect(fake.requests).toEqual([]);
  });
});

describe('listModels', () => {
  it('returns the ids the server lists', async () => {
    expect(await createModel().listModels()).toEqual([{ id: 'test-model' }, { id: 'test-embed' }]);
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${OPENAI_API_KEY}`);
  });

  it('fails like a completion: 401 names OPENAI_API_KEY', async () => {
    const error = await rejection(createModel({ apiKey: 'wrong-key' }).listModels());
    expect(error.operation).toBe('models');
    expect(error.status).toBe(401);
    expect(error.hint).toContain('OPENAI_API_KEY');
  });
});

describe('the exported helpers', () => {
  it('findCode takes the innermost code of the cause chain; isTlsCode knows the certificate codes', () => {
    const socket = Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    const wrapped = new Error('Connection error.', { cause: new TypeError('fetch failed', { cause: socket }) });
    expect(findCode(wrapped)).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    expect(findCode(new Error('plain'))).toBeUndefined();
    expect(isTlsCode('SELF_SIGNED_CERT_IN_CHAIN')).toBe(true);
    expect(isTlsCode('ECONNREFUSED')).toBe(false);
    expect(isTlsCode(undefined)).toBe(false);
  });

  it('explainOpenAiFailure: an untrusted certificate points at NODE_EXTRA_CA_CERTS; 5xx and 403 get hints', () => {
    const tls = explainOpenAiFailure({ operation: 'chat', status: undefined, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', detail: '' });
    expect(tls.message).toContain('сертификату нет доверия');
    expect(tls.hint).toContain('NODE_EXTRA_CA_CERTS');
    expect(explainOpenAiFailure({ operation: 'chat', status: 502, code: undefined, detail: '502 Bad Gateway' })).toEqual({
      message: 'API, совместимый с OpenAI (chat): ошибка 502 Bad Gateway',
      hint: expect.stringContaining('повторяет запрос') as unknown as string,
    });
    expect(explainOpenAiFailure({ operation: 'chat', status: 403, code: undefined, detail: 'denied' }).hint).toContain('OPENAI_PROJECT');
  });
});
