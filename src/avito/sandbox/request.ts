import type { IncomingMessage } from 'node:http';
import type { FaultKind } from './faults.js';

/** One request the sandbox received, in arrival order. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Repeated parameters are joined with commas. */
  query: Record<string, string>;
  /** Parsed JSON or form body; the raw text when it did not parse; undefined when empty or dropped unread. */
  body: unknown;
  /** 0 while in flight and when the socket was dropped before an answer. */
  status: number;
  at: number;
  token?: string;
  fault?: FaultKind;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** The request target as a URL; odd ones (`//`, `*`, absolute-form) must not throw. */
export function parseTarget(target: string): URL {
  const base = 'http://sandbox.local';
  if (target.startsWith('/') && URL.canParse(base + target)) return new URL(base + target);
  if (URL.canParse(target)) {
    const absolute = new URL(target);
    return new URL(base + absolute.pathname + absolute.search);
  }
  return new URL(base + '/');
}

function recordQuery(query: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of new Set(query.keys())) record[key] = query.getAll(key).join(',');
  return record;
}

export function recordRequest(request: IncomingMessage, method: string, url: URL): RecordedRequest {
  const authorization = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return {
    method,
    path: url.pathname,
    query: recordQuery(url.searchParams),
    body: undefined,
    status: 0,
    at: Date.now(),
    ...(authorization?.[1] === undefined ? {} : { token: authorization[1] }),
  };
}

export async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function parseBody(data: Buffer, contentType: string, form: boolean): { ok: true; value: unknown } | { ok: false; raw: string } {
  if (data.length === 0) return { ok: true, value: undefined };
  const text = data.toString('utf8');
  if (contentType.includes('application/x-www-form-urlencoded') || (form && !contentType.includes('json'))) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, raw: text };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Values of a list parameter, whether sent comma-separated, repeated, or PHP-style `name[]`. */
export function readList(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)]
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function readInteger(query: URLSearchParams, name: string, fallback: number, min: number, max: number, fields: Record<string, string>): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max) {
    fields[name] = `must be an integer from ${min} to ${max}`;
    return fallback;
  }
  return value;
}

export function readBoolean(query: URLSearchParams, name: string, fields: Record<string, string>): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  fields[name] = 'must be true or false';
  return false;
}

const MAX_TEXT_LENGTH = 1000;

/** Counts what a person calls characters (code points), not UTF-16 units. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Why Avito would refuse this message text, or undefined when it is fine. */
export function checkText(text: string): string | undefined {
  if (text.trim() === '') return 'must not be empty';
  const length = countCharacters(text);
  if (length > MAX_TEXT_LENGTH) return `is ${length} characters, at most ${MAX_TEXT_LENGTH} are allowed`;
  return undefined;
}
