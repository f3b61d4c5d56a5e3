/**
 * Configuration, resolved once per run: defaults → `.env` (or `--env-file`) → environment → flags, into one validated
 * object; a malformed value gives a ConfigError naming the variable. Secrets come from the environment or `.env` only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parseStoreUrl } from './store-url.js';
import { ConfigError } from '../errors.js';
import { configText } from '../messages/config.js';
import { ENV_EXAMPLE } from '../package-files.js';
import { MCP_DEFAULTS, parseMcp, type McpSettings } from './mcp.js';
import { parseHeaderSetting } from './headers.js';

/** Ends with the offer a "да" takes (the bot then calls the seller in, as for "позовите менеджера"). */
export const DEFAULT_FALLBACK_TEXT =
  '🤖: в моей базе нет нужной информации по вашему вопросу. Уточните, пожалуйста, вопрос — или напишите «да», и я позову менеджера.';
export const DEFAULT_ESCALATION_TEXT =
  '🤖: передал ваш вопрос менеджеру, он ответит в этом чате, как только сможет.';
/** After an answer that leaves some of the buyer's questions out (see KnowledgeAnswer.leftOut): the chat stays unread for the seller. */
export const DEFAULT_PARTIAL_ANSWER_TEXT = '🤖: на остальное ответит менеджер, я передал ему ваш вопрос.';
export const DEFAULT_NON_TEXT_REPLY_TEXT =
  '🤖: я пока не умею слушать голосовые сообщения. Напишите, пожалуйста, вопрос текстом.';

/** Every variable avito-ai reads, with its default (undefined: no default). Documented in .env.example. */
export const DEFAULTS = {
  AVITO_CLIENT_ID: undefined,
  AVITO_CLIENT_SECRET: undefined,
  AVITO_USER_ID: undefined,
  AVITO_API_URL: 'https://api.avito.ru',
  AVITO_POLL_INTERVAL: '30',
  AVITO_CHAT_TYPES: 'u2i,u2u',
  AVITO_TIMEOUT: '15',
  STORE_PATH: './data/avito-ai.json',
  /** A Redis address (redis://…): the store many processes share. Unset: the JSON file at STORE_PATH. */
  STORE_URL: undefined,
  /** Seconds a process's claim on a chat (and on the pass) outlives the process: how long a dead one blocks, and the longest stall it survives. */
  STORE_LEASE_SECONDS: '15',
  HISTORY_LIMIT: '100',
  HISTORY_TOTAL_LIMIT: '20000',
  KNOWLEDGE_DIR: './docs/knowledge',
  /** Unset: gigachat when GIGACHAT_CREDENTIALS is set, gemini when GEMINI_API_KEY is, the local engine otherwise. */
  KNOWLEDGE_ENGINE: undefined,
  GEMINI_API_KEY: undefined,
  GEMINI_MODEL: 'gemini-flash-latest',
  GEMINI_TEMPERATURE: '0.2',
  GEMINI_BASE_URL: undefined,
  GEMINI_TIMEOUT: '30',
  GEMINI_RETRIES: '3',
  FILE_SEARCH_STORE: 'avito-ai',
  GIGACHAT_CREDENTIALS: undefined,
  GIGACHAT_SCOPE: 'GIGACHAT_API_PERS',
  /** The general model; GigaChat-2-Pro and GigaChat-2-Max answer better and cost more. */
  GIGACHAT_MODEL: 'GigaChat',
  GIGACHAT_AUTH_URL: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth',
  GIGACHAT_BASE_URL: 'https://gigachat.devices.sberbank.ru/api/v1',
  GIGACHAT_CA_FILE: undefined,
  GIGACHAT_TIMEOUT: '30',
  GIGACHAT_RETRIES: '2',
  OPENAI_BASE_URL: undefined,
  OPENAI_API_KEY: undefined,
  OPENAI_MODEL: undefined,
  /** Sent as OpenAI-Project: Yandex AI Studio's folder id. */
  OPENAI_PROJECT: undefined,
  /** Extra headers, `Name: value; Name2: value`. */
  OPENAI_HEADERS: undefined,
  OPENAI_TIMEOUT: '60',
  OPENAI_RETRIES: '2',
  ...MCP_DEFAULTS,
  CONTEXT_LIMIT: '20',
  HUMAN_PAUSE_HOURS: '12',
  FALLBACK_TEXT: DEFAULT_FALLBACK_TEXT,
  ESCALATION_TEXT: DEFAULT_ESCALATION_TEXT,
  /** Extra phrases besides the built-in detector of requests for a person. */
  ESCALATION_PHRASES: undefined,
  NON_TEXT_REPLY_TEXT: DEFAULT_NON_TEXT_REPLY_TEXT,
  /** Empty: nothing is added after an answer that leaves a question out (the seller is still told). */
  PARTIAL_ANSWER_TEXT: DEFAULT_PARTIAL_ANSWER_TEXT,
  /** Unset: silence after thanks, acknowledgements and emoji. */
  THANKS_REPLY_TEXT: undefined,
  /** Unset: silence after a bare greeting or "Алло?". */
  GREETING_REPLY_TEXT: undefined,
  NON_TEXT_REPLY_TYPES: 'voice',
  ACTIVE_HOURS: undefined,
  TZ: undefined,
  MAX_REPLIES_PER_HOUR: '10',
  /** Across every chat; 0: no account-wide cap. */
  MAX_REPLIES_PER_HOUR_ACCOUNT: '200',
  REPLY_MAX_AGE_HOURS: '72',
  ENGINE_FAILURE_LIMIT: '3',
  POLL_CONCURRENCY: '4',
  HOST: '127.0.0.1',
  PORT: '8080',
  AVITO_WEBHOOK_SECRET: undefined,
  APP_BASE_URL: undefined,
  REPLY_DELAY: '5',
  SAFETY_POLL_MINUTES: '10',
  MONITOR_HOST: '127.0.0.1',
  MONITOR_PORT: '8081',
  MONITOR_TOKEN: undefined,
  TELEGRAM_BOT_TOKEN: undefined,
  TELEGRAM_OWNER_CHAT_ID: undefined,
  TELEGRAM_API_ROOT: 'https://api.telegram.org',
  TELEGRAM_LOG: 'all',
  LOG_FORMAT: 'text',
  LOG_LEVEL: 'info',
  DEBUG: undefined,
  HTTPS_PROXY: undefined,
  HTTP_PROXY: undefined,
  NO_PROXY: undefined,
  /** Many Avito accounts: a folder of `<name>.env` files (src/config/accounts.ts). */
  ACCOUNTS_DIR: undefined,
} as const satisfies Record<string, string | undefined>;

