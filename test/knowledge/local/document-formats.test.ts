/**
 * Sellers' documents as they really are: text in Windows-1251 or KOI8-R, PDF, Word and Excel files.
 * The built-in engine answers from each in proper Russian, reports what it cannot read with the
 * reason, and never answers from it.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';
import { listKnowledgeFiles } from '../../../src/knowledge/folder.js';
import { readKnowledgeDocuments } from '../../../src/knowledge/local/documents.js';
import { splitPassages } from '../../../src/knowledge/local/passages.js';
import { buildDocx, buildPdf, buildScannedPdf, buildXlsx } from './office-files.js';

const ENCODINGS = fileURLToPath(new URL('../../fixtures/knowledge/encodings', import.meta.url));

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length > 0) await rm(dirs.pop()!, { recursive: true, force: true });
});

async function folderWith(files: Record<string, Uint8Array | string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-formats-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

async function readFolder(dir: string) {
  return readKnowledgeDocuments(await listKnowledgeFiles(dir));
}

describe('text in legacy encodings', () => {
  it('answers from Windows-1251, KOI8-R and UTF-16 files in proper Russian', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avito-ai-encodings-'));
    dirs.push(dir);
    await cp(ENCODINGS, dir, { recursive: true });
    const engine = createLocalEngine({ dir });

    const warranty = await engine.answer({ question: 'Какая гарантия на кресла?' });
    expect(warranty).toMatchObject({ status: 'FOUND', sources: ['garantiya-cp1251.txt'] });
    expect(warranty.text).toContain('12 месяцев на кресла «Уют»');
    const price = await engine.answer({ question: 'Сколько стоит табурет Ёж?' });
    expect(price).toMatchObject({ status: 'FOUND', sources: ['prays-cp1251.csv'] });
    expect(price.text).toContain('Цена, руб.: 1 900');
    const delivery = await engine.answer({ question: 'Сколько стоит доставка по Москве?' });
    expect(delivery).toMatchObject({ status: 'FOUND', sources: ['dostavka-koi8r.md'] });
    expect(delivery.text).toContain('500 руб.');
    const payment = await engine.answer({ question: 'Можно оплатить наличными?' });
    expect(payment).toMatchObject({ status: 'FOUND', sources: ['oplata-utf16.txt'] });
    expect(payment.text).toContain('наличными при получении');
  });

  it('refuses a file no encoding reads, with the reason, and never answers from it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avito-ai-encodings-'));
    dirs.push(dir);
    await cp(join(ENCODINGS, 'shift-jis.txt'), join(dir, 'shift-jis.txt'));
    const result = await readFolder(dir);
    expect(result.documents).toEqual([]);
    expect(result.failed).toEqual([{ path: 'shift-jis.txt', reason: 'кодировка не распознана (не UTF-8, Windows-1251 или KOI8-R): сохраните файл в UTF-8' }]);
  });
});

describe('PDF', () => {
  const manual = buildPdf([
    [{ text: 'Инструкция к креслу «Уют»', size: 20 }, '', 'Гарантия на механизм — 24 месяца со дня покупки.', '', 'Обивку чистите сухой щёткой,', 'без воды и моющих средств.', '', { text: 'Сборка', size: 15 }, 'Сборка занимает 15 минут, инструменты в комплекте.'],
    ['Доставка по Москве — 500 ₽, в день заказа.'],
  ]);

  it('reads the text layer as paragraphs under their headings, page by page', async () => {
    const { documents, skipped, failed } = await readFolder(await folderWith({ 'item-777-kreslo.pdf': manual }));
    expect({ skipped, failed }).toEqual({ skipped: [], failed: [] });
    const [document] = documents;
    expect(document).toMatchObject({ path: 'item-777-kreslo.pdf', format: 'pdf', itemId: 777 });
    const passages = splitPassages(document!);
    expect(passages.map((passage) => [passage.title, passage.headings, passage.text])).toEqual([
      ['Инструкция к креслу «Уют»', [], 'Гарантия на механизм — 24 месяца со дня покупки.'],
      ['Инструкция к креслу «Уют»', [], 'Обивку чистите сухой щёткой, без воды и моющих средств.'],
      ['Инструкция к креслу «Уют»', ['Сборка'], 'Сборка занимает 15 минут, инструменты в комплекте.'],
      ['Инструкция к креслу «Уют»', ['Сборка'], 'Доставка по Москве — 500 ₽, в день заказа.'],
    ]);
  });

  it('answers from a PDF through the engine', async () => {
    const engine = createLocalEngine({ dir: await folderWith({ 'instrukciya.pdf': manual }) });
    const answer = await engine.answer({ question: 'Какая гарантия на механизм?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['instrukciya.pdf'] });
    expect(answer.text).toContain('24 месяца');
  });

  it('skips a scan with no text and fails a damaged file, each with what to do', async () => {
    const { documents, skipped, failed } = await readFolder(
      await folderWith({ 'skan.pdf': buildScannedPdf(), 'slomannyy.pdf': manual.slice(0, 200), 'ne-pdf.pdf': 'просто текст' }),
    );
    expect(documents).toEqual([]);
    expect(skipped).toEqual([{ path: 'skan.pdf', reason: 'в PDF нет текста (скан?): сохраните его с текстом или перепечатайте текст в .txt или .md' }]);
    expect(failed.map((file) => file.path)).toEqual(['ne-pdf.pdf', 'slomannyy.pdf']);
    for (const file of failed) expect(file.reason).toMatch(/^файл PDF не открывается \(.+\)$/);
  });
});

describe('DOCX', () => {
  const docx = buildDocx([
    { heading: 'Кресло «Уют»' },
    'Мягкое кресло для гостиной. Сделано в России.',
    { heading: 'Характеристики', level: 2 },
    { table: [['Ширина', '80 см'], ['Вес', '12 кг'], ['Цвет', 'серый, бежевый']] },
    { heading: 'Цены', level: 2 },
    { table: [['Модель', 'Цена', 'Срок'], ['Уют', '12 500 ₽', 'в наличии'], ['Уют XL', '15 900 ₽', 'под заказ, 2 недели']] },
    { heading: 'В комплекте', level: 2 },
    { list: ['Кресло', '1. Инструкция', 'Ключ для сборки'] },
  ]);

  it('keeps headings, reads a two-column table as names and values and a wider one by its header row', async () => {
    const { documents, failed } = await readFolder(await folderWith({ 'kreslo.docx': docx }));
    expect(failed).toEqual([]);
    const passages = splitPassages(documents[0]!);
    expect(passages.map((passage) => [passage.headings.join(' › '), passage.text])).toEqual([
      ['', 'Мягкое кресло для гостиной. Сделано в России.'],
      ['Характеристики', 'Ширина: 80 см'],
      ['Характеристики', 'Вес: 12 кг'],
      ['Характеристики', 'Цвет: серый, бежевый'],
      ['Цены', 'Модель: Уют; Цена: 12 500 ₽; Срок: в наличии'],
      ['Цены', 'Модель: Уют XL; Цена: 15 900 ₽; Срок: под заказ, 2 недели'],
      ['В комплекте', '• Кресло\n• 1. Инструкция\n• Ключ для сборки'],
    ]);
    expect(passages[0]?.title).toBe('Кресло «Уют»');
  });

  it('answers from a Word document through the engine, and fails a file that is not one', async () => {
    const dir = await folderWith({ 'kreslo.docx': docx, 'staryy.docx': 'not a zip' });
    const engine = createLocalEngine({ dir });
    const answer = await engine.answer({ question: 'Какая ширина у кресла?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['kreslo.docx'], text: 'Ширина: 80 см' });
    const report = await engine.sync();
    expect(report.documents).toBe(1);
    expect(report.failed).toEqual([{ path: 'staryy.docx', reason: "файл DOCX не открывается (Can't find end of central directory : is this a zip file ?)" }]);
  });
});

describe('XLSX', () => {
  const xlsx = buildXlsx([
    {
      name: 'Прайс',
      rows: [
        ['Прайс-лист на май', null, null],
        ['Наименование', 'Цена, ₽', 'Наличие'],
        ['Кресла', null, null],
        ['Кресло «Уют»', 12500, true],
        ['Кресло «Бриз»', 9990.5, false],
        ['Табуреты', null, null],
        ['Табурет «Ёж»', 1900, true],
      ],
    },
    { name: 'Поставки', rows: [['Товар', 'Ближайшая поставка'], ['Кресло «Бриз»', new Date(Date.UTC(2025, 5, 3))]] },
    { name: 'Лист3', rows: [] },
  ]);

  it('turns each row into "Header: value; …" under its sheet and section, as Russian Excel shows the values', async () => {
    const { documents, failed } = await readFolder(await folderWith({ 'prays.xlsx': xlsx }));
    expect(failed).toEqual([]);
    const passages = splitPassages(documents[0]!);
    expect(passages.map((passage) => [passage.headings.join(' › '), passage.text])).toEqual([
      ['Прайс', 'Прайс-лист на май'],
      ['Прайс › Кресла', 'Наименование: Кресло «Уют»; Цена, ₽: 12500; Наличие: да'],
      ['Прайс › Кресла', 'Наименование: Кресло «Бриз»; Цена, ₽: 9990,5; Наличие: нет'],
      ['Прайс › Табуреты', 'Наименование: Табурет «Ёж»; Цена, ₽: 1900; Наличие: да'],
      ['Поставки', 'Товар: Кресло «Бриз»; Ближайшая поставка: 03.06.2025'],
    ]);
  });

  it('answers a price question from a workbook through the engine, and fails a file that is not one', async () => {
    const engine = createLocalEngine({ dir: await folderWith({ 'prays.xlsx': xlsx, 'bityy.xlsx': xlsx.slice(0, 100) }) });
    const answer = await engine.answer({ question: 'Сколько стоит табурет Ёж?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['prays.xlsx'] });
    expect(answer.text).toContain('Цена, ₽: 1900');
    const report = await engine.sync();
    expect(report.failed).toEqual([{ path: 'bityy.xlsx', reason: expect.stringMatching(/^файл XLSX не открывается \(.+\)$/) }]);
  });
});

describe('formats no engine reads', () => {
  it('say what to save them as', async () => {
    const { skipped } = await readFolder(await folderWith({ 'prays.xls': 'x', 'opisanie.doc': 'x', 'foto.jpg': 'x' }));
    expect(skipped).toEqual([
      { path: 'foto.jpg', reason: 'вид файла не поддерживается (.jpg)' },
      { path: 'opisanie.doc', reason: 'вид файла не поддерживается (.doc): сохраните его как .docx' },
      { path: 'prays.xls', reason: 'вид файла не поддерживается (.xls): сохраните его как .xlsx' },
    ]);
  });
});

describe('a price list saved by Excel in a Russian locale', () => {
  it('reads ";" as the delimiter though the header holds as many commas ("Цена, руб")', async () => {
    const dir = await folderWith({ 'prais.csv': 'Наименование;Цена, руб\nКрылья 27.5 комплект;990\nФонарь передний;650\n' });
    const answer = await createLocalEngine({ dir }).answer({ question: 'сколько стоят крылья?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['prais.csv'] });
    expect(answer.text).toContain('Наименование: Крылья 27.5 комплект; Цена, руб: 990');
  });

  it('keeps "," for a comma-separated list whose cells hold a semicolon', async () => {
    const dir = await folderWith({ 'prais.csv': 'Наименование,Цена,Примечание\nФонарь передний,650,"яркий; USB"\nЗвонок,300,громкий\n' });
    const answer = await createLocalEngine({ dir }).answer({ question: 'сколько стоит фонарь?' });
    expect(answer.text).toContain('Наименование: Фонарь передний; Цена: 650');
  });
});
