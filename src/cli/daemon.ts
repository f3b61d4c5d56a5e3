/** What `poll` and `serve` share: services opened in order (notices, store, engine, Avito, responder), the seller's Telegram window, pass hooks that log and remember, an orderly close. */
import { applyControl, parseControlRequest } from '../core/chat-control.js';
import { createInbox, type Inbox } from '../core/inbox.js';
import type { PassSummary, PollDeps } from '../core/poll.js';
import type { KnowledgeEngine, Notifier, Store } from '../core/ports.js';
import type { ChatOutcome, Responder } from '../core/responder.js';
import { createSellerActions, type DaemonStatus, type SellerActions } from '../core/seller-actions.js';
import { META_LAST_ERROR, trackDayStart } from '../core/stats.js';
import { isFatalForAccount, isMessengerOutage } from '../core/failures.js';
import { watchCalls, type AsyncMethodOf, type CallWatch } from '../server/call-watch.js';
import { GeminiApiError, LlmApiError, describeError } from '../errors.js';
import type { ChatModel } from '../knowledge/grounded/chat-model.js';
import type { GroundedKnowledgeEngine } from '../knowledge/grounded/grounded-engine.js';
import type { AvitoClient } from '../avito/client.js';
import type { Config } from '../config/config.js';
import type { Logger } from './logger.js';
import { printOutcome } from './outcome.js';
import type { CommandContext } from './command.js';
import { openSellerNotices } from './notices.js';
import { createEngineFor, createMessengerFor, createResponderFor, openStoreFor, shareChats, sharedChatLock } from './services.js';
import { logText } from '../messages/log.js';
import type { Cluster } from './cluster.js';

export interface DaemonOptions {
  /** Decide and print, send nothing, change nothing, tell no one. */
  dryRun: boolean;
  /** Listen to the seller's Telegram commands and replies (long-running daemons only); `shared`: make the seller's actions but leave listening to the one reader of a bot several accounts share. */
  listen: boolean | 'shared';
  /** Remember how the last call to Avito, the engine and Telegram and the last store write went (`serve`'s `/health` and the dashboard's banner). */
  watch?: { avito: CallWatch; storeWrites: CallWatch; engine?: CallWatch; telegram?: CallWatch };
}

const STORE_WRITES: ReadonlyArray<AsyncMethodOf<Store>> = ['transact'];
// Not getUserId: with the id configured or cached it asks nothing, which says nothing of Avito.
const AVITO_CALLS: ReadonlyArray<AsyncMethodOf<AvitoClient>> = ['listChats', 'getChat', 'listMessages', 'sendMessage', 'markRead', 'getSelf', 'getVoiceUrls'];

export interface Daemon {
  store: Store;
  /** With STORE_URL: the other processes on the same Redis, and what this one shares with them. */
  cluster?: Cluster;
  engine: KnowledgeEngine;
  messenger: AvitoClient;
  responder: Responder;
  notifier: Notifier;
  status: DaemonStatus;
  /** When Telegram is set up and the daemon listens: what the owners' replies and commands do in this account (a shared bot's reader uses it). */
  sellerActions?: SellerActions;
  passDeps: PollDeps;
  onPass(summary: PassSummary): void;
  /** Called when a pass fails: logs and remembers it (the loop tells the seller when it keeps failing). */
  onPassError(error: unknown): void;
  observeOutcome(outcome: ChatOutcome): void;
  /** Applies the pause/resume requests queued by `avito-ai pause|resume`; never two at once. */
  applyControls(): Promise<void>;
  /** Records an error for `/status`, `/stats` and `avito-ai stats`; `counted` adds it to the errors counter (a failure no reply record counts: a pass or a chat that could not be read). */
  recordError(message: string, options?: { counted?: boolean }): void;
  /** Bad credentials end the daemon: the seller hears why before it exits. Returns the error. */
  tellFatal(error: unknown): unknown;
  /** Stops listening to Telegram, gives the last notices a few seconds, closes the store. */
  close(): Promise<void>;
}

