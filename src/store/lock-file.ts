/**
 * The one-writer lock beside the store. The owner's pid is OS state, read from `node:process`
 * here (the only place in the store that needs it), not printing nor exiting.
 *
 * A pid alone does not identify a process for long: after a reboot or a container restart the
 * recorded pid may belong to another live process, or to the new avito-ai itself (pid 1 in a
 * container). So the lock also records the kernel boot id and the holder's start time (Linux
 * `/proc`), and a pid that now names a different process does not keep the store locked forever.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
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
  /** The kernel boot id when the lock was taken (Linux only). */
  bootId?: string;
  /** The owner's start time in clock ticks since boot, field 22 of `/proc/<pid>/stat` (Linux only). */
  processStart?: number;
}

/** Where the OS facts come from; tests point `procRoot` at a fake tree. */
export interface LockOptions {
  /** Default `/proc`; a missing or unreadable tree falls back to a plain pid-alive check. */
  procRoot?: string;
}

/** A stale lock is removed and creation retried; a few rounds cover racing take-overs. */
const ACQUIRE_ATTEMPTS = 3;

/**
 * Lock files this process holds now (resolved path). A lock carrying our own pid but absent
 * here was left by an earlier process that had the same pid; one present here is really ours.
 */
const heldLocks = new Set<string>();

/**
 * Creates `lockPath` exclusively (`wx`, mode 0600) for this process. An existing lock held by a
 * live process on this host, or written on another host (where liveness cannot be checked),
 * throws `StoreError{reason:'locked'}`. A lock is stale, and taken over, when it cannot be
 * parsed, its pid is dead, its pid is ours but this process never took it, its boot id differs
 * from the current one, or its pid is alive but started at another time than recorded.
 */
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

/**
 * Who holds the lock now, for `avito-ai doctor`: `undefined` when nobody does; `stale` when the
 * next writer would take it over (its process is gone).
 */
export async function inspectLock(lockPath: string, options: LockOptions = {}): Promise<{ holder: LockOwner; stale: boolean } | undefined> {
  const holder = await readLock(lockPath);
  if (holder === undefined) return undefined;
  const procRoot = options.procRoot ?? '/proc';
  return { holder, stale: await isLockStale(holder, lockPath, hostname(), await readBootId(procRoot), procRoot) };
}

/**
 * Whether `holder`'s lock can be taken over. A foreign host's lock never is: it may be a real
 * second machine on shared storage, and boot ids and pids mean nothing across hosts.
 */
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
    const { pid, hostname: host, startedAt, bootId, processStart } = value as Record<string, unknown>;
    // pid 0 or negative would make kill() signal a whole process group: never trust it.
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof host !== 'string') return undefined;
    return {
      pid,
      hostname: host,
      startedAt: typeof startedAt === 'string' ? startedAt : '',
      // Malformed optional fields are ignored, leaving the checks that do not need them.
      ...(typeof bootId === 'string' && bootId !== '' ? { bootId } : {}),
      ...(isTickCount(processStart) ? { processStart } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The kernel's boot id; `undefined` off Linux or when unreadable. */
async function readBootId(procRoot: string): Promise<string | undefined> {
  try {
    const id = (await readFile(join(procRoot, 'sys/kernel/random/boot_id'), 'utf8')).trim();
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

/** Field 22 (starttime) of `/proc/<pid>/stat`; `undefined` when absent or unparsable. */
async function readProcessStart(procRoot: string, pid: number): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(join(procRoot, String(pid), 'stat'), 'utf8');
  } catch {
    return undefined;
  }
  // Field 2 is the command name in parentheses and may itself hold spaces or ')': fields 3..
  // follow the last ')'.
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
