/**
 * `avito-ai serve`: deliveries are acknowledged at once and answered after REPLY_DELAY of quiet; a safety pass at start and every SAFETY_POLL_MINUTES catches what was never delivered.
 * The webhook listener (HOST:PORT, behind the reverse proxy) serves nothing else; the monitor listens apart, on MONITOR_HOST:MONITOR_PORT, behind its token.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isLoopbackHost } from '../../net/hosts.js';
import type { Inbox, ReceiveResult } from '../../core/inbox.js';
import type { CallWatch } from '../../server/call-watch.js';
import type { RunningServer } from '../../server/http-server.js';
import type { Monitor, MonitorServerOptions } from '../../server/monitor-server.js';
import type { WebhookListenerOptions } from '../../server/webhook-server.js';
import { avitoChatUrl } from '../../core/links.js';
import { hideWebhookSecret, WEBHOOK_PATH, webhookUrl, type WebhookDelivery } from '../../avito/webhook.js';
import { rememberOpenChats, runPollLoop, type PollLoopOptions } from '../../core/poll.js';
import type { Cluster } from '../cluster.js';
import { ConfigError, describeError } from '../../errors.js';
import { requireAvitoCredentials, requireWebhookSecret, type Config } from '../../config/config.js';
import { openDaemon, openInbox, type Daemon } from '../daemon.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import type { Logger } from '../logger.js';
import { createLoggerFor } from '../services.js';
import { checkEachAccount, createAccountLogger, loadAccountsWithMain, nameAccountIn } from '../accounts/load.js';
import { combineAccountMonitors } from '../accounts/monitor.js';
import { chooseListenMode, listenSharedBots } from '../accounts/shared-bot.js';
import { accountsText } from '../../messages/accounts.js';
import { logText } from '../../messages/log.js';
import { commandsText } from '../../messages/commands.js';

/** How long SIGTERM waits for the queue to be answered before holding the rest for the next start. */
const DRAIN_GRACE_MS = 20_000;
const CONTROL_POLL_MS = 2000;
/** The listener thread's module, next to this one's folder once compiled (absent as TypeScript). */
const LISTENER_ENTRY = new URL('../serve-listener.js', import.meta.url);

type Delivery = Exclude<WebhookDelivery, { kind: 'invalid' }>;

/** The monitor's token and where it came from: the seller's MONITOR_TOKEN, or the file serve keeps. */
type MonitorToken = { token: string; file?: string };

interface Listeners {
  webhook: RunningServer;
  monitor: RunningServer;
  thread: boolean;
  close(): Promise<void>;
}

export default async function serve(context: CommandContext): Promise<ExitCode> {
  const { main, accounts, secrets } = readSettings(context);
  const logger = createLoggerFor(main, context);
  const stopping = new AbortController();
  let fatal: unknown;
  const fail = (error: unknown): void => {
    fatal ??= error;
    stopping.abort();
  };
  const served: ServedAccount[] = [];
  let listeners: Listeners | undefined;
  const sharing = new AbortController();
  let sharedBots: Promise<void> | undefined;
  try {
    for (const config of accounts) served.push(await openServedAccount(context, config, logger, chooseListenMode(config, accounts)));
    sharedBots = listenSharedBots(served, logger, sharing.signal).catch((error: unknown) => logger.warn(describeError(error)));
    for (const account of served) await startInbox(account, served.length === 1 ? fail : undefined);
    if (served.every((account) => account.fatal !== undefined)) throw served[0]!.fatal;
    const token = await resolveMonitorToken(main);
    const { createMonitor } = await import('../../server/monitor.js');
    for (const account of served) {
      const { config, daemon, inbox, watch } = account;
      const shared = daemon.cluster ? { checkSharedStore: daemon.cluster.ping } : {};
      account.monitor = createMonitor({ store: daemon.store, storePath: config.store.path, ...shared, ...(inbox ? { inbox } : {}), startedAt: Date.now(), ...watch, timeZone: config.responder.timeZone, chatUrl: avitoChatUrl });
    }
    const monitors = await combineAccountMonitors(served);
    listeners = await startListeners(main, { secrets, token: token.token, ...monitors, receive: receiveForAccounts(served, logger), logger, onFailure: fail });
    logStarted(logger, main, listeners, secrets, token, served);

    // The first safety pass of each account runs now: it answers whatever came while the daemon was down.
    await Promise.all(served.map((account) => runServedAccount(context, account, stopping.signal, served.length === 1)));
    if (served.every((account) => account.fatal !== undefined)) fatal ??= served[0]!.fatal;

    // Stopping: no new deliveries (Avito retries, or the next start's safety pass), the queues answered now, what cannot be answered in time held for the next start.
    await listeners.close();
    listeners = undefined;
    await Promise.all(served.map((account) => (account.stopConsuming.abort(), account.consuming)));
    await Promise.all(served.map((account) => (account.inbox ? drainInbox(account.inbox, account.daemon, account.logger) : undefined)));
    if (fatal) throw fatal;
    logger.info(logText().serveStopped);
    return ExitCode.Ok;
  } finally {
    // Whatever ended the run: no timer or socket may keep the process alive.
    for (const account of served) account.stopConsuming.abort();
    await listeners?.close();
    sharing.abort();
    await sharedBots;
    for (const account of served) await account.daemon.close();
  }
}

