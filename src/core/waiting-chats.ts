/**
 * Which chats wait for the seller, and why: one reading for the dashboard, `avito-ai chats`, the MCP server's
 * `chats_waiting` and Telegram's /chats. A chat waits when the buyer asked for a person (escalated), when the bot's
 * newest answer left one of the buyer's questions to the seller and the seller has not written in the chat since
 * (answered in part), or when the bot is paused in it.
 */
import type { ChatState, DialogRecord, StoreReader } from './ports.js';

/** The dialogs read for answers given in part: the newest per chat among them. */
const PARTLY_WINDOW = 200;

/** Stable names: `chats --json` and the MCP server's structured output give them as they are. */
export type ChatWait = 'escalated' | 'left_out' | 'paused' | 'active';

export interface WaitingChat {
  state: ChatState;
  wait: ChatWait;
  /** `left_out`: the answer that left questions out, with them. */
  partly?: PartlyAnswered;
}

export interface PartlyAnswered {
  at: number;
  question: string;
  leftOut: string[];
}

type WaitingReader = Pick<StoreReader, 'forEachChat' | 'recentDialogs'>;

/**
 * The chats waiting for the seller (every chat with `all`), the latest activity first. Only the chats listed are copied:
 * a copy of every chat would hold the event loop of a daemon with many.
 */
export function listWaitingChats(store: WaitingReader, now: number, options: { all?: boolean } = {}): WaitingChat[] {
  const partly = readPartlyAnswered(store);
  const chats: WaitingChat[] = [];
  store.forEachChat((state) => {
    const { wait, answer } = readChatWait(state, now, partly.get(state.chatId));
    if (wait === 'active' && !options.all) return;
    chats.push({ state: structuredClone(state) as ChatState, wait, ...(answer ? { partly: answer } : {}) });
  });
  return chats.sort((a, b) => (b.state.lastActivityAt ?? 0) - (a.state.lastActivityAt ?? 0));
}

/** One chat's wait, as `listWaitingChats` reads it; undefined for a chat the store does not know. */
export function readWaitingChat(store: WaitingReader & Pick<StoreReader, 'getChat'>, chatId: string, now: number): WaitingChat | undefined {
  const state = store.getChat(chatId);
  if (!state) return undefined;
  const { wait, answer } = readChatWait(state, now, readPartlyAnswered(store).get(chatId));
  return { state, wait, ...(answer ? { partly: answer } : {}) };
}

/** Why one chat waits, given the newest answer in it that left questions out. */
function readChatWait(state: Readonly<ChatState>, now: number, answer: PartlyAnswered | undefined): { wait: ChatWait; answer?: PartlyAnswered } {
  if (state.escalatedAt !== undefined) return { wait: 'escalated' };
  if ((state.pausedUntil ?? 0) > now) return { wait: 'paused' };
  // The seller's own message in the chat (a takeover) moves lastActivityAt past the answer: the rest is answered.
  if (answer && (state.lastActivityAt ?? 0) <= answer.at) return { wait: 'left_out', answer };
  return { wait: 'active' };
}

/** Per chat, its newest answer if that answer left questions out (a later full answer means the buyer moved on). */
function readPartlyAnswered(store: Pick<StoreReader, 'recentDialogs'>): Map<string, PartlyAnswered> {
  const newest = new Set<string>();
  const partly = new Map<string, PartlyAnswered>();
  for (const dialog of store.recentDialogs(PARTLY_WINDOW)) {
    if (newest.has(dialog.chatId)) continue;
    newest.add(dialog.chatId);
    if (dialog.leftOut?.length) partly.set(dialog.chatId, toPartlyAnswered(dialog));
  }
  return partly;
}

function toPartlyAnswered(dialog: DialogRecord): PartlyAnswered {
  return { at: dialog.at, question: dialog.question, leftOut: dialog.leftOut ?? [] };
}
