/** `avito-ai resume <chatId>`: the bot answers in the chat again, from new messages on. */
import { UsageError } from '../../errors.js';
import { describeQueued, runControlRequest } from '../control.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { loadConfig } from '../services.js';

export default async function resume(context: CommandContext): Promise<ExitCode> {
  const chatId = String(context.args[0] ?? '').trim();
  if (context.options.all) {
    if (chatId) throw new UsageError('resume takes a chat id or --all, not both');
    return resumeAccount(context);
  }
  if (!chatId) throw new UsageError('resume needs a chat id, e.g. avito-ai resume u2i-abc123 (or --all)');
  const config = loadConfig(context);
  const result = await runControlRequest(config, { op: 'resume', chatId, at: Date.now() });
  context.io.stdout.write(
    result.applied === 'now'
      ? `${chatId}: the bot answers here again (new messages from now on)\n`
      : `${chatId}: resume queued: ${describeQueued(config)}\n`,
  );
  return ExitCode.Ok;
}

/** After the seller stopped another responder the bot found on the account: it answers everywhere again. */
async function resumeAccount(context: CommandContext): Promise<ExitCode> {
  const config = loadConfig(context);
  const result = await runControlRequest(config, { op: 'resume-account', at: Date.now() });
  context.io.stdout.write(
    result.applied === 'now'
      ? 'the bot answers on the whole account again (make sure no other avito-ai or bot answers it)\n'
      : `resume --all queued: ${describeQueued(config)}\n`,
  );
  return ExitCode.Ok;
}
