/** A Word document as headings, paragraphs, lists and tables; mammoth loads only when a folder holds a DOCX. */
import { collapseWhitespace, describeUnreadable } from './text-blocks.js';
import type { TextBlock } from './text-blocks.js';

/** Throws when the file is not a Word document mammoth can open. */
export async function extractDocxBlocks(bytes: Uint8Array): Promise<TextBlock[]> {
  const mammoth = await import('mammoth');
  let html: string;
  try {
    // Pictures are dropped unread: their bytes would only be encoded into the HTML and thrown away.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw new Error(describeUnreadable('DOCX', error), { cause: error });
  }
  return readHtmlBlocks(html);
}

const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** mammoth's HTML is a small, closed set of tags (h1–h6, p, br, ul/ol/li, table/tr/td/th, inline marks): read as a stream. */
export function readHtmlBlocks(html: string): TextBlock[] {
  const reader = new HtmlBlockReader();
  for (const match of html.matchAll(TOKEN)) {
    const [, closing, tag, text] = match;
    if (text !== undefined) reader.text(decodeEntities(text));
    else if (tag !== undefined) {
      if (closing) reader.close(tag.toLowerCase());
      else reader.open(tag.toLowerCase());
    }
  }
  return reader.blocks;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

interface TableState {
  rows: string[][];
  row: string[];
  cell: string[];
  header: boolean;
}

class HtmlBlockReader {
  readonly blocks: TextBlock[] = [];
  private lines: string[] = [''];
  private heading: number | undefined;
  private list: string[] | undefined;
  private listDepth = 0;
  private readonly tables: TableState[] = [];

  open(tag: string): void {
    const level = /^h([1-6])$/.exec(tag)?.[1];
    if (level !== undefined || tag === 'p' || tag === 'li') this.flush();
    if (level !== undefined) this.heading = Number(level);
    else if (tag === 'br') this.lines.push('');
    else if (tag === 'ul' || tag === 'ol') this.openList();
    else if (tag === 'table') this.tables.push({ rows: [], row: [], cell: [], header: false });
    else if (tag === 'tr' && this.table !== undefined) this.table.row = [];
    else if ((tag === 'td' || tag === 'th') && this.table !== undefined) {
      this.table.cell = [];
      if (tag === 'th') this.table.header = true;
    }
  }

  close(tag: string): void {
    const table = this.table;
    if (/^h[1-6]$/.test(tag) || tag === 'p' || tag === 'li') this.flush();
    else if (tag === 'ul' || tag === 'ol') this.closeList();
    else if ((tag === 'td' || tag === 'th') && table !== undefined) {
      this.flush();
      table.row.push(collapseWhitespace(table.cell.join(' ')));
    } else if (tag === 'tr' && table !== undefined) {
      if (table.row.some((cell) => cell !== '')) table.rows.push(table.row);
    } else if (tag === 'table') this.closeTable();
  }

  text(text: string): void {
    this.lines[this.lines.length - 1] += text;
  }

  private get table(): TableState | undefined {
    return this.tables.at(-1);
  }

  private openList(): void {
    if (this.table === undefined && this.listDepth === 0) this.list = [];
    this.listDepth += 1;
  }

  private closeList(): void {
    this.flush();
    this.listDepth = Math.max(0, this.listDepth - 1);
    if (this.listDepth === 0 && this.list !== undefined) {
      if (this.list.length > 0) this.blocks.push({ kind: 'list', items: this.list });
      this.list = undefined;
    }
  }

  private closeTable(): void {
    this.flush();
    const table = this.tables.pop();
    if (table === undefined || table.rows.length === 0) return;
    const outer = this.table;
    // A table inside a cell reads as that cell's text.
    if (outer !== undefined) outer.cell.push(table.rows.map((row) => row.filter((cell) => cell !== '').join('; ')).join('; '));
    else {
      const columns = Math.max(...table.rows.map((row) => row.length));
      this.blocks.push({ kind: 'table', rows: table.rows, header: table.header || (columns > 2 && table.rows.length > 1) });
    }
  }

  /** Ends the text collected since the last block tag: a heading, a list item, a cell's part or a paragraph. */
  private flush(): void {
    const lines = this.lines.map(collapseWhitespace).filter((line) => line !== '');
    const heading = this.heading;
    this.lines = [''];
    this.heading = undefined;
    if (lines.length === 0) return;
    const table = this.table;
    if (table !== undefined) table.cell.push(lines.join(' '));
    else if (this.list !== undefined) this.list.push(lines.join(' '));
    else if (heading !== undefined) this.blocks.push({ kind: 'heading', level: heading, text: lines.join(' ') });
    else this.blocks.push({ kind: 'paragraph', lines });
  }
}
