/** `avito-ai poll`: the daemon, or one pass with --once. */
import { runPollLoop, runPollPass } from '../../core/poll.js';
import { requireAvitoCredentials } from '../../config/config.js';
import { logPass, openDaemon } from '../daemon.js';
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
    await runPollLoop({
      ...daemon.passDeps,
      intervalMs: config.avito.pollIntervalSeconds * 1000,
      signal: io.signal,
      onPass: daemon.onPass,
      onPassError: daemon.onPassError,
    }).catch((error: unknown) => {
      throw daemon.tellFatal(error);
    });
    logger.info(logText().pollStopped);
    return ExitCode.Ok;
  } finally {
    await daemon.close();
  }
}
