/**
 * The webhook listener in a worker thread of its own: acknowledging a delivery never waits for the main thread's answering work. Only parsed deliveries, counters and health checks cross.
 * What an acknowledged delivery can lose is unchanged: it waits in memory, and the next start's safety pass finds what a crash lost still unanswered at Avito.
 * A main thread that takes no delivery for `stallMs` gets 503s answered in its stead, so Avito keeps the new ones and retries.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { CLOSE_GRACE_MS, type RunningServer } from './http-server.js';
import type { Health } from './monitor-server.js';
import { startWebhookServer, type RefusedDelivery, type WebhookListenerOptions } from './webhook-server.js';

/** A main thread this long behind on the deliveries it was handed is stalled. */
const STALL_MS = 5000;
/** Past its grace, how long `close()` waits for a thread that does not say it closed. */
const CLOSE_SLACK_MS = 1000;

export interface ThreadedServerOptions<D> extends WebhookListenerOptions<D> {
  /** The worker's module: it calls `serveFromThread` with the delivery parser. */
  entry: URL;
  /** The listener thread ended on its own (it should not): the server is gone. */
  onFailure?(error: unknown): void;
  stallMs?: number;
}

interface ThreadSettings {
  host: string;
  port: number;
  webhookPath: string;
  webhookSecret: string | readonly string[];
  stallMs: number;
  /** One Int32: how many deliveries the main thread has taken. */
  taken: SharedArrayBuffer;
}

type FromThread =
  | { type: 'listening'; url: string; port: number }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'delivery'; delivery: unknown; secret: number }
  | { type: 'rejected'; reason: string; secret: number }
  | { type: 'error'; error: ThrownError }
  | { type: 'health'; id: number }
  | { type: 'closed' };

type ToThread = { type: 'answer'; id: number; value?: unknown; error?: ThrownError } | { type: 'close'; graceMs: number | undefined };

/** An error as it crosses the boundary: whatever was thrown may not survive a structured clone. */
interface ThrownError {
  name: string;
  message: string;
  stack?: string;
}

export async function startWebhookServerThread<D>(options: ThreadedServerOptions<D>): Promise<RunningServer> {
  const taken = new Int32Array(new SharedArrayBuffer(4));
  const settings: ThreadSettings = {
    host: options.host,
    port: options.port,
    webhookPath: options.webhookPath,
    webhookSecret: options.webhookSecret,
    stallMs: options.stallMs ?? STALL_MS,
    taken: taken.buffer as SharedArrayBuffer,
  };
  const worker = new Worker(options.entry, { workerData: settings });
  const send = (message: ToThread): void => worker.postMessage(message);
  const state: { started: boolean; failed: boolean; closing?: Promise<void> } = { started: false, failed: false };
  // Only a thread that ends while serving is a failure: before, the start rejects; after close(), it is expected.
  const fail = (error: unknown): void => {
    if (!state.started || state.closing || state.failed) return;
    state.failed = true;
    options.onFailure?.(error);
  };
  const thread = followThread(worker, receiveFromThread(options, taken, send), fail);
  let bound: { url: string; port: number };
  try {
    bound = await thread.listening;
    state.started = true;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    url: bound.url,
    port: bound.port,
    close(graceMs) {
      state.closing ??= (async () => {
        send({ type: 'close', graceMs });
        // Every delivery the thread posted arrives before its 'closed': the inbox has them all.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([thread.closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, (graceMs ?? CLOSE_GRACE_MS) + CLOSE_SLACK_MS)))]);
        clearTimeout(timer);
        await worker.terminate();
      })();
      return state.closing;
    },
  };
}

/** The thread's messages and its end: `listening` settles once it listens or fails to, `closed` once it is done. */
function followThread(
  worker: Worker,
  receive: (message: Exclude<FromThread, { type: 'listening' | 'failed' | 'closed' }>) => void,
  fail: (error: unknown) => void,
): { listening: Promise<{ url: string; port: number }>; closed: Promise<void> } {
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const listening = new Promise<{ url: string; port: number }>((resolve, reject) => {
    worker.on('message', (message: FromThread) => {
      switch (message.type) {
        case 'listening':
          return resolve(message);
        case 'failed':
          return reject(Object.assign(new Error(message.message), message.code ? { code: message.code } : {}));
        case 'closed':
          return markClosed();
        default:
          return receive(message);
      }
    });
    worker.on('error', (error) => {
      reject(error);
      fail(error);
    });
    worker.on('exit', (code) => {
      const error = new Error(`the HTTP listener thread exited (code ${code})`);
      reject(error);
      markClosed();
      fail(error);
    });
  });
  return { listening, closed };
}

