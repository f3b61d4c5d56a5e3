/**
 * End to end: the store's faults (issue 7) as the seller meets them, through the built bin
 * against the demo sandbox. Each case fills the store with a real `poll --once` first, then breaks
 * it, and checks the exit code, that stderr says what is wrong and how to fix it in one line (no
 * stack), that nothing stored is lost, and that no buyer is answered twice.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SCENARIO } from '../../src/cli/commands/demo.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { parseScenario, type Sandbox } from '../../src/avito/sandbox/index.js';
import { openStore, resolveStorePaths, SCHEMA_VERSION } from '../../src/store/index.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { freePort, WEBHOOK_SECRET } from '../helpers/serve.js';
import { BIN, ROOT, spawnCli, waitFor, type SpawnResult } from '../helpers/spawn-cli.js';

const PRELOAD = join(ROOT, 'test/fixtures/enospc-preload.mjs');
const CHAT_IDS = parseScenario(JSON.parse(readFileSync(DEMO_SCENARIO, 'utf8'))).chats.map((chat) => chat.id);
/** The demo chat whose buyer asks again after the first pass; answered with a plain reply. */
const CHAT = 'u2i-demo-coffee';
const QUESTION = 'А доставка в Колпино есть?';
/** What the first pass sends: every demo chat but the one the seller answered by hand. */
const FIRST_REPLIES: Record<string, number> = Object.fromEntries(CHAT_IDS.map((id) => [id, id === 'u2i-demo-takeover' ? 0 : 1]));
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

let sandbox: Sandbox | undefined;
const children: Array<{ kill(signal: NodeJS.Signals): boolean; exitCode: number | null }> = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await sandbox?.close();
  sandbox = undefined;
});

interface Filled {
  sb: Sandbox;
  dir: string;
  storePath: string;
  dataDir: string;
  env: Record<string, string>;
  /** What the store held after the first pass. */
  before: Stored;
}

/** A sandbox, a store filled by one real `poll --once`, and what that store holds. */
async function fillStore(): Promise<Filled> {
  const sb = await startDemoSandbox();
  sandbox = sb;
  const dir = mkdtempSync(join(tmpdir(), 'avito-ai-store-faults-'));
  const dataDir = join(dir, 'data');
  const storePath = join(dataDir, 'avito-ai.json');
  const env = sandboxEnv(sb, storePath);
  const first = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
  expect(first.code, first.stderr).toBe(ExitCode.Ok);
  expect(countReplies(sb)).toEqual(FIRST_REPLIES);
  const before = await readStored(storePath, sb);
  // Something real to lose: five dialogs, their chats, the buyers' messages marked handled.
  expect(before.dialogs).toHaveLength(5);
  expect(before.processed.length).toBeGreaterThanOrEqual(8);
  return { sb, dir, storePath, dataDir, env, before };
}

/** What a read-only open of the store shows. */
interface Stored {
  chats: string[];
  botMessageIds: Record<string, string[]>;
  /** Every sandbox message id the store counts as handled. */
  processed: string[];
  /** Oldest first. */
  dialogs: string[];
  counters: Record<string, number>;
  pending: string[];
}

async function readStored(storePath: string, sb: Sandbox): Promise<Stored> {
  const store = await openStore({ path: storePath, readOnly: true });
  try {
    const chats = store.listChats();
    return {
      chats: chats.map((chat) => chat.chatId).sort(),
      botMessageIds: Object.fromEntries(chats.map((chat) => [chat.chatId, chat.botMessageIds])),
      processed: CHAT_IDS.flatMap((id) => sb.messages(id).map((message) => message.id)).filter((id) => store.isProcessed(id)),
      dialogs: store
        .recentDialogs(1000)
        .reverse()
        .map((dialog) => `${dialog.chatId}: ${dialog.question}`),
      counters: store.counters(),
      pending: store.listPending().map((record) => record.chatId),
    };
  } finally {
    await store.close();
  }
}

