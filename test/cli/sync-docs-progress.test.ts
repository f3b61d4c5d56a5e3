/**
 * sync-docs' progress line. In a terminal that reported 0 columns the old spinner counted Infinity lines to clear
 * and wrote cursor moves in a synchronous loop: 350 MB in ten minutes, and SIGTERM never reached the event loop.
 * The line now draws only on a terminal wide enough, on a timer, cut to the width, and stops on the abort signal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeProgress, startProgress, type ProgressStream } from '../../src/cli/commands/sync-docs.js';
import { setLang } from '../../src/messages/index.js';

function fakeTerminal(columns: number | undefined, isTTY = true): ProgressStream & { bytes: () => number; text: () => string } {
  const chunks: string[] = [];
  return {
    isTTY,
    columns,
    write: (chunk: string) => chunks.push(chunk),
    bytes: () => chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0),
    text: () => chunks.join(''),
  };
}

/** What a sync in a hurry does: reports a file as often as it can for `seconds` of (fake) time. */
function reportFast(progress: { update(text: string): void }, seconds: number, name = 'товары/длинное-название-файла-'.repeat(20)): void {
  for (let ms = 0; ms < seconds * 1000; ms += 10) {
    for (let i = 0; i < 100; i++) progress.update(`${i}/100 upload ${name}${i}.md`);
    vi.advanceTimersByTime(10);
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the sync-docs progress line', () => {
  it.each([
    ['0 columns', fakeTerminal(0)],
    ['unknown columns', fakeTerminal(undefined)],
    ['a terminal too narrow to say anything', fakeTerminal(12)],
    ['a pipe or a file', fakeTerminal(80, false)],
  ])('%s: nothing is drawn at all', (_, stream) => {
    const progress = startProgress(stream, { quiet: false });
    reportFast(progress, 5);
    progress.stop();
    expect(stream.bytes()).toBe(0);
  });

  it('--json: nothing is drawn', () => {
    const stream = fakeTerminal(80);
    const progress = startProgress(stream, { quiet: true });
    reportFast(progress, 1);
    progress.stop();
    expect(stream.bytes()).toBe(0);
  });

  it('a wide terminal: at most ten lines a second, each one line no wider than the terminal', () => {
    for (const columns of [40, 80, 500]) {
      const stream = fakeTerminal(columns);
      const progress = startProgress(stream, { quiet: false });
      reportFast(progress, 10);
      progress.stop();
      const frames = stream.text().split('\r').filter((frame) => frame.endsWith('\x1b[K') && frame.length > 3);
      expect(frames.length).toBeLessThanOrEqual(10 * 10 + 1);
      for (const frame of frames) {
        expect(frame).not.toContain('\n');
        expect([...frame.slice(0, -3)].length).toBeLessThan(Math.min(columns, 101));
      }
      // Ten seconds of a flood of updates: a few KB a second at most, whatever the width.
      expect(stream.bytes() / 10).toBeLessThan(4096);
      expect(stream.text().endsWith('\r\x1b[K')).toBe(true);
    }
  });

  it('shows the counter and the file name of a long path, and no control character of a file name', () => {
    const stream = fakeTerminal(60);
    const progress = startProgress(stream, { quiet: false });
    progress.update(`3/40 upload ${'каталог/'.repeat(20)}\x1b]0;pwned\x07прайс.md`);
    vi.advanceTimersByTime(100);
    const last = stream.text().split('\r').filter(Boolean).at(-1)!;
    expect(last.endsWith('прайс.md\x1b[K')).toBe(true);
    expect(last.slice(2)).toMatch(/^3\/40 upload катало.*….*каталог\/\?\]0;pwned\?прайс\.md/);
    expect([...last.slice(0, -3)].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
    progress.stop();
  });

  it('a terminal narrowed to 0 columns while it runs: the line goes and nothing more is written', () => {
    const stream = fakeTerminal(80);
    const progress = startProgress(stream, { quiet: false });
    reportFast(progress, 1);
    stream.columns = 0;
    const before = stream.bytes();
    reportFast(progress, 60);
    expect(stream.bytes() - before).toBe('\r\x1b[K'.length);
    progress.stop();
  });

  it('SIGINT/SIGTERM (the abort signal): the line is erased and no timer is left', () => {
    const stream = fakeTerminal(80);
    const controller = new AbortController();
    const progress = startProgress(stream, { quiet: false, signal: controller.signal });
    reportFast(progress, 1);
    controller.abort();
    expect(stream.text().endsWith('\r\x1b[K')).toBe(true);
    const after = stream.bytes();
    reportFast(progress, 5);
    progress.stop();
    expect(stream.bytes()).toBe(after);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the progress text', () => {
  afterEach(() => setLang('ru'));

  it('says in Russian what is being done to which file, and in a dry run what would be', () => {
    expect(describeProgress({ index: 3, total: 12, action: 'upload', path: 'prays.md' }, false)).toBe('3/12 загружаю prays.md');
    expect(describeProgress({ index: 4, total: 12, action: 'delete', path: 'staroe.md' }, true)).toBe('4/12 удалил бы staroe.md');
  });

  it('in English with AVITO_AI_LANG=en', () => {
    setLang('en');
    expect(describeProgress({ index: 3, total: 12, action: 'replace', path: 'prays.md' }, false)).toBe('3/12 replacing prays.md');
  });
});
