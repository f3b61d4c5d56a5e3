/** `avito-ai --help` and every command's help: descriptions, options, examples and commander's own headings. */
import { defineMessages } from './catalogue.js';

export const helpText = defineMessages({
  ru: {
    usage: 'Запуск:',
    options: 'Параметры:',
    commands: 'Команды:',
    arguments: 'Аргументы:',
    globalOptions: 'Общие параметры:',
    optionsWord: '[параметры]',
    commandWord: '[команда]',
    choices: (list: string) => `можно: ${list}`,
    defaultValue: (value: string) => `по умолчанию: ${value}`,
    helpOption: 'показать справку по команде',
    helpCommand: 'показать справку по команде',
    version: 'показать версию',
    program: 'Отвечает покупателям в Авито Мессенджере по вашим документам и зовёт вас, когда нужен человек.',
    envFile: 'брать настройки из этого файла, а не из ./.env',
    store: 'файл хранилища (STORE_PATH), по умолчанию ./data/avito-ai.json',
    debug: 'при ошибках показывать подробности для разработчика (то же, что DEBUG=avito-ai)',
    programAfter: (example: string) => `
Примеры:
  $ avito-ai demo                        попробовать без ключей: учебный Авито на этом компьютере и примеры документов
  $ avito-ai ask "Как доставляете?"      проверить, что ответят покупателю
  $ avito-ai poll                        работать постоянно: отвечать покупателям каждые AVITO_POLL_INTERVAL секунд
  $ avito-ai serve                       работать по вебхукам: ответ за секунды, плюс панель мониторинга
  $ avito-ai poll --once --dry-run       показать, что ушло бы за один проход, ничего не отправляя

Настройки берутся из .env, переменных окружения и параметров команды (см. ${example}).
По-английски: AVITO_AI_LANG=en.`,
    poll: 'работать постоянно: проходить по чатам и отвечать на новые сообщения покупателей',
    pollOnce: 'сделать один проход и выйти (для cron)',
    pollDryRun: 'решить и показать, что ушло бы; ничего не отправлять и не менять',
    pollInterval: 'секунд между проходами (AVITO_POLL_INTERVAL, по умолчанию 30)',
    pollConcurrency: 'сколько чатов обрабатывать одновременно (POLL_CONCURRENCY, по умолчанию 4)',
    pollAfter:
      '\nПримеры:\n  $ avito-ai poll\n  $ avito-ai poll --once            # из cron\n  $ avito-ai poll --once --dry-run\n\nПо SIGINT/SIGTERM дорабатывает текущий чат, сохраняет и выходит с кодом 0.',
    serve: 'работать по вебхукам: Авито сам присылает новые сообщения, покупатели получают ответ за секунды; плюс мониторинг',
    serveHost: 'адрес, на котором принимать вебхуки (HOST, по умолчанию 127.0.0.1)',
    servePort: 'порт для вебхуков, на который пересылает HTTPS-прокси (PORT, по умолчанию 8080)',
    serveAfter:
      '\nПримеры:\n  $ avito-ai serve\n  $ avito-ai register-webhook        затем, один раз: подписать ${APP_BASE_URL}/avito/webhook/${AVITO_WEBHOOK_SECRET}\n\nПриёмник вебхуков отвечает только на вебхук и на /health.\nМониторинг работает отдельно, на MONITOR_HOST:MONITOR_PORT (127.0.0.1:8081), и всегда с токеном: MONITOR_TOKEN\nили созданным и сохранённым в <хранилище>.monitor-token; при запуске serve печатает готовую ссылку на панель.\nПо SIGINT/SIGTERM отвечает в чатах из очереди, сохраняет и выходит с кодом 0.',
    registerWebhook:
      'подписать адрес вебхука serve на Авито (по умолчанию ${APP_BASE_URL}/avito/webhook/${AVITO_WEBHOOK_SECRET}), сначала проверив, что он отвечает',
    registerList: 'показать подписанные адреса',
    registerRemove: 'отписать адрес (иначе старый туннель так и будет получать сообщения)',
    registerJson: 'вместе с --list: вывести JSON',
    registerAfter:
      '\nПримеры:\n  $ avito-ai register-webhook\n  $ avito-ai register-webhook --list\n  $ avito-ai register-webhook --remove https://old-tunnel.example.ru/avito/webhook/...',
    doctor: 'проверить настройки, ключи и тариф Авито, вебхук, базу знаний, Telegram и хранилище; о каждой проблеме сказать, как её исправить',
    doctorJson: 'вывести проверки в JSON',
    doctorAfter:
      '\nПримеры:\n  $ avito-ai doctor\n  $ avito-ai doctor --env-file /etc/avito-ai/env\n\nНичего не отправляет и не меняет. Выходит с кодом 1, если какая-то проверка не прошла.',
    stats: 'цифры мониторинга (/stats) из хранилища, без запущенного сервера',
    statsJson: 'вывести JSON (тот же объект, что GET /stats)',
    statsAfter: '\nПример:\n  $ avito-ai stats --json',
    reply: 'ответить в одном чате сейчас или отправить туда свой текст от имени продавца',
    replyDryRun: 'показать, что ушло бы; ничего не отправлять и не менять',
    replyText: 'отправить этот текст от имени продавца и поставить бота в этом чате на паузу',
    replyAfter: '\nПримеры:\n  $ avito-ai reply u2i-abc123\n  $ avito-ai reply u2i-abc123 --text "Добрый день! Да, в наличии."',
    ask: 'ответить на вопрос по базе знаний точно так, как ответили бы покупателю (ключи Авито не нужны)',
    askItem: 'ответить как в чате об этом объявлении (сначала его документы)',
    askJson: 'вывести один объект JSON: status, answer, sources, engine, strategy, latency, tokens',
    knowledgeDir: 'папка с документами (KNOWLEDGE_DIR, по умолчанию ./docs/knowledge)',
    engine: 'движок базы знаний (KNOWLEDGE_ENGINE)',
    askAfter: '\nПримеры:\n  $ avito-ai ask "Сколько стоит доставка?"\n  $ avito-ai ask "Есть гарантия?" --item 4012345679 --json',
    pause: 'бот молчит в чате или на всём аккаунте (--all)',
    pauseAll: 'не отвечать ни в одном чате аккаунта до resume --all; вопросы ждут вас непрочитанными',
    pauseHours: 'на сколько часов (по умолчанию: HUMAN_PAUSE_HOURS для чата, до resume --all с --all)',
    pauseAfter:
      '\nПримеры:\n  $ avito-ai pause u2i-abc123 --hours 24\n  $ avito-ai pause --all              ни на что не отвечать до avito-ai resume --all\n  $ avito-ai pause --all --hours 3\n\nРаботает и при запущенном боте: он выполнит просьбу в начале следующего прохода.',
    resume: 'снова отвечать в чате на паузе или переданном вам (с новых сообщений) или на всём аккаунте (--all)',
    resumeAll: 'снова отвечать на всём аккаунте: снимает pause --all и остановку из-за другого отвечающего (сначала остановите его)',
    resumeAfter:
      '\nПримеры:\n  $ avito-ai resume u2i-abc123\n  $ avito-ai resume --all\n\nПосле resume --all бот ответит на ждавшие вопросы, если они моложе REPLY_MAX_AGE_HOURS;\nчаты, которые вы за это время поставили на паузу или где ответили сами, остаются на паузе.',
    chats: 'чаты, переданные вам и на паузе, с последней активностью',
    chatsAll: 'показать все известные чаты',
    json: 'вывести JSON',
    chatsAfter: '\nПример:\n  $ avito-ai chats',
    syncDocs: 'загрузить папку знаний в хранилище Gemini File Search (только изменения) или проиндексировать её здесь',
    syncPrune: 'заодно удалить загруженные документы, файлов которых больше нет',
    syncDryRun: 'показать, что изменится; ничего не менять',
    syncList: 'показать документы, из которых берутся ответы, с объявлением и состоянием',
    syncJson: 'вывести отчёт в JSON',
    syncAfter: '\nПримеры:\n  $ avito-ai sync-docs                 загрузить ./docs/knowledge (KNOWLEDGE_DIR)\n  $ avito-ai sync-docs --dry-run --prune\n  $ avito-ai sync-docs --list',
    telegramId: 'показать номера чатов Telegram, которые написали вашему боту (для TELEGRAM_OWNER_CHAT_ID)',
    telegramWait: 'сколько секунд ждать сообщения (по умолчанию 60)',
    telegramAfter: '\nПример:\n  $ avito-ai telegram-id      затем напишите вашему боту /start',
    demo: 'без ключей и без сети: учебный Авито на этом компьютере с чатами покупателей, ответы по docs/examples/knowledge',
    demoKnowledgeDir: 'отвечать по этой папке, а не по примерам',
    demoAfter: '\nПример:\n  $ avito-ai demo',
    sandbox: 'учебный Авито на этом компьютере, чтобы попробовать avito-ai без аккаунта: вы пишете как покупатель, бот отвечает',
    sandboxScenario: 'взять чаты из этого сценария JSON (по умолчанию: чаты демо; формат в README)',
    sandboxPort: 'порт (по умолчанию 8090; 0 — любой свободный)',
    sandboxHost: 'адрес',
    sandboxChat: 'писать как покупатель прямо здесь (так по умолчанию, если вы печатаете в терминале)',
    sandboxNoChat: 'без ввода: только показывать, что пишут покупатели и бот',
    sandboxAfter: `
Примеры:
  $ avito-ai sandbox
  затем в другом окне терминала запустите бота с ним:
  $ AVITO_API_URL=http://127.0.0.1:8090 AVITO_CLIENT_ID=sandbox-client AVITO_CLIENT_SECRET=sandbox-secret avito-ai poll --interval 3 --store data/avito-ai-sandbox.json
  и пишите как покупатель в строке ввода учебного Авито ("Покупатель (u2i-demo-coffee)> ") или из третьего окна:
  $ avito-ai sandbox say u2i-demo-coffee "Есть доставка в Казань?" --wait 60

В строке ввода: /чаты — список чатов, /чат 2 — перейти, /новый 2 — новый чат об объявлении, /помощь, /выход.`,
    sandboxSay: 'написать в чат запущенного учебного Авито от имени покупателя (из другого окна)',
    sandboxSayUrl: 'где работает учебный Авито (по умолчанию http://127.0.0.1:8090)',
    sandboxSayWait: 'ждать ответа бота до стольких секунд и показать его',
    sandboxSayAfter:
      '\nПримеры:\n  $ avito-ai sandbox say u2i-demo-coffee "Есть доставка в Казань?"\n  $ avito-ai sandbox say u2i-demo-vacuum "А гарантия какая?" --wait 60 --url http://127.0.0.1:8091',
  },
  en: {
    usage: 'Usage:',
    options: 'Options:',
    commands: 'Commands:',
    arguments: 'Arguments:',
    globalOptions: 'Global Options:',
    optionsWord: '[options]',
    commandWord: '[command]',
    choices: (list: string) => `choices: ${list}`,
    defaultValue: (value: string) => `default: ${value}`,
    helpOption: 'display help for command',
    helpCommand: 'display help for command',
    version: 'print the version',
    program: 'Answers buyers in Avito Messenger from your own documents, and hands over to a human when it should.',
    envFile: 'read settings from this file instead of ./.env',
    store: 'the store file (STORE_PATH), default ./data/avito-ai.json',
    debug: 'show stack traces on errors (same as DEBUG=avito-ai)',
    programAfter: (example: string) => `
Examples:
  $ avito-ai demo                        try it with no keys: a local Avito sandbox and example documents
  $ avito-ai ask "Как доставляете?"      check what a buyer would be answered
  $ avito-ai poll                        the daemon: answer buyers every AVITO_POLL_INTERVAL seconds
  $ avito-ai serve                       the webhook daemon: answer within seconds, with a dashboard
  $ avito-ai poll --once --dry-run       show what one pass would send, send nothing

Settings come from .env, the environment and flags (see ${example}).
In Russian: leave AVITO_AI_LANG unset (or AVITO_AI_LANG=ru).`,
    poll: 'the daemon: answer new buyer messages on every pass over your chats',
    pollOnce: 'make one pass and exit (for cron)',
    pollDryRun: 'decide and print what would be sent; send nothing, change nothing',
    pollInterval: 'seconds between passes (AVITO_POLL_INTERVAL, default 30)',
    pollConcurrency: 'chats handled at once (POLL_CONCURRENCY, default 4)',
    pollAfter: '\nExamples:\n  $ avito-ai poll\n  $ avito-ai poll --once            # from cron\n  $ avito-ai poll --once --dry-run\n\nSIGINT/SIGTERM finish the chat in hand, save, and exit 0.',
    serve: 'the webhook daemon: Avito delivers new messages, buyers are answered within seconds; plus the monitor',
    serveHost: 'address the webhook listener binds (HOST, default 127.0.0.1)',
    servePort: 'port of the webhook listener, what the HTTPS proxy forwards to (PORT, default 8080)',
    serveAfter:
      '\nExamples:\n  $ avito-ai serve\n  $ avito-ai register-webhook        then, once: subscribe ${APP_BASE_URL}/avito/webhook/${AVITO_WEBHOOK_SECRET}\n\nThe webhook listener serves only the webhook and a bare /health.\nMonitor: its own listener on MONITOR_HOST:MONITOR_PORT (127.0.0.1:8081), always with a token: MONITOR_TOKEN,\nor one generated and kept in <store>.monitor-token; serve prints the ready dashboard link at start.\nSIGINT/SIGTERM answer the queued chats, save, and exit 0.',
    registerWebhook: "subscribe serve's webhook URL at Avito (default ${APP_BASE_URL}/avito/webhook/${AVITO_WEBHOOK_SECRET}), after checking it answers",
    registerList: 'show the subscribed URLs',
    registerRemove: 'unsubscribe a URL (a stale tunnel keeps receiving messages otherwise)',
    registerJson: 'with --list: print JSON',
    registerAfter:
      '\nExamples:\n  $ avito-ai register-webhook\n  $ avito-ai register-webhook --list\n  $ avito-ai register-webhook --remove https://old-tunnel.example.ru/avito/webhook/...',
    doctor: 'check the settings, Avito keys and tariff, webhook, knowledge base, Telegram and the store; print each problem with its fix',
    doctorJson: 'print the checks as JSON',
    doctorAfter: '\nExamples:\n  $ avito-ai doctor\n  $ avito-ai doctor --env-file /etc/avito-ai/env\n\nSends nothing and changes nothing. Exits 1 when any check fails.',
    stats: 'the figures of the monitor (/stats) from the store, without a server running',
    statsJson: 'print JSON (the same object as GET /stats)',
    statsAfter: '\nExample:\n  $ avito-ai stats --json',
    reply: 'answer one chat now, or send your own text to it as the seller',
    replyDryRun: 'show what would be sent; send nothing, change nothing',
    replyText: 'send this text as the seller and pause the bot in the chat',
    replyAfter: '\nExamples:\n  $ avito-ai reply u2i-abc123\n  $ avito-ai reply u2i-abc123 --text "Добрый день! Да, в наличии."',
    ask: 'answer a question from the knowledge base, exactly as a buyer would be answered (no Avito keys needed)',
    askItem: 'answer as in the chat about this listing (its documents first)',
    askJson: 'print one JSON object: status, answer, sources, engine, strategy, latency, tokens',
    knowledgeDir: 'the documents folder (KNOWLEDGE_DIR, default ./docs/knowledge)',
    engine: 'the knowledge engine (KNOWLEDGE_ENGINE)',
    askAfter: '\nExamples:\n  $ avito-ai ask "Сколько стоит доставка?"\n  $ avito-ai ask "Есть гарантия?" --item 4012345679 --json',
    pause: 'keep the bot silent in a chat, or on the whole account (--all)',
    pauseAll: 'answer no chat on the account until resume --all; questions wait unread for you',
    pauseHours: 'for how long (default: HUMAN_PAUSE_HOURS for a chat, until resume --all with --all)',
    pauseAfter:
      '\nExamples:\n  $ avito-ai pause u2i-abc123 --hours 24\n  $ avito-ai pause --all              nothing is answered until avito-ai resume --all\n  $ avito-ai pause --all --hours 3\n\nWorks while the daemon runs: it applies the request at the start of its next pass.',
    resume: 'let the bot answer in a paused or escalated chat again (from new messages on), or on the whole account (--all)',
    resumeAll: 'answer on the whole account again: lifts pause --all and the hold after another responder was found (stop that one first)',
    resumeAfter:
      '\nExamples:\n  $ avito-ai resume u2i-abc123\n  $ avito-ai resume --all\n\nAfter resume --all, questions that waited are answered if younger than REPLY_MAX_AGE_HOURS;\nchats you paused or answered by hand meanwhile stay paused.',
    chats: 'list escalated and paused chats with their last activity',
    chatsAll: 'list every known chat',
    json: 'print JSON',
    chatsAfter: '\nExample:\n  $ avito-ai chats',
    syncDocs: 'upload the knowledge folder to the Gemini File Search store (only what changed), or index it locally',
    syncPrune: 'also delete uploaded documents whose files are gone',
    syncDryRun: 'list what would change; change nothing',
    syncList: 'show the documents answers come from, with their listing and state',
    syncJson: 'print the report as JSON',
    syncAfter: '\nExamples:\n  $ avito-ai sync-docs                 upload ./docs/knowledge (KNOWLEDGE_DIR)\n  $ avito-ai sync-docs --dry-run --prune\n  $ avito-ai sync-docs --list',
    telegramId: 'show the ids of the Telegram chats that wrote to your bot (for TELEGRAM_OWNER_CHAT_ID)',
    telegramWait: 'how long to wait for a message (default 60)',
    telegramAfter: '\nExample:\n  $ avito-ai telegram-id      then write /start to your bot',
    demo: 'no keys, no network: a local Avito sandbox with buyer chats, answered from docs/examples/knowledge',
    demoKnowledgeDir: 'answer from this folder instead of the examples',
    demoAfter: '\nExample:\n  $ avito-ai demo',
    sandbox: 'a local Avito API to try avito-ai on without an account: you write as the buyer, the bot answers',
    sandboxScenario: 'seed chats from this JSON scenario (default: the demo chats; format in README)',
    sandboxPort: 'port to listen on (default 8090; 0: any free port)',
    sandboxHost: 'address to listen on',
    sandboxChat: 'write as the buyer at a prompt here (the default when you type at a terminal)',
    sandboxNoChat: 'no prompt: only show what buyers and the bot write',
    sandboxAfter: `
Examples:
  $ avito-ai sandbox
  then, in another shell, the bot against it:
  $ AVITO_API_URL=http://127.0.0.1:8090 AVITO_CLIENT_ID=sandbox-client AVITO_CLIENT_SECRET=sandbox-secret avito-ai poll --interval 3 --store data/avito-ai-sandbox.json
  and type as the buyer at the sandbox's prompt ("Покупатель (u2i-demo-coffee)> "), or from a third shell:
  $ avito-ai sandbox say u2i-demo-coffee "Есть доставка в Казань?" --wait 60

At the prompt: /чаты lists the chats, /чат 2 switches, /новый 2 opens a chat about a listing, /помощь, /выход.`,
    sandboxSay: 'write into a chat of a running sandbox as its buyer (from another shell)',
    sandboxSayUrl: 'where the sandbox listens (default http://127.0.0.1:8090)',
    sandboxSayWait: "wait up to this long for the bot's answer and print it",
    sandboxSayAfter:
      '\nExamples:\n  $ avito-ai sandbox say u2i-demo-coffee "Есть доставка в Казань?"\n  $ avito-ai sandbox say u2i-demo-vacuum "А гарантия какая?" --wait 60 --url http://127.0.0.1:8091',
  },
});
