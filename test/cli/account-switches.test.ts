/**
 * The seller's account-wide safety switches through the command line, against the Avito sandbox:
 * `pause --all` / `resume --all`, and the hourly reply cap of MAX_REPLIES_PER_HOUR_ACCOUNT.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess } from '../helpers/cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';

/** The demo chats the bot answers (the takeover chat is the seller's). */
const ANSWERED = ['u2i-demo-coffee', 'u2i-demo-vacuum', 'u2i-demo-bike', 'u2i-demo-manager', 'u2i-demo-voice'];

let sandbox: Sandbox;
let cwd: string;
let env: Record<string, string>;

beforeEach(async () => {
  sandbox = await startDemoSandbox();
  cwd = mkdtempSync(join(tmpdir(), 'avito-ai-account-'));
  env = sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json'));
});

afterEach(async () => {
  await sandbox.close();
});

const readMarks = (): string[] =>
  sandbox.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/read')).map((request) => request.path.split('/').at(-2)!);
const unreadIn = (chatId: string): number => sandbox.messages(chatId).filter((message) => message.direction === 'in' && !message.is_read).length;

describe('pause --all and resume --all', () => {
  it('pause --all: a pass sends nothing and marks nothing read; every view shows it; resume --all: the questions are answered', async () => {
    const paused = await runInProcess(['pause', '--all'], { cwd, env });
    expect(paused.code, paused.stderr).toBe(ExitCode.Ok);
    expect(paused.stdout).toBe('бот не отвечает ни в одном чате аккаунта до avito-ai resume --all; вопросы ждут вас непрочитанными\n');
    const unreadBefore = ANSWERED.map(unreadIn);

    const pass = await runInProcess(['poll', '--once'], { cwd, env });
    expect(pass.code, pass.stderr).toBe(ExitCode.Ok);
    // The seller's takeover chat waits too: what they wrote is read after the pause.
    expect(pass.stderr).toMatch(/INFO\s+проход chats=6 .*answered=0 .*held=6/);
    sandbox.addMessage('u2i-demo-coffee', { text: 'А доставка в Казань сколько?' });
    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);
    expect(sandbox.sent()).toEqual([]);
    expect(readMarks()).toEqual([]);
    expect(ANSWERED.map(unreadIn)).toEqual(unreadBefore.map((count, index) => count + (ANSWERED[index] === 'u2i-demo-coffee' ? 1 : 0)));
    // Only the chat list was read: no chat was opened while paused.
    expect(sandbox.requests.filter((request) => /\/messages$/.test(request.path))).toEqual([]);

    const chats = await runInProcess(['chats'], { cwd, env });
    expect(chats.stdout.split('\n')[0]).toBe('весь аккаунт на паузе до avito-ai resume --all: ни в одном чате нет ответов, вопросы ждут непрочитанными');
    const stats = JSON.parse((await runInProcess(['stats', '--json'], { cwd, env })).stdout) as { account_pause: unknown; pending_messages: number };
    expect(stats.account_pause).toEqual({ since: expect.any(String), until: null });
    expect(stats.pending_messages).toBe(6);
    const doctor = await runInProcess(['doctor', '--json'], { cwd, env });
    const store = (JSON.parse(doctor.stdout) as { checks: Array<{ id: string; status: string; detail: string; fix?: string }> }).checks.find((check) => check.id === 'store');
    expect(store).toMatchObject({ status: 'warn', detail: expect.stringContaining('на паузе на всём аккаунте (pause --all) до avito-ai resume --all'), fix: expect.stringContaining('avito-ai resume --all') });

    const resumed = await runInProcess(['resume', '--all'], { cwd, env });
    expect(resumed.code, resumed.stderr).toBe(ExitCode.Ok);
    expect(resumed.stdout).toMatch(/^бот снова отвечает на всём аккаунте: pause --all и остановка из-за другого отвечающего сняты; на ждавшие вопросы бот ответит, если им меньше 72 ч/);
    const after = await runInProcess(['poll', '--once'], { cwd, env });
    expect(after.code, after.stderr).toBe(ExitCode.Ok);
    expect(new Set(sandbox.sent().map((message) => message.chat_id))).toEqual(new Set(ANSWERED));
    // The question asked during the pause is answered with the one before it, in one reply.
    expect(sandbox.sent('u2i-demo-coffee')).toHaveLength(1);
    expect(String(sandbox.sent('u2i-demo-coffee')[0]!.content.text)).toMatch(/Казань|доставк/i);
    expect((await runInProcess(['stats', '--json'], { cwd, env })).stdout).toContain('"account_pause": null');
    expect((await runInProcess(['chats'], { cwd, env })).stdout).not.toContain('весь аккаунт');
  });

  it('pause --all --hours N ends by itself', async () => {
    const paused = await runInProcess(['pause', '--all', '--hours', '0.0001'], { cwd, env });
    expect(paused.stdout).toMatch(/^бот не отвечает ни в одном чате аккаунта до .+ \(или до avito-ai resume --all\); вопросы ждут вас непрочитанными\n$/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);
    expect(new Set(sandbox.sent().map((message) => message.chat_id))).toEqual(new Set(ANSWERED));
  });

  it.each([
    [['pause', 'u2i-demo-coffee', '--all'], 'avito-ai: pause принимает номер чата или --all, не то и другое\n'],
    [['pause'], 'avito-ai: для pause нужен номер чата, например avito-ai pause u2i-abc123 (или --all для всего аккаунта)\n'],
    [['pause', '--all', '--hours', '0'], 'avito-ai: --hours: ожидается положительное число, а задано "0"\n'],
  ])('%j is a usage error', async (argv, message) => {
    const result = await runInProcess(argv, { cwd, env });
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stderr).toBe(message);
  });

  it('--help of pause and resume names the account-wide switch', async () => {
    expect((await runInProcess(['pause', '--help'], { cwd })).stdout).toContain('$ avito-ai pause --all');
    const resume = (await runInProcess(['resume', '--help'], { cwd })).stdout;
    expect(resume.replace(/\s+/g, ' ')).toContain('--all снова отвечать на всём аккаунте: снимает pause --all и остановку из-за другого отвечающего');
  });
});

