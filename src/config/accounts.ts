/**
 * Many Avito accounts from one install: ACCOUNTS_DIR holds one `<name>.env` file per account. Each account's settings
 * resolve as defaults → main `.env` → environment → the account's file → flags, into a full Config of its own; its store
 * is `<folder of the main STORE_PATH>/<name>.json` unless the file names one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { ConfigError } from '../errors.js';
import { accountsText } from '../messages/accounts.js';
import { DEFAULTS, findUnknownSettings, resolveConfig, type Config, type ConfigKey, type ResolveOptions } from './config.js';

/** Letters, digits, `-` and `_`: the name goes into file names, log fields, URLs and store keys. */
const ACCOUNT_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What one process shares among its accounts: where it listens, its monitor, its log, its proxies, where its data
 * lives. An account file setting one of them is refused, so the seller never believes an account got its own.
 */
export const PROCESS_WIDE_KEYS: readonly string[] = [
  'HOST',
  'PORT',
  'MONITOR_HOST',
  'MONITOR_PORT',
  'MONITOR_TOKEN',
  'APP_BASE_URL',
  'LOG_FORMAT',
  'LOG_LEVEL',
  'DEBUG',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'ACCOUNTS_DIR',
  'STORE_URL',
];

/** The accounts to run: the main settings alone without ACCOUNTS_DIR, else one Config per file, sorted by name. */
export function resolveAccounts(options: ResolveOptions, main: Config): Config[] {
  if (main.accountsDir === undefined) return [main];
  const files = listAccountFiles(main.accountsDir);
  const accounts = files.map((file) => resolveAccount(options, main, file));
  refuseSharedAccounts(accounts);
  return accounts;
}

function listAccountFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError('ACCOUNTS_DIR', accountsText().dirUnreadable(dir, code), { hint: accountsText().dirHint });
  }
  const files = names.filter((name) => name.endsWith('.env')).sort();
  if (files.length === 0) throw new ConfigError('ACCOUNTS_DIR', accountsText().dirEmpty(dir), { hint: accountsText().dirHint });
  return files.map((name) => join(dir, name));
}

function resolveAccount(options: ResolveOptions, main: Config, file: string): Config {
  const name = file.slice(dirname(file).length + 1, -'.env'.length);
  if (!ACCOUNT_NAME.test(name)) throw new ConfigError('ACCOUNTS_DIR', accountsText().badName(file), { hint: accountsText().badNameHint });
  const values = readAccountFile(file);
  const refused = Object.keys(values).find((key) => PROCESS_WIDE_KEYS.includes(key.toUpperCase()));
  if (refused !== undefined) throw new ConfigError(refused, accountsText().processWide(file, refused), { hint: accountsText().processWideHint(refused) });
  const known = Object.fromEntries(Object.entries(values).filter(([key]) => Object.hasOwn(DEFAULTS, key))) as Partial<Record<ConfigKey, string>>;
  // The account's own store beats `--store`, which then only says where the data folder is.
  const storePath = known.STORE_PATH?.trim() || join(dirname(main.store.path), `${name}.json`);
  let config: Config;
  try {
    config = resolveConfig({ ...options, flags: { ...known, ...options.flags, STORE_PATH: storePath } });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(error.key, accountsText().inAccount(name, file, error.message), error.hint === undefined ? {} : { hint: error.hint });
  }
  // The main settings' misspellings are reported once, by the main Config; an account reports its own file's.
  const warnings = findUnknownSettings(Object.keys(values), []);
  return { ...config, account: name, envFile: file, log: main.log, warnings };
}

function readAccountFile(file: string): Record<string, string> {
  try {
    return parseDotenv(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError('ACCOUNTS_DIR', accountsText().fileUnreadable(file, code), { hint: accountsText().dirHint });
  }
}

/** Two accounts on one Avito client, one webhook secret or one store would answer the same buyers twice or mix their data. */
function refuseSharedAccounts(accounts: Config[]): void {
  const shared: Array<[ConfigKey, (config: Config) => string | undefined]> = [
    ['AVITO_CLIENT_ID', (config) => config.avito.clientId],
    ['AVITO_WEBHOOK_SECRET', (config) => config.server.webhookSecret],
    ['STORE_PATH', (config) => config.store.path],
  ];
  for (const [key, read] of shared) {
    const owners = new Map<string, string>();
    for (const config of accounts) {
      const value = read(config);
      if (value === undefined) continue;
      const first = owners.get(value);
      // Never echo a secret: the accounts and the setting's name say enough.
      if (first !== undefined) throw new ConfigError(key, accountsText().shared(first, config.account ?? '', key), { hint: accountsText().sharedHint(key) });
      owners.set(value, config.account ?? '');
    }
  }
  refuseBotWithOtherOwners(accounts);
}

/** A bot several accounts share has one set of owners: whoever may command it may act in each of its accounts. */
function refuseBotWithOtherOwners(accounts: Config[]): void {
  const bots = new Map<string, Config>();
  for (const config of accounts) {
    const { botToken, apiRoot, ownerChatIds } = config.telegram;
    if (botToken === undefined) continue;
    const key = `${apiRoot} ${botToken}`;
    const first = bots.get(key);
    if (first === undefined) bots.set(key, config);
    else if ([...first.telegram.ownerChatIds].sort().join() !== [...ownerChatIds].sort().join()) {
      throw new ConfigError('TELEGRAM_OWNER_CHAT_ID', accountsText().botOwnersDiffer(first.account ?? '', config.account ?? ''), { hint: accountsText().botOwnersDifferHint });
    }
  }
}

/** The account `--account` names; without it, the only account. Errors list the names. */
export function selectAccount(accounts: readonly Config[], name: string | undefined): Config {
  const names = accounts.map((config) => config.account ?? '').join(', ');
  if (name !== undefined && accounts[0]?.account === undefined) throw new ConfigError('--account', accountsText().noAccountsDir(name), { hint: accountsText().noAccountsDirHint });
  if (name === undefined) {
    if (accounts.length === 1) return accounts[0]!;
    throw new ConfigError('--account', accountsText().chooseAccount(names), { hint: accountsText().chooseAccountHint });
  }
  const found = accounts.find((config) => config.account === name);
  if (!found) throw new ConfigError('--account', accountsText().unknownAccount(name, names), { hint: accountsText().chooseAccountHint });
  return found;
}
