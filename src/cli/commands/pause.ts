/** `avito-ai pause <chatId> [--hours N]`: keep the bot silent in one chat; `pause --all`: on the whole account. */
import type { Config } from '../../config/config.js';
import { UsageError } from '../../errors.js';
import { errorsText } from '../../messages/errors.js';
import { describeQueued, runControlRequest } from '../control.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { loadAccountConfig } from '../accounts/load.js';
import { HOUR_MS } from '../../core/time.js';
import { commandsText } from '../../messages/commands.js';

export default async function pause(context: CommandContext): Promise<ExitCode> {
  const chatId = String(context.args[0] ?? '').trim();
  if (context.options.all) {
    if (chatId) throw new UsageError(commandsText().pauseBoth);
    return pauseAccount(context);
  }
  if (!chatId) throw new UsageError(commandsText().pauseNeedsChat);
  const config = loadAccountConfig(context);
  const hours = readHours(context) ?? config.responder.humanPauseHours;
  const until = Date.now() + hours * HOUR_MS;
  const result = await runControlRequest(config, { op: 'pause', chatId, until });
  const when = formatWhen(config, until);
  context.io.stdout.write(
    result.applied === 'now'
      ? `${commandsText().pausedUntil(chatId, when)}\n`
      : `${commandsText().pauseQueued(chatId, when, describeQueued(config))}\n`,
  );
  return ExitCode.Ok;
}

/** No chat answered until `resume --all` (or `--hours`): questions wait unread for the seller. */
async function pauseAccount(context: CommandContext): Promise<ExitCode> {
  const config = loadAccountConfig(context);
  const hours = readHours(context);
  const at = Date.now();
  const until = hours === undefined ? undefined : at + hours * HOUR_MS;
  const result = await runControlRequest(config, { op: 'pause-account', at, ...(until === undefined ? {} : { until }) });
  const end = until === undefined ? commandsText().untilResume : commandsText().untilOrResume(formatWhen(config, until));
  context.io.stdout.write(
    result.applied === 'now'
      ? `${commandsText().accountPausedNow(end)}\n`
      : `${commandsText().accountPauseQueued(end, describeQueued(config))}\n`,
  );
  return ExitCode.Ok;
}

function readHours(context: CommandContext): number | undefined {
  if (context.options.hours === undefined) return undefined;
  const hours = Number(context.options.hours);
  if (!Number.isFinite(hours) || hours <= 0) throw new UsageError(errorsText().positiveNumber('--hours', String(context.options.hours)));
  return hours;
}

/** A date and time the seller reads, in the configured time zone. */
export function formatWhen(config: Config, epochMs: number): string {
  return new Date(epochMs).toLocaleString('ru-RU', config.responder.timeZone ? { timeZone: config.responder.timeZone } : {});
}
