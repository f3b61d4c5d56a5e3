import { dirname } from 'node:path';
import { StoreError } from '../errors.js';
import { adaptersText } from '../messages/adapters.js';

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
  switch (code) {
    case 'ENOSPC':
      return 'disk full: free some space, then restart avito-ai';
    case 'EDQUOT':
      return 'disk quota exceeded: free some space or raise the quota';
    case 'EROFS':
      return 'the file system is read-only: set STORE_PATH to a writable location';
    case 'EACCES':
    case 'EPERM':
      return action === 'read'
        ? `${path} is not readable by this user: fix its permissions`
        : `${dirname(path)} is not writable by this user: run avito-ai as its owner, or sudo chown -R "$(id -un)" ${dirname(path)}, or set STORE_PATH elsewhere`;
    case 'EISDIR':
      return `${path} is a directory: move it away or set STORE_PATH to a file`;
    case 'ENOTDIR':
      return `a part of ${dirname(path)} is a file, not a directory: set STORE_PATH elsewhere`;
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files: raise the limit (ulimit -n)';
    default:
      return `check that ${dirname(path)} exists and is ${action === 'read' ? 'readable' : 'writable'}`;
  }
}

/** A `StoreError` passes through, so a low-level helper's own error is never wrapped twice. */
export function toStoreIoError(error: unknown, path: string, action: 'read' | 'write'): StoreError {
  if (error instanceof StoreError) return error;
  const code = readErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  // The failing path may be a temp file or the directory, not the store file itself.
  const failedPath = readErrorPath(error) ?? path;
  return new StoreError(`Cannot ${action} ${path}: ${detail}`, path, 'io', {
    cause: error,
    hint: describeFix(code, failedPath, action),
  });
}

export function createCorruptError(path: string, problem: string, cause?: unknown): StoreError {
  return new StoreError(adaptersText().corrupt(path, problem), path, 'corrupt', { cause, hint: adaptersText().corruptHint });
}
