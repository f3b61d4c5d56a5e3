/**
 * The checks behind `avito-ai doctor`: each asks one outside system (or the disk) one question
 * and answers ok / warn / fail / skip with a detail and, when something is wrong, the fix.
 * Nothing here writes: no message is sent, no subscription or store is changed.
 */
import { access, constants, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { requireAvitoCredentials, requireWebhookSecret, type Config, type ConfigWarning } from '../config/config.js';
import { readAccountPause, type AccountPause } from '../core/account-pause.js';
import { readAnotherResponder, type AnotherResponder } from '../core/another-responder.js';
import { isTariffStub } from '../core/inquiry.js';
import { AvitoAiError, AvitoApiError, AvitoAuthError, LlmApiError, describeError } from '../errors.js';
import type { ChatModel } from '../knowledge/grounded/chat-model.js';
import type { GroundedKnowledgeEngine } from '../knowledge/grounded/grounded-engine.js';
import type { AvitoClient } from '../avito/client.js';
import { hideWebhookSecret, webhookUrl } from '../avito/webhook.js';
import type { Logger } from './logger.js';
import { createEngineFor, createMessengerFor, installProxy } from './services.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  /** Stable, for `--json` and scripts. */
  id: string;
  title: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
}

/** Doctor's calls give up sooner than the daemon's: a check should answer in seconds. */
const AVITO_RETRY = { limit: 1 };
const MAX_CHECK_TIMEOUT_MS = 10_000;

const TARIFF_FIX = 'connect the Messenger API tariff in Avito (Avito Pro → Tariffs), then run avito-ai doctor again';

/** Runs every check in order; `onResult` sees each as it completes (the command prints it at once). */
export async function runChecks(config: Config, logger: Logger, onResult: (result: CheckResult) => void): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const report = (result: CheckResult): void => {
    results.push(result);
    onResult(result);
  };
  if (config.warnings.length > 0) report(checkSettingNames(config));
  await installProxy(config);
  for (const result of await checkAvito(config, logger)) report(result);
  if (config.knowledge.engine === 'mcp') for (const result of await (await import('./doctor-mcp.js')).checkMcp(config)) report(result);
  else report(await checkKnowledge(config));
  if (config.knowledge.engine === 'gigachat' || config.knowledge.engine === 'openai') for (const result of await checkModel(config)) report(result);
  for (const result of await checkTelegram(config)) report(result);
  report(await checkStore(config));
  return results;
}

/** The settings as resolved; a ConfigError from resolving them is reported by the command. */
export function describeSettings(config: Config): CheckResult {
  const source = config.envFile ? `read ${config.envFile}` : 'no .env file, the environment only';
  const mode = config.server.webhookSecret ? 'serve (webhooks)' : 'poll';
  return {
    id: 'config',
    title: 'Settings',
    status: 'ok',
    detail: `${source}; engine ${config.knowledge.engine}, mode ${mode}, store ${config.store.path}`,
  };
}

/**
 * Variables avito-ai does not know: a misspelt name leaves its setting at the default without a word, so it fails
 * the report. Listed only when there is one, so a correct setup's report keeps its lines.
 */
export function checkSettingNames(config: Config): CheckResult {
  const places: string[] = [];
  for (const source of ['.env', 'environment'] as const) {
    const found = config.warnings.filter((warning) => warning.source === source);
    if (found.length === 0) continue;
    const renames = found.filter((warning) => warning.nearest).map((warning) => `${warning.key} to ${warning.nearest}`);
    const removals = found.filter((warning) => !warning.nearest).map((warning) => warning.key);
    const steps = [...(renames.length ? [`rename ${renames.join(', ')}`] : []), ...(removals.length ? [`remove ${removals.join(', ')}`] : [])];
    places.push(`${source === '.env' ? `in ${config.envFile ?? '.env'}` : 'in the environment'}: ${steps.join(', ')}`);
  }
  const count = config.warnings.length;
  return {
    id: 'setting-names',
    title: 'Setting names',
    status: 'fail',
    detail: `${count} ${count === 1 ? 'variable is' : 'variables are'} not avito-ai settings and ignored: ${config.warnings.map(nameWithGuess).join(', ')}`,
    fix: `${places.join('; ')} (every setting is listed in .env.example)`,
  };
}

function nameWithGuess(warning: ConfigWarning): string {
  return warning.nearest ? `${warning.key} (did you mean ${warning.nearest}?)` : warning.key;
}

// ───────────────────────────── Avito ─────────────────────────────

