/** What `serve`'s two listeners share: limits that hold slow or broken clients to seconds and bounded sockets, answer helpers, listen and close. Every request ends in a status code. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { capConnections } from './connection-cap.js';

export const CLOSE_GRACE_MS = 5000;

/** Headers within this, the whole request within REQUEST_TIMEOUT_MS: a delivery is a few hundred bytes, sent at once by Avito or the reverse proxy in front. */
export const HEADERS_TIMEOUT_MS = 5000;
const REQUEST_TIMEOUT_MS = 10_000;
const KEEP_ALIVE_TIMEOUT_MS = 5000;
/** How often those timeouts are enforced (Node's default, 30 s, would let a stalled client stay 35 s). */
const TIMEOUT_CHECK_MS = 1000;

export interface RunningServer {
  /** `http://host:port`, as bound. */
  url: string;
  port: number;
  /** Stops accepting connections and waits for the requests in hand (at most `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

export interface HttpServerOptions {
  host: string;
  port: number;
  /** Open connections at most; past it the oldest idle one is dropped (see `capConnections`). */
  maxConnections: number;
  route(request: IncomingMessage, response: ServerResponse): Promise<void> | void;
  /** Called when a handler failed unexpectedly (answered 500). */
  onError?(error: unknown): void;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const server: Server = createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (request, response) => {
    Promise.resolve()
      .then(() => options.route(request, response))
      .catch((error: unknown) => {
        options.onError?.(error);
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
        else response.destroy();
      });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  capConnections(server, options.maxConnections);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    else socket.destroy();
  });
  await listen(server, options.host, options.port);
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

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The request's path and query; undefined for a target URL cannot read (answered 400). */
export function readTarget(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/** A check of `secret` that takes the same time whatever the candidate: both sides are hashed first. */
export function matchSecret(secret: string): (candidate: string | undefined) => boolean {
  const expected = digest(secret);
  return (candidate) => candidate !== undefined && timingSafeEqual(digest(candidate), expected);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  // `?token=` must not leave in a Referer when the seller follows a link to Avito.
  'referrer-policy': 'no-referrer',
};

export function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

export function notFound(response: ServerResponse): void {
  sendJson(response, 404, { error: 'not found' });
}
