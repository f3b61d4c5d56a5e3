/** Notices to the seller and, while the daemon runs, the owners' replies, buttons and commands; Telegram being down costs notices, never answers to buyers. */
import type { Agent } from 'node:http';
import { Telegraf, TelegramError, type Context } from 'telegraf';
import type { Message, Update } from 'telegraf/types';
import { abortableSleep } from '../core/async.js';
import { retry, type BackoffPolicy } from '../core/retry.js';
import type { AccountHold, LeftReplyFate, SellerActions, SellerReply } from '../core/seller-actions.js';
import { TelegramBotError, describeError } from '../errors.js';
import { avitoChatUrl, chatIdFromNotice, escapeHtml, renderChunks, MESSAGE_LIMIT, type OutgoingMessage } from './format.js';
import { TelegramSendError, type NoticeLogger } from './notifier.js';
import { adaptersText } from '../messages/adapters.js';
import { accountsText } from '../messages/accounts.js';

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  owners: readonly number[];
  /** An HTTPS proxy agent (telegraf ignores it for an http:// apiRoot). */
  agent?: Agent;
  logger: NoticeLogger;
  humanPauseHours: number;
  relaunchDelayMs?: number;
  /** The Avito account (ACCOUNTS_DIR) this bot serves, named atop /status and /chats. */
  account?: string;
}

export interface TelegramBot {
  /** `signal` abandons the send (on exit). Throws `TelegramSendError`. */
  send(chatId: number, message: OutgoingMessage, signal?: AbortSignal): Promise<void>;
  /** Until `signal` aborts; never rejects. */
  listen(actions: SellerActions, signal: AbortSignal): Promise<void>;
}

export const COMMANDS = [
  { command: 'status', description: 'как работает бот: проходы, ответы, ошибки' },
  { command: 'chats', description: 'чаты, ждущие вас: эскалации и паузы' },
  { command: 'pause', description: '/pause <чат> [часы] — бот молчит в чате; /pause all — во всём аккаунте' },
  { command: 'resume', description: '/resume <чат> — бот снова отвечает в чате; /resume all — во всём аккаунте' },
  { command: 'help', description: 'что умеет бот' },
];

const HELP = [
  '<b>avito-ai</b> отвечает покупателям в Авито по вашим документам и сообщает сюда, что сделал.',
  '',
  '↩️ <b>Ответьте</b> на уведомление о чате — ваш текст уйдёт покупателю от вашего имени, а бот замолчит в этом чате.',
  '▶️ / ⏸ Кнопки под эскалациями: вернуть бота в чат или поставить паузу на 24 ч.',
  '',
  '/status — как идут дела',
  '/chats — чаты, ждущие вас',
  '/pause &lt;чат&gt; [часы] — бот молчит в чате (по умолчанию 24 ч)',
  '/resume &lt;чат&gt; — бот снова отвечает в чате',
  '/pause all [часы] — бот молчит во всём аккаунте, вопросы ждут вас непрочитанными (без часов — до /resume all)',
  '/resume all — бот снова отвечает во всём аккаунте',
].join('\n');

interface BotContext {
  bot: Telegraf;
  owners: ReadonlySet<number>;
  logger: NoticeLogger;
  /** Which Avito chat each notice we sent is about, so a reply is routed by what we sent, not by its text. */
  noticeChats: Map<string, string>;
  relaunchDelayMs: number;
  /** By update id: called once an owner's reply is on disk (or turned out to be none), so its update may be confirmed. */
  accepting: Map<number, () => void>;
  account?: string;
}

interface PollState {
  offset: number;
  connected: boolean;
  handlers: Set<Promise<void>>;
}

export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const bot = new Telegraf(options.token, {
    telegram: { apiRoot: options.apiRoot, ...(options.agent ? { agent: options.agent } : {}) },
    // A handler that sends to Avito must finish, however long the chat's queue is: telegraf's
    // timeout would only stop waiting, not stop the send, and invite the seller to send twice.
    handlerTimeout: Number.POSITIVE_INFINITY,
  });
  const context: BotContext = {
    bot,
    owners: new Set(options.owners),
    logger: options.logger,
    noticeChats: new Map(),
    relaunchDelayMs: options.relaunchDelayMs ?? 30_000,
    accepting: new Map(),
    ...(options.account === undefined ? {} : { account: options.account }),
  };
  return {
    send: (chatId, message, signal) => sendNotice(context, chatId, message, signal),
    async listen(actions, signal) {
      registerHandlers(context, actions);
      // Taken before the first poll: only what the last run left, not the replies arriving now.
      const settling = settleLeftReplies(context, actions, actions.pendingSellerReplies(), signal);
      await pollUpdates(context, signal);
      await settling;
    },
  };
}

