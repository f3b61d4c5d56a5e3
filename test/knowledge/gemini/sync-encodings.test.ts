/**
 * Text saved in Windows-1251, KOI8-R or UTF-16 reaches File Search as UTF-8 Gemini can read, through
 * the real SDK against the fake Gemini server; text no encoding reads is refused as the built-in engine
 * refuses it; and stores synced before never upload their UTF-8 files again.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGeminiClient } from '../../../src/knowledge/gemini/client.js';
import { createGeminiEngine, type GeminiKnowledgeEngine } from '../../../src/knowledge/gemini/gemini-engine.js';
import { listKnowledgeFiles } from '../../../src/knowledge/folder.js';
import { readKnowledgeDocuments } from '../../../src/knowledge/local/documents.js';
import { startFakeGemini, type FakeDocument, type FakeGemini } from '../../helpers/fake-gemini.js';

const ENCODINGS = fileURLToPath(new URL('../../fixtures/knowledge/encodings', import.meta.url));
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

let fake: FakeGemini;
let dir: string;

function engineFor(): GeminiKnowledgeEngine {
  const client = createGeminiClient({ apiKey: fake.apiKey, baseUrl: fake.url, timeoutMs: 5000, retries: 0, operationPollMs: 5 });
  return createGeminiEngine({ client, model: 'gemini-flash-latest', temperature: 0.2, storeDisplayName: 'avito-ai', dir, contextLimit: 20 });
}

const fixture = (name: string): Promise<Buffer> => readFile(join(ENCODINGS, name));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const documents = (): FakeDocument[] => [...fake.stores.values()].flatMap((store) => [...store.documents.values()]);
const documentOf = (displayName: string): FakeDocument | undefined => documents().find((document) => document.displayName === displayName);
const metadataOf = (displayName: string): Record<string, string | undefined> =>
  Object.fromEntries(documentOf(displayName)?.customMetadata.map((entry) => [entry.key, entry.stringValue]) ?? []);
const uploadStarts = () => fake.requests.filter((request) => request.headers['x-goog-upload-command'] === 'start');

beforeEach(async () => {
  fake = await startFakeGemini();
  dir = await mkdtemp(join(tmpdir(), 'avito-ai-gemini-encodings-'));
});

afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('text in legacy encodings', () => {
  it('uploads Windows-1251, KOI8-R and UTF-16 files as UTF-8, with the item_id of their front matter', async () => {
    // ASCII front matter before iconv's Windows-1251 bytes is what Notepad saves for such a file.
    const frontMatter = Buffer.from('---\r\nitem_id: 4012345699\r\n---\r\n', 'ascii');
    await writeFile(join(dir, 'garantiya.txt'), Buffer.concat([frontMatter, await fixture('garantiya-cp1251.txt')]));
    for (const name of ['prays-cp1251.csv', 'dostavka-koi8r.md', 'oplata-utf16.txt']) await cp(join(ENCODINGS, name), join(dir, name));

    const report = await engineFor().sync();
    expect(report).toMatchObject({ uploaded: 4, failed: [], skipped: [] });
    expect(documentOf('garantiya.txt')?.text).toBe(
      '---\r\nitem_id: 4012345699\r\n---\r\nГарантия: 12 месяцев на кресла «Уют», 6 месяцев на обивку.\r\nВозврат в течение 14 дней — без объяснения причин.\r\n',
    );
    expect(metadataOf('garantiya.txt')).toMatchObject({ scope: 'item', item_id: '4012345699', source_path: 'garantiya.txt' });
    expect(documentOf('garantiya.txt')?.mimeType).toBe('text/plain');
    expect(documentOf('prays-cp1251.csv')?.text).toContain('Табурет «Ёж»;1 900;под заказ');
    expect(documentOf('prays-cp1251.csv')?.mimeType).toBe('text/csv');
    expect(documentOf('dostavka-koi8r.md')?.text).toMatch(/^# Доставка\n\nПо Москве курьером: 500 руб\./);
    expect(documentOf('dostavka-koi8r.md')?.mimeType).toBe('text/markdown');
    expect(documentOf('oplata-utf16.txt')?.text).toBe('Оплата: наличными при получении или переводом на карту.\r\n');
    // What went over the wire: the UTF-8 length, announced as the text type it is.
    const start = uploadStarts().find((request) => (request.body as { displayName?: string }).displayName === 'garantiya.txt');
    expect(start?.headers['x-goog-upload-header-content-type']).toBe('text/plain');
    expect(Number(start?.headers['x-goog-upload-header-content-length'])).toBe(Buffer.byteLength(documentOf('garantiya.txt')!.text));
  });

  it('refuses a file no encoding reads with the reason the built-in engine gives, and never uploads it', async () => {
    await cp(join(ENCODINGS, 'shift-jis.txt'), join(dir, 'shift-jis.txt'));
    await writeFile(join(dir, 'dostavka.md'), '# Доставка\n\nКурьером по Москве — 500 рублей.\n');
    const local = await readKnowledgeDocuments(await listKnowledgeFiles(dir));
    expect(local.failed).toHaveLength(1);

    const report = await engineFor().sync();
    expect(report.failed).toEqual(local.failed);
    expect(report.failed).toEqual([{ path: 'shift-jis.txt', reason: 'кодировка не распознана (не UTF-8, Windows-1251 или KOI8-R): сохраните файл в UTF-8' }]);
    expect(report).toMatchObject({ uploaded: 1, documents: 1 });
    expect(documents().map((document) => document.displayName)).toEqual(['dostavka.md']);
    expect(uploadStarts()).toHaveLength(1);
  });

  it('does not upload again a file saved again in another encoding with the same text', async () => {
    const cp1251 = await fixture('garantiya-cp1251.txt');
    const text = new TextDecoder('windows-1251').decode(cp1251);
    await writeFile(join(dir, 'garantiya.txt'), cp1251);
    expect(await engineFor().sync()).toMatchObject({ uploaded: 1 });
    const hash = metadataOf('garantiya.txt').content_sha256;
    expect(hash).toBe(sha256(Buffer.from(text, 'utf8')));

    await writeFile(join(dir, 'garantiya.txt'), text);
    expect(await engineFor().sync()).toMatchObject({ uploaded: 0, replaced: 0, unchanged: 1 });
    await writeFile(join(dir, 'garantiya.txt'), Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]));
    expect(await engineFor().sync()).toMatchObject({ uploaded: 0, replaced: 0, unchanged: 1 });
    expect(uploadStarts()).toHaveLength(1);
  });
});

describe('a store synced before text was re-encoded', () => {
  it('keeps what it holds of UTF-8 files, BOM or not, and replaces only the mojibake of other encodings', async () => {
    const plain = Buffer.from('# Доставка\n\nКурьером по Москве — 500 рублей.\n', 'utf8');
    const withBom = Buffer.concat([UTF8_BOM, Buffer.from('---\nitem_id: 4012345678\n---\nГарантия 12 месяцев.\n', 'utf8')]);
    const cp1251 = await fixture('garantiya-cp1251.txt');
    const files: Record<string, Buffer> = { 'dostavka.md': plain, 'item-kofe.md': withBom, 'garantiya.txt': cp1251 };
    // What the earlier sync uploaded: each file's bytes as saved, under the hash of those bytes.
    const store = fake.addStore('avito-ai');
    for (const [name, bytes] of Object.entries(files)) {
      await writeFile(join(dir, name), bytes);
      fake.addDocument(store, {
        displayName: name,
        text: bytes.toString('utf8'),
        customMetadata: [
          { key: 'source_path', stringValue: name },
          { key: 'content_sha256', stringValue: sha256(bytes) },
        ],
      });
    }

    const report = await engineFor().sync();
    expect(report).toMatchObject({ uploaded: 0, replaced: 1, unchanged: 2, deleted: 0, failed: [] });
    expect(uploadStarts().map((request) => (request.body as { displayName?: string }).displayName)).toEqual(['garantiya.txt']);
    expect(documentOf('garantiya.txt')?.text).toContain('Гарантия: 12 месяцев на кресла «Уют»');
    expect(documents()).toHaveLength(3);

    expect(await engineFor().sync()).toMatchObject({ uploaded: 0, replaced: 0, unchanged: 3, deleted: 0 });
    expect(uploadStarts()).toHaveLength(1);
  });
});
