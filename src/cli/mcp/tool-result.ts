/** What a tool answers: Russian text for the assistant, the same figures as `--json` for programs, and failures as one line. */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Config } from '../../config/config.js';
import { mcpServerText } from '../../messages/mcp-server.js';
import type { Logger } from '../logger.js';
import { formatError } from '../report-error.js';

/** What every tool is given: it resolves the configuration per call, as each run of a command does (an edited .env counts from the next call). */
export interface ToolContext {
  loadConfig(): Config;
  logger: Logger;
  /** Aborted when the server stops: long work (a sync) finishes what it can and returns. */
  signal: AbortSignal;
}

export function textResult(text: string, structured?: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], ...(structured ? { structuredContent: structured } : {}) };
}

export function errorResult(text: string, structured?: Record<string, unknown>): CallToolResult {
  return { ...textResult(text, structured), isError: true };
}

/** The CLI's one-line report of an error, without its `avito-ai: ` prefix (the assistant knows who speaks). */
export function failureResult(error: unknown): CallToolResult {
  return errorResult(formatError(error).replace(/^avito-ai:\s*/, ''));
}

/** What a write queued for the running daemon says: when it takes effect. */
export function describeQueue(config: Config): string {
  return mcpServerText().queued(config.avito.pollIntervalSeconds);
}