/** One Avito account's part of serve: its own daemon (store, engine, Avito client, responder, Telegram), inbox, monitor and safety passes. */
interface ServedAccount {
  config: Config;
  logger: Logger;
  daemon: Daemon;
  watch: { avito: CallWatch; storeWrites: CallWatch; engine: CallWatch; telegram: CallWatch };
  inbox?: Inbox;
  monitor?: Monitor;
  /** Set when the account stopped for good (Avito refused its keys): the others keep running. */
  fatal?: unknown;
  stop: AbortController;
  /** With STORE_URL: this process's share of the shared queue, until serve stops. */
  consuming?: Promise<void>;
  stopConsuming: AbortController;
}

async function openServedAccount(context: CommandContext, config: Config, processLogger: Logger, listen: true | 'shared'): Promise<ServedAccount> {
  const logger = createAccountLogger(processLogger, config);
  const watch = { avito: {} as CallWatch, storeWrites: {} as CallWatch, engine: {} as CallWatch, telegram: {} as CallWatch };
  const daemon = await openDaemon(context, config, logger, { dryRun: false, listen, watch }).catch((error: unknown) => {
    throw nameAccountIn(error, config);
  });
  return { config, logger, daemon, watch, stop: new AbortController(), stopConsuming: new AbortController() };
}

/** The account's queue of deliveries; Avito refusing its keys stops this account (with one account, serve: `failServe`). */
async function startInbox(account: ServedAccount, failServe: ((error: unknown) => void) | undefined): Promise<void> {
  const stopAccount = (error: unknown): void => {
    if (account.fatal !== undefined) return;
    account.fatal = account.daemon.tellFatal(error);
    account.stop.abort();
    // Its keys refused, it takes nothing more from the shared queue: what it took stays pending, for a process that can answer.
    account.stopConsuming.abort();
    if (failServe) return failServe(account.fatal);
    account.logger.error(accountsText().accountStopped(account.config.account ?? '', describeError(error)));
  };
  try {
    account.inbox = await openInbox(account.config, account.daemon, account.logger, stopAccount);
    // With several processes, every one of them takes deliveries from the shared queue (this one's listener included).
    account.consuming = account.daemon.cluster?.consume(account.inbox, account.config.poll.concurrency, account.stopConsuming.signal);
  } catch (error) {
    if (failServe) throw error;
    stopAccount(error);
  }
}

/** The account's safety passes and its pause/resume requests, until serve stops or the account does. */
async function runServedAccount(context: CommandContext, account: ServedAccount, stopping: AbortSignal, alone: boolean): Promise<void> {
  if (account.fatal !== undefined || !account.inbox) return;
  const { daemon, inbox, config } = account;
  // Passes are minutes apart here: `avito-ai pause|resume` must not wait for one.
  const controls = setInterval(() => void daemon.applyControls(), CONTROL_POLL_MS);
  try {
    await runPollLoop({
      ...daemon.passDeps,
      isBusy: (chatId) => inbox.holds(chatId),
      signal: AbortSignal.any([context.io.signal, stopping, account.stop.signal]),
      intervalMs: config.server.safetyPollMinutes * 60_000,
      onPass: daemon.onPass,
      onPassError: daemon.onPassError,
      ...sharedPasses(daemon),
    });
  } catch (error) {
    account.fatal ??= daemon.tellFatal(error);
    if (!alone) account.logger.error(accountsText().accountStopped(config.account ?? '', describeError(error)));
  } finally {
    clearInterval(controls);
  }
}

