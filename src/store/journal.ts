/** Append-only JSON Lines journals: persisting a record is one appended line and an fdatasync, whatever the size. */
import { createReadStream } from 'node:fs';
import { open, rename, stat, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreError } from '../errors.js';
import { PRIVATE_FILE_MODE, syncDirectory, writeFileAtomic } from './durable-fs.js';
import { createCorruptError, readErrorCode, toStoreIoError } from './fs-errors.js';
import { storeText } from '../messages/store.js';

const NEWLINE = 0x0a;

export interface JournalScan {
  records: number;
  size: number;
  /** Bytes worth keeping: everything before a torn last line. */
  validEnd: number;
  /** The last record was complete but its newline was not written. */
  unterminated: boolean;
}

export interface ReadJournalOptions<T> {
  /** Narrows a parsed line; a line it rejects counts as corrupt. */
  accept: (value: unknown) => value is T;
  onRecord: (record: T) => void;
}

/** A torn last line (a crash mid-append) is reported in `validEnd`; a bad line elsewhere throws 'corrupt': skipping it would hide lost data. */
export async function readJournal<T>(path: string, options: ReadJournalOptions<T>): Promise<JournalScan | undefined> {
  const scan: JournalScan = { records: 0, size: 0, validEnd: 0, unterminated: false };
  // A line that did not parse: harmless if nothing but blanks follows it (torn), corrupt otherwise.
  let suspect: { line: number; start: number; problem: string } | undefined;
  let lineNumber = 0;

  const takeLine = (bytes: Buffer, start: number, end: number): void => {
    lineNumber += 1;
    const text = bytes.toString('utf8');
    if (text.trim() === '') {
      if (suspect === undefined) scan.validEnd = end;
      return;
    }
    if (suspect !== undefined) {
      throw createCorruptError(path, storeText().journalLine(suspect.line, suspect.problem));
    }
    const problem = parseLine(text, options);
    if (problem === undefined) {
      scan.records += 1;
      scan.validEnd = end;
    } else {
      suspect = { line: lineNumber, start, problem };
    }
  };

  const read = await streamLines(path, takeLine);
  if (read === undefined) return undefined;
  scan.size = read.size;
  const tail = read.tail?.toString('utf8') ?? '';
  if (tail.trim() !== '') {
    if (suspect !== undefined) throw createCorruptError(path, storeText().journalLine(suspect.line, suspect.problem));
    if (parseLine(tail, options) === undefined) {
      scan.records += 1;
      scan.validEnd = read.size;
      scan.unterminated = true;
    } else {
      scan.validEnd = read.tailStart;
    }
  }
  if (suspect !== undefined) scan.validEnd = suspect.start;
  return scan;
}

/** Streams the file so memory stays flat however large it is; `undefined` when it is missing. */
async function streamLines(
  path: string,
  onLine: (bytes: Buffer, start: number, end: number) => void,
): Promise<{ size: number; tail: Buffer | undefined; tailStart: number } | undefined> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let offset = 0;
  let carry: Buffer[] = [];
  let carryStart = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, from)) {
        const piece = chunk.subarray(from, newline);
        const line = carry.length === 0 ? piece : Buffer.concat([...carry, piece]);
        const start = carry.length === 0 ? offset + from : carryStart;
        carry = [];
        onLine(line, start, offset + newline + 1);
        from = newline + 1;
      }
      if (from < chunk.length) {
        if (carry.length === 0) carryStart = offset + from;
        carry.push(chunk.subarray(from));
      }
      offset += chunk.length;
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof StoreError) throw error;
    if (readErrorCode(error) === 'ENOENT') return undefined;
    throw toStoreIoError(error, path, 'read');
  }
  return { size: offset, tail: carry.length > 0 ? Buffer.concat(carry) : undefined, tailStart: carryStart };
}

function parseLine<T>(text: string, options: ReadJournalOptions<T>): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return storeText().lineNotJson;
  }
  if (!options.accept(value)) return storeText().lineWrongShape;
  options.onRecord(value);
  return undefined;
}

