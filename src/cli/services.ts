/** The composition root: turns the resolved Config into the adapters the core needs; nothing else constructs an adapter from configuration. */
import { stat } from 'node:fs/promises';
import { resolveConfig, type Config, type ConfigKey } from '../config/config.js';
import { createEscalationMatcher } from '../core/escalation.js';
import type { ResponderSettings } from '../core/inquiry.js';
import type { KnowledgeEngine, Notifier, Store } from '../core/ports.js';
import { createResponder, type Responder } from '../core/responder.js';
import { ConfigError, UsageError } from '../errors.js';
import { createLogger, toLogFields, type Logger } from './logger.js';
import type { CommandContext } from './command.js';
import { requireAvitoCredentials, requireGeminiKey } from '../config/config.js';
import type { AvitoClient } from '../avito/client.js';

/** Resolves configuration once for a command: defaults → .env → environment → flags. */
export function loadConfig(context: CommandContext, flags: Partial<Record<ConfigKey, string | undefined>> = {}): Config {
  const config = resolveConfig({
    env: context.io.env,
    cwd: context.io.cwd,
    ...(context.globals.envFile ? { envFile: context.globals.envFile } : {}),
    flags: { ...(context.globals.store ? { STORE_PATH: context.globals.store } : {}), ...flags },
  });
  if (context.globals.debug) config.log.debug = true;
  // The CLI edge reads it when it reports an error, so DEBUG in .env shows stacks too.
  context.io.debug = config.log.debug;
  return config;
}

export function createLoggerFor(config: Config, context: CommandContext): Logger {
  return createLogger({ format: config.log.format, level: config.log.debug ? 'debug' : config.log.level, stream: context.io.stderr });
}

/** Routes outbound HTTP through HTTPS_PROXY/HTTP_PROXY when set (NO_PROXY honoured). */
export async function installProxy(config: Config): Promise<string | undefined> {
  const { httpsProxy, httpProxy, noProxy } = config.proxy;
  if (!httpsProxy && !httpProxy) return undefined;
  const { installProxyFromEnv } = await import('../net/proxy.js');
  return installProxyFromEnv({ HTTPS_PROXY: httpsProxy, HTTP_PROXY: httpProxy, NO_PROXY: noProxy }).proxy;
}

export async function openStoreFor(config: Config, options: { readOnly?: boolean } = {}): Promise<Store & { close(): Promise<void> }> {
  const { openStore } = await import('../store/index.js');
  const { path, historyLimit, historyTotalLimit } = config.store;
  return openStore({ path, historyLimit, historyTotalLimit, readOnly: options.readOnly ?? false });
}

const USER_ID_META = 'avito.userId';

/** The Avito client, with the account id configured, cached in the store, or discovered once. */
export async function createMessengerFor(
  config: Config,
  store: Store | undefined,
  logger: Logger,
  overrides: { retry?: { limit: number }; timeoutMs?: number } = {},
): Promise<AvitoClient> {
  const { clientId, clientSecret } = requireAvitoCredentials(config);
  await installProxy(config);
  const { createAvitoClient } = await import('../avito/index.js');
  const cached = Number(store?.getMeta(USER_ID_META)) || undefined;
  const userId = config.avito.userId ?? cached;
  return createAvitoClient({
    baseUrl: config.avito.apiUrl,
    clientId,
    clientSecret,
    ...(userId ? { userId } : {}),
    chatTypes: config.avito.chatTypes,
    timeoutMs: overrides.timeoutMs ?? config.avito.timeoutMs,
    ...(overrides.retry ? { retry: overrides.retry } : {}),
    onUserIdDiscovered: (id: number) => {
      logger.info('discovered the Avito account id', { user_id: id });
      void store?.transact((tx) => tx.setMeta(USER_ID_META, String(id))).catch(() => undefined);
    },
    onEvent: (event: { type: string } & Record<string, unknown>) => {
      logger.debug(`avito ${event.type}`, toLogFields(event));
    },
  });
}

