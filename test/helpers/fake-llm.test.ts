import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, AuthenticationError, NotFoundError, RateLimitError, UnprocessableEntityError } from 'openai';
import { Agent, fetch } from 'undici';
import { DEFAULT_CHAT_CONTENT, EMBEDDING_DIMENSIONS, fakeEmbedding, startFakeGigaChat, startFakeOpenAi } from './fake-llm.js';
import type { FakeGigaChat, FakeOpenAi } from './fake-llm.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

/** The error codes along an error's `cause` chain (fetch wraps the TLS error twice). */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code !== undefined) codes.push(code);
  }
  return codes;
}

describe('fake GigaChat over HTTPS', () => {
  let fake: FakeGigaChat;
  let agent: Agent;

  beforeEach(async () => {
    fake = await startFakeGigaChat();
    agent = new Agent({ connect: { ca: [...rootCertificates, fake.caPem] } });
  });

  afterEach(async () => {
    await fake.close();
    await agent.close();
  });

  function requestToken(headers: Record<string, string>, body = `scope=${fake.scope}`) {
    return fetch(fake.authUrl, { method: 'POST', headers, body, dispatcher: agent });
  }

  function goodHeaders(): Record<string, string> {
    return {
      Authorization: `Basic ${fake.credentials}`,
      RqUID: randomUUID(),
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    };
  }

  async function issueToken(): Promise<string> {
    const response = await requestToken(goodHeaders());
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  function client(apiKey: string): OpenAI {
    return new OpenAI({ apiKey, baseURL: fake.baseUrl, maxRetries: 0, fetch, fetchOptions: { dispatcher: agent } });
  }

  it('serves a certificate from a CA Node does not trust, written to caFile', async () => {
    expect(fake.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(fake.baseUrl).toBe(`${fake.url}/api/v1`);
    expect(fake.authUrl).toBe(`${fake.url}/api/v2/oauth`);
    expect(await readFile(fake.caFile, 'utf8')).toBe(fake.caPem);

    const untrusting = new OpenAI({ apiKey: 'token', baseURL: fake.baseUrl, maxRetries: 0 });
    const error = await rejection(untrusting.models.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(causeCodes(error)).toContain('SELF_SIGNED_CERT_IN_CHAIN');
    const plain = await rejection(fetch(fake.authUrl, { method: 'POST' }));
    expect(causeCodes(plain)).toContain('SELF_SIGNED_CERT_IN_CHAIN');
    expect(fake.requests).toEqual([]);
  });

  it('issues a token only for Basic credentials, a uuid RqUID and the accepted scope', async () => {
    const cases: Array<[Record<string, string>, string, number, unknown]> = [
      [{ ...goodHeaders(), Authorization: 'Basic d3Jvbmc6a2V5' }, `scope=${fake.scope}`, 401, { code: 6, message: "credentials doesn't match db data" }],
      [{ ...goodHeaders(), Authorization: `Bearer ${fake.credentials}` }, `scope=${fake.scope}`, 401, { code: 6, message: "credentials doesn't match db data" }],
      [{ ...goodHeaders(), RqUID: 'not-a-uuid' }, `scope=${fake.scope}`, 400, { code: 1, message: 'RqUID header is invalid' }],
      [goodHeaders(), 'scope=', 400, { code: 5, message: 'scope is empty' }],
      [goodHeaders(), 'scope=GIGACHAT_API_CORP', 400, { code: 7, message: 'scope from db not fully includes consumed scope' }],
    ];
    for (const [headers, body, status, json] of cases) {
      const response = await requestToken(headers, body);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(json);
    }
    const { RqUID: _dropped, ...withoutRqUid } = goodHeaders();
    expect((await requestToken(withoutRqUid)).status).toBe(400);
    expect(fake.tokensIssued()).toBe(0);

    const before = Date.now();
    const response = await requestToken(goodHeaders());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const token = (await response.json()) as { access_token: string; expires_at: number };
    expect(token.access_token).toMatch(/^\S{20,}$/);
    // Unix milliseconds, as both official SDKs read it.
    expect(token.expires_at).toBeGreaterThanOrEqual(before + fake.tokenTtlMs);
    expect(token.expires_at).toBeLessThanOrEqual(Date.now() + fake.tokenTtlMs);
    expect(fake.tokensIssued()).toBe(1);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v2/oauth', body: `scope=${fake.scope}` });
  });

  it('answers chat, models and embeddings to the openai SDK given the CA and a token', async () => {
    const token = await issueToken();
    const ai = client(token);

    const models = await ai.models.list();
    expect(models.data.map((m) => [m.id, (m as unknown as { type: string }).type])).toEqual([
      ['GigaChat', 'chat'],
      ['GigaChat-2-Pro', 'chat'],
      ['GigaChat-2-Max', 'chat'],
      ['Embeddings', 'embedder'],
    ]);

    const messages = [
      { role: 'system' as const, content: 'Отвечай только по документам.' },
      { role: 'user' as const, content: 'Есть доставка?' },
    ];
    const completion = await ai.chat.completions.create({ model: 'GigaChat', messages, temperature: 0.1, max_tokens: 300 });
    expect(completion.choices[0]?.message).toEqual({ role: 'assistant', content: DEFAULT_CHAT_CONTENT });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion).not.toHaveProperty('id');
    expect(completion.model).toBe('GigaChat:2.0.28.2');
    expect(completion.usage).toMatchObject({ precached_prompt_tokens: 0 });
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));
    expect(fake.chatCalls()).toEqual([{ model: 'GigaChat', messages, temperature: 0.1, max_tokens: 300 }]);
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);

    const texts = ['доставка по Москве', 'гарантия год'];
    const floats = await ai.embeddings.create({ model: 'Embeddings', input: texts, encoding_format: 'float' });
    expect(floats.data.map((d) => d.embedding)).toEqual(texts.map((text) => fakeEmbedding(text)));
    expect(floats.data[0]).toMatchObject({ object: 'embedding', index: 0, usage: { prompt_tokens: 5 } });
    expect(floats).not.toHaveProperty('usage');
    // GigaChat documents no base64: the fake answers numbers, which the SDK's default decoding garbles.
    const defaulted = await ai.embeddings.create({ model: 'Embeddings', input: texts });
    expect(fake.requests.at(-1)?.body).toMatchObject({ encoding_format: 'base64' });
    expect(defaulted.data[0]?.embedding).not.toEqual(fakeEmbedding(texts[0] ?? ''));
  });

  it('lets onChat script the answer, the finish reason and the usage', async () => {
    fake.onChat((body) => ({ content: `эхо: ${body.messages.at(-1)?.content}`, finishReason: 'length', usage: { prompt_tokens: 7, completion_tokens: 3 } }));
    const completion = await client(await issueToken()).chat.completions.create({ model: 'GigaChat-2-Max', messages: [{ role: 'user', content: 'привет' }] });
    expect(completion.choices[0]?.message.content).toBe('эхо: привет');
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.model).toBe('GigaChat-2-Max:2.0.28.2');
    expect(completion.usage).toEqual({ prompt_tokens: 7, completion_tokens: 3, precached_prompt_tokens: 0, total_tokens: 10 });
  });

  it('rejects an unknown model, a misplaced system message and an expired or unknown token', async () => {
    const ai = client(await issueToken());
    const unknown = await rejection(ai.chat.completions.create({ model: 'GigaChat-Ultra', messages: [{ role: 'user', content: 'x' }] }));
    expect(unknown).toBeInstanceOf(NotFoundError);
    const misplaced = await rejection(
      ai.chat.completions.create({ model: 'GigaChat', messages: [{ role: 'user', content: 'x' }, { role: 'system', content: 'y' }] }),
    );
    expect(misplaced).toBeInstanceOf(UnprocessableEntityError);
    const twoSystems = await rejection(
      ai.chat.completions.create({ model: 'GigaChat', messages: [{ role: 'system', content: 'x' }, { role: 'system', content: 'y' }] }),
    );
    expect((twoSystems as APIError).status).toBe(422);
    const lastBody = await (await fetch(`${fake.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: fake.requests.at(-1)?.headers.authorization ?? '', 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'GigaChat', messages: [{ role: 'user', content: 'x' }, { role: 'system', content: 'y' }] }),
      dispatcher: agent,
    })).json();
    expect(lastBody).toEqual({ status: 422, message: 'Invalid params: system message must be the first message' });
    expect(fake.chatCalls()).toEqual([]);

    fake.expireTokens();
    const expired = await rejection(ai.models.list());
    expect(expired).toBeInstanceOf(AuthenticationError);
    expect((expired as APIError).status).toBe(401);
    expect((await rejection(client('made-up').models.list()) as APIError).status).toBe(401);

    fake.tokenTtlMs = 1;
    const shortLived = client(await issueToken());
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await rejection(shortLived.models.list()) as APIError).status).toBe(401);
  });

  it('fails the next requests of a route on demand, before authentication', async () => {
    const ai = client(await issueToken());
    fake.failNext('chat', 402);
    const paid = await rejection(ai.chat.completions.create({ model: 'GigaChat', messages: [{ role: 'user', content: 'x' }] }));
    expect(paid).toBeInstanceOf(APIError);
    expect((paid as APIError).status).toBe(402);

    fake.failNext('chat', 429, { times: 2, headers: { 'retry-after': '3' } });
    for (let i = 0; i < 2; i++) {
      const limited = await rejection(ai.chat.completions.create({ model: 'GigaChat', messages: [{ role: 'user', content: 'x' }] }));
      expect(limited).toBeInstanceOf(RateLimitError);
      expect((limited as RateLimitError).status).toBe(429);
      expect((limited as RateLimitError).headers?.get('retry-after')).toBe('3');
    }
    await expect(ai.chat.completions.create({ model: 'GigaChat', messages: [{ role: 'user', content: 'x' }] })).resolves.toBeDefined();
    expect(fake.chatCalls()).toHaveLength(1);

    fake.failNext('oauth', 500);
    const oauth = await requestToken(goodHeaders());
    expect(oauth.status).toBe(500);
    expect(await oauth.json()).toEqual({ status: 500, message: 'Internal Server Error' });
    fake.failNext('models', 429, { message: 'Слишком много' });
    const models = await fetch(`${fake.baseUrl}/models`, { dispatcher: agent });
    expect(await models.json()).toEqual({ status: 429, message: 'Слишком много' });
  });
});

describe('fake GigaChat over plain HTTP', () => {
  it('speaks the same API without TLS', async () => {
    const fake = await startFakeGigaChat({ tls: false });
    try {
      expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(fake.caFile).toBe('');
      const response = await fetch(fake.authUrl, {
        method: 'POST',
        headers: { Authorization: `Basic ${fake.credentials}`, RqUID: randomUUID(), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ scope: fake.scope }),
      });
      const { access_token: token } = (await response.json()) as { access_token: string };
      const ai = new OpenAI({ apiKey: token, baseURL: fake.baseUrl, maxRetries: 0 });
      const completion = await ai.chat.completions.create({ model: 'GigaChat', messages: [{ role: 'user', content: 'x' }] });
      expect(completion.choices[0]?.message.content).toBe(DEFAULT_CHAT_CONTENT);
    } finally {
      await fake.close();
    }
  });
});

describe('fake OpenAI-compatible API', () => {
  let fake: FakeOpenAi;
  let ai: OpenAI;

  beforeEach(async () => {
    fake = await startFakeOpenAi();
    ai = new OpenAI({ apiKey: 'test-openai-key', baseURL: fake.baseUrl, maxRetries: 0 });
  });

  afterEach(async () => {
    await fake.close();
  });

  it('answers chat completions in the OpenAI shape', async () => {
    expect(fake.baseUrl).toBe(`${fake.url}/v1`);
    const completion = await ai.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'Есть доставка?' }], max_tokens: 200 });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('test-model');
    expect(completion.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: DEFAULT_CHAT_CONTENT, refusal: null } });
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    expect(fake.chatCalls()).toEqual([{ model: 'test-model', messages: [{ role: 'user', content: 'Есть доставка?' }], max_tokens: 200 }]);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test-openai-key');
    expect(fake.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('lists models and embeds in both encodings', async () => {
    expect((await ai.models.list()).data.map((m) => m.id)).toEqual(['test-model', 'test-embed']);
    fake.models.push({ id: 'extra' });
    expect((await ai.models.retrieve('extra')).id).toBe('extra');

    const texts = ['доставка по Москве', 'гарантия год'];
    const base64 = await ai.embeddings.create({ model: 'test-embed', input: texts });
    expect(fake.requests.at(-1)?.body).toMatchObject({ encoding_format: 'base64' });
    expect(base64.data.map((d) => d.embedding)).toEqual(texts.map((text) => fakeEmbedding(text)));
    expect(base64.usage).toEqual({ prompt_tokens: 8, total_tokens: 8 });
    const floats = await ai.embeddings.create({ model: 'test-embed', input: texts[0] ?? '', encoding_format: 'float' });
    expect(floats.data[0]?.embedding).toEqual(fakeEmbedding(texts[0] ?? ''));
    expect(floats.data[0]?.embedding).toHaveLength(EMBEDDING_DIMENSIONS);
    const wide = await ai.embeddings.create({ model: 'test-embed', input: 'x y z', dimensions: 16 });
    expect(wide.data[0]?.embedding).toHaveLength(16);
    // Shared words lean the same way; equal texts are equal.
    const [a, b] = [fakeEmbedding('доставка по Москве', 32), fakeEmbedding('доставка по Казани', 32)];
    expect(a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0)).toBeGreaterThan(0.3);
  });

  it('answers errors in the OpenAI shape: key, model, injected failures and scripted replies', async () => {
    const wrongKey = await rejection(new OpenAI({ apiKey: 'nope', baseURL: fake.baseUrl, maxRetries: 0 }).models.list());
    expect(wrongKey).toBeInstanceOf(AuthenticationError);
    expect(wrongKey).toMatchObject({ status: 401, code: 'invalid_api_key', error: { message: 'Incorrect API key provided' } });
    const unknown = await rejection(ai.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] }));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown).toMatchObject({ status: 404, type: 'not_found_error', error: { message: "model 'nope' not found" } });

    fake.failNext('chat', 429, { headers: { 'retry-after': '1' }, message: 'You exceeded your current quota' });
    const limited = await rejection(ai.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'x' }] }));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited).toMatchObject({ status: 429, error: { message: 'You exceeded your current quota' } });
    fake.failNext('embeddings', 402);
    expect(await rejection(ai.embeddings.create({ model: 'test-embed', input: 'x' }))).toMatchObject({ status: 402 });
    expect(() => fake.failNext('oauth', 500)).toThrow(/no OAuth/);

    fake.onChat((body) => (body.messages[0]?.content === 'сломай' ? { status: 500, message: 'boom' } : { rawBody: '{"choices": [', delayMs: 10 }));
    const broken = await rejection(ai.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'сломай' }] }));
    expect(broken).toMatchObject({ status: 500, error: { message: 'boom', type: 'server_error' } });
    await expect(ai.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow();
    expect(fake.chatCalls()).toHaveLength(2);

    const unknownPath = await fetch(`${fake.baseUrl}/responses`, { method: 'POST' });
    expect(unknownPath.status).toBe(404);
    expect(await unknownPath.json()).toMatchObject({ error: { type: 'not_found_error' } });
  });

  it('holds an answer for delayMs, and close() does not wait for it', async () => {
    fake.onChat(() => ({ content: 'поздно', delayMs: 10_000 }));
    const impatient = new OpenAI({ apiKey: 'test-openai-key', baseURL: fake.baseUrl, maxRetries: 0, timeout: 100 });
    const error = await rejection(impatient.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'x' }] }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    const pending = ai.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'x' }] });
    const settled = pending.then(() => 'resolved', () => 'rejected');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    await fake.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await settled).toBe('rejected');
  });

  it('accepts any key when apiKey is null, under another base path', async () => {
    const open = await startFakeOpenAi({ apiKey: null, basePath: '/compat/v1' });
    try {
      expect(open.baseUrl).toBe(`${open.url}/compat/v1`);
      const anyKey = new OpenAI({ apiKey: 'whatever', baseURL: open.baseUrl, maxRetries: 0 });
      expect((await anyKey.models.list()).data).toHaveLength(2);
      const noKey = await fetch(`${open.baseUrl}/models`);
      expect(noKey.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
