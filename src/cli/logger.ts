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
