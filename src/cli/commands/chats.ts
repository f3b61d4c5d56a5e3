/** `avito-ai chats`: the chats waiting for the seller (core/waiting-chats.ts), with their last activity; first, whether the bot is held on the whole account. */
import { readAccountPause } from '../../core/account-pause.js';
import { readAnotherResponder } from '../../core/another-responder.js';
import type { StoreReader } from '../../core/ports.js';
import { listWaitingChats, type WaitingChat } from '../../core/waiting-chats.js';
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
  let rows: WaitingChat[];
  let account: string[];
  try {
    account = describeAccountHold(store, now);
    rows = listWaitingChats(store, now, { all: Boolean(context.options.all) });
  } finally {
    await store.close();
  }
  const out = context.io.stdout;
  const text = commandsText();
  if (context.options.json) {
    out.write(
      `${JSON.stringify(
        rows.map((row) => toJsonChat(row, now)),
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
  for (const row of rows) {
    const s = row.state;
    const until = (s.pausedUntil ?? 0) > now ? text.untilTime(format(s.pausedUntil)) : '';
    const title = s.listing?.title ? ` · ${s.listing.title}` : '';
    out.write(`${text.chatRow(s.chatId, describeWait(row), until, format(s.lastActivityAt), title)}\n`);
  }
  return ExitCode.Ok;
}

/** The table's state of a chat, in the seller's language. */
function describeWait({ state, wait, partly }: WaitingChat): string {
  const text = commandsText();
  if (wait === 'escalated') return text.stateEscalated;
  if (wait === 'paused') return text.statePaused(state.pauseReason ?? text.pauseReasonManual);
  if (wait === 'left_out') return text.stateLeftOut(partly?.leftOut ?? [], partly?.answered ?? true);
  return text.stateActive;
}

/** A chat's state in stable English words for scripts: "escalated", "left_out", "paused (takeover)", "active". */
export function jsonState({ state, wait }: Pick<WaitingChat, 'state' | 'wait'>): string {
  return wait === 'paused' ? `paused (${state.pauseReason ?? 'manual'})` : wait;
}

/** One row of `chats --json` and of the MCP server's `chats_waiting`, with the questions left to the seller. */
export function toJsonChat(row: WaitingChat, now: number): Record<string, string | number | boolean | string[] | null> {
  const { state: s, partly } = row;
  return {
    chat_id: s.chatId,
    state: jsonState(row),
    item_id: s.listing?.id ?? null,
    item_title: s.listing?.title ?? null,
    paused_until: s.pausedUntil && s.pausedUntil > now ? new Date(s.pausedUntil).toISOString() : null,
    escalated_at: s.escalatedAt ? new Date(s.escalatedAt).toISOString() : null,
    last_activity: s.lastActivityAt ? new Date(s.lastActivityAt).toISOString() : null,
    ...(partly ? { left_out: partly.leftOut, bot_answered: partly.answered } : {}),
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
