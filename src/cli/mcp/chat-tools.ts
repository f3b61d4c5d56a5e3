/** `chats_waiting`, `chat_history` and `stats`: what the seller reads, from a store opened read-only (so while a daemon runs too) and from Avito. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import { readAccountPause } from '../../core/account-pause.js';
import { readAnotherResponder } from '../../core/another-responder.js';
import type { ChatMessage } from '../../core/model.js';
import type { ChatState } from '../../core/ports.js';
import { listWaitingChats, readWaitingChat, type WaitingChat } from '../../core/waiting-chats.js';
import type { MonitorStats } from '../../core/stats.js';
import { mcpServerText } from '../../messages/mcp-server.js';
import { jsonState, toJsonChat } from '../commands/chats.js';
import { formatWhen } from '../commands/pause.js';
import { readStats } from '../commands/stats.js';
import { createMessengerFor, openStoreFor } from '../services.js';
import { textResult, type ToolContext } from './tool-result.js';
import type { Guard } from './server.js';

export function registerChatTools(server: McpServer, context: ToolContext, guard: Guard): void {
  const t = mcpServerText();
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
  server.registerTool(
    'chats_waiting',
    { title: t.chatsTitle, description: t.chatsDescription, inputSchema: { all: z.boolean().optional().describe(t.chatsAll) }, annotations: readOnly },
    guard(async ({ all }) => describeWaitingChats(context.loadConfig(), all ?? false)),
  );
  server.registerTool(
    'chat_history',
    {
      title: t.historyTitle,
      description: t.historyDescription,
      inputSchema: {
        chat_id: z.string().trim().min(1).describe(t.historyChat),
        limit: z.number().int().min(1).max(100).optional().describe(t.historyLimit),
      },
      annotations: { readOnlyHint: true },
    },
    guard(async ({ chat_id: chatId, limit }) => readChatHistory(context, chatId, limit ?? 20)),
  );
  server.registerTool(
    'stats',
    { title: t.statsTitle, description: t.statsDescription, annotations: readOnly },
    guard(async () => {
      const config = context.loadConfig();
      const figures = await readStats(config);
      return textResult(describeStats(figures), { ...figures });
    }),
  );
}

async function describeWaitingChats(config: Config, all: boolean) {
  const t = mcpServerText();
  const store = await openStoreFor(config, { readOnly: true });
  const now = Date.now();
  let rows: WaitingChat[];
  let lines: string[];
  let hold: Record<string, unknown>;
  try {
    rows = listWaitingChats(store, now, { all });
    const pause = readAccountPause(store, now);
    const another = readAnotherResponder(store);
    lines = [
      ...(pause ? [t.accountPaused(pause.until === undefined ? undefined : formatWhen(config, pause.until))] : []),
      ...(another ? [t.anotherResponder(another.chatId)] : []),
    ];
    hold = {
      account_pause: pause ? { since: new Date(pause.since).toISOString(), until: pause.until === undefined ? null : new Date(pause.until).toISOString() } : null,
      another_responder: another ? { chat_id: another.chatId } : null,
    };
  } finally {
    await store.close();
  }
  if (rows.length === 0) lines.push(all ? t.noChats : t.noWaiting);
  else lines.push(t.waiting(rows.length), ...rows.map((row) => `${row.state.chatId} — ${describeWait(config, row)}${describeActivity(config, row.state)}`));
  return textResult(lines.join('\n'), { ...hold, chats: rows.map((row) => toJsonChat(row, now)) });
}

function describeWait(config: Config, { state, wait, partly }: WaitingChat): string {
  const t = mcpServerText();
  if (wait === 'escalated') return t.escalated;
  if (wait === 'paused') return t.pausedUntil(formatWhen(config, state.pausedUntil!), state.pauseReason === 'takeover');
  if (wait === 'left_out') return t.leftOut(partly?.leftOut ?? [], partly?.answered ?? true);
  return t.active;
}

function describeActivity(config: Config, state: ChatState): string {
  const title = state.listing?.title ? ` · ${state.listing.title}` : '';
  return `${state.lastActivityAt ? ` · ${mcpServerText().lastActivity(formatWhen(config, state.lastActivityAt))}` : ''}${title}`;
}

/** Avito's view, not the store's: it holds what the seller wrote in the app too. */
async function readChatHistory(context: ToolContext, chatId: string, limit: number) {
  const t = mcpServerText();
  const config = context.loadConfig();
  const reader = await openStoreFor(config, { readOnly: true });
  let messenger;
  let waiting: WaitingChat | undefined;
  try {
    waiting = readWaitingChat(reader, chatId, Date.now());
    messenger = await createMessengerFor(config, reader, context.logger);
  } finally {
    await reader.close();
  }
  const messages = (await messenger.listMessages(chatId, { limit })).sort((a, b) => a.created - b.created);
  const lines = [t.historyHead(chatId, waiting ? describeWait(config, waiting) : t.active), ...messages.map((message) => describeMessage(config, message))];
  if (messages.length === 0) lines.push(t.historyEmpty);
  return textResult(lines.join('\n'), {
    chat_id: chatId,
    state: waiting ? jsonState(waiting) : 'active',
    messages: messages.map((message) => ({
      id: message.id,
      created: new Date(message.created * 1000).toISOString(),
      direction: message.direction,
      type: message.type,
      text: message.text,
    })),
  });
}

function describeMessage(config: Config, message: ChatMessage): string {
  const t = mcpServerText();
  const who = message.direction === 'in' ? t.buyer : t.seller;
  const type = message.type === 'text' ? '' : `[${message.type}] `;
  return `${formatWhen(config, message.created * 1000)} ${who}: ${type}${message.text}`;
}

function describeStats(figures: MonitorStats): string {
  const t = mcpServerText();
  const percent = (share: number | undefined): string => (share === undefined ? '—' : `${Math.round(share * 100)}%`);
  const rate = figures.answer_rate;
  const pause = figures.account_pause;
  return [
    t.statsLines({
      total: figures.total_messages,
      pending: figures.pending_messages,
      completed: figures.completed_messages,
      failed: figures.failed_messages,
      escalated: figures.escalated_chats,
      leftOut: figures.left_out_chats,
      paused: figures.paused_chats,
      dialogs: figures.active_dialogs,
      lastPoll: figures.last_poll_time ?? t.never,
    }),
    pause ? t.statsAccountPause(pause.since, pause.until ?? undefined) : t.statsNoAccountPause,
    ...(figures.last_error ? [t.statsLastError(figures.last_error, figures.last_error_time ?? '—')] : []),
    ...(rate ? [t.statsRate(percent(rate.found), percent(rate.found_partly), percent(rate.not_found), percent(rate.escalation))] : []),
  ].join('\n');
}
