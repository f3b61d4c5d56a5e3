/**
 * The Gemini engine and sync through the real `@google/genai` SDK, over loopback, against the fake
 * Gemini server: what is uploaded and deleted, what is asked with which filter, and how answers
 * are judged.
 */
import { mkdtemp, rm, truncate, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GeminiApiError, KnowledgeError } from '../../../src/errors.js';
import { createGeminiClient } from '../../../src/knowledge/gemini/client.js';
import { createGeminiEngine, type GeminiKnowledgeEngine } from '../../../src/knowledge/gemini/gemini-engine.js';
import { NO_ANSWER_MARKER } from '../../../src/knowledge/gemini/prompt.js';
import { generateCalls, startFakeGemini, type FakeGemini } from '../../helpers/fake-gemini.js';

let fake: FakeGemini;
let dir: string;
let retries: string[];
let cached: string | undefined;

function engineFor(options: { retries?: number; storeDisplayName?: string } = {}): GeminiKnowledgeEngine {
  const client = createGeminiClient({
    apiKey: fake.apiKey,
    baseUrl: fake.url,
    timeoutMs: 5000,
    retries: options.retries ?? 2,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    operationPollMs: 5,
    onRetry: (event) => retries.push(`${event.operation}#${event.attempt}`),
  });
  return createGeminiEngine({
    client,
    model: 'gemini-flash-latest',
    temperature: 0.2,
    storeDisplayName: options.storeDisplayName ?? 'avito-ai',
    dir,
    contextLimit: 20,
    cache: { get: () => cached, set: (name) => (cached = name) },
  });
}

async function put(path: string, text: string): Promise<void> {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), text);
}

const requestsOf = (method: string, pattern: RegExp): number =>
  fake.requests.filter((request) => request.method === method && pattern.test(request.path)).length;
