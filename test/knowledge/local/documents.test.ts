import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors.js';
import { fingerprintFiles, itemIdFromFileName, listKnowledgeFiles, splitFrontMatter } from '../../../src/knowledge/folder.js';
import { parseCsv, parseDocument, readKnowledgeDocuments, renderCsv } from '../../../src/knowledge/local/documents.js';
import type { KnowledgeDocument } from '../../../src/knowledge/local/documents.js';

const FORMATS = fileURLToPath(new URL('../../fixtures/knowledge/formats', import.meta.url));

function parsed(path: string, content: string): KnowledgeDocument {
  const document = parseDocument(path, content);
  if (typeof document === 'string') throw new Error(`skipped: ${document}`);
  return document;
}

describe('listing ownership', () => {
  it('reads the listing id from an item-<digits> file name, in any folder', () => {
    expect(itemIdFromFileName('item-4012345678-kofemashina.md')).toBe(4012345678);
    expect(itemIdFromFileName('listings/ITEM-42.txt')).toBe(42);
    expect(itemIdFromFileName('items-42.md')).toBeUndefined();
    expect(itemIdFromFileName('dostavka-item-42.md')).toBeUndefined();
    expect(itemIdFromFileName('item-abc.md')).toBeUndefined();
  });

  it('reads item_id from front matter and strips the front matter from the text', () => {
    const document = parsed('kreslo.md', '---\nitem_id: "777"\ntitle: Кресло\n---\n\nТекст про кресло.\n');
    expect(document.itemId).toBe(777);
    expect(document.title).toBe('Кресло');
    expect(document.text.trim()).toBe('Текст про кресло.');
    expect(document.text).not.toContain('item_id');
  });

  it('leaves documents without either general', () => {
    const document = parsed('dostavka.md', '# Доставка\n\nСДЭК.');
    expect(document.itemId).toBeUndefined();
    expect('itemId' in document).toBe(false);
  });

  it('ignores a front matter that is not at the very top', () => {
    expect(splitFrontMatter('text\n---\nitem_id: 5\n---\n').data).toEqual({});
  });
});

describe('parseDocument', () => {
  it('skips empty files, including ones holding only front matter or whitespace', () => {
    expect(parseDocument('a.md', '')).toBe('пустой файл');
    expect(parseDocument('a.md', '---\nitem_id: 5\n---\n  \n')).toBe('пустой файл');
    expect(parseDocument('a.txt', ' \n\t\n')).toBe('пустой файл');
  });

  it('skips binary content and unknown extensions', () => {
    expect(parseDocument('a.txt', 'abc\u0000def')).toBe('это не текстовый файл');
    expect(parseDocument('a.pdf', 'text')).toBe('вид файла не поддерживается');
  });

  it('strips a byte order mark and Windows line ends', () => {
    expect(parsed('a.txt', '\uFEFFПервая\r\nВторая\r\n').text).toBe('Первая\nВторая\n');
  });

  it('renders JSON as readable "key: value" lines and sections, taking the title and item id from it', () => {
    const document = parsed(
      'lampa.json',
      JSON.stringify({
        item_id: '123',
        title: 'Лампа',
        Цена: 1500,
        Характеристики: { Цоколь: 'E14', Абажур: { Цвет: 'латунь' } },
        Комплект: ['лампочка', 'шнур'],
      }),
    );
    expect(document.itemId).toBe(123);
    expect(document.title).toBe('Лампа');
    expect(document.markup).toBe('markdown');
    expect(document.text).toBe(
      ['# Лампа', 'Цена: 1500', 'Комплект: лампочка, шнур', '## Характеристики', '- Цоколь: E14\n- Абажур › Цвет: латунь'].join('\n\n'),
    );
  });

  it('escapes Markdown in JSON values so they are read as text', () => {
    expect(parsed('a.json', JSON.stringify({ Примечание: '*важно* [ссылка](x)' })).text).toBe('Примечание: \\*важно\\* \\[ссылка\\](x)');
  });

  it('throws on malformed JSON, for the caller to report as failed', () => {
    expect(() => parseDocument('a.json', '{"a": ')).toThrow(/ошибка в JSON/);
  });
});

