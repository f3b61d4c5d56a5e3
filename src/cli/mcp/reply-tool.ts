/** `reply_as_seller`: a preview unless confirmed; a confirmed text goes out once, however often the assistant repeats the call. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { splitText } from '../../core/split-text.js';
import { MessengerError, describeError } from '../../errors.js';
import { mcpServerText } from '../../messages/mcp-server.js';
import { sendTextAsSeller } from '../commands/reply.js';
import { formatWhen } from '../commands/pause.js';
import { describeQueue, errorResult, textResult, type ToolContext } from './tool-result.js';
import type { Guard } from './server.js';

/** A repeated confirmed call within this time is taken for a retry (a client's timeout, an assistant's second try), not a new message. */
const REPEAT_WINDOW_MS = 10 * 60_000;

export function registerReplyTool(server: McpServer, context: ToolContext, guard: Guard): void {
  const t = mcpServerText();
  // Texts sent (or being sent) by this server, by chat and text: what makes "exactly once" hold against a repeated call.
  const sent = new Map<string, number>();
  server.registerTool(
    'reply_as_seller',
    {
      title: t.replyTitle,
      description: t.replyDescription,
      inputSchema: {
        chat_id: z.string().trim().min(1).describe(t.historyChat),
        text: z.string().describe(t.replyText),
        confirm: z.boolean().optional().describe(t.replyConfirm),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    guard(async ({ chat_id: chatId, text, confirm }) => {
      if (text.trim() === '') return errorResult(t.textEmpty);
      const config = context.loadConfig();
      const hours = config.responder.humanPauseHours;
      const parts = splitText(text);
      if (confirm !== true) {
        const preview = [t.preview(chatId, parts.length, hours), ...parts.map((part) => `  → ${part}`), t.confirmHint].join('\n');
        return textResult(preview, { chat_id: chatId, sent: false, parts });
      }
      const key = `${chatId}\n${text.trim()}`;
      const now = Date.now();
      for (const [other, at] of sent) if (now - at > REPEAT_WINDOW_MS) sent.delete(other);
      const before = sent.get(key);
      if (before !== undefined) return errorResult(t.alreadySent(chatId, formatWhen(config, before)), { chat_id: chatId, sent: false, duplicate: true });
      sent.set(key, now);
      let result;
      try {
        result = await sendTextAsSeller(config, context.logger, chatId, text);
      } catch (error) {
        // Refused before anything could land: the assistant may try again. A timeout may have delivered it: no repeat.
        if (!(error instanceof MessengerError && error.ambiguous)) sent.delete(key);
        if (error instanceof MessengerError && error.failure === 'not-found') return errorResult(t.unknownChat(chatId));
        throw error;
      }
      const what = t.sent(chatId, result.parts);
      const structured = { chat_id: chatId, sent: true, parts: result.parts, paused_until: new Date(result.pausedUntil).toISOString() };
      if ('pauseFailed' in result) return errorResult(`${what}; ${t.sentPauseFailed(describeError(result.pauseFailed))}`, { ...structured, pause: 'failed' });
      const pause = result.pause.applied === 'now' ? t.sentPaused(hours) : t.sentPauseQueued(describeQueue(config));
      return textResult(`${what}; ${pause}.`, { ...structured, pause: result.pause.applied });
    }, { writes: true }),
  );
}
