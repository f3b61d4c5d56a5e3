/** An Excel workbook as tables the index splits a row at a time; read-excel-file loads only when a folder holds an XLSX. */
import { collapseWhitespace, describeUnreadable } from './text-blocks.js';
import type { TextBlock } from './text-blocks.js';

/** Excel's default sheet names say nothing about what a sheet holds. */
const DEFAULT_SHEET_NAME = /^(?:лист|sheet)\s*\d*$/i;

/** Throws when the file is not a workbook read-excel-file can open. */
export async function extractXlsxBlocks(bytes: Uint8Array): Promise<TextBlock[]> {
  const { default: readExcelFile } = await import('read-excel-file/node');
  let sheets: Array<{ sheet: string; data: unknown[][] }>;
  try {
    sheets = await readExcelFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new Error(describeUnreadable('XLSX', error), { cause: error });
  }
  const filled = sheets
    .map((sheet) => ({ name: collapseWhitespace(sheet.sheet), rows: sheet.data.map((row) => row.map(formatCell)).filter((row) => row.some((cell) => cell !== '')) }))
    .filter((sheet) => sheet.rows.length > 0);
  return filled.flatMap((sheet) => {
    const named = filled.length > 1 && sheet.name !== '' && !DEFAULT_SHEET_NAME.test(sheet.name);
    return [...(named ? [{ kind: 'heading' as const, level: 2, text: sheet.name }] : []), ...readSheetBlocks(sheet.rows)];
  });
}

/**
 * Rows of a single cell above the first fuller row are the sheet's title and notes; the fuller row names the
 * columns. A single-cell row inside the table ("Кресла" above the chairs of a price list) heads the rows below it.
 */
export function readSheetBlocks(rows: readonly string[][]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let at = 0;
  for (; at < rows.length && countFilled(rows[at]) <= 1; at += 1) blocks.push({ kind: 'paragraph', lines: (rows[at] ?? []).filter((cell) => cell !== '') });
  const header = rows[at];
  if (header === undefined) return blocks;
  let body: string[][] = [];
  const closeTable = (): void => {
    blocks.push({ kind: 'table', rows: [header, ...body], header: true });
    body = [];
  };
  for (const row of rows.slice(at + 1)) {
    if (countFilled(row) === 1 && row[0] !== '') {
      if (body.length > 0) closeTable();
      blocks.push({ kind: 'heading', level: 3, text: row[0] ?? '' });
    } else body.push(row);
  }
  if (body.length > 0 || blocks.at(-1)?.kind !== 'heading') closeTable();
  return blocks;
}

function countFilled(row: readonly string[] | undefined): number {
  return row?.filter((cell) => cell !== '').length ?? 0;
}

/** As a Russian Excel shows it: a decimal comma, dates as 31.12.2025, да/нет. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(12))).replace('.', ',') : '';
  if (value instanceof Date) return formatDate(value);
  return collapseWhitespace(String(value));
}

function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (part: number): string => String(part).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
  const minutes = date.getUTCHours() * 60 + date.getUTCMinutes();
  return minutes === 0 ? day : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}
