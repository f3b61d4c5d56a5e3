/**
 * Issue 14, case 9: a request file the daemon cannot read (written by root, 0600) must not wedge the
 * control inbox. Root's requests are handed to the store directory's owner when queued; one nobody
 * can hand over is refused when queued; the daemon sets aside what it cannot read and goes on.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreError } from '../../src/errors.js';
import { controlInboxPath, drainControlRequests, queueControlRequest, type SetAsideRequests } from '../../src/store/control-inbox.js';
import { ROOT, assertBuilt } from '../helpers/spawn-cli.js';
import { createTempDir } from './helpers.js';

const NOBODY = 65534;
/** A user with no entry in /etc/passwd and no rights on the store. */
const STRANGER = 54321;
const isRoot = process.getuid?.() === 0;
const INBOX_MODULE = pathToFileURL(join(ROOT, 'dist/store/control-inbox.js')).href;

let dir: string;
let cleanup: () => Promise<void>;
let storePath: string;
let inbox: string;

beforeEach(async () => {
  ({ dir, cleanup } = await createTempDir());
  storePath = join(dir, 'avito-ai.json');
  inbox = controlInboxPath(storePath);
});
afterEach(() => cleanup());

/** Drains once; returns what was applied and what was set aside. */
async function drain(): Promise<{ applied: unknown[]; setAside: SetAsideRequests[] }> {
  const applied: unknown[] = [];
  const setAside: SetAsideRequests[] = [];
  await drainControlRequests(storePath, async (request) => void applied.push(request), (aside) => setAside.push(aside));
  return { applied, setAside };
}

function listSetAside(where = dir): string[] {
  return readdirSync(where).filter((name) => name.startsWith('avito-ai.control.jsonl.unreadable-'));
}

