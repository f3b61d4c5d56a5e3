/** One module for the Redis server: connecting, naming keys per account, and turning its failures into StoreError. */
import { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { StoreError, describeError } from '../errors.js';
import { redisText } from '../messages/redis.js';
import { hideUrlSecret } from '../net/url-secret.js';

export type RedisClient = Redis;

/** Connects now, so a wrong address stops the command with one line instead of failing every write later. A restart of Redis is waited out (the client reconnects and replays queued commands). */
export async function connectRedis(storeUrl: string, name: string): Promise<RedisClient> {
  const client = new Redis(storeUrl, { lazyConnect: true, connectionName: name, connectTimeout: 5000, maxRetriesPerRequest: 20 });
  // Failures reach callers through their commands; the client's own 'error' events would otherwise crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new StoreError(redisText().unreachable(hideUrlSecret(storeUrl), describeError(error)), hideUrlSecret(storeUrl), 'io', { cause: error, hint: redisText().unreachableHint });
  }
  return client;
}

/** Any failed Redis call, as the store's error. */
export function toRedisError(error: unknown, storeUrl: string): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError(redisText().commandFailed(describeError(error)), hideUrlSecret(storeUrl), 'io', { cause: error, hint: redisText().unreachableHint });
}

/** Keys of one account: `avito-ai:{<account>}:<name>` (the braces keep an account's keys in one Redis Cluster slot). */
export function accountPrefix(account: string): string {
  return `avito-ai:{${account}}:`;
}

/** Who holds a lease: host, pid and a random part, so a restarted process with a reused pid is someone else. */
export function createOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
