/** `avito-ai chats`: escalated and paused chats, with their last activity; first, whether the bot is held on the whole account. */
import { readAccountPause } from '../../core/account-pause.js';
import { readAnotherResponder } from '../../core/another-responder.js';
import type { ChatState, StoreReader } from '../../core/ports.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { openStoreFor } from '../services.js';
import { loadAccountConfig } from '../accounts/load.js';
import { commandsText } from '../../messages/commands.js';

export default async function chats(context: CommandContext): Promise<ExitCode> {
  const config = loadAccountConfig(context);
  // Read-only: works while the daemon holds the store.
  const store = await openStoreFor(config, { readOnly: true });
  const now = Date.now();
  let rows: ChatState[];
  let account: string[];
  try {
    account = describeAccountHold(store, now);
    rows = listChatRows(store, Boolean(context.options.all), now);
  } finally {
    await store.close();
  }
  const out = context.io.stdout;
  const text = commandsText();
  // JSON keeps stable English states for scripts; the table speaks the seller's language.
  const stateOf = (s: ChatState): string =>
    s.escalatedAt !== undefined ? 'escalated' : (s.pausedUntil ?? 0) > now ? `paused (${s.pauseReason ?? 'manual'})` : 'active';
  const describeState = (s: ChatState): string =>
    s.escalatedAt !== undefined ? text.stateEscalated : (s.pausedUntil ?? 0) > now ? text.statePaused(s.pauseReason ?? text.pauseReasonManual) : text.stateActive;
  if (context.options.json) {
    out.write(
      `${JSON.stringify(
        rows.map((s) => toJsonChat(s, stateOf(s), now)),
        null,
        2,
      )}\n`,
    );
    return ExitCode.Ok;
  }
  // Not in --json: its array is what scripts read (stats --json carries the account pause).
  for (const line of account) out.write(`${line}\n`);
  if (rows.length === 0) {
    out.write(`${context.options.all ? text.noChatsYet : text.noEscalated}\n`);
    return ExitCode.Ok;
  }
  const format = (ms: number | undefined): string => (ms ? formatMinute(ms) : '—');
  for (const s of rows) {
    const until = (s.pausedUntil ?? 0) > now ? text.untilTime(format(s.pausedUntil)) : '';
    const title = s.listing?.title ? ` · ${s.listing.title}` : '';
    out.write(`${text.chatRow(s.chatId, describeState(s), until, format(s.lastActivityAt), title)}\n`);
  }
  return ExitCode.Ok;
}

/** Escalated and paused chats (every chat with `all`), the latest activity first: for `chats` and the MCP server's `chats_waiting`. */
export function listChatRows(store: Pick<StoreReader, 'listChats'>, all: boolean, now: number): ChatState[] {
  return store
    .listChats()
    .filter((s) => all || s.escalatedAt !== undefined || (s.pausedUntil ?? 0) > now)
    .sort((a, b) => (b.lastActivityAt ?? 0) - (a.lastActivityAt ?? 0));
}

/** One row of `chats --json`. */
export function toJsonChat(s: ChatState, state: string, now: number): Record<string, string | number | null> {
  return {
    chat_id: s.chatId,
    state,
    item_id: s.listing?.id ?? null,
    item_title: s.listing?.title ?? null,
    paused_until: s.pausedUntil && s.pausedUntil > now ? new Date(s.pausedUntil).toISOString() : null,
    escalated_at: s.escalatedAt ? new Date(s.escalatedAt).toISOString() : null,
    last_activity: s.lastActivityAt ? new Date(s.lastActivityAt).toISOString() : null,
  };
}

/** Lines for what silences the bot on every chat: the seller's pause --all, another responder found. */
function describeAccountHold(store: Pick<StoreReader, 'getMeta'>, now: number): string[] {
  const text = commandsText();
  const lines: string[] = [];
  const pause = readAccountPause(store, now);
  if (pause) {
    lines.push(text.accountPaused(pause.until === undefined ? text.untilResume : text.untilOrResume(formatMinute(pause.until))));
  }
  const another = readAnotherResponder(store);
  if (another) lines.push(text.accountHeld(another.chatId || '?'));
  return lines;
}

function formatMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
