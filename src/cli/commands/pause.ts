/** `avito-ai pause <chatId> [--hours N]`: keep the bot silent in one chat; `pause --all`: on the whole account. */
import type { Config } from '../../config/config.js';
import { UsageError } from '../../errors.js';
import { describeQueued, runControlRequest } from '../control.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { loadConfig } from '../services.js';
import { HOUR_MS } from '../../core/time.js';

export default async function pause(context: CommandContext): Promise<ExitCode> {
  const chatId = String(context.args[0] ?? '').trim();
  if (context.options.all) {
    if (chatId) throw new UsageError('pause takes a chat id or --all, not both');
    return pauseAccount(context);
  }
  if (!chatId) throw new UsageError('pause needs a chat id, e.g. avito-ai pause u2i-abc123 (or --all for the whole account)');
  const config = loadConfig(context);
  const hours = readHours(context) ?? config.responder.humanPauseHours;
  const until = Date.now() + hours * HOUR_MS;
  const result = await runControlRequest(config, { op: 'pause', chatId, until });
  const when = formatWhen(config, until);
  context.io.stdout.write(
    result.applied === 'now'
      ? `${chatId}: the bot is paused until ${when}\n`
      : `${chatId}: pause until ${when} queued: ${describeQueued(config)}\n`,
  );
  return ExitCode.Ok;
}

/** No chat answered until `resume --all` (or `--hours`): questions wait unread for the seller. */
async function pauseAccount(context: CommandContext): Promise<ExitCode> {
  const config = loadConfig(context);
  const hours = readHours(context);
  const at = Date.now();
  const until = hours === undefined ? undefined : at + hours * HOUR_MS;
  const result = await runControlRequest(config, { op: 'pause-account', at, ...(until === undefined ? {} : { until }) });
  const end = until === undefined ? 'until avito-ai resume --all' : `until ${formatWhen(config, until)} (or avito-ai resume --all)`;
  context.io.stdout.write(
    result.applied === 'now'
      ? `the bot answers no chat on the account ${end}; questions wait unread for you\n`
      : `pause --all ${end} queued: ${describeQueued(config)}\n`,
  );
  return ExitCode.Ok;
}

function readHours(context: CommandContext): number | undefined {
  if (context.options.hours === undefined) return undefined;
  const hours = Number(context.options.hours);
  if (!Number.isFinite(hours) || hours <= 0) throw new UsageError(`--hours must be a positive number, got "${String(context.options.hours)}"`);
  return hours;
}

/** A date and time the seller reads, in the configured time zone. */
export function formatWhen(config: Config, epochMs: number): string {
  return new Date(epochMs).toLocaleString('ru-RU', config.responder.timeZone ? { timeZone: config.responder.timeZone } : {});
}