/** The keys (a token), the account (accounts/self), the Messenger API tariff and the webhook; `init` asks it too. */
export async function checkAvito(config: Config, logger: Logger): Promise<CheckResult[]> {
  const token: CheckResult = { id: 'avito-token', title: 'Avito token', status: 'ok', detail: '' };
  const account: CheckResult = { id: 'avito-account', title: 'Avito account', status: 'skip', detail: 'needs a token' };
  const tariff: CheckResult = { id: 'avito-tariff', title: 'Messenger API', status: 'skip', detail: 'needs the account' };
  const webhook: CheckResult = { id: 'webhook', title: 'Webhook', status: 'skip', detail: 'needs the account' };
  const all = [token, account, tariff, webhook];
  try {
    requireAvitoCredentials(config);
  } catch (error) {
    Object.assign(token, failure(error));
    return all;
  }
  const messenger = await createMessengerFor(config, undefined, logger, {
    retry: AVITO_RETRY,
    timeoutMs: Math.min(config.avito.timeoutMs, MAX_CHECK_TIMEOUT_MS),
  });

  try {
    const self = await messenger.getSelf();
    token.detail = 'Avito issued a token for AVITO_CLIENT_ID';
    Object.assign(account, { status: 'ok', detail: `${self.id}${self.name ? ` «${self.name}»` : ''} (accounts/self)` });
    if (config.avito.userId !== undefined && config.avito.userId !== self.id) {
      Object.assign(account, {
        status: 'fail',
        detail: `AVITO_USER_ID is ${config.avito.userId}, but these keys belong to account ${self.id}`,
        fix: `set AVITO_USER_ID=${self.id}, or remove it (it is found by itself)`,
      });
      return all;
    }
  } catch (error) {
    // The token endpoint failing means the keys (or the network); anything after it, the account.
    const atToken = error instanceof AvitoApiError && error.endpoint.includes('/token');
    if (atToken || !(error instanceof AvitoAuthError)) {
      Object.assign(token, failure(error));
      account.detail = 'needs a token';
    } else {
      token.detail = 'Avito issued a token for AVITO_CLIENT_ID';
      Object.assign(account, failure(error));
    }
    return all;
  }

  Object.assign(tariff, await checkMessengerAccess(messenger));
  Object.assign(webhook, await checkWebhook(config, messenger));
  return all;
}

/** A chat listing proves the scopes; the newest messages show whether the tariff hides their texts. */
async function checkMessengerAccess(messenger: AvitoClient): Promise<Partial<CheckResult>> {
  try {
    // updatedSince "now" stops the listing after its first page: one request, not eleven.
    const chats = await messenger.listChats({ updatedSince: Math.floor(Date.now() / 1000) });
    const newest = chats[0];
    if (newest === undefined) return { status: 'ok', detail: 'chats can be read (none yet, so the tariff cannot be told from their texts)' };
    const messages = await messenger.listMessages(newest.id, { limit: 20 });
    if (messages.some((message) => isTariffStub(message))) {
      return { status: 'fail', detail: "Avito shows its tariff stub instead of the buyers' messages", fix: TARIFF_FIX };
    }
    return { status: 'ok', detail: `chats and messages can be read (${chats.length}${chats.length >= 100 ? '+' : ''} chats on the first page)` };
  } catch (error) {
    return failure(error);
  }
}

async function checkWebhook(config: Config, messenger: AvitoClient): Promise<Partial<CheckResult>> {
  let urls: string[];
  try {
    urls = (await messenger.listSubscriptions()).map((subscription) => subscription.url);
  } catch (error) {
    return failure(error);
  }
  const secret = config.server.webhookSecret;
  const hide = (url: string): string => hideWebhookSecret(url, secret);
  if (!secret) {
    if (urls.length === 0) return { status: 'skip', detail: 'AVITO_WEBHOOK_SECRET is not set: poll mode, no subscription needed' };
    return {
      status: 'warn',
      detail: `poll mode, but Avito still delivers to ${urls.map(hide).join(', ')}`,
      fix: 'if nothing listens there any more: avito-ai register-webhook --remove <url>',
    };
  }
  try {
    requireWebhookSecret(config);
  } catch (error) {
    return failure(error);
  }
  if (!config.server.appBaseUrl) {
    return { status: 'warn', detail: `APP_BASE_URL is not set, so the expected URL is unknown; subscribed: ${urls.map(hide).join(', ') || 'nothing'}`, fix: 'set APP_BASE_URL to the https address serve is reached at' };
  }
  const expected = webhookUrl(config.server.appBaseUrl, secret);
  if (!urls.includes(expected)) {
    return {
      status: 'fail',
      detail: `${hide(expected)} is not subscribed${urls.length ? ` (subscribed: ${urls.map(hide).join(', ')})` : ''}: serve gets nothing but its safety passes`,
      fix: 'run avito-ai serve, then avito-ai register-webhook',
    };
  }
  const others = urls.filter((url) => url !== expected);
  if (others.length > 0) {
    return { status: 'warn', detail: `subscribed, and also ${others.map(hide).join(', ')}`, fix: 'remove stale ones: avito-ai register-webhook --remove <url>' };
  }
  return { status: 'ok', detail: `${hide(expected)} is subscribed` };
}

