/** The composition root: turns the resolved Config into the adapters the core needs; nothing else constructs an adapter from configuration. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { describeConfigWarning, resolveConfig, type Config, type ConfigKey } from '../config/config.js';
import { createEscalationMatcher } from '../core/escalation.js';
import type { ResponderSettings } from '../core/inquiry.js';
import type { ChatLock, KnowledgeEngine, Notifier, Store } from '../core/ports.js';
import { createResponder, type Responder } from '../core/responder.js';
import { ConfigError, UsageError } from '../errors.js';
import { createLogger, toLogFields, type Logger } from './logger.js';
import type { CommandContext } from './command.js';
import { requireAvitoCredentials, requireGeminiKey, requireGigaChatCredentials, requireOpenAiSettings } from '../config/config.js';
import type { AvitoClient } from '../avito/client.js';
import { logText } from '../messages/log.js';
import { adaptersText } from '../messages/adapters.js';
import { ENV_EXAMPLE, readOwnVersion } from '../package-files.js';
import { requireMcpSettings } from '../config/mcp.js';
import type { McpKnowledgeEngine } from '../knowledge/mcp/mcp-engine.js';
import type { RedisStore } from '../redis/redis-store.js';

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
  if (config.warnings.length > 0 && !warnedRuns.has(context.io)) {
    warnedRuns.add(context.io);
    const logger = createLoggerFor(config, context);
    for (const warning of config.warnings) logger.warn(describeConfigWarning(warning, config.envFile));
  }
  return config;
}

/** The runs already told about unknown variables: a command that loads the configuration twice warns once. */
const warnedRuns = new WeakSet<object>();

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
  const { path, historyLimit, historyTotalLimit, url, leaseMs } = config.store;
  if (url) {
    const { openRedisStore } = await import('../redis/redis-store.js');
    return openRedisStore({ url, account: config.account ?? REDIS_ACCOUNT, limits: { historyLimit, historyTotalLimit }, readOnly: options.readOnly ?? false, leases: { ttlMs: leaseMs } });
  }
  const { openStore } = await import('../store/index.js');
  return openStore({ path, historyLimit, historyTotalLimit, readOnly: options.readOnly ?? false });
}

/** The key namespace in Redis of the one account an install has without ACCOUNTS_DIR (with it, the account's name). */
const REDIS_ACCOUNT = 'default';

/** The Redis store's chat lock (its per-chat lease); none for the JSON store, which one process holds alone. */
export function sharedChatLock(store: Store): RedisStore | undefined {
  const shared = store as Partial<RedisStore>;
  return shared.leases && typeof shared.run === 'function' ? (store as RedisStore) : undefined;
}

/**
 * With the Redis store another process may be answering the same chat: the work on a chat holds its lease (the responder's chat lock),
 * and a send goes out only while the lease is still this process's. With the JSON store nothing changes.
 */
export async function shareChats<M extends AvitoClient>(store: Store, messenger: M): Promise<{ messenger: M; chatLock?: ChatLock }> {
  const shared = sharedChatLock(store);
  if (!shared) return { messenger };
  const { fenceSends } = await import('../redis/fenced-sends.js');
  return { messenger: fenceSends(messenger, shared.leases), chatLock: shared };
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
      logger.info(logText().accountDiscovered, { user_id: id });
      void store?.transact((tx) => tx.setMeta(USER_ID_META, String(id))).catch(() => undefined);
    },
    onEvent: (event: { type: string } & Record<string, unknown>) => {
      logger.debug(`avito ${event.type}`, toLogFields(event));
    },
  });
}

/**
 * The configured knowledge engine (see config's chooseEngine): local folder search, Gemini File Search, or a chat
 * model (GigaChat, an OpenAI-compatible API) over the local index. With a store, Gemini remembers its File Search
 * store's name there between runs, and GigaChat its access token.
 */
export async function createEngineFor(
  config: Config,
  override: { dir?: string; engine?: string; store?: Store; logger?: Logger; modelRetries?: number } = {},
): Promise<KnowledgeEngine> {
  const engine = override.engine ?? config.knowledge.engine;
  const dir = override.dir ?? config.knowledge.dir;
  if (engine === 'gemini') return createGeminiEngineFor(config, dir, override.store, override.logger);
  if (engine === 'gigachat' || engine === 'openai') return createModelEngineFor(config, engine, dir, override);
  if (engine === 'mcp') return createMcpEngineFor(config, override);
  if (engine !== 'local') throw new UsageError(adaptersText().unknownEngine(engine));
  await requireFolder(dir);
  const { createLocalEngine } = await import('../knowledge/index.js');
  return createLocalEngine({ dir });
}

