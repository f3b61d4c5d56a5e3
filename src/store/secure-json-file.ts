import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { createCorruptError, readErrorCode, toStoreIoError } from './fs-errors.js';
import { writeFileAtomic } from './durable-fs.js';
import { storeText } from '../messages/store.js';

export interface SecureJsonFileOptions<T> {
  /** Turns the parsed JSON into `T` (migrate, validate); throws a `StoreError` when it cannot. */
  revive?: (raw: unknown) => T;
}

interface QueuedWrite<T> {
  data: T;
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * lowdb's `JSONFile` neither creates the file 0600 nor fsyncs before renaming (a power cut could leave it empty). An empty
 * or unparsable file throws 'corrupt', left as it is. Writes coalesce: the newest queued data goes next, for every waiting caller.
 */
export class SecureJsonFile<T> implements Adapter<T> {
  readonly path: string;
  readonly #revive: ((raw: unknown) => T) | undefined;
  #inFlight: Promise<void> | undefined;
  #queued: QueuedWrite<T> | undefined;

  constructor(path: string, options: SecureJsonFileOptions<T> = {}) {
    this.path = path;
    this.#revive = options.revive;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (readErrorCode(error) === 'ENOENT') return null;
      throw toStoreIoError(error, this.path, 'read');
    }
    // Only a missing file means a fresh store: an empty one is a write that was cut short.
    if (text.trim() === '') throw createCorruptError(this.path, storeText().fileEmpty);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw createCorruptError(this.path, storeText().fileNotJson(describeJsonError(error)), error);
    }
    return this.#revive ? this.#revive(raw) : (raw as T);
  }

  write(data: T): Promise<void> {
    if (this.#inFlight === undefined) return this.#start(data);
    if (this.#queued === undefined) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.#queued = { data, promise, resolve, reject };
    }
    this.#queued.data = data;
    return this.#queued.promise;
  }

  /** Resolves when no write is in flight or queued (failures are reported to their callers, not here). */
  async flush(): Promise<void> {
    while (this.#inFlight !== undefined) await this.#inFlight.catch(() => undefined);
  }

  #start(data: T): Promise<void> {
    // Serialize now: the caller may keep mutating the same object while the write runs.
    const text = `${JSON.stringify(data)}\n`;
    const run = writeFileAtomic(this.path, text).finally(() => {
      this.#inFlight = undefined;
      const next = this.#queued;
      if (next === undefined) return;
      this.#queued = undefined;
      this.#start(next.data).then(next.resolve, next.reject);
    });
    this.#inFlight = run;
    return run;
  }
}

/** V8 quotes the file's text around a JSON error (buyers' words, control bytes): keep only the position. */
function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return message.replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, ' in JSON').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
