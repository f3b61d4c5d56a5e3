/** Each supported file of the folder as readable text that belongs either to one listing or to all of them. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { describeError } from '../../errors.js';
import { documentsText } from '../../messages/documents.js';
import { itemIdFromFileName, parseItemId, splitFrontMatter } from '../folder.js';
import type { KnowledgeFile } from '../folder.js';
import { decodeText } from '../text-encoding.js';
import { extractDocxBlocks } from './docx-text.js';
import { extractPdfBlocks } from './pdf-text.js';
import type { TextBlock } from './text-blocks.js';
import { extractXlsxBlocks } from './xlsx-text.js';

export type DocumentFormat = 'markdown' | 'text' | 'json' | 'csv' | 'pdf' | 'docx' | 'xlsx';
type ExtractedFormat = 'pdf' | 'docx' | 'xlsx';

export interface KnowledgeDocument {
  /** Relative, with `/` separators: the source name answers cite. */
  path: string;
  format: DocumentFormat;
  /** JSON is rendered as Markdown, so its structure becomes headings and lists. */
  markup: 'markdown' | 'plain';
  itemId?: number;
  /** From front matter or a JSON key; a Markdown document's first heading is read when it is split. */
  title?: string;
  text: string;
}

export interface ReadDocumentsResult {
  documents: KnowledgeDocument[];
  skipped: Array<{ path: string; reason: string }>;
  failed: Array<{ path: string; reason: string }>;
}

const FORMATS: Record<string, DocumentFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.json': 'json',
  '.csv': 'csv',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.xlsx': 'xlsx',
};

/** Each library loads on the first file of its kind: a folder without PDFs never pays for pdf.js. */
const EXTRACTORS: Record<ExtractedFormat, (bytes: Uint8Array) => Promise<TextBlock[]>> = {
  pdf: extractPdfBlocks,
  docx: extractDocxBlocks,
  xlsx: extractXlsxBlocks,
};

/** What to do with the formats sellers have that no engine reads. */
const CONVERT_HINTS: Record<string, string> = {
  '.doc': '.docx',
  '.xls': '.xlsx',
  '.rtf': '.docx',
  '.odt': '.docx',
  '.ods': '.xlsx',
};

/** Bigger text files are almost certainly not hand-written seller documents; indexing them would stall answers. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** PDF and Office files carry pictures and fonts, so they are allowed more bytes for the same text. */
const MAX_BINARY_BYTES = 20 * 1024 * 1024;
const TITLE_KEYS = new Set(['title', 'name', 'название', 'заголовок', 'наименование']);
const ITEM_ID_KEYS = new Set(['item_id', 'itemid', 'item-id']);

type ReadOutcome =
  | { kind: 'document'; document: KnowledgeDocument }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'failed'; path: string; reason: string };

export async function readKnowledgeDocuments(files: readonly KnowledgeFile[]): Promise<ReadDocumentsResult> {
  const outcomes = await Promise.all(files.map(readOne));
  const result: ReadDocumentsResult = { documents: [], skipped: [], failed: [] };
  for (const outcome of outcomes) {
    if (outcome.kind === 'document') result.documents.push(outcome.document);
    else result[outcome.kind].push({ path: outcome.path, reason: outcome.reason });
  }
  return result;
}

async function readOne(file: KnowledgeFile): Promise<ReadOutcome> {
  const { path } = file;
  const extension = extname(path);
  const format = FORMATS[extension.toLowerCase()];
  if (format === undefined) {
    const hint = CONVERT_HINTS[extension.toLowerCase()];
    return { kind: 'skipped', path, reason: documentsText().unsupportedType(extension, hint ? documentsText().saveAs(hint) : '') };
  }
  if (file.size === 0) return { kind: 'skipped', path, reason: documentsText().empty };
  const limit = isExtracted(format) ? MAX_BINARY_BYTES : MAX_FILE_BYTES;
  if (file.size > limit) return { kind: 'skipped', path, reason: documentsText().largerThan(limit / 1024 / 1024) };
  try {
    const bytes = await readFile(file.absolutePath);
    let document: KnowledgeDocument | string;
    if (isExtracted(format)) document = documentFromBlocks(path, format, await EXTRACTORS[format](bytes));
    else {
      const decoded = decodeText(bytes);
      // Text no encoding reads is refused, never indexed: its mojibake would reach buyers as answers.
      if (!decoded.ok) return { kind: 'failed', path, reason: decoded.reason };
      document = parseDocument(path, decoded.text);
    }
    return typeof document === 'string' ? { kind: 'skipped', path, reason: document } : { kind: 'document', document };
  } catch (error) {
    return { kind: 'failed', path, reason: describeError(error) };
  }
}

