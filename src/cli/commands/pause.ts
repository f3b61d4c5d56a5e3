/** `avito-ai pause <chatId> [--hours N]`: keep the bot silent in one chat. */
import { UsageError } from '../../errors.js';
import { describeQueued, runControlRequest } from '../control.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { loadConfig } from '../services.js';
import { HOUR_MS } from '../../core/time.js';

export default async function pause(context: CommandContext): Promise<ExitCode> {
  const chatId = String(context.args[0] ?? '').trim();
  if (!chatId) throw new UsageError('pause needs a chat id, e.g. avito-ai pause u2i-abc123');
  const config = loadConfig(context);
  const hours = context.options.hours === undefined ? config.responder.humanPauseHours : Number(context.options.hours);
  if (!Number.isFinite(hours) || hours <= 0) throw new UsageError(`--hours must be a positive number, got "${String(context.options.hours)}"`);
  const until = Date.now() + hours * HOUR_MS;
  const result = await runControlRequest(config, { op: 'pause', chatId, until });
  const when = new Date(until).toLocaleString('ru-RU', config.responder.timeZone ? { timeZone: config.responder.timeZone } : {});
  context.io.stdout.write(
    result.applied === 'now'
      ? `${chatId}: the bot is paused until ${when}\n`
      : `${chatId}: pause until ${when} queued: ${describeQueued(config)}\n`,
  );
  return ExitCode.Ok;
}
