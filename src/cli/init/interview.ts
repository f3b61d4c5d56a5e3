/**
 * The questions of `avito-ai init`, in the order a seller meets them: Avito keys (checked at once), the
 * engine and only what it needs, Telegram (the owner found by pressing Start), poll or webhooks.
 * Each step writes its answers into `values`; nothing touches the disk here.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { DEFAULTS } from '../../config/config.js';
import { TelegramBotError } from '../../errors.js';
import { initText } from '../../messages/init.js';
import type { OutputStream } from '../io.js';
import type { Logger } from '../logger.js';
import { checkAvitoKeys, describeChat, waitForOwnerChats, type CheckResult } from './checks.js';
import type { EnvValues } from './env-file.js';
import { InitAborted, type Prompter } from './prompter.js';
import { askValue, choose, confirm, validateUrl } from './questions.js';

export interface Interview {
  prompter: Prompter;
  out: OutputStream;
  c: ChalkInstance;
  cwd: string;
  logger: Logger;
  /** What the old `.env` and the environment say: the suggestions. */
  old: EnvValues;
}

/** Asks everything; returns what goes into `.env` on top of `start` (the old file's other settings). */
export async function runInterview(interview: Interview, start: EnvValues): Promise<EnvValues> {
  const values = { ...start };
  await askAvito(interview, values);
  await askEngine(interview, values);
  await askTelegram(interview, values);
  await askMode(interview, values);
  return values;
}

async function askAvito(iv: Interview, values: EnvValues): Promise<void> {
  const t = initText();
  iv.out.write(`${iv.c.bold(t.avitoTitle)}\n${t.avitoHelp}\n`);
  // A sandbox or a relay: said aloud, so real keys checked against it are not a mystery.
  const apiUrl = values.AVITO_API_URL;
  if (apiUrl && apiUrl !== DEFAULTS.AVITO_API_URL) iv.out.write(`${t.avitoApiUrl(apiUrl)}\n`);
  for (;;) {
    const id = await askValue(iv.prompter, t.clientIdQuestion, { old: values.AVITO_CLIENT_ID || iv.old.AVITO_CLIENT_ID, optional: true });
    if (id === '') {
      iv.out.write(`${t.avitoSkipped}\n`);
      return;
    }
    const oldSecret = id === iv.old.AVITO_CLIENT_ID ? iv.old.AVITO_CLIENT_SECRET : undefined;
    const secret = await askValue(iv.prompter, t.clientSecretQuestion, { old: oldSecret, secret: true });
    Object.assign(values, { AVITO_CLIENT_ID: id, AVITO_CLIENT_SECRET: secret });
    iv.out.write(`${t.avitoChecking}\n`);
    const { ok, results } = await raceAbort(checkAvitoKeys(values, iv.cwd, iv.logger), iv.prompter.signal);
    printResults(iv, results);
    if (ok || !(await confirm(iv.prompter, t.avitoRetry, true))) return;
  }
}

/** Doctor's lines, indented under the question they answer. */
export function printResults(iv: Pick<Interview, 'out' | 'c'>, results: readonly CheckResult[]): void {
  const marks = { ok: iv.c.green('✓'), warn: iv.c.yellow('!'), fail: iv.c.red('✗'), skip: iv.c.dim('–') };
  for (const result of results) {
    iv.out.write(`  ${marks[result.status]} ${result.title}: ${result.detail}\n`);
    if (result.fix && result.status !== 'ok') iv.out.write(`    → ${result.fix}\n`);
  }
}

type EngineChoice = 'local' | 'gigachat' | 'yandexgpt' | 'openai' | 'gemini';

export const YANDEX_BASE_URL = 'https://ai.api.cloud.yandex.net/v1';

async function askEngine(iv: Interview, values: EnvValues): Promise<void> {
  const t = initText();
  iv.out.write(`${iv.c.bold(t.engineTitle)}\n`);
  const old = iv.old.KNOWLEDGE_ENGINE === 'openai' && iv.old.OPENAI_BASE_URL === YANDEX_BASE_URL ? 'yandexgpt' : (iv.old.KNOWLEDGE_ENGINE as EngineChoice | undefined);
  const engine = await choose<EngineChoice>(
    iv.prompter,
    iv.out,
    [
      { value: 'local', label: t.engineLocal },
      { value: 'gigachat', label: t.engineGigachat },
      { value: 'yandexgpt', label: t.engineYandex },
      { value: 'openai', label: t.engineOpenai },
      { value: 'gemini', label: t.engineGemini },
    ],
    old,
  );
  values.KNOWLEDGE_ENGINE = engine === 'yandexgpt' ? 'openai' : engine;
  if (engine === 'gigachat') await askGigaChat(iv, values);
  if (engine === 'yandexgpt') await askYandex(iv, values);
  if (engine === 'openai') await askOpenAi(iv, values);
  if (engine === 'gemini') values.GEMINI_API_KEY = await askValue(iv.prompter, t.geminiKey, { old: iv.old.GEMINI_API_KEY, secret: true });
}

