/**
 * `avito-ai init` in-process, the answers typed through a pipe: against the Avito sandbox and the fake
 * Telegram on loopback. It writes `.env` (0600) and the documents folder only at the end, never replaces
 * a `.env` unasked, keeps the old one, and leaves nothing behind when stopped half-way.
 */
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse as parseDotenv } from 'dotenv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { renderEnvFile } from '../../src/cli/init/env-file.js';
import { runInProcess, startInProcess } from '../helpers/cli.js';
import { startDemoSandbox } from '../helpers/demo-sandbox.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';

const OWNER = 5550001;

let sandbox: Sandbox;
let telegram: FakeTelegram;
let cwd: string;
let env: Record<string, string>;

beforeEach(async () => {
  [sandbox, telegram] = await Promise.all([startDemoSandbox(), startFakeTelegram()]);
  cwd = await mkdtemp(join(tmpdir(), 'avito-ai-init-'));
  env = { AVITO_API_URL: sandbox.url, TELEGRAM_API_ROOT: telegram.url };
});

afterEach(async () => {
  await Promise.all([sandbox.close(), telegram.close()]);
});

/** Runs `init` with these lines typed, one per question (an empty string is Enter). */
function answer(lines: string[], args: string[] = [], extraEnv: Record<string, string> = {}) {
  const stdin = new PassThrough();
  stdin.end(lines.map((line) => `${line}\n`).join(''));
  return runInProcess(['init', ...args], { cwd, env: { ...env, ...extraEnv }, stdin });
}

const readEnv = async (): Promise<Record<string, string>> => parseDotenv(await readFile(join(cwd, '.env'), 'utf8'));
/** The sandbox's Avito keys, as typed: client_id, then client_secret. */
const keys = ['sandbox-client', 'sandbox-secret'];

