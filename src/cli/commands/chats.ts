/** `avito-ai chats`: escalated and paused chats, with their last activity. */
import type { ChatState } from '../../core/ports.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { loadConfig, openStoreFor } from '../services.js';

export default async function chats(context: CommandContext): Promise<ExitCode> {
  const config = loadConfig(context);
  // Read-only: works while the daemon holds the store.
  const store = await openStoreFor(config, { readOnly: true });
  const now = Date.now();
  let rows: ChatState[];
  try {
    rows = store
      .listChats()
      .filter((s) => context.options.all || s.escalatedAt !== undefined || (s.pausedUntil ?? 0) > now)
      .sort((a, b) => (b.lastActivityAt ?? 0) - (a.lastActivityAt ?? 0));
  } finally {
    await store.close();
  }
  const out = context.io.stdout;
  const stateOf = (s: ChatState): string =>
    s.escalatedAt !== undefined ? 'escalated' : (s.pausedUntil ?? 0) > now ? `paused (${s.pauseReason ?? 'manual'})` : 'active';
  if (context.options.json) {
    out.write(
      `${JSON.stringify(
        rows.map((s) => ({
          chat_id: s.chatId,
          state: stateOf(s),
          item_id: s.listing?.id ?? null,
          item_title: s.listing?.title ?? null,
          paused_until: s.pausedUntil && s.pausedUntil > now ? new Date(s.pausedUntil).toISOString() : null,
          escalated_at: s.escalatedAt ? new Date(s.escalatedAt).toISOString() : null,
          last_activity: s.lastActivityAt ? new Date(s.lastActivityAt).toISOString() : null,
        })),
        null,
        2,
      )}\n`,
    );
    return ExitCode.Ok;
  }
  if (rows.length === 0) {
    out.write(context.options.all ? 'no chats in the store yet\n' : 'no escalated or paused chats\n');
    return ExitCode.Ok;
  }
  const format = (ms: number | undefined): string => (ms ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : '—');
  for (const s of rows) {
    const until = (s.pausedUntil ?? 0) > now ? ` until ${format(s.pausedUntil)}` : '';
    const title = s.listing?.title ? ` · ${s.listing.title}` : '';
    out.write(`${s.chatId}  ${stateOf(s)}${until}  last activity ${format(s.lastActivityAt)}${title}\n`);
  }
  return ExitCode.Ok;
}