export type ConfigKey = keyof typeof DEFAULTS;

export const ENGINE_NAMES = ['local', 'gemini', 'gigachat', 'openai', 'mcp'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface ActiveHours {
  /** Minutes since midnight. */
  start: number;
  end: number;
}

export interface Config {
  avito: {
    apiUrl: string;
    clientId: string | undefined;
    clientSecret: string | undefined;
    userId: number | undefined;
    pollIntervalSeconds: number;
    chatTypes: string[];
    timeoutMs: number;
  };
  store: { path: string; historyLimit: number; historyTotalLimit: number; url?: string; leaseMs: number };
  knowledge: { dir: string; engine: EngineName };
  gemini: {
    apiKey: string | undefined;
    model: string;
    temperature: number;
    /** Relay or test server; undefined: the SDK's default endpoint. */
    baseUrl: string | undefined;
    timeoutMs: number;
    /** Attempts after the first on 429, 5xx and network errors. */
    retries: number;
    /** The File Search store's display name. */
    storeDisplayName: string;
  };
  gigachat: {
    /** The authorization key (Base64 of client_id:client_secret); a secret. */
    credentials: string | undefined;
    scope: 'GIGACHAT_API_PERS' | 'GIGACHAT_API_B2B' | 'GIGACHAT_API_CORP';
    model: string;
    authUrl: string;
    baseUrl: string;
    /** A PEM bundle to trust besides Node's roots (the Russian Trusted Root CA), resolved against the working folder. */
    caFile: string | undefined;
    timeoutMs: number;
    /** Attempts after the first on 429, 5xx and network errors. */
    retries: number;
  };
  openai: {
    baseUrl: string | undefined;
    apiKey: string | undefined;
    model: string | undefined;
    project: string | undefined;
    headers: Record<string, string>;
    timeoutMs: number;
    retries: number;
  };
  /** KNOWLEDGE_ENGINE=mcp: the seller's MCP server (see mcp.ts). */
  mcp: McpSettings;
  responder: {
    contextLimit: number;
    humanPauseHours: number;
    fallbackText: string;
    escalationText: string;
    /** Added to the built-in detector; empty by default. */
    escalationPhrases: string[];
    nonTextReplyText: string;
    nonTextReplyTypes: string[];
    /** '' : nothing is added after an answer that leaves some of the buyer's questions out. */
    partialAnswerText: string;
    /** '' (the default): nothing is sent after thanks, acknowledgements and emoji. */
    thanksReplyText: string;
    /** '' (the default): nothing is sent after a bare greeting or "are you there?". */
    greetingReplyText: string;
    activeHours: ActiveHours | undefined;
    timeZone: string | undefined;
    maxRepliesPerHour: number;
    /** Bot replies per hour on the whole account; 0: no cap. */
    maxRepliesPerHourAccount: number;
    /** Questions older than this are left to the seller (0: no limit). */
    replyMaxAgeHours: number;
    engineFailureLimit: number;
  };
  poll: { concurrency: number };
  server: {
    host: string;
    port: number;
    /** The secret path segment of the webhook URL; checked by `requireWebhookSecret`. */
    webhookSecret: string | undefined;
    /** The public https address `serve` is reached at (behind the reverse proxy), no trailing slash. */
    appBaseUrl: string | undefined;
    /** Quiet needed in a chat before a webhook-delivered question is answered. */
    replyDelayMs: number;
    /** Minutes between the safety passes over the chats (catches deliveries that never came). */
    safetyPollMinutes: number;
    /** Where the monitor (dashboard, figures, dialogs) listens: apart from the webhook, loopback by default. */
    monitorHost: string;
    monitorPort: number;
    /** Unset: `serve` makes one and keeps it beside the store. */
    monitorToken: string | undefined;
  };
  /** The seller's window; `botToken` undefined: notices go to the log only. */
  telegram: {
    botToken: string | undefined;
    ownerChatIds: number[];
    apiRoot: string;
    /** all: every answer too; escalations: only what needs the seller; off: no notices (commands still work). */
    log: 'all' | 'escalations' | 'off';
  };
  log: { format: 'text' | 'json'; level: 'debug' | 'info' | 'warn' | 'error'; debug: boolean };
  /** Outbound proxy for every call (Avito, Gemini, Telegram); NO_PROXY lists exceptions. */
  proxy: { httpsProxy: string | undefined; httpProxy: string | undefined; noProxy: string | undefined };
  /** Where the values came from, for `--help`-style diagnostics; never holds secrets. */
  envFile: string | undefined;
  /** The account's name (its file in ACCOUNTS_DIR without `.env`); undefined without ACCOUNTS_DIR. Stores key their data by it. */
  account?: string;
  /** ACCOUNTS_DIR resolved against the working folder; undefined: one account, the main settings. */
  accountsDir?: string;
  /** Variables that look like settings but are none, so their values are ignored; the CLI prints them. */
  warnings: ConfigWarning[];
}

/** A variable avito-ai does not know: its value is ignored, most often because of a typo in the name. */
export interface ConfigWarning {
  key: string;
  /** The known setting it most likely meant. */
  nearest?: ConfigKey;
  source: '.env' | 'environment';
}

export interface ResolveOptions {
  /** Process environment; defaults are never read from anything else. */
  env: Record<string, string | undefined>;
  cwd: string;
  /** Explicit `--env-file`: must exist. Otherwise `.env` in cwd is read when present. */
  envFile?: string;
  /** Ignore `.env` (the demo runs on built-in defaults whatever the folder holds). */
  skipEnvFile?: boolean;
  /** Flag values already mapped to variable names (e.g. `--store` → STORE_PATH). */
  flags?: Partial<Record<ConfigKey, string | undefined>>;
}

function withStoreUrl(url: string | undefined): { url?: string } {
  return url === undefined ? {} : { url };
}

export function resolveConfig(options: ResolveOptions): Config {
  const { values, envFile, fileValues } = mergeSources(options);
  const get = (key: ConfigKey): string | undefined => {
    const value = values[key]?.trim();
    return value === '' ? undefined : value;
  };
  return {
    avito: parseAvito(get),
    store: {
      path: resolve(options.cwd, get('STORE_PATH') ?? DEFAULTS.STORE_PATH),
      historyLimit: parseInteger(get, 'HISTORY_LIMIT', 1, 10_000),
      historyTotalLimit: parseInteger(get, 'HISTORY_TOTAL_LIMIT', 100, 10_000_000),
      ...withStoreUrl(parseStoreUrl(get('STORE_URL'))),
      leaseMs: parseNumber(get, 'STORE_LEASE_SECONDS', 1, 600) * 1000,
    },
    knowledge: {
      dir: resolve(options.cwd, get('KNOWLEDGE_DIR') ?? DEFAULTS.KNOWLEDGE_DIR),
      engine: chooseEngine(get),
    },
    gemini: parseGemini(get),
    gigachat: parseGigaChat(get, options.cwd),
    openai: parseOpenAi(get),
    mcp: parseMcp(get, options),
    responder: parseResponder(get),
    poll: { concurrency: parseInteger(get, 'POLL_CONCURRENCY', 1, 64) },
    server: parseServer(get),
    telegram: parseTelegram(get),
    log: {
      format: parseChoice(get, 'LOG_FORMAT', ['text', 'json'] as const),
      level: parseChoice(get, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const),
      debug: isDebug(get('DEBUG')),
    },
    proxy: { httpsProxy: get('HTTPS_PROXY'), httpProxy: get('HTTP_PROXY'), noProxy: get('NO_PROXY') },
    envFile,
    ...readAccountsDir(get, options.cwd),
    warnings: findUnknownSettings(Object.keys(fileValues), Object.keys(options.env).filter((key) => options.env[key] !== undefined)),
  };
}

export function requireAvitoCredentials(config: Config): { clientId: string; clientSecret: string } {
  const { clientId, clientSecret } = config.avito;
  if (!clientId) throw missing('AVITO_CLIENT_ID');
  if (!clientSecret) throw missing('AVITO_CLIENT_SECRET');
  return { clientId, clientSecret };
}

export function requireTelegramOwners(config: Config): number[] {
  if (config.telegram.ownerChatIds.length > 0) return config.telegram.ownerChatIds;
  throw new ConfigError('TELEGRAM_OWNER_CHAT_ID', configText().ownersNotSet, { hint: configText().ownersHint });
}

export function requireGeminiKey(config: Config): string {
  if (config.gemini.apiKey) return config.gemini.apiKey;
  throw new ConfigError('GEMINI_API_KEY', configText().geminiKeyNotSet, { hint: configText().geminiKeyHint });
}

export function requireGigaChatCredentials(config: Config): string {
  if (config.gigachat.credentials) return config.gigachat.credentials;
  throw new ConfigError('GIGACHAT_CREDENTIALS', configText().gigachatNotSet, { hint: configText().gigachatHint });
}

/** The OpenAI-compatible engine needs to know where and which model; the key is optional (Ollama takes none). */
export function requireOpenAiSettings(config: Config): { baseUrl: string; model: string } {
  const { baseUrl, model } = config.openai;
  if (!baseUrl) {
    throw new ConfigError('OPENAI_BASE_URL', configText().openAiUrlNotSet, { hint: configText().openAiUrlHint });
  }
  if (!model) {
    throw new ConfigError('OPENAI_MODEL', configText().openAiModelNotSet, { hint: configText().openAiModelHint });
  }
  return { baseUrl, model };
}

/** An engine named wins; else the one key set picks its engine; two keys and no choice is a mistake, not a guess. */
function chooseEngine(get: Getter): EngineName {
  if (get('KNOWLEDGE_ENGINE') !== undefined) return parseChoice(get, 'KNOWLEDGE_ENGINE', ENGINE_NAMES);
  const gigachat = get('GIGACHAT_CREDENTIALS') !== undefined;
  const gemini = get('GEMINI_API_KEY') !== undefined;
  if (gigachat && gemini) {
    throw new ConfigError('KNOWLEDGE_ENGINE', configText().twoEngines, { hint: configText().twoEnginesHint });
  }
  return gigachat ? 'gigachat' : gemini ? 'gemini' : 'local';
}

/** The webhook URL's secret: letters, digits, - and _, at least 16 of them, so it cannot be guessed. */
export function requireWebhookSecret(config: Config): string {
  const secret = config.server.webhookSecret;
  if (!secret) throw new ConfigError('AVITO_WEBHOOK_SECRET', configText().webhookSecretNotSet, { hint: configText().secretHint });
  if (!/^[\w-]{16,200}$/.test(secret)) {
    // Never echo a secret back: name the shape only.
    throw new ConfigError('AVITO_WEBHOOK_SECRET', configText().webhookSecretShape, { hint: configText().secretHint });
  }
  return secret;
}

/** True when DEBUG enables our stacks: `DEBUG=avito-ai`, `DEBUG=*`, `DEBUG=1` or `DEBUG=true`. */
export function isDebug(value: string | undefined): boolean {
  if (!value) return false;
  return value
    .split(/[\s,]+/)
    .some((part) => part === '*' || part === '1' || part === 'true' || part === 'avito-ai' || part.startsWith('avito-ai:'));
}

function mergeSources(options: ResolveOptions): { values: Record<string, string | undefined>; envFile: string | undefined; fileValues: Record<string, string> } {
  const values: Record<string, string | undefined> = { ...DEFAULTS };
  const envFile = options.envFile ? resolve(options.cwd, options.envFile) : resolve(options.cwd, '.env');
  let fileValues: Record<string, string> = {};
  let usedFile: string | undefined;
  try {
    if (!options.skipEnvFile) {
      fileValues = parseDotenv(readFileSync(envFile, 'utf8'));
      usedFile = envFile;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.envFile || code !== 'ENOENT') {
      throw new ConfigError('--env-file', configText().envFileUnreadable(envFile, code ?? String(error)), { hint: configText().envFileHint });
    }
  }
  for (const key of Object.keys(DEFAULTS)) {
    if (fileValues[key] !== undefined) values[key] = fileValues[key];
    // Proxy variables are conventionally lower-case too; either spelling is the environment's.
    const fromEnv = options.env[key] ?? (PROXY_KEYS.has(key) ? options.env[key.toLowerCase()] : undefined);
    if (fromEnv !== undefined) values[key] = fromEnv;
    const fromFlag = options.flags?.[key as ConfigKey];
    if (fromFlag !== undefined) values[key] = fromFlag;
  }
  return { values, envFile: usedFile, fileValues };
}

const PROXY_KEYS = new Set(['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']);

/** Never settings: our tools' own variables (tests, translations) and Node's, which systemd may pass from the same file. */
const NOT_SETTINGS = ['AVITO_AI_', 'NODE_', 'UV_'];

/**
 * First words of setting names that other programs use as well (the OpenAI SDK's OPENAI_ORG_ID, gemini-cli's
 * GEMINI_CLI_HOME, NO_COLOR, LOG_LEVEL, APP_ENV, MAX_JOBS, plain words such as STORE_ or HISTORY_): in the
 * environment such a variable is as likely someone else's as a typo of ours, so only `.env` is checked for them.
 */
const SHARED_PREFIXES = new Set(['OPENAI_', 'GEMINI_', 'HTTP_', 'HTTPS_', 'NO_', 'LOG_', 'APP_', 'MAX_', 'FILE_', 'STORE_', 'HISTORY_', 'CONTEXT_', 'ACTIVE_', 'ENGINE_', 'NON_']);

/** The first words only avito-ai's settings use (AVITO_, TELEGRAM_, GIGACHAT_, KNOWLEDGE_, MONITOR_, …): an unknown variable starting with one is ours, misspelt. */
export const ENVIRONMENT_PREFIXES: readonly string[] = [
  ...new Set(
    Object.keys(DEFAULTS)
      .filter((key) => key.includes('_'))
      .map((key) => key.slice(0, key.indexOf('_') + 1)),
  ),
].filter((prefix) => !SHARED_PREFIXES.has(prefix));

/** Every line of `.env` is meant for avito-ai; of the environment, only the variables with our prefixes. */
export function findUnknownSettings(fileKeys: string[], envKeys: string[]): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  const add = (key: string, source: ConfigWarning['source']): void => {
    const name = key.toUpperCase();
    if (Object.hasOwn(DEFAULTS, key) || NOT_SETTINGS.some((prefix) => name.startsWith(prefix))) return;
    if (warnings.some((warning) => warning.key === key)) return;
    const nearest = findNearestSetting(name);
    warnings.push({ key, ...(nearest ? { nearest } : {}), source });
  };
  for (const key of fileKeys) add(key, '.env');
  for (const key of envKeys) if (ENVIRONMENT_PREFIXES.some((prefix) => key.toUpperCase().startsWith(prefix))) add(key, 'environment');
  return warnings;
}