async function askGigaChat(iv: Interview, values: EnvValues): Promise<void> {
  const t = initText();
  values.GIGACHAT_CREDENTIALS = await askValue(iv.prompter, t.gigachatCredentials, { old: iv.old.GIGACHAT_CREDENTIALS, secret: true });
  iv.out.write(`${t.gigachatScopeTitle}\n`);
  values.GIGACHAT_SCOPE = await choose(
    iv.prompter,
    iv.out,
    [
      { value: 'GIGACHAT_API_PERS', label: t.gigachatScopePers },
      { value: 'GIGACHAT_API_B2B', label: t.gigachatScopeB2b },
      { value: 'GIGACHAT_API_CORP', label: t.gigachatScopeCorp },
    ],
    iv.old.GIGACHAT_SCOPE,
  );
  values.GIGACHAT_CA_FILE = await askValue(iv.prompter, t.gigachatCaFile, {
    old: iv.old.GIGACHAT_CA_FILE,
    optional: true,
    validate: (path) => (existsSync(resolve(iv.cwd, path)) ? undefined : t.fileMissing(path)),
  });
}

async function askYandex(iv: Interview, values: EnvValues): Promise<void> {
  const t = initText();
  const folder = await askValue(iv.prompter, t.yandexFolder, { old: iv.old.OPENAI_PROJECT });
  const key = await askValue(iv.prompter, t.yandexKey, { old: iv.old.OPENAI_API_KEY, secret: true });
  Object.assign(values, yandexSettings(folder, key, values.OPENAI_HEADERS));
}

/** What Yandex AI Studio needs (README, «YandexGPT»): its address, the folder as the project, the model by folder. */
export function yandexSettings(folder: string, key: string, headers: string | undefined): EnvValues {
  return {
    OPENAI_BASE_URL: YANDEX_BASE_URL,
    OPENAI_API_KEY: key,
    OPENAI_PROJECT: folder,
    OPENAI_MODEL: `gpt://${folder}/yandexgpt/latest`,
    // Asks Yandex not to keep the buyers' questions, unless the seller chose other headers.
    OPENAI_HEADERS: headers || 'x-data-logging-enabled: false',
  };
}

async function askOpenAi(iv: Interview, values: EnvValues): Promise<void> {
  const t = initText();
  values.OPENAI_BASE_URL = await askValue(iv.prompter, t.openaiBaseUrl, { old: iv.old.OPENAI_BASE_URL, validate: validateUrl(false) });
  values.OPENAI_API_KEY = await askValue(iv.prompter, t.openaiKey, { old: iv.old.OPENAI_API_KEY, secret: true, optional: true });
  values.OPENAI_MODEL = await askValue(iv.prompter, t.openaiModel, { old: iv.old.OPENAI_MODEL });
}

async function askTelegram(iv: Interview, values: EnvValues): Promise<void> {
  const t = initText();
  iv.out.write(`${iv.c.bold(t.telegramTitle)}\n`);
  const wanted = await confirm(iv.prompter, t.telegramQuestion, true);
  while (wanted) {
    const token = await askValue(iv.prompter, t.telegramToken, {
      old: iv.old.TELEGRAM_BOT_TOKEN,
      secret: true,
      validate: (text) => (/^\d+:[\w-]{6,}$/.test(text) ? undefined : t.telegramTokenShape),
    });
    values.TELEGRAM_BOT_TOKEN = token;
    // The same bot as before, with its owners: nothing to wait for.
    if (token === iv.old.TELEGRAM_BOT_TOKEN && iv.old.TELEGRAM_OWNER_CHAT_ID) {
      values.TELEGRAM_OWNER_CHAT_ID = iv.old.TELEGRAM_OWNER_CHAT_ID;
      iv.out.write(`${t.telegramOwners(iv.old.TELEGRAM_OWNER_CHAT_ID)}\n`);
      return;
    }
    const owners = await findOwners(iv, values);
    if (owners === 'retry') continue;
    if (owners !== 'skip') {
      values.TELEGRAM_OWNER_CHAT_ID = owners.join(',');
      iv.out.write(`${t.telegramOwners(values.TELEGRAM_OWNER_CHAT_ID)}\n`);
      return;
    }
    break;
  }
  Object.assign(values, { TELEGRAM_BOT_TOKEN: '', TELEGRAM_OWNER_CHAT_ID: '' });
  iv.out.write(`${t.telegramSkipped}\n`);
}

