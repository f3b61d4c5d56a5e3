import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openStore } from '../../src/store/index.js';
import type { JsonStore } from '../../src/store/index.js';
import { createTempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let statePath: string;
let lockPath: string;
const opened: JsonStore[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await createTempDir());
  statePath = join(dir, 'avito-ai.json');
  lockPath = join(dir, 'avito-ai.lock');
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  await cleanup();
});

async function open(readOnly = false): Promise<JsonStore> {
  const store = await openStore({ path: statePath, readOnly, now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
  opened.push(store);
  return store;
}

/** The pid of a process that has exited: certainly dead (pids are not reused that fast). */
function findDeadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  expect(child.pid).toBeGreaterThan(0);
  return child.pid;
}

async function expectLocked(action: () => Promise<unknown>): Promise<StoreError> {
  const error = await action().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).reason).toBe('locked');
  return error as StoreError;
}

describe('the one-writer lock', () => {
  it('records pid, host and start time, and stops a second writer with a clear message', async () => {
    await open();
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toEqual({
      pid: process.pid,
      hostname: hostname(),
      startedAt: '2025-01-02T03:04:05.000Z',
    });
    const error = await expectLocked(() => open());
    expect(error.message).toBe(
      `Another avito-ai process (pid ${process.pid}) is using ${statePath}; stop it first or set STORE_PATH to another file`,
    );
  });

  it('is released by close, so the next writer gets in', async () => {
    const first = await open();
    await first.close();
    expect(existsSync(lockPath)).toBe(false);
    const second = await open();
    await second.setMeta('k', 'v');
  });

  it('takes over a stale lock whose pid is dead', async () => {
    const deadPid = findDeadPid();
    await writeFile(lockPath, JSON.stringify({ pid: deadPid, hostname: hostname(), startedAt: '2020-01-01T00:00:00.000Z' }));
    const store = await open();
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    await store.setMeta('k', 'v');
  });

  it('takes over an unparsable lock file', async () => {
    for (const junk of ['', 'not json', '{"pid":0,"hostname":"x"}', '{"pid":"12"}']) {
      await writeFile(lockPath, junk);
      const store = await open();
      await store.close();
    }
  });

  it("respects a live process's lock held by pid 1 (always alive)", async () => {
    await writeFile(lockPath, JSON.stringify({ pid: 1, hostname: hostname(), startedAt: 'x' }));
    const error = await expectLocked(() => open());
    expect(error.message).toContain('(pid 1)');
    expect(await readFile(lockPath, 'utf8')).toContain('"pid":1');
  });

  it('does not guess about a lock from another host', async () => {
    const deadPid = findDeadPid();
    await writeFile(lockPath, JSON.stringify({ pid: deadPid, hostname: 'some-other-host', startedAt: 'x' }));
    const error = await expectLocked(() => open());
    expect(error.message).toContain(`pid ${deadPid} on host some-other-host`);
    expect(error.hint).toContain(lockPath);
  });

  it('leaves alone a lock that another process took over', async () => {
    const store = await open();
    const theirs = JSON.stringify({ pid: 1, hostname: hostname(), startedAt: 'later' });
    await writeFile(lockPath, theirs);
    await store.close();
    expect(await readFile(lockPath, 'utf8')).toBe(theirs);
  });

  it('lets a read-only open in while locked, without touching the lock', async () => {
    await open();
    const before = await readFile(lockPath, 'utf8');
    const reader = await open(true);
    await reader.close();
    expect(await readFile(lockPath, 'utf8')).toBe(before);
  });
});
