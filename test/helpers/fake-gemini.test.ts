/**
 * Proves the fake speaks the protocol the real `@google/genai` SDK expects: every call here goes
 * through the SDK over loopback, so a drift in the SDK's wire format shows up here first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, GoogleGenAI } from '@google/genai';
import type { Document, Operation, UploadToFileSearchStoreOperation, UploadToFileSearchStoreResponse } from '@google/genai';
import { UNGROUNDED_ANSWER, generateCalls, startFakeGemini } from './fake-gemini.js';
import type { FakeGemini } from './fake-gemini.js';

const MODEL = 'gemini-flash-latest';
const DELIVERY = `# Доставка

Доставка по Москве бесплатная при заказе от 3000 рублей.

Гарантия на кофемашину составляет 12 месяцев с момента покупки.
`;

let fake: FakeGemini;
let ai: GoogleGenAI;

beforeEach(async () => {
  fake = await startFakeGemini();
  ai = new GoogleGenAI({ apiKey: fake.apiKey, httpOptions: { baseUrl: fake.url } });
});

afterEach(async () => {
  await fake.close();
});

async function upload(storeName: string, displayName: string, text: string): Promise<UploadToFileSearchStoreOperation> {
  return ai.fileSearchStores.uploadToFileSearchStore({
    fileSearchStoreName: storeName,
    file: new Blob([text], { type: 'text/markdown' }),
    config: { displayName, mimeType: 'text/markdown', customMetadata: [{ key: 'scope', stringValue: 'general' }] },
  });
}

type UploadOperation = Operation<UploadToFileSearchStoreResponse>;

async function waitDone(op: UploadOperation): Promise<UploadOperation> {
  let current = op;
  for (let i = 0; i < 10 && !current.done; i++) current = await ai.operations.get({ operation: current });
  return current;
}

async function listAll(parent: string): Promise<Document[]> {
  const documents: Document[] = [];
  for await (const d of await ai.fileSearchStores.documents.list({ parent, config: { pageSize: 20 } })) documents.push(d);
  return documents;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

function ask(storeName: string, question: string, metadataFilter?: string) {
  return ai.models.generateContent({
    model: MODEL,
    contents: question,
    config: {
      systemInstruction: 'Отвечай только по документам.',
      temperature: 0.2,
      tools: [{ fileSearch: { fileSearchStoreNames: [storeName], ...(metadataFilter ? { metadataFilter } : {}) } }],
    },
  });
}

describe('fake Gemini File Search, driven by the real SDK', () => {
  it('creates a store, uploads a Cyrillic-named Blob through the resumable protocol and lists it', async () => {
    const store = await ai.fileSearchStores.create({ config: { displayName: 'Avito AI Shop' } });
    expect(store.name).toMatch(/^fileSearchStores\/avito-ai-shop-[a-z0-9]+$/);
    expect(store.activeDocumentsCount).toBe('0');

    const op = await upload(store.name ?? '', 'доставка.md', DELIVERY);
    expect(op.done).toBe(false);
    const done = await waitDone(op);
    expect(done.error).toBeUndefined();
    const documentName = done.response?.documentName ?? '';
    expect(documentName.startsWith(`${store.name}/documents/`)).toBe(true);

    const start = fake.requests.find((r) => r.path.endsWith(':uploadToFileSearchStore'));
    expect(start?.path).toBe(`/upload/v1beta/${store.name}:uploadToFileSearchStore`);
    expect(start?.headers['x-goog-upload-header-content-length']).toBe(String(Buffer.byteLength(DELIVERY)));
    expect(start?.headers['x-goog-upload-header-content-type']).toBe('text/markdown');
    expect(start?.body).toEqual({
      displayName: 'доставка.md',
      mimeType: 'text/markdown',
      customMetadata: [{ key: 'scope', stringValue: 'general' }],
    });
    const bytes = fake.requests.find((r) => r.path.startsWith('/upload/sessions/'));
    expect(bytes?.bytes).toBe(Buffer.byteLength(DELIVERY));
    expect(bytes?.headers['x-goog-upload-command']).toBe('upload, finalize');

    const documents = await listAll(store.name ?? '');
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      name: documentName,
      displayName: 'доставка.md',
      mimeType: 'text/markdown',
      state: 'STATE_ACTIVE',
      customMetadata: [{ key: 'scope', stringValue: 'general' }],
      sizeBytes: String(Buffer.byteLength(DELIVERY)),
    });
    expect(documents[0]).not.toHaveProperty('text');
    expect(fake.stores.get(store.name ?? '')?.documents.get(documentName)?.text).toBe(DELIVERY);
    expect((await ai.fileSearchStores.get({ name: store.name ?? '' })).activeDocumentsCount).toBe('1');
  });

  it('keeps a document pending until the operation has been polled enough', async () => {
    const store = fake.addStore('shop');
    fake.operationPolls = 2;
    const op = await upload(store.name, 'faq.md', 'Вопросы и ответы');
    const first: UploadOperation = await ai.operations.get({ operation: op });
    expect(first.done).toBe(false);
    expect([...store.documents.values()][0]?.state).toBe('STATE_PENDING');
    const done = await waitDone(first);
    expect(done.done).toBe(true);
    expect([...store.documents.values()][0]?.state).toBe('STATE_ACTIVE');
  });

  it('uploads a file over 8 MB in two chunks', async () => {
    const store = fake.addStore('big');
    const text = 'а'.repeat(4_500_000); // 9 MB of two-byte characters
    const done = await waitDone(await upload(store.name, 'big.md', text));
    expect(done.response?.documentName).toBeDefined();
    const posts = fake.requests.filter((r) => r.path.startsWith('/upload/sessions/'));
    expect(posts.map((r) => r.headers['x-goog-upload-command'])).toEqual(['upload', 'upload, finalize']);
    expect(posts.map((r) => r.headers['x-goog-upload-offset'])).toEqual(['0', String(8 * 1024 * 1024)]);
    expect([...store.documents.values()][0]?.text).toBe(text);
  });

  it('pages documents 20 at a time and deletes one with force', async () => {
    const store = fake.addStore('many');
    for (let i = 0; i < 25; i++) fake.addDocument(store, { displayName: `doc-${i}.md`, text: `Текст ${i}` });
    const documents = await listAll(store.name);
    expect(documents.map((d) => d.displayName)).toEqual(Array.from({ length: 25 }, (_, i) => `doc-${i}.md`));
    const lists = fake.requests.filter((r) => r.path.endsWith('/documents'));
    expect(lists.map((r) => r.query)).toEqual([{ pageSize: '20' }, { pageSize: '20', pageToken: '20' }]);

    const victim = documents[3]?.name ?? '';
    await ai.fileSearchStores.documents.delete({ name: victim, config: { force: true } });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', query: { force: 'true' } });
    expect(store.documents.has(victim)).toBe(false);
    const missing = await rejection(ai.fileSearchStores.documents.get({ name: victim }));
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as ApiError).status).toBe(404);
  });

  it('refuses to delete a non-empty store without force', async () => {
    const store = fake.addStore('full');
    fake.addDocument(store, { displayName: 'a.md', text: 'a' });
    const error = await rejection(ai.fileSearchStores.delete({ name: store.name }));
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toContain('FAILED_PRECONDITION');
    await ai.fileSearchStores.delete({ name: store.name, config: { force: true } });
    expect(fake.stores.size).toBe(0);
  });

  it('lists stores through the SDK pager', async () => {
    for (let i = 0; i < 12; i++) fake.addStore(`store ${i}`);
    const names: string[] = [];
    for await (const s of await ai.fileSearchStores.list({ config: { pageSize: 5 } })) names.push(s.displayName ?? '');
    expect(names).toHaveLength(12);
  });

  it('grounds an answer in documents matching the metadata filter, and grounds nothing otherwise', async () => {
    const store = fake.addStore('shop');
    fake.addDocument(store, {
      displayName: 'доставка.md',
      text: DELIVERY,
      customMetadata: [{ key: 'scope', stringValue: 'general' }],
    });
    fake.addDocument(store, {
      displayName: 'лот.md',
      text: 'Гарантию на этот лот даёт продавец: 1 месяц.',
      customMetadata: [{ key: 'item_id', stringValue: '42' }],
    });

    const hit = await ask(store.name, 'Какая гарантия на кофемашину?', 'scope = "general"');
    const metadata = hit.candidates?.[0]?.groundingMetadata;
    expect(hit.text).toBe('Гарантия на кофемашину составляет 12 месяцев с момента покупки.');
    expect(metadata?.groundingChunks).toHaveLength(1);
    expect(metadata?.groundingChunks?.[0]?.retrievedContext).toMatchObject({
      title: 'доставка.md',
      text: 'Гарантия на кофемашину составляет 12 месяцев с момента покупки.',
      fileSearchStore: store.name,
    });

    const either = await ask(store.name, 'Какая гарантия?', '(scope = "general" OR item_id = "42")');
    expect(either.candidates?.[0]?.groundingMetadata?.groundingChunks?.map((c) => c.retrievedContext?.title)).toEqual([
      'доставка.md',
      'лот.md',
    ]);

    const miss = await ask(store.name, 'Какая гарантия на кофемашину?', 'item_id = "999"');
    expect(miss.text).toBe(UNGROUNDED_ANSWER);
    expect(miss.candidates?.[0]).not.toHaveProperty('groundingMetadata');

    // The REST body the SDK sends: systemInstruction and tools at the top level, temperature in generationConfig.
    const request = fake.requests.find((r) => r.path === `/v1beta/models/${MODEL}:generateContent`);
    expect(request?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Какая гарантия на кофемашину?' }] }],
      systemInstruction: { role: 'user', parts: [{ text: 'Отвечай только по документам.' }] },
      generationConfig: { temperature: 0.2 },
      tools: [{ fileSearch: { fileSearchStoreNames: [store.name], metadataFilter: 'scope = "general"' } }],
    });
    expect(generateCalls(fake).map((c) => c.metadataFilter)).toEqual([
      'scope = "general"',
      '(scope = "general" OR item_id = "42")',
      'item_id = "999"',
    ]);
    expect(generateCalls(fake)[0]).toEqual({
      model: MODEL,
      metadataFilter: 'scope = "general"',
      storeNames: [store.name],
      question: 'Какая гарантия на кофемашину?',
    });
  });

  it('rejects an unparsable filter and a missing store', async () => {
    const store = fake.addStore('shop');
    const bad = await rejection(ask(store.name, 'Гарантия?', 'scope = general'));
    expect((bad as ApiError).status).toBe(400);
    const missing = await rejection(ask('fileSearchStores/nope-123', 'Гарантия?'));
    expect((missing as ApiError).status).toBe(404);
  });

  it('lets answerWith override the answer', async () => {
    const store = fake.addStore('shop');
    fake.answerWith = ({ question, systemInstruction }) =>
      question.includes('скрипт') ? { text: `ok: ${systemInstruction}`, chunks: [{ title: 'x.md', text: 'x' }] } : undefined;
    const scripted = await ask(store.name, 'скрипт');
    expect(scripted.text).toBe('ok: Отвечай только по документам.');
    expect(scripted.candidates?.[0]?.groundingMetadata?.groundingChunks?.[0]?.retrievedContext?.title).toBe('x.md');
    const fallback = await ask(store.name, 'другое');
    expect(fallback.text).toBe(UNGROUNDED_ANSWER);
  });

  it('injects errors: failNext 429 and a dropped socket', async () => {
    const store = fake.addStore('shop');
    fake.failNext(':generateContent', 429, { message: 'Quota exceeded' });
    const error = await rejection(ask(store.name, 'Гарантия?'));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).message).toContain('RESOURCE_EXHAUSTED');
    await expect(ask(store.name, 'Гарантия?')).resolves.toBeDefined();

    fake.failNext(/^GET .*\/documents$/, 503, { destroy: true });
    await expect(listAll(store.name)).rejects.toThrow();
    expect(await listAll(store.name)).toEqual([]);
  });

  it('fails the upload operation of a displayName registered with failUploadOf', async () => {
    const store = fake.addStore('shop');
    fake.failUploadOf('broken.md', 'Unsupported content');
    const done = await waitDone(await upload(store.name, 'broken.md', 'данные'));
    expect(done.error).toEqual({ code: 13, message: 'Unsupported content' });
    expect(done.response).toBeUndefined();
    expect(store.documents.size).toBe(0);
  });

  it('rejects a wrong API key with 400 and unknown paths with 404', async () => {
    const wrong = new GoogleGenAI({ apiKey: 'nope', httpOptions: { baseUrl: fake.url } });
    const error = await rejection(wrong.fileSearchStores.create({ config: { displayName: 'x' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toContain('API key not valid');

    const response = await fetch(`${fake.url}/v1beta/corpora`, { headers: { 'x-goog-api-key': fake.apiKey } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
  });
});
