/**
 * `pause` and `resume`: every write goes the way the commands' do, through runControlRequest, so
 * straight into the store when it is free and through the control inbox while a daemon holds it.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import { HOUR_MS } from '../../core/time.js';
import { mcpServerText } from '../../messages/mcp-server.js';
import { runControlRequest, type ControlResult } from '../control.js';
import { formatWhen } from '../commands/pause.js';
import { describeQueue, errorResult, textResult, type ToolContext } from './tool-result.js';
import type { Guard } from './server.js';

export function registerControlTools(server: McpServer, context: ToolContext, guard: Guard): void {
  const t = mcpServerText();
  server.registerTool(
    'pause',
    {
      title: t.pauseTitle,
      description: t.pauseDescription,
      inputSchema: {
        chat_id: z.string().trim().min(1).optional().describe(t.pauseChat),
        all: z.boolean().optional().describe(t.pauseAll),
        hours: z.number().positive().optional().describe(t.pauseHours),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    guard(async ({ chat_id: chatId, all, hours }) => {
      const scope = readScope(chatId, all);
      if ('error' in scope) return errorResult(scope.error);
      const config = context.loadConfig();
      return scope.chatId === undefined ? pauseAccount(config, hours) : pauseChat(config, scope.chatId, hours ?? config.responder.humanPauseHours);
    }, { writes: true }),
  );
  server.registerTool(
    'resume',
    {
      title: t.resumeTitle,
      description: t.resumeDescription,
      inputSchema: { chat_id: z.string().trim().min(1).optional().describe(t.pauseChat), all: z.boolean().optional().describe(t.resumeAll) },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    guard(async ({ chat_id: chatId, all }) => {
      const scope = readScope(chatId, all);
      if ('error' in scope) return errorResult(scope.error);
      const config = context.loadConfig();
      return scope.chatId === undefined ? resumeAccount(config) : resumeChat(config, scope.chatId);
    }, { writes: true }),
  );
}

/** One chat, or the whole account when `chatId` is unset: as `pause <chatId>` and `pause --all` take it. */
function readScope(chatId: string | undefined, all: boolean | undefined): { chatId?: string } | { error: string } {
  if (all) return chatId ? { error: mcpServerText().chatOrAll } : {};
  return chatId ? { chatId } : { error: mcpServerText().chatNeeded };
}

function applied(result: ControlResult): Record<string, unknown> {
  return result.applied === 'now' ? { applied: 'now' } : { applied: 'queued', inbox: result.inbox };
}

async function pauseChat(config: Config, chatId: string, hours: number) {
  const t = mcpServerText();
  const until = Date.now() + hours * HOUR_MS;
  const result = await runControlRequest(config, { op: 'pause', chatId, until });
  const when = formatWhen(config, until);
  const text = result.applied === 'now' ? t.paused(chatId, when) : t.pauseQueued(chatId, when, describeQueue(config));
  return textResult(text, { chat_id: chatId, paused_until: new Date(until).toISOString(), ...applied(result) });
}

async function pauseAccount(config: Config, hours: number | undefined) {
  const t = mcpServerText();
  const at = Date.now();
  const until = hours === undefined ? undefined : at + hours * HOUR_MS;
  const result = await runControlRequest(config, { op: 'pause-account', at, ...(until === undefined ? {} : { until }) });
  const end = until === undefined ? t.untilResume : t.untilOrResume(formatWhen(config, until));
  const text = result.applied === 'now' ? t.accountPausedNow(end) : t.accountPauseQueued(end, describeQueue(config));
  return textResult(text, { account: true, paused_until: until === undefined ? null : new Date(until).toISOString(), ...applied(result) });
}

async function resumeChat(config: Config, chatId: string) {
  const t = mcpServerText();
  const result = await runControlRequest(config, { op: 'resume', chatId, at: Date.now() });
  const text = result.applied === 'now' ? t.resumed(chatId) : t.resumeQueued(chatId, describeQueue(config));
  return textResult(text, { chat_id: chatId, ...applied(result) });
}

async function resumeAccount(config: Config) {
  const t = mcpServerText();
  const result = await runControlRequest(config, { op: 'resume-account', at: Date.now() });
  return textResult(result.applied === 'now' ? t.accountResumed : t.accountResumeQueued(describeQueue(config)), { account: true, ...applied(result) });
}
