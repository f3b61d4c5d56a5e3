/**
 * Accounts that share one Telegram bot: Telegram lets one reader take a bot's updates, so one listener serves them
 * all, and each owner's reply, button or command goes to the account whose store knows the chat. Notices still go out
 * through each account's own notifier, naming the account. Sharing a bot takes sharing its owners (config/accounts.ts).
 */
import type { Config } from '../../config/config.js';
import type { CounterName, StoreReader } from '../../core/ports.js';
import type { AccountHold, SellerActions, StatusReport } from '../../core/seller-actions.js';
import type { Daemon } from '../daemon.js';
import type { Logger } from '../logger.js';
import { createTelegramFor } from '../notices.js';

/** The bot an account's notices go through, or undefined without Telegram. */
function botKey(config: Config): string | undefined {
  return config.telegram.botToken === undefined ? undefined : `${config.telegram.apiRoot} ${config.telegram.botToken}`;
}

/** Listens itself when its bot is its own; `shared` when another account has the same bot. */
export function chooseListenMode(config: Config, accounts: readonly Config[]): true | 'shared' {
  const key = botKey(config);
  return key !== undefined && accounts.some((other) => other !== config && botKey(other) === key) ? 'shared' : true;
}

interface SharingAccount {
  config: Config;
  daemon: Daemon;
}

/** One reader per shared bot, until `signal` aborts; resolves once every reader stopped. */
export async function listenSharedBots(accounts: readonly SharingAccount[], logger: Logger, signal: AbortSignal): Promise<void> {
  const groups = new Map<string, SharingAccount[]>();
  for (const account of accounts) {
    const key = botKey(account.config);
    if (key === undefined || !account.daemon.sellerActions) continue;
    groups.set(key, [...(groups.get(key) ?? []), account]);
  }
  // A bot of one account is read by that account's daemon.
  const readers = [...groups.values()].filter((group) => group.length > 1).map(async (group) => {
    // A bot of its own for reading: unnamed, since its /status and /chats speak for every account it serves.
    const window = await createTelegramFor({ ...group[0]!.config, account: undefined }, logger);
    const actions = combineSellerActions(group.map(({ daemon }) => ({ actions: daemon.sellerActions!, store: daemon.store })));
    if (!window) return;
    // With STORE_URL several processes run this: the first account's Telegram lease picks the one reader.
    const cluster = group[0]!.daemon.cluster;
    await (cluster ? cluster.holdTelegram((turn) => window.bot.listen(actions, turn), signal) : window.bot.listen(actions, signal));
  });
  await Promise.all(readers);
}

/** Each chat's action in the account whose store knows the chat (the first account for a chat none knows); account-wide ones in every account. */
export function combineSellerActions(accounts: ReadonlyArray<{ actions: SellerActions; store: Pick<StoreReader, 'getChat'> }>): SellerActions {
  const first = accounts[0]!.actions;
  const ownerOf = (chatId: string): SellerActions => accounts.find(({ store }) => store.getChat(chatId) !== undefined)?.actions ?? first;
  // Which account holds each owner's reply, so it is forgotten or reviewed where it was stored.
  const replies = new Map<string, SellerActions>();
  return {
    sendAsSeller: (chatId, text, replyId) => ownerOf(chatId).sendAsSeller(chatId, text, replyId),
    acceptSellerReply(reply) {
      const owner = ownerOf(reply.chatId);
      replies.set(reply.id, owner);
      return owner.acceptSellerReply(reply);
    },
    forgetSellerReply(replyId) {
      const owner = replies.get(replyId) ?? first;
      replies.delete(replyId);
      return owner.forgetSellerReply(replyId);
    },
    pendingSellerReplies: () =>
      accounts.flatMap(({ actions }) =>
        actions.pendingSellerReplies().map((reply) => {
          replies.set(reply.id, actions);
          return reply;
        }),
      ),
    reviewSellerReply: (reply, signal) => (replies.get(reply.id) ?? ownerOf(reply.chatId)).reviewSellerReply(reply, signal),
    pause: (chatId, hours) => ownerOf(chatId).pause(chatId, hours),
    resume: (chatId) => ownerOf(chatId).resume(chatId),
    async pauseAccount(hours) {
      const pauses = await Promise.all(accounts.map(({ actions }) => actions.pauseAccount(hours)));
      return pauses[0]!;
    },
    async resumeAccount() {
      return mergeHolds(await Promise.all(accounts.map(({ actions }) => actions.resumeAccount())));
    },
    accountHold: () => mergeHolds(accounts.map(({ actions }) => actions.accountHold())),
    attention: () =>
      accounts
        .flatMap(({ actions }) => actions.attention())
        .sort((a, b) => (b.state.lastActivityAt ?? 0) - (a.state.lastActivityAt ?? 0)),
    status: () => sumStatus(accounts.map(({ actions }) => actions.status())),
  };
}

function mergeHolds(holds: readonly AccountHold[]): AccountHold {
  return { pause: holds.find((hold) => hold.pause !== undefined)?.pause, anotherResponder: holds.some((hold) => hold.anotherResponder) };
}

/** The figures of every account added up; the daemon's own (start, passes, last error) are the first account's, as they run together. */
function sumStatus(reports: readonly StatusReport[]): StatusReport {
  const counters = { ...reports[0]!.counters };
  for (const report of reports.slice(1)) {
    for (const [name, value] of Object.entries(report.counters) as Array<[CounterName, number]>) counters[name] = (counters[name] ?? 0) + value;
  }
  return {
    daemon: reports[0]!.daemon,
    counters,
    escalated: reports.reduce((sum, report) => sum + report.escalated, 0),
    leftOut: reports.reduce((sum, report) => sum + report.leftOut, 0),
    paused: reports.reduce((sum, report) => sum + report.paused, 0),
  };
}