const uploads = (): number => requestsOf('POST', /^\/upload\/v1beta\/fileSearchStores\/[^/]+:uploadToFileSearchStore$/);
const deletes = (): number => requestsOf('DELETE', /\/documents\//);

beforeEach(async () => {
  fake = await startFakeGemini();
  dir = await mkdtemp(join(tmpdir(), 'avito-ai-gemini-'));
  retries = [];
  cached = undefined;
});

afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('sync', () => {
  beforeEach(async () => {
    await put('dostavka.md', '# Доставка\n\nДоставка по Москве курьером стоит 500 рублей.\n');
    await put('item-4012345678-kofemashina.md', '# Кофемашина\n\nГарантия на кофемашину 12 месяцев.\n');
    await put('listings/lampa.md', '---\nitem_id: 4012345680\ntitle: Лампа\n---\nЛампа светит тёплым светом.\n');
  });

  it('creates the store, uploads every file with its metadata, and remembers the store', async () => {
    const report = await engineFor().sync();
    expect(report).toMatchObject({ documents: 3, uploaded: 3, replaced: 0, unchanged: 0, deleted: 0, failed: [] });
    const [store] = [...fake.stores.values()];
    expect(store?.displayName).toBe('avito-ai');
    expect(cached).toBe(store?.name);
    const documents = [...(store?.documents.values() ?? [])];
    const meta = (displayName: string): Record<string, string | undefined> =>
      Object.fromEntries(documents.find((d) => d.displayName === displayName)?.customMetadata.map((m) => [m.key, m.stringValue]) ?? []);
    expect(meta('item-4012345678-kofemashina.md')).toMatchObject({ scope: 'item', item_id: '4012345678', source_path: 'item-4012345678-kofemashina.md' });
    expect(meta('listings/lampa.md')).toMatchObject({ scope: 'item', item_id: '4012345680' });
    expect(meta('dostavka.md')).toMatchObject({ scope: 'general', source_path: 'dostavka.md' });
    expect(meta('dostavka.md').item_id).toBeUndefined();
    expect(meta('dostavka.md').content_sha256).toMatch(/^[0-9a-f]{64}$/);
    const start = fake.requests.find((request) => request.path.startsWith('/upload/') && request.headers['x-goog-upload-command'] === 'start');
    expect(start?.body).toMatchObject({ mimeType: 'text/markdown' });
    expect(start?.headers['x-goog-upload-header-content-type']).toBe('text/markdown');
  });

  it('uploads nothing on a second run with no change', async () => {
    await engineFor().sync();
    const before = fake.requests.length;
    const report = await engineFor().sync();
    expect(report).toMatchObject({ uploaded: 0, replaced: 0, unchanged: 3, deleted: 0 });
    const since = fake.requests.slice(before);
    expect(since.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('uploads a changed file, waits until it is indexed, and only then deletes the old version', async () => {
    await engineFor().sync();
    fake.operationPolls = 2;
    await put('dostavka.md', '# Доставка\n\nДоставка по Москве курьером стоит 700 рублей.\n');
    const before = fake.requests.length;
    const report = await engineFor().sync();
    expect(report).toMatchObject({ uploaded: 0, replaced: 1, unchanged: 2, deleted: 0, documents: 3 });
    const since = fake.requests.slice(before).map((request) => `${request.method} ${request.path}`);
    const lastPoll = since.findLastIndex((line) => line.includes('/upload/operations/'));
    const deletion = since.findIndex((line) => line.startsWith('DELETE'));
    expect(since.filter((line) => line.includes('/upload/operations/')).length).toBeGreaterThanOrEqual(2);
    expect(deletion).toBeGreaterThan(lastPoll);
    expect(uploads()).toBe(4);
    expect(deletes()).toBe(1);
    const texts = [...[...fake.stores.values()][0]!.documents.values()].map((d) => d.text).join('\n');
    expect(texts).toContain('700 рублей');
    expect(texts).not.toContain('500 рублей');
  });

  it('keeps the old version when the new one fails to index, and reports the file failed', async () => {
    await engineFor().sync();
    await put('dostavka.md', 'Новая версия, которую Gemini не проиндексирует.\n');
    fake.failUploadOf('dostavka.md', 'Document could not be parsed');
    const report = await engineFor().sync();
    expect(report.failed).toEqual([{ path: 'dostavka.md', reason: expect.stringContaining('Document could not be parsed') }]);
    expect(report.changes).toContainEqual(expect.objectContaining({ path: 'dostavka.md', action: 'failed' }));
    expect(deletes()).toBe(0);
    expect([...[...fake.stores.values()][0]!.documents.values()].map((d) => d.displayName)).toContain('dostavka.md');
  });

  it('leaves documents of deleted files unless asked to prune, then deletes them', async () => {
    await engineFor().sync();
    await rm(join(dir, 'dostavka.md'));
    const kept = await engineFor().sync();
    expect(kept).toMatchObject({ deleted: 0, stale: ['dostavka.md'] });
    expect(deletes()).toBe(0);
    const dry = await engineFor().sync(undefined, { prune: true, dryRun: true });
    expect(dry).toMatchObject({ deleted: 1, dryRun: true });
    expect(deletes()).toBe(0);
    const pruned = await engineFor().sync(undefined, { prune: true });
    expect(pruned).toMatchObject({ deleted: 1, stale: [], documents: 2 });
    expect(deletes()).toBe(1);
  });

  it('uploads Cyrillic file names as a Blob with the name in displayName', async () => {
    await put('доставка и оплата.md', 'Оплата картой при получении.\n');
    await engineFor().sync();
    const names = [...[...fake.stores.values()][0]!.documents.values()].map((d) => d.displayName);
    expect(names).toContain('доставка и оплата.md');
    const answer = await engineFor().answer({ question: 'Можно оплатить картой?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['доставка и оплата.md'] });
  });

  it('skips empty, unsupported and oversized files without failing the sync', async () => {
    await put('pustoy.md', '');
    await put('photo.jpg', 'not really a photo');
    await put('huge.pdf', '');
    await truncate(join(dir, 'huge.pdf'), 101 * 1024 * 1024);
    const report = await engineFor().sync();
    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([
      { path: 'huge.pdf', reason: 'больше 100 МБ — это предел File Search' },
      { path: 'photo.jpg', reason: 'вид файла не поддерживается (.jpg)' },
      { path: 'pustoy.md', reason: 'пустой файл' },
    ]);
    expect(uploads()).toBe(3);
  });

  it('changes nothing on a dry run, not even creating the store', async () => {
    const report = await engineFor().sync(undefined, { dryRun: true });
    expect(report).toMatchObject({ uploaded: 3, dryRun: true });
    expect(fake.stores.size).toBe(0);
    expect(fake.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('deletes leftovers of an interrupted sync and never touches documents it did not upload', async () => {
    await engineFor().sync();
    const store = [...fake.stores.values()][0]!;
    const current = [...store.documents.values()].find((d) => d.displayName === 'dostavka.md')!;
    // An earlier run uploaded a new version and died before deleting the old one.
    fake.addDocument(store, { displayName: 'dostavka.md', text: 'старая версия', customMetadata: [{ key: 'source_path', stringValue: 'dostavka.md' }, { key: 'content_sha256', stringValue: 'old' }] });
    fake.addDocument(store, { displayName: 'Загружено вручную.pdf', text: 'чужой документ' });
    const report = await engineFor().sync();
    expect(report).toMatchObject({ deleted: 1, unchanged: 3, foreign: ['Загружено вручную.pdf'] });
    expect(store.documents.has(current.name)).toBe(true);
    expect([...store.documents.values()].map((d) => d.displayName).sort()).toEqual(
      ['dostavka.md', 'item-4012345678-kofemashina.md', 'listings/lampa.md', 'Загружено вручную.pdf'].sort(),
    );
  });

  it('never prunes a document whose file is still there but cannot be uploaded now', async () => {
    await engineFor().sync();
    await put('dostavka.md', '');
    const report = await engineFor().sync(undefined, { prune: true });
    expect(report).toMatchObject({ deleted: 0, stale: [], documents: 3, unchanged: 2 });
    expect(report.skipped).toEqual([{ path: 'dostavka.md', reason: 'пустой файл; загруженная раньше версия остаётся в хранилище и по-прежнему отвечает' }]);
    expect(deletes()).toBe(0);
  });

  it('refuses to prune everything when the folder holds nothing to upload', async () => {
    await engineFor().sync();
    const empty = await mkdtemp(join(tmpdir(), 'avito-ai-empty-'));
    const error = await engineFor().sync(empty, { prune: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as Error).message).toBe('в папке нет документов для загрузки: --prune удалил бы все документы хранилища (3)');
    expect(deletes()).toBe(0);
    await rm(empty, { recursive: true, force: true });
  });

  it('keeps the old version while the current copy is still indexing', async () => {
    await engineFor().sync();
    const store = [...fake.stores.values()][0]!;
    const old = [...store.documents.values()].find((d) => d.displayName === 'dostavka.md')!;
    const sha = old.customMetadata.find((m) => m.key === 'content_sha256')!.stringValue!;
    // An interrupted run uploaded the same content again; that copy is not indexed yet.
    fake.addDocument(store, { displayName: 'dostavka.md', text: old.text, state: 'STATE_PENDING', customMetadata: [{ key: 'source_path', stringValue: 'dostavka.md' }, { key: 'content_sha256', stringValue: sha }] });
    old.createTime = '2000-01-01T00:00:00Z';
    const report = await engineFor().sync();
    expect(report).toMatchObject({ deleted: 0, unchanged: 3 });
    expect(store.documents.has(old.name)).toBe(true);
  });

  it('settles on the oldest store when two share the name', async () => {
    // Listed first but newer: first-match would pick the wrong one.
    const newer = fake.addStore('avito-ai');
    const older = fake.addStore('avito-ai');
    older.createTime = '2025-01-01T00:00:00Z';
    expect(newer.createTime > older.createTime).toBe(true);
    await engineFor().sync();
    expect(cached).toBe(older.name);
    expect(older.documents.size).toBe(3);
  });

  it('a stop (Ctrl-C) lets uploads under way finish and starts no new one', async () => {
    for (let i = 0; i < 10; i += 1) await put(`faq-${i}.md`, `Вопрос ${i}: ответ ${i}.`);
    const stop = new AbortController();
    const report = await engineFor().sync(undefined, {
      signal: stop.signal,
      onProgress: (event) => {
        if (event.index === 2) stop.abort();
      },
    });
    const started = report.uploaded + report.failed.filter((f) => !f.reason.includes('остановили')).length;
    expect(started).toBeLessThanOrEqual(4);
    expect(report.failed.filter((f) => f.reason === 'не загружен: синхронизацию остановили').length).toBe(13 - report.uploaded);
    expect(uploads()).toBe(report.uploaded);
  });

  it('a stop during --prune reports the deletions it did not make', async () => {
    await engineFor().sync();
    await rm(join(dir, 'dostavka.md'));
    const stop = new AbortController();
    stop.abort();
    const report = await engineFor().sync(undefined, { prune: true, signal: stop.signal });
    expect(report.failed).toEqual([{ path: 'dostavka.md', reason: 'не удалён: синхронизацию остановили' }]);
    expect(report).toMatchObject({ deleted: 0, documents: 3 });
    expect(deletes()).toBe(0);
  });

  it('retries a 429 and a 500 and still syncs', async () => {
    fake.failNext(/POST \/v1beta\/fileSearchStores$/, 429);
    fake.failNext(/:uploadToFileSearchStore$/, 500);
    const report = await engineFor().sync();
    expect(report).toMatchObject({ uploaded: 3, failed: [] });
    expect(retries).toEqual(['fileSearchStores.create#1', 'uploadToFileSearchStore#1']);
  });

  it('recreates a remembered store that was deleted meanwhile', async () => {
    cached = 'fileSearchStores/deleted-in-ai-studio';
    const report = await engineFor().sync();
    expect(report.uploaded).toBe(3);
    expect(cached).toBe([...fake.stores.keys()][0]);
  });
});

describe('answers', () => {
  beforeEach(async () => {
    const store = fake.addStore('avito-ai');
    fake.addDocument(store, {
      displayName: 'item-4012345678-kofemashina.md',
      text: 'Гарантия на кофемашину 12 месяцев.',
      customMetadata: [{ key: 'scope', stringValue: 'item' }, { key: 'item_id', stringValue: '4012345678' }, { key: 'source_path', stringValue: 'item-4012345678-kofemashina.md' }],
    });
    fake.addDocument(store, {
      displayName: 'dostavka.md',
      text: 'Доставка по Москве курьером стоит 500 рублей.\n\nГарантия на всё 14 дней по закону.',
      customMetadata: [{ key: 'scope', stringValue: 'general' }, { key: 'source_path', stringValue: 'dostavka.md' }],
    });
  });

  it("answers from the listing's own documents first", async () => {
    const answer = await engineFor().answer({ question: 'Какая гарантия на кофемашину?', listing: { id: 4012345678, title: 'Кофемашина' } });
    expect(answer).toMatchObject({ status: 'FOUND', text: 'Гарантия на кофемашину 12 месяцев.', sources: ['item-4012345678-kofemashina.md'], strategy: 'item', engine: 'gemini' });
    expect(answer.usage?.inputTokens).toBeGreaterThan(0);
    expect(generateCalls(fake).map((call) => call.metadataFilter)).toEqual(['item_id = "4012345678"']);
  });

  it('falls back to general documents when the listing has none that answer', async () => {
    const answer = await engineFor().answer({ question: 'Сколько стоит доставка по Москве?', listing: { id: 4012345678 } });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'], strategy: 'cascaded' });
    expect(generateCalls(fake).map((call) => call.metadataFilter)).toEqual(['item_id = "4012345678"', 'scope = "general"']);
  });

  it('asks general documents only when the chat has no listing', async () => {
    const answer = await engineFor().answer({ question: 'Сколько стоит доставка?' });
    expect(answer).toMatchObject({ status: 'FOUND', strategy: 'general' });
    const calls = generateCalls(fake);
    expect(calls).toEqual([{ model: 'gemini-flash-latest', metadataFilter: 'scope = "general"', storeNames: [cached], question: 'Сколько стоит доставка?' }]);
  });

  it('is NOT_FOUND when nothing was retrieved, whatever the model wrote', async () => {
    const answer = await engineFor().answer({ question: 'Есть ли скидка для пенсионеров?', listing: { id: 4012345678 } });
    expect(answer).toMatchObject({ status: 'NOT_FOUND', text: '', sources: [], strategy: 'cascaded' });
    expect(fake.requests.some((request) => JSON.stringify(request.body ?? '').includes('пенсионеров'))).toBe(true);
  });

  it('is NOT_FOUND when the model answers the no-answer marker despite fragments', async () => {
    fake.answerWith = () => ({ text: ` ${NO_ANSWER_MARKER}.`, chunks: [{ title: 'dostavka.md', text: 'Доставка по Москве' }] });
    const answer = await engineFor().answer({ question: 'Сколько стоит доставка в Казань?' });
    expect(answer).toMatchObject({ status: 'NOT_FOUND', text: '' });
  });

  it.each(['MAX_TOKENS', 'SAFETY'])('is NOT_FOUND when the answer was cut short (%s), fragments or not', async (finishReason) => {
    fake.answerWith = () => ({ text: 'Доставка по Москве стоит 5', chunks: [{ title: 'dostavka.md', text: 'Доставка по Москве' }], finishReason });
    const answer = await engineFor().answer({ question: 'Сколько стоит доставка?' });
    expect(answer).toMatchObject({ status: 'NOT_FOUND', text: '' });
  });

  it('sends the system instruction, the temperature, the context and the question last', async () => {
    await engineFor().answer({
      question: 'А гарантия?',
      listing: { id: 4012345678, title: 'Кофемашина', price: '25 000 ₽' },
      context: [
        { role: 'buyer', text: 'Здравствуйте, кофемашина ещё продаётся?', at: 1 },
        { role: 'seller', text: 'Да, в наличии.', at: 2 },
        { role: 'buyer', text: 'А гарантия?', at: 3 },
      ],
    });
    const body = fake.requests.find((request) => request.path.endsWith(':generateContent'))?.body as {
      contents: Array<{ parts: Array<{ text: string }> }>;
      systemInstruction: { parts: Array<{ text: string }> };
      generationConfig: { temperature: number };
      tools: Array<{ fileSearch: { topK: number } }>;
    };
    const parts = body.contents[0]!.parts.map((part) => part.text);
    expect(parts.at(-1)).toBe('А гарантия?');
    expect(parts.join('\n')).toContain('Продавец: Да, в наличии.');
    expect(parts.join('\n')).toContain('«Кофемашина»');
    expect(parts.join('\n')).not.toContain('25 000');
    expect(body.systemInstruction.parts[0]!.text).toContain(NO_ANSWER_MARKER);
    expect(body.generationConfig.temperature).toBe(0.2);
    expect(body.tools[0]!.fileSearch.topK).toBe(5);
  });

  it('retries 429 and 500 answers, then answers', async () => {
    fake.failNext(':generateContent', 429);
    fake.failNext(':generateContent', 500);
    const answer = await engineFor().answer({ question: 'Сколько стоит доставка?' });
    expect(answer.status).toBe('FOUND');
    expect(retries).toEqual(['generateContent#1', 'generateContent#2']);
  });

  it('throws GeminiApiError after the retries are spent, so the responder leaves the chat for later', async () => {
    fake.failNext(':generateContent', 503, { times: 3 });
    const error = await engineFor({ retries: 2 }).answer({ question: 'Сколько стоит доставка?' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GeminiApiError);
    expect((error as GeminiApiError).status).toBe(503);
  });

  it('does not retry a bad key, and says how to fix it', async () => {
    const client = createGeminiClient({ apiKey: 'wrong', baseUrl: fake.url, timeoutMs: 5000, retries: 3, retryBaseDelayMs: 5 });
    const engine = createGeminiEngine({ client, model: 'm', temperature: 0, storeDisplayName: 'avito-ai', dir, contextLimit: 5 });
    const error = (await engine.answer({ question: 'Доставка?' }).catch((caught: unknown) => caught)) as GeminiApiError;
    expect(error).toBeInstanceOf(GeminiApiError);
    expect(error.status).toBe(400);
    expect(error.hint).toContain('GEMINI_API_KEY');
    expect(fake.requests).toHaveLength(1);
  });

  it('says to run sync-docs when the store does not exist', async () => {
    const error = await engineFor({ storeDisplayName: 'another' }).answer({ question: 'Доставка?' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).hint).toContain('sync-docs');
  });

  it('finds the store again when the remembered one is gone', async () => {
    cached = 'fileSearchStores/gone-123';
    const answer = await engineFor().answer({ question: 'Сколько стоит доставка?' });
    expect(answer.status).toBe('FOUND');
    expect(cached).toBe([...fake.stores.keys()][0]);
  });

  it('lists the documents with their listing, scope and state', async () => {
    const documents = await engineFor().listDocuments();
    expect(documents.map((d) => [d.displayName, d.scope, d.itemId, d.state, d.managed])).toEqual([
      ['item-4012345678-kofemashina.md', 'item', 4012345678, 'STATE_ACTIVE', true],
      ['dostavka.md', 'general', undefined, 'STATE_ACTIVE', true],
    ]);
  });
});