function receiveFromThread<D>(options: ThreadedServerOptions<D>, taken: Int32Array, send: (message: ToThread) => void) {
  return (message: Exclude<FromThread, { type: 'listening' | 'failed' | 'closed' }>): void => {
    switch (message.type) {
      case 'delivery':
        try {
          options.onDelivery(message.delivery as D, message.secret);
        } catch (error) {
          options.onError?.(error);
        } finally {
          Atomics.add(taken, 0, 1);
        }
        return;
      case 'rejected':
        return options.onRejected?.(message.reason, message.secret);
      case 'error':
        return options.onError?.(reviveError(message.error));
      case 'health':
        return void answerHealth(options, message.id, send);
    }
  };
}

async function answerHealth<D>(options: ThreadedServerOptions<D>, id: number, send: (message: ToThread) => void): Promise<void> {
  try {
    send({ type: 'answer', id, value: await options.health() });
  } catch (error) {
    send({ type: 'answer', id, error: flattenError(error) });
  }
}

function flattenError(error: unknown): ThrownError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
}

function reviveError(thrown: ThrownError): Error {
  return Object.assign(new Error(thrown.message), thrown);
}

/** The worker's side, with `parseDelivery` from the worker's module: a function cannot cross threads. */
export async function serveFromThread<D>(parseDelivery: (body: unknown) => D | RefusedDelivery): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveFromThread runs in a worker thread');
  const settings = workerData as ThreadSettings;
  const post = (message: FromThread): void => port.postMessage(message);
  const handover = watchHandover(new Int32Array(settings.taken), settings.stallMs);
  const remote = callHealthAcross(post);
  let stalled = false;
  let server: RunningServer;
  try {
    server = await startWebhookServer({
      host: settings.host,
      port: settings.port,
      webhookPath: settings.webhookPath,
      webhookSecret: settings.webhookSecret,
      health: remote.health,
      parseDelivery,
      isStalled: () => {
        const now = handover.isStalled();
        if (now && !stalled) post({ type: 'error', error: { name: 'Error', message: `the main thread took no delivery for ${settings.stallMs / 1000} s: new ones are answered 503 until it does` } });
        stalled = now;
        return now;
      },
      onDelivery: (delivery, secret) => {
        handover.post();
        post({ type: 'delivery', delivery, secret });
      },
      onRejected: (reason, secret) => post({ type: 'rejected', reason, secret }),
      onError: (error) => post({ type: 'error', error: flattenError(error) }),
    });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error), code: (error as NodeJS.ErrnoException).code });
    return;
  }
  port.on('message', (message: ToThread) => {
    if (message.type === 'answer') return remote.settle(message);
    void server.close(message.graceMs).then(() => post({ type: 'closed' }));
  });
  post({ type: 'listening', url: server.url, port: server.port });
}

/** A health check answered by the main thread; `settle` takes the answers. */
function callHealthAcross(post: (message: FromThread) => void): { health(): Promise<Health>; settle(answer: Extract<ToThread, { type: 'answer' }>): void } {
  const calls = new Map<number, { resolve(value: Health): void; reject(error: unknown): void }>();
  let lastId = 0;
  return {
    health: () =>
      new Promise((resolve, reject) => {
        const id = ++lastId;
        calls.set(id, { resolve, reject });
        post({ type: 'health', id });
      }),
    settle(answer) {
      const pending = calls.get(answer.id);
      calls.delete(answer.id);
      if (answer.error) pending?.reject(reviveError(answer.error));
      else pending?.resolve(answer.value as Health);
    },
  };
}

/** Stalled once the oldest delivery handed to the main thread and not yet taken there (`taken` counts those it took) has waited more than `stallMs`. */
export function watchHandover(taken: Int32Array, stallMs: number, now: () => number = () => performance.now()): { post(): void; isStalled(): boolean } {
  const postedAt: number[] = [];
  let posted = 0;
  return {
    post() {
      posted = (posted + 1) | 0;
      postedAt.push(now());
    },
    isStalled() {
      const waiting = (posted - Atomics.load(taken, 0)) | 0;
      postedAt.splice(0, postedAt.length - waiting);
      const oldest = postedAt[0];
      return oldest !== undefined && now() - oldest > stallMs;
    },
  };
}
