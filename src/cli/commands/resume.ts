/** `avito-ai resume <chatId>`: the bot answers in the chat again, from new messages on; `resume --all`: on the whole account. */
import { UsageError } from '../../errors.js';
import { describeQueued, runControlRequest } from '../control.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { loadAccountConfig } from '../accounts/load.js';
import { commandsText } from '../../messages/commands.js';

export default async function resume(context: CommandContext): Promise<ExitCode> {
  const chatId = String(context.args[0] ?? '').trim();
  if (context.options.all) {
    if (chatId) throw new UsageError(commandsText().resumeBoth);
    return resumeAccount(context);
  }
  if (!chatId) throw new UsageError(commandsText().resumeNeedsChat);
  const config = loadAccountConfig(context);
  const result = await runControlRequest(config, { op: 'resume', chatId, at: Date.now() });
  context.io.stdout.write(
    result.applied === 'now'
      ? `${commandsText().resumedChat(chatId)}\n`
      : `${commandsText().resumeQueued(chatId, describeQueued(config))}\n`,
  );
  return ExitCode.Ok;
}

/** Lifts `pause --all` and the hold for another responder the seller has stopped: the bot answers everywhere again. */
async function resumeAccount(context: CommandContext): Promise<ExitCode> {
  const config = loadAccountConfig(context);
  const result = await runControlRequest(config, { op: 'resume-account', at: Date.now() });
  const waiting =
    config.responder.replyMaxAgeHours > 0
      ? commandsText().waitingYounger(config.responder.replyMaxAgeHours)
      : commandsText().waitingAll;
  context.io.stdout.write(
    result.applied === 'now'
      ? `${commandsText().resumedAccount(waiting)}\n`
      : `${commandsText().resumeAccountQueued(describeQueued(config))}\n`,
  );
  return ExitCode.Ok;
}
