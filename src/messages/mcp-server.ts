/** What `avito-ai mcp` tells an AI assistant (and through it the seller): tool descriptions and results. */
import { defineMessages } from './catalogue.js';

const ru = {
  instructions:
    'avito-ai отвечает покупателям в Авито Мессенджере по документам продавца. Через эти инструменты вы помогаете продавцу: ' +
    'узнать, что бот ответит покупателю (ask), какие чаты ждут человека (chats_waiting), прочитать чат (chat_history), ' +
    'ответить покупателю от имени продавца (reply_as_seller: сначала предпросмотр, отправка только с confirm: true), ' +
    'остановить или вернуть бота (pause, resume), посмотреть цифры (stats) и обновить базу знаний (sync_docs).',
  commandDescription: 'MCP-сервер для ИИ-ассистента (Claude Desktop, Cursor): спросить, прочитать чаты, ответить покупателю, пауза, статистика',
  commandHelp:
    '\nЗапускает его сам ассистент: в его настройках command "avito-ai", args ["mcp"] (пример в README).\n' +
    'Инструменты: ask, chats_waiting, chat_history, reply_as_seller (отправляет только с confirm: true), pause, resume, stats, sync_docs.\n' +
    'Работает и пока запущен avito-ai poll или serve: паузы и ответы доходят до него так же, как от avito-ai pause.\n' +
    'stdout занят протоколом MCP, журнал пишется в stderr. Останавливается, когда ассистент закрывает stdin, или по SIGTERM.',
  started: 'MCP-сервер avito-ai ждёт ассистента на stdin/stdout',
  stopped: 'MCP-сервер avito-ai остановлен',
  noStdin: 'avito-ai mcp запускается ассистентом (Claude Desktop, Cursor): ему нужен stdin',

  askTitle: 'Что ответит бот',
  askDescription: 'Ответ, который получил бы покупатель на этот вопрос, с документами-источниками. Ничего не отправляет.',
  askQuestion: 'вопрос покупателя, как он его написал бы',
  askItem: 'id объявления: ответить как в чате об этом объявлении (его документы первыми)',
  chatsTitle: 'Чаты, которые ждут продавца',
  chatsDescription: 'Чаты, переданные продавцу (эскалация) или где бот на паузе, свежие первыми; и пауза на всём аккаунте, если есть.',
  chatsAll: 'показать все известные боту чаты',
  historyTitle: 'История чата',
  historyDescription: 'Последние сообщения одного чата из Авито (покупатель и продавец), старые первыми, и состояние бота в нём.',
  historyChat: 'id чата Авито, например u2i-abc123',
  historyLimit: 'сколько последних сообщений (по умолчанию 20)',
  replyTitle: 'Ответить покупателю от имени продавца',
  replyDescription:
    'Отправляет текст покупателю от имени продавца и ставит бота в этом чате на паузу (HUMAN_PAUSE_HOURS). ' +
    'Без confirm: true только показывает, что будет отправлено. Отправляйте, только когда продавец одобрил текст.',
  replyText: 'текст для покупателя',
  replyConfirm: 'true: отправить; иначе только предпросмотр',
  pauseTitle: 'Поставить бота на паузу',
  pauseDescription: 'Бот молчит в чате (или с all: true на всём аккаунте), пока не истекут часы или не будет resume.',
  pauseChat: 'id чата Авито',
  pauseAll: 'true: на всём аккаунте (вопросы ждут продавца непрочитанными)',
  pauseHours: 'на сколько часов (по умолчанию HUMAN_PAUSE_HOURS для чата; для всего аккаунта до resume)',
  resumeTitle: 'Вернуть бота',
  resumeDescription: 'Бот снова отвечает в чате (на новые сообщения), или с all: true на всём аккаунте.',
  resumeAll: 'true: на всём аккаунте (снимает паузу аккаунта и остановку из-за другого бота)',
  statsTitle: 'Статистика бота',
  statsDescription: 'Цифры монитора: вопросы, ответы, эскалации, паузы, последний проход и ошибка.',
  syncTitle: 'Обновить базу знаний',
  syncDescription: 'Приводит базу знаний к папке документов (KNOWLEDGE_DIR): загружает новое и изменённое, либо индексирует локально.',
  syncPrune: 'true: удалить загруженные документы, файлов которых больше нет',
  syncDryRun: 'true: только показать, что изменится',

  chatOrAll: 'укажите chat_id или all: true, не оба',
  chatNeeded: 'укажите chat_id (или all: true для всего аккаунта)',
  hoursNeeded: 'hours должно быть положительным числом',
  textEmpty: 'text пуст: напишите, что отправить покупателю',
  unknownChat: (chatId: string) => `Авито не знает чат ${chatId}: проверьте id (chats_waiting с all: true покажет чаты, известные боту)`,

  answerFor: 'Покупатель получит ответ:',
  silence: (kind: 'thanks' | 'greeting' | undefined): string =>
    kind === 'greeting'
      ? '(ничего не отправится: приветствие без вопроса, GREETING_REPLY_TEXT не задан)'
      : '(ничего не отправится: благодарность без вопроса, THANKS_REPLY_TEXT не задан)',
  status: (status: string): string =>
    ({
      FOUND: 'ответ найден в документах',
      NOT_FOUND: 'в документах ответа нет',
      ESCALATION: 'вопрос для человека: бот передаст чат продавцу',
      SMALL_TALK: 'вопроса нет',
    })[status] ?? status,
  sources: (sources: string) => `источники: ${sources}`,
  noSources: 'источников нет',
  refused: (reason: string) => `ответ модели не пропущен: ${reason}`,

  noWaiting: 'Нет чатов, ждущих продавца: переданных ему, с ответом не на всё или на паузе.',
  noChats: 'В хранилище пока нет чатов.',
  waiting: (n: number) => `Чатов: ${n}`,
  escalated: 'передан продавцу',
  pausedUntil: (until: string, byHand: boolean) => `бот на паузе до ${until}${byHand ? ' (продавец ответил сам)' : ''}`,
  active: 'бот отвечает',
  leftOut: (questions: readonly string[], answered: boolean) =>
    `${answered ? 'бот ответил не на всё' : 'бот не нашёл ответа'}, продавцу ответить: «${questions.join('», «')}»`,
  lastActivity: (at: string) => `последнее сообщение ${at}`,
  accountPaused: (until: string | undefined) =>
    `Бот на паузе на всём аккаунте ${until === undefined ? 'до resume с all: true' : `до ${until} (или до resume с all: true)`}: ни один чат не получает ответа, вопросы ждут непрочитанными.`,
  anotherResponder: (chatId: string) =>
    `Бот остановлен на всём аккаунте: здесь отвечает другой бот (замечен в чате ${chatId || '?'}); остановите его, затем resume с all: true.`,

  historyHead: (chatId: string, state: string) => `Чат ${chatId} · ${state}`,
  historyEmpty: 'сообщений нет',
  buyer: 'покупатель',
  seller: 'продавец',

  statsLines: (s: {
    total: number;
    pending: number;
    completed: number;
    failed: number;
    escalated: number;
    leftOut: number;
    paused: number;
    dialogs: number;
    lastPoll: string;
  }) =>
    [
      `Вопросов покупателей: ${s.total}; ждут ответа: ${s.pending}; отвечено: ${s.completed}; с ошибкой: ${s.failed}`,
      `Чатов передано продавцу: ${s.escalated}; бот ответил не на всё: ${s.leftOut}; на паузе: ${s.paused}; активных диалогов: ${s.dialogs}`,
      `Последний проход: ${s.lastPoll}`,
    ].join('\n'),
  statsAccountPause: (since: string, until: string | undefined) => `Пауза на всём аккаунте: с ${since}, ${until === undefined ? 'до resume с all: true' : `до ${until}`}`,
  statsNoAccountPause: 'Пауза на всём аккаунте: нет',
  statsLastError: (error: string, at: string) => `Последняя ошибка: ${error} (${at})`,
  statsRate: (found: string, partly: string, notFound: string, escalation: string) =>
    `Ответы: найдено ${found} (из них не на всё ${partly}), не найдено ${notFound}, эскалация ${escalation}`,
  never: 'ещё не было',

  syncHead: (dryRun: boolean, dir: string, engine: string) => `${dryRun ? 'Проверка, ничего не изменено: ' : ''}${dir} → ${engine}`,
  syncCounts: (c: { documents: number; uploaded: number; replaced: number; deleted: number; unchanged: number; failed: number; skipped: number }) =>
    `документов: ${c.documents}; загружено ${c.uploaded}, заменено ${c.replaced}, удалено ${c.deleted}, без изменений ${c.unchanged}, ошибок ${c.failed}, пропущено ${c.skipped}`,
  syncFailed: (path: string, reason: string) => `ошибка: ${path}: ${reason}`,
  syncStale: (names: string) => `загруженные документы без файлов всё ещё отвечают покупателям: ${names} (prune: true удалит их)`,

  queued: (seconds: number) => `поставлено в очередь: запущенный avito-ai держит хранилище и применит это в начале следующего прохода (в течение ${seconds} с)`,
  paused: (chatId: string, until: string) => `${chatId}: бот молчит в этом чате до ${until}.`,
  pauseQueued: (chatId: string, until: string, queued: string) => `${chatId}: пауза до ${until} ${queued}.`,
  accountPausedNow: (end: string) => `Бот не отвечает ни в одном чате аккаунта ${end}; вопросы ждут продавца непрочитанными.`,
  accountPauseQueued: (end: string, queued: string) => `Пауза всего аккаунта ${end} ${queued}.`,
  untilResume: 'до resume с all: true',
  untilOrResume: (until: string) => `до ${until} (или до resume с all: true)`,
  resumed: (chatId: string) => `${chatId}: бот снова отвечает в этом чате (на новые сообщения).`,
  resumeQueued: (chatId: string, queued: string) => `${chatId}: возобновление ${queued}.`,
  accountResumed: 'Бот снова отвечает на всём аккаунте: пауза аккаунта и остановка из-за другого бота сняты; вопросы, что ждали, получат ответ, если они не старше REPLY_MAX_AGE_HOURS.',
  accountResumeQueued: (queued: string) => `Возобновление всего аккаунта ${queued}.`,

  preview: (chatId: string, parts: number, hours: number) =>
    `Предпросмотр, ничего не отправлено. В чат ${chatId} уйдёт от имени продавца (${parts} сообщ.), затем бот замолчит в этом чате на ${hours} ч:`,
  confirmHint: 'Чтобы отправить, вызовите reply_as_seller ещё раз с теми же chat_id и text и confirm: true — только если продавец одобрил текст.',
  sent: (chatId: string, parts: number) => `${chatId}: отправлено от имени продавца (${parts} сообщ.)`,
  sentPaused: (hours: number) => `бот молчит в этом чате ${hours} ч`,
  sentPauseQueued: (queued: string) => `пауза ${queued}`,
  sentPauseFailed: (error: string) => `но паузу записать не удалось: ${error}. Текст ушёл, не отправляйте его снова; поставьте паузу инструментом pause`,
  alreadySent: (chatId: string, at: string) =>
    `Этот текст уже отправлен в чат ${chatId} в ${at}; второй раз не отправляю. Если нужно другое сообщение, измените текст.`,
};

