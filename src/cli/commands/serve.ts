/**
 * `avito-ai serve`: the webhook daemon. Avito's deliveries are acknowledged at once and answered
 * after REPLY_DELAY seconds of quiet in the chat; a safety pass over the chats at start and every
 * SAFETY_POLL_MINUTES catches what was never delivered; the monitor shares the server.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isLoopbackHost } from '../../net/hosts.js';
import { createInbox, type Inbox, type ReceiveResult } from '../../core/inbox.js';
import type { CallWatch } from '../../server/call-watch.js';
import type { ListenerOptions, RunningServer } from '../../server/http-server.js';
import { avitoChatUrl } from '../../core/links.js';
import { hideWebhookSecret, WEBHOOK_PATH, webhookUrl, type WebhookDelivery } from '../../avito/webhook.js';
import { rememberOpenChats, runPollLoop } from '../../core/poll.js';
import { ConfigError, describeError } from '../../errors.js';
import { requireAvitoCredentials, requireWebhookSecret } from '../../config/config.js';
import { openDaemon } from '../daemon.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import type { Logger } from '../logger.js';
import { createLoggerFor, loadConfig } from '../services.js';

/** How long SIGTERM waits for the queue to be answered before holding the rest for the next start. */
const DRAIN_GRACE_MS = 20_000;
/** How often queued `avito-ai pause|resume` requests are looked for. */
const CONTROL_POLL_MS = 2000;
/** The listener thread's module, next to this one's folder once compiled (absent as TypeScript). */
const LISTENER_ENTRY = new URL('../serve-listener.js', import.meta.url);

type Delivery = Exclude<WebhookDelivery, { kind: 'invalid' }>;

export default async function serve(context: CommandContext): Promise<ExitCode> {
  const { options, io } = context;
  const port = options.port === undefined ? undefined : parsePort(options.port);
  const config = loadConfig(context, {
    ...(options.host ? { HOST: String(options.host) } : {}),
    ...(port !== undefined ? { PORT: String(port) } : {}),
  });
  requireAvitoCredentials(config);
  const secret = requireWebhookSecret(config);
  const { host, monitorToken } = config.server;
  if (!isLoopbackHost(host) && !monitorToken) {
    throw new ConfigError('MONITOR_TOKEN', `HOST=${host} is reachable from other machines, and the monitor would be open to anyone`, {
      hint: 'set MONITOR_TOKEN to a long random string (openssl rand -hex 24), or keep HOST=127.0.0.1 behind a reverse proxy',
    });
  }
  const logger = createLoggerFor(config, context);
  const watch = { avito: {} as CallWatch, storeWrites: {} as CallWatch };
  const daemon = await openDaemon(context, config, logger, { dryRun: false, listen: true, watch });
  const stopping = new AbortController();
  const stop = AbortSignal.any([io.signal, stopping.signal]);
  let fatal: unknown;
  let server: RunningServer | undefined;
  let controls: NodeJS.Timeout | undefined;
  try {
    // The account deliveries must belong to (configured, cached, or asked of Avito once).
    const accountId = await daemon.messenger.getUserId().catch((error: unknown) => {
      throw daemon.tellFatal(error);
    });
    const inbox = createInbox({
      responder: daemon.responder,
      store: daemon.store,
      accountId,
      chatTypes: config.avito.chatTypes,
      replyDelayMs: config.server.replyDelayMs,
      concurrency: config.poll.concurrency,
      onOutcome: daemon.observeOutcome,
      onChatError: (chatId, error) => {
        logger.warn(`chat failed: ${describeError(error)}`, { chat: chatId });
        daemon.recordError(`chat ${chatId}: ${describeError(error)}`);
      },
      onFatal: (error) => {
        fatal ??= daemon.tellFatal(error);
        stopping.abort();
      },
    });
    const { createMonitor } = await import('../../server/monitor.js');
    const startedAt = Date.now();
    const listener = await startListener(
      {
        host,
        port: config.server.port,
        webhookPath: WEBHOOK_PATH,
        webhookSecret: secret,
        ...(monitorToken ? { monitorToken } : {}),
        monitor: createMonitor({ store: daemon.store, storePath: config.store.path, inbox, startedAt, avito: watch.avito, storeWrites: watch.storeWrites, chatUrl: avitoChatUrl }),
        ...receiveDeliveries(inbox, logger),
        onError: (error) => logger.error(`monitor: ${describeError(error)}`),
      },
      (error) => {
        fatal ??= error;
        stopping.abort();
      },
    ).catch((error: unknown) => {
      throw describeListenError(error, host, config.server.port);
    });
    server = listener.server;
    logger.info('serve started', {
      url: server.url,
      webhook: hideWebhookSecret(webhookUrl(server.url, secret), secret),
      listener: listener.thread ? 'thread' : 'main thread',
      dashboard: `${server.url}/dashboard`,
      reply_delay_s: config.server.replyDelayMs / 1000,
      safety_poll_min: config.server.safetyPollMinutes,
      engine: daemon.engine.name,
    });
    if (!config.server.appBaseUrl) logger.info('set APP_BASE_URL to your public https address, then run avito-ai register-webhook');

    // Passes are minutes apart here: `avito-ai pause|resume` must not wait for one.
    controls = setInterval(() => void daemon.applyControls(), CONTROL_POLL_MS);

    // The first safety pass runs now: it answers whatever came while the daemon was down.
    await runPollLoop({
      ...daemon.passDeps,
      isBusy: (chatId) => inbox.holds(chatId),
      signal: stop,
      intervalMs: config.server.safetyPollMinutes * 60_000,
      onPass: daemon.onPass,
      onPassError: daemon.onPassError,
    }).catch((error: unknown) => {
      fatal ??= daemon.tellFatal(error);
    });

    // Stopping: no new deliveries (Avito retries or the next start's safety pass picks them up),
    // the queue is answered now, and what cannot be answered in time is held for the next start.
    clearInterval(controls);
    await server.close();
    server = undefined;
    const left = await inbox.drain(DRAIN_GRACE_MS);
    if (left.length > 0) {
      await rememberOpenChats(daemon.store, left);
      logger.warn('stopped before every queued chat was answered; they are answered at the next start', { chats: left.length });
    }
    if (fatal) throw fatal;
    logger.info('serve stopped: queue drained and saved');
    return ExitCode.Ok;
  } finally {
    // Whatever ended the run: no timer or socket may keep the process alive.
    clearInterval(controls);
    await server?.close();
    await daemon.close();
  }
}

