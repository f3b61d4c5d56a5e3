/** How `pause` and `resume` reach the daemon that holds the store's lock. */
import { appendFile, readFile, rename, unlink } from 'node:fs/promises';
import { StoreError } from '../errors.js';

export function controlInboxPath(storePath: string): string {
  return storePath.replace(/\.json$/i, '') + '.control.jsonl';
}

export async function queueControlRequest(storePath: string, request: object): Promise<string> {
  const path = controlInboxPath(storePath);
  try {
    await appendFile(path, `${JSON.stringify(request)}\n`, { mode: 0o600 });
  } catch (error) {
    throw new StoreError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, path, 'io', {
      hint: 'check the permissions of the store directory',
    });
  }
  return path;
}

/** Renames the inbox first, so new requests land in a fresh one; a `.draining` left by a crash is drained again (idempotent). */
export async function drainControlRequests(storePath: string, apply: (request: unknown) => Promise<void>): Promise<number> {
  const inbox = controlInboxPath(storePath);
  const draining = `${inbox}.draining`;
  let leftover = await readLines(draining);
  if (leftover.length === 0) {
    try {
      await rename(inbox, draining);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    leftover = await readLines(draining);
  }
  for (const line of leftover) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    await apply(value);
  }
  await unlink(draining).catch(() => undefined);
  return leftover.length;
}

async function readLines(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
