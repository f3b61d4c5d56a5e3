/**
 * The listener the internet reaches (through the seller's reverse proxy): Avito's webhook deliveries and a bare health check, nothing else.
 * Buyers' data is the monitor's, on a listener of its own, so no proxy setting, Host header or local user can reach it here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchSecret, notFound, readTarget, sendJson, startHttpServer, type RunningServer } from './http-server.js';
import type { Health } from './monitor-server.js';

/** Larger webhook bodies get 413: a real delivery is a few hundred bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Avito's deliveries come a few at a time; a slowloris must not hold more sockets than this. */
export const MAX_WEBHOOK_CONNECTIONS = 256;

/** A body the delivery parser refuses: answered 400 with the reason. */
export interface RefusedDelivery {
  kind: 'invalid';
  reason: string;
}

/** What the listener needs whichever thread it runs in: nothing here but data and callbacks. */
export interface WebhookListenerOptions<D> {
  host: string;
  port: number;
  /** The path deliveries come to; the secret follows it. */
  webhookPath: string;
  /** Several with many accounts (ACCOUNTS_DIR): each account's URL carries its own. */
  webhookSecret: string | readonly string[];
  /** A delivery that parsed: a message, Avito's check, or a payload type to ignore. `secret` is the index of the one its URL carried. Must not block. */
  onDelivery(delivery: D, secret: number): void;
  /** A delivery on the right URL that was refused (400, 413), for the counters; `secret` as for `onDelivery`. */
  onRejected?(reason: string, secret: number): void;
  /** The daemon's health: `/health` here publishes whether it is ok and which checks fail, no more. */
  health(): Promise<Health>;
  onError?(error: unknown): void;
}

export interface WebhookServerOptions<D> extends WebhookListenerOptions<D> {
  /** Reads a decoded body (`{}` for an empty one); never throws. */
  parseDelivery(body: unknown): D | RefusedDelivery;
  /** True while whoever takes deliveries is not taking them: they are answered 503, so Avito retries. */
  isStalled?(): boolean;
}

export function startWebhookServer<D>(options: WebhookServerOptions<D>): Promise<RunningServer> {
  const secrets = (typeof options.webhookSecret === 'string' ? [options.webhookSecret] : options.webhookSecret).map(matchSecret);
  const receive = receiveDeliveries(options);
  return startHttpServer({
    host: options.host,
    port: options.port,
    maxConnections: MAX_WEBHOOK_CONNECTIONS,
    onError: (error) => options.onError?.(error),
    async route(request, response) {
      const url = readTarget(request);
      if (!url) return sendJson(response, 400, { error: 'bad request target' });
      const path = url.pathname;
      if (path.startsWith(options.webhookPath)) {
        const candidate = path.slice(options.webhookPath.length);
        // Every secret is compared, so the time taken says nothing of which one came close.
        const secret = secrets.map((isSecret) => isSecret(candidate)).indexOf(true);
        // A wrong secret looks exactly like a path that does not exist.
        if (secret < 0) return notFound(response);
        if (request.method !== 'POST') return sendJson(response, 405, { error: 'use POST' }, { allow: 'POST' });
        return receive(request, response, secret);
      }
      if (path === '/health' && (request.method === 'GET' || request.method === 'HEAD')) {
        const health = summarizeHealth(await options.health());
        return sendJson(response, health.ok ? 200 : 503, health);
      }
      return notFound(response);
    },
  });
}

/** Whether the daemon is healthy and the names of the failing systems: no errors, paths or chats. */
export function summarizeHealth(health: Health): { ok: boolean; failing?: string[] } {
  if (health.ok) return { ok: true };
  return { ok: false, failing: Object.keys(health.checks).filter((name) => health.checks[name]?.ok !== true) };
}

function receiveDeliveries<D>(options: WebhookServerOptions<D>) {
  const reject = (response: ServerResponse, status: number, reason: string, secret: number): void => {
    options.onRejected?.(reason, secret);
    // A refused body may still be arriving: close the connection rather than read it.
    sendJson(response, status, { error: reason }, status === 413 ? { connection: 'close' } : {});
  };
  return async (request: IncomingMessage, response: ServerResponse, secret: number): Promise<void> => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return reject(response, 413, 'body over 1 MB', secret);
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === 'too-large') return reject(response, 413, 'body over 1 MB', secret);
    if (body === 'aborted') return;
    let json: unknown;
    try {
      json = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return reject(response, 400, 'invalid JSON', secret);
    }
    const delivery = options.parseDelivery(json);
    if (isRefused(delivery)) return reject(response, 400, delivery.reason, secret);
    if (options.isStalled?.()) return sendJson(response, 503, { error: 'busy, retry later' }, { 'retry-after': '5' });
    // Acknowledged first: the answer to the buyer is background work, Avito waits 2 s at most.
    sendJson(response, 200, { ok: true });
    try {
      options.onDelivery(delivery, secret);
    } catch (error) {
      // Acknowledged already: the connection stays usable, the failure goes to the log.
      options.onError?.(error);
    }
  };
}

function isRefused(delivery: unknown): delivery is RefusedDelivery {
  return (delivery as Partial<RefusedDelivery> | undefined)?.kind === 'invalid';
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