/** The known setting closest in spelling, if it is close enough to be the one meant (a third of the letters may differ). */
function findNearestSetting(name: string): ConfigKey | undefined {
  const limit = Math.min(Math.max(2, Math.ceil(name.length / 3)), name.length - 1);
  let best: { key: ConfigKey; distance: number } | undefined;
  for (const key of Object.keys(DEFAULTS) as ConfigKey[]) {
    const distance = measureEditDistance(name, key);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** Edits (insert, delete, replace, swap of neighbours) between two names: SECERT is one swap from SECRET. */
function measureEditDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, before[j - 2]! + 1);
      current.push(distance);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** One line for the seller: which name is ignored, where it is, and the setting it probably meant. */
export function describeConfigWarning(warning: ConfigWarning, envFile?: string): string {
  const text = configText();
  const where = warning.source === '.env' ? (envFile ?? '.env') : text.theEnvironment;
  return text.unknownSetting(warning.key, where, warning.nearest ? text.didYouMean(warning.nearest) : text.settingsListed(ENV_EXAMPLE));
}

type Getter = (key: ConfigKey) => string | undefined;

/** ACCOUNTS_DIR, when set: its files are read by src/config/accounts.ts. */
function readAccountsDir(get: Getter, cwd: string): Pick<Config, 'accountsDir'> {
  const dir = get('ACCOUNTS_DIR');
  return dir === undefined ? {} : { accountsDir: resolve(cwd, dir) };
}

function missing(key: ConfigKey): ConfigError {
  return new ConfigError(key, configText().notSet(key, ENV_EXAMPLE));
}

function malformed(key: ConfigKey, value: string, expected: string): ConfigError {
  return new ConfigError(key, configText().malformed(key, value, expected));
}

function parseNumber(get: Getter, key: ConfigKey, min: number, max: number): number {
  const raw = get(key) ?? String(DEFAULTS[key]);
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw malformed(key, raw, configText().numberRange(min, max));
  }
  return value;
}

