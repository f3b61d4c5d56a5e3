/** What a PDF, DOCX or XLSX says, as structure without markup: documents.ts turns it into the Markdown the passages read. */
import { documentsText } from '../../messages/documents.js';

export type TextBlock =
  | { kind: 'heading'; level: number; text: string }
  /** Lines of one paragraph: a PDF's wrapped lines, or a Word paragraph broken by line breaks. */
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; items: string[] }
  /** `header`: the first row names the columns; otherwise each row stands alone ("Вес: 12 кг" in a two-column table). */
  | { kind: 'table'; rows: string[][]; header: boolean };

/** Whitespace of any kind as one space: cells and runs carry tabs, non-breaking spaces and line breaks. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Why a library could not open a file, in one short line: its own sentences that point to a web page are dropped. */
export function describeUnreadable(format: 'PDF' | 'DOCX' | 'XLSX', error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const sentences = message.split(/(?<=[.?!])\s+/).filter((sentence) => !/https?:\/\//.test(sentence));
  return documentsText().unreadable(format, collapseWhitespace(sentences.join(' ')).replace(/\.$/, ''));
}
