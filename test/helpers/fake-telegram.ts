/**
 * A loopback fake of the Telegram Bot API subset the seller bot uses, spoken to by the real
 * `telegraf` (`new Telegraf(token, { telegram: { apiRoot: fake.url } })`), so the bot is tested
 * against the requests telegraf actually sends (long polling, JSON bodies, error shapes) and
 * against Telegram's own strictness (HTML parse errors, the 4096-character limit) rather than
 * against a mock of our own assumptions.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHttpTestServer } from './http-test-server.js';
import type { HttpTestServer } from './http-test-server.js';

/** One API call the fake received, recorded before it was answered. */
export interface FakeTelegramCall {
  /** The method name as it appeared in the URL, e.g. `sendMessage`. */
  method: string;
  /** Query parameters merged with the JSON or form body (the body wins). */
  payload: Record<string, unknown>;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** A message the bot sent, as the fake stores it. */
export interface FakeTelegramMessage {
  message_id: number;
  chat_id: number;
  /** The text as sent: with parse_mode HTML, the HTML source. */
  text: string;
  /** What the user sees: tags removed, entities (&lt; &gt; &amp; &quot; &#NN;) decoded. */
  plain: string;
  parse_mode?: string;
  // Tests dig into whatever keyboard shape they are checking, so it stays untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  reply_markup?: any;
  reply_to_message_id?: number;
  /** Set once editMessageText or editMessageReplyMarkup touched the message. */
  edited?: boolean;
}

/** What `failNext` makes the next calls of a method do. */
export interface FakeTelegramFailure {
  /** `error_code` in the body (default 500; 429 when only `retryAfter` is given). */
  errorCode?: number;
  /** `description` in the body (default: Telegram's wording for the code). */
  description?: string;
  /** `parameters.retry_after` in seconds; a 429 without it gets 1, as Telegram always sends one. */
  retryAfter?: number;
  /** How many calls fail (default 1). */
  times?: number;
  /** Drop the socket without an answer: telegraf reports a FetchError. */
  destroy?: boolean;
  /** Never answer (a blackholed Telegram): the request stays open until the client gives up or close(). */
  hang?: boolean;
  /** The HTTP status (default `errorCode`); at 500 and above telegraf only sees the status text. */
  status?: number;
}

/** A running fake Telegram Bot API server and the knobs a test turns. */
export interface FakeTelegram {
  /** `http://127.0.0.1:PORT`, no trailing slash: pass as `telegram.apiRoot`. */
  url: string;
  /** The only token accepted (`123456:TEST-TOKEN`); any other gets 401 Unauthorized. */
  token: string;
  /** The bot's user id (the number before the colon in the token). */
  botId: number;
  /** Every API call that reached the fake, in order (getUpdates included; not those dropped while down). */
  calls: FakeTelegramCall[];
  /** Messages the bot sent (sendMessage), in order; edits update them in place. */
  sent: FakeTelegramMessage[];
  /** answerCallbackQuery calls, as `{callback_query_id, text?}`. */
  answeredCallbacks: Array<{ callback_query_id: string; text?: string }>;
  /** What users wrote (userSends), in order: the message ids a bot's reply_parameters point at. */
  userMessages: Array<{ update_id: number; message_id: number; chat_id: number; text: string }>;
  /** Whether a getUpdates long poll is being held open right now. */
  readonly polling: boolean;
  /**
   * A user writes to the bot in a private chat (chat id = user id, unless `chatId` is given).
   * `replyTo` is the message_id of a bot message in that chat: the update then carries
   * `reply_to_message` built from that sent message (text = its `plain`, from = the bot, plus its
   * inline keyboard if any). A text starting with `/command` gets a `bot_command` entity, as
   * Telegram adds one and telegraf's `command()` matches on it. Returns the update_id.
   */
  userSends(userId: number, text: string, options?: { replyTo?: number; chatId?: number; firstName?: string; sentSecondsAgo?: number }): number;
  /**
   * A user presses an inline button under a bot message: a callback_query update with a fresh id,
   * `data`, `from`, and `message` = that sent message (plain text, inline keyboard). Returns the
   * callback query id.
   */
  userPresses(userId: number, messageId: number, data: string, options?: { chatId?: number }): string;
  /**
   * The next `times` (default 1) calls of `method` fail: with `{ok:false, error_code, description,
   * parameters:{retry_after}}` and that HTTP status, or with a dropped socket when `destroy` is true.
   */
  failNext(method: string, options: FakeTelegramFailure): void;
  /** While down, every request's socket is destroyed without an answer (Telegram unreachable). */
  setDown(down: boolean): void;
  /**
   * Resolves when `predicate(fake)` is true (checked after every request and every 10 ms); rejects
   * after `timeoutMs` (default 3000) with a message listing the methods called so far.
   */
  waitFor(predicate: (fake: FakeTelegram) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const BOT_ID = 123456;
const BOT_FIRST_NAME = 'Avito AI';
const BOT_USERNAME = 'avito_ai_test_bot';
const MAX_TEXT_LENGTH = 4096;
/** Telegram's server-side cap on a long poll, whatever the client asks for. */
const MAX_POLL_SECONDS = 50;
const MAX_UPDATES = 100;
/** Telegram rejects callback_data longer than this many UTF-8 bytes. */
const MAX_CALLBACK_DATA_BYTES = 64;

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden: bot was blocked by the user',
  404: 'Not Found',
  409: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** Starts the fake on a loopback port; `botId` makes a bot of another id and token (a second account's bot). */
export async function startFakeTelegram(options: { botId?: number } = {}): Promise<FakeTelegram> {
  const fake = new FakeTelegramServer(options.botId ?? BOT_ID);
  await fake.listen();
  return fake;
}

/** Thrown inside handlers to answer with a Bot API error JSON. */
class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

function badRequest(why: string): ApiError {
  return new ApiError(400, `Bad Request: ${why}`);
}

interface FailRule {
  method: string;
  times: number;
  options: FakeTelegramFailure;
}

type UpdateKind = 'message' | 'callback_query';

interface PendingUpdate {
  update_id: number;
  kind: UpdateKind;
  json: Record<string, unknown>;
}

interface HeldPoll {
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout;
}

class FakeTelegramServer implements FakeTelegram {
  url = '';
  readonly token: string;
  constructor(readonly botId: number) {
    this.token = `${botId}:TEST-TOKEN`;
  }
  readonly calls: FakeTelegramCall[] = [];
  readonly sent: FakeTelegramMessage[] = [];
  readonly answeredCallbacks: Array<{ callback_query_id: string; text?: string }> = [];
  readonly userMessages: Array<{ update_id: number; message_id: number; chat_id: number; text: string }> = [];
  private http: HttpTestServer | undefined;
  private readonly failRules: FailRule[] = [];
  private readonly pending: PendingUpdate[] = [];
  private readonly dates = new Map<number, number>();
  private readonly callbackIds = new Set<string>();
  private readonly firstNames = new Map<number, string>();
  /** Chats that wrote to the bot: as on Telegram, getChat knows only those ("chat not found" otherwise). */
  private readonly startedChats = new Set<number>();
  private readonly watchers = new Set<{ check: () => void; abort: () => void }>();
  private allowedUpdates: string[] = [];
  private held: HeldPoll | undefined;
  private down = false;
  private nextMessageId = 1;
  // Distinct from message ids, so a test that mixes the two up fails loudly.
  private nextUpdateId = 10_000;
  private nextCallbackId = 1;

  async listen(): Promise<void> {
    this.http = await createHttpTestServer((req, res) => {
      this.handle(req, res)
        .catch((error: unknown) => {
          if (error instanceof ApiError) sendError(res, error.code, error.description);
          else sendError(res, 500, `Internal Server Error: ${String(error)}`);
        })
        .finally(() => this.notify());
    });
    this.url = this.http.url;
  }

  get polling(): boolean {
    return this.held !== undefined;
  }

  userSends(userId: number, text: string, options: { replyTo?: number; chatId?: number; firstName?: string; sentSecondsAgo?: number } = {}): number {
    if (options.firstName !== undefined) this.firstNames.set(userId, options.firstName);
    const chatId = options.chatId ?? userId;
    this.startedChats.add(chatId);
    let replyTo: Record<string, unknown> | undefined;
    if (options.replyTo !== undefined) {
      const original = this.findSent(chatId, options.replyTo);
      if (!original) throw new Error(`userSends: no bot message ${options.replyTo} in chat ${chatId} to reply to`);
      replyTo = this.messageJson(original);
    }
    const command = /^\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?/.exec(text);
    const messageId = this.nextMessageId++;
    const updateId = this.enqueue('message', {
      message: {
        message_id: messageId,
        // A message written while the bot was not polling carries its own, older date.
        date: unixNow() - (options.sentSecondsAgo ?? 0),
        chat: this.chatJson(chatId),
        from: this.userJson(userId),
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
        ...(replyTo ? { reply_to_message: replyTo } : {}),
      },
    });
    this.userMessages.push({ update_id: updateId, message_id: messageId, chat_id: chatId, text });
    return updateId;
  }

  userPresses(userId: number, messageId: number, data: string, options: { chatId?: number } = {}): string {
    const chatId = options.chatId ?? userId;
    const message = this.findSent(chatId, messageId);
    if (!message) throw new Error(`userPresses: no bot message ${messageId} in chat ${chatId}`);
    const id = String(4_000_000_000_000 + this.nextCallbackId++);
    this.callbackIds.add(id);
    this.enqueue('callback_query', {
      callback_query: {
        id,
        from: this.userJson(userId),
        message: this.messageJson(message),
        chat_instance: String(chatId),
        data,
      },
    });
    return id;
  }

  failNext(method: string, options: FakeTelegramFailure): void {
    this.failRules.push({ method: method.toLowerCase(), times: options.times ?? 1, options });
  }

  setDown(down: boolean): void {
    this.down = down;
    // A held long poll dies with the connection too, as it would if the network went away.
    if (down && this.held) {
      const held = this.held;
      this.forgetHeld();
      held.res.socket?.destroy();
    }
  }

  waitFor(predicate: (fake: FakeTelegram) => boolean, timeoutMs = 3000): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const finish = (): void => {
        clearInterval(interval);
        clearTimeout(timer);
        this.watchers.delete(watcher);
      };
      const watcher = {
        check: (): void => {
          let done: boolean;
          try {
            done = predicate(this);
          } catch (error) {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (done) {
            finish();
            resolve();
          }
        },
        abort: (): void => {
          finish();
          reject(new Error('waitFor: the fake Telegram server was closed'));
        },
      };
      // The timers exist before the first check, so an immediate success can clear them.
      const interval = setInterval(watcher.check, 10);
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`waitFor: condition not met within ${timeoutMs} ms; methods called: ${this.callSummary()}`));
      }, timeoutMs);
      this.watchers.add(watcher);
      watcher.check();
    });
  }

  async close(): Promise<void> {
    this.forgetHeld();
    for (const watcher of [...this.watchers]) watcher.abort();
    await this.http?.close();
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher.check();
  }

  /** `getMe, deleteWebhook, getUpdates ×3, sendMessage`: runs collapsed so a long poll loop stays readable. */
  private callSummary(): string {
    const runs: Array<{ method: string; count: number }> = [];
    for (const call of this.calls) {
      const last = runs.at(-1);
      if (last?.method === call.method) last.count++;
      else runs.push({ method: call.method, count: 1 });
    }
    if (runs.length === 0) return '(none)';
    return runs.map((run) => (run.count > 1 ? `${run.method} ×${run.count}` : run.method)).join(', ');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const match = /^\/bot([^/]*)\/(?:test\/)?([^/]*)$/.exec(url.pathname);
    const token = decodeURIComponent(match?.[1] ?? '');
    const method = match?.[2] ?? '';
    const payload = { ...Object.fromEntries(url.searchParams), ...parseBody(req.headers['content-type'], raw) };
    this.calls.push({ method, payload, at: Date.now() });

    if (!match || method === '') throw new ApiError(404, 'Not Found');
    if (token !== this.token) throw new ApiError(401, 'Unauthorized');
    if (this.failIfAsked(method, req, res)) return;

    // Bot API method names are case-insensitive.
    switch (method.toLowerCase()) {
      case 'getme':
        return send(res, {
          id: this.botId,
          is_bot: true,
          first_name: BOT_FIRST_NAME,
          username: BOT_USERNAME,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        });
      case 'deletewebhook':
      case 'setmycommands':
      case 'deletemycommands':
        return send(res, true);
      case 'getupdates':
        return this.getUpdates(payload, res);
      case 'sendmessage':
        return send(res, this.sendMessage(payload));
      case 'editmessagetext':
        return send(res, this.editMessageText(payload));
      case 'editmessagereplymarkup':
        return send(res, this.editMessageReplyMarkup(payload));
      case 'answercallbackquery':
        return send(res, this.answerCallbackQuery(payload));
      case 'getchat': {
        const chatId = chatIdOf(payload.chat_id);
        if (!this.startedChats.has(chatId)) throw badRequest('chat not found');
        return send(res, this.chatJson(chatId));
      }
      default:
        throw new ApiError(404, 'Not Found');
    }
  }

  /** Applies a pending `failNext` rule to this call; true when the call has been answered (or dropped). */
  private failIfAsked(method: string, req: IncomingMessage, res: ServerResponse): boolean {
    const rule = this.failRules.find((r) => r.method === method.toLowerCase() && r.times > 0);
    if (!rule) return false;
    rule.times -= 1;
    if (rule.times <= 0) this.failRules.splice(this.failRules.indexOf(rule), 1);
    const { destroy, retryAfter, hang } = rule.options;
    if (destroy) {
      req.socket.destroy();
      return true;
    }
    if (hang) return true;
    const code = rule.options.errorCode ?? (retryAfter !== undefined ? 429 : 500);
    const retry = retryAfter ?? (code === 429 ? 1 : undefined);
    const description = rule.options.description ?? (code === 429 ? `Too Many Requests: retry after ${retry}` : (DESCRIPTIONS[code] ?? 'Error'));
    sendError(res, code, description, retry !== undefined ? { retry_after: retry } : undefined, rule.options.status ?? code);
    return true;
  }

  // ---- updates ----------------------------------------------------------------------------------

  private enqueue(kind: UpdateKind, body: Record<string, unknown>): number {
    const update: PendingUpdate = { update_id: this.nextUpdateId++, kind, json: body };
    // Telegram never creates updates of a kind the bot opted out of; an empty list means all.
    if (this.allowedUpdates.length === 0 || this.allowedUpdates.includes(kind)) {
      this.pending.push(update);
      if (this.held) this.answerHeld(this.held);
    }
    this.notify();
    return update.update_id;
  }

  private getUpdates(payload: Record<string, unknown>, res: ServerResponse): void {
    const offset = integer(payload.offset) ?? 0;
    // Confirming: updates below the offset are gone for good; a negative offset keeps the last -offset.
    if (offset > 0) removeWhere(this.pending, (u) => u.update_id < offset);
    else if (offset < 0) this.pending.splice(0, Math.max(0, this.pending.length + offset));
    const allowed = jsonField(payload.allowed_updates);
    if (Array.isArray(allowed)) {
      this.allowedUpdates = allowed.filter((a): a is string => typeof a === 'string');
      if (this.allowedUpdates.length > 0) removeWhere(this.pending, (u) => !this.allowedUpdates.includes(u.kind));
    }
    const limit = Math.min(Math.max(integer(payload.limit) ?? MAX_UPDATES, 1), MAX_UPDATES);
    const timeout = Math.min(Math.max(integer(payload.timeout) ?? 0, 0), MAX_POLL_SECONDS);

    // Only one poll is held; answering the older one empty keeps a restarted bot from hanging.
    if (this.held) this.answerHeld(this.held);
    if (this.pending.length > 0 || timeout === 0) {
      send(res, this.pending.slice(0, limit).map(updateJson));
      return;
    }
    const held: HeldPoll = {
      res,
      limit,
      timer: setTimeout(() => this.answerHeld(held), timeout * 1000),
    };
    this.held = held;
    // telegraf's stop() aborts the fetch: forget the poll rather than answer into a dead socket.
    res.on('close', () => {
      if (this.held === held) this.forgetHeld();
    });
  }

  private answerHeld(held: HeldPoll): void {
    if (this.held === held) this.forgetHeld();
    send(held.res, this.pending.slice(0, held.limit).map(updateJson));
  }

  private forgetHeld(): void {
    if (this.held) clearTimeout(this.held.timer);
    this.held = undefined;
  }

  // ---- messages ---------------------------------------------------------------------------------

  private sendMessage(payload: Record<string, unknown>): object {
    const chatId = chatIdOf(payload.chat_id);
    const formatted = formatText(payload.text, payload.parse_mode);
    const markup = markupOf(payload.reply_markup);
    const replyParameters = jsonField(payload.reply_parameters);
    const replyTo = isRecord(replyParameters) ? integer(replyParameters.message_id) : integer(payload.reply_to_message_id);
    const message: FakeTelegramMessage = {
      message_id: this.nextMessageId++,
      chat_id: chatId,
      text: formatted.text,
      plain: formatted.plain,
      ...(formatted.parseMode !== undefined ? { parse_mode: formatted.parseMode } : {}),
      ...(markup !== undefined ? { reply_markup: markup } : {}),
      ...(replyTo !== undefined ? { reply_to_message_id: replyTo } : {}),
    };
    this.dates.set(message.message_id, unixNow());
    this.sent.push(message);
    return this.messageJson(message);
  }

  private editMessageText(payload: Record<string, unknown>): object {
    const message = this.messageToEdit(payload);
    const formatted = formatText(payload.text, payload.parse_mode);
    // As on Telegram, an edit without reply_markup drops the inline keyboard.
    const markup = markupOf(payload.reply_markup);
    message.text = formatted.text;
    message.plain = formatted.plain;
    if (formatted.parseMode !== undefined) message.parse_mode = formatted.parseMode;
    else delete message.parse_mode;
    if (markup !== undefined) message.reply_markup = markup;
    else delete message.reply_markup;
    message.edited = true;
    return this.messageJson(message);
  }

  private editMessageReplyMarkup(payload: Record<string, unknown>): object {
    const message = this.messageToEdit(payload);
    const markup = markupOf(payload.reply_markup);
    if (markup !== undefined) message.reply_markup = markup;
    else delete message.reply_markup;
    message.edited = true;
    return this.messageJson(message);
  }

  private messageToEdit(payload: Record<string, unknown>): FakeTelegramMessage {
    const chatId = chatIdOf(payload.chat_id);
    const messageId = integer(payload.message_id);
    const message = messageId === undefined ? undefined : this.findSent(chatId, messageId);
    if (!message) throw badRequest('message to edit not found');
    return message;
  }

  private answerCallbackQuery(payload: Record<string, unknown>): boolean {
    const id = payload.callback_query_id;
    if (typeof id !== 'string' || !this.callbackIds.has(id)) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    this.answeredCallbacks.push({ callback_query_id: id, ...(typeof payload.text === 'string' ? { text: payload.text } : {}) });
    return true;
  }

  private findSent(chatId: number, messageId: number): FakeTelegramMessage | undefined {
    return this.sent.find((m) => m.chat_id === chatId && m.message_id === messageId);
  }

  // ---- JSON shapes ------------------------------------------------------------------------------

  private messageJson(message: FakeTelegramMessage): Record<string, unknown> {
    const markup: unknown = message.reply_markup;
    return {
      message_id: message.message_id,
      date: this.dates.get(message.message_id) ?? unixNow(),
      chat: this.chatJson(message.chat_id),
      from: { id: this.botId, is_bot: true, first_name: BOT_FIRST_NAME, username: BOT_USERNAME },
      text: message.plain,
      ...(message.edited ? { edit_date: unixNow() } : {}),
      // Telegram echoes only inline keyboards; reply keyboards and force_reply are not part of a Message.
      ...(isRecord(markup) && Array.isArray(markup.inline_keyboard) ? { reply_markup: markup } : {}),
    };
  }

  private chatJson(chatId: number): Record<string, unknown> {
    return chatId > 0
      ? { id: chatId, type: 'private', first_name: this.firstName(chatId) }
      : { id: chatId, type: 'group', title: `Group ${-chatId}` };
  }

  private userJson(userId: number): Record<string, unknown> {
    return { id: userId, is_bot: false, first_name: this.firstName(userId), language_code: 'ru' };
  }

  private firstName(userId: number): string {
    return this.firstNames.get(userId) ?? `User ${userId}`;
  }
}

