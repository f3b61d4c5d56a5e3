/**
 * What `init` asks the outside world while the seller answers: doctor's own Avito check (token,
 * accounts/self, tariff) and telegram-id's look at who wrote to the bot, on the answers so far.
 */
import { resolveConfig, type Config, type ConfigKey } from '../../config/config.js';
import type { SeenChat } from '../../telegram/bot.js';
import { checkAvito, type CheckResult } from '../doctor.js';
import { findOwnerChats } from '../commands/telegram-id.js';
import type { Logger } from '../logger.js';
import type { EnvValues } from './env-file.js';

/** The settings the answers so far make, as the daemon will read them (no `.env`, no environment). */
export function configOf(values: EnvValues, cwd: string): Config {
  return resolveConfig({ env: {}, cwd, skipEnvFile: true, flags: values as Partial<Record<ConfigKey, string>> });
}

/** `ok` when Avito issued a token and named the account; the tariff line is shown, but is the seller's to fix later. */
export async function checkAvitoKeys(values: EnvValues, cwd: string, logger: Logger): Promise<{ ok: boolean; results: CheckResult[] }> {
  const results = (await checkAvito(configOf(values, cwd), logger)).filter((result) => result.id !== 'webhook' && result.status !== 'skip');
  const ok = results.every((result) => result.status !== 'fail' || result.id === 'avito-tariff');
  return { ok, results };
}

/** One polling round: short, so that Ctrl-C is obeyed within seconds (telegraf's request cannot be aborted). */
const ROUND_SECONDS = 5;

/**
 * The chats that wrote to the bot, waiting up to `seconds` for the first; `onReady` once the token is
 * known good. Throws TelegramBotError for a rejected token or an unreachable Telegram.
 */
export async function waitForOwnerChats(
  values: EnvValues,
  cwd: string,
  seconds: number,
  signal: AbortSignal,
  onReady: (bot: string) => void,
): Promise<{ bot: string; chats: SeenChat[] }> {
  const config = configOf(values, cwd);
  const token = config.telegram.botToken ?? '';
  const deadline = Date.now() + seconds * 1000;
  let ready = false;
  for (;;) {
    const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    const found = await findOwnerChats(config, token, Math.min(ROUND_SECONDS, left), (bot) => {
      if (!ready) onReady(bot);
      ready = true;
    });
    if (found.chats.length > 0 || left <= ROUND_SECONDS || signal.aborted) return found;
  }
}

/** A chat as the seller recognises it: its name, then its id. */
export function describeChat(chat: SeenChat): string {
  return chat.name ? `${chat.name} (${chat.id})` : String(chat.id);
}

export type { CheckResult };
