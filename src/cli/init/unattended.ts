/**
 * `avito-ai init --from-env`: the same `.env` without questions, for scripts and images. The settings come
 * from the environment, the choices from flags; the Avito keys and the Telegram owner are checked as in the
 * guided form, and any problem stops it before anything is written.
 */
import { DEFAULTS, type ConfigKey } from '../../config/config.js';
import { AvitoAiError, ConfigError, UsageError } from '../../errors.js';
import { initText } from '../../messages/init.js';
import type { OutputStream } from '../io.js';
import type { Logger } from '../logger.js';
import { checkAvitoKeys, configOf, describeChat, waitForOwnerChats } from './checks.js';
import type { EnvValues } from './env-file.js';
import { createWebhookSecret, printResults, yandexSettings } from './interview.js';
import type { ChalkInstance } from 'chalk';

/** A check `init --from-env` ran did not pass: nothing was written. */
export class InitCheckError extends AvitoAiError {}

export interface UnattendedOptions {
  engine?: string;
  mode?: string;
  telegramWaitSeconds: number;
}

export interface UnattendedContext {
  env: Record<string, string | undefined>;
  cwd: string;
  out: OutputStream;
  c: ChalkInstance;
  logger: Logger;
  signal: AbortSignal;
}

/** The values for `.env`, checked; throws (writing nothing) when they would not work. */
export async function collectFromEnvironment(context: UnattendedContext, options: UnattendedOptions): Promise<EnvValues> {
  const values = pickSettings(context.env);
  applyEngine(values, options.engine);
  applyMode(values, options.mode);
  // Malformed values fail here with the variable named, as every command would fail on them.
  configOf(values, context.cwd);
  if (values.AVITO_CLIENT_ID && values.AVITO_CLIENT_SECRET) {
    const { ok, results } = await checkAvitoKeys(values, context.cwd, context.logger);
    printResults(context, results);
    const failed = results.find((result) => result.status === 'fail' && result.id !== 'avito-tariff');
    if (!ok && failed) throw new InitCheckError(initText().avitoRejected(failed.detail), failed.fix ? { hint: failed.fix } : {});
  }
  if (values.TELEGRAM_BOT_TOKEN && !values.TELEGRAM_OWNER_CHAT_ID) values.TELEGRAM_OWNER_CHAT_ID = await findOwner(context, values, options.telegramWaitSeconds);
  return values;
}

/** Every avito-ai setting the environment gives a value. */
function pickSettings(env: Record<string, string | undefined>): EnvValues {
  const values: EnvValues = {};
  for (const key of Object.keys(DEFAULTS) as ConfigKey[]) {
    const value = env[key]?.trim();
    if (value) values[key] = value;
  }
  return values;
}

const ENGINES = new Set(['local', 'gigachat', 'yandexgpt', 'openai', 'gemini']);

function applyEngine(values: EnvValues, engine: string | undefined): void {
  const t = initText();
  if (engine === undefined) return;
  if (!ENGINES.has(engine)) throw new UsageError(t.unknownEngine(engine));
  values.KNOWLEDGE_ENGINE = engine === 'yandexgpt' ? 'openai' : engine;
  if (engine !== 'yandexgpt') return;
  if (!values.OPENAI_PROJECT || !values.OPENAI_API_KEY) throw new ConfigError(values.OPENAI_PROJECT ? 'OPENAI_API_KEY' : 'OPENAI_PROJECT', t.yandexMissing);
  const yandex = yandexSettings(values.OPENAI_PROJECT, values.OPENAI_API_KEY, values.OPENAI_HEADERS);
  // A model the seller named (yandexgpt-lite, a fine-tune) wins over the default one.
  Object.assign(values, yandex, values.OPENAI_MODEL ? { OPENAI_MODEL: values.OPENAI_MODEL } : {});
}

function applyMode(values: EnvValues, mode: string | undefined): void {
  const t = initText();
  if (mode === undefined) return;
  if (mode !== 'poll' && mode !== 'webhook') throw new UsageError(t.unknownMode(mode));
  if (mode === 'poll') {
    values.AVITO_WEBHOOK_SECRET = '';
    return;
  }
  if (!values.APP_BASE_URL) throw new ConfigError('APP_BASE_URL', t.appBaseUrlMissing, { hint: t.appBaseUrlHint });
  values.AVITO_WEBHOOK_SECRET ||= createWebhookSecret();
}

/** The one chat that pressed Start within the wait; none or several is for the seller to settle. */
async function findOwner(context: UnattendedContext, values: EnvValues, seconds: number): Promise<string> {
  const t = initText();
  const { bot, chats } = await waitForOwnerChats(values, context.cwd, seconds, context.signal, (name) =>
    context.out.write(`${t.telegramPressStart(name, seconds)}\n`),
  );
  if (chats.length === 0) throw new ConfigError('TELEGRAM_OWNER_CHAT_ID', t.ownerNotFound(bot, seconds), { hint: t.ownerNotFoundHint(bot) });
  if (chats.length > 1) throw new ConfigError('TELEGRAM_OWNER_CHAT_ID', t.ownerAmbiguous(chats.map(describeChat).join(', ')), { hint: t.ownerAmbiguousHint });
  context.out.write(`${t.telegramOwners(describeChat(chats[0]!))}\n`);
  return String(chats[0]!.id);
}