function updateJson(update: PendingUpdate): Record<string, unknown> {
  return { update_id: update.update_id, ...update.json };
}

// ---- validation -------------------------------------------------------------------------------

function chatIdOf(value: unknown): number {
  const id = integer(value);
  if (id === undefined) throw badRequest('chat not found');
  return id;
}

function formatText(value: unknown, parseModeValue: unknown): { text: string; plain: string; parseMode?: string } {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  if (text.trim() === '') throw badRequest('message text is empty');
  const parseMode = typeof parseModeValue === 'string' && parseModeValue !== '' ? parseModeValue : undefined;
  let plain = text;
  if (parseMode !== undefined) {
    const mode = parseMode.toLowerCase();
    if (mode === 'html') plain = htmlToPlain(text);
    // Markdown is not used by the bot: passed through unchecked rather than half-emulated.
    else if (mode !== 'markdown' && mode !== 'markdownv2') throw badRequest(`unsupported parse_mode "${parseMode}"`);
  }
  if (plain.trim() === '') throw badRequest('message text is empty');
  // Telegram counts the parsed text in UTF-16 code units, exactly like String.length.
  if (plain.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  return { text, plain, ...(parseMode !== undefined ? { parseMode } : {}) };
}

function markupOf(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  let markup: unknown = value;
  if (typeof value === 'string') {
    try {
      markup = JSON.parse(value) as unknown;
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
  }
  if (!isRecord(markup)) throw badRequest('object expected as reply markup');
  if (markup.inline_keyboard !== undefined) {
    if (!Array.isArray(markup.inline_keyboard) || !markup.inline_keyboard.every(Array.isArray)) {
      throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
    }
    for (const row of markup.inline_keyboard as unknown[][]) {
      for (const button of row) {
        if (!isRecord(button) || typeof button.text !== 'string') throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        const data = button.callback_data;
        if (typeof data === 'string' && (data === '' || Buffer.byteLength(data) > MAX_CALLBACK_DATA_BYTES)) throw badRequest('BUTTON_DATA_INVALID');
      }
    }
  }
  return markup;
}

const ALLOWED_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'code', 'pre', 'a', 'tg-spoiler', 'span', 'blockquote',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/**
 * Telegram's HTML parse mode, strictly: only the supported tags, properly nested and closed, and
 * every `&` starting an entity. Returns the text the user sees; throws 400 "can't parse entities".
 * Stricter than Telegram in one way: Telegram keeps a stray `&` literally, the fake refuses it, so
 * text that was not escaped fails here rather than only when it happens to contain `&lt;`.
 */
function htmlToPlain(html: string): string {
  // Telegram reports positions in UTF-8 bytes.
  const at = (index: number): string => `at byte offset ${Buffer.byteLength(html.slice(0, index))}`;
  const stack: string[] = [];
  let plain = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === '&') {
      const entity = /^&(?:([a-zA-Z]+)|#(\d+)|#[xX]([0-9a-fA-F]+));/.exec(html.slice(i, i + 16));
      const decoded = entity ? decodeEntity(entity[1], entity[2], entity[3]) : undefined;
      if (!entity || decoded === undefined) {
        throw cantParse(`Character '&' ${at(i)} must start an HTML entity: use &amp;, &lt;, &gt; or &quot;`);
      }
      plain += decoded;
      i += entity[0].length;
      continue;
    }
    if (c !== '<') {
      plain += c;
      i++;
      continue;
    }
    const start = i;
    if (html[i + 1] === '/') {
      const end = /^<\/([a-zA-Z0-9-]*)\s*>/.exec(html.slice(i));
      if (!end) throw cantParse(`Unclosed end tag ${at(start)}`);
      const name = (end[1] ?? '').toLowerCase();
      const open = stack.pop();
      if (open === undefined) throw cantParse(`Unexpected end tag ${at(start)}`);
      if (open !== name) throw cantParse(`Unmatched end tag ${at(start)}, expected "</${open}>", found "</${name}>"`);
      i += end[0].length;
      continue;
    }
    const name = (/^[a-zA-Z0-9-]*/.exec(html.slice(i + 1))?.[0] ?? '').toLowerCase();
    if (!ALLOWED_TAGS.has(name)) throw cantParse(`Unsupported start tag "${name}" ${at(start)}`);
    i += 1 + name.length;
    const attributes = new Map<string, string>();
    for (;;) {
      while (i < html.length && /\s/.test(html[i] ?? '')) i++;
      if (i >= html.length) throw cantParse(`Unclosed start tag ${at(start)}`);
      if (html[i] === '>') {
        i++;
        break;
      }
      const attribute = /^[a-zA-Z0-9_-]+/.exec(html.slice(i))?.[0];
      if (attribute === undefined) throw cantParse(`Empty attribute name in the tag "${name}" ${at(start)}`);
      const key = attribute.toLowerCase();
      i += key.length;
      while (i < html.length && /\s/.test(html[i] ?? '')) i++;
      if (html[i] !== '=') {
        if (key !== 'expandable') throw cantParse(`Expected equal sign in declaration of an attribute of the tag "${name}" ${at(start)}`);
        attributes.set(key, '');
        continue;
      }
      i++;
      while (i < html.length && /\s/.test(html[i] ?? '')) i++;
      const quote = html[i];
      let value: string;
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) throw cantParse(`Unclosed start tag ${at(start)}`);
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        value = /^[^\s>]*/.exec(html.slice(i))?.[0] ?? '';
        i += value.length;
      }
      attributes.set(key, value);
    }
    if (name === 'a' && !attributes.get('href')) throw cantParse(`Tag "a" must have attribute "href" ${at(start)}`);
    if (name === 'span' && attributes.get('class') !== 'tg-spoiler') throw cantParse(`Tag "span" must have class "tg-spoiler" ${at(start)}`);
    stack.push(name);
  }
  const unclosed = stack.at(-1);
  if (unclosed !== undefined) throw cantParse(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return plain;
}

