/** One writer at a time: on Linux the kernel arbitrates on this host (`claimHostLock`), the file names the holder for other hosts; boot id and start time, as a reboot may reuse a pid. */
import { createHash } from 'node:crypto';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { kill, pid as ownPid, platform } from 'node:process';
import { StoreError } from '../errors.js';
import { PRIVATE_FILE_MODE, writeFileAtomic } from './durable-fs.js';
import { readErrorCode, toStoreIoError } from './fs-errors.js';
import { adaptersText } from '../messages/adapters.js';

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

/** Without the host lock, a stale lock is removed and creation retried; a few rounds cover racing take-overs. */
const ACQUIRE_ATTEMPTS = 3;

/** Resolved path → host lock. A lock with our own pid but absent here was left by an earlier process with the same pid. */
const heldLocks = new Map<string, Server | undefined>();

/** Throws 'locked' unless the lock is free or stale (see `isLockStale`); only the host lock's holder may replace a stale file. */
export async function acquireLock(
  lockPath: string,
  storePath: string,
  now: () => number,
  options: LockOptions = {},
): Promise<LockOwner> {
  const procRoot = options.procRoot ?? '/proc';
  const owner = await describeOwner(now, procRoot);
  const claim = await claimHostLock(lockPath);
  if (claim === 'taken') throw await createTakenError(lockPath, storePath, procRoot);
  try {
    await writeLockFile(lockPath, storePath, owner, procRoot, claim !== undefined);
  } catch (error) {
    await closeHostLock(claim);
    throw error;
  }
  heldLocks.set(resolve(lockPath), claim);
  return owner;
}

async function describeOwner(now: () => number, procRoot: string): Promise<LockOwner> {
  const bootId = await readBootId(procRoot);
  const processStart = await readProcessStart(procRoot, ownPid);
  return {
    pid: ownPid,
    hostname: hostname(),
    startedAt: new Date(now()).toISOString(),
    ...(bootId === undefined ? {} : { bootId }),
    ...(processStart === undefined ? {} : { processStart }),
  };
}

async function writeLockFile(lockPath: string, storePath: string, owner: LockOwner, procRoot: string, hostLocked: boolean): Promise<void> {
  const content = `${JSON.stringify(owner)}\n`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await writeFile(lockPath, content, { flag: 'wx', mode: PRIVATE_FILE_MODE });
      return;
    } catch (error) {
      if (readErrorCode(error) !== 'EEXIST') throw toStoreIoError(error, lockPath, 'write');
    }
    const holder = await readLock(lockPath);
    if (holder !== undefined && !(await isLockStale(holder, lockPath, owner.hostname, owner.bootId, procRoot))) {
      throw createLockedError(holder, owner.hostname, storePath, lockPath);
    }
    // Replaced by a rename: a reader on another host sees the old holder or us, never no lock at all.
    if (hostLocked) return writeFileAtomic(lockPath, content);
    if (attempt >= ACQUIRE_ATTEMPTS) throw createBusyError(lockPath, storePath);
    await unlink(lockPath).catch((error: unknown) => {
      if (readErrorCode(error) !== 'ENOENT') throw toStoreIoError(error, lockPath, 'write');
    });
  }
}

/**
 * A listening socket in Linux's abstract namespace, named after the lock's directory (device and inode: every path agrees) and file: binding is atomic,
 * and the kernel frees it when its process dies, so no stale state is left to race over. `undefined` without abstract sockets: the file alone decides, racily.
 */
async function claimHostLock(lockPath: string): Promise<Server | 'taken' | undefined> {
  if (platform !== 'linux') return undefined;
  let dir;
  try {
    dir = await stat(dirname(lockPath));
  } catch {
    // Writing the lock file reports it.
    return undefined;
  }
  const name = createHash('sha256').update(`${dir.dev}:${dir.ino}:${basename(lockPath)}`).digest('hex').slice(0, 32);
  const server = createServer((socket) => socket.destroy());
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen({ path: `\0avito-ai-lock-${name}` }, () => {
        server.off('error', fail);
        done();
      });
    });
  } catch (error) {
    return readErrorCode(error) === 'EADDRINUSE' ? 'taken' : undefined;
  }
  // Holding the lock must not keep a finished command alive.
  server.unref();
  return server;
}

async function closeHostLock(server: Server | 'taken' | undefined): Promise<void> {
  if (server === undefined || server === 'taken') return;
  await new Promise<void>((done) => server.close(() => done()));
}

/** Another process holds the host lock: its lock file names it, unless it is taking or leaving the lock right now. */
async function createTakenError(lockPath: string, storePath: string, procRoot: string): Promise<StoreError> {
  const holder = await readLock(lockPath).catch(() => undefined);
  const host = hostname();
  if (holder !== undefined && !(await isLockStale(holder, lockPath, host, await readBootId(procRoot), procRoot))) {
    return createLockedError(holder, host, storePath, lockPath);
  }
  return createBusyError(lockPath, storePath);
}

function createBusyError(lockPath: string, storePath: string): StoreError {
  return new StoreError(adaptersText().storeBusy(lockPath), storePath, 'locked', { hint: adaptersText().storeBusyHint });
}

/** Removes the lock if it is still ours (a process that found it stale may have taken it over). */
export async function releaseLock(lockPath: string, owner: LockOwner): Promise<void> {
  const key = resolve(lockPath);
  const server = heldLocks.get(key);
  heldLocks.delete(key);
  try {
    const holder = await readLock(lockPath).catch(() => undefined);
    if (holder?.pid !== owner.pid || holder.hostname !== owner.hostname || holder.startedAt !== owner.startedAt) return;
    await unlink(lockPath).catch((error: unknown) => {
      if (readErrorCode(error) !== 'ENOENT') throw toStoreIoError(error, lockPath, 'write');
    });
  } finally {
    // Last: the next holder on this host must find the file gone, not ours with our live pid.
    await closeHostLock(server);
  }
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
    return new StoreError(adaptersText().storeLockedElsewhere(storePath, holder.hostname, holder.pid, lockPath), storePath, 'locked', {
      hint: adaptersText().storeLockedElsewhereHint,
    });
  }
  return new StoreError(adaptersText().storeLocked(holder.pid, storePath), storePath, 'locked', { hint: adaptersText().storeLockedHint(lockPath) });
}