/** With several processes: one runs the passes, and hands the chats to the shared queue. */
function sharedPasses(daemon: Daemon): Partial<PollLoopOptions> {
  const { cluster } = daemon;
  return cluster ? { handOff: cluster.handOff, takeTurn: cluster.takeTurn, turnRetryMs: cluster.turnRetryMs } : {};
}

/** Every account's settings, checked before any store is touched; the process-wide ones (listeners, monitor) are the same in all. */
function readSettings(context: CommandContext): { main: Config; accounts: Config[]; secrets: string[] } {
  const { options } = context;
  const port = options.port === undefined ? undefined : parsePort(options.port);
  const { main, accounts } = loadAccountsWithMain(context, {
    ...(options.host ? { HOST: String(options.host) } : {}),
    ...(port !== undefined ? { PORT: String(port) } : {}),
  });
  const secrets: string[] = [];
  checkEachAccount(accounts, (config) => {
    requireAvitoCredentials(config);
    secrets.push(requireWebhookSecret(config));
  });
  const { monitorHost, monitorToken } = main.server;
  if (!isLoopbackHost(monitorHost) && !monitorToken) {
    // Opening buyers' data to the network is a choice: made with a token the seller chose and keeps.
    throw new ConfigError('MONITOR_TOKEN', commandsText().monitorOpen(monitorHost), { hint: commandsText().monitorOpenHint });
  }
  return { main, accounts, secrets };
}

async function resolveMonitorToken(config: Config): Promise<MonitorToken> {
  if (config.server.monitorToken) return { token: config.server.monitorToken };
  const { loadMonitorToken, monitorTokenPath } = await import('../../server/monitor-token.js');
  const file = monitorTokenPath(config.store.path);
  return { token: (await loadMonitorToken(file)).token, file };
}

async function drainInbox(inbox: Inbox, daemon: Daemon, logger: Logger): Promise<void> {
  const left = await inbox.drain(DRAIN_GRACE_MS);
  if (left.length === 0) return;
  await rememberOpenChats(daemon.store, left);
  logger.warn(logText().stoppedEarly, { chats: left.length });
}

interface ListenerDeps {
  /** One per account, in the accounts' order: the index of the one a URL carries routes its delivery. */
  secrets: string[];
  token: string;
  monitor: Monitor;
  /** Many accounts: the monitor of the one `?account=` names. */
  accounts?: MonitorServerOptions['accounts'];
  receive: Pick<WebhookListenerOptions<Delivery>, 'onDelivery' | 'onRejected'>;
  logger: Logger;
  /** The webhook listener died after it started: serve stops. */
  onFailure(error: unknown): void;
}

/** The webhook listener, then the monitor's; a monitor that cannot listen closes the webhook again. */
async function startListeners(config: Config, deps: ListenerDeps): Promise<Listeners> {
  const { host, port, monitorHost, monitorPort } = config.server;
  const webhook = await startWebhookListener(
    {
      host,
      port,
      webhookPath: WEBHOOK_PATH,
      webhookSecret: deps.secrets.length === 1 ? deps.secrets[0]! : deps.secrets,
      health: () => deps.monitor.health(),
      ...deps.receive,
      onError: (error) => deps.logger.error(logText().webhookError(describeError(error))),
    },
    deps.onFailure,
  ).catch((error: unknown) => {
    throw describeListenError(error, { host, port, hostKey: 'HOST', portKey: 'PORT' });
  });
  try {
    const { startMonitorServer } = await import('../../server/monitor-server.js');
    const monitor = await startMonitorServer({
      host: monitorHost,
      port: monitorPort,
      token: deps.token,
      monitor: deps.monitor,
      ...(deps.accounts ? { accounts: deps.accounts } : {}),
      onError: (error) => deps.logger.error(logText().monitorError(describeError(error))),
    });
    return {
      webhook: webhook.server,
      monitor,
      thread: webhook.thread,
      close: async () => void (await Promise.all([webhook.server.close(), monitor.close()])),
    };
  } catch (error) {
    await webhook.server.close();
    throw describeListenError(error, { host: monitorHost, port: monitorPort, hostKey: 'MONITOR_HOST', portKey: 'MONITOR_PORT' });
  }
}

