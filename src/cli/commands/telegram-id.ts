/** `avito-ai telegram-id`: shows the ids of the chats that wrote to the bot, for TELEGRAM_OWNER_CHAT_ID. */
import { ConfigError, UsageError } from '../../errors.js';
import { ExitCode } from '../exit-codes.js';
import { parsePositiveInt, type CommandContext } from '../command.js';
import { loadConfig } from '../services.js';
import { commandsText } from '../../messages/commands.js';
import type { Config } from '../../config/config.js';

/** The chats that wrote to the bot of `token` within `waitSeconds`, through the configured proxy; `init` asks it too. */
export async function findOwnerChats(config: Config, token: string, waitSeconds: number, onReady?: (bot: string) => void) {
  const [{ findChatsThatWrote }, { proxyAgentFor }] = await Promise.all([import('../../telegram/bot.js'), import('../../net/proxy.js')]);
  const agent = await proxyAgentFor(config.telegram.apiRoot, config.proxy);
  return findChatsThatWrote({ token, apiRoot: config.telegram.apiRoot, waitSeconds, ...(agent ? { agent } : {}), ...(onReady ? { onReady } : {}) });
}

export default async function telegramId(context: CommandContext): Promise<ExitCode> {
  const config = loadConfig(context);
  const wait = parsePositiveInt(context.options.wait, '--wait') ?? 60;
  if (wait > 600) throw new UsageError(commandsText().waitTooLong);
  const token = config.telegram.botToken;
  if (!token) {
    throw new ConfigError('TELEGRAM_BOT_TOKEN', commandsText().botTokenNotSet, { hint: commandsText().botTokenHint });
  }
  const { bot, chats } = await findOwnerChats(config, token, wait, (name) => context.io.stderr.write(`${commandsText().writeNow(name, wait)}\n`));
  const out = context.io.stdout;
  if (chats.length === 0) {
    out.write(`${commandsText().noOneWrote(bot, wait)}\n`);
    return ExitCode.Failure;
  }
  for (const chat of chats) out.write(`${String(chat.id).padEnd(16)} ${chat.type.padEnd(10)} ${chat.name}\n`);
  out.write(`\n${commandsText().putInEnv(chats.map((chat) => chat.id).join(','))}\n`);
  return ExitCode.Ok;
}