function isExtracted(format: DocumentFormat): format is ExtractedFormat {
  return format === 'pdf' || format === 'docx' || format === 'xlsx';
}

/** A PDF, DOCX or XLSX as Markdown, so its headings head its passages; or why there is nothing to index. */
function documentFromBlocks(path: string, format: ExtractedFormat, blocks: readonly TextBlock[]): KnowledgeDocument | string {
  const text = renderTextBlocks(blocks);
  if (text.trim() === '') return format === 'pdf' ? documentsText().pdfNoText : documentsText().noText;
  if (text.length > MAX_FILE_BYTES) return documentsText().tooMuchText(MAX_FILE_BYTES / 1024 / 1024);
  const document: KnowledgeDocument = { path, format, markup: 'markdown', text };
  const itemId = itemIdFromFileName(path);
  if (itemId !== undefined) document.itemId = itemId;
  return document;
}

function renderTextBlocks(blocks: readonly TextBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `${'#'.repeat(Math.min(Math.max(block.level, 1), 6))} ${escapeMarkdownLine(block.text)}`;
        case 'paragraph':
          return block.lines.map(escapeBlockStart).join('\n');
        case 'list':
          return block.items.map((item) => `- ${escapeMarkdownLine(item)}`).join('\n');
        case 'table':
          return (block.header ? renderTableRows(block.rows) : block.rows.map(renderPlainRow)).map(escapeBlockStart).join('\n\n');
      }
    })
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** A row of a table without a header row: two cells are a name and its value ("Вес: 12 кг"). */
function renderPlainRow(cells: readonly string[]): string {
  const filled = cells.map((cell) => cell.replace(/\s+/g, ' ').trim()).filter((cell) => cell !== '');
  return filled.length === 2 ? `${filled[0] ?? ''}: ${filled[1] ?? ''}` : filled.join('; ');
}

/** Extracted text is plain: a line starting "1." or "- " or "#" must not turn into a list or a heading. */
function escapeBlockStart(line: string): string {
  return escapeMarkdownLine(line)
    .replace(/^([#>+-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** A text file's document, or why the file was skipped. Throws on malformed JSON, which the caller reports as failed. */
export function parseDocument(path: string, content: string): KnowledgeDocument | string {
  const format = FORMATS[extname(path).toLowerCase()];
  // PDF and Office files are read from their bytes, never as text.
  if (format === undefined || isExtracted(format)) return documentsText().unsupported;
  const source = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.includes('\u0000')) return documentsText().notText;
  let document: KnowledgeDocument;
  if (format === 'json') document = parseJsonDocument(path, source);
  else if (format === 'csv') document = { path, format, markup: 'plain', text: renderCsv(parseCsv(source)) };
  else {
    const { data, body } = splitFrontMatter(source);
    document = { path, format, markup: format === 'markdown' ? 'markdown' : 'plain', text: body };
    const title = data.title?.trim();
    if (title) document.title = title;
    const itemId = parseItemId(data.item_id ?? data.itemid);
    if (itemId !== undefined) document.itemId = itemId;
  }
  document.itemId ??= itemIdFromFileName(path);
  if (document.itemId === undefined) delete document.itemId;
  if (document.text.trim() === '') return documentsText().empty;
  return document;
}

function parseJsonDocument(path: string, source: string): KnowledgeDocument {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new Error(documentsText().invalidJson(error instanceof Error ? error.message : String(error)), { cause: error });
  }
  const document: KnowledgeDocument = { path, format: 'json', markup: 'markdown', text: '' };
  const blocks: string[] = [];
  const sections: string[] = [];
  if (isRecord(value)) {
    for (const [key, entry] of Object.entries(value)) {
      const lower = key.toLowerCase();
      if (ITEM_ID_KEYS.has(lower)) {
        const itemId = parseItemId(entry);
        if (itemId !== undefined) document.itemId = itemId;
        continue;
      }
      if (TITLE_KEYS.has(lower) && document.title === undefined && isScalar(entry)) {
        document.title = formatScalar(entry);
        blocks.unshift(`# ${escapeMarkdownLine(document.title)}`);
        continue;
      }
      // Sections (headings) come last, so plain "key: value" lines never fall under another key's heading.
      if (isScalar(entry) || (Array.isArray(entry) && entry.every(isScalar))) blocks.push(...renderJsonEntry(key, entry));
      else sections.push(...renderJsonEntry(key, entry));
    }
    blocks.push(...sections);
  } else {
    blocks.push(...renderJsonEntry('', value));
  }
  document.text = blocks.join('\n\n');
  return document;
}

function renderJsonEntry(key: string, value: unknown): string[] {
  const label = escapeMarkdownLine(key);
  if (isScalar(value)) return [`${label ? `${label}: ` : ''}${escapeMarkdownLine(formatScalar(value))}`];
  if (Array.isArray(value) && value.every(isScalar)) {
    return value.length === 0 ? [] : [`${label ? `${label}: ` : ''}${value.map((item) => escapeMarkdownLine(formatScalar(item))).join(', ')}`];
  }
  const lines = Array.isArray(value)
    ? value.map((item) => (isScalar(item) ? escapeMarkdownLine(formatScalar(item)) : flattenPairs(item).join('; ')))
    : flattenPairs(value);
  const items = lines.filter((line) => line !== '').map((line) => `- ${line}`);
  if (items.length === 0) return [];
  return label ? [`## ${label}`, items.join('\n')] : [items.join('\n')];
}

/** Nested keys are named by their path ("Вилка › Ход: 80 мм"). */
function flattenPairs(value: unknown, prefix = ''): string[] {
  if (isScalar(value)) return [`${prefix ? `${prefix}: ` : ''}${escapeMarkdownLine(formatScalar(value))}`];
  if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      return value.length === 0 ? [] : [`${prefix ? `${prefix}: ` : ''}${value.map((item) => escapeMarkdownLine(formatScalar(item))).join(', ')}`];
    }
    return value.flatMap((item) => flattenPairs(item, prefix));
  }
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, entry]) => flattenPairs(entry, prefix ? `${prefix} › ${escapeMarkdownLine(key)}` : escapeMarkdownLine(key)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function formatScalar(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return String(value).replace(/\s+/g, ' ').trim();
}

/** JSON values are plain text: keep Markdown from reading them as markup. */
function escapeMarkdownLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>|~])/g, '\\$1');
}

