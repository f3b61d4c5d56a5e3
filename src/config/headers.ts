/** Extra HTTP headers written in one setting (OPENAI_HEADERS, MCP_HEADERS): `Name: value; Name2: value`. */
import { ConfigError } from '../errors.js';

/** `malformed` words the error for a pair with no name, given the pair's first characters. */
export function parseHeaderSetting(key: string, raw: string | undefined, malformed: (start: string) => string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (raw ?? '').split(';').map((part) => part.trim())) {
    if (pair === '') continue;
    const colon = pair.indexOf(':');
    const name = colon > 0 ? pair.slice(0, colon).trim() : '';
    if (!/^[\w-]+$/.test(name)) throw new ConfigError(key, malformed(pair.slice(0, 15)));
    headers[name] = pair.slice(colon + 1).trim();
  }
  return headers;
}
