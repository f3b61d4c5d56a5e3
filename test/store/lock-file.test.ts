import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openStore } from '../../src/store/index.js';
import type { JsonStore } from '../../src/store/index.js';
import { acquireLock, releaseLock } from '../../src/store/lock-file.js';
import { createTempDir } from './helpers.js';
import { writes } from '../helpers/store-writes.js';

let dir: string;
let cleanup: () => Promise<void>;
let statePath: string;
let lockPath: string;
const opened: JsonStore[] = [];
const children: ChildProcess[] = [];

const BOOT_ID_PATH = '/proc/sys/kernel/random/boot_id';
/** Linux with a readable /proc: the boot-id and start-time checks have real data. */
const hasProc = existsSync(BOOT_ID_PATH) && existsSync(`/proc/${process.pid}/stat`);
const currentBootId = hasProc ? readFileSync(BOOT_ID_PATH, 'utf8').trim() : '';

/** Field 22 of a real /proc/<pid>/stat, parsed independently of the code under test. */
function readStartTicks(pid: number): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[19]);
}

/** A live process that is not us (killed after each test). */
async function spawnSleeper(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise<void>((done, fail) => child.once('spawn', done).once('error', fail));
  expect(child.pid).toBeGreaterThan(0);
  return child.pid as number;
}

/** A /proc stand-in: the boot id and a stat line per pid, whose command name holds ') ' to trip naive parsers. */
async function createFakeProc(bootId: string, starts: Record<number, number>): Promise<string> {
  const root = join(dir, 'fake-proc');
  await mkdir(join(root, 'sys/kernel/random'), { recursive: true });
  await writeFile(join(root, 'sys/kernel/random/boot_id'), `${bootId}\n`);
  for (const [pid, start] of Object.entries(starts)) {
    const fields = Array.from({ length: 50 }, (_, index) => String(index + 3));
    fields[22 - 3] = String(start);
    await mkdir(join(root, pid), { recursive: true });
    await writeFile(join(root, pid, 'stat'), `${pid} (we) ird) ${fields.join(' ')}\n`);
  }
  return root;
}

async function writeLock(holder: Record<string, unknown>): Promise<void> {
  await writeFile(lockPath, JSON.stringify({ hostname: hostname(), startedAt: '2020-01-01T00:00:00.000Z', ...holder }));
}

async function expectTakenOver(): Promise<void> {
  const store = await open();
  const holder: unknown = JSON.parse(await readFile(lockPath, 'utf8'));
  expect(holder).toMatchObject({ pid: process.pid, startedAt: '2025-01-02T03:04:05.000Z' });
  expect((await stat(lockPath)).mode & 0o777).toBe(0o600);
  await writes(store).setMeta('k', 'v');
}

const NOW = () => Date.UTC(2025, 0, 2, 3, 4, 5);

