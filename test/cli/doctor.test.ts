/**
 * `avito-ai doctor` as the seller runs it, against the Avito sandbox, the fake Gemini and the
 * fake Telegram on loopback: each check reports OK or the problem with its fix, and the exit code
 * says whether anything failed. Doctor must never write: no message, no read mark, no subscription.
 */
import { spawn } from 'node:child_process';
import { chmod, copyFile, cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { runInProcess } from '../helpers/cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { startFakeGemini, type FakeGemini } from '../helpers/fake-gemini.js';
import { startFakeTelegram } from '../helpers/fake-telegram.js';
import { createHttpTestServer, type HttpTestServer } from '../helpers/http-test-server.js';
import { spawnCli } from '../helpers/spawn-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const OWNER = 5550001;
const SECRET = 'doctor-test-secret-0123456789';

let sandbox: Sandbox;
let cwd: string;
let env: Record<string, string>;
const closers: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  sandbox = await startDemoSandbox();
  cwd = await mkdtemp(join(tmpdir(), 'avito-ai-doctor-'));
  env = sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json'));
});

afterEach(async () => {
  await sandbox.close();
  while (closers.length > 0) await closers.pop()!();
});

const doctor = (extra: Record<string, string> = {}, args: string[] = []) => runInProcess(['doctor', ...args], { cwd, env: { ...env, ...extra } });

/** The line of one check: `ОК        Аккаунт Авито    1234 «…»`. */
function line(stdout: string, title: string): string {
  const found = stdout.split('\n').find((text) => text.slice(10).startsWith(title));
  if (found === undefined) throw new Error(`no "${title}" line in:\n${stdout}`);
  return found;
}

/** The `как исправить:` line printed under a check, if any. */
function fixOf(stdout: string, title: string): string | undefined {
  const lines = stdout.split('\n');
  const next = lines[lines.indexOf(line(stdout, title)) + 1];
  return next?.trim().startsWith('как исправить: ') ? next.trim().slice(15) : undefined;
}

/** Requests that would change something at Avito: doctor must make none. */
const writes = () => sandbox.requests.filter((request) => request.method === 'POST' && !request.path.startsWith('/token') && !request.path.endsWith('/subscriptions'));

async function startReceiver(): Promise<HttpTestServer> {
  const receiver = await createHttpTestServer((_req, res) => res.writeHead(200).end('{}'));
  closers.push(receiver.close);
  return receiver;
}