// ───────────────────────────── Knowledge ─────────────────────────────

/** Lists the documents answers come from: for Gemini this proves the key and the File Search store. */
async function checkKnowledge(config: Config): Promise<CheckResult> {
  const title = config.knowledge.engine === 'gemini' ? 'Gemini' : 'Knowledge base';
  const engineName = config.knowledge.engine === 'local' ? 'local engine' : `local index for ${config.knowledge.engine}`;
  const base = { id: 'knowledge', title };
  try {
    const quick: Config = {
      ...config,
      gemini: { ...config.gemini, retries: Math.min(config.gemini.retries, 1), timeoutMs: Math.min(config.gemini.timeoutMs, MAX_CHECK_TIMEOUT_MS) },
    };
    // The folder alone: the model is checked apart, so a missing key does not hide the documents' state.
    const engine = await createEngineFor(quick, config.knowledge.engine === 'gemini' ? {} : { engine: 'local' });
    if (config.knowledge.engine === 'gemini') {
      const documents = await engine.listDocuments();
      const active = documents.filter((document) => document.state === 'STATE_ACTIVE').length;
      const failed = documents.length - active;
      if (documents.length === 0) {
        return { ...base, status: 'fail', detail: `the File Search store "${config.gemini.storeDisplayName}" holds no documents: every answer would be the fallback`, fix: 'run avito-ai sync-docs' };
      }
      return {
        ...base,
        status: failed > 0 ? 'warn' : 'ok',
        detail: `key accepted; store "${config.gemini.storeDisplayName}": ${active} documents ready${failed ? `, ${failed} not ready (indexing or failed)` : ''}`,
        ...(failed > 0 ? { fix: 'see avito-ai sync-docs --list, and sync again' } : {}),
      };
    }
    // The local index reads the folder and changes nothing: its sync is the one look that also says what it could not read.
    const report = await engine.sync();
    const unread = [...report.failed, ...report.skipped];
    if (report.documents === 0) {
      return {
        ...base,
        status: 'fail',
        detail: `${config.knowledge.dir} holds no documents avito-ai can read: every answer would be the fallback${unread.length > 0 ? `; not read: ${listUnread(unread)}` : ''}`,
        fix: 'put .md, .txt, .pdf, .docx, .xlsx, .csv or .json files there',
      };
    }
    const detail = `${report.documents} documents in ${config.knowledge.dir} (${engineName})`;
    if (unread.length === 0) return { ...base, status: 'ok', detail };
    return {
      ...base,
      status: 'warn',
      detail: `${detail}; ${unread.length} not read, buyers get no answers from them: ${listUnread(unread)}`,
      fix: 'save them in a format avito-ai reads (.md or .txt in UTF-8, .pdf with text, .docx, .xlsx, .csv, .json) or move them out of the folder; avito-ai sync-docs lists them all',
    };
  } catch (error) {
    return { ...base, ...failure(error) };
  }
}

/** The first few files the index could not read, each with why: the whole list is sync-docs' to print. */
function listUnread(files: ReadonlyArray<{ path: string; reason: string }>): string {
  const shown = files.slice(0, 3).map((file) => `${file.path} (${file.reason})`);
  return files.length > shown.length ? `${shown.join(', ')} and ${files.length - shown.length} more` : shown.join(', ');
}

// ───────────────────────────── Chat model ─────────────────────────────

