/** What the JSON store says when its files cannot be read or written, or hold what it cannot use: the CLI's error line and doctor. */
import { defineMessages } from './catalogue.js';

export const storeText = defineMessages({
  ru: {
    cannotRead: (path: string, detail: string) => `не удаётся прочитать ${path}: ${detail}`,
    cannotWrite: (path: string, detail: string) => `не удаётся записать ${path}: ${detail}`,
    diskFull: 'диск заполнен: освободите место и перезапустите avito-ai',
    quotaExceeded: 'превышена дисковая квота: освободите место или увеличьте квоту',
    readOnlyFs: 'файловая система только для чтения: укажите в STORE_PATH место, куда можно писать',
    notReadable: (path: string) => `${path} недоступен для чтения этому пользователю: исправьте права на файл`,
    notWritable: (dir: string) =>
      `в ${dir} этому пользователю писать нельзя: запускайте avito-ai от владельца папки, или выполните sudo chown -R "$(id -un)" ${dir}, или укажите другой STORE_PATH`,
    isDirectory: (path: string) => `${path} — папка: уберите её или укажите в STORE_PATH файл`,
    notDirectory: (dir: string) => `часть пути ${dir} — файл, а не папка: укажите другой STORE_PATH`,
    tooManyFiles: 'открыто слишком много файлов: увеличьте предел (ulimit -n)',
    checkReadable: (dir: string) => `проверьте, что ${dir} существует и доступна для чтения`,
    checkWritable: (dir: string) => `проверьте, что ${dir} существует и доступна для записи`,
    journalBroken: (message: string) => `${message}; журнал не удалось восстановить`,
    journalBrokenHint: (fix: string) => `${fix}, затем перезапустите avito-ai (при запуске он отрежет оборванную строку)`,
    fixTheProblem: 'устраните причину',
    newerSchema: (path: string, version: number, known: number) =>
      `${path} записан более новой версией avito-ai (версия схемы хранилища ${version}; эта версия знает до ${known})`,
    newerSchemaHint: 'обновите avito-ai (npm install -g avito-ai@latest); файл оставлен как был',
    // What is wrong inside a corrupt file
    topLevelNotObject: 'верхний уровень — не объект JSON',
    schemaVersionInvalid: (value: string) => `schemaVersion ${value} — не номер версии`,
    sectionNotObject: (key: string) => `"${key}" — не объект`,
    processedNotList: '"processed" — не список номеров сообщений',
    chatWithoutBotIds: (chatId: string) => `у чата ${chatId} нет списка botMessageIds`,
    journalLine: (line: number, problem: string) => `строка ${line}: ${problem}`,
    lineNotJson: 'не JSON',
    lineWrongShape: 'запись не того вида',
    fileEmpty: 'файл пуст (запись оборвалась?)',
    fileNotJson: (detail: string) => `не JSON (${detail})`,
    // Requests queued for the running daemon
    inboxCannotWrite: (path: string, detail: string) => `не удаётся записать ${path}: ${detail}`,
    inboxCannotWriteHint: 'проверьте права на папку хранилища',
    inboxUnreadable: (reader: string, op: string, path: string, writer: string) =>
      `запущенный avito-ai (пользователь ${reader}) не сможет прочитать запрос ${op}, поставленный в ${path}: файл принадлежит ${writer}; запрос будет отложен невыполненным`,
    inboxUnreadableHint: (reader: string) => `выполните команду от пользователя ${reader}, например через обёртку avito-ai из docs/deploy.md или sudo -u ${reader}`,
  },
  en: {
    cannotRead: (path: string, detail: string) => `Cannot read ${path}: ${detail}`,
    cannotWrite: (path: string, detail: string) => `Cannot write ${path}: ${detail}`,
    diskFull: 'disk full: free some space, then restart avito-ai',
    quotaExceeded: 'disk quota exceeded: free some space or raise the quota',
    readOnlyFs: 'the file system is read-only: set STORE_PATH to a writable location',
    notReadable: (path: string) => `${path} is not readable by this user: fix its permissions`,
    notWritable: (dir: string) =>
      `${dir} is not writable by this user: run avito-ai as its owner, or sudo chown -R "$(id -un)" ${dir}, or set STORE_PATH elsewhere`,
    isDirectory: (path: string) => `${path} is a directory: move it away or set STORE_PATH to a file`,
    notDirectory: (dir: string) => `a part of ${dir} is a file, not a directory: set STORE_PATH elsewhere`,
    tooManyFiles: 'too many open files: raise the limit (ulimit -n)',
    checkReadable: (dir: string) => `check that ${dir} exists and is readable`,
    checkWritable: (dir: string) => `check that ${dir} exists and is writable`,
    journalBroken: (message: string) => `${message}; the journal could not be repaired`,
    journalBrokenHint: (fix: string) => `${fix}, then restart avito-ai (it cuts the torn line off on start)`,
    fixTheProblem: 'fix the problem',
    newerSchema: (path: string, version: number, known: number) =>
      `${path} was written by a newer avito-ai (store schema version ${version}; this version knows up to ${known})`,
    newerSchemaHint: 'upgrade avito-ai (npm install -g avito-ai@latest); the file was left untouched',
    topLevelNotObject: 'the top level is not a JSON object',
    schemaVersionInvalid: (value: string) => `schemaVersion ${value} is not a version number`,
    sectionNotObject: (key: string) => `"${key}" is not an object`,
    processedNotList: '"processed" is not a list of message ids',
    chatWithoutBotIds: (chatId: string) => `chat ${chatId} has no botMessageIds list`,
    journalLine: (line: number, problem: string) => `line ${line} ${problem}`,
    lineNotJson: 'is not valid JSON',
    lineWrongShape: 'is not a record of the expected shape',
    fileEmpty: 'the file is empty (a write was cut short?)',
    fileNotJson: (detail: string) => `not valid JSON (${detail})`,
    inboxCannotWrite: (path: string, detail: string) => `cannot write ${path}: ${detail}`,
    inboxCannotWriteHint: 'check the permissions of the store directory',
    inboxUnreadable: (reader: string, op: string, path: string, writer: string) =>
      `the running avito-ai (user ${reader}) cannot read the ${op} request queued in ${path}, a file of ${writer}: it will be set aside unapplied`,
    inboxUnreadableHint: (reader: string) => `run the command as ${reader}, e.g. through the avito-ai wrapper of docs/deploy.md, or sudo -u ${reader}`,
  },
});
