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
import type { Monitor } from '../../server/monitor-server.js';
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
import { createLoggerFor, loadConfig } from '../services.js';
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
  const { config, secret } = readSettings(context);
  const logger = createLoggerFor(config, context);
  const watch = { avito: {} as CallWatch, storeWrites: {} as CallWatch, engine: {} as CallWatch, telegram: {} as CallWatch };
  const daemon = await openDaemon(context, config, logger, { dryRun: false, listen: true, watch });
  const stopping = new AbortController();
  const stopConsuming = new AbortController();
  let fatal: unknown;
  const fail = (error: unknown): void => {
    fatal ??= error;
    stopping.abort();
  };
  let listeners: Listeners | undefined;
  let controls: NodeJS.Timeout | undefined;
  try {
    const inbox = await openInbox(config, daemon, logger, (error) => fail(daemon.tellFatal(error)));
    const token = await resolveMonitorToken(config);
    const { createMonitor } = await import('../../server/monitor.js');
    const shared = daemon.cluster ? { checkSharedStore: daemon.cluster.ping } : {};
    const monitor = createMonitor({ store: daemon.store, storePath: config.store.path, ...shared, inbox, startedAt: Date.now(), ...watch, timeZone: config.responder.timeZone, chatUrl: avitoChatUrl });
    listeners = await startListeners(config, { secret, token: token.token, monitor, inbox, logger, onFailure: fail, ...(daemon.cluster ? { cluster: daemon.cluster } : {}) });
    // With several processes, every one of them takes deliveries from the shared queue (this one's listener included).
    const consuming = daemon.cluster?.consume(inbox, config.poll.concurrency, stopConsuming.signal);
    logStarted(logger, config, listeners, secret, token, daemon.engine.name);

    // Passes are minutes apart here: `avito-ai pause|resume` must not wait for one.
    controls = setInterval(() => void daemon.applyControls(), CONTROL_POLL_MS);
    // The first safety pass runs now: it answers whatever came while the daemon was down.
    await runPollLoop({
      ...daemon.passDeps,
      isBusy: (chatId) => inbox.holds(chatId),
      signal: AbortSignal.any([context.io.signal, stopping.signal]),
      intervalMs: config.server.safetyPollMinutes * 60_000,
      onPass: daemon.onPass,
      onPassError: daemon.onPassError,
      ...sharedPasses(daemon),
    }).catch((error: unknown) => {
      fatal ??= daemon.tellFatal(error);
    });

    // Stopping: no new deliveries (Avito retries, or the next start's safety pass), the queue answered now, what cannot be answered in time held for the next start.
    clearInterval(controls);
    await listeners.close();
    listeners = undefined;
    stopConsuming.abort();
    await consuming;
    await drainInbox(inbox, daemon, logger);
    if (fatal) throw fatal;
    logger.info(logText().serveStopped);
    return ExitCode.Ok;
  } finally {
    // Whatever ended the run: no timer or socket may keep the process alive.
    stopConsuming.abort();
    clearInterval(controls);
    await listeners?.close();
    await daemon.close();
  }
}

/** The settings serve refuses to start without, checked before the store is touched. */
function readSettings(context: CommandContext): { config: Config; secret: string } {
  const { options } = context;
  const port = options.port === undefined ? undefined : parsePort(options.port);
  const config = loadConfig(context, {
    ...(options.host ? { HOST: String(options.host) } : {}),
    ...(port !== undefined ? { PORT: String(port) } : {}),
  });
  requireAvitoCredentials(config);
  const secret = requireWebhookSecret(config);
  const { monitorHost, monitorToken } = config.server;
  if (!isLoopbackHost(monitorHost) && !monitorToken) {
    // Opening buyers' data to the network is a choice: made with a token the seller chose and keeps.
    throw new ConfigError('MONITOR_TOKEN', commandsText().monitorOpen(monitorHost), { hint: commandsText().monitorOpenHint });
  }
  return { config, secret };
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
  secret: string;
  token: string;
  monitor: Monitor;
  inbox: Inbox;
  logger: Logger;
  /** The webhook listener died after it started: serve stops. */
  onFailure(error: unknown): void;
  cluster?: Cluster;
}

/** The webhook listener, then the monitor's; a monitor that cannot listen closes the webhook again. */
async function startListeners(config: Config, deps: ListenerDeps): Promise<Listeners> {
  const { host, port, monitorHost, monitorPort } = config.server;
  const webhook = await startWebhookListener(
    {
      host,
      port,
      webhookPath: WEBHOOK_PATH,
      webhookSecret: deps.secret,
      health: () => deps.monitor.health(),
      ...receiveDeliveries(deps.inbox, deps.logger, deps.cluster),
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

function receiveDeliveries(inbox: Inbox, logger: Logger, cluster: Cluster | undefined): Pick<WebhookListenerOptions<Delivery>, 'onDelivery' | 'onRejected'> {
  return {
    onDelivery: (delivery) => {
      if (delivery.kind !== 'message') {
        inbox.countIgnored();
        if (delivery.kind === 'other') logger.debug(logText().webhookIgnored(delivery.type));
        return;
      }
      if (cluster) return cluster.publish(delivery, logger);
      const result: ReceiveResult = inbox.receive(delivery);
      logger.debug(logText().webhookResult(result), { chat: delivery.message.chatId, message: delivery.message.id });
    },
    onRejected: (reason) => {
      inbox.countRejected();
      logger.warn(logText().webhookRefused(reason));
    },
  };
}

/** With several processes: one runs the passes, and hands the chats to the shared queue. */
function sharedPasses(daemon: Daemon): Partial<PollLoopOptions> {
  const { cluster } = daemon;
  return cluster ? { handOff: cluster.handOff, takeTurn: cluster.takeTurn, turnRetryMs: cluster.turnRetryMs } : {};
}

function logStarted(logger: Logger, config: Config, listeners: Listeners, secret: string, token: MonitorToken, engine: string): void {
  logger.info(logText().serveStarted, {
    url: listeners.webhook.url,
    webhook: hideWebhookSecret(webhookUrl(listeners.webhook.url, secret), secret),
    listener: listeners.thread ? 'thread' : 'main thread',
    monitor: listeners.monitor.url,
    reply_delay_s: config.server.replyDelayMs / 1000,
    safety_poll_min: config.server.safetyPollMinutes,
    engine,
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
