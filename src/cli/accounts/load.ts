/** The accounts a command runs for: every account for `serve`, `poll` and `doctor`; the one `--account` names for the others. */
import { resolveAccounts, selectAccount } from '../../config/accounts.js';
import { describeConfigWarning, type Config, type ConfigKey } from '../../config/config.js';
import { ConfigError } from '../../errors.js';
import { accountsText } from '../../messages/accounts.js';
import type { CommandContext } from '../command.js';
import { withLogFields, type Logger } from '../logger.js';
import { createLoggerFor, loadConfig } from '../services.js';

type Flags = Partial<Record<ConfigKey, string | undefined>>;

/** The main settings alone without ACCOUNTS_DIR; else one Config per account file, each warned about its unknown names once. */
export function loadAccounts(context: CommandContext, flags: Flags = {}): Config[] {
  return loadAccountsWithMain(context, flags).accounts;
}

/** The accounts and the main settings (for what the process keeps once: the monitor's token beside the main STORE_PATH). */
export function loadAccountsWithMain(context: CommandContext, flags: Flags = {}): { main: Config; accounts: Config[] } {
  const main = loadConfig(context, flags);
  if (main.accountsDir === undefined) return { main, accounts: [main] };
  const accounts = resolveAccounts(
    {
      env: context.io.env,
      cwd: context.io.cwd,
      ...(context.globals.envFile ? { envFile: context.globals.envFile } : {}),
      flags: { ...(context.globals.store ? { STORE_PATH: context.globals.store } : {}), ...flags },
    },
    main,
  );
  if (!warnedRuns.has(context.io)) {
    warnedRuns.add(context.io);
    for (const config of accounts) {
      const logger = createAccountLogger(createLoggerFor(config, context), config);
      for (const warning of config.warnings) logger.warn(describeConfigWarning(warning, config.envFile));
    }
  }
  return { main, accounts };
}

const warnedRuns = new WeakSet<object>();

/** The account `--account` names; without ACCOUNTS_DIR the main settings, as before. */
export function loadAccountConfig(context: CommandContext, flags: Flags = {}): Config {
  const name = context.options.account === undefined ? undefined : String(context.options.account);
  return selectAccount(loadAccounts(context, flags), name);
}

/** Runs a check on every account; a ConfigError it throws names the account and its file. */
export function checkEachAccount(accounts: readonly Config[], check: (config: Config) => void): void {
  for (const config of accounts) {
    try {
      check(config);
    } catch (error) {
      throw nameAccountIn(error, config);
    }
  }
}

/** A setting's error as the seller must read it with several accounts: which account, which file. */
export function nameAccountIn(error: unknown, config: Config): unknown {
  if (!(error instanceof ConfigError) || config.account === undefined) return error;
  return new ConfigError(error.key, accountsText().inAccount(config.account, config.envFile ?? '', error.message), error.hint === undefined ? {} : { hint: error.hint });
}

/** Every line of an account's work carries `account=<name>`; without ACCOUNTS_DIR the logger is unchanged. */
export function createAccountLogger(logger: Logger, config: Config): Logger {
  return config.account === undefined ? logger : withLogFields(logger, { account: config.account });
}
