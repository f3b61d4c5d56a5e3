/**
 * Daemon logs: one line per event with a timestamp and level, readable in journalctl;
 * `LOG_FORMAT=json` gives JSON lines. Colour only when the stream is a TTY.
 */
import type { ChalkInstance } from 'chalk';
import { paintFor } from './paint.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  format: 'text' | 'json';
  level: LogLevel;
  stream: { write(chunk: string): unknown; isTTY?: boolean };
  now?: () => Date;
}

export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date());
  const paint: ChalkInstance = paintFor(options.stream);
  const colours: Record<LogLevel, (text: string) => string> = {
    debug: paint.gray,
    info: paint.cyan,
    warn: paint.yellow,
    error: paint.red,
  };
  const write = (level: LogLevel, message: string, fields: LogFields = {}): void => {
    if (ORDER[level] < ORDER[options.level]) return;
    const time = now().toISOString();
    if (options.format === 'json') {
      options.stream.write(`${JSON.stringify({ time, level, msg: message, ...dropUndefined(fields) })}\n`);
      return;
    }
    const extras = Object.entries(dropUndefined(fields))
      .map(([key, value]) => `${key}=${formatValue(value)}`)
      .join(' ');
    const tag = colours[level](level.toUpperCase().padEnd(5));
    options.stream.write(`${paint.gray(time)} ${tag} ${message}${extras ? ` ${paint.gray(extras)}` : ''}\n`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

function dropUndefined(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function formatValue(value: LogFields[string]): string {
  const text = String(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}

/** An object as log fields: scalars as they are, a listing or message by its id, lists joined. */
export function toLogFields(value: Record<string, unknown>): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'type') continue;
    if (item === undefined || item === null) continue;
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') out[key] = item;
    else if (key === 'listing' && typeof item === 'object') out.item_id = (item as { id?: number }).id;
    else if (key === 'message' && typeof item === 'object') out.message_id = (item as { id?: string }).id;
    else if (Array.isArray(item)) out[key] = item.join(',');
  }
  return out;
}

/** A logger that adds `fields` to every line (an account's name on all of that account's work); a line's own fields come after. */
export function withLogFields(logger: Logger, fields: LogFields): Logger {
  return {
    debug: (message, own) => logger.debug(message, { ...fields, ...own }),
    info: (message, own) => logger.info(message, { ...fields, ...own }),
    warn: (message, own) => logger.warn(message, { ...fields, ...own }),
    error: (message, own) => logger.error(message, { ...fields, ...own }),
  };
}