/** Opens everything a daemon runs on; on failure closes what it opened and rethrows. */
export async function openDaemon(context: CommandContext, config: Config, logger: Logger, options: DaemonOptions): Promise<Daemon> {
  // A dry run tells no one: the seller's window opens for real runs only, and before the store, so a Telegram setting error cannot leave the store locked.
  const notices = await openSellerNotices(config, logger, { telegram: !options.dryRun, ...(options.watch?.telegram ? { watch: options.watch.telegram } : {}) });
  let opened: (Store & { close(): Promise<void> }) | undefined;
  let cluster: Cluster | undefined;
  const listening = new AbortController();
  let listener: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    listening.abort();
    await listener;
    // Last notices (the reason for stopping, above all) get a few seconds to go out.
    await notices.close();
    cluster?.close();
    await opened?.close();
  };
  try {
    opened = await openStoreFor(config, { readOnly: options.dryRun });
    const shared = sharedChatLock(opened);
    if (shared && !options.dryRun) {
      const { openCluster } = await import('./cluster.js');
      cluster = await openCluster(shared, { replyDelayMs: config.server.replyDelayMs });
    }
    const services = await openServices(config, logger, opened, notices.notifier, options, context.io.signal);
    const status: DaemonStatus = { startedAt: Date.now(), passes: 0 };
    let sellerActions: SellerActions | undefined;
    if (notices.telegram && options.listen) {
      sellerActions = createSellerActions({
        ...services,
        clock: CLOCK,
        humanPauseHours: config.responder.humanPauseHours,
        status: () => status,
        // The responder's window for its own replies (services.ts): a send outlives its timeout by no more.
        sendSettleMs: 2 * config.avito.timeoutMs,
      });
      if (options.listen === true) {
        const { bot } = notices.telegram;
        const actions = sellerActions;
        // Telegram lets one process read the updates: with several, the one holding the lease.
        listener = cluster ? cluster.holdTelegram((signal) => bot.listen(actions, signal), listening.signal) : bot.listen(actions, listening.signal);
      }
    }
    const hooks = createHooks(context, config, logger, { ...services, notifier: notices.notifier, status, ...(cluster ? { cluster } : {}) }, options.dryRun);
    return { ...services, notifier: notices.notifier, status, ...(sellerActions ? { sellerActions } : {}), ...hooks, ...(cluster ? { cluster } : {}), close };
  } catch (error) {
    await close();
    throw error;
  }
}

const CLOCK = { now: () => Date.now() };

/** A question abandoned at shutdown says nothing of the engine. */
function isEngineOutage(error: unknown): boolean {
  return !(error instanceof Error && error.name === 'AbortError');
}

interface Services {
  store: Store;
  engine: KnowledgeEngine;
  messenger: AvitoClient;
  responder: Responder;
}

async function openServices(
  config: Config,
  logger: Logger,
  opened: Store,
  notifier: Notifier,
  options: DaemonOptions,
  signal: AbortSignal,
): Promise<Services> {
  const watch = options.watch;
  // Notes the counters at the start of the seller's day: the dashboard's "today".
  const counted = trackDayStart(opened, CLOCK.now, config.responder.timeZone);
  const store: Store = watch ? watchCalls<Store>(counted, STORE_WRITES, watch.storeWrites) : counted;
  const made = await createEngineFor(config, { store, logger });
  const engine = watch?.engine ? watchCalls<KnowledgeEngine>(made, ['answer'], watch.engine, isEngineOutage) : made;
  await reportKnowledge(engine, config, logger, signal);
  const created = await createMessengerFor(config, store, logger);
  // A dry run sends and writes nothing: it takes no chat from the processes that do.
  const shared = options.dryRun ? { messenger: created } : await shareChats(opened, created);
  const messenger = watch ? watchCalls(shared.messenger, AVITO_CALLS, watch.avito, isMessengerOutage) : shared.messenger;
  const chatLock = 'chatLock' in shared && shared.chatLock ? { chatLock: shared.chatLock } : {};
  return { store, engine, messenger, responder: createResponderFor(config, { messenger, store, engine, notifier, ...chatLock }) };
}

type Hooks = Omit<Daemon, keyof Services | 'notifier' | 'status' | 'sellerActions' | 'close' | 'cluster'>;

