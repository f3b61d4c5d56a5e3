/** Crash-safe file primitives: every file is private (0600) and a rename is only trusted after fsync. */
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readErrorCode, toStoreIoError } from './fs-errors.js';

/** Owner read/write only: the store holds buyers' messages. */
export const PRIVATE_FILE_MODE = 0o600;

/** Where `path` is staged before the atomic rename: a hidden sibling, so the rename never crosses devices. */
export function getTempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`);
}

/**
 * Makes a finished rename survive a power cut. Some platforms cannot fsync a directory
 * (Windows, some network file systems); there the rename is as durable as the OS makes it.
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = readErrorCode(error);
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

/** Large rewrites go out in pieces of about this many characters, never as one giant string. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Replaces `path` with `content` atomically: temp file (mode 0600) in the same directory, fsync,
 * rename, fsync of the directory. A reader sees the old or the new file, never a mix.
 * `content` may be a sequence of pieces (e.g. journal lines) that are concatenated.
 * Throws `StoreError{reason:'io'}` naming `path`.
 */
export async function writeFileAtomic(path: string, content: string | Iterable<string>): Promise<void> {
  const tempPath = getTempPath(path);
  let handle;
  try {
    handle = await open(tempPath, 'w', PRIVATE_FILE_MODE);
    if (typeof content === 'string') {
      await handle.writeFile(content, 'utf8');
    } else {
      let chunk = '';
      for (const piece of content) {
        chunk += piece;
        if (chunk.length < WRITE_CHUNK_CHARS) continue;
        await handle.writeFile(chunk, 'utf8');
        chunk = '';
      }
      if (chunk !== '') await handle.writeFile(chunk, 'utf8');
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tempPath, path);
    await syncDirectory(dirname(path));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    // A half-written temp file is garbage; the real file was never touched.
    await unlink(tempPath).catch(() => undefined);
    throw toStoreIoError(error, path, 'write');
  }
}