function parseInteger(get: Getter, key: ConfigKey, min: number, max: number): number {
  const raw = get(key) ?? String(DEFAULTS[key]);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw malformed(key, raw, configText().integerRange(min, max));
  }
  return value;
}

function parseOptionalInt(get: Getter, key: ConfigKey, min: number): number | undefined {
  const raw = get(key);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw malformed(key, raw, configText().userId);
  return value;
}

function parseUrl(get: Getter, key: ConfigKey, example = 'https://api.avito.ru'): string {
  const raw = get(key) ?? String(DEFAULTS[key]);
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw malformed(key, raw, configText().url(example));
  }
  return raw.replace(/\/+$/, '');
}

function parseChoice<T extends string>(get: Getter, key: ConfigKey, choices: readonly T[]): T {
  const raw = (get(key) ?? String(DEFAULTS[key])).toLowerCase();
  if (!(choices as readonly string[]).includes(raw)) throw malformed(key, raw, configText().oneOf(choices.join(', ')));
  return raw as T;
}

function parseList(get: Getter, key: ConfigKey, allowed?: readonly string[]): string[] {
  const raw = get(key) ?? String(DEFAULTS[key] ?? '');
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) throw malformed(key, raw, configText().list);
  if (allowed) {
    const bad = items.find((item) => !allowed.includes(item));
    if (bad !== undefined) throw malformed(key, raw, configText().listOf(allowed.join(', ')));
  }
  return items;
}