/** Runs `script` (an ES module body with `inbox` imported from the built module) as `uid`; returns its stdout. */
function runAs(uid: number, script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  assertBuilt();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', `import * as inbox from ${JSON.stringify(INBOX_MODULE)};\n${script}`, ...args], {
    uid,
    gid: uid,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A store directory owned by `nobody`, as the service user owns /var/lib/avito-ai/data. */
function prepareNobodyStore(): void {
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  chownSync(data, NOBODY, NOBODY);
  storePath = join(data, 'avito-ai.json');
  inbox = controlInboxPath(storePath);
}

describe('the control inbox', () => {
  it('applies queued requests in order, once', async () => {
    await queueControlRequest(storePath, { op: 'pause', chatId: 'a', until: 1 });
    await queueControlRequest(storePath, { op: 'resume', chatId: 'a', at: 1 });
    expect(await drain()).toEqual({ applied: [{ op: 'pause', chatId: 'a', until: 1 }, { op: 'resume', chatId: 'a', at: 1 }], setAside: [] });
    expect(await drain()).toEqual({ applied: [], setAside: [] });
  });

  it('sets aside a draining file it cannot read, says so once, and applies the requests queued after it', async () => {
    // A directory where the file should be: unreadable even for root.
    mkdirSync(`${inbox}.draining`);
    await queueControlRequest(storePath, { op: 'pause', chatId: 'later', until: 1 });
    const first = await drain();
    expect(first.applied).toEqual([{ op: 'pause', chatId: 'later', until: 1 }]);
    expect(first.setAside).toEqual([{ path: expect.stringMatching(/\.control\.jsonl\.unreadable-\d{4}-\d\d-\d\dT[\d-]+Z$/) as unknown, code: 'EISDIR' }]);
    expect(listSetAside()).toHaveLength(1);
    expect(statSync(first.setAside[0]!.path).isDirectory()).toBe(true);
    expect(existsSync(`${inbox}.draining`)).toBe(false);

    await queueControlRequest(storePath, { op: 'resume', chatId: 'later', at: 1 });
    expect(await drain()).toEqual({ applied: [{ op: 'resume', chatId: 'later', at: 1 }], setAside: [] });
  });

  it('sets aside an inbox it cannot read; the next request goes through', async () => {
    mkdirSync(inbox);
    const first = await drain();
    expect(first).toEqual({ applied: [], setAside: [{ path: expect.stringContaining('.unreadable-') as unknown, code: 'EISDIR' }] });
    await queueControlRequest(storePath, { op: 'pause', chatId: 'b', until: 1 });
    expect(await drain()).toEqual({ applied: [{ op: 'pause', chatId: 'b', until: 1 }], setAside: [] });
  });

  it('gives two files set aside in one pass two names', async () => {
    mkdirSync(`${inbox}.draining`);
    mkdirSync(inbox);
    const { setAside } = await drain();
    expect(setAside).toHaveLength(2);
    expect(new Set(setAside.map((aside) => aside.path)).size).toBe(2);
    expect(listSetAside()).toHaveLength(2);
  });
});

describe.skipIf(!isRoot)('requests across users (root runs them as nobody)', () => {
  it('hands a request root queued to the owner of the store directory, who can read it', async () => {
    prepareNobodyStore();
    await queueControlRequest(storePath, { op: 'pause', chatId: 'c', until: 1 });
    expect(statSync(inbox)).toMatchObject({ uid: NOBODY, gid: NOBODY });
    expect(statSync(inbox).mode & 0o777).toBe(0o600);
    const read = runAs(NOBODY, `process.stdout.write(await (await import('node:fs/promises')).readFile(process.argv[1], 'utf8'));`, [inbox]);
    expect(read.stderr).toBe('');
    expect(read.stdout).toBe('{"op":"pause","chatId":"c","until":1}\n');
  });

  it("the daemon's user sets aside root's 0600 request and applies the one after it", async () => {
    prepareNobodyStore();
    // What root left before this fix: a request only root can read, already taken for draining.
    writeFileSync(`${inbox}.draining`, '{"op":"pause","chatId":"root"}\n', { mode: 0o600 });
    writeFileSync(inbox, '{"op":"pause","chatId":"later"}\n', { mode: 0o600 });
    chownSync(inbox, NOBODY, NOBODY);
    const script = `
      const applied = [];
      const setAside = [];
      await inbox.drainControlRequests(process.argv[1], async (request) => void applied.push(request), (aside) => setAside.push(aside.code));
      process.stdout.write(JSON.stringify({ applied, setAside }));`;
    const run = runAs(NOBODY, script, [storePath]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ applied: [{ op: 'pause', chatId: 'later' }], setAside: ['EACCES'] });
    // Kept, unread, for the seller to look at.
    const [aside] = listSetAside(join(dir, 'data'));
    expect(readFileSync(join(dir, 'data', aside!), 'utf8')).toBe('{"op":"pause","chatId":"root"}\n');
  });

  it('refuses, naming the fix, a request another user queues that the daemon could not read', async () => {
    prepareNobodyStore();
    // A store directory others may write to, so the stranger's request lands in a file of its own.
    chmodSync(join(dir, 'data'), 0o777);
    const script = `
      try {
        await inbox.queueControlRequest(process.argv[1], { op: 'pause', chatId: 'd', until: 1 });
        process.stdout.write('queued');
      } catch (error) {
        process.stdout.write(JSON.stringify({ message: error.message, hint: error.hint, reason: error.reason }));
      }`;
    const run = runAs(STRANGER, script, [storePath]);
    expect(run.stderr).toBe('');
    const refused = JSON.parse(run.stdout) as Pick<StoreError, 'message' | 'hint' | 'reason'>;
    expect(refused).toEqual({
      message: `запущенный avito-ai (пользователь nobody) не сможет прочитать запрос pause, поставленный в ${inbox}: файл принадлежит uid ${STRANGER}; запрос будет отложен невыполненным`,
      hint: 'выполните команду от пользователя nobody, например через обёртку avito-ai из docs/deploy.md или sudo -u nobody',
      reason: 'io',
    });
  });
});