describe('avito-ai init, guided', () => {
  it('checks the Avito keys at once, finds the Telegram owner, writes .env 0600 and an example document, then runs doctor', async () => {
    telegram.userSends(OWNER, '/start', { firstName: 'Анна' });
    const { code, stdout, stderr } = await answer([...keys, '', 'д', telegram.token, 'д', '']);
    expect(code, stderr).toBe(ExitCode.Ok);
    // The account is named as soon as the keys are typed.
    expect(stdout).toContain('9000001 «Магазин «Техника у дома»»');
    expect(stdout).toContain(`Боту написал(а) Анна (id ${OWNER}). Это вы?`);
    const written = await readEnv();
    expect(written).toMatchObject({
      AVITO_CLIENT_ID: 'sandbox-client',
      AVITO_CLIENT_SECRET: 'sandbox-secret',
      AVITO_API_URL: sandbox.url,
      KNOWLEDGE_ENGINE: 'local',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_OWNER_CHAT_ID: String(OWNER),
      TELEGRAM_API_ROOT: telegram.url,
      AVITO_WEBHOOK_SECRET: '',
    });
    expect((await stat(join(cwd, '.env'))).mode & 0o777).toBe(0o600);
    // The template's other settings stay, documented.
    expect(await readFile(join(cwd, '.env'), 'utf8')).toContain('# Секунд между проходами `avito-ai poll`.');
    expect(await readdir(join(cwd, 'docs/knowledge'))).toEqual(['primer-zamenite-menya.md']);
    expect(stdout).toContain('Проверяю всё разом (avito-ai doctor)');
    expect(stdout).toContain('avito-ai poll --once --dry-run');
    // Secrets are never echoed, not even into a pipe.
    expect(stdout).not.toContain('sandbox-secret');
    expect(stdout).not.toContain(telegram.token);
  }, 30_000);

  it('rejected keys are shown with the fix and asked again', async () => {
    const { code, stdout } = await answer(['sandbox-client', 'wrong-secret', 'д', ...keys, '', 'н', ''], ['--no-doctor']);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toMatch(/✗ .*\n/);
    expect(stdout).toContain('Ввести ключи заново?');
    expect(await readEnv()).toMatchObject({ AVITO_CLIENT_SECRET: 'sandbox-secret', TELEGRAM_BOT_TOKEN: '' });
  });

  it('asks only what the chosen engine needs: YandexGPT is a folder id and a key', async () => {
    const { code } = await answer(['', '3', 'b1gfolder', 'yandex-key', 'н', ''], ['--no-doctor']);
    expect(code).toBe(ExitCode.Ok);
    expect(await readEnv()).toMatchObject({
      KNOWLEDGE_ENGINE: 'openai',
      OPENAI_BASE_URL: 'https://ai.api.cloud.yandex.net/v1',
      OPENAI_API_KEY: 'yandex-key',
      OPENAI_PROJECT: 'b1gfolder',
      OPENAI_MODEL: 'gpt://b1gfolder/yandexgpt/latest',
      OPENAI_HEADERS: 'x-data-logging-enabled: false',
    });
  });

  it('webhooks: the https address is asked and a secret made', async () => {
    const { code, stdout } = await answer(['', '', 'н', '2', 'http://plain.example.ru', 'https://bot.example.ru'], ['--no-doctor']);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('Нужен адрес вида https://…');
    const written = await readEnv();
    expect(written.APP_BASE_URL).toBe('https://bot.example.ru');
    expect(written.AVITO_WEBHOOK_SECRET).toMatch(/^[0-9a-f]{48}$/);
    expect(stdout).toContain('avito-ai register-webhook');
  });

  it('never replaces an existing .env unasked; replacing keeps a backup and the settings not asked about', async () => {
    const old = 'AVITO_CLIENT_ID=old-id\nFALLBACK_TEXT=Спросите продавца\n';
    await writeFile(join(cwd, '.env'), old, { mode: 0o600 });
    const kept = await answer(['']);
    expect(kept.code).toBe(ExitCode.Ok);
    expect(await readFile(join(cwd, '.env'), 'utf8')).toBe(old);

    const replaced = await answer(['д', ...keys, '', 'н', ''], ['--no-doctor']);
    expect(replaced.code, replaced.stderr).toBe(ExitCode.Ok);
    expect(await readEnv()).toMatchObject({ AVITO_CLIENT_ID: 'sandbox-client', FALLBACK_TEXT: 'Спросите продавца' });
    const backups = (await readdir(cwd)).filter((name) => name.startsWith('.env.bak-'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(cwd, backups[0]!), 'utf8')).toBe(old);
    expect((await stat(join(cwd, backups[0]!))).mode & 0o777).toBe(0o600);
  });

  it('stopped half-way (the input ends, or Ctrl-C) leaves nothing written', async () => {
    const ended = await answer(['sandbox-client']);
    expect(ended.code).toBe(ExitCode.Failure);
    expect(ended.stdout).toContain('Прервано: ничего не записано.');
    expect(await readdir(cwd)).toEqual([]);

    const controller = new AbortController();
    const stdin = new PassThrough();
    const run = startInProcess(['init'], { cwd, env, stdin, signal: controller.signal });
    stdin.write('sandbox-client\n');
    while (!run.stdout().includes('client_secret')) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect((await run.done).code).toBe(ExitCode.Failure);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('with nowhere to type, says how to run it without questions', async () => {
    const { code, stderr } = await runInProcess(['init'], { cwd, env });
    expect(code).toBe(ExitCode.Usage);
    expect(stderr).toContain('avito-ai init --from-env');
  });
});

describe('avito-ai init --from-env', () => {
  const sandboxKeys = (): Record<string, string> => ({ AVITO_CLIENT_ID: 'sandbox-client', AVITO_CLIENT_SECRET: 'sandbox-secret' });

  it('writes the settings of the environment, checked, with no question', async () => {
    const { code, stdout, stderr } = await runInProcess(['init', '--from-env', '--engine', 'local', '--mode', 'poll', '--no-doctor'], { cwd, env: { ...env, ...sandboxKeys() } });
    expect(code, stderr).toBe(ExitCode.Ok);
    expect(stdout).toContain('9000001');
    expect(await readEnv()).toMatchObject({ ...sandboxKeys(), AVITO_API_URL: sandbox.url, KNOWLEDGE_ENGINE: 'local' });
    expect(await readdir(join(cwd, 'docs/knowledge'))).toEqual(['primer-zamenite-menya.md']);
  });

  it('refuses to replace a .env without --force, and keeps a backup with it', async () => {
    await writeFile(join(cwd, '.env'), 'AVITO_CLIENT_ID=old-id\n');
    const refused = await runInProcess(['init', '--from-env', '--no-doctor'], { cwd, env: { ...env, ...sandboxKeys() } });
    expect(refused.code).toBe(ExitCode.Usage);
    expect(refused.stderr).toContain('--force');
    expect(await readFile(join(cwd, '.env'), 'utf8')).toBe('AVITO_CLIENT_ID=old-id\n');
    const forced = await runInProcess(['init', '--from-env', '--force', '--no-doctor'], { cwd, env: { ...env, ...sandboxKeys() } });
    expect(forced.code).toBe(ExitCode.Ok);
    expect((await readdir(cwd)).some((name) => name.startsWith('.env.bak-'))).toBe(true);
  });

  it('rejected keys stop it before anything is written', async () => {
    const { code, stderr } = await runInProcess(['init', '--from-env'], { cwd, env: { ...env, AVITO_CLIENT_ID: 'sandbox-client', AVITO_CLIENT_SECRET: 'nope' } });
    expect(code).toBe(ExitCode.Failure);
    expect(stderr).toMatch(/^avito-ai: ключи Авито не приняты: /);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('fills TELEGRAM_OWNER_CHAT_ID from the one chat that pressed Start, and names the variable when none did', async () => {
    const telegramEnv = { ...env, TELEGRAM_BOT_TOKEN: telegram.token };
    const none = await runInProcess(['init', '--from-env', '--telegram-wait', '1', '--no-doctor'], { cwd, env: telegramEnv });
    expect(none.code).toBe(ExitCode.Config);
    expect(none.stderr).toContain('TELEGRAM_OWNER_CHAT_ID');
    expect(await readdir(cwd)).toEqual([]);

    telegram.userSends(OWNER, '/start', { firstName: 'Анна' });
    const one = await runInProcess(['init', '--from-env', '--telegram-wait', '1', '--no-doctor'], { cwd, env: telegramEnv });
    expect(one.code, one.stderr).toBe(ExitCode.Ok);
    expect((await readEnv()).TELEGRAM_OWNER_CHAT_ID).toBe(String(OWNER));
  });

  it('webhook mode needs APP_BASE_URL and makes the secret; YandexGPT needs its folder and key', async () => {
    const missing = await runInProcess(['init', '--from-env', '--mode', 'webhook', '--no-doctor'], { cwd, env });
    expect(missing.code).toBe(ExitCode.Config);
    expect(missing.stderr).toContain('APP_BASE_URL');
    const yandex = await runInProcess(['init', '--from-env', '--engine', 'yandexgpt', '--no-doctor'], { cwd, env });
    expect(yandex.code).toBe(ExitCode.Config);
    expect(yandex.stderr).toContain('OPENAI_PROJECT');

    const { code } = await runInProcess(['init', '--from-env', '--mode', 'webhook', '--engine', 'yandexgpt', '--no-doctor'], {
      cwd,
      env: { ...env, APP_BASE_URL: 'https://bot.example.ru', OPENAI_PROJECT: 'b1gfolder', OPENAI_API_KEY: 'k' },
    });
    expect(code).toBe(ExitCode.Ok);
    const written = await readEnv();
    expect(written.AVITO_WEBHOOK_SECRET).toMatch(/^[0-9a-f]{48}$/);
    expect(written.OPENAI_MODEL).toBe('gpt://b1gfolder/yandexgpt/latest');
  });
});

describe('renderEnvFile', () => {
  it('puts each value on its line, quotes what dotenv would otherwise cut, and adds the rest at the end', () => {
    const template = '# comment\n\n# ── Avito ──\nAVITO_CLIENT_ID=\nFALLBACK_TEXT=default\n# DEBUG=avito-ai shows stacks\n';
    const values = { AVITO_CLIENT_ID: 'id', FALLBACK_TEXT: "Нет в базе #1, 'увы'", DEBUG: 'avito-ai', OPENAI_HEADERS: ' a: "b" ' };
    const text = renderEnvFile(template, values, '# header');
    expect(text.startsWith('# header\n\n# ── Avito ──\nAVITO_CLIENT_ID=id\n')).toBe(true);
    expect(text).toContain('# DEBUG=avito-ai shows stacks\n');
    expect(parseDotenv(text)).toEqual(values);
  });
});
