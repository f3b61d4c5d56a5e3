/**
 * One connection to the seller's MCP server, kept open across answers: opened on first use, opened again on the
 * next call after the server dies (after a pause that grows while it keeps failing), with a timeout on every request.
 * A call in flight when the server dies fails at once as a KnowledgeError: the core defers the question, never hangs.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { CallToolResultSchema, ErrorCode, McpError, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { abortableSleep } from '../../core/async.js';
import { KnowledgeError, describeError } from '../../errors.js';
import { mcpEngineText } from '../../messages/mcp-engine.js';
import { StdioTransport } from './stdio-transport.js';

export type McpServerOptions =
  | { transport: 'stdio'; command: string; args: readonly string[]; env: Record<string, string>; cwd: string }
  | { transport: 'http'; url: string; headers: Record<string, string> };

export type McpEvent =
  | { type: 'started'; server: string; pid?: number }
  | { type: 'closed'; server: string; lastWords: string }
  | { type: 'stderr'; line: string };

export interface McpConnectionOptions {
  server: McpServerOptions;
  timeoutMs: number;
  /** Ours, as the handshake names the client. */
  clientVersion: string;
  onEvent?: (event: McpEvent) => void;
  now?: () => number;
}

export interface McpServerInfo {
  name: string;
  version: string;
}

export interface McpConnection {
  /** Every tool the server offers (all pages). */
  listTools(options?: { signal?: AbortSignal }): Promise<Tool[]>;
  callTool(name: string, args: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<CallToolResult>;
  /** The server's name and version from the handshake; connects if needed. */
  describeServer(options?: { signal?: AbortSignal }): Promise<McpServerInfo>;
  close(): Promise<void>;
}

/** The longest pause before starting a server that keeps failing. */
const MAX_RESTART_DELAY_MS = 30_000;

interface Session {
  client: Client;
  transport: Transport & { lastWords?: string };
  /** Set when we close it: its end is no failure. */
  closing: boolean;
  connected: boolean;
  /** Stops handing it to new calls. */
  forget: () => void;
}

interface ConnectionState {
  options: McpConnectionOptions;
  now: () => number;
  label: string;
  /** The session in use or being opened: concurrent answers share it, and one start of it. */
  active: { ready: Promise<Session> } | undefined;
  /** Failures in a row (deaths, failed starts, timeouts): how long the next start waits. */
  failures: number;
  failedAt: number;
}

export function createMcpConnection(options: McpConnectionOptions): McpConnection {
  const state: ConnectionState = {
    options,
    now: options.now ?? Date.now,
    label: describeServerOption(options.server),
    active: undefined,
    failures: 0,
    failedAt: Number.NEGATIVE_INFINITY,
  };
  return {
    listTools: (callOptions) => request(state, 'tools/list', (session) => listAllTools(session.client, options.timeoutMs, callOptions?.signal), callOptions?.signal),
    callTool: (name, args, callOptions) => callTool(state, name, args, callOptions?.signal),
    async describeServer(callOptions) {
      const session = await connect(state, callOptions?.signal);
      const info = session.client.getServerVersion();
      return { name: info?.name ?? state.label, version: info?.version ?? '' };
    },
    async close() {
      const session = await state.active?.ready.catch(() => undefined);
      state.active = undefined;
      if (session) await closeSession(session);
    },
  };
}

function fail(state: ConnectionState): void {
  state.failures++;
  state.failedAt = state.now();
}

function connect(state: ConnectionState, signal?: AbortSignal): Promise<Session> {
  if (state.active) return state.active.ready;
  const wait = restartDelay(state.failures) - (state.now() - state.failedAt);
  // A pause longer than a request may take is not waited out: the question is deferred, as for any failure.
  if (wait > state.options.timeoutMs) return Promise.reject(new KnowledgeError(mcpEngineText().waitingToRestart(Math.ceil(wait / 1000)), 'mcp'));
  const entry = {} as { ready: Promise<Session> };
  const forget = (): void => {
    if (state.active === entry) state.active = undefined;
  };
  entry.ready = openSession(state, wait, forget, signal).catch((error: unknown) => {
    forget();
    fail(state);
    throw error;
  });
  state.active = entry;
  return entry.ready;
}

async function openSession(state: ConnectionState, wait: number, forget: () => void, signal?: AbortSignal): Promise<Session> {
  const { options, label } = state;
  if (wait > 0) await abortableSleep(wait, signal);
  throwIfAborted(signal);
  const session: Session = { client: new Client({ name: 'avito-ai', version: options.clientVersion }), transport: createTransport(options), closing: false, connected: false, forget };
  session.client.onclose = () => {
    // Before the handshake finished, connect's own failure tells it.
    if (session.closing || !session.connected) return;
    session.closing = true;
    // Died between answers or under one: the next call starts it again.
    fail(state);
    forget();
    options.onEvent?.({ type: 'closed', server: label, lastWords: session.transport.lastWords ?? '' });
  };
  try {
    await session.client.connect(session.transport, { timeout: options.timeoutMs, ...(signal ? { signal } : {}) });
  } catch (error) {
    await closeSession(session);
    throw describeConnectError(error, options, session);
  }
  session.connected = true;
  const pid = session.transport instanceof StdioTransport ? session.transport.pid : undefined;
  options.onEvent?.({ type: 'started', server: label, ...(pid ? { pid } : {}) });
  return session;
}

/**
 * Runs one request; a dead, stuck or broken session is closed so that the next call starts afresh. An HTTP server
 * that no longer knows the session (restarted between answers) gets the request once more on a new one, as the
 * spec asks of a client; a stdio server that died between answers is already known to be gone.
 */
async function request<T>(state: ConnectionState, what: string, run: (session: Session) => Promise<T>, signal?: AbortSignal, retried = false): Promise<T> {
  const session = await connect(state, signal);
  try {
    const result = await run(session);
    state.failures = 0;
    return result;
  } catch (error) {
    if (signal?.aborted) throw new KnowledgeError(mcpEngineText().cancelled, 'mcp', { cause: error });
    const forgotten = !retried && error instanceof StreamableHTTPError && error.code === 404;
    if (forgotten || isSessionFault(error)) {
      if (!forgotten && !session.closing) fail(state);
      session.forget();
      await closeSession(session);
    }
    if (forgotten) return request(state, what, run, signal, true);
    throw describeRequestError(error, what, state.options, session);
  }
}

async function callTool(state: ConnectionState, name: string, args: Record<string, unknown>, signal?: AbortSignal): Promise<CallToolResult> {
  const timeout = { timeout: state.options.timeoutMs, ...(signal ? { signal } : {}) };
  const raw = await request(state, name, (session) => session.client.callTool({ name, arguments: args }, undefined, timeout), signal);
  const parsed = CallToolResultSchema.safeParse(raw);
  if (!parsed.success) throw new KnowledgeError(mcpEngineText().malformedResult(name), 'mcp', { cause: parsed.error });
  return parsed.data;
}

/** None for the first restart (the server died once); then 1 s, 2 s, 4 s… up to 30 s while it keeps failing. */
export function restartDelay(failures: number): number {
  return failures <= 1 ? 0 : Math.min(1000 * 2 ** (failures - 2), MAX_RESTART_DELAY_MS);
}

function createTransport(options: McpConnectionOptions): Transport & { lastWords?: string } {
  const server = options.server;
  if (server.transport === 'http') {
    return new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: server.headers } });
  }
  return new StdioTransport({
    command: server.command,
    args: server.args,
    env: server.env,
    cwd: server.cwd,
    onStderr: (line) => options.onEvent?.({ type: 'stderr', line }),
  });
}