async function sendNotice({ bot, noticeChats }: BotContext, chatId: number, message: OutgoingMessage, signal?: AbortSignal): Promise<void> {
  try {
    const sent = await bot.telegram.callApi(
      'sendMessage',
      {
        chat_id: chatId,
        text: message.text,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(message.buttons
          ? { reply_markup: { inline_keyboard: message.buttons.map((row) => row.map((button) => ({ text: button.text, callback_data: button.data }))) } }
          : {}),
      },
      // telegraf types its own AbortSignal shim; node-fetch takes the standard one.
      signal ? { signal: signal as never } : {},
    );
    if (message.chatId) {
      noticeChats.set(`${chatId}:${sent.message_id}`, message.chatId);
      if (noticeChats.size > 10_000) noticeChats.delete(noticeChats.keys().next().value!);
    }
  } catch (error) {
    throw toSendError(error);
  }
}

function registerHandlers(context: BotContext, actions: SellerActions): void {
  const { bot, owners, logger } = context;
  // Owners only; everyone else is ignored without a word, so the bot reveals nothing.
  bot.use(async (ctx, next) => {
    const chatId = ctx.chat?.id ?? ctx.callbackQuery?.message?.chat.id;
    if (chatId === undefined || !owners.has(chatId)) {
      logger.info('telegram: ignored an update from a stranger', { chat: chatId });
      return;
    }
    await next();
  });
  bot.start((ctx) => reply(ctx, HELP));
  bot.help((ctx) => reply(ctx, HELP));
  const named = (text: string): string => (context.account === undefined ? text : `<b>${escapeHtml(accountsText().accountLine(context.account))}</b>\n${text}`);
  bot.command('status', (ctx) => reply(ctx, named(formatStatus(actions))));
  bot.command('chats', (ctx) => reply(ctx, named(formatAttention(actions))));
  bot.command('pause', async (ctx) => reply(ctx, await pauseCommand(ctx.payload, actions, logger)));
  bot.command('resume', async (ctx) => reply(ctx, await resumeCommand(ctx.payload, actions, logger)));
  bot.action(/^(resume|pause24):(.+)$/, (ctx) => pressButton(ctx, ctx.match, actions, logger));
  bot.on('text', (ctx) => handleOwnerText(ctx, ctx.message, context, actions));
  bot.catch((error) => logger.warn(`telegram: a command failed: ${redact(describeError(error))}`));
}

/** `all` (or `все`) instead of a chat id: the whole account. */
const ACCOUNT_WORDS = new Set(['all', 'все', 'всё']);
const MAX_PAUSE_HOURS = 24 * 365;

async function pauseCommand(payload: string, actions: SellerActions, logger: NoticeLogger): Promise<string> {
  const [chatId, hoursText] = payload.trim().split(/\s+/);
  if (chatId !== undefined && ACCOUNT_WORDS.has(chatId.toLowerCase())) return pauseAccountCommand(hoursText, actions, logger);
  const hours = hoursText === undefined ? 24 : Number(hoursText.replace(',', '.'));
  if (!chatId || !(hours > 0 && hours <= MAX_PAUSE_HOURS)) return 'Напишите так: <code>/pause u2i-… 24</code> (часы — необязательно, по умолчанию 24).';
  const until = await actions.pause(chatId, hours);
  logger.info('telegram: paused a chat', { chat: chatId, hours });
  return `⏸ Бот молчит в чате <code>${escapeHtml(chatId)}</code> до ${formatTime(until)}.`;
}