/** Everything stored before is still there (more may have been added). */
function expectNothingLost(before: Stored, after: Stored): void {
  expect(after.chats).toEqual(expect.arrayContaining(before.chats));
  expect(after.processed).toEqual(expect.arrayContaining(before.processed));
  expect(after.dialogs.slice(0, before.dialogs.length)).toEqual(before.dialogs);
  for (const [chatId, ids] of Object.entries(before.botMessageIds)) expect(after.botMessageIds[chatId]?.slice(0, ids.length)).toEqual(ids);
  for (const [name, value] of Object.entries(before.counters)) expect(after.counters[name], name).toBeGreaterThanOrEqual(value);
}

function countReplies(sb: Sandbox): Record<string, number> {
  return Object.fromEntries(CHAT_IDS.map((id) => [id, sb.sent(id).length]));
}

/** No buyer turn got two bot replies: two bot messages never follow each other in a chat. */
function expectNoDoubleReplies(sb: Sandbox): void {
  for (const chatId of CHAT_IDS) {
    const botIds = new Set(sb.sent(chatId).map((message) => message.id));
    const messages = sb.messages(chatId);
    for (let i = 1; i < messages.length; i++) {
      expect(botIds.has(messages[i - 1]!.id) && botIds.has(messages[i]!.id), `${chatId}: two replies in a row at ${i}`).toBe(false);
    }
  }
}

/** The store's files and a digest of each: equal digests mean untouched bytes. */
function digestFiles(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dataDir)
      .sort()
      .map((name) => [name, createHash('sha256').update(readFileSync(join(dataDir, name))).digest('hex')]),
  );
}

/**
 * The refusal is exactly one line on stderr, `avito-ai: <problem> (<fix>)`, and no stack.
 * Returns it for further checks.
 */
function expectOneLine(result: SpawnResult): string {
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines.filter((line) => /^\s+at /.test(line)), result.stderr).toEqual([]);
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^avito-ai: .+ \(.+\)$/);
  return lines[0]!;
}

/** A daemon that ran before failing: its log lines, then exactly one `avito-ai:` line, no stack. */
function expectOneErrorLine(result: SpawnResult): string {
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines.filter((line) => /^\s+at /.test(line)), result.stderr).toEqual([]);
  const errors = lines.filter((line) => line.startsWith('avito-ai: '));
  expect(errors, result.stderr).toHaveLength(1);
  // Every other line is a log line (time, level, message), not a fragment of a message.
  expect(lines.filter((line) => !line.startsWith('avito-ai: ') && !/^\d{4}-\d\d-\d\dT\S+ (DEBUG|INFO |WARN |ERROR) /.test(line)), result.stderr).toEqual([]);
  return errors[0]!;
}

/** `spawnCli` with the child's uid/gid (a root parent may drop to another user), killed with the test's others. */
function spawnCliAs(args: string[], options: { env: Record<string, string>; cwd: string; uid: number; gid: number }): ReturnType<typeof spawnCli> {
  const spawned = spawnCli(args, options);
  children.push(spawned.child);
  return spawned;
}