/**
 * The HTTP server, in a thread of its own when running compiled (the listener's module exists),
 * so that no answering work delays an acknowledgement. Under vitest the sources are TypeScript,
 * which a worker cannot load: the server then shares this thread, as it behaves the same.
 */
async function startListener(options: ListenerOptions<Delivery>, onFailure: (error: unknown) => void): Promise<{ server: RunningServer; thread: boolean }> {
  if (existsSync(fileURLToPath(LISTENER_ENTRY))) {
    const { startHttpServerThread } = await import('../../server/http-thread.js');
    return { server: await startHttpServerThread({ ...options, entry: LISTENER_ENTRY, onFailure }), thread: true };
  }
  const [{ startHttpServer }, { parseWebhookDelivery }] = await Promise.all([import('../../server/http-server.js'), import('../../avito/webhook.js')]);
  return { server: await startHttpServer<Delivery>({ ...options, parseDelivery: parseWebhookDelivery }), thread: false };
}

/** Hands a parsed delivery to the inbox, and counts those that are ignored or refused. */
function receiveDeliveries(inbox: Inbox, logger: Logger): Pick<ListenerOptions<Delivery>, 'onDelivery' | 'onRejected'> {
  return {
    onDelivery: (delivery) => {
      if (delivery.kind !== 'message') {
        inbox.countIgnored();
        if (delivery.kind === 'other') logger.debug(`webhook: ignored a "${delivery.type}" delivery`);
        return;
      }
      const result: ReceiveResult = inbox.receive(delivery);
      logger.debug(`webhook: ${result}`, { chat: delivery.message.chatId, message: delivery.message.id });
    },
    onRejected: (reason) => {
      inbox.countRejected();
      logger.warn(`webhook: refused a delivery (${reason})`);
    },
  };
}

function parsePort(raw: unknown): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new ConfigError('PORT', `--port must be a whole number from 0 to 65535, got "${String(raw)}"`);
  }
  return value;
}

function describeListenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new ConfigError('PORT', `port ${port} on ${host} is taken (is another avito-ai serve running?)`, { hint: 'stop it, or set PORT to a free port' });
  if (code === 'EACCES') return new ConfigError('PORT', `not allowed to listen on ${host}:${port}`, { hint: 'use a port above 1023 and put a reverse proxy on 443' });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new ConfigError('HOST', `HOST=${host} is not an address of this machine`, { hint: 'use 127.0.0.1 behind a reverse proxy, or 0.0.0.0 for every address' });
  return error;
}