function cantParse(why: string): ApiError {
  return badRequest(`can't parse entities: ${why}`);
}

function decodeEntity(name: string | undefined, decimal: string | undefined, hex: string | undefined): string | undefined {
  if (name !== undefined) return NAMED_ENTITIES[name];
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
  if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

// ---- request parsing --------------------------------------------------------------------------

function parseBody(contentType: string | undefined, raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw badRequest('invalid JSON body');
    }
    if (!isRecord(body)) throw badRequest('JSON object expected');
    return body;
  }
  // Multipart uploads (media) are not part of the subset: the body is ignored, not misread.
  return {};
}

/** A number, or a form/query string holding one (`"42"`, `"-100"`). */
function integer(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Form and query values carry JSON fields (reply_markup, allowed_updates) as strings. */
function jsonField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function removeWhere<T>(items: T[], predicate: (item: T) => boolean): void {
  for (let i = items.length - 1; i >= 0; i--) {
    if (predicate(items[i] as T)) items.splice(i, 1);
  }
}

function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

// ---- plumbing ---------------------------------------------------------------------------------

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, result: unknown): void {
  write(res, 200, { ok: true, result });
}

function sendError(res: ServerResponse, code: number, description: string, parameters?: { retry_after: number }, status = code): void {
  write(res, status, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
}

function write(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}
