/**
 * `avito-ai register-webhook [url]`: subscribes serve's webhook URL at Avito, after checking it
 * answers as Avito will check it; `--list` shows the subscriptions, `--remove <url>` ends one.
 */
import { requireAvitoCredentials, requireWebhookSecret } from '../../config/config.js';
import { ConfigError, UsageError, WebhookCheckError } from '../../errors.js';
import { hideWebhookSecret, webhookUrl } from '../../avito/webhook.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { createLoggerFor, createMessengerFor } from '../services.js';
import { loadAccountConfig } from '../accounts/load.js';
import { commandsText } from '../../messages/commands.js';

/** Avito gives a webhook URL this long to answer its check. */
const CHECK_TIMEOUT_MS = 2000;

export default async function registerWebhook(context: CommandContext): Promise<ExitCode> {
  const { options, io } = context;
  const config = loadAccountConfig(context);
  requireAvitoCredentials(config);
  const logger = createLoggerFor(config, context);
  const out = io.stdout;
  const remove = typeof options.remove === 'string' ? options.remove : undefined;
  const given = typeof context.args[0] === 'string' ? context.args[0] : undefined;
  if ([options.list, remove, given].filter(Boolean).length > 1) throw new UsageError(commandsText().oneAtATime);
  const messenger = await createMessengerFor(config, undefined, logger);

  if (options.list) {
    const subscriptions = await messenger.listSubscriptions();
    if (options.json) out.write(`${JSON.stringify(subscriptions, null, 2)}\n`);
    else if (subscriptions.length === 0) out.write(`${commandsText().noSubscriptions}\n`);
    else for (const subscription of subscriptions) out.write(`${subscription.url}${subscription.version ? commandsText().version(String(subscription.version)) : ''}\n`);
    return ExitCode.Ok;
  }

  if (remove) {
    const url = parseWebhookUrl(remove, '--remove');
    await messenger.unsubscribeWebhook(url);
    out.write(`${commandsText().unsubscribed(hideWebhookSecret(url, config.server.webhookSecret))}\n`);
    return ExitCode.Ok;
  }

  const url = given ? parseWebhookUrl(given, commandsText().theUrl) : defaultUrl(config.server.appBaseUrl, requireWebhookSecret(config));
  const shown = hideWebhookSecret(url, config.server.webhookSecret);
  if (new URL(url).protocol !== 'https:') io.stderr.write(`${commandsText().notHttps(shown)}\n`);
  await checkWebhookUrl(url, shown);
  await messenger.subscribeWebhook(url);
  out.write(`${commandsText().subscribedNow(shown, config.server.replyDelayMs / 1000)}\n`);
  const others = (await messenger.listSubscriptions()).filter((subscription) => subscription.url !== url);
  if (others.length > 0) {
    out.write(`${commandsText().alsoSubscribed}\n`);
    for (const subscription of others) out.write(`  ${subscription.url}\n`);
  }
  return ExitCode.Ok;
}

function defaultUrl(base: string | undefined, secret: string): string {
  if (!base) {
    throw new ConfigError('APP_BASE_URL', commandsText().baseUrlNotSet, { hint: commandsText().baseUrlHint });
  }
  return webhookUrl(base, secret);
}

function parseWebhookUrl(raw: string, what: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return raw;
  } catch {
    // reported below
  }
  throw new UsageError(commandsText().badUrl(what, raw));
}

/** Avito's own check: an empty `{}` POST must get 200 within 2 s, or it refuses the subscription. */
async function checkWebhookUrl(url: string, shown: string): Promise<void> {
  const hint = commandsText().checkHint;
  let status: number;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      redirect: 'manual',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    status = response.status;
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? commandsText().noAnswer2s : describeFetchFailure(error);
    throw new WebhookCheckError(commandsText().checkFailed(shown, reason), url, { hint, cause: error });
  }
  if (status !== 200) throw new WebhookCheckError(commandsText().checkStatus(shown, status), url, { hint });
}

function describeFetchFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
