/** What the Redis store and its coordination say: the CLI's error line, doctor and the log. */
import { defineMessages } from './catalogue.js';

export const redisText = defineMessages({
  ru: {
    unreachable: (url: string, detail: string) => `Redis по адресу ${url} недоступен: ${detail}`,
    unreachableHint: 'запустите redis-server (с appendonly yes) или исправьте STORE_URL',
    badUrl: (value: string) => `STORE_URL «${value}» — не адрес Redis`,
    badUrlHint: 'пример: STORE_URL=redis://127.0.0.1:6379/0 (или rediss:// для TLS); без STORE_URL работает файловое хранилище',
    commandFailed: (detail: string) => `Redis не выполнил запрос: ${detail}`,
    fenced: (chatId: string) => `чат ${chatId} уже обрабатывает другой процесс: запись отклонена, ответ не отправлен`,
    leaseBusy: (chatId: string, seconds: number) => `чат ${chatId} занят другим процессом дольше ${seconds} с: попробую позже`,
    queueRefused: (detail: string) => `Redis не принял сообщение в общую очередь (${detail}): его найдёт ближайший проход по чатам`,
    noPersistence: 'в Redis выключено сохранение на диск (appendonly no): после его перезапуска бот может ответить дважды',
    noPersistenceFix: 'включите в Redis appendonly yes (redis-cli CONFIG SET appendonly yes и то же в redis.conf)',
    persistenceUnknown: 'не удалось узнать, включён ли appendonly (CONFIG GET запрещён?)',
    doctorSummary: (url: string, chats: number, workers: number, passHolder: string | undefined) =>
      `${url}: чатов ${chats}; процессов в общей очереди ${workers}; проходы ведёт ${passHolder ?? 'сейчас никто'}`,
  },
  en: {
    unreachable: (url: string, detail: string) => `Redis at ${url} is unreachable: ${detail}`,
    unreachableHint: 'start redis-server (with appendonly yes) or fix STORE_URL',
    badUrl: (value: string) => `STORE_URL "${value}" is not a Redis address`,
    badUrlHint: 'for example STORE_URL=redis://127.0.0.1:6379/0 (or rediss:// for TLS); without STORE_URL the file store is used',
    commandFailed: (detail: string) => `Redis refused a request: ${detail}`,
    fenced: (chatId: string) => `chat ${chatId} is handled by another process: the write was refused, nothing was sent`,
    leaseBusy: (chatId: string, seconds: number) => `chat ${chatId} has been busy in another process for over ${seconds} s: will try later`,
    queueRefused: (detail: string) => `Redis did not take the message into the shared queue (${detail}): the next pass over the chats finds it`,
    noPersistence: 'Redis keeps nothing on disk (appendonly no): after it restarts the bot may answer twice',
    noPersistenceFix: 'turn appendonly yes on in Redis (redis-cli CONFIG SET appendonly yes, and the same in redis.conf)',
    persistenceUnknown: 'could not tell whether appendonly is on (CONFIG GET refused?)',
    doctorSummary: (url: string, chats: number, workers: number, passHolder: string | undefined) =>
      `${url}: ${chats} chats; ${workers} processes on the shared queue; passes run by ${passHolder ?? 'nobody right now'}`,
  },
});
