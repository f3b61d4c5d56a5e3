/** The seller's remote window (Telegram): each chat action runs in the responder's queue, never alongside the bot answering that chat. */
import { describeError } from '../errors.js';
import { readAccountPause, type AccountPause } from './account-pause.js';
import { readAnotherResponder } from './another-responder.js';
import { abortableSleep } from './async.js';
import { applyControl, type ControlRequest } from './chat-control.js';
import type { ChatMessage } from './model.js';
import type { PassSummary } from './poll.js';
import type { ChatState, Clock, CounterName, Messenger, Store, StoreTransaction } from './ports.js';
import { DEFAULT_SEND_SETTLE_MS, settleDeadline } from './pending-reply.js';
import { readAvitoClockOffset, type Responder } from './responder.js';
import { sendAsSeller } from './seller-reply.js';
import { splitText } from './split-text.js';
import { HOUR_MS } from './time.js';
import { countWaitingChats, listWaitingChats, type WaitingChat } from './waiting-chats.js';

export interface DaemonStatus {
  startedAt: number;
  passes: number;
  lastPassAt?: number;
  lastPass?: PassSummary;
  lastError?: { at: number; message: string };
}

export interface StatusReport {
  daemon: DaemonStatus;
  counters: Record<CounterName, number>;
  escalated: number;
  /** Chats whose newest answer left questions to the seller, who has not written since. */
  leftOut: number;
  paused: number;
}

/** What keeps the bot silent on every chat. */
export interface AccountHold {
  /** The seller's `pause --all` in force. */
  pause: AccountPause | undefined;
  /** Another responder was found on the account. */
  anotherResponder: boolean;
}

/** An owner's answer on its way to the buyer: stored before Telegram confirms the update, kept until the owner heard its fate, so a crash in between is settled at the next start. */
export interface SellerReply {
  /** `<owner chat>:<message id>:<date>`: the same message delivered again by Telegram is known by it. */
  id: string;
  ownerChatId: number;
  ownerMessageId: number;
  chatId: string;
  text: string;
  receivedAt: number;
  /** Set just before the first part goes to Avito: from then on the reply may land, even after a crash. */
  sendingSince?: number;
}

export type LeftReplyFate =
  | { kind: 'delivered' }
  | { kind: 'partial'; sent: number; parts: number }
  | { kind: 'not-sent' }
  /** Avito could not be asked: the reply may have gone out. */
  | { kind: 'unknown'; error: string };

export interface SellerActions {
  /** Pauses the bot there for HUMAN_PAUSE_HOURS, marking `replyId`'s reply under way first. `pauseFailed`: sent, but not paused (the bot may answer there). */
  sendAsSeller(chatId: string, text: string, replyId?: string): Promise<{ parts: number; pausedUntil: number; pauseFailed?: string }>;
  /** Durable when it resolves; false when this reply was accepted before (Telegram delivered the update again). */
  acceptSellerReply(reply: SellerReply): Promise<boolean>;
  forgetSellerReply(replyId: string): Promise<void>;
  pendingSellerReplies(): SellerReply[];
  /** After a restart: waits until a send that may still land has had the time to, then reads the chat; undefined when `signal` aborted first (the reply stays). */
  reviewSellerReply(reply: SellerReply, signal: AbortSignal): Promise<LeftReplyFate | undefined>;
  pause(chatId: string, hours: number): Promise<number>;
  resume(chatId: string): Promise<boolean>;
  /** No chat is answered until `resumeAccount`, or for `hours` when given. */
  pauseAccount(hours?: number): Promise<AccountPause>;
  /** Lifts the account pause and the hold for another responder; returns what held the bot before. */
  resumeAccount(): Promise<AccountHold>;
  accountHold(): AccountHold;
  /** The chats waiting for the seller (waiting-chats.ts), the latest activity first. */
  attention(): WaitingChat[];
  status(): StatusReport;
}