describe('a damaged state file', () => {
  /** Writes `damaged` over the state file, then `poll --once` and `stats` must refuse it, leaving every file as it was. */
  async function expectRefused(filled: Filled, damaged: Buffer): Promise<string> {
    const { sb, dataDir, storePath, env, dir } = filled;
    writeFileSync(storePath, damaged);
    const files = digestFiles(dataDir);
    const run = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(run.code).toBe(ExitCode.Store);
    const line = expectOneLine(run);
    expect(line).toContain(`${storePath} повреждён: не JSON`);
    expect(line).toMatch(/\(восстановите его из резервной копии \(docs\/deploy.md\); avito-ai не будет его перезаписывать\. Если убрать файл, начнётся пустое хранилище, и бот забудет свои ответы: каждый чат, где он отвечал, встанет на паузу, как будто ответили вы\)$/);
    // The read-only commands refuse it the same way.
    const stats = await spawnCli(['stats', '--json'], { env, cwd: dir }).done;
    expect(stats.code).toBe(ExitCode.Store);
    expect(expectOneLine(stats)).toContain(`${storePath} повреждён`);
    expect(digestFiles(dataDir)).toEqual(files);
    expect(existsSync(resolveStorePaths(storePath).lock)).toBe(false);
    expect(countReplies(sb)).toEqual(FIRST_REPLIES);
    return line;
  }

  /** Binary junk with line breaks, as a torn sector leaves it. */
  const JUNK = Buffer.from('\u0000\u0000\u00ff\u00fe\ngarbage\r\n\u0000', 'latin1');
  const overwrite = (bytes: Buffer, at: number): Buffer => Buffer.concat([bytes.subarray(0, at), JUNK, bytes.subarray(at + JUNK.length)]);

  it('refuses a state file with garbage between two keys, and leaves it untouched', async () => {
    const filled = await fillStore();
    const original = readFileSync(filled.storePath);
    const at = original.indexOf(',"processed"') + 1;
    expect(at).toBeGreaterThan(0);
    await expectRefused(filled, overwrite(original, at));
  }, 60_000);

  it('refuses a state file with garbage inside a value in one printable line', async () => {
    const filled = await fillStore();
    const original = readFileSync(filled.storePath);
    const at = original.indexOf('"processed":') + '"processed":'.length;
    expect(at).toBeGreaterThan(20);
    const line = await expectRefused(filled, overwrite(original, at));
    // The file's bytes must not reach the terminal: no control characters, no quoted content.
    const controls = [...line].filter((char) => char.charCodeAt(0) < 0x20 || (char.charCodeAt(0) >= 0x7f && char.charCodeAt(0) <= 0x9f));
    expect(controls, line).toEqual([]);
  }, 60_000);

  it('refuses a state file cut in half; once restored, everything is there and the buyer gets one answer', async () => {
    const filled = await fillStore();
    const { sb, storePath, env, dir, before } = filled;
    const original = readFileSync(storePath);
    sb.addMessage(CHAT, { text: QUESTION });
    await expectRefused(filled, original.subarray(0, Math.floor(original.length / 2)));

    writeFileSync(storePath, original);
    const restored = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(restored.code, restored.stderr).toBe(ExitCode.Ok);
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });
    expectNothingLost(before, await readStored(storePath, sb));
    expectNoDoubleReplies(sb);
  }, 60_000);

  it('refuses a journal with a bad line in the middle, naming the file and the line', async () => {
    const { sb, dataDir, env, dir, storePath } = await fillStore();
    const history = resolveStorePaths(storePath).history;
    const lines = readFileSync(history, 'utf8').split('\n');
    expect(lines.length).toBeGreaterThan(4);
    lines[2] = '{"id":"m-1","chatId":"u2i-x","crea\u0000\u0000';
    writeFileSync(history, lines.join('\n'));
    sb.addMessage(CHAT, { text: QUESTION });
    const files = digestFiles(dataDir);
    const run = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(run.code).toBe(ExitCode.Store);
    const line = expectOneLine(run);
    expect(line).toContain(`${history} повреждён: строка 3: не JSON`);
    expect(digestFiles(dataDir)).toEqual(files);
    expect(countReplies(sb)).toEqual(FIRST_REPLIES);
  }, 60_000);
});

describe('a journal torn by a crash mid-append', () => {
  it('cuts the torn last lines off, answers, and keeps every earlier record', async () => {
    const { sb, env, dir, storePath, before } = await fillStore();
    const paths = resolveStorePaths(storePath);
    const intact = {
      history: readFileSync(paths.history),
      dialogs: readFileSync(paths.dialogs),
      state: readFileSync(paths.stateJournal),
    };
    // Each journal ends in the first half of a line whose append the crash cut short.
    const halfOf = (record: object): string => {
      const text = JSON.stringify(record);
      return text.slice(0, Math.floor(text.length / 2));
    };
    appendFileSync(paths.history, halfOf({ id: 'torn-message', chatId: CHAT, created: 1, text: 'Здравствуйте, а' }));
    appendFileSync(paths.dialogs, halfOf({ at: 1, chatId: CHAT, question: 'Есть ли', answer: 'Да' }));
    appendFileSync(paths.stateJournal, halfOf({ v: SCHEMA_VERSION, meta: [['torn', 'yes']] }));
    sb.addMessage(CHAT, { text: QUESTION });

    const run = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(run.code, run.stderr).toBe(ExitCode.Ok);
    expect(run.stderr).not.toMatch(/^avito-ai: |^\s+at /m);
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });

    // The intact records are byte for byte where they were; the torn bytes are gone, every
    // line parses, and the new records follow on lines of their own.
    for (const [name, path] of [['history', paths.history], ['dialogs', paths.dialogs]] as const) {
      const now = readFileSync(path);
      expect(now.subarray(0, intact[name].length).equals(intact[name]), name).toBe(true);
      const text = now.toString('utf8');
      expect(text, name).not.toContain('torn');
      expect(text.endsWith('\n'), name).toBe(true);
      for (const line of text.split('\n').filter(Boolean)) expect(() => JSON.parse(line), `${name}: ${line}`).not.toThrow();
    }
    expect(readFileSync(paths.stateJournal, 'utf8')).not.toContain('torn');
    const after = await readStored(storePath, sb);
    expectNothingLost(before, after);
    expect(after.dialogs).toEqual([...before.dialogs, `${CHAT}: ${QUESTION}`]);
    expect(after.pending).toEqual([]);
    expectNoDoubleReplies(sb);
  }, 60_000);
});

