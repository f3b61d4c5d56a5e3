/** A PDF's text layer as paragraphs and headings; pdf.js (through unpdf) loads only when a folder holds a PDF. */
import type { StructuredTextItem } from 'unpdf';
import { documentsText } from '../../messages/documents.js';
import { collapseWhitespace, describeUnreadable } from './text-blocks.js';
import type { TextBlock } from './text-blocks.js';

interface PdfLine {
  text: string;
  y: number;
  size: number;
  page: number;
}

/** A gap between lines wider than this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.5;
/** A short line set this much larger than the body text is a heading. */
const HEADING_SCALE = 1.2;
const MAX_HEADING_LENGTH = 120;

/** Throws with a reason the seller can act on when the file is not a PDF pdf.js can open. */
export async function extractPdfBlocks(bytes: Uint8Array): Promise<TextBlock[]> {
  const { extractTextItems, getDocumentProxy } = await import('unpdf');
  // pdf.js may take over the buffer it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    throw new Error(describePdfError(error), { cause: error });
  });
  try {
    const { items } = await extractTextItems(pdf);
    return groupBlocks(items.flatMap((pageItems, page) => groupLines(pageItems, page)));
  } finally {
    await pdf.destroy();
  }
}

function describePdfError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return documentsText().pdfPassword;
  return describeUnreadable('PDF', error);
}

function groupLines(items: readonly StructuredTextItem[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const item of items) {
    // A new baseline without an end-of-line mark still starts a line.
    if (current !== undefined && item.str.trim() !== '' && Math.abs(item.y - current.y) > Math.max(current.size, item.fontSize) / 2) {
      lines.push(current);
      current = undefined;
    }
    current ??= { text: '', y: item.y, size: 0, page };
    current.text += item.str;
    if (item.str.trim() !== '') current.size = Math.max(current.size, item.fontSize);
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) lines.push(current);
  return lines.map((line) => ({ ...line, text: collapseWhitespace(line.text) })).filter((line) => line.text !== '');
}

function groupBlocks(lines: readonly PdfLine[]): TextBlock[] {
  const body = bodySize(lines);
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let previous: PdfLine | undefined;
  const closeParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', lines: paragraph });
    paragraph = [];
  };
  for (const line of lines) {
    const isHeading = body > 0 && line.size >= body * HEADING_SCALE && line.text.length <= MAX_HEADING_LENGTH;
    const gap = previous === undefined || previous.page !== line.page || previous.y - line.y > PARAGRAPH_GAP * Math.max(previous.size, line.size);
    if (isHeading) {
      closeParagraph();
      const last = blocks.at(-1);
      // A heading set on two lines is one heading.
      if (!gap && last?.kind === 'heading') last.text = `${last.text} ${line.text}`;
      else blocks.push({ kind: 'heading', level: line.size >= body * 1.6 ? 1 : 2, text: line.text });
    } else {
      if (gap) closeParagraph();
      paragraph.push(line.text);
    }
    previous = line;
  }
  closeParagraph();
  return blocks;
}

/** The font size most of the text is set in. */
function bodySize(lines: readonly PdfLine[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(line.size, (characters.get(line.size) ?? 0) + line.text.length);
  let best = 0;
  let bestCount = 0;
  for (const [size, count] of characters) {
    if (count > bestCount) [best, bestCount] = [size, count];
  }
  return best;
}
