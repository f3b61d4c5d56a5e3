/** An MCP client that starts the built `avito-ai mcp` as Claude Desktop or Cursor would: a child process on stdio. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CallToolResultSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BIN, assertBuilt } from './spawn-cli.js';

export interface McpSession {
  client: Client;
  /** A tool's result, with its text parts joined. */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult & { text: string }>;
  /** What the server wrote to stderr so far (its log). */
  stderr(): string;
  close(): Promise<void>;
}

export async function connectMcp(env: Record<string, string>, cwd: string): Promise<McpSession> {
  assertBuilt();
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], env: { NO_COLOR: '1', ...env }, cwd, stderr: 'pipe' });
  let log = '';
  transport.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const client = new Client({ name: 'avito-ai-test', version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    async call(name, args = {}) {
      const result = CallToolResultSchema.parse(await client.callTool({ name, arguments: args }, undefined, { timeout: 20_000 }));
      return { ...result, text: result.content.flatMap((item) => (item.type === 'text' ? [item.text] : [])).join('\n') };
    },
    stderr: () => log,
    close: () => client.close(),
  };
}