function createHooks(
  context: CommandContext,
  config: Config,
  logger: Logger,
  daemon: Services & { notifier: Notifier; status: DaemonStatus; cluster?: Cluster },
  dryRun: boolean,
): Hooks {
  const { store, responder, notifier, status } = daemon;
  const recordError = (message: string, options: { counted?: boolean } = {}): void => {
    status.lastError = { at: Date.now(), message };
    if (dryRun) return;
    // Remembered for `avito-ai stats`; a failed write costs only that figure. Counted, an outage shows in the day's errors, not as "0".
    void store
      .transact((tx) => {
        tx.setMeta(META_LAST_ERROR, JSON.stringify(status.lastError));
        if (options.counted) tx.increment('errors');
      })
      .catch(() => undefined);
  };
  const observeOutcome = (outcome: ChatOutcome): void => {
    logOutcome(logger, outcome);
    daemon.cluster?.observe(outcome);
    if (outcome.action === 'failed') recordError(`chat ${outcome.chatId}: send failed: ${outcome.error}`);
    if (outcome.action === 'deferred') recordError(`chat ${outcome.chatId}: knowledge engine failed: ${outcome.error}`);
  };
  let controls: Promise<void> = Promise.resolve();
  const applyControls = (): Promise<void> => {
    controls = controls.then(() => applyQueuedControls(config.store.path, daemon, logger)).catch((error: unknown) => {
      logger.warn(logText().controlInboxUnreadable(describeError(error)));
    });
    return controls;
  };
  return {
    passDeps: {
      messenger: daemon.messenger,
      store,
      responder,
      notifier,
      clock: CLOCK,
      concurrency: config.poll.concurrency,
      dryRun,
      signal: context.io.signal,
      onOutcome: (outcome: ChatOutcome) => {
        observeOutcome(outcome);
        if (dryRun) printOutcome(context.io.stdout, outcome);
      },
      onChatError: (chatId: string, error: unknown) => {
        logger.warn(logText().chatFailed(describeError(error)), { chat: chatId });
        recordError(`chat ${chatId}: ${describeError(error)}`, { counted: true });
      },
      ...(dryRun ? {} : { beforePass: applyControls }),
      activeHours: config.responder,
    },
    onPass(summary) {
      logPass(logger, summary, dryRun);
      Object.assign(status, { passes: status.passes + 1, lastPassAt: Date.now(), lastPass: summary });
    },
    onPassError(error) {
      logger.error(logText().passFailed(describeError(error)));
      recordError(describeError(error), { counted: true });
    },
    observeOutcome,
    applyControls,
    recordError,
    tellFatal(error) {
      if (isFatalForAccount(error)) notifier.notify({ kind: 'error', code: 'avito-auth', message: error.message });
      return error;
    },
  };
}

/** The webhook queue: answers a burst after REPLY_DELAY of quiet; with several processes, the quiet period and the queue entries are shared. */
export async function openInbox(config: Config, daemon: Daemon, logger: Logger, onFatal: (error: unknown) => void): Promise<Inbox> {
  const accountId = await daemon.messenger.getUserId().catch((error: unknown) => {
    throw daemon.tellFatal(error);
  });
  return createInbox({
    responder: daemon.responder,
    store: daemon.store,
    accountId,
    chatTypes: config.avito.chatTypes,
    replyDelayMs: config.server.replyDelayMs,
    concurrency: config.poll.concurrency,
    onOutcome: daemon.observeOutcome,
    onChatError: (chatId, error) => {
      logger.warn(logText().chatFailed(describeError(error)), { chat: chatId });
      daemon.recordError(`chat ${chatId}: ${describeError(error)}`, { counted: true });
      daemon.cluster?.observeError(chatId);
    },
    onFatal,
    ...daemon.cluster?.inboxHooks,
  });
}