export interface SellerActionsDeps {
  messenger: Messenger;
  store: Store;
  responder: Responder;
  clock: Clock;
  humanPauseHours: number;
  status: () => DaemonStatus;
  /** How long a send may take to land after it started (the responder's settle window); default 30 s. */
  sendSettleMs?: number;
}

export function createSellerActions(deps: SellerActionsDeps): SellerActions {
  const { store, clock } = deps;
  const isPaused = (state: ChatState): boolean => (state.pausedUntil ?? 0) > clock.now();

  return {
    sendAsSeller(chatId, text, replyId) {
      // As if typed in the Avito app: the next look sees it and stays silent, without telling the seller what they did.
      return deps.responder.exclusive(chatId, async () => {
        if (replyId !== undefined) await store.transact((tx) => markSending(tx, store, replyId, clock.now()));
        const applyPause = (request: ControlRequest): Promise<void> => store.transact((tx) => applyControl(tx, request));
        const sent = await sendAsSeller({ ...deps, applyPause }, chatId, text);
        return { parts: sent.parts, pausedUntil: sent.pausedUntil, ...('pauseFailed' in sent ? { pauseFailed: describeError(sent.pauseFailed) } : {}) };
      });
    },

    acceptSellerReply: (reply) => acceptSellerReply(deps, reply),
    forgetSellerReply: (replyId) => forgetSellerReply(deps, replyId),

    pendingSellerReplies: () => readOutbox(store).open,

    reviewSellerReply: (reply, signal) => reviewSellerReply(deps, reply, signal),

    pause(chatId, hours) {
      return deps.responder.exclusive(chatId, async () => {
        const until = clock.now() + hours * HOUR_MS;
        await store.transact((tx) => applyControl(tx, { op: 'pause', chatId, until }));
        return until;
      });
    },

    resume(chatId) {
      return deps.responder.exclusive(chatId, async () => {
        if (!store.getChat(chatId)) return false;
        await store.transact((tx) => applyControl(tx, { op: 'resume', chatId, at: clock.now() }));
        return true;
      });
    },

    // Account-wide, so in no chat's queue: a chat being answered at this moment finishes.
    async pauseAccount(hours) {
      const since = clock.now();
      const pause: AccountPause = hours === undefined ? { since } : { since, until: since + hours * HOUR_MS };
      await store.transact((tx) => applyControl(tx, { op: 'pause-account', at: since, ...(pause.until === undefined ? {} : { until: pause.until }) }));
      return pause;
    },

    async resumeAccount() {
      const before = readAccountHold(store, clock.now());
      await store.transact((tx) => applyControl(tx, { op: 'resume-account', at: clock.now() }));
      return before;
    },

    accountHold: () => readAccountHold(store, clock.now()),

    attention: () => listWaitingChats(store, clock.now()),

    status() {
      const chats = store.listChats();
      return {
        daemon: deps.status(),
        counters: store.counters(),
        escalated: chats.filter((state) => state.escalatedAt !== undefined).length,
        leftOut: countWaitingChats(store, clock.now()).left_out,
        paused: chats.filter(isPaused).length,
      };
    },
  };
}

function readAccountHold(store: Store, now: number): AccountHold {
  return { pause: readAccountPause(store, now), anotherResponder: readAnotherResponder(store) !== undefined };
}

async function acceptSellerReply({ store, clock }: SellerActionsDeps, reply: SellerReply): Promise<boolean> {
  let fresh = false;
  await store.transact((tx) => {
    const outbox = readOutbox(store);
    if (outbox.open.some((open) => open.id === reply.id) || outbox.done.some(([id]) => id === reply.id)) return;
    fresh = true;
    writeOutbox(tx, { ...outbox, open: [...outbox.open, reply] }, clock.now());
  });
  return fresh;
}

