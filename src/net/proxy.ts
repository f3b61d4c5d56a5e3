import type { Agent as HttpAgent } from 'node:http';
import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, setGlobalDispatcher, type Dispatcher } from 'undici';

/** The Avito client and the Gemini SDK share undici's global dispatcher; variables are read as curl does (lower case first). */
export function installProxyFromEnv(env: NodeJS.ProcessEnv = process.env): { proxy?: string } {
  const httpsProxy = readEnv(env, 'https_proxy');
  const httpProxy = readEnv(env, 'http_proxy');
  if (!httpsProxy && !httpProxy) return {};
  // Every value explicit (empty = none): undici would otherwise read process.env, not the `env` we were given.
  const options = { httpProxy: httpProxy ?? '', httpsProxy: httpsProxy ?? '', noProxy: readEnv(env, 'no_proxy') ?? '' };
  setGlobalDispatcher(withoutExperimentalWarning(() => new EnvHttpProxyAgent(options)));
  return { proxy: maskPassword((httpsProxy ?? httpProxy)!) };
}

function readEnv(env: NodeJS.ProcessEnv, lowerName: string): string | undefined {
  for (const value of [env[lowerName], env[lowerName.toUpperCase()]]) {
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** undici 6 warns once that EnvHttpProxyAgent is experimental: noise the seller can do nothing about. */
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

/** For clients that take an agent instead of using `fetch` (telegraf's node-fetch); undefined when no proxy applies. */
export async function proxyAgentFor(
  target: string,
  proxy: { httpsProxy?: string | undefined; httpProxy?: string | undefined; noProxy?: string | undefined },
): Promise<HttpAgent | undefined> {
  const url = new URL(target);
  const via = url.protocol === 'https:' ? proxy.httpsProxy : proxy.httpProxy;
  if (!via || bypassesProxy(url, proxy.noProxy)) return undefined;
  const { HttpsProxyAgent } = await import('https-proxy-agent');
  return new HttpsProxyAgent(via);
}

/** NO_PROXY as curl reads it. */
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

/**
 * A dispatcher that trusts `caPem` on top of Node's own roots (an explicit `ca` replaces them), through the proxy
 * when one applies: for a service whose certificates chain to a root Node does not ship (GigaChat's).
 */
export function createDispatcherTrusting(
  caPem: string,
  proxy: { httpsProxy?: string | undefined; httpProxy?: string | undefined; noProxy?: string | undefined },
): Dispatcher {
  const ca = [...rootCertificates, caPem];
  if (!proxy.httpsProxy && !proxy.httpProxy) return new Agent({ connect: { ca } });
  return withoutExperimentalWarning(
    () => new EnvHttpProxyAgent({ httpProxy: proxy.httpProxy ?? '', httpsProxy: proxy.httpsProxy ?? '', noProxy: proxy.noProxy ?? '', connect: { ca }, requestTls: { ca } } as ConstructorParameters<typeof EnvHttpProxyAgent>[0]),
  );
}