/** Cuts a torn last line off, or ends an unterminated record (else the next append would glue onto it). */
export async function repairJournal(path: string, scan: JournalScan): Promise<void> {
  try {
    if (scan.validEnd < scan.size) {
      await truncate(path, scan.validEnd);
    } else if (scan.unterminated) {
      const handle = await open(path, 'a');
      try {
        await handle.write('\n');
        await handle.datasync();
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    throw toStoreIoError(error, path, 'write');
  }
}

export async function rewriteJournal(path: string, lines: Iterable<string>): Promise<void> {
  await writeFileAtomic(path, mapLines(lines));
}

function* mapLines(lines: Iterable<string>): Iterable<string> {
  for (const line of lines) yield `${line}\n`;
}

export interface JournalWriterOptions {
  /** Rotate (to `<path>.1`, one old generation kept) before the file would exceed this. */
  maxBytes?: number;
  /** Called once a write's records are on disk, before anyone else hears of it. */
  onWritten?: (records: readonly unknown[]) => void;
}

interface Batch {
  text: string;
  records: unknown[];
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Reset {
  save: () => Promise<void>;
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function createDeferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Appends arriving while one is synced are grouped into the next write (group commit): one fdatasync covers them. */
export class JournalWriter {
  readonly path: string;
  readonly #maxBytes: number;
  readonly #onWritten: ((records: readonly unknown[]) => void) | undefined;
  #handle: FileHandle | undefined;
  #size = 0;
  #lines = 0;
  #next: Batch | undefined;
  #reset: Reset | undefined;
  #draining: Promise<void> | undefined;
  /** Set when a failed append could not be undone: appending more would bury a corrupt line. */
  #broken: StoreError | undefined;

  constructor(path: string, options: JournalWriterOptions = {}) {
    this.path = path;
    this.#maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.#onWritten = options.onWritten;
  }

  /** As far as this writer knows: 0 before its first append. */
  get size(): number {
    return this.#size;
  }

  get lines(): number {
    return this.#lines;
  }

  /** The records are serialized before this returns; it resolves once they are on disk. */
  append(records: readonly unknown[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    this.#next ??= { text: '', records: [], ...createDeferred() };
    this.#next.text += text;
    this.#next.records.push(...records);
    const { promise } = this.#next;
    this.#draining ??= this.#drain();
    return promise;
  }

  /** Folds the journal into the snapshot `save` writes, with no append in flight, then empties it; appends meanwhile wait, a waiting reset is shared, a failed `save` leaves the journal. */
  reset(save: () => Promise<void>): Promise<void> {
    this.#reset ??= { save, ...createDeferred() };
    const { promise } = this.#reset;
    this.#draining ??= this.#drain();
    return promise;
  }

  async close(): Promise<void> {
    await this.#draining;
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }

  async #drain(): Promise<void> {
    for (;;) {
      // A reset goes first: under steady appends there is always a next batch to starve it.
      const reset = this.#reset;
      if (reset !== undefined) {
        this.#reset = undefined;
        try {
          await reset.save();
          await this.#empty();
          reset.resolve();
        } catch (error) {
          reset.reject(error);
        }
        continue;
      }
      const batch = this.#next;
      if (batch === undefined) break;
      this.#next = undefined;
      try {
        await this.#write(batch.text);
        this.#lines += batch.records.length;
        this.#onWritten?.(batch.records);
        batch.resolve();
      } catch (error) {
        batch.reject(error);
      }
    }
    this.#draining = undefined;
  }

  async #empty(): Promise<void> {
    // A journal that does not exist is empty already; creating it would gain nothing.
    if (this.#handle === undefined && !(await this.#exists())) return;
    const handle = await this.#open();
    try {
      await handle.truncate(0);
      await handle.datasync();
    } catch (error) {
      throw toStoreIoError(error, this.path, 'write');
    }
    this.#size = 0;
    this.#lines = 0;
    // Whatever partial line made the journal unusable is gone with the rest.
    this.#broken = undefined;
  }

  async #write(text: string): Promise<void> {
    if (this.#broken) throw this.#broken;
    await this.#open();
    for (const chunk of this.#chunksByRotation(text)) {
      if (chunk.rotateFirst) await this.#rotate();
      await this.#writeChunk(Buffer.from(chunk.text, 'utf8'));
    }
  }

  /** A batch (a fold moves a whole journal at once) rotates between the same lines as if each were appended alone. */
  *#chunksByRotation(text: string): Iterable<{ text: string; rotateFirst: boolean }> {
    if (!Number.isFinite(this.#maxBytes)) {
      yield { text, rotateFirst: false };
      return;
    }
    let size = this.#size;
    let chunk = '';
    let rotateFirst = false;
    for (const line of text.split(/(?<=\n)/)) {
      const bytes = Buffer.byteLength(line, 'utf8');
      if (size > 0 && size + bytes > this.#maxBytes) {
        if (chunk !== '') yield { text: chunk, rotateFirst };
        chunk = '';
        rotateFirst = true;
        size = 0;
      }
      chunk += line;
      size += bytes;
    }
    if (chunk !== '') yield { text: chunk, rotateFirst };
  }

  async #writeChunk(bytes: Buffer): Promise<void> {
    const handle = await this.#open();
    let written = 0;
    try {
      while (written < bytes.length) {
        const result = await handle.write(bytes, written, bytes.length - written);
        written += result.bytesWritten;
      }
      await handle.datasync();
      this.#size += bytes.length;
    } catch (error) {
      const failure = toStoreIoError(error, this.path, 'write');
      if (written > 0) await this.#undoPartialWrite(handle, failure);
      throw failure;
    }
  }

  /** Cuts a partial line off, so the next append does not leave a corrupt line mid-journal. */
  async #undoPartialWrite(handle: FileHandle, failure: StoreError): Promise<void> {
    try {
      await handle.truncate(this.#size);
    } catch {
      this.#broken = new StoreError(storeText().journalBroken(failure.message), this.path, 'io', {
        cause: failure,
        hint: storeText().journalBrokenHint(failure.hint ?? storeText().fixTheProblem),
      });
    }
  }

  async #exists(): Promise<boolean> {
    try {
      await stat(this.path);
      return true;
    } catch (error) {
      if (readErrorCode(error) === 'ENOENT') return false;
      throw toStoreIoError(error, this.path, 'write');
    }
  }

  async #open(): Promise<FileHandle> {
    if (this.#handle) return this.#handle;
    try {
      const handle = await open(this.path, 'a', PRIVATE_FILE_MODE);
      try {
        this.#size = (await handle.stat()).size;
        await syncDirectory(dirname(this.path));
      } catch (error) {
        await handle.close();
        throw error;
      }
      this.#handle = handle;
      return handle;
    } catch (error) {
      throw toStoreIoError(error, this.path, 'write');
    }
  }

  async #rotate(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    try {
      await handle?.close();
      await rename(this.path, `${this.path}.1`);
      await syncDirectory(dirname(this.path));
    } catch (error) {
      throw toStoreIoError(error, this.path, 'write');
    }
    this.#size = 0;
    this.#lines = 0;
  }
}
