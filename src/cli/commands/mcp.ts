/**
 * `avito-ai mcp`: the seller's commands as an MCP server on stdin/stdout, started by an AI assistant (Claude
 * Desktop, Cursor). stdout carries only MCP messages; logs go to stderr. It stops when the assistant closes stdin
 * or on SIGTERM, after the call in hand, holding no store lock between calls.
 */
import { readOwnVersion } from '../../package-files.js';
import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { UsageError } from '../../errors.js';
import { mcpServerText } from '../../messages/mcp-server.js';
import type { CommandContext } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { OutputStream } from '../io.js';
import { createMcpServer } from '../mcp/server.js';
import { createLoggerFor } from '../services.js';
import { loadAccountConfig } from '../accounts/load.js';

export default async function mcp(context: CommandContext): Promise<ExitCode> {
  const { io } = context;
  const stdin = io.stdin;
  if (!stdin || !isWritable(io.stdout)) throw new UsageError(mcpServerText().noStdin);
  // Resolved once here so a wrong setting stops the server at start, and its warnings are printed once.
  const logger = createLoggerFor(loadAccountConfig(context), context);
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  io.signal.addEventListener('abort', onAbort, { once: true });
  stdin.once('end', onAbort);
  stdin.once('close', onAbort);
  const restoreConsole = keepConsoleOffStdout();
  const { server, idle } = createMcpServer({ loadConfig: () => loadAccountConfig(context), logger, signal: stop.signal }, readOwnVersion());
  try {
    await server.connect(new StdioServerTransport(stdin as Readable, io.stdout));
    logger.info(mcpServerText().started);
    if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
    // The call in hand (a send, a store write) finishes before the server goes.
    await idle();
  } finally {
    await server.close();
    io.signal.removeEventListener('abort', onAbort);
    stdin.off('end', onAbort).off('close', onAbort);
    restoreConsole();
    // A stdin still open (SIGTERM while the assistant runs) would keep the process alive.
    (stdin as Partial<Readable>).destroy?.();
  }
  logger.info(mcpServerText().stopped);
  return ExitCode.Ok;
}

/** The process's real stdout, which the transport waits on when it is full. */
function isWritable(stream: OutputStream): stream is OutputStream & Writable {
  return typeof (stream as Partial<Writable>).once === 'function';
}

/** A library's console.log would break the MCP framing on stdout: while the server runs, it goes to stderr. */
function keepConsoleOffStdout(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  return () => Object.assign(console, saved);
}
