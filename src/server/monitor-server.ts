/** The seller's monitor, on a listener of its own (loopback by default). Every data route asks for the token, on loopback too: a local user must not read the 0600 store through here. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderDashboardHtml, renderTokenPage } from './dashboard.js';
import { DASHBOARD_SCRIPT } from './dashboard-script.js';
import { matchSecret, notFound, readTarget, send, SECURITY_HEADERS, sendJson, startHttpServer, type RunningServer } from './http-server.js';

/** A few browser tabs (six connections each) and a metrics scraper. */
export const MAX_MONITOR_CONNECTIONS = 32;

/** `/health`: each check names an outside system (store, avito, engine, telegram) and says whether it works; `problems` says it to the seller. */
export interface Health {
  ok: boolean;
  reason?: string;
  checks: Record<string, { ok: boolean } & Record<string, unknown>>;
  /** What is broken and what to do, in the seller's language: the dashboard's red banner. */
  problems?: HealthProblem[];
  /** Many accounts (ACCOUNTS_DIR): whether each works, by name. */
  accounts?: Record<string, { ok: boolean; reason?: string }>;
}

export interface HealthProblem {
  system: 'avito' | 'engine' | 'telegram' | 'store';
  title: string;
  action: string;
  /** The failure as the system reported it (technical, often English). */
  detail?: string;
  /** When the last failing call ended (ISO). */
  at?: string;
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
  /** Without `?account=`, or with one account: the process as a whole. */
  monitor: Monitor;
  /** Many accounts (ACCOUNTS_DIR): `?account=<name>` on any route answers for that account; the page offers a switch. */
  accounts?: { names: readonly string[]; select(name: string): Monitor | undefined };
  onError?(error: unknown): void;
}

type Handler = (response: ServerResponse, url: URL) => Promise<void> | void;

const TOKEN_REQUIRED = 'the monitor needs its token: open the dashboard link serve logs at start, or send "Authorization: Bearer <token>" (MONITOR_TOKEN, or the .monitor-token file beside the store)';

export function startMonitorServer(options: MonitorServerOptions): Promise<RunningServer> {
  const isToken = matchSecret(options.token);
  const routes = monitorRoutes(options.monitor, options.accounts?.names);
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
      const presented = presentedToken(request, url);
      if (!isToken(presented)) return refuseToken(request, response, presented !== undefined);
      const account = url.searchParams.get('account');
      if (account === null || !options.accounts || path === '/dashboard') return handler(response, url);
      const selected = options.accounts.select(account);
      if (!selected) return sendJson(response, 404, { error: 'unknown account', accounts: options.accounts.names });
      return monitorRoutes(selected)[path]!(response, url);
    },
  });
}

function monitorRoutes(monitor: Monitor, accounts?: readonly string[]): Record<string, Handler> {
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
    // Rendered per request: its labels are in the language in force.
    '/dashboard': (response) => send(response, 200, 'text/html; charset=utf-8', renderDashboardHtml(accounts), { 'content-security-policy': PAGE_CSP }),
  };
}

/** The page builds its DOM from text only; its one script is served from here (the labels' JSON block is data, not run). */
const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A browser opening the page gets a page saying how to open it; API clients (and the page's own fetches) keep the JSON. */
function refuseToken(request: IncomingMessage, response: ServerResponse, presented: boolean): void {
  const headers = { 'www-authenticate': 'Bearer' };
  if (!prefersHtml(request.headers.accept)) return sendJson(response, 401, { error: TOKEN_REQUIRED }, headers);
  send(response, 401, 'text/html; charset=utf-8', renderTokenPage(presented, pageBase(request)), { ...headers, 'content-security-policy': PAGE_CSP });
}

/** The address the browser used (through an ssh tunnel or a proxy it differs from MONITOR_PORT), when it looks like one. */
function pageBase(request: IncomingMessage): string | undefined {
  const host = request.headers.host;
  if (!host || !/^[\w.-]+(:\d{1,5})?$|^\[[\da-f:.]+\](:\d{1,5})?$/i.test(host)) return undefined;
  return `${request.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'}://${host}`;
}

/** `text/html` asked for and JSON not: what a browser's navigation sends; `fetch()` and API clients ask for neither or for JSON. */
function prefersHtml(accept: string | undefined): boolean {
  const types = (accept ?? '').toLowerCase();
  return types.includes('text/html') && !types.includes('application/json');
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
