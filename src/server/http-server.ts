/**
 * The HTTP side of `avito-ai serve`: Avito's webhook deliveries in, the seller's monitor out.
 * It only speaks HTTP: what a delivery means is the injected parser's call, what to do with it
 * the inbox's, and the figures come from the `Monitor` it is given. Nothing a client sends can
 * throw out of a handler: every request ends in a status code.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '../net/hosts.js';
import { DASHBOARD_HTML, DASHBOARD_SCRIPT } from './dashboard.js';

/** Larger webhook bodies get 413: a real delivery is a few hundred bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long `close()` waits for the requests in hand by default. */
export const CLOSE_GRACE_MS = 5000;

/** What the monitor routes show; each call reads the current state (at once, or by a promise). */
export interface Monitor {
  health(): Promise<{ ok: boolean; reason?: string; checks: Record<string, unknown> }>;
  stats(): unknown;
  queue(): unknown;
  dialogs(limit: number, offset: number): unknown;
  chats(): unknown;
  metrics(): string | Promise<string>;
}

/** A body the delivery parser refuses: answered 400 with the reason. */
export interface RefusedDelivery {
  kind: 'invalid';
  reason: string;
}

/** What a listener needs whichever thread it runs in: nothing here but data and callbacks. */
export interface ListenerOptions<D> {
  host: string;
  port: number;
  /** The path deliveries come to; the secret follows it. */
  webhookPath: string;
  webhookSecret: string;
  /** Required on monitor routes when set (bearer header or `?token=`). */
  monitorToken?: string;
  /** A delivery that parsed: a message, Avito's check, or a payload type to ignore. Must not block. */
  onDelivery(delivery: D): void;
  /** A delivery on the right URL that was refused (400, 413), for the counters. */
  onRejected?(reason: string): void;
  monitor: Monitor;
  /** Called when a handler failed unexpectedly (answered 500). */
  onError?(error: unknown): void;
}

export interface HttpServerOptions<D> extends ListenerOptions<D> {
  /** Reads a decoded body (`{}` for an empty one); never throws. */
  parseDelivery(body: unknown): D | RefusedDelivery;
  /** True while whoever takes deliveries is not taking them: they are answered 503, so Avito retries. */
  isStalled?(): boolean;
}