beforeEach(async () => {
  ({ dir, cleanup } = await createTempDir());
  statePath = join(dir, 'avito-ai.json');
  lockPath = join(dir, 'avito-ai.lock');
});

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
  for (const child of children.splice(0)) child.kill('SIGKILL');
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
      ...(hasProc ? { bootId: currentBootId, processStart: readStartTicks(process.pid) } : {}),
    });
    expect((await stat(lockPath)).mode & 0o777).toBe(0o600);
    const error = await expectLocked(() => open());
    expect(error.message).toBe(
      `${statePath} использует другой процесс avito-ai (pid ${process.pid}); сначала остановите его или укажите в STORE_PATH другой файл`,
    );
  });

  it('is released by close, so the next writer gets in', async () => {
    const first = await open();
    await first.close();
    expect(existsSync(lockPath)).toBe(false);
    const second = await open();
    await writes(second).setMeta('k', 'v');
  });

  it('takes over a stale lock whose pid is dead', async () => {
    const deadPid = findDeadPid();
    await writeFile(lockPath, JSON.stringify({ pid: deadPid, hostname: hostname(), startedAt: '2020-01-01T00:00:00.000Z' }));
    const store = await open();
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    await writes(store).setMeta('k', 'v');
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
    expect(error.message).toBe(
      `${statePath} заблокирован avito-ai на компьютере some-other-host (pid ${deadPid}); если этого процесса больше нет, удалите ${lockPath}`,
    );
    expect(await readFile(lockPath, 'utf8')).toContain('some-other-host');
  });

  it('respects a foreign host lock even when its boot id and start time differ from ours', async () => {
    const livePid = await spawnSleeper();
    await writeLock({ pid: process.pid, hostname: 'other-host', bootId: 'other-boot', processStart: 1 });
    await expectLocked(() => open());
    await writeLock({ pid: livePid, hostname: 'other-host', bootId: 'other-boot', processStart: 1 });
    const error = await expectLocked(() => open());
    expect(error.message).toContain(`удалите ${lockPath}`);
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

describe('the lock after pid reuse (reboot, container restart)', () => {
  it('takes over a lock carrying our own pid that this process never took', async () => {
    await writeLock({ pid: process.pid, startedAt: 'before the restart' });
    await expectTakenOver();
  });

  it.skipIf(!hasProc)('takes over a lock from another boot, though its pid is alive', async () => {
    await writeLock({ pid: 1, bootId: 'a-previous-boot' });
    await expectTakenOver();
  });

  it.skipIf(!hasProc)('respects a live pid whose start time matches the recorded one', async () => {
    const livePid = await spawnSleeper();
    await writeLock({ pid: livePid, bootId: currentBootId, processStart: readStartTicks(livePid) });
    const error = await expectLocked(() => open());
    expect(error.message).toContain(`(pid ${livePid})`);
    expect(error.hint).toContain(lockPath);
  });

  it.skipIf(!hasProc)('takes over a live pid that started at another time (a different process)', async () => {
    const livePid = await spawnSleeper();
    await writeLock({ pid: livePid, bootId: currentBootId, processStart: readStartTicks(livePid) + 1 });
    await expectTakenOver();
  });

  it('decides from the boot id and start time it reads under procRoot', async () => {
    const livePid = await spawnSleeper();
    const procRoot = await createFakeProc('boot-now', { [livePid]: 500, [process.pid]: 42 });
    await writeLock({ pid: livePid, bootId: 'boot-now', processStart: 500 });
    await expectLocked(() => acquireLock(lockPath, statePath, NOW, { procRoot }));

    await writeLock({ pid: livePid, bootId: 'boot-now', processStart: 499 });
    const owner = await acquireLock(lockPath, statePath, NOW, { procRoot });
    expect(owner).toEqual({
      pid: process.pid,
      hostname: hostname(),
      startedAt: '2025-01-02T03:04:05.000Z',
      bootId: 'boot-now',
      processStart: 42,
    });
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toEqual(owner);
    await releaseLock(lockPath, owner);

    await writeLock({ pid: livePid, bootId: 'boot-before', processStart: 500 });
    await releaseLock(lockPath, await acquireLock(lockPath, statePath, NOW, { procRoot }));
    expect(existsSync(lockPath)).toBe(false);
  });

  it('refuses a second acquire by this process while it holds the lock', async () => {
    const procRoot = await createFakeProc('boot-now', {});
    const owner = await acquireLock(lockPath, statePath, NOW, { procRoot });
    await expectLocked(() => acquireLock(lockPath, statePath, NOW, { procRoot }));
    await releaseLock(lockPath, owner);
    await writeLock({ pid: process.pid });
    await releaseLock(lockPath, await acquireLock(lockPath, statePath, NOW, { procRoot }));
  });

  describe.each([
    ['missing', async (_pid: number) => join(dir, 'no-proc-here')],
    [
      'unreadable',
      // Directories where the files should be: unreadable even for root.
      async (pid: number) => {
        const root = join(dir, 'odd-proc');
        await mkdir(join(root, 'sys/kernel/random/boot_id'), { recursive: true });
        await mkdir(join(root, String(pid), 'stat'), { recursive: true });
        await mkdir(join(root, String(process.pid), 'stat'), { recursive: true });
        return root;
      },
    ],
    [
      'garbled',
      async (pid: number) => {
        const root = join(dir, 'garbled-proc');
        await mkdir(join(root, 'sys/kernel/random'), { recursive: true });
        await writeFile(join(root, 'sys/kernel/random/boot_id'), '\n');
        for (const [each, line] of [[pid, `${pid} (node) S 1 2`], [process.pid, `${process.pid} (node S 1 2 3`]] as const) {
          await mkdir(join(root, String(each)), { recursive: true });
          await writeFile(join(root, String(each), 'stat'), line);
        }
        return root;
      },
    ],
  ])('with %s /proc data, falls back to the pid-alive check', (_, prepare) => {
    it('respects a live pid whatever boot id and start time the lock records', async () => {
      const livePid = await spawnSleeper();
      const procRoot = await prepare(livePid);
      await writeLock({ pid: livePid, bootId: 'some-boot', processStart: 1 });
      await expectLocked(() => acquireLock(lockPath, statePath, NOW, { procRoot }));
    });

    it('takes over a dead pid, recording neither boot id nor start time', async () => {
      const deadPid = findDeadPid();
      const procRoot = await prepare(deadPid);
      await writeLock({ pid: deadPid, bootId: 'some-boot', processStart: 1 });
      const owner = await acquireLock(lockPath, statePath, NOW, { procRoot });
      expect(JSON.parse(await readFile(lockPath, 'utf8'))).toEqual({
        pid: process.pid,
        hostname: hostname(),
        startedAt: '2025-01-02T03:04:05.000Z',
      });
      expect((await stat(lockPath)).mode & 0o777).toBe(0o600);
      await releaseLock(lockPath, owner);
    });
  });

  it('ignores malformed boot id and start time fields in the lock', async () => {
    const livePid = await spawnSleeper();
    await writeLock({ pid: livePid, bootId: 7, processStart: 'soon' });
    await expectLocked(() => open());
    await writeLock({ pid: livePid, bootId: '', processStart: -3 });
    await expectLocked(() => open());
  });
});
