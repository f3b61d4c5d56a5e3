/**
 * The one-writer lock beside the store. The owner's pid is OS state, read from `node:process`
 * here (the only place in the store that needs it), not printing nor exiting.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { kill, pid as ownPid } from 'node:process';
import { StoreError } from '../errors.js';
import { PRIVATE_FILE_MODE } from './durable-fs.js';
import { readErrorCode, toStoreIoError } from './fs-errors.js';

/** What the lock file holds. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** ISO time the owner opened the store. */
  startedAt: string;
}

/** A stale lock is removed and creation retried; a few rounds cover racing take-overs. */
const ACQUIRE_ATTEMPTS = 3;

/**
 * Creates `lockPath` exclusively (`wx`) for this process. An existing lock whose pid is alive on
 * this host (or that belongs to another host, where liveness cannot be checked) throws
 * `StoreError{reason:'locked'}`; a lock whose pid is dead, or that cannot be parsed, is stale
 * and taken over.
 */
export async function acquireLock(lockPath: string, storePath: string, now: () => number): Promise<LockOwner> {
  const owner: LockOwner = { pid: ownPid, hostname: hostname(), startedAt: new Date(now()).toISOString() };
  for (let attempt = 1; ; attempt += 1) {
    try {
      await writeFile(lockPath, `${JSON.stringify(owner)}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
      return owner;
    } catch (error) {
      if (readErrorCode(error) !== 'EEXIST') throw toStoreIoError(error, lockPath, 'write');
    }
    const holder = await readLock(lockPath);
    if (holder !== undefined && (holder.hostname !== owner.hostname || isProcessAlive(holder.pid))) {
      throw createLockedError(holder, owner.hostname, storePath, lockPath);
    }
    if (attempt >= ACQUIRE_ATTEMPTS) {
      throw new StoreError(`Cannot take over the stale lock ${lockPath}`, storePath, 'locked', {
        hint: 'another avito-ai may be starting at this moment; try again',
      });
    }
    await unlink(lockPath).catch((error: unknown) => {
      if (readErrorCode(error) !== 'ENOENT') throw toStoreIoError(error, lockPath, 'write');
    });
  }
}

/** Removes the lock if it is still ours (a process that found it stale may have taken it over). */
export async function releaseLock(lockPath: string, owner: LockOwner): Promise<void> {
  const holder = await readLock(lockPath).catch(() => undefined);
  if (holder?.pid !== owner.pid || holder.hostname !== owner.hostname || holder.startedAt !== owner.startedAt) return;
  await unlink(lockPath).catch((error: unknown) => {
    if (readErrorCode(error) !== 'ENOENT') throw toStoreIoError(error, lockPath, 'write');
  });
}

/** The lock's owner; `undefined` when the file is gone or unparsable (stale). */
async function readLock(lockPath: string): Promise<LockOwner | undefined> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if (readErrorCode(error) === 'ENOENT') return undefined;
    throw toStoreIoError(error, lockPath, 'read');
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, hostname: host, startedAt } = value as Record<string, unknown>;
    // pid 0 or negative would make kill() signal a whole process group: never trust it.
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof host !== 'string') return undefined;
    return { pid, hostname: host, startedAt: typeof startedAt === 'string' ? startedAt : '' };
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return readErrorCode(error) !== 'ESRCH';
  }
}

function createLockedError(holder: LockOwner, host: string, storePath: string, lockPath: string): StoreError {
  const who = holder.hostname === host ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.hostname}`;
  return new StoreError(
    `Another avito-ai process (${who}) is using ${storePath}; stop it first or set STORE_PATH to another file`,
    storePath,
    'locked',
    { hint: `if no such process is running any more, delete ${lockPath}` },
  );
}