const OWNER_WAIT_SECONDS = 120;

/** Waits for the owner to press Start and has them confirm which chat is theirs. */
async function findOwners(iv: Interview, values: EnvValues): Promise<number[] | 'retry' | 'skip'> {
  const t = initText();
  for (;;) {
    let found;
    try {
      const onReady = (bot: string): void => void iv.out.write(`${t.telegramPressStart(bot, OWNER_WAIT_SECONDS)}\n`);
      found = await raceAbort(waitForOwnerChats(values, iv.cwd, OWNER_WAIT_SECONDS, iv.prompter.signal, onReady), iv.prompter.signal);
    } catch (error) {
      if (!(error instanceof TelegramBotError)) throw error;
      iv.out.write(`  ${iv.c.red('✗')} ${error.message}\n${error.hint ? `    → ${error.hint}\n` : ''}`);
      return (await confirm(iv.prompter, t.telegramRetry, true)) ? 'retry' : 'skip';
    }
    const { chats } = found;
    if (chats.length === 1 && (await confirm(iv.prompter, t.telegramFoundOne(chats[0]!.name || '?', chats[0]!.id), true))) return [chats[0]!.id];
    if (chats.length > 1) {
      iv.out.write(`${t.telegramFoundMany}\n`);
      chats.forEach((chat, index) => iv.out.write(`  ${index + 1}) ${describeChat(chat)}\n`));
      const picked = await iv.prompter.ask(t.telegramPick, { validate: (text) => (pickNumbers(text, chats.length) ? undefined : t.telegramPickInvalid(chats.length)) });
      return pickNumbers(picked, chats.length)!.map((index) => chats[index - 1]!.id);
    }
    if (chats.length === 0) iv.out.write(`${t.telegramNobody}\n`);
    if (!(await confirm(iv.prompter, t.telegramWaitAgain, true))) return 'skip';
  }
}

function pickNumbers(text: string, max: number): number[] | undefined {
  const numbers = text.split(/[\s,]+/).filter(Boolean).map(Number);
  if (numbers.length === 0 || numbers.some((number) => !Number.isInteger(number) || number < 1 || number > max)) return undefined;
  return [...new Set(numbers)];
}

async function askMode(iv: Interview, values: EnvValues): Promise<void> {
  const t = initText();
  iv.out.write(`${iv.c.bold(t.modeTitle)}\n`);
  const mode = await choose(iv.prompter, iv.out, [{ value: 'poll', label: t.modePoll }, { value: 'webhook', label: t.modeWebhook }], iv.old.AVITO_WEBHOOK_SECRET ? 'webhook' : 'poll');
  if (mode === 'poll') {
    // Without the secret, serve is off and `doctor` expects no subscription: that is what poll mode means here.
    values.AVITO_WEBHOOK_SECRET = '';
    return;
  }
  values.APP_BASE_URL = await askValue(iv.prompter, t.appBaseUrl, { old: iv.old.APP_BASE_URL, validate: validateUrl(true) });
  values.AVITO_WEBHOOK_SECRET = iv.old.AVITO_WEBHOOK_SECRET || createWebhookSecret();
}

export function createWebhookSecret(): string {
  return randomBytes(24).toString('hex');
}

/** A check or a wait that Ctrl-C must not sit through. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new InitAborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new InitAborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Addresses the environment points avito-ai at (a sandbox, a relay, a proxy): kept in `.env` so later runs go there too. */
export const CARRIED_FROM_ENVIRONMENT = [
  'AVITO_API_URL',
  'TELEGRAM_API_ROOT',
  'GIGACHAT_AUTH_URL',
  'GIGACHAT_BASE_URL',
  'GEMINI_BASE_URL',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'KNOWLEDGE_DIR',
  'STORE_PATH',
] as const satisfies ReadonlyArray<keyof typeof DEFAULTS>;
