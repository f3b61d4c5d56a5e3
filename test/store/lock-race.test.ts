/**
 * Issue 14, case 10: processes that find a lock left by a dead pid at the same instant. Real
 * processes run the built lock module, released together by one line on their stdin; each round
 * counts how many came out holding the lock. At most one, ever. Then what the kernel's part of the
 * lock (Linux) decides beside the lock file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { acquireLock, releaseLock } from '../../src/store/lock-file.js';
import { ROOT, assertBuilt } from '../helpers/spawn-cli.js';

const CONTENDERS = 5;
const ROUNDS = 50;
const LOCK_MODULE = pathToFileURL(join(ROOT, 'dist/store/lock-file.js')).href;

/**
 * On each stdin line `<round> <lockPath> <storePath>`, takes that lock and says `<round> held` or
 * `<round> refused <reason>`; holds every lock it took until stdin closes.
 */
const CONTENDER = `
import { createInterface } from 'node:readline';
import { acquireLock } from ${JSON.stringify(LOCK_MODULE)};
createInterface({ input: process.stdin }).on('line', (line) => {
  const [round, lockPath, storePath] = line.split(' ');
  acquireLock(lockPath, storePath, Date.now).then(
    () => process.stdout.write(round + ' held\\n'),
    (error) => process.stdout.write(round + ' refused ' + (error.reason ?? error.message) + '\\n'),
  );
}).on('close', () => process.exit(0));
process.stdout.write('ready\\n');
`;

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Contender {
  child: ChildProcess;
  /** Resolves with the first output line that matches. */
  next(pattern: RegExp): Promise<string>;
}

function startContender(): Contender {
  const child = spawn(process.execPath, ['--input-type=module', '-e', CONTENDER], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const next = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const line = output.split('\n').find((each) => pattern.test(each));
        if (line !== undefined) return resolve(line);
        if (child.exitCode !== null) return reject(new Error(`contender exited: ${stderr}`));
        waiters.push(check);
      };
      check();
      child.once('exit', check);
    });
  return { child, next };
}

/** A pid that has exited: certainly dead (pids are not reused that fast). */
function findDeadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  return child.pid;
}

/** One round: a fresh lock left by a dead pid, every contender let go at once. Returns how many hold it. */
async function runRound(contenders: Contender[], dir: string, round: number): Promise<number> {
  const storePath = join(dir, `round-${round}.json`);
  const lockPath = join(dir, `round-${round}.lock`);
  writeFileSync(lockPath, JSON.stringify({ pid: findDeadPid(), hostname: hostname(), startedAt: '2020-01-01T00:00:00.000Z' }));
  for (const contender of contenders) contender.child.stdin!.write(`${round} ${lockPath} ${storePath}\n`);
  const results = await Promise.all(contenders.map((contender) => contender.next(new RegExp(`^${round} `))));
  // Whoever lost was refused as 'locked', never by an I/O error.
  for (const result of results) expect(result).toMatch(new RegExp(`^${round} (held|refused locked)$`));
  return results.filter((result) => result.endsWith(' held')).length;
}

describe('taking over a stale lock', () => {
  it(`leaves exactly one holder when ${CONTENDERS} processes try at the same instant, round after round`, async () => {
    assertBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'avito-ai-lock-race-'));
    dirs.push(dir);
    const contenders = Array.from({ length: CONTENDERS }, startContender);
    await Promise.all(contenders.map((contender) => contender.next(/^ready$/)));
    const holders: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) holders.push(await runRound(contenders, dir, round));
    const doubled = holders.filter((count) => count > 1).length;
    expect(holders, `rounds with more than one holder: ${doubled} of ${ROUNDS}`).toEqual(Array<number>(ROUNDS).fill(1));
  }, 60_000);
});

const isLinux = process.platform === 'linux';

function createDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'avito-ai-lock-host-'));
  dirs.push(dir);
  return dir;
}

/** A contender that took the lock at `lockPath`. */
async function holdInChild(lockPath: string, storePath: string): Promise<Contender> {
  const contender = startContender();
  await contender.next(/^ready$/);
  contender.child.stdin!.write(`0 ${lockPath} ${storePath}\n`);
  expect(await contender.next(/^0 /)).toBe('0 held');
  return contender;
}

async function expectRefused(lockPath: string, storePath: string): Promise<StoreError> {
  const error = await acquireLock(lockPath, storePath, Date.now).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).reason).toBe('locked');
  return error as StoreError;
}

describe.skipIf(!isLinux)('the host lock (Linux)', () => {
  it('is freed by the kernel when its holder is killed, and the next process takes the stale file over', async () => {
    assertBuilt();
    const dir = createDir();
    const [lockPath, storePath] = [join(dir, 'a.lock'), join(dir, 'a.json')];
    const holder = await holdInChild(lockPath, storePath);
    const error = await expectRefused(lockPath, storePath);
    expect(error.message).toContain(`(pid ${holder.child.pid})`);
    const killed = new Promise((done) => holder.child.once('exit', done));
    holder.child.kill('SIGKILL');
    await killed;
    const owner = await acquireLock(lockPath, storePath, Date.now);
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    await releaseLock(lockPath, owner);
  });

  it('refuses while another process holds it, even if the lock file names a dead pid', async () => {
    assertBuilt();
    const dir = createDir();
    const [lockPath, storePath] = [join(dir, 'a.lock'), join(dir, 'a.json')];
    await holdInChild(lockPath, storePath);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const file = JSON.stringify({ pid: dead, hostname: hostname(), startedAt: 'x' });
    writeFileSync(lockPath, file);
    const error = await expectRefused(lockPath, storePath);
    expect(error.hint).toBe('возможно, другой avito-ai как раз запускается; попробуйте ещё раз');
    expect(readFileSync(lockPath, 'utf8')).toBe(file);
  });

  it('is the same lock through any path to its directory', async () => {
    assertBuilt();
    const dir = createDir();
    mkdirSync(join(dir, 'data'));
    symlinkSync(join(dir, 'data'), join(dir, 'link'));
    const holder = await holdInChild(join(dir, 'data', 'a.lock'), join(dir, 'data', 'a.json'));
    const error = await expectRefused(join(dir, 'link', 'a.lock'), join(dir, 'link', 'a.json'));
    expect(error.message).toContain(`(pid ${holder.child.pid})`);
  });

  it('still respects the lock file of a live process that holds no host lock (an older avito-ai)', async () => {
    const dir = createDir();
    const [lockPath, storePath] = [join(dir, 'a.lock'), join(dir, 'a.json')];
    const older = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
    children.push(older);
    await new Promise((done) => older.once('spawn', done));
    const file = JSON.stringify({ pid: older.pid, hostname: hostname(), startedAt: 'x' });
    writeFileSync(lockPath, file);
    const error = await expectRefused(lockPath, storePath);
    expect(error.message).toContain(`(pid ${older.pid})`);
    expect(readFileSync(lockPath, 'utf8')).toBe(file);
  });

  it('is given back on release: the same process, then another, takes it again', async () => {
    assertBuilt();
    const dir = createDir();
    const [lockPath, storePath] = [join(dir, 'a.lock'), join(dir, 'a.json')];
    await releaseLock(lockPath, await acquireLock(lockPath, storePath, Date.now));
    const owner = await acquireLock(lockPath, storePath, Date.now);
    await expectRefused(lockPath, storePath);
    await releaseLock(lockPath, owner);
    await holdInChild(lockPath, storePath);
  });
});