describe('schema versions', () => {
  it('migrates a file from before schema versions (v0) and keeps its data', async () => {
    const { sb, env, dir, storePath, before } = await fillStore();
    const doc = JSON.parse(readFileSync(storePath, 'utf8')) as Record<string, unknown>;
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    // A v0 file has no version and may lack the sections added since.
    delete doc.schemaVersion;
    delete doc.pending;
    delete doc.meta;
    writeFileSync(storePath, JSON.stringify(doc));
    sb.addMessage(CHAT, { text: QUESTION });

    const run = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(run.code, run.stderr).toBe(ExitCode.Ok);
    expect(run.stderr).not.toMatch(/^avito-ai: |^\s+at /m);
    const migrated = JSON.parse(readFileSync(storePath, 'utf8')) as Record<string, unknown>;
    expect(migrated).toMatchObject({ schemaVersion: SCHEMA_VERSION, pending: {} });
    // Chats, processed ids, counters and dialogs of the v0 file are all still there; the old
    // buyers are not answered again, only the new question is.
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });
    const after = await readStored(storePath, sb);
    expectNothingLost(before, after);
    expect(after.dialogs).toEqual([...before.dialogs, `${CHAT}: ${QUESTION}`]);
    expectNoDoubleReplies(sb);
  }, 60_000);

  it('refuses a file from a newer avito-ai and leaves it untouched', async () => {
    const { sb, env, dir, dataDir, storePath } = await fillStore();
    const doc = JSON.parse(readFileSync(storePath, 'utf8')) as Record<string, unknown>;
    writeFileSync(storePath, JSON.stringify({ ...doc, schemaVersion: SCHEMA_VERSION + 1, somethingNew: [1, 2, 3] }));
    sb.addMessage(CHAT, { text: QUESTION });
    const files = digestFiles(dataDir);

    const run = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(run.code).toBe(ExitCode.Store);
    const line = expectOneLine(run);
    expect(line).toContain(`${storePath} записан более новой версией avito-ai (версия схемы хранилища ${SCHEMA_VERSION + 1}`);
    expect(line).toMatch(/обновите avito-ai .*файл оставлен как был/);
    const stats = await spawnCli(['stats'], { env, cwd: dir }).done;
    expect(stats.code).toBe(ExitCode.Store);
    expect(expectOneLine(stats)).toContain('более новой версией avito-ai');
    expect(digestFiles(dataDir)).toEqual(files);
    expect(countReplies(sb)).toEqual(FIRST_REPLIES);
  }, 60_000);
});

