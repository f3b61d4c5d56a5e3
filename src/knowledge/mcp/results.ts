/**
 * What a tool returned, read as passages or as an answer with its sources. Servers differ: passages come as
 * `structuredContent` ({"passages": [...]}), as JSON in a text item, as embedded resources, or as plain text items;
 * each passage object may name its text, source, heading, score and listing in the usual ways.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export interface ToolPassage {
  source: string;
  text: string;
  heading?: string;
  /** As the server ranks it; higher is better. */
  score?: number;
  /** The listing the passage belongs to, when the server says: another listing's passage is never used. */
  itemId?: number;
}

export interface ToolAnswer {
  /** '' when the tool returned no text. */
  text: string;
  /** What the answer stands on, with text: numbers in the answer must appear here. */
  sources: ToolPassage[];
  /** Every source the tool named, with text or without (a link). */
  sourceNames: string[];
}

const LIST_KEYS = ['passages', 'results', 'documents', 'chunks', 'items', 'sources'] as const;
const TEXT_KEYS = ['text', 'content', 'page_content', 'chunk', 'snippet'] as const;
const SOURCE_KEYS = ['source', 'document', 'file', 'path', 'title', 'name', 'uri', 'url'] as const;
const ITEM_KEYS = ['item_id', 'itemId', 'listing_id', 'listingId'] as const;

export function readPassages(result: CallToolResult, tool: string): ToolPassage[] {
  const structured = passagesOf(result.structuredContent, tool);
  if (structured.length > 0) return structured;
  const passages: ToolPassage[] = [];
  for (const item of result.content) {
    if (item.type === 'text') passages.push(...readTextItem(item.text, tool, passages.length));
    else if (item.type === 'resource' && 'text' in item.resource && item.resource.text.trim() !== '') {
      passages.push({ source: nameResource(item.resource.uri), text: item.resource.text.trim() });
    }
  }
  return passages;
}

/** The first text item (or an `answer` field) is the answer; the rest, resources and any `sources` list, what it stands on. */
export function readAnswer(result: CallToolResult, tool: string): ToolAnswer {
  const structured = answerOf(result.structuredContent, tool);
  if (structured) return structured;
  let text: string | undefined;
  const sources: ToolPassage[] = [];
  const names: string[] = [];
  for (const item of result.content) {
    if (item.type === 'text') {
      if (text !== undefined) {
        sources.push(...readTextItem(item.text, tool, sources.length));
        continue;
      }
      const json = answerOf(parseJson(item.text), tool);
      if (json) return json;
      text = item.text.trim();
    } else if (item.type === 'resource' && 'text' in item.resource) sources.push({ source: nameResource(item.resource.uri), text: item.resource.text });
    else if (item.type === 'resource_link') names.push(nameResource(item.uri));
  }
  return { text: text ?? '', sources, sourceNames: [...new Set([...sources.map((source) => source.source), ...names])] };
}

/** The text a tool gave with `isError`, for the error message: one line, not too long. */
export function readErrorText(result: CallToolResult): string {
  const text = result.content.flatMap((item) => (item.type === 'text' ? [item.text] : [])).join(' ');
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function answerOf(value: unknown, tool: string): ToolAnswer | undefined {
  if (!isRecord(value) || typeof value.answer !== 'string') return undefined;
  const sources = passagesOf(value, tool);
  const names = Array.isArray(value.sources) ? value.sources.filter((name): name is string => typeof name === 'string') : [];
  return { text: value.answer.trim(), sources, sourceNames: [...new Set([...sources.map((source) => source.source), ...names])] };
}

function readTextItem(text: string, tool: string, count: number): ToolPassage[] {
  const json = parseJson(text);
  if (json !== undefined) {
    const passages = passagesOf(json, tool);
    if (passages.length > 0) return passages;
  }
  return text.trim() === '' ? [] : [{ source: `${tool}#${count + 1}`, text: text.trim() }];
}

/** An array of passages, an object holding one under a usual key, or one passage object. */
function passagesOf(value: unknown, tool: string): ToolPassage[] {
  const list = Array.isArray(value) ? value : isRecord(value) ? LIST_KEYS.map((key) => value[key]).find(Array.isArray) : undefined;
  const items: unknown[] = list ?? (isRecord(value) && pickString(value, TEXT_KEYS) !== undefined ? [value] : []);
  return items.flatMap((item, position) => {
    const passage = toPassage(item, `${tool}#${position + 1}`);
    return passage ? [passage] : [];
  });
}

function toPassage(item: unknown, fallbackSource: string): ToolPassage | undefined {
  if (typeof item === 'string') return item.trim() === '' ? undefined : { source: fallbackSource, text: item.trim() };
  if (!isRecord(item)) return undefined;
  const metadata = isRecord(item.metadata) ? item.metadata : {};
  const text = pickString(item, TEXT_KEYS);
  if (text === undefined || text.trim() === '') return undefined;
  const source = pickString(item, SOURCE_KEYS) ?? pickString(metadata, SOURCE_KEYS) ?? fallbackSource;
  const heading = pickString(item, ['heading', 'section']) ?? pickString(metadata, ['heading', 'section']);
  const score = typeof item.score === 'number' ? item.score : typeof item.relevance === 'number' ? item.relevance : undefined;
  const itemId = pickId(item) ?? pickId(metadata);
  return {
    source: nameResource(source),
    text: text.trim(),
    ...(heading ? { heading } : {}),
    ...(score === undefined || !Number.isFinite(score) ? {} : { score }),
    ...(itemId === undefined ? {} : { itemId }),
  };
}

function pickString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) if (typeof record[key] === 'string') return record[key];
  return undefined;
}

function pickId(record: Record<string, unknown>): number | undefined {
  for (const key of ITEM_KEYS) {
    const value = record[key];
    const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
    if (id !== undefined && Number.isSafeInteger(id) && id > 0) return id;
  }
  return undefined;
}

/** `file:///srv/docs/dostavka.md` reads as /srv/docs/dostavka.md: what a seller recognises. */
function nameResource(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  const path = uri.slice('file://'.length);
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
