import { describe, expect, it } from 'vitest';
import { createLogger, withLogFields } from '../../src/cli/logger.js';

const capture = (isTTY = false) => {
  const lines: string[] = [];
  return { lines, stream: { isTTY, write: (chunk: string) => lines.push(chunk) } };
};
const now = () => new Date('2026-11-22T10:00:00.000Z');

describe('logger', () => {
  it('writes one plain line per event with time, level and fields, without colour off a TTY', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ format: 'text', level: 'info', stream, now });
    logger.info('answered', { chat: 'u2i-1', status: 'FOUND', note: 'two words', skipped: undefined });
    expect(lines).toEqual(['2026-11-22T10:00:00.000Z INFO  answered chat=u2i-1 status=FOUND note="two words"\n']);
  });

  it('names the account on every line of a child logger, before the line\'s own fields', () => {
    const { lines, stream } = capture();
    const logger = withLogFields(createLogger({ format: 'text', level: 'info', stream, now }), { account: 'shop2' });
    logger.info('answered', { chat: 'u2i-1' });
    logger.warn('pass failed');
    expect(lines).toEqual(['2026-11-22T10:00:00.000Z INFO  answered account=shop2 chat=u2i-1\n', '2026-11-22T10:00:00.000Z WARN  pass failed account=shop2\n']);
  });

  it('writes JSON lines with LOG_FORMAT=json', () => {
    const { lines, stream } = capture();
    createLogger({ format: 'json', level: 'info', stream, now }).warn('send failed', { chat: 'c', ms: 12 });
    expect(JSON.parse(lines[0]!)).toEqual({ time: '2026-11-22T10:00:00.000Z', level: 'warn', msg: 'send failed', chat: 'c', ms: 12 });
  });

  it('drops events below the level', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ format: 'text', level: 'warn', stream, now });
    logger.debug('x');
    logger.info('y');
    logger.error('z');
    expect(lines).toHaveLength(1);
  });

  it('colours only on a TTY', () => {
    const tty = capture(true);
    createLogger({ format: 'text', level: 'info', stream: tty.stream, now }).info('hello');
    expect(tty.lines[0]).toContain('\u001b[');
    const plain = capture(false);
    createLogger({ format: 'text', level: 'info', stream: plain.stream, now }).info('hello');
    expect(plain.lines[0]).not.toContain('\u001b[');
  });
});
