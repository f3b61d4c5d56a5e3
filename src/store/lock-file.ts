/** One writer at a time. After a reboot or container restart a pid may name another process: hence boot id and start time. */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { kill, pid as ownPid } from 'node:process';
import { StoreError } from '../errors.js';
import { PRIVATE_FILE_MODE } from './durable-fs.js';
import { readErrorCode, toStoreIoError } from './fs-errors.js';

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  bootId?: string;
  /** Clock ticks since boot, field 22 of `/proc/<pid>/stat`. */
  processStart?: number;
}

export interface LockOptions {
  /** Tests point it at a fake tree; a missing one falls back to a plain pid-alive check. */
  procRoot?: string;
}

/** A stale lock is removed and creation retried; a few rounds cover racing take-overs. */
const ACQUIRE_ATTEMPTS = 3;

/** Resolved paths: a lock with our own pid but absent here was left by an earlier process with the same pid. */
const heldLocks = new Set<string>();

/** Creates the lock exclusively (`wx`); throws 'locked' unless the lock there is stale (see `isLockStale`). */
export async function acquireLock(
  lockPath: string,
  storePath: string,
  now: () => number,
  options: LockOptions = {},
): Promise<LockOwner> {
  const procRoot = options.procRoot ?? '/proc';
  const host = hostname();
  const bootId = await readBootId(procRoot);
  const processStart = await readProcessStart(procRoot, ownPid);
  const owner: LockOwner = {
    pid: ownPid,
    hostname: host,
    startedAt: new Date(now()).toISOString(),
    ...(bootId === undefined ? {} : { bootId }),
    ...(processStart === undefined ? {} : { processStart }),
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      await writeFile(lockPath, `${JSON.stringify(owner)}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
      heldLocks.add(resolve(lockPath));
      return owner;
    } catch (error) {
      if (readErrorCode(error) !== 'EEXIST') throw toStoreIoError(error, lockPath, 'write');
    }
    const holder = await readLock(lockPath);
    if (holder !== undefined && !(await isLockStale(holder, lockPath, host, bootId, procRoot))) {
      throw createLockedError(holder, host, storePath, lockPath);
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
  heldLocks.delete(resolve(lockPath));
  const holder = await readLock(lockPath).catch(() => undefined);
  if (holder?.pid !== owner.pid || holder.hostname !== owner.hostname || holder.startedAt !== owner.startedAt) return;
  await unlink(lockPath).catch((error: unknown) => {
    if (readErrorCode(error) !== 'ENOENT') throw toStoreIoError(error, lockPath, 'write');
  });
}

/** For `avito-ai doctor`: `stale` when the next writer would take the lock over. */
export async function inspectLock(lockPath: string, options: LockOptions = {}): Promise<{ holder: LockOwner; stale: boolean } | undefined> {
  const holder = await readLock(lockPath);
  if (holder === undefined) return undefined;
  const procRoot = options.procRoot ?? '/proc';
  return { holder, stale: await isLockStale(holder, lockPath, hostname(), await readBootId(procRoot), procRoot) };
}

/** A foreign host's lock is never stale: it may be a second machine on shared storage, where our pids mean nothing. */
async function isLockStale(
  holder: LockOwner,
  lockPath: string,
  host: string,
  bootId: string | undefined,
  procRoot: string,
): Promise<boolean> {
  if (holder.hostname !== host) return false;
  if (holder.pid === ownPid) return !heldLocks.has(resolve(lockPath));
  if (holder.bootId !== undefined && bootId !== undefined && holder.bootId !== bootId) return true;
  if (!isProcessAlive(holder.pid)) return true;
  if (holder.processStart === undefined) return false;
  const start = await readProcessStart(procRoot, holder.pid);
  // Unknown (no /proc, or it vanished meanwhile): keep the plain pid-alive answer.
  return start !== undefined && start !== holder.processStart;
}

/** `undefined` when the file is gone or unparsable (stale). */
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
    const { pid, hostname: host, startedAt, bootId, processStart } = value as Record<string, unknown>;
    // pid 0 or negative would make kill() signal a whole process group: never trust it.
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof host !== 'string') return undefined;
    return {
      pid,
      hostname: host,
      startedAt: typeof startedAt === 'string' ? startedAt : '',
      ...(typeof bootId === 'string' && bootId !== '' ? { bootId } : {}),
      ...(isTickCount(processStart) ? { processStart } : {}),
    };
  } catch {
    return undefined;
  }
}

async function readBootId(procRoot: string): Promise<string | undefined> {
  try {
    const id = (await readFile(join(procRoot, 'sys/kernel/random/boot_id'), 'utf8')).trim();
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

async function readProcessStart(procRoot: string, pid: number): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(join(procRoot, String(pid), 'stat'), 'utf8');
  } catch {
    return undefined;
  }
  // Field 2, the command name in parentheses, may hold spaces or ')': fields from 3 on follow the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 1).trim().split(/\s+/);
  const field = fields[22 - 3];
  if (field === undefined || !/^\d+$/.test(field)) return undefined;
  const ticks = Number(field);
  return isTickCount(ticks) ? ticks : undefined;
}

function isTickCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
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
  if (holder.hostname !== host) {
    return new StoreError(
      `${storePath} is locked by avito-ai on host ${holder.hostname} (pid ${holder.pid}); if that process is gone, delete ${lockPath}`,
      storePath,
      'locked',
      { hint: 'a lock from another host is never taken over: it may be a second machine sharing this storage' },
    );
  }
  return new StoreError(
    `Another avito-ai process (pid ${holder.pid}) is using ${storePath}; stop it first or set STORE_PATH to another file`,
    storePath,
    'locked',
    { hint: `if no such process is running any more, delete ${lockPath}` },
  );
}
