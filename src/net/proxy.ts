/**
 * Outbound proxy support. Telegram and Gemini are often unreachable from Russian servers without
 * a proxy; the Avito client (undici's `request`) and the Gemini SDK (`fetch`) both go through
 * undici's global dispatcher, so setting it routes them all.
 */
import type { Agent } from 'node:http';
import { EnvHttpProxyAgent, setGlobalDispatcher } from 'undici';

/**
 * Routes every `fetch` of the process through `HTTPS_PROXY`/`HTTP_PROXY` (either case) when one
 * is set, honouring `NO_PROXY`. Returns the proxy in use, password masked, for a startup line;
 * `{}` when no proxy is configured (the dispatcher is left untouched).
 */
export function installProxyFromEnv(env: NodeJS.ProcessEnv = process.env): { proxy?: string } {
  const httpsProxy = readEnv(env, 'https_proxy');
  const httpProxy = readEnv(env, 'http_proxy');
  if (!httpsProxy && !httpProxy) return {};
  // Every value is passed explicitly (empty string = none): undici would otherwise read
  // process.env behind our back, and `env` is what the caller asked us to use.
  const options = { httpProxy: httpProxy ?? '', httpsProxy: httpsProxy ?? '', noProxy: readEnv(env, 'no_proxy') ?? '' };
  setGlobalDispatcher(withoutExperimentalWarning(() => new EnvHttpProxyAgent(options)));
  return { proxy: maskPassword((httpsProxy ?? httpProxy)!) };
}

/** Lower case wins, as in curl and undici. Blank counts as unset. */
function readEnv(env: NodeJS.ProcessEnv, lowerName: string): string | undefined {
  for (const value of [env[lowerName], env[lowerName.toUpperCase()]]) {
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/**
 * undici 6 warns "EnvHttpProxyAgent is experimental" on stderr the first time one is built; the
 * seller can do nothing about it, so that one warning (code UNDICI-EHPA) is swallowed.
 */
function withoutExperimentalWarning<T>(build: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const code = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as { code?: unknown }).code : rest[1];
    if (code === 'UNDICI-EHPA') return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return build();
  } finally {
    process.emitWarning = emitWarning;
  }
}

function maskPassword(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return proxy.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
  }
}

/**
 * An http.Agent through the proxy for one https URL, for clients that take an agent instead of
 * using `fetch` (telegraf's node-fetch). Undefined when no proxy applies (none set, or the host is
 * in NO_PROXY).
 */
export async function proxyAgentFor(
  target: string,
  proxy: { httpsProxy?: string | undefined; httpProxy?: string | undefined; noProxy?: string | undefined },
): Promise<Agent | undefined> {
  const url = new URL(target);
  const via = url.protocol === 'https:' ? proxy.httpsProxy : proxy.httpProxy;
  if (!via || bypassesProxy(url, proxy.noProxy)) return undefined;
  const { HttpsProxyAgent } = await import('https-proxy-agent');
  return new HttpsProxyAgent(via);
}

/** NO_PROXY as curl reads it: `*`, host names (matching subdomains too), optional `:port`. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of (noProxy ?? '').split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const [name = '', entryPort] = entry.replace(/^\*?\./, '').split(':');
    if (entryPort !== undefined && entryPort !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}