function parseOptionalList(get: Getter, key: ConfigKey): string[] {
  const raw = get(key);
  if (raw === undefined || raw === 'none') return [];
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function parseText(get: Getter, key: ConfigKey): string {
  const raw = get(key) ?? String(DEFAULTS[key]);
  // .env files cannot hold real newlines on one line; `\n` is the way sellers write them.
  const text = raw.replace(/\\n/g, '\n');
  if (text.length > 1000) throw malformed(key, `${text.slice(0, 20)}…`, configText().maxChars);
  return text;
}

/** `09:00-21:00` → minutes; `22:00-08:00` spans midnight. */
export function parseActiveHours(raw: string | undefined): ActiveHours | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(raw);
  const toMinutes = (h: string, m: string): number | undefined => {
    const hours = Number(h);
    const minutes = Number(m);
    if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return undefined;
    return hours * 60 + minutes;
  };
  const start = match ? toMinutes(match[1]!, match[2]!) : undefined;
  const end = match ? toMinutes(match[3]!, match[4]!) : undefined;
  if (start === undefined || end === undefined || start === end) {
    throw new ConfigError('ACTIVE_HOURS', configText().activeHours(raw));
  }
  return { start, end };
}

function parseAvito(get: Getter): Config['avito'] {
  return {
    apiUrl: parseUrl(get, 'AVITO_API_URL'),
    clientId: get('AVITO_CLIENT_ID'),
    clientSecret: get('AVITO_CLIENT_SECRET'),
    userId: parseOptionalInt(get, 'AVITO_USER_ID', 1),
    pollIntervalSeconds: parseNumber(get, 'AVITO_POLL_INTERVAL', 1, 86_400),
    chatTypes: parseList(get, 'AVITO_CHAT_TYPES', ['u2i', 'u2u', 'a2u']),
    timeoutMs: parseNumber(get, 'AVITO_TIMEOUT', 1, 600) * 1000,
  };
}