/** A wrong path must stop the command, not quietly turn every answer into the fallback text. */
async function requireFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (!found?.isDirectory()) {
    throw new ConfigError('KNOWLEDGE_DIR', adaptersText().knowledgeDirMissing(dir), { hint: adaptersText().knowledgeDirMissingHint(ENV_EXAMPLE) });
  }
}

/** GigaChat or an OpenAI-compatible model, writing answers from the passages the local index of `dir` picks. */
async function createModelEngineFor(
  config: Config,
  engine: 'gigachat' | 'openai',
  dir: string,
  { store, logger, modelRetries }: { store?: Store; logger?: Logger; modelRetries?: number },
): Promise<KnowledgeEngine> {
  await requireFolder(dir);
  await installProxy(config);
  const [{ createLocalIndex }, { createGroundedEngine }] = await Promise.all([import('../knowledge/index.js'), import('../knowledge/grounded/grounded-engine.js')]);
  const onRetry = logRetries(logger, engine);
  const model =
    engine === 'gigachat'
      ? await createGigaChatFor(config, store, modelRetries ?? config.gigachat.retries, onRetry)
      : await createOpenAiFor(config, modelRetries ?? config.openai.retries, onRetry);
  return createGroundedEngine({ model, index: createLocalIndex({ dir }), contextLimit: config.responder.contextLimit });
}

/**
 * The seller's MCP server (see config/mcp.ts): its passages composed by MCP_COMPOSER (the built-in quoting, or GigaChat
 * or an OpenAI-compatible model under the grounding check), or its own answers (MCP_MODE=answer).
 */
async function createMcpEngineFor(config: Config, { store, logger, modelRetries }: { store?: Store; logger?: Logger; modelRetries?: number }): Promise<McpKnowledgeEngine> {
  const { server, tool } = requireMcpSettings(config.mcp);
  const m = config.mcp;
  await installProxy(config);
  const [{ createMcpConnection }, { createMcpEngine }] = await Promise.all([import('../knowledge/mcp/connection.js'), import('../knowledge/mcp/mcp-engine.js')]);
  const composer = m.mode === 'passages' ? m.composer : 'local';
  const onRetry = logRetries(logger, composer);
  const model =
    composer === 'gigachat'
      ? await createGigaChatFor(config, store, modelRetries ?? config.gigachat.retries, onRetry)
      : composer === 'openai'
        ? await createOpenAiFor(config, modelRetries ?? config.openai.retries, onRetry)
        : undefined;
  const connection = createMcpConnection({
    server: server.transport === 'http' ? { ...server, headers: m.headers } : { ...server, env: m.env, cwd: m.cwd },
    timeoutMs: m.timeoutMs,
    clientVersion: readOwnVersion(),
    onEvent: (event) => {
      if (event.type === 'started') logger?.debug(logText().mcpConnected, { server: event.server, pid: event.pid });
      else if (event.type === 'closed') logger?.warn(logText().mcpExited, { server: event.server, last_words: event.lastWords || undefined });
      else logger?.debug(logText().mcpSaid(event.line));
    },
  });
  return createMcpEngine({ connection, tool, arguments: m.arguments, mode: m.mode, noAnswerMarker: m.noAnswerMarker, contextLimit: config.responder.contextLimit, ...(model ? { model } : {}) });
}


type RetryLog = (event: { operation: string; attempt: number; delayMs: number; reason: string }) => void;

/** Each retry of an outside system's call, as one warning line. */
function logRetries(logger: Logger | undefined, system: string): RetryLog {
  return (event) => logger?.warn(`${system} ${event.operation} failed, retrying in ${event.delayMs} ms`, { attempt: event.attempt, reason: event.reason });
}

/** A value remembered in the store's meta between runs. Remembering is a saving, not a duty: a failed write costs one lookup next run. */
function rememberInStore(store: Store, key: string): { get(): string | undefined; set(value: string | undefined): void } {
  return {
    get: () => store.getMeta(key) || undefined,
    set: (value) => void store.transact((tx) => tx.setMeta(key, value ?? '')).catch(() => undefined),
  };
}