describe('a store directory this user cannot write', () => {
  // Root ignores file permissions, so the daemon runs as `nobody`; only root can switch to it.
  it.skipIf(!isRoot)('poll refuses naming the directory and the fix, loses nothing; stats still reads', async () => {
    // `nobody` must be able to run node and read the built bin and the demo documents, or the
    // refusal below would be about those instead of the store.
    const access = spawnSync(
      process.execPath,
      ['-e', `const fs = require('node:fs'); for (const p of process.argv.slice(1)) fs.accessSync(p, fs.constants.R_OK);`, BIN, join(ROOT, 'dist/cli/main.js'), DEMO_SCENARIO],
      { uid: NOBODY, gid: NOBODY, encoding: 'utf8' },
    );
    expect(access.status, `nobody cannot run ${process.execPath} or read the checkout (let others traverse their parent folders: chmod o+x; .ci/run does): ${access.error?.message ?? access.stderr}`).toBe(0);

    const { sb, env, dir, dataDir, storePath, before } = await fillStore();
    // Owned by root, readable by all, writable by root only: what a seller gets after running
    // avito-ai once with sudo and then as themselves.
    chmodSync(dir, 0o755);
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);
    sb.addMessage(CHAT, { text: QUESTION });
    const files = digestFiles(dataDir);
    const as = { env, cwd: dir, uid: NOBODY, gid: NOBODY };

    const run = await spawnCliAs(['poll', '--once'], as).done;
    expect(run.code).toBe(ExitCode.Store);
    const line = expectOneLine(run);
    expect(line).toContain('не удаётся записать');
    expect(line).toMatch(/EACCES|permission denied/i);
    expect(line).toContain(`в ${dataDir} этому пользователю писать нельзя: запускайте avito-ai от владельца папки, или выполните sudo chown -R "$(id -un)" ${dataDir}`);
    expect(line).toMatch(/укажите другой STORE_PATH/);
    expect(digestFiles(dataDir)).toEqual(files);
    expect(existsSync(resolveStorePaths(storePath).lock)).toBe(false);
    expect(countReplies(sb)).toEqual(FIRST_REPLIES);

    // Reading needs no write: the seller can still look at the figures and the chats.
    const stats = await spawnCliAs(['stats', '--json'], as).done;
    expect(stats.code, stats.stderr).toBe(ExitCode.Ok);
    const figures = JSON.parse(stats.stdout) as { completed_messages: number };
    expect(figures.completed_messages).toBeGreaterThan(0);
    const chats = await spawnCliAs(['chats', '--all', '--json'], as).done;
    expect(chats.code, chats.stderr).toBe(ExitCode.Ok);
    expect((JSON.parse(chats.stdout) as Array<{ chat_id: string }>).map((chat) => chat.chat_id).sort()).toEqual(before.chats);
    expect(digestFiles(dataDir)).toEqual(files);

    // Once the seller fixes the ownership (here: runs as the owner), nothing is missing and the
    // waiting buyer gets one answer.
    const fixed = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(fixed.code, fixed.stderr).toBe(ExitCode.Ok);
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });
    expectNothingLost(before, await readStored(storePath, sb));
    expectNoDoubleReplies(sb);
  }, 60_000);
});