/** GigaChat or an OpenAI-compatible API: the key (GigaChat: a token, through the CA), the model in /models, one short answer. */
async function checkModel(config: Config): Promise<CheckResult[]> {
  const engine = config.knowledge.engine;
  const name = engine === 'gigachat' ? 'GigaChat' : 'OpenAI-compatible API';
  const key: CheckResult = { id: 'model-key', title: `${name} key`, status: 'ok', detail: '' };
  const listed: CheckResult = { id: 'model-listed', title: `${name} model`, status: 'skip', detail: 'needs the key' };
  const call: CheckResult = { id: 'model-call', title: `${name} answer`, status: 'skip', detail: 'needs the key' };
  const all = [key, listed, call];
  const quick: Config = {
    ...config,
    gigachat: { ...config.gigachat, timeoutMs: Math.min(config.gigachat.timeoutMs, MAX_CHECK_TIMEOUT_MS) },
    openai: { ...config.openai, timeoutMs: Math.min(config.openai.timeoutMs, MAX_CHECK_TIMEOUT_MS * 3) },
  };
  let model: ChatModel;
  let models: Array<{ id: string; type?: string }>;
  try {
    const created: Partial<GroundedKnowledgeEngine> = await createEngineFor(quick, { modelRetries: 0 });
    if (!created.model) throw new Error(`the ${engine} engine has no chat model`);
    model = created.model;
    models = await model.listModels();
  } catch (error) {
    Object.assign(key, failure(error));
    return all;
  }
  const ca = engine === 'gigachat' && config.gigachat.caFile ? `, trusting ${config.gigachat.caFile}` : '';
  key.detail = engine === 'gigachat' ? `GigaChat issued a token (${config.gigachat.scope})${ca}` : `${config.openai.baseUrl} accepted the key`;
  const ids = models.map((entry) => entry.id);
  Object.assign(
    listed,
    ids.includes(model.model)
      ? { status: 'ok', detail: `${model.model} is offered` }
      : // Yandex lists its models under other names than the gpt:// URIs it takes, so not listed is a warning only.
        { status: 'warn', detail: `${model.model} is not among the ${ids.length} models offered: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}`, fix: `check ${engine === 'gigachat' ? 'GIGACHAT_MODEL' : 'OPENAI_MODEL'}` },
  );
  const started = Date.now();
  try {
    const reply = await model.complete({ system: 'Ответь одним словом.', user: 'Скажи «да».', maxTokens: 1, temperature: 0.2 });
    const tokens = reply.usage.inputTokens === undefined ? '' : `, ${reply.usage.inputTokens} + ${reply.usage.outputTokens ?? 0} tokens`;
    Object.assign(call, { status: 'ok', detail: `${reply.model} answered in ${Date.now() - started} ms${tokens}` });
  } catch (error) {
    Object.assign(call, failure(error));
    if (error instanceof LlmApiError && error.status === 402) call.detail = `${call.detail}: answers will fail until it is paid`;
  }
  return all;
}

// ───────────────────────────── Telegram ─────────────────────────────

async function checkTelegram(config: Config): Promise<CheckResult[]> {
  const t = config.telegram;
  const bot: CheckResult = { id: 'telegram-bot', title: 'Telegram bot', status: 'skip', detail: 'TELEGRAM_BOT_TOKEN is not set: notices go to the log only' };
  const owners: CheckResult = { id: 'telegram-owner', title: 'Telegram owners', status: 'skip', detail: 'needs the bot' };
  if (!t.botToken) return [bot, owners];
  if (t.ownerChatIds.length === 0) {
    Object.assign(owners, {
      status: 'fail',
      detail: 'TELEGRAM_OWNER_CHAT_ID is not set: the bot would not know whom to tell',
      fix: 'write /start to your bot, then run avito-ai telegram-id',
    });
  }
  const [{ inspectBot }, { proxyAgentFor }] = await Promise.all([import('../telegram/bot.js'), import('../net/proxy.js')]);
  const agent = await proxyAgentFor(t.apiRoot, config.proxy);
  try {
    const found = await withTimeout(inspectBot({ token: t.botToken, apiRoot: t.apiRoot, owners: t.ownerChatIds, ...(agent ? { agent } : {}) }), 'Telegram');
    Object.assign(bot, { status: 'ok', detail: `@${found.bot}` });
    if (t.ownerChatIds.length === 0) return [bot, owners];
    const failed = found.owners.filter((owner) => !owner.ok);
    const reached = found.owners.filter((owner) => owner.ok).map((owner) => `${owner.id} (${owner.name})`);
    if (failed.length === 0) Object.assign(owners, { status: 'ok', detail: `can write to ${reached.join(', ')}` });
    else {
      Object.assign(owners, {
        status: 'fail',
        detail: failed.map((owner) => `${owner.id}: ${owner.problem}`).join('; '),
        fix: `each owner must open @${found.bot} in Telegram and press Start; check the ids with avito-ai telegram-id`,
      });
    }
  } catch (error) {
    Object.assign(bot, failure(error));
  }
  return [bot, owners];
}

