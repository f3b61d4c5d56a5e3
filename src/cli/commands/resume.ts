/** `avito-ai resume <chatId>`: the bot answers in the chat again, from new messages on. */
import { UsageError } from '../../errors.js';
import { describeQueued, runControlRequest } from '../control.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { loadConfig } from '../services.js';

export default async function resume(context: CommandContext): Promise<ExitCode> {
  const chatId = String(context.args[0] ?? '').trim();
  if (!chatId) throw new UsageError('resume needs a chat id, e.g. avito-ai resume u2i-abc123');
  const config = loadConfig(context);
  const result = await runControlRequest(config, { op: 'resume', chatId, at: Date.now() });
  context.io.stdout.write(
    result.applied === 'now'
      ? `${chatId}: the bot answers here again (new messages from now on)\n`
      : `${chatId}: resume queued: ${describeQueued(config)}\n`,
  );
  return ExitCode.Ok;
}