describe('a full disk', () => {
  /** Runs `poll --once` with writes under the store's directory failing as on a full disk. */
  function runOnFullDisk(filled: Filled, reportPath: string, afterWriteOf?: string): Promise<SpawnResult> {
    return spawnCli(['poll', '--once'], {
      cwd: filled.dir,
      env: {
        ...filled.env,
        NODE_OPTIONS: `--import ${PRELOAD}`,
        ENOSPC_DIR: filled.dataDir,
        ENOSPC_REPORT: reportPath,
        ...(afterWriteOf ? { ENOSPC_AFTER_WRITE_OF: afterWriteOf } : {}),
      },
    }).done;
  }

  it('reply --text on a full disk: the text goes out once, and the command says so and that the pause was not recorded', async () => {
    const filled = await fillStore();
    const { sb, env, dir, dataDir } = filled;
    const report = join(dir, 'refused-writes.txt');
    const before = sb.sent(CHAT).length;
    const run = await spawnCli(['reply', CHAT, '--text', 'Добрый день! Да, в наличии.'], {
      cwd: dir,
      env: { ...env, NODE_OPTIONS: `--import ${PRELOAD}`, ENOSPC_DIR: dataDir, ENOSPC_REPORT: report },
    }).done;
    expect(readFileSync(report, 'utf8')).toContain(dataDir);
    expect(sb.sent(CHAT)).toHaveLength(before + 1);
    // Told it went out (so the seller does not send it again), and what to do about the pause.
    expect(run.stdout).toMatch(new RegExp(`^${CHAT}: отправлено от имени продавца \\(сообщений: 1\\); но паузу записать не удалось: .*\\(выполните avito-ai pause ${CHAT}\\)\\n$`));
    expect(run.code).toBe(ExitCode.Failure);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('full at start: refuses in one line saying the disk is full, writes and sends nothing', async () => {
    const filled = await fillStore();
    const { sb, env, dir, dataDir, storePath, before } = filled;
    sb.addMessage(CHAT, { text: QUESTION });
    const files = digestFiles(dataDir);
    const report = join(dir, 'refused-writes.txt');

    const run = await runOnFullDisk(filled, report);
    expect(run.code).toBe(ExitCode.Store);
    const line = expectOneLine(run);
    expect(line).toMatch(/ENOSPC|no space left/);
    expect(line).toContain('диск заполнен: освободите место и перезапустите avito-ai');
    // The fault really fired, on the store's files.
    expect(readFileSync(report, 'utf8')).toContain(dataDir);
    // A full disk still lets a file be created empty: a lock file may be left, nothing else moved.
    const { 'avito-ai.lock': _lock, ...rest } = digestFiles(dataDir);
    expect(rest).toEqual(files);
    expect(countReplies(sb)).toEqual(FIRST_REPLIES);

    // Space freed: the empty lock is stale, the store opens, the buyer gets one answer.
    const freed = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(freed.code, freed.stderr).toBe(ExitCode.Ok);
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });
    expectNothingLost(before, await readStored(storePath, sb));
    expectNoDoubleReplies(sb);
  }, 60_000);

  it('full right after the write-ahead record: the reply that went out is not sent again after space is freed', async () => {
    const filled = await fillStore();
    const { sb, env, dir, dataDir, storePath, before } = filled;
    sb.addMessage(CHAT, { text: QUESTION });
    const report = join(dir, 'refused-writes.txt');

    // The disk fills the moment the record of the reply about to go out is on disk: the reply is
    // sent, and nothing after it (history, chat state, dialog, the pass's bookkeeping) is saved.
    const run = await runOnFullDisk(filled, report, '"pending":[');
    expect(readFileSync(report, 'utf8')).toContain(dataDir);
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });
    expect(run.code).toBe(ExitCode.Store);
    const line = expectOneErrorLine(run);
    expect(line).toMatch(/ENOSPC|no space left/);
    expect(line).toContain('диск заполнен: освободите место и перезапустите avito-ai');
    // What was stored before the disk filled is intact, and the record of the reply is kept.
    const during = await readStored(storePath, sb);
    expectNothingLost(before, during);
    expect(during.pending).toEqual([CHAT]);

    // Space freed: the record is settled from Avito's history (the reply is there), not re-sent.
    const freed = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(freed.code, freed.stderr).toBe(ExitCode.Ok);
    expect(freed.stderr).toMatch(/ответ отправлен \(доделано после перезапуска\).*chat=u2i-demo-coffee/);
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });
    const after = await readStored(storePath, sb);
    expectNothingLost(before, after);
    expect(after.pending).toEqual([]);
    expect(after.dialogs).toEqual([...before.dialogs, `${CHAT}: ${QUESTION}`]);
    expect(after.botMessageIds[CHAT]).toEqual(sb.sent(CHAT).map((message) => message.id));
    // Another pass has nothing left to do.
    const again = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(again.code, again.stderr).toBe(ExitCode.Ok);
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });
    expectNoDoubleReplies(sb);
  }, 60_000);

  it('the long-running daemon keeps going on a full disk, says so each pass, answers no one twice', async () => {
    const filled = await fillStore();
    const { sb, env, dir, dataDir, storePath, before } = filled;
    sb.addMessage(CHAT, { text: QUESTION });
    const report = join(dir, 'refused-writes.txt');
    const daemon = spawnCli(['poll', '--interval', '1'], {
      cwd: dir,
      timeoutMs: 45_000,
      env: { ...env, NODE_OPTIONS: `--import ${PRELOAD}`, ENOSPC_DIR: dataDir, ENOSPC_REPORT: report, ENOSPC_AFTER_WRITE_OF: '"pending":[' },
    });
    children.push(daemon.child);
    let stderr = '';
    daemon.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const failedPasses = (): number => stderr.match(/ERROR\s+проход не удался, будет повтор: не удаётся записать \S+: ENOSPC: no space left on device/g)?.length ?? 0;

    // The reply goes out, then the disk is full; later passes see the record and retry saving,
    // never sending again.
    await waitFor(() => sb.sent(CHAT).length === 2 && failedPasses() >= 2, 'the reply and two failed passes', 20_000);
    // A buyer who writes while the disk is full waits: nothing is sent that could not be recorded.
    const bike = 'u2i-demo-bike';
    sb.addMessage(bike, { text: 'А шлем в комплекте?' });
    const seen = failedPasses();
    await waitFor(() => failedPasses() >= seen + 2, 'two more passes on the full disk', 20_000);
    expect(daemon.child.exitCode).toBeNull();
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });

    daemon.child.kill('SIGTERM');
    const stopped = await daemon.done;
    expect(stopped.signal).toBeNull();
    expect(stopped.stderr).not.toMatch(/^\s+at /m);
    expectNothingLost(before, await readStored(storePath, sb));

    // Space freed: the recorded reply is settled without a resend, the waiting buyer is answered.
    const freed = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(freed.code, freed.stderr).toBe(ExitCode.Ok);
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2, [bike]: 2 });
    const after = await readStored(storePath, sb);
    expectNothingLost(before, after);
    expect(after.pending).toEqual([]);
    expect(after.dialogs.slice(before.dialogs.length).sort()).toEqual([`${CHAT}: ${QUESTION}`, `${bike}: А шлем в комплекте?`].sort());
    expectNoDoubleReplies(sb);
  }, 60_000);
});