const en: typeof ru = {
  instructions:
    "avito-ai answers buyers in Avito Messenger from the seller's documents. With these tools you help the seller: " +
    'see what the bot would answer a buyer (ask), which chats wait for a human (chats_waiting), read a chat (chat_history), ' +
    'answer a buyer as the seller (reply_as_seller: a preview first, sent only with confirm: true), ' +
    'stop or restart the bot (pause, resume), see the figures (stats) and update the knowledge base (sync_docs).',
  commandDescription: 'an MCP server for an AI assistant (Claude Desktop, Cursor): ask, read chats, answer a buyer, pause, figures',
  commandHelp:
    '\nThe assistant starts it: in its settings command "avito-ai", args ["mcp"] (example in README).\n' +
    'Tools: ask, chats_waiting, chat_history, reply_as_seller (sends only with confirm: true), pause, resume, stats, sync_docs.\n' +
    'Works while avito-ai poll or serve runs too: pauses and replies reach it as from avito-ai pause.\n' +
    'stdout carries the MCP protocol, the log goes to stderr. Stops when the assistant closes stdin, or on SIGTERM.',
  started: 'avito-ai MCP server waits for an assistant on stdin/stdout',
  stopped: 'avito-ai MCP server stopped',
  noStdin: 'avito-ai mcp is started by an assistant (Claude Desktop, Cursor): it needs stdin',

  askTitle: 'What the bot would answer',
  askDescription: 'The answer a buyer would get to this question, with the documents it comes from. Sends nothing.',
  askQuestion: "the buyer's question, as they would write it",
  askItem: "a listing id: answer as in the chat about this listing (its documents first)",
  chatsTitle: 'Chats waiting for the seller',
  chatsDescription: 'Chats handed to the seller (escalated) or where the bot is paused, newest first; and the account pause, if any.',
  chatsAll: 'list every chat the bot knows',
  historyTitle: 'Chat history',
  historyDescription: "One chat's latest messages from Avito (buyer and seller), oldest first, and the bot's state there.",
  historyChat: 'the Avito chat id, e.g. u2i-abc123',
  historyLimit: 'how many latest messages (default 20)',
  replyTitle: 'Answer a buyer as the seller',
  replyDescription:
    'Sends the text to the buyer as the seller and pauses the bot in that chat (HUMAN_PAUSE_HOURS). ' +
    'Without confirm: true it only shows what would be sent. Send only once the seller approved the text.',
  replyText: 'the text for the buyer',
  replyConfirm: 'true: send; otherwise a preview only',
  pauseTitle: 'Pause the bot',
  pauseDescription: 'The bot stays silent in a chat (or with all: true on the whole account) until the hours pass or resume.',
  pauseChat: 'the Avito chat id',
  pauseAll: 'true: on the whole account (questions wait unread for the seller)',
  pauseHours: 'for how many hours (default HUMAN_PAUSE_HOURS for a chat; until resume for the account)',
  resumeTitle: 'Resume the bot',
  resumeDescription: 'The bot answers in the chat again (new messages), or with all: true on the whole account.',
  resumeAll: 'true: on the whole account (lifts the account pause and the hold for another responder)',
  statsTitle: 'Bot figures',
  statsDescription: "The monitor's figures: questions, answers, escalations, pauses, the last pass and error.",
  syncTitle: 'Update the knowledge base',
  syncDescription: 'Makes the knowledge base equal to the documents folder (KNOWLEDGE_DIR): uploads what is new or changed, or indexes locally.',
  syncPrune: 'true: delete uploaded documents whose files are gone',
  syncDryRun: 'true: only show what would change',

  chatOrAll: 'give chat_id or all: true, not both',
  chatNeeded: 'give chat_id (or all: true for the whole account)',
  hoursNeeded: 'hours must be a positive number',
  textEmpty: 'text is empty: write what to send to the buyer',
  unknownChat: (chatId) => `Avito has no chat ${chatId}: check the id (chats_waiting with all: true lists the chats the bot knows)`,

  answerFor: 'The buyer would be answered:',
  silence: (kind) =>
    kind === 'greeting'
      ? '(nothing would be sent: a greeting without a question, GREETING_REPLY_TEXT is not set)'
      : '(nothing would be sent: thanks without a question, THANKS_REPLY_TEXT is not set)',
  status: (status) =>
    ({
      FOUND: 'found in the documents',
      NOT_FOUND: 'not in the documents',
      ESCALATION: 'a question for a human: the bot hands the chat to the seller',
      SMALL_TALK: 'no question',
    })[status] ?? status,
  sources: (sources) => `sources: ${sources}`,
  noSources: 'no sources',
  refused: (reason) => `the model's answer was not let through: ${reason}`,

  noWaiting: 'No chat waits for the seller: none escalated, answered in part or paused.',
  noChats: 'No chats in the store yet.',
  waiting: (n) => `Chats: ${n}`,
  escalated: 'handed to the seller',
  pausedUntil: (until, byHand) => `bot paused until ${until}${byHand ? ' (the seller answered)' : ''}`,
  active: 'bot answers',
  leftOut: (questions, answered) => `${answered ? 'the bot answered in part' : 'the bot found no answer'}, for the seller: "${questions.join('", "')}"`,
  lastActivity: (at) => `last message ${at}`,
  accountPaused: (until) =>
    `The bot is paused on the whole account ${until === undefined ? 'until resume with all: true' : `until ${until} (or resume with all: true)`}: no chat is answered, questions wait unread.`,
  anotherResponder: (chatId) =>
    `The bot is held on the whole account: another responder answers it (seen in chat ${chatId || '?'}); stop it, then resume with all: true.`,

  historyHead: (chatId, state) => `Chat ${chatId} · ${state}`,
  historyEmpty: 'no messages',
  buyer: 'buyer',
  seller: 'seller',

  statsLines: (s) =>
    [
      `Buyer questions: ${s.total}; waiting: ${s.pending}; answered: ${s.completed}; failed: ${s.failed}`,
      `Chats handed to the seller: ${s.escalated}; answered in part: ${s.leftOut}; paused: ${s.paused}; active dialogs: ${s.dialogs}`,
      `Last pass: ${s.lastPoll}`,
    ].join('\n'),
  statsAccountPause: (since, until) => `Account pause: since ${since}, ${until === undefined ? 'until resume with all: true' : `until ${until}`}`,
  statsNoAccountPause: 'Account pause: no',
  statsLastError: (error, at) => `Last error: ${error} (${at})`,
  statsRate: (found, partly, notFound, escalation) => `Answers: found ${found} (in part ${partly}), not found ${notFound}, escalated ${escalation}`,
  never: 'none yet',

  syncHead: (dryRun, dir, engine) => `${dryRun ? 'Dry run, nothing changed: ' : ''}${dir} → ${engine}`,
  syncCounts: (c) =>
    `documents: ${c.documents}; uploaded ${c.uploaded}, replaced ${c.replaced}, deleted ${c.deleted}, unchanged ${c.unchanged}, failed ${c.failed}, skipped ${c.skipped}`,
  syncFailed: (path, reason) => `failed: ${path}: ${reason}`,
  syncStale: (names) => `uploaded documents whose files are gone still answer buyers: ${names} (prune: true deletes them)`,

  queued: (seconds) => `queued: the running avito-ai holds the store and applies this at the start of its next pass (within ${seconds} s)`,
  paused: (chatId, until) => `${chatId}: the bot is silent in this chat until ${until}.`,
  pauseQueued: (chatId, until, queued) => `${chatId}: pause until ${until} ${queued}.`,
  accountPausedNow: (end) => `The bot answers no chat on the account ${end}; questions wait unread for the seller.`,
  accountPauseQueued: (end, queued) => `Account pause ${end} ${queued}.`,
  untilResume: 'until resume with all: true',
  untilOrResume: (until) => `until ${until} (or resume with all: true)`,
  resumed: (chatId) => `${chatId}: the bot answers in this chat again (new messages).`,
  resumeQueued: (chatId, queued) => `${chatId}: resume ${queued}.`,
  accountResumed: 'The bot answers on the whole account again: the account pause and any hold for another responder are lifted; questions that waited are answered if younger than REPLY_MAX_AGE_HOURS.',
  accountResumeQueued: (queued) => `Account resume ${queued}.`,

  preview: (chatId, parts, hours) => `Preview, nothing sent. Chat ${chatId} would get as the seller (${parts} message(s)), then the bot stays silent there for ${hours} h:`,
  confirmHint: 'To send, call reply_as_seller again with the same chat_id and text and confirm: true, only once the seller approved the text.',
  sent: (chatId, parts) => `${chatId}: sent as the seller (${parts} message(s))`,
  sentPaused: (hours) => `the bot is silent in this chat for ${hours} h`,
  sentPauseFailed: (error) => `but the pause could not be recorded: ${error}. The text went out, do not send it again; pause the chat with the pause tool`,
  sentPauseQueued: (queued) => `pause ${queued}`,
  alreadySent: (chatId, at) => `This text was already sent to chat ${chatId} at ${at}; not sending it twice. For another message, change the text.`,
};

export const mcpServerText = defineMessages({ ru, en });