/** RFC 4180 quoting; `,` or `;` separated, as Russian Excel exports use `;`. */
export function parseCsv(source: string): string[][] {
  const delimiter = detectDelimiter(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index += 1;
        } else quoted = false;
      } else field += char;
    } else if (char === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((cells) => cells.map((cell) => cell.trim())).filter((cells) => cells.some((cell) => cell !== ''));
}

// Excel in a Russian locale saves with ";" and its headers hold commas ("Цена, руб"): the delimiter is the one every one of
// the first lines holds equally often, the more frequent one where both or neither do, ";" on a tie.
function detectDelimiter(source: string): string {
  const lines: Array<{ semicolons: number; commas: number }> = [];
  let line = { semicolons: 0, commas: 0 };
  let quoted = false;
  for (const char of source) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') {
      if (line.semicolons + line.commas > 0) lines.push(line);
      if (lines.length === DELIMITER_LINES) break;
      line = { semicolons: 0, commas: 0 };
    } else if (!quoted && char === ';') line.semicolons += 1;
    else if (!quoted && char === ',') line.commas += 1;
  }
  if (lines.length < DELIMITER_LINES && line.semicolons + line.commas > 0) lines.push(line);
  const steady = (count: (line: { semicolons: number; commas: number }) => number): boolean =>
    lines.length > 0 && lines.every((each) => count(each) > 0 && count(each) === count(lines[0] ?? each));
  const bySemicolon = steady((each) => each.semicolons);
  const byComma = steady((each) => each.commas);
  if (bySemicolon !== byComma) return bySemicolon ? ';' : ',';
  const semicolons = lines[0]?.semicolons ?? 0;
  const commas = lines[0]?.commas ?? 0;
  return commas > semicolons ? ',' : ';';
}

const DELIMITER_LINES = 5;

/** One paragraph per row, "header: value; header: value": a value alone says nothing. */
export function renderCsv(rows: readonly string[][]): string {
  return renderTableRows(rows).join('\n\n');
}

/** Each row after the first as "header: value; header: value"; a header row alone is its cells. */
function renderTableRows(rows: readonly string[][]): string[] {
  const [header, ...body] = rows;
  if (header === undefined) return [];
  if (body.length === 0) return [header.filter((cell) => cell !== '').join('; ')];
  return body
    .map((cells) =>
      cells
        .map((cell, index) => {
          const value = cell.replace(/\s+/g, ' ');
          if (value === '') return '';
          const name = header[index]?.replace(/\s+/g, ' ') ?? '';
          return name === '' ? value : `${name}: ${value}`;
        })
        .filter((part) => part !== '')
        .join('; '),
    )
    .filter((line) => line !== '');
}