async function listAllTools(client: Client, timeoutMs: number, signal?: AbortSignal): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  // A server that pages forever must not keep us here: 20 pages is far more tools than any seller's server has.
  for (let page = 0; page < 20; page++) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs, ...(signal ? { signal } : {}) });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

async function closeSession(session: Session): Promise<void> {
  session.closing = true;
  await session.client.close().catch(() => undefined);
}

/** The server is gone, stuck, or its transport broke: the session is of no more use. A JSON-RPC error is an answer from a live server. */
function isSessionFault(error: unknown): boolean {
  if (error instanceof McpError) return error.code === ErrorCode.ConnectionClosed || error.code === ErrorCode.RequestTimeout;
  return true;
}

function describeConnectError(error: unknown, options: McpConnectionOptions, session: Session): KnowledgeError {
  const text = mcpEngineText();
  const server = options.server;
  if (error instanceof KnowledgeError) return error;
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
    return new KnowledgeError(text.timedOut(options.timeoutMs / 1000), 'mcp', { cause: error, hint: text.timedOutHint });
  }
  if (server.transport === 'stdio') {
    const spawnCode = (error as NodeJS.ErrnoException).code;
    const reason = spawnCode === 'ENOENT' || spawnCode === 'EACCES' ? spawnCode : isClosed(error) ? text.exitedAtStart(session.transport.lastWords ?? '') : describeError(error);
    return new KnowledgeError(text.cannotStart(server.command, reason), 'mcp', { cause: error, hint: text.cannotStartHint });
  }
  return new KnowledgeError(text.cannotConnect(server.url, describeTransportError(error)), 'mcp', { cause: error, hint: text.cannotConnectHint });
}

function describeRequestError(error: unknown, what: string, options: McpConnectionOptions, session: Session): KnowledgeError {
  const text = mcpEngineText();
  if (error instanceof KnowledgeError) return error;
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
    return new KnowledgeError(text.timedOut(options.timeoutMs / 1000), 'mcp', { cause: error, hint: text.timedOutHint });
  }
  if (error instanceof McpError && !isClosed(error)) {
    // The server is alive and refused this request (unknown tool, invalid arguments): the settings, not an outage.
    return new KnowledgeError(text.callFailed(what, describeError(error)), 'mcp', { cause: error, hint: text.callFailedHint });
  }
  const reason = options.server.transport === 'stdio' ? text.exited(session.transport.lastWords ?? '') : text.cannotConnect(options.server.url, describeTransportError(error));
  return new KnowledgeError(reason, 'mcp', { cause: error, hint: text.cannotConnectHint });
}

/** "fetch failed" says little: the network's own code (ECONNREFUSED) says what happened. */
function describeTransportError(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' ? `${describeError(error)} (${code})` : describeError(error);
}

function isClosed(error: unknown): boolean {
  return error instanceof McpError && error.code === ErrorCode.ConnectionClosed;
}

function describeServerOption(server: McpServerOptions): string {
  return server.transport === 'http' ? server.url : [server.command, ...server.args].join(' ');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new KnowledgeError(mcpEngineText().cancelled, 'mcp', { cause: signal.reason });
}
