/** The seller's monitor, on a listener of its own (loopback by default). Every data route asks for the token, on loopback too: a local user must not read the 0600 store through here. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DASHBOARD_HTML, DASHBOARD_SCRIPT } from './dashboard.js';
import { matchSecret, notFound, readTarget, send, SECURITY_HEADERS, sendJson, startHttpServer, type RunningServer } from './http-server.js';

/** A few browser tabs (six connections each) and a metrics scraper. */
export const MAX_MONITOR_CONNECTIONS = 32;

/** `/health`: each check names an outside system (store, avito) and says whether it works. */
export interface Health {
  ok: boolean;
  reason?: string;
  checks: Record<string, { ok: boolean } & Record<string, unknown>>;
}

export interface Monitor {
  health(): Promise<Health>;
  stats(): unknown;
  queue(): unknown;
  dialogs(limit: number, offset: number): unknown;
  chats(): unknown;
  metrics(): string | Promise<string>;
}

export interface MonitorServerOptions {
  host: string;
  port: number;
  /** Asked of every data route and the page: bearer header or `?token=`. */
  token: string;
  monitor: Monitor;
  onError?(error: unknown): void;
}

type Handler = (response: ServerResponse, url: URL) => Promise<void> | void;

const TOKEN_REQUIRED = 'the monitor needs its token: open the dashboard link serve logs at start, or send "Authorization: Bearer <token>" (MONITOR_TOKEN, or the .monitor-token file beside the store)';

export function startMonitorServer(options: MonitorServerOptions): Promise<RunningServer> {
  const isToken = matchSecret(options.token);
  const routes = monitorRoutes(options.monitor);
  return startHttpServer({
    host: options.host,
    port: options.port,
    maxConnections: MAX_MONITOR_CONNECTIONS,
    onError: (error) => options.onError?.(error),
    route(request, response) {
      const url = readTarget(request);
      if (!url) return sendJson(response, 400, { error: 'bad request target' });
      const path = url.pathname;
      // Static, holds no data: loaded by the page, which passes the token on to the data routes.
      if (path === '/dashboard.js' && request.method === 'GET') return send(response, 200, 'text/javascript; charset=utf-8', DASHBOARD_SCRIPT);
      if (path === '/favicon.ico') {
        response.writeHead(204, SECURITY_HEADERS);
        return void response.end();
      }
      if (path === '/' && request.method === 'GET') return redirect(response, `/dashboard${url.search}`);
      const handler = routes[path];
      if (!handler) return notFound(response);
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'use GET' }, { allow: 'GET' });
      if (!isToken(presentedToken(request, url))) return sendJson(response, 401, { error: TOKEN_REQUIRED }, { 'www-authenticate': 'Bearer' });
      return handler(response, url);
    },
  });
}

function monitorRoutes(monitor: Monitor): Record<string, Handler> {
  return {
    '/health': async (response) => {
      const health = await monitor.health();
      sendJson(response, health.ok ? 200 : 503, health);
    },
    '/stats': async (response) => sendJson(response, 200, await monitor.stats()),
    '/queue': async (response) => sendJson(response, 200, await monitor.queue()),
    '/chats': async (response) => sendJson(response, 200, await monitor.chats()),
    '/dialogs': async (response, url) => {
      const limit = readCount(url.searchParams.get('limit'), 50, 500);
      const offset = readCount(url.searchParams.get('offset'), 0, 1_000_000);
      if (limit === undefined || offset === undefined) return sendJson(response, 400, { error: 'limit and offset must be whole numbers' });
      sendJson(response, 200, await monitor.dialogs(limit, offset));
    },
    '/metrics': async (response) => send(response, 200, 'text/plain; version=0.0.4; charset=utf-8', await monitor.metrics()),
    '/dashboard': (response) =>
      send(response, 200, 'text/html; charset=utf-8', DASHBOARD_HTML, {
        // The page builds its DOM from text only; its one script is served from here.
        'content-security-policy': "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      }),
  };
}

function presentedToken(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return url.searchParams.get('token') ?? undefined;
}

function readCount(raw: string | null, fallback: number, max: number): number | undefined {
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  return Math.min(Number(raw), max);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { ...SECURITY_HEADERS, location, 'content-length': 0 });
  response.end();
}
