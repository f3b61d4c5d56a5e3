/**
 * `avito-ai doctor` with STORE_URL: Redis answers, keeps what it is told across a restart (AOF: without it a restart forgets the write-ahead
 * records and the bot may answer twice), and which processes share the work now.
 */
import type { Config } from '../config/config.js';
import { failure, type CheckResult } from './doctor-check.js';
import { redisText } from '../messages/redis.js';
import { hideUrlSecret } from '../net/url-secret.js';
import { openStoreFor, sharedChatLock } from './services.js';

export async function checkRedisStore(config: Config, title: string): Promise<CheckResult> {
  const text = redisText();
  const base = { id: 'store', title };
  let store;
  try {
    store = await openStoreFor(config, { readOnly: true });
  } catch (error) {
    return { ...base, ...failure(error) };
  }
  try {
    const shared = sharedChatLock(store)!;
    const chats = store.listChats().length;
    const [aof, passHolder, workers] = await Promise.all([
      shared.redis.config('GET', 'appendonly').then((reply) => (reply as string[])[1] ?? '?', () => '?'),
      shared.redis.get(`${shared.prefix}lease:pass`),
      shared.redis.call('XINFO', 'CONSUMERS', `${shared.prefix}queue`, 'workers').then((reply) => (reply as unknown[]).length, () => 0),
    ]);
    const detail = text.doctorSummary(hideUrlSecret(config.store.url ?? ''), chats, workers, passHolder ? passHolder.replace(/#\d+$/, '') : undefined);
    if (aof === 'no') return { ...base, status: 'warn', detail: `${detail}; ${text.noPersistence}`, fix: text.noPersistenceFix };
    if (aof === '?') return { ...base, status: 'warn', detail: `${detail}; ${text.persistenceUnknown}`, fix: text.noPersistenceFix };
    return { ...base, status: 'ok', detail };
  } finally {
    await store.close();
  }
}
