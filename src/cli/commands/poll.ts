/** `avito-ai poll`: the daemon, or one pass with --once. */
import { applyControl, parseControlRequest } from '../../core/chat-control.js';
import { isWithinActiveHours } from '../../core/inquiry.js';
import { runPollLoop, runPollPass, type PassSummary } from '../../core/poll.js';
import type { KnowledgeEngine, Notifier, Store } from '../../core/ports.js';
import type { ChatOutcome } from '../../core/responder.js';
import { describeError } from '../../errors.js';
import { ExitCode } from '../exit-codes.js';
import { printOutcome } from '../outcome.js';
import type { Logger } from '../logger.js';
import type { CommandContext } from '../program.js';
import { parsePositiveInt } from '../program.js';
import { requireAvitoCredentials, type Config } from '../../config/config.js';
import { createSellerActions, type DaemonStatus } from '../../core/seller-actions.js';
import { AvitoAuthError, GeminiApiError } from '../../errors.js';
import {
  createEngineFor,
  createLoggerFor,
  createMessengerFor,
  createResponderFor,
  loadConfig,
  openSellerNotices,
  openStoreFor,
} from '../services.js';

/**
 * Says what the bot will answer from before the first buyer waits on it: the local engine indexes
 * the folder now; for Gemini a store that does not exist stops the daemon here, with the fix,
 * rather than failing every question later.
 */
async function reportKnowledge(engine: KnowledgeEngine, config: Config, logger: Logger, signal: AbortSignal): Promise<void> {
  if (engine.name === 'gemini') {
    let listed;
    try {
      listed = await engine.listDocuments({ signal });
    } catch (error) {
      // A store that does not exist, or a key Gemini refuses, will not mend by itself: stop here.
      // An outage might: start anyway, and questions wait unread until Gemini answers again.
      if (!(error instanceof GeminiApiError) || !error.retryable || signal.aborted) throw error;
      logger.warn(`cannot list the File Search store now (${describeError(error)}); starting anyway, questions wait until Gemini answers`);
      return;
    }
    const documents = listed.filter((document) => document.state !== 'STATE_FAILED');
    logger.info('knowledge base ready', { engine: 'gemini', store: config.gemini.storeDisplayName, documents: documents.length, model: config.gemini.model });
    if (documents.length === 0) logger.warn(`the File Search store "${config.gemini.storeDisplayName}" is empty: every buyer will get FALLBACK_TEXT (run avito-ai sync-docs)`);
    return;
  }
  const knowledge = await engine.sync();
  logger.info('knowledge base ready', { dir: config.knowledge.dir, documents: knowledge.documents, skipped: knowledge.skipped.length || undefined });
  if (knowledge.documents === 0) logger.warn(`no documents in ${config.knowledge.dir}: every buyer will get FALLBACK_TEXT`);
}

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
  // A dry run changes nothing and tells no one; the seller's window opens for real runs only.
  // Before the store is opened: a Telegram setting error must not leave the store locked.
  const notices = await openSellerNotices(config, logger, { telegram: !dryRun });
  const { notifier, telegram } = notices;
  const store = await openStoreFor(config, { readOnly: dryRun });
  const listening = new AbortController();
  let listener: Promise<void> | undefined;
  const status: DaemonStatus = { startedAt: Date.now(), passes: 0 };
  let failedPasses = 0;
  try {
    const engine = await createEngineFor(config, { store, logger });
    await reportKnowledge(engine, config, logger, io.signal);
    const messenger = await createMessengerFor(config, store, logger);
    const responder = createResponderFor(config, { messenger, store, engine, notifier });
    if (telegram && !options.once) {
      const actions = createSellerActions({
        messenger,
        store,
        responder,
        clock: { now: () => Date.now() },
        humanPauseHours: config.responder.humanPauseHours,
        status: () => status,
      });
      listener = telegram.bot.listen(actions, listening.signal);
    }
    const deps = {
      messenger,
      store,
      responder,
      clock: { now: () => Date.now() },
      concurrency: config.poll.concurrency,
      dryRun,
      signal: io.signal,
      onOutcome: (outcome: ChatOutcome) => {
        logOutcome(logger, outcome);
        if (dryRun) printOutcome(io.stdout, outcome);
      },
      onChatError: (chatId: string, error: unknown) => logger.warn(`chat failed: ${describeError(error)}`, { chat: chatId }),
      beforePass: dryRun ? undefined : () => applyQueuedControls(config.store.path, store, logger),
      isQuietNow: () => !isWithinActiveHours(Date.now(), config.responder.activeHours, config.responder.timeZone),
    };
    if (options.once) {
      const summary = await runPollPass(deps).catch((error: unknown) => {
        throw tellFatal(error, notifier);
      });
      logPass(logger, summary, dryRun);
      return summary.errors > 0 ? ExitCode.Failure : ExitCode.Ok;
    }
    logger.info('poll started', {
      interval_s: config.avito.pollIntervalSeconds,
      store: config.store.path,
      knowledge: config.knowledge.dir,
      engine: engine.name,
      dry_run: dryRun || undefined,
    });
    await runPollLoop({
      ...deps,
      intervalMs: config.avito.pollIntervalSeconds * 1000,
      signal: io.signal,
      onPass: (summary) => {
        logPass(logger, summary, dryRun);
        Object.assign(status, { passes: status.passes + 1, lastPassAt: Date.now(), lastPass: summary });
        failedPasses = 0;
      },
      onPassError: (error) => {
        logger.error(`pass failed, will retry: ${describeError(error)}`);
        status.lastError = { at: Date.now(), message: describeError(error) };
        failedPasses += 1;
        // One failed pass is a blip; several in a row is an outage the seller should hear of.
        if (failedPasses === 3) {
          notifier.notify({ kind: 'error', code: 'passes-failing', message: describeError(error), details: { count: failedPasses } });
        }
      },
    }).catch((error: unknown) => {
      throw tellFatal(error, notifier);
    });
    logger.info('poll stopped: work in hand finished and saved');
    return ExitCode.Ok;
  } finally {
    listening.abort();
    await listener;
    // Last notices (the reason for stopping, above all) get a few seconds to go out.
    await notices.close();
    await store.close();
  }
}

