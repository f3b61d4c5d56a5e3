/** `avito-ai resume <chatId>`: the bot answers in the chat again, from new messages on. */
import { UsageError } from '../../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../program.js';
import { loadConfig, openStoreFor } from '../services.js';

export default async function resume(context: CommandContext): Promise<ExitCode> {
  const chatId = String(context.args[0] ?? '').trim();
  if (!chatId) throw new UsageError('resume needs a chat id, e.g. avito-ai resume u2i-abc123');
  const config = loadConfig(context);
  const store = await openStoreFor(config);
  try {
    const known = store.getChat(chatId);
    if (!known) throw new UsageError(`no chat ${chatId} in ${config.store.path} (see avito-ai chats --all)`);
    await store.updateChat(chatId, (s) => {
      delete s.pausedUntil;
      delete s.pauseReason;
      delete s.escalatedAt;
      s.engineFailures = 0;
      // What the buyer wrote while a person had the chat is theirs to answer, not the bot's.
      s.lastHandledAt = Math.floor(Date.now() / 1000);
    });
  } finally {
    await store.close();
  }
  context.io.stdout.write(`${chatId}: the bot answers here again (new messages from now on)\n`);
  return ExitCode.Ok;
}
