/** What to quote of a chosen passage: the rows of a table, the sentences of a paragraph, that answer the question. */
import type { Passage } from './passages.js';
import { extractTerms } from './terms.js';

/** A small number is the buyer's own count ("2 этаж", "3 шт"): it picks no row of a table. */
const QUANTITY = /^\p{N}{1,2}$/u;

/**
 * A table is quoted as its header and the rows naming most of what the question names beyond the header ("цена за шт
 * 600х300х200": the 600×300×200 row). The header is shared by every row, so it picks none: when only the header matches
 * ("какие цены?"), the question asks for the whole table.
 */
export function focusTable(passage: Pick<Passage, 'text' | 'tableHeader'>, asked: readonly string[], termsOf: (text: string) => string[] = extractTerms): string {
  const header = passage.tableHeader;
  if (header === undefined) return passage.text;
  const lines = passage.text.split('\n');
  const rows = lines[0] === header ? lines.slice(1) : lines;
  const inHeader = new Set(termsOf(header));
  const wanted = new Set(asked.filter((term) => !inHeader.has(term) && !QUANTITY.test(term)));
  if (wanted.size === 0 || rows.length < 2) return passage.text;
  const scores = rows.map((row) => termsOf(row).filter((term) => wanted.has(term)).length);
  const best = Math.max(...scores);
  if (best === 0) return passage.text;
  const chosen = rows.filter((_, at) => scores[at] === best);
  if (chosen.length === rows.length) return passage.text;
  return [header, ...chosen].join('\n');
}