function parseGemini(get: Getter): Config['gemini'] {
  return {
    apiKey: get('GEMINI_API_KEY'),
    model: parseModel(get('GEMINI_MODEL') ?? DEFAULTS.GEMINI_MODEL),
    temperature: parseNumber(get, 'GEMINI_TEMPERATURE', 0, 2),
    baseUrl: get('GEMINI_BASE_URL') === undefined ? undefined : parseUrl(get, 'GEMINI_BASE_URL', 'https://generativelanguage.googleapis.com'),
    timeoutMs: parseNumber(get, 'GEMINI_TIMEOUT', 1, 600) * 1000,
    retries: parseInteger(get, 'GEMINI_RETRIES', 0, 10),
    storeDisplayName: parseStoreName(get('FILE_SEARCH_STORE') ?? DEFAULTS.FILE_SEARCH_STORE),
  };
}

function parseGigaChat(get: Getter, cwd: string): Config['gigachat'] {
  const caFile = get('GIGACHAT_CA_FILE');
  return {
    credentials: get('GIGACHAT_CREDENTIALS'),
    scope: parseGigaChatScope(get('GIGACHAT_SCOPE') ?? DEFAULTS.GIGACHAT_SCOPE),
    model: parseModelName(get, 'GIGACHAT_MODEL', 'GigaChat-2-Pro'),
    authUrl: parseUrl(get, 'GIGACHAT_AUTH_URL', DEFAULTS.GIGACHAT_AUTH_URL),
    baseUrl: parseUrl(get, 'GIGACHAT_BASE_URL', DEFAULTS.GIGACHAT_BASE_URL),
    caFile: caFile === undefined ? undefined : resolve(cwd, caFile),
    timeoutMs: parseNumber(get, 'GIGACHAT_TIMEOUT', 1, 600) * 1000,
    retries: parseInteger(get, 'GIGACHAT_RETRIES', 0, 10),
  };
}

