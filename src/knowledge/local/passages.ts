/** Documents as passages, the units the engine quotes, cleaned of markup: what is indexed is what a buyer reads. */
import type { KnowledgeDocument } from './documents.js';

export interface Passage {
  id: number;
  /** The document's relative path. */
  document: string;
  itemId?: number;
  /** Its front matter title or first top-level heading, or ''. */
  title: string;
  /** Outermost first, the title excluded. */
  headings: string[];
  text: string;
  position: number;
  /** The header row of the table the passage's lines are rows of, as the text writes rows: a quote of some rows keeps it. */
  tableHeader?: string;
}

/** A listing's titles: the one Avito shows, and its own documents' titles (front matter, first heading). */
export function listListingTitles(passages: readonly Passage[], listing: { id: number; title?: string }): Set<string> {
  const titles = new Set<string>(listing.title === undefined ? [] : [listing.title]);
  for (const passage of passages) if (passage.itemId === listing.id && passage.title !== '') titles.add(passage.title);
  return titles;
}

/** The passage with its document's title and its headings above it: what it states, read with what it is under. */
export function readWholeText(passage: Passage): string {
  return `${passage.title}\n${passage.headings.join('\n')}\n${passage.text}`;
}

export const MAX_PASSAGE_LENGTH = 800;
const LEAD_PARAGRAPH_LENGTH = 150;

type BlockKind = 'heading' | 'paragraph' | 'list' | 'code' | 'table';