async function pauseAccountCommand(hoursText: string | undefined, actions: SellerActions, logger: NoticeLogger): Promise<string> {
  const hours = hoursText === undefined ? undefined : Number(hoursText.replace(',', '.'));
  if (hours !== undefined && !(hours > 0 && hours <= MAX_PAUSE_HOURS)) {
    return 'Напишите так: <code>/pause all</code> — до /resume all, или <code>/pause all 3</code> — на 3 часа.';
  }
  const pause = await actions.pauseAccount(hours);
  logger.info('telegram: paused the whole account', { hours: hours ?? 'until resume' });
  const until = pause.until === undefined ? 'до команды /resume all' : `до ${formatTime(pause.until)} (вернуть раньше: /resume all)`;
  return `⏸ Бот на паузе во всём аккаунте ${until}: он не отвечает ни в одном чате и ничего не отмечает прочитанным — вопросы ждут вас.`;
}

async function resumeAccountCommand(actions: SellerActions, logger: NoticeLogger): Promise<string> {
  const before = await actions.resumeAccount();
  logger.info('telegram: resumed the whole account', { paused: before.pause !== undefined, anotherResponder: before.anotherResponder });
  if (before.pause === undefined && !before.anotherResponder) return '▶️ Бот и так отвечает во всём аккаунте: паузы не было.';
  const lines = ['▶️ Бот снова отвечает во всём аккаунте. Вопросы, которые ждали, он ответит на ближайшем проходе, кроме слишком старых (REPLY_MAX_AGE_HOURS) — их оставит вам.'];
  if (before.anotherResponder) lines.push('Убедитесь, что вторая копия avito-ai или другой бот на этом аккаунте остановлены, иначе покупатели получат ответы дважды.');
  return lines.join('\n');
}

async function resumeCommand(payload: string, actions: SellerActions, logger: NoticeLogger): Promise<string> {
  const chatId = payload.trim().split(/\s+/)[0];
  if (chatId !== undefined && ACCOUNT_WORDS.has(chatId.toLowerCase())) return resumeAccountCommand(actions, logger);
  if (!chatId) return 'Напишите так: <code>/resume u2i-…</code> (или <code>/resume all</code> — во всём аккаунте)';
  if (!(await actions.resume(chatId))) return `Чата <code>${escapeHtml(chatId)}</code> бот не знает (см. /chats).`;
  logger.info('telegram: resumed a chat', { chat: chatId });
  return `▶️ Бот снова отвечает в чате <code>${escapeHtml(chatId)}</code> (на новые сообщения).`;
}

/** The ▶️ / ⏸ buttons under an escalation (`resume:<chat>`, `pause24:<chat>`). */
async function pressButton(ctx: Context, match: RegExpExecArray, actions: SellerActions, logger: NoticeLogger): Promise<void> {
  const [, op, chatId] = match;
  if (!chatId) return;
  // Telegram expires an unanswered button press within seconds; the chat's queue may take longer.
  await ctx.answerCbQuery(op === 'resume' ? 'Возвращаю бота…' : 'Ставлю паузу 24 ч…').catch(() => undefined);
  if (op === 'resume') {
    const known = await actions.resume(chatId);
    await reply(ctx, known ? `▶️ Бот снова отвечает в чате <code>${escapeHtml(chatId)}</code> (на новые сообщения).` : `Чата <code>${escapeHtml(chatId)}</code> бот не знает.`);
  } else {
    const until = await actions.pause(chatId, 24);
    await reply(ctx, `⏸ Бот молчит в чате <code>${escapeHtml(chatId)}</code> до ${formatTime(until)}.`);
  }
  logger.info(`telegram: ${op === 'resume' ? 'resumed' : 'paused'} a chat (button)`, { chat: chatId });
  // The buttons have done their job; leaving them invites a second press.
  await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
}