function forgetSellerReply({ store, clock }: SellerActionsDeps, replyId: string): Promise<void> {
  return store.transact((tx) => {
    const outbox = readOutbox(store);
    const open = outbox.open.filter((reply) => reply.id !== replyId);
    writeOutbox(tx, { open, done: [...outbox.done, [replyId, clock.now()]] }, clock.now());
  });
}

async function reviewSellerReply(deps: SellerActionsDeps, reply: SellerReply, signal: AbortSignal): Promise<LeftReplyFate | undefined> {
  // Marked before any part went out: a reply the crash caught waiting in the chat's queue never left.
  if (reply.sendingSince === undefined) return signal.aborted ? undefined : { kind: 'not-sent' };
  const parts = splitText(reply.text);
  // As for the bot's own replies.
  const settledAt = settleDeadline(reply.sendingSince, parts.length, deps.sendSettleMs ?? DEFAULT_SEND_SETTLE_MS);
  await abortableSleep(Math.max(0, settledAt - deps.clock.now()), signal);
  if (signal.aborted) return undefined;
  let history: ChatMessage[];
  try {
    history = await deps.messenger.listMessages(reply.chatId, { limit: 100 });
  } catch (error) {
    return { kind: 'unknown', error: describeError(error) };
  }
  const offset = readAvitoClockOffset(deps.store);
  // Avito stamps whole seconds by its own clock; the slack keeps a late-running clock here from missing the reply.
  const since = (reply.receivedAt + offset - CLOCK_SLACK_MS) / 1000;
  const sent = countLanded(parts, history.filter((message) => message.direction === 'out' && message.created >= since).reverse());
  if (sent === parts.length) return { kind: 'delivered' };
  return sent === 0 ? { kind: 'not-sent' } : { kind: 'partial', sent, parts: parts.length };
}

function countLanded(parts: readonly string[], outgoing: readonly ChatMessage[]): number {
  let landed = 0;
  for (const message of outgoing) {
    if (landed < parts.length && message.text.trim() === parts[landed]!.trim()) landed++;
  }
  return landed;
}

const CLOCK_SLACK_MS = 10_000;

/** Open replies, and the ids of those settled lately so a redelivered update is not sent again. */
const META_SELLER_REPLIES = 'seller.replies';
/** Telegram keeps an unconfirmed update for 24 hours: a settled id is not needed longer. */
const DONE_KEPT_MS = 24 * HOUR_MS;
const DONE_KEPT_MAX = 1000;

interface Outbox {
  open: SellerReply[];
  done: Array<[id: string, at: number]>;
}

function readOutbox(store: Pick<Store, 'getMeta'>): Outbox {
  const raw = store.getMeta(META_SELLER_REPLIES);
  if (raw === undefined) return { open: [], done: [] };
  try {
    const parsed = JSON.parse(raw) as Partial<Outbox>;
    return { open: Array.isArray(parsed.open) ? parsed.open.filter(isSellerReply) : [], done: Array.isArray(parsed.done) ? parsed.done : [] };
  } catch {
    return { open: [], done: [] };
  }
}

function writeOutbox(tx: StoreTransaction, outbox: Outbox, now: number): void {
  const done = outbox.done.filter(([, at]) => now - at < DONE_KEPT_MS).slice(-DONE_KEPT_MAX);
  tx.setMeta(META_SELLER_REPLIES, JSON.stringify({ open: outbox.open, done }));
}

function markSending(tx: StoreTransaction, store: Pick<Store, 'getMeta'>, replyId: string, now: number): void {
  const outbox = readOutbox(store);
  const open = outbox.open.map((reply) => (reply.id === replyId ? { ...reply, sendingSince: now } : reply));
  writeOutbox(tx, { ...outbox, open }, now);
}

function isSellerReply(value: unknown): value is SellerReply {
  const reply = value as Partial<SellerReply> | null;
  return typeof reply?.id === 'string' && typeof reply.chatId === 'string' && typeof reply.text === 'string' && typeof reply.ownerChatId === 'number';
}
