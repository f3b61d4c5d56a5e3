/** The seller's remote window (Telegram): each chat action runs in the responder's queue, never alongside the bot answering that chat. */
import { applyControl, type ControlRequest } from './chat-control.js';
import type { PassSummary } from './poll.js';
import type { ChatState, Clock, CounterName, Messenger, Store } from './ports.js';
import type { Responder } from './responder.js';
import { sendAsSeller } from './seller-reply.js';
import { HOUR_MS } from './time.js';

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
  paused: number;
}

export interface SellerActions {
  /** Pauses the bot there for HUMAN_PAUSE_HOURS. */
  sendAsSeller(chatId: string, text: string): Promise<{ parts: number; pausedUntil: number }>;
  /** Resolves with the epoch ms the pause lasts until. */
  pause(chatId: string, hours: number): Promise<number>;
  /** False when the chat is unknown. */
  resume(chatId: string): Promise<boolean>;
  /** Escalated and paused chats, most recent activity first. */
  attention(): ChatState[];
  status(): StatusReport;
}

export interface SellerActionsDeps {
  messenger: Messenger;
  store: Store;
  responder: Responder;
  clock: Clock;
  humanPauseHours: number;
  status: () => DaemonStatus;
}

export function createSellerActions(deps: SellerActionsDeps): SellerActions {
  const { store, clock } = deps;
  const isPaused = (state: ChatState): boolean => (state.pausedUntil ?? 0) > clock.now();

  return {
    sendAsSeller(chatId, text) {
      // As if typed in the Avito app: the next look sees it and stays silent, without telling the seller what they did.
      return deps.responder.exclusive(chatId, async () => {
        const applyPause = (request: ControlRequest): Promise<void> => store.transact((tx) => applyControl(tx, request));
        const { parts, pausedUntil } = await sendAsSeller({ ...deps, applyPause }, chatId, text);
        return { parts, pausedUntil };
      });
    },

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

    attention() {
      return store
        .listChats()
        .filter((state) => state.escalatedAt !== undefined || isPaused(state))
        .sort((a, b) => (b.lastActivityAt ?? 0) - (a.lastActivityAt ?? 0));
    },

    status() {
      const chats = store.listChats();
      return {
        daemon: deps.status(),
        counters: store.counters(),
        escalated: chats.filter((state) => state.escalatedAt !== undefined).length,
        paused: chats.filter(isPaused).length,
      };
    },
  };
}
