/**
 * `avito-ai doctor`: checks the settings, Avito (keys, account, tariff, webhook), the knowledge
 * base, Telegram and the store, printing each as OK or the problem and its fix. Exits 1 when
 * any check fails, so it can gate a deployment script.
 */
import { paintFor } from '../paint.js';
import { ConfigError } from '../../errors.js';
import { describeSettings, failure, runChecks, type CheckResult, type CheckStatus } from '../doctor.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { createLoggerFor, loadConfig } from '../services.js';

const LABELS: Record<CheckStatus, string> = { ok: 'OK', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

export default async function doctor(context: CommandContext): Promise<ExitCode> {
  const out = context.io.stdout;
  const json = Boolean(context.options.json);
  const c = paintFor(out, !json);
  const paint: Record<CheckStatus, (text: string) => string> = { ok: c.green, warn: c.yellow, fail: c.red, skip: c.dim };
  const print = (result: CheckResult): void => {
    if (json) return;
    out.write(`${paint[result.status](LABELS[result.status].padEnd(5))} ${result.title.padEnd(16)} ${result.detail}\n`);
    if (result.fix && result.status !== 'ok') out.write(`${' '.repeat(23)}fix: ${result.fix}\n`);
  };

  let results: CheckResult[];
  try {
    const config = loadConfig(context);
    const settings = describeSettings(config);
    print(settings);
    // Log lines (retries, discoveries) would interleave with the report: only warnings and worse.
    const logger = createLoggerFor({ ...config, log: { ...config.log, level: 'warn', debug: false } }, context);
    results = [settings, ...(await runChecks(config, logger, print))];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Nothing else can be checked without settings; the one problem is the report.
    const result: CheckResult = { id: 'config', title: 'Settings', ...failure(error) };
    print(result);
    results = [result];
  }

  const failed = results.filter((result) => result.status === 'fail').length;
  const warned = results.filter((result) => result.status === 'warn').length;
  if (json) out.write(`${JSON.stringify({ ok: failed === 0, checks: results }, null, 2)}\n`);
  else if (failed > 0) out.write(`\n${c.red(`${failed} ${failed === 1 ? 'problem' : 'problems'}`)}${warned ? `, ${warned} warning${warned === 1 ? '' : 's'}` : ''}: fix them and run avito-ai doctor again.\n`);
  else out.write(`\n${c.green('Everything avito-ai needs is in place.')}${warned ? ` ${warned} warning${warned === 1 ? '' : 's'} above.` : ''}\n`);
  return failed > 0 ? ExitCode.Failure : ExitCode.Ok;
}