describe('avito-ai doctor', () => {
  it('with working keys and a local knowledge base: every check OK, exit 0, nothing sent or changed', async () => {
    const result = await doctor();
    expect(result.code, result.stdout + result.stderr).toBe(ExitCode.Ok);
    expect(line(result.stdout, 'Настройки')).toMatch(/^ОК\s+Настройки\s+файла \.env нет, только переменные окружения; движок local, режим poll, хранилище /);
    expect(line(result.stdout, 'Токен Авито')).toMatch(/^ОК\s/);
    expect(line(result.stdout, 'Аккаунт Авито')).toMatch(new RegExp(`^ОК\\s+Аккаунт Авито\\s+${sandbox.account.id}`));
    expect(line(result.stdout, 'Messenger API')).toMatch(/^ОК\s+Messenger API\s+чаты и сообщения читаются/);
    expect(line(result.stdout, 'Вебхук')).toMatch(/^ПРОПУСК\s+Вебхук\s+AVITO_WEBHOOK_SECRET не задан: режим poll/);
    expect(line(result.stdout, 'База знаний')).toMatch(/^ОК\s+База знаний\s+документов в .*: 7 /);
    expect(line(result.stdout, 'Бот Telegram')).toMatch(/^ПРОПУСК\s/);
    expect(line(result.stdout, 'Хранилище')).toMatch(/^ОК\s+Хранилище\s+.*data будет создана при первом запуске/);
    expect(result.stdout).toContain('Всё, что нужно avito-ai, на месте.');
    expect(writes()).toEqual([]);
    expect(sandbox.sent()).toEqual([]);
  });

  it('names each problem with its fix and exits 1: wrong Avito secret, empty knowledge folder, wrong Telegram token', async () => {
    const telegram = await startFakeTelegram();
    closers.push(() => telegram.close());
    const empty = join(cwd, 'empty');
    await mkdir(empty);
    const result = await doctor({
      AVITO_CLIENT_SECRET: 'wrong-secret',
      KNOWLEDGE_DIR: empty,
      TELEGRAM_BOT_TOKEN: '999:WRONG-TOKEN',
      TELEGRAM_OWNER_CHAT_ID: String(OWNER),
      TELEGRAM_API_ROOT: telegram.url,
    });
    expect(result.code).toBe(ExitCode.Failure);
    expect(line(result.stdout, 'Токен Авито')).toMatch(/^ОШИБКА\s+Токен Авито\s+Авито POST \/token ответил 401/);
    expect(fixOf(result.stdout, 'Токен Авито')).toMatch(/AVITO_CLIENT_ID и AVITO_CLIENT_SECRET/);
    expect(line(result.stdout, 'Аккаунт Авито')).toMatch(/^ПРОПУСК\s/);
    expect(line(result.stdout, 'База знаний')).toMatch(/^ОШИБКА\s+База знаний\s+.*нет документов/);
    expect(line(result.stdout, 'Бот Telegram')).toMatch(/^ОШИБКА\s+Бот Telegram\s+Telegram не принял TELEGRAM_BOT_TOKEN \(401\)/);
    expect(fixOf(result.stdout, 'Бот Telegram')).toMatch(/@BotFather/);
    expect(result.stdout).toMatch(/\n3 проблемы: исправьте и снова выполните avito-ai doctor\.\n$/);
    // The secret itself is never printed.
    expect(result.stdout).not.toContain('wrong-secret');
  });

  it('a setting that cannot be read is the one problem reported', async () => {
    const result = await doctor({ AVITO_POLL_INTERVAL: 'often' });
    expect(result.code).toBe(ExitCode.Failure);
    expect(line(result.stdout, 'Настройки')).toMatch(/^ОШИБКА\s+Настройки\s+.*AVITO_POLL_INTERVAL/);
    expect(result.stdout.split('\n').filter((text) => /^(ОК|ОШИБКА|ВНИМАНИЕ|ПРОПУСК)\s/.test(text))).toHaveLength(1);
    expect(sandbox.requests).toEqual([]);
  });

  it('tells an account without the Messenger API tariff from the stub Avito shows instead of messages', async () => {
    sandbox.setTariffStub(true);
    const result = await doctor();
    expect(result.code).toBe(ExitCode.Failure);
    expect(line(result.stdout, 'Messenger API')).toMatch(/^ОШИБКА\s+Messenger API\s+Авито показывает заглушку тарифа/);
    expect(fixOf(result.stdout, 'Messenger API')).toMatch(/тариф Messenger API/);
    expect(line(result.stdout, 'Аккаунт Авито')).toMatch(/^ОК\s/);
  });

  it('catches AVITO_USER_ID set to another account', async () => {
    const result = await doctor({ AVITO_USER_ID: '42' });
    expect(result.code).toBe(ExitCode.Failure);
    expect(line(result.stdout, 'Аккаунт Авито')).toMatch(/^ОШИБКА\s+Аккаунт Авито\s+AVITO_USER_ID равен 42, но эти ключи от аккаунта/);
    expect(fixOf(result.stdout, 'Аккаунт Авито')).toBe(`укажите AVITO_USER_ID=${sandbox.account.id} или удалите эту строку (номер определяется сам)`);
  });

  it('in serve mode checks that the webhook URL is subscribed, hiding the secret', async () => {
    const receiver = await startReceiver();
    const serveEnv = { AVITO_WEBHOOK_SECRET: SECRET, APP_BASE_URL: receiver.url };
    const before = await doctor(serveEnv);
    expect(before.code).toBe(ExitCode.Failure);
    expect(line(before.stdout, 'Вебхук')).toMatch(/^ОШИБКА\s+Вебхук\s+.*\/avito\/webhook\/<AVITO_WEBHOOK_SECRET> не подписан/);
    expect(fixOf(before.stdout, 'Вебхук')).toBe('запустите avito-ai serve, затем avito-ai register-webhook');

    const registered = await runInProcess(['register-webhook'], { cwd, env: { ...env, ...serveEnv } });
    expect(registered.code, registered.stderr).toBe(ExitCode.Ok);
    const after = await doctor(serveEnv);
    expect(after.code, after.stdout).toBe(ExitCode.Ok);
    expect(line(after.stdout, 'Вебхук')).toMatch(/^ОК\s+Вебхук\s+http:\/\/127\.0\.0\.1:\d+\/avito\/webhook\/<AVITO_WEBHOOK_SECRET> подписан/);
    expect(after.stdout).not.toContain(SECRET);

    // Back in poll mode, the leftover subscription is worth a warning, not a failure.
    const poll = await doctor();
    expect(poll.code).toBe(ExitCode.Ok);
    expect(line(poll.stdout, 'Вебхук')).toMatch(/^ВНИМАНИЕ\s+Вебхук\s+режим poll, но Авито всё ещё отправляет сообщения на/);
  });

  it('with Gemini: says to run sync-docs before it, reports the documents after it, and a bad key with its fix', async () => {
    const gemini: FakeGemini = await startFakeGemini();
    closers.push(() => gemini.close());
    const knowledge = join(cwd, 'knowledge');
    await cp(join(ROOT, 'docs/examples/knowledge'), knowledge, { recursive: true });
    const geminiEnv = { GEMINI_API_KEY: gemini.apiKey, GEMINI_BASE_URL: gemini.url, KNOWLEDGE_DIR: knowledge };

    const before = await doctor(geminiEnv);
    expect(before.code).toBe(ExitCode.Failure);
    expect(line(before.stdout, 'Gemini')).toMatch(/^ОШИБКА\s+Gemini\s/);
    expect(fixOf(before.stdout, 'Gemini')).toMatch(/sync-docs/);

    const synced = await runInProcess(['sync-docs'], { cwd, env: { ...env, ...geminiEnv } });
    expect(synced.code, synced.stderr).toBe(ExitCode.Ok);
    const after = await doctor(geminiEnv);
    expect(after.code, after.stdout).toBe(ExitCode.Ok);
    expect(line(after.stdout, 'Gemini')).toMatch(/^ОК\s+Gemini\s+ключ принят; хранилище "avito-ai": готово документов: 7$/);

    // Files sync-docs cannot upload are named with why, as the local engine's check names them.
    await copyFile(join(ROOT, 'test/fixtures/knowledge/encodings/shift-jis.txt'), join(knowledge, 'otvety.txt'));
    await writeFile(join(knowledge, 'foto.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const unread = await doctor(geminiEnv);
    expect(unread.code, unread.stdout).toBe(ExitCode.Ok);
    expect(line(unread.stdout, 'Gemini')).toMatch(
      /^ВНИМАНИЕ\s+Gemini\s+ключ принят; хранилище "avito-ai": готово документов: 7; не прочитано: 2, из них покупатели ответов не получат: otvety\.txt \(кодировка не распознана .*\), foto\.jpg \(вид файла не поддерживается \(\.jpg\)\)$/,
    );
    expect(fixOf(unread.stdout, 'Gemini')).toMatch(/sync-docs/);

    const badKey = await doctor({ ...geminiEnv, GEMINI_API_KEY: 'AIza-wrong' });
    expect(badKey.code).toBe(ExitCode.Failure);
    expect(line(badKey.stdout, 'Gemini')).toMatch(/^ОШИБКА\s+Gemini\s+.*API key/);
    expect(fixOf(badKey.stdout, 'Gemini')).toBeTruthy();
    expect(badKey.stdout).not.toContain('AIza-wrong');
  });

  it('with Telegram: an owner who never pressed Start is a problem; after /start every owner is reachable', async () => {
    const telegram = await startFakeTelegram();
    closers.push(() => telegram.close());
    const telegramEnv = { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_OWNER_CHAT_ID: String(OWNER), TELEGRAM_API_ROOT: telegram.url };

    const before = await doctor(telegramEnv);
    expect(before.code).toBe(ExitCode.Failure);
    expect(line(before.stdout, 'Бот Telegram')).toMatch(/^ОК\s+Бот Telegram\s+@\w+/);
    expect(line(before.stdout, 'Владельцы в Telegram')).toMatch(new RegExp(`^ОШИБКА\\s+Владельцы в Telegram\\s+${OWNER}: Bad Request: chat not found`));
    expect(fixOf(before.stdout, 'Владельцы в Telegram')).toMatch(/нажать «Запустить»/);

    telegram.userSends(OWNER, '/start', { firstName: 'Анна' });
    const after = await doctor(telegramEnv);
    expect(after.code, after.stdout).toBe(ExitCode.Ok);
    expect(line(after.stdout, 'Владельцы в Telegram')).toBe(`ОК        Владельцы в Telegram может писать ${OWNER} (Анна)`);
    // Doctor looks; it never writes to the owners.
    expect(telegram.sent).toEqual([]);
  });

  it('reports a corrupt store with the way out, and touches nothing', async () => {
    await mkdir(join(cwd, 'data'));
    const state = join(cwd, 'data', 'avito-ai.json');
    await writeFile(state, '{"schemaVersion":1,"chats":{', { mode: 0o600 });
    const result = await doctor();
    expect(result.code).toBe(ExitCode.Failure);
    expect(line(result.stdout, 'Хранилище')).toMatch(/^ОШИБКА\s+Хранилище\s+.*avito-ai\.json/);
    expect(fixOf(result.stdout, 'Хранилище')).toMatch(/резервной копии/);
  });

  it('warns about store files other users can read, and names the daemon holding the store', async () => {
    const filled = await runInProcess(['poll', '--once'], { cwd, env });
    expect(filled.code, filled.stderr).toBe(ExitCode.Ok);
    const state = join(cwd, 'data', 'avito-ai.json');
    await chmod(state, 0o644);
    // A live process on this host holding the lock, as a running daemon would.
    const holder = spawn('sleep', ['30']);
    closers.push(async () => holder.kill());
    await writeFile(join(cwd, 'data', 'avito-ai.lock'), `${JSON.stringify({ pid: holder.pid, hostname: hostname(), startedAt: '2026-11-22T10:00:00.000Z' })}\n`);

    const result = await doctor();
    expect(result.code).toBe(ExitCode.Ok);
    expect(line(result.stdout, 'Хранилище')).toMatch(new RegExp(`^ВНИМАНИЕ\\s+Хранилище\\s+.*: чатов \\d+, сообщений \\d+; занято avito-ai \\(pid ${holder.pid}\\) на .* с 2026-11-22T10:00:00.000Z; доступно для чтения другим пользователям: .*avito-ai\\.json`));
    expect(fixOf(result.stdout, 'Хранилище')).toBe(`там сообщения покупателей: chmod 600 ${state}`);
    expect(result.stdout).toContain('Выше: 1 предупреждение.');
  });

  it('--json prints every check for scripts', async () => {
    const result = await doctor({}, ['--json']);
    expect(result.code).toBe(ExitCode.Ok);
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: Array<{ id: string; status: string }> };
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.id)).toEqual(['config', 'avito-token', 'avito-account', 'avito-tariff', 'webhook', 'knowledge', 'telegram-bot', 'telegram-owner', 'store']);
  });

  it('runs from the built bin and exits 1 on a problem', async () => {
    const ok = await spawnCli(['doctor'], { cwd, env }).done;
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ОК\s+Аккаунт Авито/m);
    const bad = await spawnCli(['doctor'], { cwd, env: { ...env, AVITO_CLIENT_SECRET: 'nope' } }).done;
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