async function handleOwnerText(ctx: Context, message: Message.TextMessage, context: BotContext, actions: SellerActions): Promise<void> {
  const accepted = (): void => context.accepting.get(ctx.update.update_id)?.();
  const chatId = repliedChatOf(message, ctx.botInfo.id, context.noticeChats);
  if (!chatId) {
    accepted();
    return reply(ctx, 'Чтобы написать покупателю, ответьте (Reply) на уведомление о его чате. Команды — /help.');
  }
  if (isStale(message.date)) {
    accepted();
    return reply(ctx, '⌛ Это сообщение пришло, пока бот не работал, и устарело — не отправлено. Если ещё нужно, ответьте на уведомление снова.');
  }
  const sellerReply: SellerReply = {
    id: `${message.chat.id}:${message.message_id}:${message.date}`,
    ownerChatId: message.chat.id,
    ownerMessageId: message.message_id,
    chatId,
    text: message.text,
    receivedAt: Date.now(),
  };
  let fresh: boolean;
  try {
    fresh = await actions.acceptSellerReply(sellerReply);
  } catch (error) {
    context.logger.warn(`telegram: could not store the seller's reply: ${redact(describeError(error))}`, { chat: chatId });
    return reply(ctx, `❌ Не отправлено: не удалось сохранить ответ (${escapeHtml(describeError(error))}).`);
  } finally {
    accepted();
  }
  // Telegram delivered it again after a crash: the restart tells the owner what became of the first copy.
  if (!fresh) return context.logger.info('telegram: a seller reply delivered again was left alone', { chat: chatId });
  return sendSellerReply(ctx, sellerReply, context, actions);
}

/** The Avito chat of the notice `message` replies to, or undefined when it replies to none of ours. */
function repliedChatOf(message: Message.TextMessage, botId: number, noticeChats: ReadonlyMap<string, string>): string | undefined {
  const replied = message.reply_to_message;
  if (replied === undefined || replied.from?.id !== botId) return undefined;
  return noticeChats.get(`${message.chat.id}:${replied.message_id}`) ?? ('text' in replied ? chatIdFromNotice(replied.text) : undefined);
}

async function sendSellerReply(ctx: Context, sellerReply: SellerReply, context: BotContext, actions: SellerActions): Promise<void> {
  const { chatId } = sellerReply;
  const { logger } = context;
  // The chat may be busy with a slow answer; the seller hears at once that the text is on its way.
  const slow = setTimeout(() => void reply(ctx, '⏳ Бот заканчивает с этим чатом — ваш ответ уйдёт следом.').catch(() => undefined), 3000);
  let outcome: string;
  try {
    const sent = await actions.sendAsSeller(chatId, sellerReply.text, sellerReply.id);
    logger.info('telegram: sent the seller\'s reply to the buyer', { chat: chatId, parts: sent.parts });
    outcome =
      sent.pauseFailed === undefined
        ? `✅ Отправлено покупателю в ${chatLink(chatId)}; бот молчит там до ${formatTime(sent.pausedUntil)}.`
        : `✅ Отправлено покупателю в ${chatLink(chatId)}, но паузу бота записать не удалось (${escapeHtml(sent.pauseFailed)}): он может ответить там сам. Поставьте паузу: /pause ${escapeHtml(chatId)}`;
  } catch (error) {
    logger.warn(`telegram: could not send the seller's reply: ${redact(describeError(error))}`, { chat: chatId });
    const ambiguous = typeof error === 'object' && error !== null && (error as { ambiguous?: unknown }).ambiguous === true;
    outcome = ambiguous
      ? `⚠️ Авито не подтвердил отправку — сообщение могло уйти. Проверьте ${chatLink(chatId)}, прежде чем писать снова.`
      : `❌ Не отправлено: ${escapeHtml(describeError(error))}`;
  } finally {
    clearTimeout(slow);
  }
  await tellOwner(context, sellerReply, outcome, actions);
}

