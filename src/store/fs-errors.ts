import { dirname } from 'node:path';
import { StoreError } from '../errors.js';
import { adaptersText } from '../messages/adapters.js';
import { storeText } from '../messages/store.js';

export function readErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}

function readErrorPath(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('path' in error)) return undefined;
  const { path } = error as { path: unknown };
  return typeof path === 'string' ? path : undefined;
}

function describeFix(code: string | undefined, path: string, action: 'read' | 'write'): string {
  const text = storeText();
  switch (code) {
    case 'ENOSPC':
      return text.diskFull;
    case 'EDQUOT':
      return text.quotaExceeded;
    case 'EROFS':
      return text.readOnlyFs;
    case 'EACCES':
    case 'EPERM':
      return action === 'read' ? text.notReadable(path) : text.notWritable(dirname(path));
    case 'EISDIR':
      return text.isDirectory(path);
    case 'ENOTDIR':
      return text.notDirectory(dirname(path));
    case 'EMFILE':
    case 'ENFILE':
      return text.tooManyFiles;
    default:
      return action === 'read' ? text.checkReadable(dirname(path)) : text.checkWritable(dirname(path));
  }
}

/** A `StoreError` passes through, so a low-level helper's own error is never wrapped twice. */
export function toStoreIoError(error: unknown, path: string, action: 'read' | 'write'): StoreError {
  if (error instanceof StoreError) return error;
  const code = readErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  // The failing path may be a temp file or the directory, not the store file itself.
  const failedPath = readErrorPath(error) ?? path;
  return new StoreError(action === 'read' ? storeText().cannotRead(path, detail) : storeText().cannotWrite(path, detail), path, 'io', {
    cause: error,
    hint: describeFix(code, failedPath, action),
  });
}

export function createCorruptError(path: string, problem: string, cause?: unknown): StoreError {
  return new StoreError(adaptersText().corrupt(path, problem), path, 'corrupt', { cause, hint: adaptersText().corruptHint });
}
