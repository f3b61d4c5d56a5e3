/**
 * The MCP server of `avito-ai mcp`: the seller's commands as tools for an AI assistant. Each call resolves the
 * configuration and opens the store as one run of the matching command would, so no lock is held between calls.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { mcpServerText } from '../../messages/mcp-server.js';
import { registerChatTools } from './chat-tools.js';
import { registerControlTools } from './control-tools.js';
import { registerKnowledgeTools } from './knowledge-tools.js';
import { registerReplyTool } from './reply-tool.js';
import { failureResult, type ToolContext } from './tool-result.js';

/**
 * Wraps a tool's handler: an error becomes the one-line isError result, and the call is counted until it ends. With
 * `writes`, calls run one at a time: two at once would find the store locked by each other and queue their requests
 * for a daemon that may not run.
 */
export type Guard = <A extends unknown[]>(handler: (...args: A) => Promise<CallToolResult>, options?: { writes?: boolean }) => (...args: A) => Promise<CallToolResult>;

export interface AvitoMcpServer {
  server: McpServer;
  /** Resolves once no tool call is running: a stop lets a send or a store write finish. */
  idle(): Promise<void>;
}

export function createMcpServer(context: ToolContext, version: string): AvitoMcpServer {
  const server = new McpServer({ name: 'avito-ai', version }, { instructions: mcpServerText().instructions });
  const running = new Set<Promise<unknown>>();
  let writing: Promise<unknown> = Promise.resolve();
  const guard: Guard = (handler, options) => async (...args) => {
    const run = (): Promise<CallToolResult> => handler(...args);
    const started = options?.writes ? writing.then(run, run) : run();
    if (options?.writes) writing = started.catch(() => undefined);
    const call = started.catch((error: unknown) => {
      context.logger.debug('tool call failed', { error: String(error) });
      return failureResult(error);
    });
    running.add(call);
    try {
      return await call;
    } finally {
      running.delete(call);
    }
  };
  registerKnowledgeTools(server, context, guard);
  registerChatTools(server, context, guard);
  registerControlTools(server, context, guard);
  registerReplyTool(server, context, guard);
  const idle = async (): Promise<void> => {
    await Promise.allSettled([...running]);
    // The SDK sends a result a few promise turns after the handler returns: those turns all run before the next macrotask.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { server, idle };
}
