/** What the seller reads about many Avito accounts (ACCOUNTS_DIR): the account files, `--account`, and the account named in logs, notices and reports. */
import { defineMessages } from './catalogue.js';

export const accountsText = defineMessages({
  ru: {
    dirUnreadable: (dir: string, code: string) => `ACCOUNTS_DIR: не удаётся прочитать папку ${dir}: ${code}`,
    dirEmpty: (dir: string) => `ACCOUNTS_DIR: в папке ${dir} нет ни одного файла аккаунта <имя>.env`,
    dirHint: 'положите в папку ACCOUNTS_DIR по файлу на аккаунт Авито, например shop1.env с AVITO_CLIENT_ID, AVITO_CLIENT_SECRET и AVITO_WEBHOOK_SECRET (README «Несколько аккаунтов Авито»), или уберите ACCOUNTS_DIR',
    fileUnreadable: (file: string, code: string) => `не удаётся прочитать файл аккаунта ${file}: ${code}`,
    badName: (file: string) => `файл аккаунта ${file}: в имени аккаунта допустимы только латинские буквы, цифры, «-» и «_»`,
    badNameHint: 'переименуйте файл, например в shop-1.env: имя файла без .env — имя аккаунта в журнале, Telegram и --account',
    processWide: (file: string, key: string) => `${file}: ${key} — общая настройка всех аккаунтов, в файле аккаунта её задать нельзя`,
    processWideHint: (key: string) => `перенесите ${key} в основной .env (или окружение) и удалите строку из файла аккаунта`,
    inAccount: (name: string, file: string, message: string) => `аккаунт «${name}» (${file}): ${message}`,
    shared: (first: string, second: string, key: string) => `аккаунты «${first}» и «${second}»: одинаковый ${key}`,
    sharedHint: (key: string) =>
      key === 'STORE_PATH'
        ? 'у каждого аккаунта своё хранилище: уберите STORE_PATH из файлов аккаунтов (тогда это data/<имя>.json) или задайте разные'
        : `у каждого аккаунта свой ${key}: задайте его в файле каждого аккаунта, а не в основном .env`,
    botOwnersDiffer: (first: string, second: string) => `аккаунты «${first}» и «${second}»: один бот Telegram, но разные TELEGRAM_OWNER_CHAT_ID`,
    botOwnersDifferHint: 'у общего бота общие владельцы (любой из них может отвечать и ставить паузу в каждом его аккаунте): задайте одинаковый TELEGRAM_OWNER_CHAT_ID или дайте аккаунту своего бота (@BotFather, TELEGRAM_BOT_TOKEN в файле аккаунта)',
    chooseAccount: (names: string) => `аккаунтов несколько (${names}): укажите, какой, флагом --account <имя>`,
    chooseAccountHint: 'имена аккаунтов — имена файлов в ACCOUNTS_DIR без .env',
    unknownAccount: (name: string, names: string) => `аккаунта «${name}» нет; есть: ${names}`,
    noAccountsDir: (name: string) => `--account ${name}: ACCOUNTS_DIR не задан, аккаунт здесь один`,
    noAccountsDirHint: 'уберите --account или задайте ACCOUNTS_DIR (README «Несколько аккаунтов Авито»)',
    accountOption: 'аккаунт Авито из ACCOUNTS_DIR (имя его файла без .env)',
    accountLine: (name: string) => `🏪 Аккаунт «${name}»`,
    accountHeading: (name: string) => `── Аккаунт «${name}» ──`,
    accountStopped: (name: string, error: string) => `аккаунт «${name}» остановлен: ${error}; остальные аккаунты работают`,
    accountsStarted: (names: string) => `аккаунты: ${names}`,
    deliveryForStopped: 'доставка для остановленного аккаунта не обработана: её найдёт страховочный проход после перезапуска',
    switcher: 'Аккаунт:',
    accountProblem: (name: string, title: string) => `Аккаунт «${name}»: ${title}`,
  },
  en: {
    dirUnreadable: (dir: string, code: string) => `ACCOUNTS_DIR: cannot read the folder ${dir}: ${code}`,
    dirEmpty: (dir: string) => `ACCOUNTS_DIR: the folder ${dir} holds no account file <name>.env`,
    dirHint: 'put one file per Avito account in ACCOUNTS_DIR, e.g. shop1.env with AVITO_CLIENT_ID, AVITO_CLIENT_SECRET and AVITO_WEBHOOK_SECRET (README "Несколько аккаунтов Авито"), or remove ACCOUNTS_DIR',
    fileUnreadable: (file: string, code: string) => `cannot read the account file ${file}: ${code}`,
    badName: (file: string) => `account file ${file}: an account name may hold only Latin letters, digits, "-" and "_"`,
    badNameHint: 'rename the file, e.g. to shop-1.env: the file name without .env is the account name in the log, Telegram and --account',
    processWide: (file: string, key: string) => `${file}: ${key} is shared by all accounts and cannot be set in an account file`,
    processWideHint: (key: string) => `move ${key} to the main .env (or the environment) and remove the line from the account file`,
    inAccount: (name: string, file: string, message: string) => `account "${name}" (${file}): ${message}`,
    shared: (first: string, second: string, key: string) => `accounts "${first}" and "${second}" have the same ${key}`,
    sharedHint: (key: string) =>
      key === 'STORE_PATH'
        ? 'each account has its own store: remove STORE_PATH from the account files (it is then data/<name>.json) or set different ones'
        : `each account has its own ${key}: set it in every account's file, not in the main .env`,
    botOwnersDiffer: (first: string, second: string) => `accounts "${first}" and "${second}" share a Telegram bot but not its TELEGRAM_OWNER_CHAT_ID`,
    botOwnersDifferHint: "a shared bot has shared owners (any of them may reply and pause in each of its accounts): set the same TELEGRAM_OWNER_CHAT_ID or give the account a bot of its own (@BotFather, TELEGRAM_BOT_TOKEN in the account's file)",
    chooseAccount: (names: string) => `there are several accounts (${names}): name one with --account <name>`,
    chooseAccountHint: 'account names are the file names in ACCOUNTS_DIR without .env',
    unknownAccount: (name: string, names: string) => `there is no account "${name}"; there are: ${names}`,
    noAccountsDir: (name: string) => `--account ${name}: ACCOUNTS_DIR is not set, there is one account here`,
    noAccountsDirHint: 'drop --account or set ACCOUNTS_DIR (README "Несколько аккаунтов Авито")',
    accountOption: 'the Avito account in ACCOUNTS_DIR (its file name without .env)',
    accountLine: (name: string) => `🏪 Account "${name}"`,
    accountHeading: (name: string) => `── Account "${name}" ──`,
    accountStopped: (name: string, error: string) => `account "${name}" stopped: ${error}; the other accounts keep running`,
    accountsStarted: (names: string) => `accounts: ${names}`,
    deliveryForStopped: 'a delivery for a stopped account was not handled: the safety pass after a restart finds it',
    switcher: 'Account:',
    accountProblem: (name: string, title: string) => `Account "${name}": ${title}`,
  },
});
