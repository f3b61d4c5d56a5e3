/**
 * The checks behind `avito-ai doctor`: each asks one outside system (or the disk) one question
 * and answers ok / warn / fail / skip with a detail and, when something is wrong, the fix.
 * Nothing here writes: no message is sent, no subscription or store is changed.
 */
import { hideUrlSecret } from '../net/url-secret.js';
import { access, constants, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { requireAvitoCredentials, requireWebhookSecret, type Config, type ConfigWarning } from '../config/config.js';
import { readAccountPause, type AccountPause } from '../core/account-pause.js';
import { readAnotherResponder, type AnotherResponder } from '../core/another-responder.js';
import { isTariffStub } from '../core/inquiry.js';
import { AvitoApiError, AvitoAuthError, LlmApiError } from '../errors.js';
import type { ChatModel } from '../knowledge/grounded/chat-model.js';
import type { GroundedKnowledgeEngine } from '../knowledge/grounded/grounded-engine.js';
import type { KnowledgeEngine } from '../core/ports.js';
import type { AvitoClient } from '../avito/client.js';
import { hideWebhookSecret, webhookUrl } from '../avito/webhook.js';
import type { Logger } from './logger.js';
import { createEngineFor, createMessengerFor, installProxy } from './services.js';
import { doctorText } from '../messages/doctor.js';
import { ENV_EXAMPLE } from '../package-files.js';
import { failure, type CheckResult } from './doctor-check.js';

export { failure, type CheckResult, type CheckStatus } from './doctor-check.js';

/** Doctor's calls give up sooner than the daemon's: a check should answer in seconds. */
const AVITO_RETRY = { limit: 1 };
const MAX_CHECK_TIMEOUT_MS = 10_000;

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
  const text = doctorText();
  const source = config.envFile ? text.settingsRead(config.envFile) : text.settingsNoFile;
  const mode = config.server.webhookSecret ? text.modeServe : text.modePoll;
  return {
    id: 'config',
    title: text.titleSettings,
    status: 'ok',
    detail: text.settingsDetail(source, config.knowledge.engine, mode, config.store.url ? hideUrlSecret(config.store.url) : config.store.path),
  };
}

/**
 * Variables avito-ai does not know: a misspelt name leaves its setting at the default without a word, so it fails
 * the report. Listed only when there is one, so a correct setup's report keeps its lines.
 */
export function checkSettingNames(config: Config): CheckResult {
  const text = doctorText();
  const places: string[] = [];
  for (const source of ['.env', 'environment'] as const) {
    const found = config.warnings.filter((warning) => warning.source === source);
    if (found.length === 0) continue;
    const renames = found.filter((warning) => warning.nearest).map((warning) => text.renameTo(warning.key, warning.nearest ?? ''));
    const removals = found.filter((warning) => !warning.nearest).map((warning) => warning.key);
    const steps = [...(renames.length ? [text.rename(renames.join(', '))] : []), ...(removals.length ? [text.remove(removals.join(', '))] : [])];
    places.push(`${source === '.env' ? text.inFile(config.envFile ?? '.env') : text.inEnvironment}: ${steps.join(', ')}`);
  }
  return {
    id: 'setting-names',
    title: text.titleSettingNames,
    status: 'fail',
    detail: text.unknownNames(config.warnings.length, config.warnings.map(nameWithGuess).join(', ')),
    fix: text.unknownNamesFix(places.join('; '), ENV_EXAMPLE),
  };
}

function nameWithGuess(warning: ConfigWarning): string {
  return warning.nearest ? doctorText().didYouMean(warning.key, warning.nearest) : warning.key;
}

// ───────────────────────────── Avito ─────────────────────────────