/** In a thread of its own when compiled, so no answering work delays an acknowledgement; under vitest the sources are TypeScript, which a worker cannot load, so it shares this thread. */
async function startWebhookListener(options: WebhookListenerOptions<Delivery>, onFailure: (error: unknown) => void): Promise<{ server: RunningServer; thread: boolean }> {
  if (existsSync(fileURLToPath(LISTENER_ENTRY))) {
    const { startWebhookServerThread } = await import('../../server/http-thread.js');
    return { server: await startWebhookServerThread({ ...options, entry: LISTENER_ENTRY, onFailure }), thread: true };
  }
  const [{ startWebhookServer }, { parseWebhookDelivery }] = await Promise.all([import('../../server/webhook-server.js'), import('../../avito/webhook.js')]);
  return { server: await startWebhookServer<Delivery>({ ...options, parseDelivery: parseWebhookDelivery }), thread: false };
}

/** Each delivery to the account whose secret its URL carried: account A's URL never reaches B's inbox. */
function receiveForAccounts(served: readonly ServedAccount[], logger: Logger): Pick<WebhookListenerOptions<Delivery>, 'onDelivery' | 'onRejected'> {
  return {
    onDelivery: (delivery, secret) => {
      const account = served[secret];
      if (!account?.inbox || account.fatal !== undefined) return (account?.logger ?? logger).warn(accountsText().deliveryForStopped);
      receiveDelivery(account.inbox, account.logger, delivery, account.daemon.cluster);
    },
    onRejected: (reason, secret) => {
      const account = served[secret];
      account?.inbox?.countRejected();
      (account?.logger ?? logger).warn(logText().webhookRefused(reason));
    },
  };
}

function receiveDelivery(inbox: Inbox, logger: Logger, delivery: Delivery, cluster: Cluster | undefined): void {
  if (delivery.kind !== 'message') {
    inbox.countIgnored();
    if (delivery.kind === 'other') logger.debug(logText().webhookIgnored(delivery.type));
    return;
  }
  if (cluster) return cluster.publish(delivery, logger);
  const result: ReceiveResult = inbox.receive(delivery);
  logger.debug(logText().webhookResult(result), { chat: delivery.message.chatId, message: delivery.message.id });
}

function logStarted(logger: Logger, config: Config, listeners: Listeners, secrets: readonly string[], token: MonitorToken, served: readonly ServedAccount[]): void {
  if (served.length > 1) logger.info(accountsText().accountsStarted(served.map((account) => account.config.account).join(', ')));
  served.forEach((account, index) => {
    const secret = secrets[index]!;
    account.logger.info(logText().serveStarted, {
      url: listeners.webhook.url,
      webhook: hideWebhookSecret(webhookUrl(listeners.webhook.url, secret), secret),
      listener: listeners.thread ? 'thread' : 'main thread',
      monitor: listeners.monitor.url,
      reply_delay_s: account.config.server.replyDelayMs / 1000,
      safety_poll_min: account.config.server.safetyPollMinutes,
      engine: account.daemon.engine.name,
      stopped: account.fatal === undefined ? undefined : true,
    });
  });
  // A line of its own: the link stays whole (unquoted) for a terminal to open.
  logger.info(logText().dashboard(dashboardLink(listeners.monitor.url, token, config.log.format)), { token_file: token.file });
  if (!config.server.appBaseUrl) logger.info(logText().setBaseUrl);
}

/** The token serve made is in the link for the text log only (read by whoever runs the machine): JSON lines tend to be shipped off, so they name the file. MONITOR_TOKEN is never echoed. */
function dashboardLink(monitorUrl: string, token: MonitorToken, format: Config['log']['format']): string {
  const page = `${monitorUrl}/dashboard?token=`;
  if (!token.file) return `${page}<MONITOR_TOKEN>`;
  return format === 'text' ? `${page}${token.token}` : `${page}${logText().tokenInFile(token.file)}`;
}

function parsePort(raw: unknown): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new ConfigError('PORT', commandsText().portNumber(String(raw)));
  }
  return value;
}

interface ListenSetting {
  host: string;
  port: number;
  hostKey: 'HOST' | 'MONITOR_HOST';
  portKey: 'PORT' | 'MONITOR_PORT';
}

function describeListenError(error: unknown, { host, port, hostKey, portKey }: ListenSetting): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const text = commandsText();
  if (code === 'EADDRINUSE') return new ConfigError(portKey, text.portTaken(port, host), { hint: text.portTakenHint(portKey) });
  if (code === 'EACCES') return new ConfigError(portKey, text.portDenied(host, port), { hint: text.portDeniedHint });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new ConfigError(hostKey, text.notLocalAddress(hostKey, host), { hint: text.notLocalAddressHint });
  return error;
}