/** Bad credentials end the daemon: the seller hears why before it exits. */
function tellFatal(error: unknown, notifier: Notifier): unknown {
  if (error instanceof AvitoAuthError) {
    notifier.notify({ kind: 'error', code: 'avito-auth', message: error.message });
  }
  return error;
}

/** Applies the pause/resume requests `avito-ai pause|resume` queued while this daemon held the store. */
async function applyQueuedControls(storePath: string, store: Store, logger: Logger): Promise<void> {
  const { drainControlRequests } = await import('../../store/control-inbox.js');
  await drainControlRequests(storePath, async (value) => {
    const request = parseControlRequest(value);
    if (!request) return logger.warn('skipped a malformed line in the control inbox');
    await store.transact((tx) => applyControl(tx, request));
    logger.info(`applied a queued ${request.op}`, { chat: request.chatId });
  });
}

function logPass(logger: Logger, s: PassSummary, dryRun: boolean): void {
  logger.info(dryRun ? 'pass (dry run, nothing sent)' : 'pass', {
    chats: s.chats,
    handled: s.handled,
    answered: s.answered,
    escalated: s.escalated,
    paused: s.paused,
    held: s.held || undefined,
    deferred: s.deferred || undefined,
    errors: s.errors,
    ms: s.durationMs,
  });
}

export function logOutcome(logger: Logger, outcome: ChatOutcome): void {
  const chat = outcome.chatId;
  switch (outcome.action) {
    case 'answered':
      logger.info(outcome.recovered ? 'answered (finished after a restart)' : 'answered', {
        chat,
        item: outcome.listing?.id,
        status: outcome.status,
        sources: outcome.sources.join(',') || undefined,
        ms: outcome.latencyMs,
      });
      break;
    case 'would-answer':
      logger.info('would answer', { chat, status: outcome.status });
      break;
    case 'held':
      logger.info(`held back (${outcome.reason}), will answer when allowed`, { chat });
      break;
    case 'deferred':
      logger.warn(`knowledge engine failed, will retry next pass: ${outcome.error}`, { chat, attempt: outcome.attempt });
      break;
    case 'failed':
      logger.warn(`send failed${outcome.ambiguous ? ' (may have gone out; checked next pass)' : ''}: ${outcome.error}`, { chat });
      break;
    case 'skipped':
      if (outcome.reason !== 'no-inquiry') logger.debug(`skipped (${outcome.reason})`, { chat });
      break;
  }
}