export interface RunningServer {
  /** `http://host:port`, as bound. */
  url: string;
  port: number;
  /** Stops accepting connections and waits for the requests in hand (at most `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void;

export async function startHttpServer<D>(options: HttpServerOptions<D>): Promise<RunningServer> {
  const secretDigest = digest(options.webhookSecret);
  const tokenDigest = options.monitorToken ? digest(options.monitorToken) : undefined;

  const monitorRoutes: Record<string, Handler> = {
    '/health': async (_request, response) => {
      const health = await options.monitor.health();
      sendJson(response, health.ok ? 200 : 503, health);
    },
    '/stats': async (_request, response) => sendJson(response, 200, await options.monitor.stats()),
    '/queue': async (_request, response) => sendJson(response, 200, await options.monitor.queue()),
    '/chats': async (_request, response) => sendJson(response, 200, await options.monitor.chats()),
    '/dialogs': async (_request, response, url) => {
      const limit = readCount(url.searchParams.get('limit'), 50, 500);
      const offset = readCount(url.searchParams.get('offset'), 0, 1_000_000);
      if (limit === undefined || offset === undefined) return sendJson(response, 400, { error: 'limit and offset must be whole numbers' });
      sendJson(response, 200, await options.monitor.dialogs(limit, offset));
    },
    '/metrics': async (_request, response) => send(response, 200, 'text/plain; version=0.0.4; charset=utf-8', await options.monitor.metrics()),
    '/dashboard': (_request, response) =>
      send(response, 200, 'text/html; charset=utf-8', DASHBOARD_HTML, {
        // The page builds its DOM from text only; its one script is served from here.
        'content-security-policy': "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      }),
  };

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      return sendJson(response, 400, { error: 'bad request target' });
    }
    const path = url.pathname;
    if (path.startsWith(options.webhookPath)) {
      // A wrong secret looks exactly like a path that does not exist.
      if (!matches(path.slice(options.webhookPath.length), secretDigest)) return notFound(response);
      if (request.method !== 'POST') return sendJson(response, 405, { error: 'use POST' }, { allow: 'POST' });
      return receiveDelivery(request, response);
    }
    // Static, holds no data: loaded by the page, which passes the token on to the data routes.
    if (path === '/dashboard.js' && request.method === 'GET') return send(response, 200, 'text/javascript; charset=utf-8', DASHBOARD_SCRIPT);
    if (path === '/favicon.ico') {
      response.writeHead(204, SECURITY_HEADERS);
      return void response.end();
    }
    if (path === '/' && request.method === 'GET') return redirect(response, `/dashboard${url.search}`);
    const handler = monitorRoutes[path];
    if (!handler) return notFound(response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'use GET' }, { allow: 'GET' });
    if (!tokenDigest && !isLocalRequest(request)) {
      // Without a token the monitor is this machine's only: not through a reverse proxy, and not
      // for a web page that rebinds its own domain to 127.0.0.1 (DNS rebinding).
      return sendJson(response, 403, { error: 'without MONITOR_TOKEN the monitor answers only on this machine: set MONITOR_TOKEN to reach it through a proxy' });
    }
    if (tokenDigest && !matches(presentedToken(request, url), tokenDigest)) {
      return sendJson(response, 401, { error: 'MONITOR_TOKEN required: send "Authorization: Bearer <token>" or add ?token=<token>' }, { 'www-authenticate': 'Bearer' });
    }
    return handler(request, response, url);
  }

  async function receiveDelivery(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return reject(response, 413, 'body over 1 MB');
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === 'too-large') return reject(response, 413, 'body over 1 MB');
    if (body === 'aborted') return;
    let json: unknown;
    try {
      json = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return reject(response, 400, 'invalid JSON');
    }
    const delivery = options.parseDelivery(json);
    if (isRefused(delivery)) return reject(response, 400, delivery.reason);
    if (options.isStalled?.()) return sendJson(response, 503, { error: 'busy, retry later' }, { 'retry-after': '5' });
    // Acknowledged first: the answer to the buyer is background work, Avito waits 2 s at most.
    sendJson(response, 200, { ok: true });
    try {
      options.onDelivery(delivery);
    } catch (error) {
      // Acknowledged already: the connection stays usable, the failure goes to the log.
      options.onError?.(error);
    }
  }

  function reject(response: ServerResponse, status: number, reason: string): void {
    options.onRejected?.(reason);
    // A refused body may still be arriving: close the connection rather than read it.
    sendJson(response, status, { error: reason }, status === 413 ? { connection: 'close' } : {});
  }

  const server: Server = createServer((request, response) => {
    Promise.resolve()
      .then(() => route(request, response))
      .catch((error: unknown) => {
        options.onError?.(error);
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
        else response.destroy();
      });
  });
  // Slow or broken clients cost a socket for a few seconds, never the process.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    async close(graceMs = CLOSE_GRACE_MS) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      server.closeAllConnections();
    },
  };
}

function isRefused(delivery: unknown): delivery is RefusedDelivery {
  return (delivery as Partial<RefusedDelivery> | undefined)?.kind === 'invalid';
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant time whatever the candidate's length: both sides are hashed first. */
function matches(candidate: string | undefined, expected: Buffer): boolean {
  if (candidate === undefined) return false;
  return timingSafeEqual(digest(candidate), expected);
}

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'];

/** Sent straight to a loopback address by a client on this machine, not forwarded by a proxy. */
function isLocalRequest(request: IncomingMessage): boolean {
  if (FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  return isLoopbackHost((request.headers.host ?? '').replace(/:\d+$/, ''));
}

function presentedToken(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return url.searchParams.get('token') ?? undefined;
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: Buffer | 'too-large' | 'aborted'): void => {
      if (done) return;
      done = true;
      resolve(value);
    };
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        request.pause();
        return finish('too-large');
      }
      chunks.push(chunk);
    });
    request.on('end', () => finish(Buffer.concat(chunks)));
    request.on('error', () => finish('aborted'));
    request.on('close', () => finish('aborted'));
  });
}

function readCount(raw: string | null, fallback: number, max: number): number | undefined {
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  return Math.min(Number(raw), max);
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // `?token=` must not leave in a Referer when the seller follows a link to Avito.
  'referrer-policy': 'no-referrer',
};

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

function notFound(response: ServerResponse): void {
  sendJson(response, 404, { error: 'not found' });
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { ...SECURITY_HEADERS, location, 'content-length': 0 });
  response.end();
}
