/**
 * Issue 14, case 9, as deployed: the daemon runs as the service user (here `nobody`), and the
 * seller types pause/resume as root or as some other user. Root's requests are handed to the
 * daemon's user; one the daemon cannot read is refused when queued and, if it is in the inbox
 * anyway, set aside with a notice to the seller; no request ever waits behind it.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { DEMO_SCENARIO } from '../../src/cli/commands/demo.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { controlInboxPath } from '../../src/store/control-inbox.js';
import type { FakeTelegram } from '../helpers/fake-telegram.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { ROOT, spawnCli, waitFor } from '../helpers/spawn-cli.js';

const NOBODY = 65534;
/** A user with no entry in /etc/passwd and no rights on the store. */
const STRANGER = 54321;
const OWNER_CHAT = 5550001;
const isRoot = process.getuid?.() === 0;

let sandbox: Sandbox | undefined;
let telegram: FakeTelegram | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await sandbox?.close();
  await telegram?.close();
  sandbox = undefined;
  telegram = undefined;
});

/** `spawnCli` as another user, its child killed with the test's others. */
function spawnCliAs(uid: number, args: string[], options: { env: Record<string, string>; cwd: string }): ReturnType<typeof spawnCli> {
  const spawned = spawnCli(args, { ...options, uid, timeoutMs: 40_000 });
  children.push(spawned.child);
  return spawned;
}

function countMatches(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

describe.skipIf(!isRoot)('pause and resume from another user while the daemon runs as the service user', () => {
  it("root's requests reach the daemon; one it cannot read is refused, set aside and told, and blocks nothing", async () => {
    // `nobody` must be able to run node and read the checkout, or the daemon would fail on that instead.
    const access = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(process.argv[1])`, DEMO_SCENARIO], { uid: NOBODY, gid: NOBODY });
    expect(access.status, `nobody cannot read ${ROOT} (let others traverse its parent folders: chmod o+x)`).toBe(0);

    sandbox = await startDemoSandbox();
    const { startFakeTelegram } = await import('../helpers/fake-telegram.js');
    telegram = await startFakeTelegram();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-control-users-'));
    chmodSync(cwd, 0o755);
    const dataDir = join(cwd, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    chownSync(dataDir, NOBODY, NOBODY);
    const storePath = join(dataDir, 'avito-ai.json');
    const env = {
      ...sandboxEnv(sandbox, storePath),
      AVITO_POLL_INTERVAL: '1',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_OWNER_CHAT_ID: String(OWNER_CHAT),
      TELEGRAM_API_ROOT: telegram.url,
    };
    const daemon = spawnCliAs(NOBODY, ['poll'], { env, cwd });
    let log = '';
    daemon.child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      await waitFor(() => sandbox!.sent('u2i-demo-vacuum').length === 1, 'the first answer', 20_000);

      // Root, as a seller typing `sudo avito-ai pause …` without the wrapper.
      const paused = await spawnCli(['pause', 'u2i-demo-vacuum', '--hours', '1'], { cwd, env }).done;
      expect(paused.code, paused.stderr).toBe(ExitCode.Ok);
      expect(paused.stdout).toContain('в очереди');
      await waitFor(() => log.includes('выполнена команда pause'), 'the pause root queued to be applied');

      // Another user, in a store directory open to all: nothing can hand the file to the daemon's user.
      chmodSync(dataDir, 0o777);
      const refused = await spawnCliAs(STRANGER, ['pause', 'u2i-demo-bike'], { env, cwd }).done;
      expect(refused.code).toBe(ExitCode.Store);
      expect(refused.stderr.trim().split('\n')).toEqual([
        `avito-ai: запущенный avito-ai (пользователь nobody) не сможет прочитать запрос pause, поставленный в ${controlInboxPath(storePath)}: файл принадлежит uid ${STRANGER}; запрос будет отложен невыполненным (выполните команду от пользователя nobody, например через обёртку avito-ai из docs/deploy.md или sudo -u nobody)`,
      ]);
      await waitFor(() => log.includes('отложены команды, которые этот пользователь не может прочитать (EACCES)'), 'the unreadable request to be set aside');
      await telegram.waitFor((fake) => fake.sent.some((message) => message.plain.includes('не смог прочитать команду')), 10_000);

      // What an older avito-ai left when run as root: a 0600 request only root can read.
      writeFileSync(controlInboxPath(storePath), `${JSON.stringify({ op: 'pause', chatId: 'u2i-demo-coffee', until: Date.now() + 3_600_000 })}\n`, { mode: 0o600 });
      await waitFor(() => countMatches(log, /WARN\s+отложены команды/g) === 2, 'the old root request to be set aside');

      const resumed = await spawnCli(['resume', 'u2i-demo-vacuum'], { cwd, env }).done;
      expect(resumed.code, resumed.stderr).toBe(ExitCode.Ok);
      await waitFor(() => log.includes('выполнена команда resume'), 'the resume after them to be applied');

      expect(log).not.toContain('не удаётся прочитать очередь команд');
      expect(log).not.toMatch(/выполнена команда pause.*u2i-demo-(bike|coffee)/);
      const setAside = readdirSync(dataDir).filter((name) => name.includes('.control.jsonl.unreadable-'));
      expect(setAside).toHaveLength(2);
      const notices = telegram.sent.filter((message) => message.chat_id === OWNER_CHAT && message.plain.includes('не смог прочитать команду'));
      expect(notices.length).toBeGreaterThanOrEqual(1);
      expect(notices[0]!.plain).toContain('.control.jsonl.unreadable-');
    } finally {
      daemon.child.kill('SIGTERM');
      const stopped = await daemon.done;
      expect(stopped.code, log).toBe(0);
    }
  }, 60_000);
});