const GIGACHAT_SCOPES = ['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'] as const;

function parseGigaChatScope(raw: string): Config['gigachat']['scope'] {
  const scope = GIGACHAT_SCOPES.find((known) => known === raw.toUpperCase());
  if (scope === undefined) {
    throw new ConfigError('GIGACHAT_SCOPE', configText().gigachatScope(GIGACHAT_SCOPES.join(', '), raw), { hint: configText().gigachatScopeHint });
  }
  return scope;
}

function parseOpenAi(get: Getter): Config['openai'] {
  const model = get('OPENAI_MODEL');
  return {
    baseUrl: get('OPENAI_BASE_URL') === undefined ? undefined : parseUrl(get, 'OPENAI_BASE_URL', 'http://127.0.0.1:11434/v1'),
    apiKey: get('OPENAI_API_KEY'),
    model: model === undefined ? undefined : parseModelName(get, 'OPENAI_MODEL', 'gpt://<folder id>/yandexgpt/latest'),
    project: get('OPENAI_PROJECT'),
    headers: parseHeaderSetting('OPENAI_HEADERS', get('OPENAI_HEADERS'), configText().openAiHeaders),
    timeoutMs: parseNumber(get, 'OPENAI_TIMEOUT', 1, 600) * 1000,
    retries: parseInteger(get, 'OPENAI_RETRIES', 0, 10),
  };
}

/** Model names go into a JSON body, not a URL path: any printable text without spaces ("gpt://b1g…/yandexgpt/latest", "qwen2.5:7b"). */
function parseModelName(get: Getter, key: ConfigKey, example: string): string {
  const raw = get(key) ?? String(DEFAULTS[key]);
  if (!/^[^\s]{1,200}$/.test(raw)) throw malformed(key, raw, configText().modelName(example));
  return raw;
}

/** `Name: value; Name2: value` → headers; a malformed pair names itself, never a value (it may be a secret). */
function parseResponder(get: Getter): Config['responder'] {
  return {
    contextLimit: parseInteger(get, 'CONTEXT_LIMIT', 1, 100),
    humanPauseHours: parseNumber(get, 'HUMAN_PAUSE_HOURS', 0, 24 * 365),
    fallbackText: parseText(get, 'FALLBACK_TEXT'),
    escalationText: parseText(get, 'ESCALATION_TEXT'),
    escalationPhrases: parseOptionalList(get, 'ESCALATION_PHRASES'),
    // Empty means "say nothing", so an empty value must not fall back to the default text.
    nonTextReplyText: get('NON_TEXT_REPLY_TEXT') === undefined ? '' : parseText(get, 'NON_TEXT_REPLY_TEXT'),
    partialAnswerText: get('PARTIAL_ANSWER_TEXT') === undefined ? '' : parseText(get, 'PARTIAL_ANSWER_TEXT'),
    thanksReplyText: get('THANKS_REPLY_TEXT') === undefined ? '' : parseText(get, 'THANKS_REPLY_TEXT'),
    greetingReplyText: get('GREETING_REPLY_TEXT') === undefined ? '' : parseText(get, 'GREETING_REPLY_TEXT'),
    nonTextReplyTypes: parseOptionalList(get, 'NON_TEXT_REPLY_TYPES'),
    activeHours: parseActiveHours(get('ACTIVE_HOURS')),
    timeZone: parseTimeZone(get('TZ')),
    maxRepliesPerHour: parseInteger(get, 'MAX_REPLIES_PER_HOUR', 1, 10_000),
    maxRepliesPerHourAccount: parseInteger(get, 'MAX_REPLIES_PER_HOUR_ACCOUNT', 0, 1_000_000),
    replyMaxAgeHours: parseNumber(get, 'REPLY_MAX_AGE_HOURS', 0, 24 * 365),
    engineFailureLimit: parseInteger(get, 'ENGINE_FAILURE_LIMIT', 1, 100),
  };
}