describe('two daemons on one store', () => {
  it('the second poll and serve refuse naming the first one’s pid; the first keeps answering', async () => {
    const { sb, env, dir, storePath, before } = await fillStore();
    const first = spawnCli(['poll', '--interval', '1'], { env, cwd: dir, timeoutMs: 45_000 });
    children.push(first.child);
    let firstStderr = '';
    first.child.stderr!.on('data', (chunk: Buffer) => (firstStderr += chunk.toString()));
    await waitFor(() => /INFO\s+проход /.test(firstStderr), 'the first daemon’s first pass', 20_000);
    const pid = first.child.pid!;

    const second = await spawnCli(['poll', '--once'], { env, cwd: dir }).done;
    expect(second.code).toBe(ExitCode.Store);
    const line = expectOneLine(second);
    expect(line).toContain(`${storePath} использует другой процесс avito-ai (pid ${pid})`);
    expect(line).toMatch(/сначала остановите его или укажите в STORE_PATH другой файл/);
    expect(line).toContain(`удалите ${resolveStorePaths(storePath).lock}`);

    const port = await freePort();
    const serve = await spawnCli(['serve'], {
      env: { ...env, AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET, PORT: String(port), APP_BASE_URL: `http://127.0.0.1:${port}` },
      cwd: dir,
    }).done;
    expect(serve.code).toBe(ExitCode.Store);
    expect(expectOneLine(serve)).toContain(`использует другой процесс avito-ai (pid ${pid})`);

    // The refusals took nothing from the first daemon: it still holds the store and answers.
    expect(first.child.exitCode).toBeNull();
    sb.addMessage(CHAT, { text: QUESTION });
    await waitFor(() => sb.sent(CHAT).length === 2, 'the first daemon to answer the new question', 20_000);
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(ExitCode.Ok);
    expect(stopped.stderr).toMatch(/poll остановлен: начатое доделано и сохранено/);

    expect(existsSync(resolveStorePaths(storePath).lock)).toBe(false);
    const after = await readStored(storePath, sb);
    expectNothingLost(before, after);
    expect(after.dialogs).toEqual([...before.dialogs, `${CHAT}: ${QUESTION}`]);
    expect(countReplies(sb)).toEqual({ ...FIRST_REPLIES, [CHAT]: 2 });
    expectNoDoubleReplies(sb);
  }, 60_000);
});
