/** `avito-ai resume <chatId>`: the bot answers in the chat again, from new messages on; `resume --all`: on the whole account. */
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

/** Lifts `pause --all` and the hold for another responder the seller has stopped: the bot answers everywhere again. */
async function resumeAccount(context: CommandContext): Promise<ExitCode> {
  const config = loadConfig(context);
  const result = await runControlRequest(config, { op: 'resume-account', at: Date.now() });
  const waiting =
    config.responder.replyMaxAgeHours > 0
      ? `questions left waiting are answered if younger than ${config.responder.replyMaxAgeHours} h (REPLY_MAX_AGE_HOURS)`
      : 'questions left waiting are answered';
  context.io.stdout.write(
    result.applied === 'now'
      ? `the bot answers on the whole account again: pause --all and any hold for another responder are lifted; ${waiting} (make sure no other avito-ai or bot answers the account)\n`
      : `resume --all queued: ${describeQueued(config)}\n`,
  );
  return ExitCode.Ok;
}
