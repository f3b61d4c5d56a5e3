/**
 * Which chats wait for the seller, and why: one reading for the dashboard, `avito-ai chats`, the MCP server's
 * `chats_waiting` and Telegram's /chats. A chat waits when the buyer asked for a person (escalated), when the bot's
 * newest answer left one of the buyer's questions to the seller and the seller has not written in the chat since
 * (answered in part), or when the bot is paused in it.
 */
import type { ChatState, DialogRecord, StoreReader } from './ports.js';

/** How far back each chat's newest dialog is looked for (its last question, an answer given in part). */
const DIALOG_WINDOW = 200;

/** Stable names: `chats --json` and the MCP server's structured output give them as they are. */
export type ChatWait = 'escalated' | 'left_out' | 'paused' | 'active';

export interface WaitingChat {
  state: ChatState;
  wait: ChatWait;
  /** `left_out`: the answer that left questions out, with them. */
  partly?: PartlyAnswered;
  /** What the buyer asked last, from the newest dialogs, where one of them is this chat's. */
  lastQuestion?: string;
}

export interface PartlyAnswered {
  at: number;
  question: string;
  leftOut: string[];
  /**
   * Whether the bot sent an answer to the rest. False where it withheld a partial answer it was not sure of and sent
   * the fallback: the seller is told the bot answered nothing, not that it answered in part.
   */
  answered: boolean;
}

type WaitingReader = Pick<StoreReader, 'forEachChat' | 'recentDialogs'>;

/**
 * The chats waiting for the seller (every chat with `all`), the latest activity first. Only the chats listed are copied:
 * a copy of every chat would hold the event loop of a daemon with many.
 */
export function listWaitingChats(store: WaitingReader, now: number, options: { all?: boolean } = {}): WaitingChat[] {
  const newest = readNewestDialogs(store);
  const chats: WaitingChat[] = [];
  store.forEachChat((state) => {
    const dialog = newest.get(state.chatId);
    const { wait, answer } = readChatWait(state, now, dialog);
    if (wait === 'active' && !options.all) return;
    chats.push({ state: structuredClone(state) as ChatState, wait, ...(answer ? { partly: answer } : {}), ...(dialog ? { lastQuestion: dialog.question } : {}) });
  });
  return chats.sort((a, b) => (b.state.lastActivityAt ?? 0) - (a.state.lastActivityAt ?? 0));
}

/**
 * How many chats wait for each reason, read as `listWaitingChats` reads them, with no chat copied (for `/stats`).
 * `dialogs`: the newest dialogs, newest first, where the caller has read them already (at least DIALOG_WINDOW of them).
 */
export function countWaitingChats(store: WaitingReader, now: number, dialogs?: readonly DialogRecord[]): Record<ChatWait, number> {
  const newest = readNewestDialogs(store, dialogs);
  const counts: Record<ChatWait, number> = { escalated: 0, left_out: 0, paused: 0, active: 0 };
  store.forEachChat((state) => counts[readChatWait(state, now, newest.get(state.chatId)).wait]++);
  return counts;
}

/** One chat's wait, as `listWaitingChats` reads it; undefined for a chat the store does not know. */
export function readWaitingChat(store: WaitingReader & Pick<StoreReader, 'getChat'>, chatId: string, now: number): WaitingChat | undefined {
  const state = store.getChat(chatId);
  if (!state) return undefined;
  const dialog = readNewestDialogs(store).get(chatId);
  const { wait, answer } = readChatWait(state, now, dialog);
  return { state, wait, ...(answer ? { partly: answer } : {}), ...(dialog ? { lastQuestion: dialog.question } : {}) };
}

/**
 * Why one chat waits, given its newest dialog: an answer that left questions out keeps the chat waiting (a later full
 * answer means the buyer moved on).
 */
function readChatWait(state: Readonly<ChatState>, now: number, newest: DialogRecord | undefined): { wait: ChatWait; answer?: PartlyAnswered } {
  if (state.escalatedAt !== undefined) return { wait: 'escalated' };
  if ((state.pausedUntil ?? 0) > now) return { wait: 'paused' };
  // The seller's own message in the chat (a takeover) moves lastActivityAt past the answer: the rest is answered.
  if (newest?.leftOut?.length && (state.lastActivityAt ?? 0) <= newest.at) {
    return { wait: 'left_out', answer: { at: newest.at, question: newest.question, leftOut: newest.leftOut, answered: newest.status === 'FOUND' } };
  }
  return { wait: 'active' };
}

/** Per chat, its newest dialog among the recent ones (of `read`, newest first, where given: one read of the store, not two). */
function readNewestDialogs(store: Pick<StoreReader, 'recentDialogs'>, read?: readonly DialogRecord[]): Map<string, DialogRecord> {
  const newest = new Map<string, DialogRecord>();
  for (const dialog of read?.slice(0, DIALOG_WINDOW) ?? store.recentDialogs(DIALOG_WINDOW)) if (!newest.has(dialog.chatId)) newest.set(dialog.chatId, dialog);
  return newest;
}