/** Tells the owner what became of their reply, then forgets it; a reply the owner could not be told of stays for the next start. */
async function tellOwner(context: BotContext, sellerReply: SellerReply, html: string, actions: SellerActions, signal?: AbortSignal): Promise<void> {
  try {
    await retry(() => sendOwnerReply(context, sellerReply, html, signal), {
      attempts: 3,
      policy: { baseDelayMs: 1000, retryAfter: 'at-least', maxDelayMs: 10_000 },
      isRetryable: (error) => !(error instanceof TelegramError) || error.code === 429 || error.code >= 500,
      retryAfterOf,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    // A chat Telegram refuses for good (blocked, gone) will not take the message at the next start either.
    const final = error instanceof TelegramError && (error.code === 400 || error.code === 403);
    context.logger.warn(`telegram: could not tell the owner what became of their reply: ${redact(describeError(error))}`, { chat: sellerReply.chatId });
    if (!final) return;
  }
  await actions.forgetSellerReply(sellerReply.id);
}

/** As a reply to the owner's own message, so they see which text it is about. */
async function sendOwnerReply({ bot }: BotContext, sellerReply: SellerReply, html: string, signal?: AbortSignal): Promise<void> {
  for (const [index, text] of renderChunks(html.split('\n').map((line) => ({ text: '', after: line })), MESSAGE_LIMIT).entries()) {
    await bot.telegram.callApi(
      'sendMessage',
      {
        chat_id: sellerReply.ownerChatId,
        text,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(index === 0 ? { reply_parameters: { message_id: sellerReply.ownerMessageId, allow_sending_without_reply: true } } : {}),
      },
      signal ? { signal: signal as never } : {},
    );
  }
}

/** After a restart: each reply the last run left is looked up in its chat, and the owner hears whether the buyer got it. */
async function settleLeftReplies(context: BotContext, actions: SellerActions, left: readonly SellerReply[], signal: AbortSignal): Promise<void> {
  await Promise.all(
    left.map(async (sellerReply) => {
      const fate = await actions.reviewSellerReply(sellerReply, signal);
      if (fate === undefined || signal.aborted) return;
      context.logger.info(`telegram: a seller reply left by the last run: ${fate.kind}`, { chat: sellerReply.chatId });
      await tellOwner(context, sellerReply, describeFate(sellerReply, fate), actions, signal);
    }),
  ).catch((error: unknown) => context.logger.warn(`telegram: could not settle the replies the last run left: ${redact(describeError(error))}`));
}

function describeFate(sellerReply: SellerReply, fate: LeftReplyFate): string {
  const chat = chatLink(sellerReply.chatId);
  const quote = `«${escapeHtml(excerpt(sellerReply.text))}»`;
  switch (fate.kind) {
    case 'delivered':
      return `✅ Ваш ответ ${quote} дошёл до покупателя в ${chat}: бот перезапускался во время отправки, ответ в чате есть.`;
    case 'not-sent':
      return `❌ Не отправлено: бот перезапустился, и ваш ответ ${quote} в ${chat} не ушёл. Если ещё нужно, ответьте на уведомление снова.`;
    case 'partial':
      return `⚠️ Бот перезапустился во время отправки: в ${chat} ушло только начало ответа ${quote} (${fate.sent} из ${fate.parts} частей). Допишите остальное, ответив на уведомление.`;
    case 'unknown':
      return `⚠️ Бот перезапустился во время отправки вашего ответа ${quote} и не смог проверить ${chat} (${escapeHtml(fate.error)}): ответ мог уйти. Проверьте чат, прежде чем писать снова.`;
  }
}

function chatLink(chatId: string): string {
  return `<a href="${escapeHtml(avitoChatUrl(chatId))}">чат</a>`;
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

async function pollUpdates(context: BotContext, signal: AbortSignal): Promise<void> {
  const poll: PollState = { offset: 0, connected: false, handlers: new Set() };
  const relaunch: BackoffPolicy = { baseDelayMs: context.relaunchDelayMs, factor: 1, minDelayMs: 1000, retryAfter: 'instead' };
  // Another reader of this bot (a second avito-ai) will not go away soon: look less often.
  const afterConflict: BackoffPolicy = { ...relaunch, baseDelayMs: context.relaunchDelayMs * 4 };
  let lastProblem = '';
  while (!signal.aborted) {
    let fetched: { updates: Update[]; askedAt: number };
    try {
      fetched = await retry(() => fetchUpdates(context, poll, signal), {
        attempts: Number.POSITIVE_INFINITY,
        policy: (error) => (isConflict(error) ? afterConflict : relaunch),
        isRetryable: (error) => !isTokenRejected(error, poll.connected),
        retryAfterOf,
        signal,
        onRetry: ({ error, delayMs }) => {
          const problem = isConflict(error) ? 'another program (a second avito-ai?) is reading this bot\'s updates' : redact(describeError(error));
          // Said once, not every half minute for as long as it lasts.
          if (problem !== lastProblem) context.logger.warn(`telegram: cannot get updates (${problem}); retrying every ${Math.round(delayMs / 1000)} s`);
          lastProblem = problem;
        },
      });
    } catch (error) {
      if (!signal.aborted && error instanceof TelegramError) {
        context.logger.warn(`telegram: the bot token was rejected (${error.code}): remote control is off; check TELEGRAM_BOT_TOKEN`);
      }
      break;
    }
    lastProblem = '';
    // A relay that ignores the long-poll timeout must not turn this into a busy loop.
    if (fetched.updates.length === 0 && Date.now() - fetched.askedAt < 1000) await abortableSleep(1000, signal);
    await dispatchUpdates(context, poll, fetched.updates);
  }
  await finishPolling(context, poll);
}

/** One long poll, connecting first when needed; `askedAt` includes the connecting. */
async function fetchUpdates(context: BotContext, poll: PollState, signal: AbortSignal): Promise<{ updates: Update[]; askedAt: number }> {
  // A wait cut short by the stop makes no further request.
  signal.throwIfAborted();
  const askedAt = Date.now();
  const { bot } = context;
  if (!poll.connected) {
    bot.botInfo = await bot.telegram.callApi('getMe', {}, { signal: signal as never });
    // A webhook left by another tool would make every getUpdates fail with 409.
    await bot.telegram.callApi('deleteWebhook', {}, { signal: signal as never });
    void bot.telegram.setMyCommands(COMMANDS).catch(() => undefined);
    poll.connected = true;
    context.logger.info('telegram: listening to the owner chats', { owners: [...context.owners].join(',') });
  }
  const updates = await bot.telegram.callApi(
    'getUpdates',
    { timeout: 50, offset: poll.offset, allowed_updates: ['message', 'callback_query'] },
    { signal: signal as never },
  );
  return { updates, askedAt };
}

async function dispatchUpdates(context: BotContext, poll: PollState, updates: Update[]): Promise<void> {
  const { bot, logger, accepting } = context;
  for (const update of updates) {
    poll.offset = update.update_id + 1;
    const accepted = new Promise<void>((resolve) => accepting.set(update.update_id, resolve));
    // Not awaited: a reply waiting for a busy chat must not hold up /status or the next update.
    const handled = bot
      .handleUpdate(update)
      .catch((error: unknown) => logger.warn(`telegram: an update failed: ${redact(describeError(error))}`))
      .finally(() => accepting.delete(update.update_id));
    poll.handlers.add(handled);
    void handled.finally(() => poll.handlers.delete(handled));
    // The next getUpdates confirms this one: an owner's reply must be on disk first, or a crash loses it unseen.
    if (mayBeSellerReply(update)) await Promise.race([accepted, handled]);
  }
}

/** A text answering some message, not a command: it may be an owner's reply to a notice. */
function mayBeSellerReply(update: Update): boolean {
  if (!('message' in update) || !('text' in update.message)) return false;
  const { message } = update;
  return message.reply_to_message !== undefined && !message.entities?.some((entity) => entity.type === 'bot_command' && entity.offset === 0);
}

async function finishPolling({ bot }: BotContext, poll: PollState): Promise<void> {
  // Work the seller asked for is finished (the chats' queues drain now); a confirmation stuck on a silent Telegram is not waited for long.
  if (poll.handlers.size > 0) {
    const grace = new AbortController();
    await Promise.race([Promise.all(poll.handlers), abortableSleep(HANDLERS_GRACE_MS, grace.signal)]);
    // The timer must not outlive the wait: it would keep the process alive for its full length.
    grace.abort();
  }
  // The updates handled are confirmed, so a restart does not run them again.
  if (poll.connected) {
    await bot.telegram.callApi('getUpdates', { offset: poll.offset, limit: 1, timeout: 0 }, { signal: AbortSignal.timeout(3000) as never }).catch(() => undefined);
  }
}

/** 401, or 404 for a token Telegram cannot even parse: no retry will mend it. */
function isTokenRejected(error: unknown, connected: boolean): boolean {
  return error instanceof TelegramError && (error.code === 401 || (error.code === 404 && !connected));
}

function isConflict(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 409;
}

function retryAfterOf(error: unknown): number | undefined {
  const seconds = error instanceof TelegramError ? error.parameters?.retry_after : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}

async function reply(ctx: Context, html: string): Promise<void> {
  // Line by line: every line of ours is whole HTML, so any split between lines is safe.
  for (const text of renderChunks(html.split('\n').map((line) => ({ text: '', after: line })), MESSAGE_LIMIT)) {
    await ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  }
}

function formatStatus(actions: SellerActions): string {
  const { daemon, counters, escalated, leftOut, paused } = actions.status();
  const lines = [`🟢 <b>Работает</b> с ${formatTime(daemon.startedAt)} (${formatDuration(Date.now() - daemon.startedAt)})`, ...describeAccountHold(actions.accountHold())];
  if (daemon.lastPass && daemon.lastPassAt) {
    const pass = daemon.lastPass;
    lines.push(
      `Последний проход: ${formatDuration(Date.now() - daemon.lastPassAt)} назад — чатов ${pass.chats}, ответов ${pass.answered}, эскалаций ${pass.escalated}, ошибок ${pass.errors}, ${pass.durationMs} мс`,
    );
  } else lines.push('Проходов ещё не было.');
  lines.push(
    `Всего: ответов ${counters.repliesSent} (из документов ${counters.found}, из них не на все вопросы ${counters.partlyAnswered}, нет в базе ${counters.notFound}), эскалаций ${counters.escalations}, перехватов ${counters.takeovers}, не текст ${counters.nonText}, сбоев базы знаний ${counters.engineFailures}, ошибок ${counters.errors}`,
  );
  lines.push(`Ждут вас: эскалаций ${escalated}, ответ не на всё ${leftOut}, на паузе ${paused} (/chats)`);
  if (daemon.lastError) lines.push(`⚠️ Последняя ошибка ${formatTime(daemon.lastError.at)}: ${escapeHtml(daemon.lastError.message)}`);
  return lines.join('\n');
}

/** Lines on what silences the bot on every chat, for /status and /chats. */
function describeAccountHold(hold: AccountHold): string[] {
  const lines: string[] = [];
  if (hold.pause) {
    const until = hold.pause.until === undefined ? 'до /resume all' : `до ${formatTime(hold.pause.until)}`;
    lines.push(`⏸ <b>Пауза во всём аккаунте</b> ${until}: бот не отвечает ни в одном чате (/resume all)`);
  }
  if (hold.anotherResponder) lines.push('⛔ <b>Бот молчит во всех чатах</b>: на аккаунте отвечает кто-то ещё. Остановите его и выполните /resume all');
  return lines;
}

function formatAttention(actions: SellerActions): string {
  const chats = actions.attention();
  const account = describeAccountHold(actions.accountHold());
  if (chats.length === 0) return account.length > 0 ? [...account, 'Других чатов, ждущих вас, нет.'].join('\n') : 'Чатов, ждущих вас, нет: бот отвечает везде.';
  const lines = [...account, `<b>Ждут вас: ${chats.length}</b>`];
  for (const { state, wait, partly } of chats.slice(0, 50)) {
    const what =
      wait === 'escalated'
        ? '🚨 эскалация'
        : wait === 'left_out'
          ? `⚠️ ${partly?.answered === false ? 'бот не нашёл ответа' : 'ответ не на всё'}, ответьте сами: «${escapeHtml((partly?.leftOut ?? []).join('», «'))}»`
          : `⏸ пауза до ${formatTime(state.pausedUntil ?? 0)}${state.pauseReason === 'takeover' ? ' (вы ответили)' : ''}`;
    const title = state.listing?.title ? ` · ${escapeHtml(state.listing.title)}` : '';
    lines.push(`${what}${title}\n<code>${escapeHtml(state.chatId)}</code> · <a href="${escapeHtml(avitoChatUrl(state.chatId))}">открыть</a>`);
  }
  if (chats.length > 50) lines.push(`…и ещё ${chats.length - 50} (avito-ai chats на сервере)`);
  return lines.join('\n');
}

function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString('ru-RU', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}

function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return 'меньше минуты';
  if (minutes < 60) return `${minutes} мин`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} ч ${minutes % 60} мин`;
  return `${Math.floor(hours / 24)} дн ${hours % 24} ч`;
}

const HANDLERS_GRACE_MS = 15_000;

/** Messages written while the daemon was down are not acted on hours later. */
const STALE_SECONDS = 10 * 60;

function isStale(unixSeconds: number): boolean {
  return Date.now() / 1000 - unixSeconds > STALE_SECONDS;
}

/** Telegram URLs carry the token (`/bot<token>/`): never let one reach a log or a screen. */
export function redact(text: string): string {
  return text.replace(/bot\d+:[\w-]+/g, 'bot<token>');
}

function toSendError(error: unknown): TelegramSendError {
  if (error instanceof TelegramError) {
    const retryAfter = error.parameters?.retry_after;
    return new TelegramSendError(
      redact(`${error.code} ${error.description}`),
      error.code === 429 || error.code >= 500,
      retryAfter === undefined ? undefined : retryAfter * 1000,
    );
  }
  // node-fetch's FetchError and friends: the network, worth another try.
  return new TelegramSendError(redact(describeError(error)), true);
}

export interface SeenChat {
  id: number;
  type: string;
  name: string;
}

/** One long poll; updates are left unconfirmed, so the daemon still sees them later. */
export async function findChatsThatWrote(options: {
  token: string;
  apiRoot: string;
  agent?: Agent;
  waitSeconds: number;
  /** Called once the token is known good, before the wait. */
  onReady?: (botUsername: string) => void;
}): Promise<{ bot: string; chats: SeenChat[] }> {
  const bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot, ...(options.agent ? { agent: options.agent } : {}) } });
  try {
    const me = await bot.telegram.getMe();
    options.onReady?.(me.username);
    const updates = await bot.telegram.callApi('getUpdates', { timeout: options.waitSeconds, allowed_updates: ['message'] });
    const chats = new Map<number, SeenChat>();
    for (const update of updates) {
      const chat = 'message' in update ? update.message.chat : undefined;
      if (!chat) continue;
      const name =
        'title' in chat ? chat.title : [('first_name' in chat ? chat.first_name : ''), ('last_name' in chat ? chat.last_name : '')].filter(Boolean).join(' ');
      const username = 'username' in chat && chat.username ? ` (@${chat.username})` : '';
      chats.set(chat.id, { id: chat.id, type: chat.type, name: `${name}${username}` });
    }
    return { bot: me.username, chats: [...chats.values()] };
  } catch (error) {
    throw toBotError(error);
  }
}

export interface BotInspection {
  bot: string;
  owners: Array<{ id: number; ok: true; name: string } | { id: number; ok: false; problem: string }>;
}

/** Sends nothing. Telegram lets a bot write only to a person who pressed Start, and answers "chat not found" for anyone else. */
export async function inspectBot(options: { token: string; apiRoot: string; agent?: Agent; owners: readonly number[] }): Promise<BotInspection> {
  const bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot, ...(options.agent ? { agent: options.agent } : {}) } });
  let username: string;
  try {
    username = (await bot.telegram.getMe()).username;
  } catch (error) {
    throw toBotError(error);
  }
  const owners: BotInspection['owners'] = [];
  for (const id of options.owners) {
    try {
      const chat = await bot.telegram.getChat(id);
      const name = 'title' in chat ? chat.title : 'first_name' in chat ? chat.first_name : String(id);
      owners.push({ id, ok: true, name });
    } catch (error) {
      const problem =
        error instanceof TelegramError ? error.description : `cannot reach Telegram: ${redact(describeError(error))}`;
      owners.push({ id, ok: false, problem });
    }
  }
  return { bot: username, owners };
}

function toBotError(error: unknown): TelegramBotError {
  if (error instanceof TelegramError && error.code === 401) {
    return new TelegramBotError(adaptersText().telegramTokenRefused, 'token', adaptersText().telegramTokenHint);
  }
  if (error instanceof TelegramError && error.code === 409) {
    return new TelegramBotError(adaptersText().telegramConflict, 'conflict', adaptersText().telegramConflictHint);
  }
  return new TelegramBotError(adaptersText().telegramUnreachable(redact(describeError(error))), 'network', adaptersText().telegramUnreachableHint);
}