function parseServer(get: Getter): Config['server'] {
  const port = parseInteger(get, 'PORT', 0, 65_535);
  const monitorPort = parseInteger(get, 'MONITOR_PORT', 0, 65_535);
  // 0 is "any free port", a different one for each listener.
  if (monitorPort === port && port !== 0) {
    throw new ConfigError('MONITOR_PORT', configText().portClash(port), { hint: configText().portClashHint });
  }
  return {
    host: parseHost(get('HOST') ?? DEFAULTS.HOST, 'HOST'),
    port,
    webhookSecret: get('AVITO_WEBHOOK_SECRET'),
    appBaseUrl: get('APP_BASE_URL') === undefined ? undefined : parseUrl(get, 'APP_BASE_URL', 'https://bot.example.ru'),
    replyDelayMs: parseNumber(get, 'REPLY_DELAY', 0, 600) * 1000,
    safetyPollMinutes: parseNumber(get, 'SAFETY_POLL_MINUTES', 0.1, 1440),
    monitorHost: parseHost(get('MONITOR_HOST') ?? DEFAULTS.MONITOR_HOST, 'MONITOR_HOST'),
    monitorPort,
    monitorToken: parseMonitorToken(get('MONITOR_TOKEN')),
  };
}

function parseTelegram(get: Getter): Config['telegram'] {
  const botToken = get('TELEGRAM_BOT_TOKEN');
  if (botToken !== undefined && !/^\d+:[\w-]{6,}$/.test(botToken)) {
    // Never echo a secret back: name the shape only.
    throw new ConfigError('TELEGRAM_BOT_TOKEN', configText().telegramToken);
  }
  const rawOwners = get('TELEGRAM_OWNER_CHAT_ID');
  const ownerChatIds = (rawOwners ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const id = Number(item);
      if (!/^-?\d+$/.test(item) || !Number.isSafeInteger(id)) {
        throw malformed('TELEGRAM_OWNER_CHAT_ID', rawOwners ?? '', configText().ownerIds);
      }
      return id;
    });
  return {
    botToken,
    ownerChatIds,
    apiRoot: parseUrl(get, 'TELEGRAM_API_ROOT', 'https://api.telegram.org'),
    log: parseChoice(get, 'TELEGRAM_LOG', ['all', 'escalations', 'off'] as const),
  };
}

function parseModel(raw: string): string {
  // The SDK builds a URL path from it: a stray space or slash would give a confusing 404.
  const name = raw.replace(/^models\//, '');
  if (!/^[\w.-]+$/.test(name)) {
    throw new ConfigError('GEMINI_MODEL', configText().geminiModel(raw));
  }
  return name;
}

function parseStoreName(raw: string): string {
  if (raw.length > 128) {
    throw new ConfigError('FILE_SEARCH_STORE', configText().storeName(raw.slice(0, 20)));
  }
  return raw;
}

function parseHost(raw: string, key: 'HOST' | 'MONITOR_HOST'): string {
  if (!/^[\w.:-]+$/.test(raw)) throw new ConfigError(key, configText().host(key, raw));
  return raw;
}

function parseMonitorToken(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // Sent as ?token= too: characters a URL changes (+ & # %) would never match.
  if (!/^[\w.~-]{12,200}$/.test(raw)) {
    throw new ConfigError('MONITOR_TOKEN', configText().monitorToken, { hint: configText().secretHint });
  }
  return raw;
}

function parseTimeZone(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: raw });
  } catch {
    throw new ConfigError('TZ', configText().timeZone(raw));
  }
  return raw;
}