/** Says what the bot will answer from before a buyer waits: the local engine indexes now; for Gemini a missing store stops the daemon here, with the fix, not every question later. */
async function reportKnowledge(engine: KnowledgeEngine, config: Config, logger: Logger, signal: AbortSignal): Promise<void> {
  if (engine.name === 'gemini') {
    let listed;
    try {
      listed = await engine.listDocuments({ signal });
    } catch (error) {
      // A missing store or a refused key will not mend by itself: stop here. An outage might: start anyway, questions wait unread until Gemini answers.
      if (!(error instanceof GeminiApiError) || !error.retryable || signal.aborted) throw error;
      logger.warn(logText().geminiUnreachable(describeError(error)));
      return;
    }
    const documents = listed.filter((document) => document.state !== 'STATE_FAILED');
    logger.info(logText().knowledgeReady, { engine: 'gemini', store: config.gemini.storeDisplayName, documents: documents.length, model: config.gemini.model });
    if (documents.length === 0) logger.warn(logText().geminiEmpty(config.gemini.storeDisplayName));
    return;
  }
  const model = (engine as Partial<GroundedKnowledgeEngine>).model;
  if (model) await checkModelAtStart(model, logger, signal);
  const knowledge = await engine.sync();
  if (engine.name === 'mcp') {
    // No folder is read: what is true to say is which server and tool answer, and in which mode.
    const server = (knowledge.changes ?? []).map((change) => change.path).join(', ');
    logger.info(logText().mcpReady, { engine: 'mcp', server, mode: config.mcp.mode, ...(model ? { model: model.model } : {}) });
    return;
  }
  logger.info(logText().knowledgeReady, {
    ...(model ? { engine: engine.name, model: model.model } : {}),
    dir: config.knowledge.dir,
    documents: knowledge.documents,
    skipped: knowledge.skipped.length || undefined,
  });
  if (knowledge.documents === 0) logger.warn(logText().folderEmpty(config.knowledge.dir));
}

/** A refused key or an unpaid account stops the daemon here, with the fix; an outage might mend: start, questions wait. */
async function checkModelAtStart(model: ChatModel, logger: Logger, signal: AbortSignal): Promise<void> {
  try {
    await model.listModels({ signal });
  } catch (error) {
    if (!(error instanceof LlmApiError) || !error.retryable || signal.aborted) throw error;
    logger.warn(logText().modelUnreachable(model.provider, describeError(error)));
  }
}

async function applyQueuedControls(storePath: string, daemon: Services & { notifier: Notifier }, logger: Logger): Promise<void> {
  const { store, responder, notifier } = daemon;
  const { drainControlRequests } = await import('../store/control-inbox.js');
  await drainControlRequests(
    storePath,
    async (value) => {
      const request = parseControlRequest(value);
      if (!request) return logger.warn(logText().malformedControl);
      // Account-wide: not in any chat's queue; a chat being answered at this moment finishes.
      if (request.op === 'resume-account') {
        await store.transact((tx) => applyControl(tx, request));
        return logger.info(logText().appliedResumeAll);
      }
      if (request.op === 'pause-account') {
        await store.transact((tx) => applyControl(tx, request));
        return logger.info(logText().appliedPauseAll(describeAccountPauseEnd(request.until)));
      }
      // In the chat's queue, as a Telegram pause: never in the middle of the bot answering there.
      await responder.exclusive(request.chatId, () => store.transact((tx) => applyControl(tx, request)));
      logger.info(logText().appliedControl(request.op), { chat: request.chatId });
    },
    ({ path, code }) => {
      // Another user's file (a command run as root by hand): it would block every later request.
      const message = logText().controlUnreadable(code, path);
      logger.warn(message);
      notifier.notify({ kind: 'error', code: 'control-unreadable', message, details: { path } });
    },
  );
}

function describeAccountPauseEnd(until: number | undefined): string {
  return until === undefined ? logText().untilResume : logText().untilOrResume(new Date(until).toISOString());
}

export function logPass(logger: Logger, s: PassSummary, dryRun: boolean): void {
  logger.info(dryRun ? logText().passDryRun : logText().pass, {
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
      if (outcome.finishedOpen) logger.info(logText().answeredAfterRestart, { chat });
      logger.info(outcome.recovered ? logText().answeredAfterRestart : logText().answered, {
        chat,
        item: outcome.listing?.id,
        status: outcome.status,
        sources: outcome.sources.join(',') || undefined,
        ms: outcome.latencyMs,
      });
      break;
    case 'would-answer':
      logger.info(logText().wouldAnswer, { chat, status: outcome.status });
      break;
    case 'held':
      logger.info(logText().held(outcome.reason), { chat });
      break;
    case 'deferred':
      logger.warn(logText().engineFailed(outcome.error), { chat, attempt: outcome.attempt });
      break;
    case 'failed':
      logger.warn(logText().sendFailed(Boolean(outcome.ambiguous), outcome.error), { chat });
      break;
    case 'skipped':
      if (outcome.reason !== 'no-inquiry') logger.debug(logText().skipped(outcome.reason), { chat });
      break;
  }
}
