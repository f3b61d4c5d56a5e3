/** The monitor's token when MONITOR_TOKEN is unset: made once, kept beside the store, owner-only like its files, the same after restarts so a bookmarked dashboard link keeps working. */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreError } from '../errors.js';
import { storeText } from '../messages/store.js';

const TOKEN_BYTES = 24;
/** The shape MONITOR_TOKEN must have: a URL carries it as `?token=` unchanged. */
const TOKEN_SHAPE = /^[\w.~-]{12,200}$/;
const OWNER_ONLY = 0o600;

export function monitorTokenPath(storePath: string): string {
  return storePath.replace(/\.json$/i, '') + '.monitor-token';
}

/** The stored token, or a new one (`created`) when the file is missing or holds no token. */
export async function loadMonitorToken(path: string): Promise<{ token: string; created: boolean }> {
  try {
    const stored = await readToken(path);
    if (stored !== undefined) return { token: stored, created: false };
    const token = randomBytes(TOKEN_BYTES).toString('hex');
    // With the Redis store nothing else makes the data folder.
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // Written whole or not at all: a torn file would hold a shorter, weaker token.
    const staged = `${path}.tmp`;
    await writeFile(staged, `${token}\n`, { mode: OWNER_ONLY });
    await chmod(staged, OWNER_ONLY);
    await rename(staged, path);
    return { token, created: true };
  } catch (error) {
    throw new StoreError(storeText().tokenNotKept(path, (error as NodeJS.ErrnoException).code ?? String(error)), path, 'io', {
      hint: storeText().tokenNotKeptHint,
    });
  }
}

async function readToken(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const token = text.trim();
  if (!TOKEN_SHAPE.test(token)) return undefined;
  // Copied or restored with wider permissions: the token opens buyers' data, so narrow them again.
  if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, OWNER_ONLY);
  return token;
}