/** The keys (a token), the account (accounts/self), the Messenger API tariff and the webhook; `init` asks it too. */
export async function checkAvito(config: Config, logger: Logger): Promise<CheckResult[]> {
  const text = doctorText();
  const token: CheckResult = { id: 'avito-token', title: text.titleAvitoToken, status: 'ok', detail: '' };
  const account: CheckResult = { id: 'avito-account', title: text.titleAvitoAccount, status: 'skip', detail: text.needsToken };
  const tariff: CheckResult = { id: 'avito-tariff', title: text.titleTariff, status: 'skip', detail: text.needsAccount };
  const webhook: CheckResult = { id: 'webhook', title: text.titleWebhook, status: 'skip', detail: text.needsAccount };
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
    token.detail = text.tokenIssued;
    Object.assign(account, { status: 'ok', detail: `${self.id}${self.name ? ` «${self.name}»` : ''} (accounts/self)` });
    if (config.avito.userId !== undefined && config.avito.userId !== self.id) {
      Object.assign(account, {
        status: 'fail',
        detail: text.userIdMismatch(config.avito.userId, self.id),
        fix: text.userIdFix(self.id),
      });
      return all;
    }
  } catch (error) {
    // The token endpoint failing means the keys (or the network); anything after it, the account.
    const atToken = error instanceof AvitoApiError && error.endpoint.includes('/token');
    if (atToken || !(error instanceof AvitoAuthError)) {
      Object.assign(token, failure(error));
      account.detail = text.needsToken;
    } else {
      token.detail = text.tokenIssued;
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
  const text = doctorText();
  try {
    // updatedSince "now" stops the listing after its first page: one request, not eleven.
    const chats = await messenger.listChats({ updatedSince: Math.floor(Date.now() / 1000) });
    const newest = chats[0];
    if (newest === undefined) return { status: 'ok', detail: text.chatsNone };
    const messages = await messenger.listMessages(newest.id, { limit: 20 });
    if (messages.some((message) => isTariffStub(message))) {
      return { status: 'fail', detail: text.tariffStub, fix: text.tariffFix };
    }
    return { status: 'ok', detail: text.chatsRead(`${chats.length}${chats.length >= 100 ? '+' : ''}`) };
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
  const text = doctorText();
  const secret = config.server.webhookSecret;
  const hide = (url: string): string => hideWebhookSecret(url, secret);
  if (!secret) {
    if (urls.length === 0) return { status: 'skip', detail: text.webhookPollMode };
    return { status: 'warn', detail: text.webhookStillDelivers(urls.map(hide).join(', ')), fix: text.webhookStillDeliversFix };
  }
  try {
    requireWebhookSecret(config);
  } catch (error) {
    return failure(error);
  }
  if (!config.server.appBaseUrl) {
    return { status: 'warn', detail: text.noBaseUrl(urls.map(hide).join(', ') || text.nothing), fix: text.noBaseUrlFix };
  }
  const expected = webhookUrl(config.server.appBaseUrl, secret);
  if (!urls.includes(expected)) {
    return { status: 'fail', detail: text.notSubscribed(hide(expected), urls.map(hide).join(', ')), fix: text.notSubscribedFix };
  }
  const others = urls.filter((url) => url !== expected);
  if (others.length > 0) {
    return { status: 'warn', detail: text.alsoSubscribed(others.map(hide).join(', ')), fix: text.alsoSubscribedFix };
  }
  return { status: 'ok', detail: text.subscribed(hide(expected)) };
}

// ───────────────────────────── Knowledge ─────────────────────────────

/** Lists the documents answers come from: for Gemini this proves the key and the File Search store. */
async function checkKnowledge(config: Config): Promise<CheckResult> {
  const text = doctorText();
  const title = config.knowledge.engine === 'gemini' ? text.titleGemini : text.titleKnowledge;
  const engineName = config.knowledge.engine === 'local' ? text.localEngine : text.localIndexFor(config.knowledge.engine);
  const base = { id: 'knowledge', title };
  try {
    const quick: Config = {
      ...config,
      gemini: { ...config.gemini, retries: Math.min(config.gemini.retries, 1), timeoutMs: Math.min(config.gemini.timeoutMs, MAX_CHECK_TIMEOUT_MS) },
    };
    // The folder alone: the model is checked apart, so a missing key does not hide the documents' state.
    const engine = await createEngineFor(quick, config.knowledge.engine === 'gemini' ? {} : { engine: 'local' });
    if (config.knowledge.engine === 'gemini') return { ...base, ...(await checkGeminiDocuments(config, engine)) };
    // The local index reads the folder and changes nothing: its sync is the one look that also says what it could not read.
    const report = await engine.sync();
    const unread = [...report.failed, ...report.skipped];
    if (report.documents === 0) {
      return {
        ...base,
        status: 'fail',
        detail: text.folderEmpty(config.knowledge.dir, unread.length > 0 ? listUnread(unread) : ''),
        fix: text.folderEmptyFix,
      };
    }
    const detail = text.documentsIn(report.documents, config.knowledge.dir, engineName);
    if (unread.length === 0) return { ...base, status: 'ok', detail };
    return {
      ...base,
      status: 'warn',
      detail: text.unreadDetail(detail, unread.length, listUnread(unread)),
      fix: text.unreadFix,
    };
  } catch (error) {
    return { ...base, ...failure(error) };
  }
}

/** The store's documents, and the folder's files sync-docs cannot upload, each with why (as the local index lists them). */
async function checkGeminiDocuments(config: Config, engine: KnowledgeEngine): Promise<Pick<CheckResult, 'status' | 'detail' | 'fix'>> {
  const text = doctorText();
  const store = config.gemini.storeDisplayName;
  const documents = await engine.listDocuments();
  const unread = await listUnuploadable(config.knowledge.dir);
  if (documents.length === 0) {
    const detail = text.geminiEmpty(store);
    return { status: 'fail', detail: unread.length > 0 ? text.unreadDetail(detail, unread.length, listUnread(unread)) : detail, fix: text.runSyncDocs };
  }
  const active = documents.filter((document) => document.state === 'STATE_ACTIVE').length;
  const failed = documents.length - active;
  const detail = text.geminiReady(store, active, failed);
  if (unread.length > 0) return { status: 'warn', detail: text.unreadDetail(detail, unread.length, listUnread(unread)), fix: text.unreadFix };
  return { status: failed > 0 ? 'warn' : 'ok', detail, ...(failed > 0 ? { fix: text.geminiNotReadyFix } : {}) };
}

/** Files of the folder Gemini would not get; none when the folder is not here (the store may be filled from elsewhere). */
async function listUnuploadable(dir: string): Promise<Array<{ path: string; reason: string }>> {
  const { readLocalDocuments } = await import('../knowledge/gemini/sync.js');
  const folder = await readLocalDocuments(dir).catch(() => undefined);
  return folder === undefined ? [] : [...folder.failed, ...folder.skipped];
}

/** The first few files the index could not read, each with why: the whole list is sync-docs' to print. */
function listUnread(files: ReadonlyArray<{ path: string; reason: string }>): string {
  const shown = files.slice(0, 3).map((file) => `${file.path} (${file.reason})`);
  return files.length > shown.length ? doctorText().andMore(shown.join(', '), files.length - shown.length) : shown.join(', ');
}

// ───────────────────────────── Chat model ─────────────────────────────

/** GigaChat or an OpenAI-compatible API: the key (GigaChat: a token, through the CA), the model in /models, one short answer. */
async function checkModel(config: Config): Promise<CheckResult[]> {
  const engine = config.knowledge.engine;
  const text = doctorText();
  const name = engine === 'gigachat' ? 'GigaChat' : text.openAiName;
  const key: CheckResult = { id: 'model-key', title: text.titleModelKey(name), status: 'ok', detail: '' };
  const listed: CheckResult = { id: 'model-listed', title: text.titleModelListed(name), status: 'skip', detail: text.needsKey };
  const call: CheckResult = { id: 'model-call', title: text.titleModelCall(name), status: 'skip', detail: text.needsKey };
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
    if (!created.model) throw new Error(text.noChatModel(engine));
    model = created.model;
    models = await model.listModels();
  } catch (error) {
    Object.assign(key, failure(error));
    return all;
  }
  const ca = engine === 'gigachat' && config.gigachat.caFile ? text.trusting(config.gigachat.caFile) : '';
  key.detail = engine === 'gigachat' ? text.gigachatToken(config.gigachat.scope, ca) : text.keyAccepted(config.openai.baseUrl ?? '');
  const ids = models.map((entry) => entry.id);
  Object.assign(
    listed,
    ids.includes(model.model)
      ? { status: 'ok', detail: text.modelOffered(model.model) }
      : // Yandex lists its models under other names than the gpt:// URIs it takes, so not listed is a warning only.
        { status: 'warn', detail: text.modelNotListed(model.model, ids.length, `${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}`), fix: text.checkSetting(engine === 'gigachat' ? 'GIGACHAT_MODEL' : 'OPENAI_MODEL') },
  );
  const started = Date.now();
  try {
    const reply = await model.complete({ system: 'Ответь одним словом.', user: 'Скажи «да».', maxTokens: 1, temperature: 0.2 });
    const tokens = reply.usage.inputTokens === undefined ? '' : text.tokens(reply.usage.inputTokens, reply.usage.outputTokens ?? 0);
    Object.assign(call, { status: 'ok', detail: text.modelAnswered(reply.model, Date.now() - started, tokens) });
  } catch (error) {
    Object.assign(call, failure(error));
    if (error instanceof LlmApiError && error.status === 402) call.detail = text.unpaid(call.detail);
  }
  return all;
}

// ───────────────────────────── Telegram ─────────────────────────────

async function checkTelegram(config: Config): Promise<CheckResult[]> {
  const t = config.telegram;
  const text = doctorText();
  const bot: CheckResult = { id: 'telegram-bot', title: text.titleTelegramBot, status: 'skip', detail: text.noBotToken };
  const owners: CheckResult = { id: 'telegram-owner', title: text.titleTelegramOwners, status: 'skip', detail: text.needsBot };
  if (!t.botToken) return [bot, owners];
  if (t.ownerChatIds.length === 0) {
    Object.assign(owners, {
      status: 'fail',
      detail: text.noOwners,
      fix: text.noOwnersFix,
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
    if (failed.length === 0) Object.assign(owners, { status: 'ok', detail: text.canWrite(reached.join(', ')) });
    else {
      Object.assign(owners, {
        status: 'fail',
        detail: failed.map((owner) => `${owner.id}: ${owner.problem}`).join('; '),
        fix: text.ownersFix(found.bot),
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
  const text = doctorText();
  const base = { id: 'store', title: text.titleStore };
  if (config.store.url) return (await import('./doctor-redis.js')).checkRedisStore(config, text.titleStore);
  const { resolveStorePaths, openStore, inspectLock } = await import('../store/index.js');
  const paths = resolveStorePaths(config.store.path);
  const dir = dirname(paths.state);
  const user = userInfo().username;
  const chownFix = text.chownFix(dir, user);

  const folder = await stat(dir).catch(() => undefined);
  if (folder === undefined) {
    const parent = await nearestExisting(dir);
    if (!(await canWrite(parent))) return { ...base, status: 'fail', detail: text.dirMissing(dir, parent), fix: text.dirCreate(user, dir) };
    return { ...base, status: 'ok', detail: text.dirLater(dir) };
  }
  if (!folder.isDirectory()) return { ...base, status: 'fail', detail: text.notFolder(dir), fix: text.notFolderFix };
  if (!(await canWrite(dir))) return { ...base, status: 'fail', detail: text.notWritable(dir), fix: chownFix };

  const files = [paths.state, paths.stateJournal, paths.history, paths.dialogs];
  const open: string[] = [];
  for (const file of files) {
    const found = await stat(file).catch(() => undefined);
    if (found === undefined) continue;
    if (!(await canWrite(file))) return { ...base, status: 'fail', detail: text.notWritable(file), fix: chownFix };
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
    summary = text.storeSummary(paths.state, figures.chats, figures.messages);
  } catch (error) {
    return { ...base, ...failure(error) };
  }
  if (another) {
    const since = another.at ? text.since(new Date(another.at).toISOString()) : '';
    return { ...base, status: 'fail', detail: text.anotherResponder(another.chatId || '?', since), fix: text.anotherResponderFix };
  }
  const lock = await inspectLock(paths.lock).catch(() => undefined);
  if (lock && !lock.stale) summary += text.inUse(lock.holder.pid, lock.holder.hostname, lock.holder.startedAt);
  const warnings: Array<{ detail: string; fix: string }> = [];
  if (open.length > 0) warnings.push({ detail: text.readableByOthers(open.join(', ')), fix: text.readableByOthersFix(open.join(' ')) });
  // The seller's own choice, not a fault: a warning, so it is not forgotten.
  if (paused) {
    const until = paused.until === undefined ? text.untilResume : text.until(new Date(paused.until).toISOString());
    warnings.push({ detail: text.paused(until), fix: text.pausedFix });
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

async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(doctorText().timeout(what, MAX_CHECK_TIMEOUT_MS / 1000))), MAX_CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
