/** `avito-ai poll`: the daemon, or one pass with --once. */
import { runPollLoop, runPollPass } from '../../core/poll.js';
import { requireAvitoCredentials } from '../../config/config.js';
import { logPass, openDaemon, openInbox, type Daemon } from '../daemon.js';
import type { Config } from '../../config/config.js';
import type { Logger } from '../logger.js';
import { ExitCode } from '../exit-codes.js';
import { parsePositiveInt, type CommandContext } from '../command.js';
import { createLoggerFor, loadConfig } from '../services.js';
import { logText } from '../../messages/log.js';

export default async function poll(context: CommandContext): Promise<ExitCode> {
  const { options, io } = context;
  const interval = parsePositiveInt(options.interval, '--interval');
  const concurrency = parsePositiveInt(options.concurrency, '--concurrency');
  const config = loadConfig(context, {
    ...(interval ? { AVITO_POLL_INTERVAL: String(interval) } : {}),
    ...(concurrency ? { POLL_CONCURRENCY: String(concurrency) } : {}),
  });
  requireAvitoCredentials(config);
  const logger = createLoggerFor(config, context);
  const dryRun = Boolean(options.dryRun);
  const daemon = await openDaemon(context, config, logger, { dryRun, listen: !options.once });
  try {
    if (options.once) {
      const summary = await runPollPass(daemon.passDeps).catch((error: unknown) => {
        throw daemon.tellFatal(error);
      });
      logPass(logger, summary, dryRun);
      return summary.errors > 0 ? ExitCode.Failure : ExitCode.Ok;
    }
    logger.info(logText().pollStarted, {
      interval_s: config.avito.pollIntervalSeconds,
      store: config.store.path,
      knowledge: config.knowledge.dir,
      engine: daemon.engine.name,
      dry_run: dryRun || undefined,
    });
    // A worker that learns of bad credentials from a chat (not from a pass) stops the loop the same way.
    const stopping = new AbortController();
    let fatal: unknown;
    const signal = AbortSignal.any([io.signal, stopping.signal]);
    const worker = daemon.cluster ? await startWorker(config, daemon, logger, signal, (error) => ((fatal ??= error), stopping.abort())) : undefined;
    try {
      await runPollLoop({
        ...daemon.passDeps,
        intervalMs: config.avito.pollIntervalSeconds * 1000,
        signal,
        onPass: daemon.onPass,
        onPassError: daemon.onPassError,
        ...worker?.passes,
      }).catch((error: unknown) => {
        throw daemon.tellFatal(error);
      });
    } finally {
      await worker?.stop();
    }
    if (fatal) throw daemon.tellFatal(fatal);
    logger.info(logText().pollStopped);
    return ExitCode.Ok;
  } finally {
    await daemon.close();
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
