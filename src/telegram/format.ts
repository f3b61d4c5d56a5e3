/** Notices as Telegram HTML, every outside text escaped, with the chat id written so that a reply can be routed back. */
import { avitoChatUrl } from '../core/links.js';
import type { Notification } from '../core/ports.js';
import { accountsText } from '../messages/accounts.js';

/** Telegram's limit per message; counted on our HTML, which is never shorter than what it shows. */
export const MESSAGE_LIMIT = 4096;

export interface InlineButton {
  text: string;
  /** At most 64 bytes (Telegram's limit for callback data). */
  data: string;
}

export interface OutgoingMessage {
  text: string;
  buttons?: InlineButton[][];
  chatId?: string;
}

/** The line a reply is routed by: "Чат: <id>" as the seller sees it. */
const CHAT_LABEL = 'Чат:';
const CHAT_LINE = /(?:^|\n)Чат: (\S+)/g;

export { avitoChatUrl };

/** The Avito chat a notice is about, read from its text as Telegram shows it (a replied-to message). */
export function chatIdFromNotice(plainText: string | undefined): string | undefined {
  // The last such line: ours comes after everything the buyer wrote, which may imitate it.
  return plainText === undefined ? undefined : [...plainText.matchAll(CHAT_LINE)].at(-1)?.[1];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

/** One line of a message: trusted markup around outside text that gets escaped. */
interface Line {
  open?: string;
  text: string;
  close?: string;
  after?: string;
}

const STATUS_LABELS: Record<string, string> = {
  FOUND: '✅ FOUND: из документов',
  NOT_FOUND: '❔ NOT_FOUND: нет в документах, отправлен FALLBACK_TEXT',
  ESCALATION: '🚨 ESCALATION: просьба позвать человека',
  NON_TEXT: '🎤 NON_TEXT: не текст, попросил написать текстом',
  ENGINE_FAILED: '⚠️ ENGINE_FAILED: база знаний не ответила, отправлен FALLBACK_TEXT',
  SMALL_TALK: '👋 SMALL_TALK: благодарность или приветствие, без вопроса',
};

const TYPE_LABELS: Record<string, string> = {
  voice: 'голосовое сообщение',
  image: 'фото',
  video: 'видео',
  file: 'файл',
  location: 'геопозицию',
  call: 'звонок',
  link: 'ссылку',
  item: 'объявление',
};

export function chatButtons(chatId: string): InlineButton[][] | undefined {
  const resume = `resume:${chatId}`;
  const pause = `pause24:${chatId}`;
  if (Buffer.byteLength(pause) > 64) return undefined;
  return [[{ text: '▶️ Вернуть бота', data: resume }, { text: '⏸ Пауза 24 ч', data: pause }]];
}

/** `account`: the Avito account the notice is about (ACCOUNTS_DIR), named on its first line. */
export function formatNotification(notification: Notification, options: { humanPauseHours: number; account?: string }): OutgoingMessage[] {
  const lines: Line[] = options.account === undefined ? [] : [{ open: '<b>', text: accountsText().accountLine(options.account), close: '</b>' }];
  const listing = 'listing' in notification ? notification.listing : undefined;
  const listingLine = (): void => {
    if (listing) lines.push({ open: '📦 <b>', text: listing.title ?? 'Объявление', close: '</b>', after: ` · объявление ${listing.id}` });
  };
  const chatLines = (chatId: string, replyHint: boolean): void => {
    lines.push({ text: `${CHAT_LABEL} ${chatId}`, open: '', close: '', after: ` · <a href="${escapeHtml(avitoChatUrl(chatId))}">открыть в Авито</a>` });
    if (replyHint) lines.push({ open: '<i>', text: '↩️ Ответьте на это сообщение — текст уйдёт покупателю от вашего имени, бот встанет на паузу.', close: '</i>' });
  };
  let buttons: InlineButton[][] | undefined;

  switch (notification.kind) {
    case 'answer':
      lines.push({ open: '💬 <b>', text: 'Бот ответил', close: '</b>', after: ` · ${escapeHtml(STATUS_LABELS[notification.status] ?? notification.status)}` });
      listingLine();
      lines.push({ open: '❓ <b>Покупатель:</b> ', text: notification.question });
      lines.push({ open: '🤖 <b>Ответ:</b> ', text: notification.answer });
      if (notification.sources.length > 0) lines.push({ open: '📄 ', text: notification.sources.join(', ') });
      if (notification.unknownWords?.length) lines.push({ open: '🔎 ', text: describeUnknownWords(notification.unknownWords) });
      if (notification.leftOut?.length) lines.push({ open: '⚠️ <b>', text: describeLeftOut(notification.leftOut), close: '</b>' });
      chatLines(notification.chatId, true);
      break;
    case 'escalation':
      lines.push({ open: '🚨🚨 <b>', text: 'ПОКУПАТЕЛЬ ПРОСИТ МЕНЕДЖЕРА', close: '</b>' });
      listingLine();
      lines.push({ open: '💬 <b>Сообщение:</b> ', text: notification.message });
      if (notification.lastBotAnswer) lines.push({ open: '🤖 <b>Последний ответ бота:</b> ', text: notification.lastBotAnswer });
      lines.push({ text: 'Бот молчит в этом чате, пока вы его не вернёте.' });
      chatLines(notification.chatId, true);
      buttons = chatButtons(notification.chatId);
      break;
    case 'takeover':
      lines.push({ open: '✋ <b>', text: 'Вы ответили покупателю сами', close: '</b>', after: ` — бот молчит в этом чате ${options.humanPauseHours} ч` });
      listingLine();
      lines.push({ open: '💬 <b>Ваш ответ:</b> ', text: notification.message });
      chatLines(notification.chatId, true);
      buttons = chatButtons(notification.chatId);
      break;
    case 'non-text':
      lines.push({ open: '🎤 <b>', text: `Покупатель прислал ${TYPE_LABELS[notification.messageType] ?? notification.messageType}`, close: '</b>', after: ' — бот такое не читает' });
      listingLine();
      chatLines(notification.chatId, true);
      break;
    case 'error':
      lines.push({ open: '⚠️ <b>', text: 'Нужно ваше внимание', close: '</b>' });
      lines.push({ text: describeErrorNotice(notification) });
      if (notification.chatId) chatLines(notification.chatId, false);
      break;
  }
  const chatId = 'chatId' in notification ? notification.chatId : undefined;
  // Every part of a long notice ends with its own chat line, so a reply to any part (read back
  // from its text after a restart) goes to this chat, whatever the buyer's words imitate.
  const chatLine = chatId ? `\n${CHAT_LABEL} ${escapeHtml(chatId)}` : '';
  const parts = renderChunks(lines, MESSAGE_LIMIT - chatLine.length);
  const chunks = parts.map((text, index) => (index < parts.length - 1 ? `${text}${chatLine}` : text));
  return chunks.map((text, index) => ({ text, ...(index === chunks.length - 1 && buttons ? { buttons } : {}), ...(chatId ? { chatId } : {}) }));
}

/** What the seller can do about a fallback the documents' wording caused: write the fact down in the buyer's words. */
export function describeUnknownWords(words: readonly string[]): string {
  return `Слов из вопроса нет ни в одном документе: ${words.map((word) => `«${word}»`).join(', ')}. Если ответ есть — допишите его в документ этими словами.`;
}

export function describeLeftOut(questions: readonly string[]): string {
  return `Без ответа: ${questions.map((question) => `«${question}»`).join(', ')}. В документах этого нет — ответьте покупателю сами (чат оставлен непрочитанным).`;
}

/** The seller's words for what went wrong; the log keeps the technical message. */
export function describeErrorNotice(notification: Extract<Notification, { kind: 'error' }>): string {
  const details = notification.details ?? {};
  switch (notification.code) {
    case 'tariff-stub':
      return 'Авито показывает заглушку вместо сообщений: на аккаунте нет тарифа с API мессенджера. Бот не может читать чаты, пока тариф не подключён.';
    case 'engine-failed':
      return `База знаний не ответила ${details.attempts ?? 'несколько'} раз подряд (${details.error ?? 'ошибка'}); покупатель получил FALLBACK_TEXT.`;
    case 'stale-question':
      return `Вопрос без ответа старше ${details.hours ?? 'REPLY_MAX_AGE_HOURS'} ч — бот не стал отвечать и оставил его вам.`;
    case 'avito-auth':
      return `Авито не принимает ключи (${notification.message}). Бот остановлен: проверьте AVITO_CLIENT_ID и AVITO_CLIENT_SECRET и запустите его снова.`;
    case 'passes-failing':
      return `Проходы по чатам не удаются ${details.count ?? 'несколько'} раз подряд: ${notification.message}. Бот продолжает попытки.`;
    case 'another-responder':
      return `На этом аккаунте Авито отвечает кто-то ещё — вторая копия avito-ai или другой бот: в чате появился ответ бота, которого этот бот не отправлял. Чтобы покупатели не получали ответы дважды, бот замолчал во всех чатах. Остановите вторую копию и выполните avito-ai resume --all.`;
    case 'account-reply-cap':
      return `Ответов бота за час на всём аккаунте: ${details.cap ?? 'сколько позволяет'} — это предел MAX_REPLIES_PER_HOUR_ACCOUNT. Следующие вопросы ждут непрочитанными и получат ответ, когда час позволит. Если покупателей и правда столько, поднимите предел; если бот отвечает не так — остановите его: /pause all (или avito-ai pause --all).`;
    case 'control-unreadable':
      return `Бот не смог прочитать команду из очереди (pause, resume или reply): её файл записан от имени другого пользователя, например root. Команда не выполнена и отложена в ${details.path ?? 'папку хранилища'}; следующие команды выполняются. Повторите её от имени пользователя службы (обёртка avito-ai, docs/deploy.md).`;
    default:
      return notification.message;
  }
}

/** A line too long for one message is split at whitespace in its text, each piece keeping the line's markup, so no tag or escape is cut. */
export function renderChunks(lines: readonly Line[], limit: number): string[] {
  const pieces: string[] = [];
  for (const line of lines) {
    const open = line.open ?? '';
    const close = line.close ?? '';
    const after = line.after ?? '';
    const whole = `${open}${escapeHtml(line.text)}${close}${after}`;
    if (whole.length <= limit) {
      pieces.push(whole);
      continue;
    }
    const room = limit - open.length - close.length;
    let rest = line.text;
    while (rest.length > 0) {
      const take = fitEscaped(rest, room);
      pieces.push(`${open}${escapeHtml(rest.slice(0, take))}${close}`);
      rest = rest.slice(take).replace(/^\s+/, '');
    }
    if (after) pieces.push(after);
  }
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current === '' ? piece : `${current}\n${piece}`;
    if (joined.length <= limit) current = joined;
    else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** How many characters of `text` fit in `room` once escaped, preferring to end at whitespace. */
function fitEscaped(text: string, room: number): number {
  let length = 0;
  let end = 0;
  let lastSpace = -1;
  while (end < text.length) {
    const char = text[end]!;
    const size = char === '&' ? 5 : char === '<' || char === '>' ? 4 : char === '"' ? 6 : 1;
    // Never split a surrogate pair (an emoji) in two.
    const width = isHighSurrogate(char) && end + 1 < text.length ? 2 : 1;
    if (length + size + (width - 1) > room) break;
    length += size + (width - 1);
    if (/\s/.test(char)) lastSpace = end;
    end += width;
  }
  if (end >= text.length) return text.length;
  return lastSpace > end / 2 ? lastSpace + 1 : Math.max(end, 1);
}

function isHighSurrogate(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdbff;
}