describe('MAX_REPLIES_PER_HOUR_ACCOUNT', () => {
  it('sends no more than the cap in an hour, leaves the rest unread and open, and tells the seller once', async () => {
    const capped = { ...env, MAX_REPLIES_PER_HOUR_ACCOUNT: '2' };
    const first = await runInProcess(['poll', '--once'], { cwd, env: capped });
    expect(first.code, first.stderr).toBe(ExitCode.Ok);
    const answered = [...new Set(sandbox.sent().map((message) => message.chat_id))];
    expect(answered).toHaveLength(2);
    expect(sandbox.sent()).toHaveLength(2);
    const held = ANSWERED.filter((chatId) => !answered.includes(chatId));
    for (const chatId of held) expect(unreadIn(chatId), chatId).toBeGreaterThan(0);
    expect(readMarks().filter((chatId) => held.includes(chatId))).toEqual([]);
    const notices = (text: string): string[] => text.split('\n').filter((line) => line.includes('MAX_REPLIES_PER_HOUR_ACCOUNT'));
    expect(notices(first.stderr)).toEqual([expect.stringMatching(/WARN\s+уведомление: The bot sent 2 replies on the account within the hour/)]);
    expect(first.stderr).toMatch(/held=3/);

    // The next run (cron) still holds them, and does not tell the seller again within the hour.
    const second = await runInProcess(['poll', '--once'], { cwd, env: capped });
    expect(sandbox.sent()).toHaveLength(2);
    expect(notices(second.stderr)).toEqual([]);
    expect(JSON.parse((await runInProcess(['stats', '--json'], { cwd, env })).stdout)).toMatchObject({ pending_messages: 3 });

    // Raised (or the hour passed): the held questions are answered.
    const raised = await runInProcess(['poll', '--once'], { cwd, env: { ...env, MAX_REPLIES_PER_HOUR_ACCOUNT: '0' } });
    expect(raised.code, raised.stderr).toBe(ExitCode.Ok);
    expect(new Set(sandbox.sent().map((message) => message.chat_id))).toEqual(new Set(ANSWERED));
    expect(sandbox.sent()).toHaveLength(5);
  });

  it('is a whole number of 0 or more', async () => {
    const result = await runInProcess(['poll', '--once'], { cwd, env: { ...env, MAX_REPLIES_PER_HOUR_ACCOUNT: '-1' } });
    expect(result.code).toBe(ExitCode.Config);
    expect(result.stderr).toMatch(/MAX_REPLIES_PER_HOUR_ACCOUNT/);
  });
});
