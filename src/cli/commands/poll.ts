/** `avito-ai poll`: the daemon, or one pass with --once; with ACCOUNTS_DIR, for every account at once. */
import { runPollLoop, runPollPass } from '../../core/poll.js';
import { requireAvitoCredentials, type Config } from '../../config/config.js';
import { describeError } from '../../errors.js';
import { logPass, openDaemon, openInbox, type Daemon } from '../daemon.js';
import { ExitCode } from '../exit-codes.js';
import { parsePositiveInt, type CommandContext } from '../command.js';
import type { Logger } from '../logger.js';
import { createLoggerFor } from '../services.js';
import { checkEachAccount, createAccountLogger, loadAccounts, nameAccountIn } from '../accounts/load.js';
import { logText } from '../../messages/log.js';
import { accountsText } from '../../messages/accounts.js';
import { chooseListenMode, listenSharedBots } from '../accounts/shared-bot.js';

/** One account's daemon and the logger naming it. */
interface PolledAccount {
  config: Config;
  logger: Logger;
  daemon: Daemon;
}

export default async function poll(context: CommandContext): Promise<ExitCode> {
  const { options } = context;
  const interval = parsePositiveInt(options.interval, '--interval');
  const concurrency = parsePositiveInt(options.concurrency, '--concurrency');
  const accounts = loadAccounts(context, {
    ...(interval ? { AVITO_POLL_INTERVAL: String(interval) } : {}),
    ...(concurrency ? { POLL_CONCURRENCY: String(concurrency) } : {}),
  });
  checkEachAccount(accounts, (config) => void requireAvitoCredentials(config));
  const logger = createLoggerFor(accounts[0]!, context);
  const dryRun = Boolean(options.dryRun);
  const opened: PolledAccount[] = [];
  const sharing = new AbortController();
  let sharedBots: Promise<void> | undefined;
  try {
    for (const config of accounts) {
      const accountLogger = createAccountLogger(logger, config);
      const listen = options.once ? false : chooseListenMode(config, accounts);
      const daemon = await openDaemon(context, config, accountLogger, { dryRun, listen }).catch((error: unknown) => {
        throw nameAccountIn(error, config);
      });
      opened.push({ config, logger: accountLogger, daemon });
    }
    sharedBots = listenSharedBots(opened, logger, sharing.signal).catch((error: unknown) => logger.warn(describeError(error)));
    if (options.once) {
      const codes = await Promise.all(opened.map((account) => passOnce(account, dryRun, opened.length === 1)));
      return codes.find((code) => code !== ExitCode.Ok) ?? ExitCode.Ok;
    }
    const failures = await Promise.all(opened.map((account) => pollAccount(context, account, dryRun, opened.length === 1)));
    const failed = failures.filter((error) => error !== undefined);
    // An account whose keys Avito refused stopped alone; the run fails only when none was left.
    if (failed.length === opened.length) throw failed[0];
    logger.info(logText().pollStopped);
    return ExitCode.Ok;
  } finally {
    sharing.abort();
    await sharedBots;
    for (const account of opened) await account.daemon.close();
  }
}

/** `--once` for one account: a fatal error with one account is the command's, with many it fails this account's pass only. */
async function passOnce({ config, logger, daemon }: PolledAccount, dryRun: boolean, alone: boolean): Promise<ExitCode> {
  try {
    const summary = await runPollPass(daemon.passDeps);
    logPass(logger, summary, dryRun);
    return summary.errors > 0 ? ExitCode.Failure : ExitCode.Ok;
  } catch (error) {
    const told = daemon.tellFatal(error);
    if (alone) throw told;
    logger.error(accountsText().accountStopped(config.account ?? '', describeError(error)));
    return ExitCode.Failure;
  }
}

/** The account's loop until the signal; returns the error that stopped it early (Avito refusing its keys). */
async function pollAccount(context: CommandContext, { config, logger, daemon }: PolledAccount, dryRun: boolean, alone: boolean): Promise<unknown> {
  logger.info(logText().pollStarted, {
    interval_s: config.avito.pollIntervalSeconds,
    store: config.store.path,
    knowledge: config.knowledge.dir,
    engine: daemon.engine.name,
    dry_run: dryRun || undefined,
  });
  // With STORE_URL: a worker that learns of bad credentials from a chat (not from a pass) stops the loop the same way.
  const stopping = new AbortController();
  let fatal: unknown;
  const signal = AbortSignal.any([context.io.signal, stopping.signal]);
  const worker = daemon.cluster ? await startWorker(config, daemon, logger, signal, (error) => ((fatal ??= error), stopping.abort())) : undefined;
  try {
    try {
      await runPollLoop({
        ...daemon.passDeps,
        intervalMs: config.avito.pollIntervalSeconds * 1000,
        signal,
        onPass: daemon.onPass,
        onPassError: daemon.onPassError,
        ...worker?.passes,
      });
    } finally {
      await worker?.stop();
    }
    if (fatal) throw fatal;
    return undefined;
  } catch (error) {
    const told = daemon.tellFatal(error);
    if (alone) throw told;
    logger.error(accountsText().accountStopped(config.account ?? '', describeError(error)));
    return told;
  }
}

/** DRAIN: on SIGTERM the chats in hand are answered for up to this long; the rest wait in the shared queue for another process. */
const WORKER_DRAIN_MS = 20_000;

/** With STORE_URL: this process takes its share of the shared queue, and runs the passes when its turn comes. */
async function startWorker(config: Config, daemon: Daemon, logger: Logger, signal: AbortSignal, onFatal: (error: unknown) => void) {
  const cluster = daemon.cluster!;
  const inbox = await openInbox(config, daemon, logger, onFatal);
  const consuming = new AbortController();
  const done = cluster.consume(inbox, config.poll.concurrency, AbortSignal.any([signal, consuming.signal]));
  return {
    passes: { handOff: cluster.handOff, takeTurn: cluster.takeTurn, turnRetryMs: cluster.turnRetryMs },
    stop: async () => {
      consuming.abort();
      await done;
      await inbox.drain(WORKER_DRAIN_MS);
    },
  };
}
