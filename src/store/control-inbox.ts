/** How `pause` and `resume` reach the daemon that holds the store's lock. */
import { access, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { getuid } from 'node:process';
import type { ControlRequest } from '../core/chat-control.js';
import { StoreError } from '../errors.js';
import { readErrorCode } from './fs-errors.js';
import { storeText } from '../messages/store.js';

export function controlInboxPath(storePath: string): string {
  return storePath.replace(/\.json$/i, '') + '.control.jsonl';
}

/** For the daemon, which runs as the store directory's owner: root's file is handed to it; one nobody can hand over is refused, with the fix. */
export async function queueControlRequest(storePath: string, request: ControlRequest): Promise<string> {
  const path = controlInboxPath(storePath);
  const reader = await stat(dirname(path)).catch(() => undefined);
  let fileUid: number;
  let handle;
  try {
    handle = await open(path, 'a', 0o600);
    await handle.appendFile(`${JSON.stringify(request)}\n`);
    const written = (await handle.stat()).uid;
    // Root without CAP_CHOWN (a container) cannot hand it over: refused below like any other user.
    const handOver = reader !== undefined && written !== reader.uid && getuid?.() === 0;
    fileUid = handOver ? await handle.chown(reader.uid, reader.gid).then(() => reader.uid, () => written) : written;
  } catch (error) {
    throw new StoreError(storeText().inboxCannotWrite(path, readErrorCode(error) ?? String(error)), path, 'io', { hint: storeText().inboxCannotWriteHint });
  } finally {
    await handle?.close();
  }
  if (reader !== undefined && fileUid !== reader.uid) throw await createUnreadableError(path, request.op, fileUid, reader.uid);
  return path;
}

async function createUnreadableError(path: string, op: string, fileUid: number, readerUid: number): Promise<StoreError> {
  const [writer, reader] = [await readUserName(fileUid), await readUserName(readerUid)];
  return new StoreError(storeText().inboxUnreadable(reader, op, path, writer), path, 'io', { hint: storeText().inboxUnreadableHint(reader) });
}

/** For messages only: the name in /etc/passwd, else `uid <n>`. */
async function readUserName(uid: number): Promise<string> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const entry = passwd.split('\n').find((line) => line.split(':')[2] === String(uid));
  return entry?.split(':')[0] || `uid ${uid}`;
}

/** A request file this process cannot read, moved aside so that later requests still get through. */
export interface SetAsideRequests {
  path: string;
  code: string;
}

const UNREADABLE_CODES = new Set(['EACCES', 'EPERM', 'EISDIR']);

/** Renames the inbox first so new requests land in a fresh one; a crash's `.draining` is drained again. An unreadable file would wedge it: moved to `<inbox>.unreadable-<time>`. */
export async function drainControlRequests(
  storePath: string,
  apply: (request: unknown) => Promise<void>,
  onSetAside: (aside: SetAsideRequests) => void = () => undefined,
): Promise<number> {
  const inbox = controlInboxPath(storePath);
  const draining = `${inbox}.draining`;
  let lines = await readOrSetAside(draining, inbox, onSetAside);
  if (lines.length === 0) {
    try {
      await rename(inbox, draining);
    } catch (error) {
      if (readErrorCode(error) === 'ENOENT') return 0;
      throw error;
    }
    lines = await readOrSetAside(draining, inbox, onSetAside);
  }
  for (const line of lines) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    await apply(value);
  }
  await unlink(draining).catch(() => undefined);
  return lines.length;
}

async function readOrSetAside(draining: string, inbox: string, onSetAside: (aside: SetAsideRequests) => void): Promise<string[]> {
  try {
    return (await readFile(draining, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch (error) {
    const code = readErrorCode(error);
    if (code === 'ENOENT') return [];
    if (code === undefined || !UNREADABLE_CODES.has(code)) throw error;
    const path = await findFreeName(`${inbox}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    await rename(draining, path);
    onSetAside({ path, code });
    return [];
  }
}

/** Only the lock holder drains, so nothing else claims the name between this check and the rename. */
async function findFreeName(base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`;
    const taken = await access(name).then(
      () => true,
      () => false,
    );
    if (!taken) return name;
  }
}