async function createGigaChatFor(config: Config, store: Store | undefined, retries: number, onRetry: RetryLog) {
  const credentials = requireGigaChatCredentials(config);
  const g = config.gigachat;
  const [{ createGigaChatModel }, { createDispatcherTrusting }] = await Promise.all([import('../knowledge/gigachat/client.js'), import('../net/proxy.js')]);
  const dispatcher = g.caFile ? createDispatcherTrusting(await readCaFile(g.caFile), config.proxy) : undefined;
  // One token per key and scope, kept in the store: a `poll --once` every minute must not fetch one each time.
  const key = `gigachat.token:${createHash('sha256').update(`${g.authUrl}\n${g.scope}\n${credentials}`).digest('hex').slice(0, 16)}`;
  return createGigaChatModel({
    credentials,
    scope: g.scope,
    model: g.model,
    authUrl: g.authUrl,
    baseUrl: g.baseUrl,
    timeoutMs: g.timeoutMs,
    retries,
    ...(dispatcher ? { dispatcher } : {}),
    ...(store ? { tokenCache: storeTokenCache(store, key) } : {}),
    onRetry,
  });
}

async function createOpenAiFor(config: Config, retries: number, onRetry: RetryLog) {
  const { baseUrl, model } = requireOpenAiSettings(config);
  const o = config.openai;
  const { createOpenAiChatModel } = await import('../knowledge/openai/client.js');
  return createOpenAiChatModel({
    provider: 'openai',
    baseUrl,
    // Ollama and vLLM take no key, but the SDK refuses to start without one.
    apiKey: o.apiKey ?? 'no-key',
    model,
    timeoutMs: o.timeoutMs,
    retries,
    ...(o.project ? { project: o.project } : {}),
    ...(Object.keys(o.headers).length > 0 ? { headers: o.headers } : {}),
    onRetry,
  });
}

/** GIGACHAT_CA_FILE must hold at least one PEM certificate: a wrong file fails here, not as a TLS error later. */
async function readCaFile(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError('GIGACHAT_CA_FILE', adaptersText().caUnreadable(path, error.code ?? error.message), { hint: adaptersText().caUnreadableHint });
  });
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ConfigError('GIGACHAT_CA_FILE', adaptersText().caNotPem(path), { hint: adaptersText().caNotPemHint });
  }
  return text;
}

/** The GigaChat token as JSON in the store's meta; a garbled entry costs one token request. */
function storeTokenCache(store: Store, key: string) {
  const meta = rememberInStore(store, key);
  return {
    get: () => {
      try {
        const value = JSON.parse(meta.get() ?? '') as { token?: unknown; expiresAt?: unknown };
        return typeof value.token === 'string' && typeof value.expiresAt === 'number' ? { token: value.token, expiresAt: value.expiresAt } : undefined;
      } catch {
        return undefined;
      }
    },
    set: (token: { token: string; expiresAt: number } | undefined) => meta.set(token ? JSON.stringify(token) : undefined),
  };
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
    onRetry: logRetries(logger, 'gemini'),
  });
  return createGeminiEngine({
    client,
    model: g.model,
    temperature: g.temperature,
    storeDisplayName: g.storeDisplayName,
    dir,
    contextLimit: config.responder.contextLimit,
    ...(store ? { cache: rememberInStore(store, `gemini.store:${g.storeDisplayName}`) } : {}),
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
    partialAnswerText: r.partialAnswerText,
    thanksReplyText: r.thanksReplyText,
    greetingReplyText: r.greetingReplyText,
    activeHours: r.activeHours,
    timeZone: r.timeZone,
    maxRepliesPerHour: r.maxRepliesPerHour,
    maxRepliesPerHourAccount: r.maxRepliesPerHourAccount,
    replyMaxAgeHours: r.replyMaxAgeHours,
    engineFailureLimit: r.engineFailureLimit,
    // A send still on its way when the client gave up lands within about a timeout, if at all.
    sendSettleMs: 2 * config.avito.timeoutMs,
  };
}

export function createResponderFor(
  config: Config,
  parts: { messenger: AvitoClient; store: Store; engine: KnowledgeEngine; notifier: Notifier; chatLock?: ChatLock },
): Responder {
  return createResponder({
    ...parts,
    clock: { now: () => Date.now() },
    settings: responderSettings(config),
    escalation: createEscalationMatcher(config.responder.escalationPhrases),
  });
}
