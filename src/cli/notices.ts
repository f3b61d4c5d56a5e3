/**
 * The seller's notices: always the log, and Telegram when configured, with the seller's window
 * for replies and commands. The composition root opens them; the core only sees a `Notifier`.
 */
import type { Config } from '../config/config.js';
import type { Notification, Notifier } from '../core/ports.js';
import { describeError } from '../errors.js';
import { requireTelegramOwners } from '../config/config.js';
import type { TelegramBot } from '../telegram/bot.js';
import type { TelegramNotifier } from '../telegram/notifier.js';
import { watchCalls, type CallWatch } from '../server/call-watch.js';
import { toLogFields, type Logger } from './logger.js';
import { logText } from '../messages/log.js';

/** The seller's Telegram window: notices out, replies and commands in. */
export interface TelegramWindow {
  notifier: TelegramNotifier;
  bot: TelegramBot;
}

/** Telegram when TELEGRAM_BOT_TOKEN is set, through HTTPS_PROXY when one applies; undefined otherwise. `watch` remembers how the last notice's send went. */
export async function createTelegramFor(config: Config, logger: Logger, watch?: CallWatch): Promise<TelegramWindow | undefined> {
  const t = config.telegram;
  if (!t.botToken) return undefined;
  requireTelegramOwners(config);
  const [{ createTelegramBot }, { createTelegramNotifier }, { proxyAgentFor }] = await Promise.all([
    import('../telegram/bot.js'),
    import('../telegram/notifier.js'),
    import('../net/proxy.js'),
  ]);
  const agent = await proxyAgentFor(t.apiRoot, config.proxy);
  const bot = createTelegramBot({
    token: t.botToken,
    apiRoot: t.apiRoot,
    owners: t.ownerChatIds,
    ...(agent ? { agent } : {}),
    logger,
    humanPauseHours: config.responder.humanPauseHours,
    ...(config.account === undefined ? {} : { account: config.account }),
  });
  const delivery = { send: (...args: Parameters<typeof bot.send>) => bot.send(...args) };
  const { send } = watch ? watchCalls(delivery, ['send'], watch) : delivery;
  const notifier = createTelegramNotifier({
    send: (chatId, message, signal) => send(chatId, message, signal),
    owners: t.ownerChatIds,
    mode: t.log,
    humanPauseHours: config.responder.humanPauseHours,
    ...(config.account === undefined ? {} : { account: config.account }),
    logger,
  });
  return { notifier, bot };
}

export interface SellerNotices {
  notifier: Notifier;
  telegram: TelegramWindow | undefined;
  /** Gives queued Telegram notices 5 s to go out, then abandons the rest (never holds an exit). */
  close(): Promise<void>;
}

/** Opens the seller's notices; `telegram: false` (a dry run) keeps them to the log. */
export async function openSellerNotices(config: Config, logger: Logger, options: { telegram: boolean; watch?: CallWatch }): Promise<SellerNotices> {
  const telegram = options.telegram ? await createTelegramFor(config, logger, options.watch) : undefined;
  return {
    notifier: combineNotifiers(createLogNotifier(logger), telegram?.notifier),
    telegram,
    async close() {
      if (telegram && !(await telegram.notifier.flush(5000))) {
        logger.warn(logText().noticesUnsent);
        telegram.notifier.close();
      }
    },
  };
}

/** Tells every notifier; one failing never keeps the others from hearing. */
export function combineNotifiers(...notifiers: Array<Notifier | undefined>): Notifier {
  const present = notifiers.filter((notifier) => notifier !== undefined);
  return {
    notify(notification) {
      for (const notifier of present) {
        try {
          notifier.notify(notification);
        } catch {
          // Notifiers promise not to throw; this keeps that promise for them.
        }
      }
    },
  };
}

/** The seller's notices as log lines (always, Telegram or not). Never throws into the core. */
export function createLogNotifier(logger: Logger): Notifier {
  return {
    notify(notification: Notification) {
      try {
        const { kind, ...rest } = notification;
        const fields = toLogFields(rest as Record<string, unknown>);
        if (kind === 'error') logger.warn(logText().noticeError(notification.message), fields);
        else if (kind === 'escalation') logger.warn(logText().noticeEscalation, fields);
        else if (kind === 'takeover') logger.info(logText().noticeTakeover, fields);
        else if (kind === 'non-text') logger.info(logText().noticeNonText(notification.messageType), fields);
        else logger.debug(logText().noticeAnswered, fields);
      } catch (error) {
        logger.debug(logText().notifierFailed(describeError(error)));
      }
    },
  };
}

