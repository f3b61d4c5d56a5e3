import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readErrorCode, toStoreIoError } from './fs-errors.js';

/** Owner read/write only: the store holds buyers' messages. */
export const PRIVATE_FILE_MODE = 0o600;

/** Where `path` is staged before the atomic rename: a hidden sibling, so the rename never crosses devices. */
export function getTempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`);
}

/** Makes a rename survive a power cut where a directory can be fsynced (not on Windows, some network file systems). */
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

const WRITE_CHUNK_CHARS = 1 << 20;

/** A reader sees the old or the new file, never a mix; pieces (journal lines) go out in chunks, never joined whole. */
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
