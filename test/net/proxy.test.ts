import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createRequester } from '../../src/avito/http.js';
import { getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installProxyFromEnv } from '../../src/net/proxy.js';
import { closeServer, listen, port, startProxy, type Proxy } from '../helpers/forward-proxy.js';

let proxy: Proxy;
let target: Server;
let targetUrl: string;
let targetHost: string;
let closedPort: number;
const original: Dispatcher = getGlobalDispatcher();
const warnings: Array<{ name: string; code?: string }> = [];
const onWarning = (warning: Error & { code?: string }) => warnings.push({ name: warning.name, code: warning.code });

beforeAll(async () => {
  process.on('warning', onWarning);
  proxy = await startProxy();
  target = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url }));
  });
  await listen(target);
  targetUrl = `http://127.0.0.1:${port(target)}`;
  targetHost = `127.0.0.1:${port(target)}`;
  const spare = createServer();
  await listen(spare);
  closedPort = port(spare);
  await closeServer(spare);
});

afterEach(async () => {
  const installed = getGlobalDispatcher();
  setGlobalDispatcher(original);
  if (installed !== original) await installed.close();
  proxy.seen.length = 0;
  proxy.authorizations.length = 0;
});

afterAll(async () => {
  process.off('warning', onWarning);
  await closeServer(proxy.server);
  await closeServer(target);
});

describe('installProxyFromEnv', () => {
  it('routes fetch through HTTP_PROXY (and says so, without the experimental warning)', async () => {
    // NO_PROXY is set empty on purpose: loopback is proxied unless NO_PROXY says otherwise.
    expect(installProxyFromEnv({ HTTP_PROXY: proxy.url, NO_PROXY: '' })).toEqual({ proxy: proxy.url });
    const response = await fetch(`${targetUrl}/via-fetch`);
    expect(await response.json()).toEqual({ path: '/via-fetch' });
    expect(proxy.seen).toEqual([`CONNECT ${targetHost}`]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.code === 'UNDICI-EHPA')).toEqual([]);
  });

  it("routes the Avito client's requests through it too (undici's request uses the global dispatcher)", async () => {
    installProxyFromEnv({ http_proxy: proxy.url });
    expect(await getVia(`${targetUrl}`, '/via-avito')).toEqual({ path: '/via-avito' });
    expect(proxy.seen).toEqual([`CONNECT ${targetHost}`]);
  });

  it('leaves hosts listed in NO_PROXY alone', async () => {
    installProxyFromEnv({ HTTP_PROXY: proxy.url, NO_PROXY: 'example.org, 127.0.0.1' });
    expect(await getVia(`${targetUrl}`, '/direct')).toEqual({ path: '/direct' });
    expect(proxy.seen).toEqual([]);
  });

  it('tunnels https through HTTPS_PROXY with CONNECT', async () => {
    expect(installProxyFromEnv({ HTTPS_PROXY: proxy.url })).toEqual({ proxy: proxy.url });
    // Nothing listens there, so the tunnel fails, but only after the proxy saw it.
    await expect(fetch(`https://127.0.0.1:${closedPort}/secure`)).rejects.toThrow();
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${closedPort}`]);
    // HTTPS_PROXY alone leaves plain http direct, as undici (and curl) do.
    await fetch(`${targetUrl}/plain`);
    expect(proxy.seen).toHaveLength(1);
  });

  it('sends proxy credentials and masks the password in what it returns', async () => {
    const withAuth = proxy.url.replace('http://', 'http://seller:s3cret@');
    expect(installProxyFromEnv({ HTTP_PROXY: withAuth })).toEqual({ proxy: proxy.url.replace('http://', 'http://seller:***@') });
    await fetch(`${targetUrl}/auth`);
    expect(proxy.authorizations).toEqual([`Basic ${Buffer.from('seller:s3cret').toString('base64')}`]);
  });

  it('reads only the env it is given and does nothing without a proxy', async () => {
    expect(installProxyFromEnv({ NO_PROXY: '*' })).toEqual({});
    expect(installProxyFromEnv({ HTTP_PROXY: '  ' })).toEqual({});
    expect(getGlobalDispatcher()).toBe(original);
    await fetch(`${targetUrl}/plain`);
    expect(proxy.seen).toEqual([]);
  });
});

describe('proxyAgentFor (clients that take an http.Agent: telegraf)', () => {
  it('gives an agent through the proxy, none when NO_PROXY covers the host or no proxy is set', async () => {
    const { proxyAgentFor } = await import('../../src/net/proxy.js');
    expect(await proxyAgentFor('https://api.telegram.org', { httpsProxy: 'http://proxy:3128' })).toBeDefined();
    expect(await proxyAgentFor('https://api.telegram.org', { httpsProxy: 'http://proxy:3128', noProxy: '.telegram.org' })).toBeUndefined();
    expect(await proxyAgentFor('https://api.telegram.org', {})).toBeUndefined();
    expect(await proxyAgentFor('http://relay.local', { httpsProxy: 'http://proxy:3128' })).toBeUndefined();
  });

  it.each([
    ['*', 'https://api.telegram.org', true],
    ['telegram.org', 'https://api.telegram.org', true],
    ['.telegram.org', 'https://api.telegram.org', true],
    ['*.telegram.org', 'https://api.telegram.org', true],
    ['legram.org', 'https://api.telegram.org', false],
    ['api.telegram.org:8443', 'https://api.telegram.org', false],
    ['api.telegram.org:443', 'https://api.telegram.org', true],
    ['localhost, 127.0.0.1', 'http://127.0.0.1:8080', true],
    ['', 'https://api.telegram.org', false],
  ])('NO_PROXY=%j for %s bypasses: %s', async (noProxy, url, expected) => {
    const { bypassesProxy } = await import('../../src/net/proxy.js');
    expect(bypassesProxy(new URL(url), noProxy)).toBe(expected);
  });
});

/** A GET through the Avito client's transport, without retries. */
function getVia(baseUrl: string, path: string): Promise<unknown> {
  return createRequester({ baseUrl, retry: { limit: 0 } })({ method: 'GET', path, endpoint: `GET ${path}`, idempotent: true });
}
