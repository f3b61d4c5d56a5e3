/** STORE_URL: a Redis address selects the Redis store; unset, the JSON file store is used. */
import { ConfigError } from '../errors.js';
import { redisText } from '../messages/redis.js';
import { hideUrlSecret } from '../net/url-secret.js';

export function parseStoreUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    throw new ConfigError('STORE_URL', redisText().badUrl(hideUrlSecret(value)), { hint: redisText().badUrlHint });
  }
  return value;
}