/**
 * The configured knowledge engine: Gemini File Search when GEMINI_API_KEY is set (or
 * KNOWLEDGE_ENGINE=gemini), the local folder search otherwise. With a store, Gemini remembers
 * its File Search store's resource name there between runs.
 */
export async function createEngineFor(
  config: Config,
  override: { dir?: string; engine?: string; store?: Store; logger?: Logger } = {},
): Promise<KnowledgeEngine> {
  const engine = override.engine ?? config.knowledge.engine;
  const dir = override.dir ?? config.knowledge.dir;
  if (engine === 'gemini') return createGeminiEngineFor(config, dir, override.store, override.logger);
  if (engine !== 'local') throw new UsageError(`Unknown engine "${engine}": use local or gemini`);
  // A wrong path must stop the command, not quietly turn every answer into the fallback text.
  const found = await stat(dir).catch(() => undefined);
  if (!found?.isDirectory()) {
    throw new ConfigError('KNOWLEDGE_DIR', `KNOWLEDGE_DIR ${dir} is not a folder`, {
      hint: 'create it and put your documents there, or set KNOWLEDGE_DIR (see .env.example)',
    });
  }
  const { createLocalEngine } = await import('../knowledge/index.js');
  return createLocalEngine({ dir });
}

async function createGeminiEngineFor(config: Config, dir: string, store: Store | undefined, logger: Logger | undefined): Promise<KnowledgeEngine> {
  const apiKey = requireGeminiKey(config);
  await installProxy(config);
  const { createGeminiClient, createGeminiEngine } = await import('../knowledge/gemini/index.js');
  const g = config.gemini;
  const client = createGeminiClient({
    apiKey,
    ...(g.baseUrl ? { baseUrl: g.baseUrl } : {}),
    timeoutMs: g.timeoutMs,
    retries: g.retries,
    onRetry: (event) => logger?.warn(`gemini ${event.operation} failed, retrying in ${event.delayMs} ms`, { attempt: event.attempt, reason: event.reason }),
  });
  const key = `gemini.store:${g.storeDisplayName}`;
  return createGeminiEngine({
    client,
    model: g.model,
    temperature: g.temperature,
    storeDisplayName: g.storeDisplayName,
    dir,
    contextLimit: config.responder.contextLimit,
    ...(store
      ? {
          cache: {
            get: () => store.getMeta(key) || undefined,
            // Remembering is a saving, not a duty: a failed write costs one lookup next run.
            set: (name: string | undefined) => void store.transact((tx) => tx.setMeta(key, name ?? '')).catch(() => undefined),
          },
        }
      : {}),
  });
}

export function responderSettings(config: Config): ResponderSettings {
  const r = config.responder;
  return {
    contextLimit: r.contextLimit,
    humanPauseHours: r.humanPauseHours,
    fallbackText: r.fallbackText,
    escalationText: r.escalationText,
    nonTextReplyText: r.nonTextReplyText,
    nonTextReplyTypes: r.nonTextReplyTypes,
    thanksReplyText: r.thanksReplyText,
    greetingReplyText: r.greetingReplyText,
    activeHours: r.activeHours,
    timeZone: r.timeZone,
    maxRepliesPerHour: r.maxRepliesPerHour,
    replyMaxAgeHours: r.replyMaxAgeHours,
    engineFailureLimit: r.engineFailureLimit,
    // A send still on its way when the client gave up lands within about a timeout, if at all.
    sendSettleMs: 2 * config.avito.timeoutMs,
  };
}

export function createResponderFor(
  config: Config,
  parts: { messenger: AvitoClient; store: Store; engine: KnowledgeEngine; notifier: Notifier },
): Responder {
  return createResponder({
    ...parts,
    clock: { now: () => Date.now() },
    settings: responderSettings(config),
    escalation: createEscalationMatcher(config.responder.escalationPhrases),
  });
}
