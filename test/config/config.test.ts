import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, DEFAULT_FALLBACK_TEXT, DEFAULT_NON_TEXT_REPLY_TEXT, parseActiveHours, requireAvitoCredentials, resolveConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/errors.js';

const dir = () => mkdtempSync(join(tmpdir(), 'avito-ai-config-'));
/** The copy that ships with the package, by its absolute path: a global install has none beside the seller. */
const EXAMPLE = join(import.meta.dirname, '../../.env.example');

describe('.env.example', () => {
  it('documents every setting avito-ai reads', () => {
    const example = readFileSync(join(import.meta.dirname, '../../.env.example'), 'utf8');
    const missing = Object.keys(DEFAULTS).filter((key) => !new RegExp(`^#? ?${key}=`, 'm').test(example));
    expect(missing).toEqual([]);
  });
});

describe('the Telegram settings', () => {
  it('are off by default and parse several owner chats, groups included', () => {
    const cwd = dir();
    expect(resolveConfig({ env: {}, cwd }).telegram).toEqual({ botToken: undefined, ownerChatIds: [], apiRoot: 'https://api.telegram.org', log: 'all' });
    const config = resolveConfig({ env: { TELEGRAM_BOT_TOKEN: '123456:ABCDEF-ghijk', TELEGRAM_OWNER_CHAT_ID: '111, -1001234567890', TELEGRAM_LOG: 'escalations' }, cwd });
    expect(config.telegram).toMatchObject({ botToken: '123456:ABCDEF-ghijk', ownerChatIds: [111, -1001234567890], log: 'escalations' });
  });

  it.each([
    ['TELEGRAM_BOT_TOKEN', 'my-token', /TELEGRAM_BOT_TOKEN: ожидается вид 123456789:AA/],
    ['TELEGRAM_OWNER_CHAT_ID', '@me', /TELEGRAM_OWNER_CHAT_ID: ожидается номер чата или несколько через запятую/],
    ['TELEGRAM_LOG', 'verbose', /TELEGRAM_LOG: ожидается одно из значений: all, escalations, off/],
    ['TELEGRAM_API_ROOT', 'api.telegram.org', /TELEGRAM_API_ROOT: ожидается адрес http\(s\), например https:\/\/api.telegram.org/],
  ])('reject a malformed %s without echoing a secret', (key, value, message) => {
    let error: unknown;
    try {
      resolveConfig({ env: { [key]: value }, cwd: dir() });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    if (key === 'TELEGRAM_BOT_TOKEN') expect((error as Error).message).not.toContain(value);
  });
});

describe('the Gemini settings', () => {
  it('pick Gemini when GEMINI_API_KEY is set, unless KNOWLEDGE_ENGINE says local', () => {
    const cwd = dir();
    expect(resolveConfig({ env: {}, cwd }).knowledge.engine).toBe('local');
    expect(resolveConfig({ env: { GEMINI_API_KEY: 'k' }, cwd }).knowledge.engine).toBe('gemini');
    expect(resolveConfig({ env: { GEMINI_API_KEY: 'k', KNOWLEDGE_ENGINE: 'local' }, cwd }).knowledge.engine).toBe('local');
    expect(resolveConfig({ env: { KNOWLEDGE_ENGINE: 'gemini' }, cwd }).knowledge.engine).toBe('gemini');
  });

  it('have defaults and take overrides', () => {
    const cwd = dir();
    expect(resolveConfig({ env: {}, cwd }).gemini).toEqual({
      apiKey: undefined,
      model: 'gemini-flash-latest',
      temperature: 0.2,
      baseUrl: undefined,
      timeoutMs: 30_000,
      retries: 3,
      storeDisplayName: 'avito-ai',
    });
    const config = resolveConfig({
      env: { GEMINI_MODEL: 'models/gemini-2.5-flash', GEMINI_BASE_URL: 'https://relay.example.com/', GEMINI_TEMPERATURE: '0', FILE_SEARCH_STORE: 'Магазин' },
      cwd,
    });
    expect(config.gemini).toMatchObject({ model: 'gemini-2.5-flash', baseUrl: 'https://relay.example.com', temperature: 0, storeDisplayName: 'Магазин' });
  });

  it.each([
    ['GEMINI_TEMPERATURE', '3', /GEMINI_TEMPERATURE: ожидается число от 0 до 2, а задано "3"/],
    ['GEMINI_MODEL', 'gemini flash', /GEMINI_MODEL: ожидается название модели, например gemini-flash-latest/],
    ['GEMINI_BASE_URL', 'relay.example.com', /GEMINI_BASE_URL: ожидается адрес http\(s\)/],
    ['GEMINI_RETRIES', '-1', /GEMINI_RETRIES: ожидается целое число от 0 до 10/],
    ['KNOWLEDGE_ENGINE', 'yandexgpt', /KNOWLEDGE_ENGINE: ожидается одно из значений: local, gemini, gigachat, openai/],
  ])('reject a malformed %s in one line naming it', (key, value, message) => {
    const error = (() => {
      try {
        resolveConfig({ env: { [key]: value }, cwd: dir() });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe(key);
    expect((error as Error).message).toMatch(message);
  });
});

describe('resolveConfig', () => {
  it('uses the built-in defaults', () => {
    const cwd = dir();
    const config = resolveConfig({ env: {}, cwd });
    expect(config.avito).toMatchObject({ apiUrl: 'https://api.avito.ru', pollIntervalSeconds: 30, chatTypes: ['u2i', 'u2u'], userId: undefined });
    expect(config.store.path).toBe(join(cwd, 'data/avito-ai.json'));
    expect(config.knowledge).toEqual({ dir: join(cwd, 'docs/knowledge'), engine: 'local' });
    expect(config.responder).toMatchObject({ contextLimit: 20, humanPauseHours: 12, fallbackText: DEFAULT_FALLBACK_TEXT, maxRepliesPerHour: 10, nonTextReplyTypes: ['voice'] });
    expect(config.log).toEqual({ format: 'text', level: 'info', debug: false });
  });

  it('applies .env, then the environment, then flags, in that order', () => {
    const cwd = dir();
    writeFileSync(join(cwd, '.env'), 'AVITO_POLL_INTERVAL=10\nCONTEXT_LIMIT=5\nHUMAN_PAUSE_HOURS=3\nAVITO_CLIENT_ID="from file"\n');
    const config = resolveConfig({ env: { CONTEXT_LIMIT: '7', HUMAN_PAUSE_HOURS: '4' }, cwd, flags: { HUMAN_PAUSE_HOURS: '5' } });
    expect(config.avito.pollIntervalSeconds).toBe(10);
    expect(config.responder.contextLimit).toBe(7);
    expect(config.responder.humanPauseHours).toBe(5);
    expect(config.avito.clientId).toBe('from file');
    expect(config.envFile).toBe(join(cwd, '.env'));
  });

  it('a lower-case proxy variable in the environment beats .env, like any other variable', () => {
    const cwd = dir();
    writeFileSync(join(cwd, '.env'), 'HTTPS_PROXY=http://from-file:3128\n');
    expect(resolveConfig({ env: { https_proxy: 'http://from-env:3128' }, cwd }).proxy.httpsProxy).toBe('http://from-env:3128');
    expect(resolveConfig({ env: {}, cwd }).proxy.httpsProxy).toBe('http://from-file:3128');
  });

  it('reads --env-file and fails clearly when it is missing', () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'prod.env'), 'AVITO_USER_ID=42\n');
    expect(resolveConfig({ env: {}, cwd, envFile: 'prod.env' }).avito.userId).toBe(42);
    expect(() => resolveConfig({ env: {}, cwd, envFile: 'nope.env' })).toThrow(/не удаётся прочитать .*nope\.env/);
  });

  it.each([
    ['AVITO_POLL_INTERVAL', 'soon', /AVITO_POLL_INTERVAL: ожидается число от 1 до 86400, а задано "soon"/],
    ['AVITO_CHAT_TYPES', 'u2i,x2y', /AVITO_CHAT_TYPES: ожидается список через запятую из значений: u2i, u2u, a2u/],
    ['AVITO_API_URL', 'api.avito.ru', /AVITO_API_URL: ожидается адрес http\(s\)/],
    ['AVITO_USER_ID', '-5', /AVITO_USER_ID: ожидается целое положительное число/],
    ['CONTEXT_LIMIT', '2.5', /CONTEXT_LIMIT: ожидается целое число от 1 до 100/],
    ['KNOWLEDGE_ENGINE', 'chatgpt', /KNOWLEDGE_ENGINE: ожидается одно из значений: local, gemini/],
    ['LOG_FORMAT', 'xml', /LOG_FORMAT: ожидается одно из значений: text, json/],
    ['ACTIVE_HOURS', '9-21', /ACTIVE_HOURS: ожидается время вида 09:00-21:00/],
    ['TZ', 'Mars/Olympus', /TZ: ожидается часовой пояс/],
  ])('a malformed %s names the variable and the expected shape', (key, value, message) => {
    let error: unknown;
    try {
      resolveConfig({ env: { [key]: value }, cwd: dir() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe(key);
    expect((error as Error).message).toMatch(message);
  });

  it('names the first missing credential', () => {
    expect(() => requireAvitoCredentials(resolveConfig({ env: {}, cwd: dir() }))).toThrow(`AVITO_CLIENT_ID не задан (см. ${EXAMPLE})`);
    expect(() => requireAvitoCredentials(resolveConfig({ env: { AVITO_CLIENT_ID: 'x' }, cwd: dir() }))).toThrow(
      `AVITO_CLIENT_SECRET не задан (см. ${EXAMPLE})`,
    );
  });

  it('points a missing setting at the shipped .env.example by its absolute path, wherever the command runs', () => {
    const message = (() => {
      try {
        requireAvitoCredentials(resolveConfig({ env: {}, cwd: dir() }));
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    const named = /\(см\. (.+)\)$/.exec(message)?.[1];
    expect(named && isAbsolute(named)).toBe(true);
    expect(readFileSync(named!, 'utf8')).toContain('AVITO_CLIENT_ID=');
  });

  it('turns \\n in texts into line breaks and refuses texts longer than one Avito message', () => {
    expect(resolveConfig({ env: { FALLBACK_TEXT: 'а\\nб' }, cwd: dir() }).responder.fallbackText).toBe('а\nб');
    expect(() => resolveConfig({ env: { ESCALATION_TEXT: 'я'.repeat(1001) }, cwd: dir() })).toThrow(/ESCALATION_TEXT: ожидается не больше 1000 символов/);
    // The non-text reply too; there an empty value means "send nothing", not the default.
    expect(resolveConfig({ env: { NON_TEXT_REPLY_TEXT: 'Пришлите\\nтекстом' }, cwd: dir() }).responder.nonTextReplyText).toBe('Пришлите\nтекстом');
    expect(resolveConfig({ env: { NON_TEXT_REPLY_TEXT: '' }, cwd: dir() }).responder.nonTextReplyText).toBe('');
    expect(resolveConfig({ env: {}, cwd: dir() }).responder.nonTextReplyText).toBe(DEFAULT_NON_TEXT_REPLY_TEXT);
    expect(() => resolveConfig({ env: { NON_TEXT_REPLY_TEXT: 'я'.repeat(1001) }, cwd: dir() })).toThrow(/NON_TEXT_REPLY_TEXT: ожидается не больше 1000 символов/);
  });

  it('small talk gets no reply and ESCALATION_PHRASES adds nothing unless the seller sets them', () => {
    const defaults = resolveConfig({ env: {}, cwd: dir() }).responder;
    expect(defaults).toMatchObject({ thanksReplyText: '', greetingReplyText: '', escalationPhrases: [] });
    const set = resolveConfig({
      env: { THANKS_REPLY_TEXT: '🤖: пожалуйста!', GREETING_REPLY_TEXT: 'Здравствуйте!\\nЧем помочь?', ESCALATION_PHRASES: 'директор магазина, хочу вернуть деньги' },
      cwd: dir(),
    }).responder;
    expect(set).toMatchObject({ thanksReplyText: '🤖: пожалуйста!', greetingReplyText: 'Здравствуйте!\nЧем помочь?', escalationPhrases: ['директор магазина', 'хочу вернуть деньги'] });
    expect(resolveConfig({ env: { ESCALATION_PHRASES: 'none' }, cwd: dir() }).responder.escalationPhrases).toEqual([]);
    expect(() => resolveConfig({ env: { THANKS_REPLY_TEXT: 'я'.repeat(1001) }, cwd: dir() })).toThrow(/THANKS_REPLY_TEXT: ожидается не больше 1000 символов/);
  });

  it('parses active hours, across midnight too', () => {
    expect(parseActiveHours('09:00-21:00')).toEqual({ start: 540, end: 1260 });
    expect(parseActiveHours('22:30-08:00')).toEqual({ start: 1350, end: 480 });
    expect(() => parseActiveHours('25:00-08:00')).toThrow(ConfigError);
  });

  it('treats DEBUG=avito-ai, * and 1 as debug', () => {
    for (const value of ['avito-ai', '*', '1', 'express,avito-ai']) expect(resolveConfig({ env: { DEBUG: value }, cwd: dir() }).log.debug).toBe(true);
    expect(resolveConfig({ env: { DEBUG: 'express' }, cwd: dir() }).log.debug).toBe(false);
  });
});

describe('the model engines\' settings', () => {
  it('pick the engine from the one key set, and refuse to guess between two', () => {
    const cwd = dir();
    expect(resolveConfig({ env: {}, cwd }).knowledge.engine).toBe('local');
    expect(resolveConfig({ env: { GIGACHAT_CREDENTIALS: 'a2V5' }, cwd }).knowledge.engine).toBe('gigachat');
    expect(resolveConfig({ env: { GEMINI_API_KEY: 'k' }, cwd }).knowledge.engine).toBe('gemini');
    expect(() => resolveConfig({ env: { GEMINI_API_KEY: 'k', GIGACHAT_CREDENTIALS: 'a2V5' }, cwd })).toThrow(/заданы и GIGACHAT_CREDENTIALS, и GEMINI_API_KEY/);
    expect(resolveConfig({ env: { GEMINI_API_KEY: 'k', GIGACHAT_CREDENTIALS: 'a2V5', KNOWLEDGE_ENGINE: 'Gemini' }, cwd }).knowledge.engine).toBe('gemini');
    // A stray OPENAI_API_KEY in the shell never switches engines by itself.
    expect(resolveConfig({ env: { OPENAI_API_KEY: 'sk-x' }, cwd }).knowledge.engine).toBe('local');
  });

  it('default GigaChat to the general model, an individual\'s scope and Sber\'s hosts', () => {
    const { gigachat } = resolveConfig({ env: { GIGACHAT_SCOPE: 'gigachat_api_b2b', GIGACHAT_CA_FILE: 'certs/root.pem' }, cwd: '/srv/bot' });
    expect(gigachat).toEqual({
      credentials: undefined,
      scope: 'GIGACHAT_API_B2B',
      model: 'GigaChat',
      authUrl: 'https://ngw.devices.sberbank.ru:9443/api/v2/oauth',
      baseUrl: 'https://gigachat.devices.sberbank.ru/api/v1',
      caFile: '/srv/bot/certs/root.pem',
      timeoutMs: 30_000,
      retries: 2,
    });
  });

  it.each([
    ['GIGACHAT_SCOPE', 'PERS', /GIGACHAT_SCOPE: ожидается одно из значений: GIGACHAT_API_PERS, GIGACHAT_API_B2B, GIGACHAT_API_CORP, а задано "PERS"/],
    ['GIGACHAT_MODEL', 'Giga Chat', /GIGACHAT_MODEL: ожидается название модели, например/],
    ['OPENAI_BASE_URL', 'localhost:11434', /OPENAI_BASE_URL: ожидается адрес http\(s\), например http:\/\/127.0.0.1:11434\/v1/],
    ['OPENAI_HEADERS', 'x-title', /OPENAI_HEADERS: ожидается вид "Name: value; Name2: value"/],
  ])('%s=%s is refused with a line that names it', (key, value, message) => {
    expect(() => resolveConfig({ env: { [key]: value }, cwd: dir() })).toThrow(message);
  });

  it('read OpenAI-compatible headers and model URIs as written', () => {
    const { openai } = resolveConfig({
      env: { OPENAI_BASE_URL: 'https://ai.api.cloud.yandex.net/v1/', OPENAI_MODEL: 'gpt://b1g/yandexgpt/latest', OPENAI_HEADERS: 'x-data-logging-enabled: false; X-Title: Мой магазин' },
      cwd: dir(),
    });
    expect(openai).toMatchObject({ baseUrl: 'https://ai.api.cloud.yandex.net/v1', model: 'gpt://b1g/yandexgpt/latest', headers: { 'x-data-logging-enabled': 'false', 'X-Title': 'Мой магазин' } });
  });
});