// ───────────────────────────── Store ─────────────────────────────

/** The store's folder and files: writable by this user, private, readable, and who holds the lock. */
async function checkStore(config: Config): Promise<CheckResult> {
  const base = { id: 'store', title: 'Store' };
  const { resolveStorePaths, openStore, inspectLock } = await import('../store/index.js');
  const paths = resolveStorePaths(config.store.path);
  const dir = dirname(paths.state);
  const user = userInfo().username;
  const chownFix = `run avito-ai as the owner of ${dir}, or: sudo chown -R ${user} ${dir}`;

  const folder = await stat(dir).catch(() => undefined);
  if (folder === undefined) {
    const parent = await nearestExisting(dir);
    if (!(await canWrite(parent))) return { ...base, status: 'fail', detail: `${dir} does not exist and ${parent} is not writable`, fix: `create it: sudo install -d -o ${user} -m 700 ${dir}` };
    return { ...base, status: 'ok', detail: `${dir} will be created on the first run` };
  }
  if (!folder.isDirectory()) return { ...base, status: 'fail', detail: `${dir} is not a folder`, fix: 'set STORE_PATH to a file in a folder' };
  if (!(await canWrite(dir))) return { ...base, status: 'fail', detail: `${dir} is not writable`, fix: chownFix };

  const files = [paths.state, paths.stateJournal, paths.history, paths.dialogs];
  const open: string[] = [];
  for (const file of files) {
    const found = await stat(file).catch(() => undefined);
    if (found === undefined) continue;
    if (!(await canWrite(file))) return { ...base, status: 'fail', detail: `${file} is not writable`, fix: chownFix };
    if ((found.mode & 0o077) !== 0) open.push(file);
  }

  let summary: string;
  let another: AnotherResponder | undefined;
  let paused: AccountPause | undefined;
  try {
    const store = await openStore({ path: paths.state, readOnly: true });
    const figures = store.stats();
    another = readAnotherResponder(store);
    paused = readAccountPause(store, Date.now());
    await store.close();
    summary = `${paths.state}: ${figures.chats} chats, ${figures.messages} messages kept`;
  } catch (error) {
    return { ...base, ...failure(error) };
  }
  if (another) {
    const since = another.at ? ` since ${new Date(another.at).toISOString()}` : '';
    return {
      ...base,
      status: 'fail',
      detail: `another responder answers this Avito account (found in chat ${another.chatId || '?'}${since}): the bot is silent everywhere so no buyer gets two replies`,
      fix: 'stop the other avito-ai (or bot) on this account, then run avito-ai resume --all',
    };
  }
  const lock = await inspectLock(paths.lock).catch(() => undefined);
  if (lock && !lock.stale) summary += `; in use by avito-ai pid ${lock.holder.pid} on ${lock.holder.hostname} since ${lock.holder.startedAt}`;
  const warnings: Array<{ detail: string; fix: string }> = [];
  if (open.length > 0) warnings.push({ detail: `readable by other users: ${open.join(', ')}`, fix: `they hold buyers' messages: chmod 600 ${open.join(' ')}` });
  // The seller's own choice, not a fault: a warning, so it is not forgotten.
  if (paused) {
    const until = paused.until === undefined ? 'until avito-ai resume --all' : `until ${new Date(paused.until).toISOString()}`;
    warnings.push({ detail: `the bot is paused on the whole account (pause --all) ${until}: no chat is answered, questions wait unread`, fix: 'run avito-ai resume --all when the bot should answer again' });
  }
  if (warnings.length === 0) return { ...base, status: 'ok', detail: summary };
  return { ...base, status: 'warn', detail: [summary, ...warnings.map((w) => w.detail)].join('; '), fix: warnings.map((w) => w.fix).join('; ') };
}

async function canWrite(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

async function nearestExisting(path: string): Promise<string> {
  let current = path;
  while (!(await stat(current).then(() => true, () => false))) {
    const up = dirname(current);
    if (up === current) break;
    current = up;
  }
  return current;
}

// ───────────────────────────── helpers ─────────────────────────────

/** A failed check from an error: our typed errors carry the fix as their hint. */
export function failure(error: unknown): Pick<CheckResult, 'status' | 'detail' | 'fix'> {
  const fix = error instanceof AvitoAiError ? error.hint : undefined;
  return { status: 'fail', detail: describeError(error), ...(fix ? { fix } : {}) };
}

async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${MAX_CHECK_TIMEOUT_MS / 1000} s`)), MAX_CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