describe('CSV', () => {
  it('handles quoted fields with commas, doubled quotes and line breaks', () => {
    const rows = parseCsv('Товар,Цена,Примечание\n"Чехол, силикон",490,"Цвет ""прозрачный"""\nКабель,390,"две\nстроки"\n');
    expect(rows).toEqual([
      ['Товар', 'Цена', 'Примечание'],
      ['Чехол, силикон', '490', 'Цвет "прозрачный"'],
      ['Кабель', '390', 'две\nстроки'],
    ]);
  });

  it('detects semicolon-separated files (Excel in Russian locales)', () => {
    expect(parseCsv('Товар;Цена\nЧехол, синий;490')).toEqual([
      ['Товар', 'Цена'],
      ['Чехол, синий', '490'],
    ]);
  });

  it('renders each row as "header: value; header: value", skipping empty cells and rows', () => {
    expect(renderCsv([['Товар', 'Цена', 'Примечание'], ['Чехол', '490 ₽', ''], ['Кабель', '390 ₽', 'две\nстроки']])).toBe(
      'Товар: Чехол; Цена: 490 ₽\n\nТовар: Кабель; Цена: 390 ₽; Примечание: две строки',
    );
    expect(parseCsv('a,b\n\n,\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('reading the folder', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('lists files recursively with relative paths, ignoring hidden ones', async () => {
    const files = await listKnowledgeFiles(FORMATS);
    expect(files.map((file) => file.path)).toEqual([
      'garantiya.txt',
      'item-888000222-lampa.json',
      'kreslo.md',
      'manual.pdf',
      'nested/deeper/uslugi.markdown',
      'photo.gif',
      'prays.csv',
      'pustoy.md',
    ]);
  });

  it('reads supported documents, reports unsupported and empty files as skipped and a broken PDF as failed', async () => {
    const result = await readKnowledgeDocuments(await listKnowledgeFiles(FORMATS));
    expect(result.documents.map((document) => [document.path, document.format, document.itemId])).toEqual([
      ['garantiya.txt', 'text', undefined],
      ['item-888000222-lampa.json', 'json', 888000222],
      ['kreslo.md', 'markdown', 777000111],
      ['nested/deeper/uslugi.markdown', 'markdown', undefined],
      ['prays.csv', 'csv', undefined],
    ]);
    expect(result.skipped).toEqual([
      { path: 'photo.gif', reason: 'вид файла не поддерживается (.gif)' },
      { path: 'pustoy.md', reason: 'пустой файл' },
    ]);
    expect(result.failed).toEqual([{ path: 'manual.pdf', reason: 'файл PDF не открывается (Invalid PDF structure)' }]);
  });

  it('reports a malformed JSON file as failed without stopping the others', async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-docs-'));
    await writeFile(join(dir, 'bad.json'), '{ nope');
    await writeFile(join(dir, 'good.md'), '# Хорошо');
    const result = await readKnowledgeDocuments(await listKnowledgeFiles(dir));
    expect(result.documents.map((document) => document.path)).toEqual(['good.md']);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.path).toBe('bad.json');
    expect(result.failed[0]?.reason).toMatch(/ошибка в JSON/);
  });

  it('fails with a KnowledgeError and a hint when the folder is missing or is a file', async () => {
    const missing = join(tmpdir(), 'avito-ai-no-such-folder', 'knowledge');
    const error = await listKnowledgeFiles(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).hint).toBe('создайте её или укажите KNOWLEDGE_DIR');
    expect((error as KnowledgeError).message).toContain(missing);
    await expect(listKnowledgeFiles(join(FORMATS, 'garantiya.txt'))).rejects.toBeInstanceOf(KnowledgeError);
  });

  it('changes the fingerprint when a file is touched, resized, added or removed, and only then', async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-docs-'));
    const file = join(dir, 'a.md');
    await writeFile(file, 'один');
    const first = fingerprintFiles(await listKnowledgeFiles(dir));
    expect(fingerprintFiles(await listKnowledgeFiles(dir))).toBe(first);

    await utimes(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    const touched = fingerprintFiles(await listKnowledgeFiles(dir));
    expect(touched).not.toBe(first);

    await writeFile(file, 'один два');
    await utimes(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    const resized = fingerprintFiles(await listKnowledgeFiles(dir));
    expect(resized).not.toBe(touched);

    await writeFile(join(dir, 'b.md'), 'три');
    const added = fingerprintFiles(await listKnowledgeFiles(dir));
    expect(added).not.toBe(resized);

    await rm(join(dir, 'b.md'));
    expect(fingerprintFiles(await listKnowledgeFiles(dir))).toBe(resized);
  });
});