interface Block {
  kind: BlockKind;
  lines: string[];
  level?: number;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\S/;
const FENCE = /^[ \t]*(```|~~~)/;
const TABLE_ROW = /^[ \t]*\|/;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;

/** Ids are left 0: the caller's list assigns them. */
export function splitPassages(document: KnowledgeDocument, maxLength = MAX_PASSAGE_LENGTH): Passage[] {
  const blocks = document.markup === 'markdown' ? parseMarkdownBlocks(document.text) : parsePlainBlocks(document.text);
  let title = document.title ?? '';
  const stack: Array<{ level: number; text: string }> = [];
  const passages: Passage[] = [];
  let titleTaken = title !== '';
  let lead: string | undefined;

  for (const block of blocks) {
    if (block.kind === 'heading') {
      const text = cleanInline(block.lines[0] ?? '');
      const level = block.level ?? 1;
      if (level === 1 && passages.length === 0 && stack.length === 0 && (!titleTaken || text === title)) {
        title = text;
        titleTaken = true;
        continue;
      }
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
      if (text !== '') stack.push({ level, text });
      lead = undefined;
      continue;
    }
    const text = cleanBlock(block);
    if (text === '') continue;
    // A short paragraph right before a list names what the list is about ("Knauf HP Finish — шпаклёвка" then its specs).
    const introduced = block.kind === 'list' && lead !== undefined ? [lead] : [];
    lead = block.kind === 'paragraph' && text.length <= LEAD_PARAGRAPH_LENGTH ? text : undefined;
    const tableHeader = block.kind === 'table' ? findTableHeader(block) : undefined;
    for (const piece of splitLongText(text, block.kind, maxLength)) {
      const passage: Passage = {
        id: 0,
        document: document.path,
        title,
        headings: [...stack.map((heading) => heading.text), ...introduced],
        text: piece,
        position: passages.length,
      };
      if (document.itemId !== undefined) passage.itemId = document.itemId;
      if (tableHeader !== undefined) passage.tableHeader = tableHeader;
      passages.push(passage);
    }
  }
  return passages;
}

/** The whole document as clean text, every passage's text a part of it: tests prove with it that answers quote. */
export function cleanDocumentText(document: KnowledgeDocument): string {
  const blocks = document.markup === 'markdown' ? parseMarkdownBlocks(document.text) : parsePlainBlocks(document.text);
  return blocks
    .map((block) => (block.kind === 'heading' ? cleanInline(block.lines[0] ?? '') : cleanBlock(block)))
    .filter((text) => text !== '')
    .join('\n\n');
}

const MIN_CAPITAL_HEADING_LETTERS = 3;
const MAX_CAPITAL_HEADING_LENGTH = 80;

function parsePlainBlocks(text: string): Block[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines): Block => (lines.length === 1 && isCapitalLine(lines[0] ?? '') ? { kind: 'heading', level: 2, lines } : { kind: 'code', lines }));
}

/**
 * "ДОСТАВКА", "ВЫЕЗД И МИНИМАЛЬНЫЙ ЗАКАЗ": a plain text's line of capitals standing alone is how sellers head a section, and
 * the section's lines are about it ("Пригороды (Зеленодольск) - 1 000 р" answers "в зеленодольск привезете?"). Read as a
 * heading, never as the title: one file often holds two sections ("ДОСТАВКА", then "ОПЛАТА").
 */
function isCapitalLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= MIN_CAPITAL_HEADING_LETTERS && line.length <= MAX_CAPITAL_HEADING_LENGTH && letters === letters.toUpperCase() && !/[.!?]$/u.test(line);
}

function parseMarkdownBlocks(text: string): Block[] {
  const reader = new MarkdownBlockReader();
  for (const line of text.split('\n')) reader.read(line);
  reader.close();
  return mergeListLeads(reader.blocks);
}

class MarkdownBlockReader {
  readonly blocks: Block[] = [];
  private current: Block | undefined;
  private fence: string | undefined;
  private blankSinceList = false;

  read(rawLine: string): void {
    if (this.fence !== undefined) {
      this.readFenced(rawLine, this.fence);
      return;
    }
    const fence = FENCE.exec(rawLine)?.[1];
    if (fence !== undefined) {
      this.close();
      this.fence = fence;
      this.current = { kind: 'code', lines: [] };
      return;
    }
    // Block quotes read as their content.
    const line = rawLine.replace(/^ {0,3}(?:>[ \t]?)+/, '');
    if (line.trim() === '') {
      if (this.current?.kind === 'list') this.blankSinceList = true;
      else this.close();
      return;
    }
    if (this.current?.kind === 'list' && this.blankSinceList) {
      this.blankSinceList = false;
      // A list survives blank lines between its items and indented continuations; anything else ends it.
      if (!LIST_ITEM.test(line) && !/^[ \t]{2,}\S/.test(line)) this.close();
    }
    if (REFERENCE_DEFINITION.test(line) || this.readHeading(line)) return;
    if (RULE.test(line)) this.close();
    else if (LIST_ITEM.test(line)) this.readListItem(line);
    else if (TABLE_ROW.test(line)) this.readTableRow(line);
    else if (this.current?.kind === 'list' || this.current?.kind === 'paragraph') this.current.lines.push(line);
    else {
      this.close();
      this.current = { kind: 'paragraph', lines: [line] };
    }
  }

  close(): void {
    if (this.current !== undefined && this.current.lines.length > 0) this.blocks.push(this.current);
    this.current = undefined;
  }

  private readFenced(rawLine: string, fence: string): void {
    if (rawLine.trim().startsWith(fence)) {
      this.fence = undefined;
      this.close();
    } else this.current?.lines.push(rawLine);
  }

  /** An ATX heading, or the underline of a setext one; true when the line was one. */
  private readHeading(line: string): boolean {
    const heading = HEADING.exec(line);
    if (heading?.[1] !== undefined) {
      this.close();
      this.blocks.push({ kind: 'heading', lines: [heading[2] ?? ''], level: heading[1].length });
      return true;
    }
    const current = this.current;
    if (current?.kind === 'paragraph' && current.lines.length > 0 && /^ {0,3}(=+|-+)[ \t]*$/.test(line)) {
      this.current = undefined;
      this.blocks.push({ kind: 'heading', lines: [current.lines.join(' ')], level: line.trim().startsWith('=') ? 1 : 2 });
      return true;
    }
    return false;
  }

  private readListItem(line: string): void {
    if (this.current?.kind !== 'list') {
      // A short paragraph ending with ":" introduces the list and belongs with it.
      const lead = this.current?.kind === 'paragraph' && /:\s*$/.test(this.current.lines.join(' ')) ? this.current.lines : [];
      if (lead.length === 0) this.close();
      this.current = { kind: 'list', lines: lead.length > 0 ? [lead.join(' ')] : [] };
    }
    this.current.lines.push(line);
  }

  private readTableRow(line: string): void {
    if (this.current?.kind !== 'table') {
      this.close();
      this.current = { kind: 'table', lines: [] };
    }
    this.current.lines.push(line);
  }
}

/** A lead line ("В комплекте:") followed by a blank line and a list still introduces that list. */
function mergeListLeads(blocks: Block[]): Block[] {
  const merged: Block[] = [];
  for (const block of blocks) {
    const previous = merged.at(-1);
    const introducesList =
      block.kind === 'list' &&
      previous?.kind === 'paragraph' &&
      previous.lines.length === 1 &&
      /:\s*$/.test(previous.lines[0] ?? '') &&
      // A list that already took its lead starts with that lead, not with an item.
      LIST_ITEM.test(block.lines[0] ?? '');
    if (introducesList && previous !== undefined) {
      merged.pop();
      merged.push({ kind: 'list', lines: [previous.lines[0] ?? '', ...block.lines] });
      continue;
    }
    merged.push(block);
  }
  return merged;
}

function cleanBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return joinParagraphLines(block.lines.map(cleanInline));
    case 'code':
      return block.lines.map((line) => collapseSpaces(line)).filter((line) => line !== '').join('\n');
    case 'table':
      return block.lines
        .filter((line) => !TABLE_SEPARATOR.test(line))
        .map((line) =>
          line
            .trim()
            .replace(/^\||\|$/g, '')
            .split(/(?<!\\)\|/)
            .map((cell) => cleanInline(cell))
            .filter((cell) => cell !== '')
            .join(' — '),
        )
        .filter((line) => line !== '')
        .join('\n');
    case 'list':
      return cleanList(block.lines);
    case 'heading':
      return cleanInline(block.lines[0] ?? '');
  }
}

/** A Markdown table's first row is its header when the separator line follows it. */
function findTableHeader(block: Block): string | undefined {
  const [first, second] = block.lines;
  if (first === undefined || second === undefined || !TABLE_SEPARATOR.test(second)) return undefined;
  const header = cleanBlock({ kind: 'table', lines: [first] });
  return header === '' ? undefined : header;
}

const LABEL_LINE = /^[\p{L}][\p{L}\p{N} ./()«»"-]{0,40}:\s*\S/u;

// Markdown joins a paragraph's lines, but sellers put "Вес: 100 кг" / "Цена: 68 000 ₽" on lines of their own: each stays a statement.
function joinParagraphLines(lines: readonly string[]): string {
  return lines
    .map(collapseSpaces)
    .filter((line) => line !== '')
    .map((line, at) => (at > 0 && LABEL_LINE.test(line) ? `\n${line}` : at > 0 ? ` ${line}` : line))
    .join('');
}

function cleanList(lines: readonly string[]): string {
  const items: string[] = [];
  for (const line of lines) {
    const bullet = /^[ \t]*([-*+•])[ \t]+(.*)$/.exec(line);
    const numbered = /^[ \t]*(\d{1,3}[.)])[ \t]+(.*)$/.exec(line);
    if (bullet !== null) items.push(`• ${cleanInline(bullet[2] ?? '')}`);
    else if (numbered !== null) items.push(`${numbered[1] ?? ''} ${cleanInline(numbered[2] ?? '')}`);
    else if (items.length === 0) items.push(cleanInline(line));
    else items[items.length - 1] = `${items.at(-1) ?? ''} ${cleanInline(line)}`;
  }
  return items
    .map(collapseSpaces)
    .filter((item) => item !== '' && item !== '•')
    .join('\n');
}

/** Links keep their text and images their alt; emphasis, code marks and HTML tags go. */
export function cleanInline(text: string): string {
  return collapseSpaces(
    text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
      .replace(/`+([^`]+?)`+/g, '$1')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}*\\])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1$2')
      .replace(/(^|[^\p{L}\p{N}_\\])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'])/g, '$1'),
  );
}

function collapseSpaces(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ').trim();
}

function splitLongText(text: string, kind: BlockKind, maxLength: number): string[] {
  if (text.length <= maxLength) return [text];
  const units =
    kind === 'paragraph'
      ? splitSentences(text)
      : text.split('\n').flatMap((line) => (line.length > maxLength ? splitSentences(line) : [line]));
  const separator = kind === 'paragraph' ? ' ' : '\n';
  const pieces: string[] = [];
  let piece = '';
  for (const unit of units.flatMap((candidate) => hardSplit(candidate, maxLength))) {
    if (piece !== '' && piece.length + separator.length + unit.length > maxLength) {
      pieces.push(piece);
      piece = '';
    }
    piece = piece === '' ? unit : `${piece}${separator}${unit}`;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** A sentence ends at ., !, ?, … before a capital letter, digit or quote, so "т. е." stays whole. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}«"(•])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** Last resort for a single sentence longer than a passage: cut between words. */
function hardSplit(text: string, maxLength: number): string[] {
  if (text.length <= maxLength) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > maxLength) {
    const cut = rest.lastIndexOf(' ', maxLength);
    const at = cut > maxLength / 2 ? cut : maxLength;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}
