/**
 * `avito-ai doctor`: checks the settings, Avito (keys, account, tariff, webhook), the knowledge
 * base, Telegram and the store, printing each as OK or the problem and its fix. Exits 1 when
 * any check fails, so it can gate a deployment script.
 */
import { paintFor } from '../paint.js';
import { ConfigError } from '../../errors.js';
import { checkSettingNames, describeSettings, failure, runChecks, type CheckResult, type CheckStatus } from '../doctor.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { createLoggerFor } from '../services.js';
import { loadAccountsWithMain } from '../accounts/load.js';
import type { Config } from '../../config/config.js';
import { accountsText } from '../../messages/accounts.js';
import { doctorText } from '../../messages/doctor.js';

export default async function doctor(context: CommandContext): Promise<ExitCode> {
  const out = context.io.stdout;
  const json = Boolean(context.options.json);
  const c = paintFor(out, !json);
  const paint: Record<CheckStatus, (text: string) => string> = { ok: c.green, warn: c.yellow, fail: c.red, skip: c.dim };
  const text = doctorText();
  const labels: Record<CheckStatus, string> = { ok: text.labelOk, warn: text.labelWarn, fail: text.labelFail, skip: text.labelSkip };
  // Columns as wide as the language's longest label; titles longer than 16 just push their line.
  const labelWidth = Math.max(...Object.values(labels).map((label) => label.length)) + 1;
  const print = (result: CheckResult): void => {
    if (json) return;
    out.write(`${paint[result.status](labels[result.status].padEnd(labelWidth))} ${result.title.padEnd(16)} ${result.detail}\n`);
    if (result.fix && result.status !== 'ok') out.write(`${' '.repeat(labelWidth + 18)}${text.fixPrefix} ${result.fix}\n`);
  };

  let results: CheckResult[];
  const byAccount: Record<string, CheckResult[]> = {};
  try {
    const { main, accounts } = loadAccountsWithMain(context);
    results = [];
    // The main .env's misspellings, once, before the accounts (each account reports its own file's).
    if (main.accountsDir !== undefined && main.warnings.length > 0) {
      const names = checkSettingNames(main);
      print(names);
      results.push(names);
    }
    for (const config of accounts) {
      // Each account's checks under its name (ACCOUNTS_DIR); one account prints as before.
      if (config.account !== undefined && !json) out.write(`${results.length > 0 ? '\n' : ''}${c.bold(accountsText().accountHeading(config.account))}\n`);
      const checked = await checkAccount(config, context, print);
      if (config.account !== undefined) byAccount[config.account] = checked;
      results.push(...checked);
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Nothing else can be checked without settings; the one problem is the report.
    const result: CheckResult = { id: 'config', title: text.titleSettings, ...failure(error) };
    print(result);
    results = [result];
  }

  const failed = results.filter((result) => result.status === 'fail').length;
  const warned = results.filter((result) => result.status === 'warn').length;
  if (json) out.write(`${JSON.stringify({ ok: failed === 0, checks: results, ...(Object.keys(byAccount).length > 0 ? { accounts: byAccount } : {}) }, null, 2)}\n`);
  else if (failed > 0) out.write(`\n${c.red(text.problems(failed))}${warned ? `, ${text.warnings(warned)}` : ''}: ${text.fixThem}\n`);
  else out.write(`\n${c.green(text.allGood)}${warned ? ` ${text.warningsAbove(text.warnings(warned))}` : ''}\n`);
  return failed > 0 ? ExitCode.Failure : ExitCode.Ok;
}

/** The settings as resolved, then every outside system the account uses. */
async function checkAccount(config: Config, context: CommandContext, print: (result: CheckResult) => void): Promise<CheckResult[]> {
  const settings = describeSettings(config);
  print(settings);
  // Log lines (retries, discoveries) would interleave with the report: only warnings and worse.
  const logger = createLoggerFor({ ...config, log: { ...config.log, level: 'warn', debug: false } }, context);
  return [settings, ...(await runChecks(config, logger, print))];
}
