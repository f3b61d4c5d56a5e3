import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAccounts, selectAccount } from '../../src/config/accounts.js';
import { resolveConfig, type ResolveOptions } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors.js';

/** A working folder with a main .env and `accounts/<name>.env` files. */
function setUp(files: Record<string, string>, mainEnv = 'ACCOUNTS_DIR=accounts\nAVITO_CLIENT_SECRET=main-secret\nREPLY_DELAY=7\n'): string {
  const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-accounts-'));
  writeFileSync(join(cwd, '.env'), mainEnv);
  mkdirSync(join(cwd, 'accounts'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, 'accounts', name), text);
  return cwd;
}

function resolve(cwd: string, extra: Partial<ResolveOptions> = {}) {
  const options: ResolveOptions = { env: {}, cwd, ...extra };
  return resolveAccounts(options, resolveConfig(options));
}

function thrown(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('ACCOUNTS_DIR', () => {
  it('without it, the main settings are the one account, unnamed', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-accounts-'));
    const [only, ...rest] = resolve(cwd);
    expect(rest).toEqual([]);
    expect(only!.account).toBeUndefined();
    expect(only!.store.path).toBe(join(cwd, 'data', 'avito-ai.json'));
  });

  it('resolves each account: defaults → main .env → environment → account file → flags; the store is data/<name>.json', () => {
    const cwd = setUp({
      'shop1.env': 'AVITO_CLIENT_ID=one\nAVITO_WEBHOOK_SECRET=shop1-secret-0123456789\nHUMAN_PAUSE_HOURS=3\nKNOWLEDGE_DIR=docs/shop1\n',
      'shop-2.env': 'AVITO_CLIENT_ID=two\nAVITO_WEBHOOK_SECRET=shop2-secret-0123456789\nREPLY_DELAY=9\nAVITO_POLL_INTERVAL=5\nSTORE_PATH=elsewhere/two.json\n',
      'notes.txt': 'not an account',
    });
    const accounts = resolve(cwd, { env: { REPLY_DELAY: '8', HUMAN_PAUSE_HOURS: '4' }, flags: { AVITO_POLL_INTERVAL: '60' } });
    expect(accounts.map((config) => config.account)).toEqual(['shop-2', 'shop1']);
    const [two, one] = accounts as [ReturnType<typeof resolve>[0], ReturnType<typeof resolve>[0]];
    // The main .env's secret, the environment over the main .env, the account file over both, flags over all.
    expect(one.avito).toMatchObject({ clientId: 'one', clientSecret: 'main-secret', pollIntervalSeconds: 60 });
    expect(one.server.replyDelayMs).toBe(8000);
    expect(one.responder.humanPauseHours).toBe(3);
    expect(one.knowledge.dir).toBe(join(cwd, 'docs', 'shop1'));
    expect(one.store.path).toBe(join(cwd, 'data', 'shop1.json'));
    expect(one.envFile).toBe(join(cwd, 'accounts', 'shop1.env'));
    expect(two.server.replyDelayMs).toBe(9000);
    expect(two.responder.humanPauseHours).toBe(4);
    expect(two.avito.pollIntervalSeconds).toBe(60);
    expect(two.store.path).toBe(join(cwd, 'elsewhere', 'two.json'));
  });

  it('puts the account stores beside the main STORE_PATH, --store included', () => {
    const cwd = setUp({ 'a.env': 'AVITO_CLIENT_ID=a\n', 'b.env': 'AVITO_CLIENT_ID=b\n' });
    const accounts = resolve(cwd, { flags: { STORE_PATH: '/var/lib/bot/main.json' } });
    expect(accounts.map((config) => config.store.path)).toEqual(['/var/lib/bot/a.json', '/var/lib/bot/b.json']);
  });

  it('warns about an unknown name in an account file, naming the nearest setting', () => {
    const cwd = setUp({ 'a.env': 'AVITO_CLIENT_ID=a\nFALLBACK_TXT=нет\n' });
    const [account] = resolve(cwd);
    expect(account!.warnings).toEqual([{ key: 'FALLBACK_TXT', nearest: 'FALLBACK_TEXT', source: '.env' }]);
  });

  it.each([
    ['shop 1.env', /shop 1\.env: в имени аккаунта допустимы только латинские буквы, цифры, «-» и «_»/],
    ['магазин.env', /магазин\.env: в имени аккаунта допустимы только латинские буквы/],
  ])('refuses the account file name %s', (name, message) => {
    const error = thrown(() => resolve(setUp({ [name]: 'AVITO_CLIENT_ID=a\n' })));
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/переименуйте файл/);
  });

  it.each(['PORT', 'HOST', 'MONITOR_PORT', 'MONITOR_TOKEN', 'LOG_LEVEL', 'HTTPS_PROXY', 'APP_BASE_URL', 'ACCOUNTS_DIR', 'STORE_URL'])('refuses the process-wide %s in an account file', (key) => {
    const error = thrown(() => resolve(setUp({ 'a.env': `AVITO_CLIENT_ID=a\n${key}=x\n` })));
    expect(error.message).toMatch(new RegExp(`a\\.env: ${key} — общая настройка всех аккаунтов, в файле аккаунта её задать нельзя$`));
    expect(error.hint).toMatch(new RegExp(`перенесите ${key} в основной \\.env`));
  });

  it.each([
    ['AVITO_CLIENT_ID', { 'a.env': 'AVITO_WEBHOOK_SECRET=aaaaaaaaaaaaaaaaaaaa\n', 'b.env': 'AVITO_WEBHOOK_SECRET=bbbbbbbbbbbbbbbbbbbb\n' }, 'AVITO_CLIENT_ID=same\n'],
    ['AVITO_WEBHOOK_SECRET', { 'a.env': 'AVITO_CLIENT_ID=a\nAVITO_WEBHOOK_SECRET=same-secret-0123456789\n', 'b.env': 'AVITO_CLIENT_ID=b\nAVITO_WEBHOOK_SECRET=same-secret-0123456789\n' }, ''],
    ['STORE_PATH', { 'a.env': 'AVITO_CLIENT_ID=a\nSTORE_PATH=data/one.json\n', 'b.env': 'AVITO_CLIENT_ID=b\nSTORE_PATH=./data/one.json\n' }, ''],
  ])('refuses two accounts with the same %s, never echoing the value', (key, files, main) => {
    const error = thrown(() => resolve(setUp(files, `ACCOUNTS_DIR=accounts\n${main}`)));
    expect(error.message).toBe(`аккаунты «a» и «b»: одинаковый ${key}`);
    expect(error.key).toBe(key);
    expect(error.message).not.toMatch(/same|abcdefgh/);
  });

  it('lets accounts share a Telegram bot with its owners only', () => {
    const main = 'ACCOUNTS_DIR=accounts\nTELEGRAM_BOT_TOKEN=123:abcdefgh\nTELEGRAM_OWNER_CHAT_ID=1,2\n';
    expect(resolve(setUp({ 'a.env': 'AVITO_CLIENT_ID=a\n', 'b.env': 'AVITO_CLIENT_ID=b\nTELEGRAM_OWNER_CHAT_ID=2,1\n' }, main))).toHaveLength(2);
    const error = thrown(() => resolve(setUp({ 'a.env': 'AVITO_CLIENT_ID=a\n', 'b.env': 'AVITO_CLIENT_ID=b\nTELEGRAM_OWNER_CHAT_ID=3\n' }, main)));
    expect(error.message).toBe('аккаунты «a» и «b»: один бот Telegram, но разные TELEGRAM_OWNER_CHAT_ID');
    expect(error.message).not.toContain('abcdefgh');
  });

  it('names the account and its file when one of its values is malformed', () => {
    const cwd = setUp({ 'a.env': 'AVITO_CLIENT_ID=a\nREPLY_DELAY=soon\n' });
    const error = thrown(() => resolve(cwd));
    expect(error.message).toBe(`аккаунт «a» (${join(cwd, 'accounts', 'a.env')}): REPLY_DELAY: ожидается число от 0 до 600, а задано "soon"`);
  });

  it('says what to do with a missing or empty folder', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-accounts-'));
    expect(thrown(() => resolve(cwd, { env: { ACCOUNTS_DIR: 'nowhere' } })).message).toMatch(/^ACCOUNTS_DIR: не удаётся прочитать папку .*nowhere: ENOENT$/);
    mkdirSync(join(cwd, 'empty'));
    expect(thrown(() => resolve(cwd, { env: { ACCOUNTS_DIR: 'empty' } })).message).toMatch(/в папке .*empty нет ни одного файла аккаунта <имя>\.env$/);
  });
});

describe('--account', () => {
  const cwd = setUp({ 'a.env': 'AVITO_CLIENT_ID=a\n', 'b.env': 'AVITO_CLIENT_ID=b\n' });
  const accounts = resolve(cwd);

  it('picks the named account', () => {
    expect(selectAccount(accounts, 'b').avito.clientId).toBe('b');
  });

  it('is needed with several accounts, and an unknown name lists the known ones', () => {
    expect(thrown(() => selectAccount(accounts, undefined)).message).toBe('аккаунтов несколько (a, b): укажите, какой, флагом --account <имя>');
    expect(thrown(() => selectAccount(accounts, 'c')).message).toBe('аккаунта «c» нет; есть: a, b');
  });

  it('is not needed with one account, and refused without ACCOUNTS_DIR', () => {
    expect(selectAccount(resolve(setUp({ 'only.env': '' })), undefined).account).toBe('only');
    const single = resolve(mkdtempSync(join(tmpdir(), 'avito-ai-accounts-')));
    expect(selectAccount(single, undefined).account).toBeUndefined();
    expect(thrown(() => selectAccount(single, 'a')).message).toBe('--account a: ACCOUNTS_DIR не задан, аккаунт здесь один');
  });
});
