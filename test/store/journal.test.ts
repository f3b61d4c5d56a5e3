/**
 * The JSON Lines journal on real temp files: reading (torn tail, corrupt middle, chunk
 * boundaries), repairing, rewriting, and the writer's group commit, rotation and reset.
 */
import { mkdir, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JournalWriter, readJournal, repairJournal, rewriteJournal } from '../../src/store/journal.js';
import type { JournalScan } from '../../src/store/journal.js';
import { catchStoreError, createTempDir } from './helpers.js';

interface Entry {
  n: number;
}

const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && typeof (value as Entry).n === 'number';

let dir: string;
let cleanup: () => Promise<void>;
let path: string;

beforeEach(async () => {
  ({ dir, cleanup } = await createTempDir());
  path = join(dir, 'journal.jsonl');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

/** Reads `file` as the store does, returning the scan and the records in order. */
async function scanFile(file = path): Promise<{ scan: JournalScan | undefined; entries: number[] }> {
  const entries: number[] = [];
  const scan = await readJournal(file, { accept: isEntry, onRecord: (entry) => entries.push(entry.n) });
  return { scan, entries };
}

const lineOf = (n: number): string => `${JSON.stringify({ n })}\n`;
const linesOf = (...ns: number[]): string => ns.map(lineOf).join('');

describe('readJournal', () => {
  it('returns undefined for a missing file, and creates nothing', async () => {
    expect(await scanFile()).toEqual({ scan: undefined, entries: [] });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads an empty file as no records', async () => {
    await writeFile(path, '');
    expect(await scanFile()).toEqual({ scan: { records: 0, size: 0, validEnd: 0, unterminated: false }, entries: [] });
  });

  it('hands over every record in order, skipping blank lines', async () => {
    const text = `${lineOf(1)}\n   \n${linesOf(2, 3)}\n`;
    await writeFile(path, text);
    const size = Buffer.byteLength(text);
    expect(await scanFile()).toEqual({ scan: { records: 3, size, validEnd: size, unterminated: false }, entries: [1, 2, 3] });
  });

  it('skips a torn last line and reports where the whole part ends', async () => {
    const whole = linesOf(1, 2);
    await writeFile(path, `${whole}{"n":3,"te`);
    const { scan, entries } = await scanFile();
    expect(entries).toEqual([1, 2]);
    expect(scan).toEqual({ records: 2, size: Buffer.byteLength(whole) + 10, validEnd: Buffer.byteLength(whole), unterminated: false });
  });

  it('treats a bad last line followed only by blank lines as torn', async () => {
    const whole = linesOf(1);
    await writeFile(path, `${whole}{"n":\n\n  \n`);
    const { scan, entries } = await scanFile();
    expect(entries).toEqual([1]);
    expect(scan?.validEnd).toBe(Buffer.byteLength(whole));
  });

  it('keeps a complete last record whose newline is missing, marking it unterminated', async () => {
    const text = `${lineOf(1)}{"n":2}`;
    await writeFile(path, text);
    expect(await scanFile()).toEqual({
      scan: { records: 2, size: Buffer.byteLength(text), validEnd: Buffer.byteLength(text), unterminated: true },
      entries: [1, 2],
    });
  });

  it('refuses a line that is not JSON before the end, naming the file and the line', async () => {
    await writeFile(path, `${lineOf(1)}not json\n${lineOf(3)}`);
    const error = await catchStoreError(() => scanFile());
    expect(error).toMatchObject({ reason: 'corrupt', path });
    expect(error.message).toBe(`${path} повреждён: строка 2: не JSON`);
  });

  it('refuses a line of the wrong shape before the end, and a bad line before an unterminated tail', async () => {
    await writeFile(path, `${lineOf(1)}\n{"m":2}\n${lineOf(3)}`);
    expect((await catchStoreError(() => scanFile())).message).toMatch(/: строка 3: запись не того вида$/);

    await writeFile(path, `${lineOf(1)}{"m":2}\n{"n":3}`);
    expect((await catchStoreError(() => scanFile())).message).toMatch(/: строка 2: запись не того вида$/);
  });

  it('reads lines that straddle its 1 MiB read chunks, and finds a torn tail after them', async () => {
    // Records of ~1000 bytes: several cross each chunk boundary at varying offsets.
    const pad = 'ж'.repeat(497);
    const records = Array.from({ length: 2500 }, (_, n) => `${JSON.stringify({ n, pad })}\n`);
    const whole = records.join('');
    await writeFile(path, `${whole}{"n":2500,"pad":"жж`);
    const { scan, entries } = await scanFile();
    expect(Buffer.byteLength(whole)).toBeGreaterThan(2 * (1 << 20));
    expect(entries).toEqual(Array.from({ length: 2500 }, (_, n) => n));
    expect(scan?.validEnd).toBe(Buffer.byteLength(whole));
  });

  it('reports a path it cannot read as StoreError io', async () => {
    await mkdir(path);
    expect(await catchStoreError(() => scanFile())).toMatchObject({ reason: 'io', path, message: expect.stringMatching(/^не удаётся прочитать /) });
  });
});

describe('repairJournal', () => {
  it('cuts a torn last line off, so the next append starts a line of its own', async () => {
    await writeFile(path, `${linesOf(1, 2)}{"n":3,"te`);
    const { scan } = await scanFile();
    await repairJournal(path, scan!);
    expect(await readFile(path, 'utf8')).toBe(linesOf(1, 2));

    const writer = new JournalWriter(path);
    await writer.append([{ n: 3 }]);
    await writer.close();
    expect((await scanFile()).entries).toEqual([1, 2, 3]);
  });

  it('ends an unterminated last record with its newline', async () => {
    await writeFile(path, `${lineOf(1)}{"n":2}`);
    const { scan } = await scanFile();
    await repairJournal(path, scan!);
    expect(await readFile(path, 'utf8')).toBe(linesOf(1, 2));
  });

  it('leaves a sound journal byte for byte as it was', async () => {
    await writeFile(path, linesOf(1, 2));
    const before = await stat(path);
    const { scan } = await scanFile();
    await repairJournal(path, scan!);
    expect(await readFile(path, 'utf8')).toBe(linesOf(1, 2));
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
  });

  it('reports a file that vanished as StoreError io', async () => {
    const scan: JournalScan = { records: 1, size: 20, validEnd: 10, unterminated: false };
    expect(await catchStoreError(() => repairJournal(path, scan))).toMatchObject({ reason: 'io', path });
  });
});

describe('rewriteJournal', () => {
  it('replaces the journal with exactly the given lines, private, with no temp file left', async () => {
    await writeFile(path, linesOf(1, 2, 3, 4));
    await rewriteJournal(path, ['{"n":2}', '{"n":4}']);
    expect(await readFile(path, 'utf8')).toBe(linesOf(2, 4));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['journal.jsonl']);
  });

  it('creates a missing journal, and empties one given no lines', async () => {
    await rewriteJournal(path, new Set(['{"n":7}']));
    expect(await readFile(path, 'utf8')).toBe(lineOf(7));
    await rewriteJournal(path, []);
    expect(await readFile(path, 'utf8')).toBe('');
  });
});

describe('JournalWriter: appending', () => {
  it('creates a missing journal private, one JSON line per record, counting bytes not characters', async () => {
    const writer = new JournalWriter(path);
    const records = [{ n: 1, text: 'привет' }, { n: 2 }];
    await writer.append(records);
    const expected = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    expect(await readFile(path, 'utf8')).toBe(expected);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(writer.size).toBe(Buffer.byteLength(expected));
    expect(writer.lines).toBe(2);
    await writer.close();
  });

  it('appends after what is already there, counting only its own lines', async () => {
    await writeFile(path, linesOf(1, 2));
    const writer = new JournalWriter(path);
    expect(writer.size).toBe(0);
    await writer.append([{ n: 3 }]);
    expect(writer.size).toBe(Buffer.byteLength(linesOf(1, 2, 3)));
    expect(writer.lines).toBe(1);
    await writer.close();
    expect((await scanFile()).entries).toEqual([1, 2, 3]);
  });

  it('does not create the file for an empty append', async () => {
    const writer = new JournalWriter(path);
    await writer.append([]);
    await writer.close();
    expect(await readdir(dir)).toEqual([]);
  });

  it('groups appends made while one is being written into one write and one fdatasync, each resolving once on disk', async () => {
    // FileHandle is not exported by node: its prototype is reached through an open handle.
    const probe = await open(dir, 'r');
    const prototype = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    const events: string[] = [];
    const original = prototype.datasync;
    const datasync = vi.spyOn(prototype, 'datasync').mockImplementation(async function (this: unknown) {
      await original.call(this);
      events.push('synced');
    });

    const writer = new JournalWriter(path);
    const first = writer.append([{ n: 0 }]).then(() => events.push('first resolved'));
    const rest = Array.from({ length: 20 }, (_, index) => writer.append([{ n: index + 1 }]));
    const onDisk: number[] = [];
    await Promise.all(
      rest.map(async (promise, index) => {
        await promise;
        if ((await readFile(path, 'utf8')).includes(lineOf(index + 1))) onDisk.push(index + 1);
      }),
    );
    await first;
    expect(datasync).toHaveBeenCalledTimes(2);
    expect(events.slice(0, 2)).toEqual(['synced', 'first resolved']);
    expect(onDisk).toHaveLength(20);
    expect((await scanFile()).entries).toEqual(Array.from({ length: 21 }, (_, n) => n));
    expect(writer.lines).toBe(21);
    await writer.close();
  });

  it('close waits for the appends still queued', async () => {
    const writer = new JournalWriter(path);
    void writer.append([{ n: 1 }]);
    void writer.append([{ n: 2 }]);
    await writer.close();
    expect(await readFile(path, 'utf8')).toBe(linesOf(1, 2));
  });

  it('rejects with StoreError io when the journal cannot be opened, and appends again once it can', async () => {
    await mkdir(path);
    const writer = new JournalWriter(path);
    expect(await catchStoreError(() => writer.append([{ n: 1 }]))).toMatchObject({ reason: 'io', path, message: expect.stringMatching(/^не удаётся записать /) });
    await rm(path, { recursive: true });
    await writer.append([{ n: 2 }]);
    await writer.close();
    expect(await readFile(path, 'utf8')).toBe(lineOf(2));
  });

  it('rejects with StoreError io when the directory is missing', async () => {
    const writer = new JournalWriter(join(dir, 'gone', 'journal.jsonl'));
    const error = await catchStoreError(() => writer.append([{ n: 1 }]));
    expect(error).toMatchObject({ reason: 'io', hint: expect.stringContaining('существует и доступна для записи') });
  });
});

describe('JournalWriter: rotation', () => {
  const LINE = Buffer.byteLength(lineOf(1));

  it('rotates to .1 before a write would pass maxBytes, and not when it lands exactly on it', async () => {
    const writer = new JournalWriter(path, { maxBytes: 3 * LINE });
    await writer.append([{ n: 1 }, { n: 2 }]);
    await writer.append([{ n: 3 }]);
    expect(writer.size).toBe(3 * LINE);
    expect(await readdir(dir)).toEqual(['journal.jsonl']);

    await writer.append([{ n: 4 }]);
    expect(await readFile(`${path}.1`, 'utf8')).toBe(linesOf(1, 2, 3));
    expect(await readFile(path, 'utf8')).toBe(lineOf(4));
    expect(writer.size).toBe(LINE);
    expect(writer.lines).toBe(1);
    await writer.close();
  });

  it('keeps one old generation: a second rotation replaces .1', async () => {
    const writer = new JournalWriter(path, { maxBytes: 2 * LINE });
    for (let n = 1; n <= 5; n += 1) await writer.append([{ n }]);
    await writer.close();
    expect(await readFile(`${path}.1`, 'utf8')).toBe(linesOf(3, 4));
    expect(await readFile(path, 'utf8')).toBe(lineOf(5));
    expect((await readdir(dir)).sort()).toEqual(['journal.jsonl', 'journal.jsonl.1']);
  });

  it('counts a journal it found on disk towards the limit', async () => {
    await writeFile(path, linesOf(1, 2));
    const writer = new JournalWriter(path, { maxBytes: 2 * LINE });
    await writer.append([{ n: 3 }]);
    await writer.close();
    expect(await readFile(`${path}.1`, 'utf8')).toBe(linesOf(1, 2));
    expect(await readFile(path, 'utf8')).toBe(lineOf(3));
  });

  it('rotates between the lines of one batch as if each had been appended alone', async () => {
    const writer = new JournalWriter(path, { maxBytes: LINE });
    await writer.append([{ n: 1 }, { n: 2 }]);
    await writer.close();
    expect(await readFile(path, 'utf8')).toBe(linesOf(2));
    expect(await readFile(`${path}.1`, 'utf8')).toBe(linesOf(1));
  });

  it('writes a line larger than maxBytes into an empty journal rather than rotating forever', async () => {
    const writer = new JournalWriter(path, { maxBytes: LINE - 1 });
    await writer.append([{ n: 1 }]);
    await writer.close();
    expect(await readFile(path, 'utf8')).toBe(linesOf(1));
    expect(await readdir(dir)).toEqual(['journal.jsonl']);
  });
});

describe('JournalWriter: reset', () => {
  it('runs save with no append in flight, then empties the journal; appends made meanwhile land after it', async () => {
    const writer = new JournalWriter(path);
    await writer.append([{ n: 1 }, { n: 2 }]);
    let seenBySave = '';
    let releaseSave!: () => void;
    const reset = writer.reset(async () => {
      seenBySave = await readFile(path, 'utf8');
      await new Promise<void>((resolve) => (releaseSave = resolve));
    });
    await vi.waitFor(() => expect(releaseSave).toBeDefined());
    let appended = false;
    const during = writer.append([{ n: 3 }]).then(() => (appended = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(appended).toBe(false);

    releaseSave();
    await Promise.all([reset, during]);
    expect(seenBySave).toBe(linesOf(1, 2));
    expect(await readFile(path, 'utf8')).toBe(lineOf(3));
    expect(writer.lines).toBe(1);
    expect(writer.size).toBe(Buffer.byteLength(lineOf(3)));
    await writer.close();
  });

  it('goes ahead of appends queued before it', async () => {
    const writer = new JournalWriter(path);
    const first = writer.append([{ n: 1 }]);
    const queued = writer.append([{ n: 2 }]);
    const order: string[] = [];
    const reset = writer.reset(async () => {
      order.push(`save sees ${(await readFile(path, 'utf8')).trim()}`);
    });
    await Promise.all([first, queued, reset]);
    expect(order).toEqual(['save sees {"n":1}']);
    expect(await readFile(path, 'utf8')).toBe(lineOf(2));
    await writer.close();
  });

  it('shares one reset among those requested while it waits', async () => {
    const writer = new JournalWriter(path);
    const first = writer.append([{ n: 1 }]);
    const saveA = vi.fn(async () => undefined);
    const saveB = vi.fn(async () => undefined);
    const resetA = writer.reset(saveA);
    const resetB = writer.reset(saveB);
    await Promise.all([first, resetA, resetB]);
    expect(saveA).toHaveBeenCalledTimes(1);
    expect(saveB).not.toHaveBeenCalled();
    expect(await readFile(path, 'utf8')).toBe('');
    await writer.close();
  });

  it('leaves the journal whole when save fails, and rejects with its error', async () => {
    const writer = new JournalWriter(path);
    await writer.append([{ n: 1 }]);
    const failure = new Error('snapshot failed');
    await expect(writer.reset(() => Promise.reject(failure))).rejects.toBe(failure);
    expect(await readFile(path, 'utf8')).toBe(lineOf(1));
    await writer.append([{ n: 2 }]);
    expect(writer.lines).toBe(2);
    await writer.close();
    expect(await readFile(path, 'utf8')).toBe(linesOf(1, 2));
  });

  it('does not create a missing journal', async () => {
    const writer = new JournalWriter(path);
    const save = vi.fn(async () => undefined);
    await writer.reset(save);
    await writer.close();
    expect(save).toHaveBeenCalledTimes(1);
    expect(await readdir(dir)).toEqual([]);
  });
});
