/**
 * What the fault and crash suites (test/e2e/faults.test.ts, crash.test.ts) check and count: the
 * "every buyer turn has exactly one bot reply" rule, the faults the sandbox really applied, the
 * daemon's JSON log, a live view of a spawned daemon's output, and what a crash left in the store.
 */
import type { ChildProcess } from 'node:child_process';
import type { RecordedRequest, Sandbox, SandboxMessage } from '../../src/avito/sandbox/index.js';
import type { PendingReply, Store } from '../../src/core/ports.js';
import { openStore } from '../../src/store/index.js';

/** Sending a message: the one Avito call that is not idempotent. */
export const SEND_PATH = /\/chats\/[^/]+\/messages\/?$/;

/** A send to one chat, as the sandbox logged it. */
export function isSendTo(request: RecordedRequest, chatId: string): boolean {
  return request.method === 'POST' && SEND_PATH.test(request.path) && request.path.includes(`/chats/${encodeURIComponent(chatId)}/messages`);
}

/** Reading one chat's messages (the daemon's look at it), as the sandbox logged it. */
export function isReadOf(request: RecordedRequest, chatId: string): boolean {
  return request.method === 'GET' && request.path.includes(`/chats/${encodeURIComponent(chatId)}/messages`);
}

export interface TurnCheck {
  /** Buyer turns (a run of 'in' messages) seen in all the chats. */
  inquiries: number;
  /** `chat@index` of turns with no bot message after them. */
  unanswered: string[];
  /** `chat@index` of turns followed by two or more bot messages. */
  doubled: string[];
}

/**
 * The exactly-once rule, read from what Avito holds: every buyer turn is followed by exactly one
 * outgoing message. Holds only while new questions are added to chats whose last message is the
 * bot's: a line added while the bot answers the one before it is answered in a reply of its own,
 * which this rule would count as a second reply, unless the caller names such lines in
 * `answeredApart`: a turn is then owed one reply more for each of them.
 */
export function checkTurns(sandbox: Sandbox, chatIds: readonly string[], answeredApart: ReadonlySet<string> = new Set()): TurnCheck {
  const result: TurnCheck = { inquiries: 0, unanswered: [], doubled: [] };
  for (const chatId of chatIds) {
    const messages: SandboxMessage[] = sandbox.messages(chatId);
    let owed = 0;
    for (let i = 0; i < messages.length; i++) {
      if (messages[i]!.direction !== 'in') continue;
      // The first line of a turn is owed a reply; a later one only if it was answered apart.
      if (messages[i - 1]?.direction !== 'in' || answeredApart.has(messages[i]!.id)) owed++;
      if (messages[i + 1]?.direction === 'in') continue;
      result.inquiries += owed;
      let replies = 0;
      while (messages[i + 1 + replies]?.direction === 'out') replies++;
      if (replies < owed) result.unanswered.push(`${chatId}@${i}`);
      else if (replies > owed) result.doubled.push(`${chatId}@${i}`);
      owed = 0;
    }
  }
  return result;
}

/** Chats where the bot spoke last: a new question there starts a turn of its own. */
export function chatsAnswered(sandbox: Sandbox, chatIds: readonly string[]): string[] {
  return chatIds.filter((chatId) => sandbox.messages(chatId).at(-1)?.direction === 'out');
}

export interface FaultTally {
  /** Requests the sandbox applied a fault to, by kind. */
  byKind: Record<string, number>;
  /** Answers by status among the faulted ones (429, 500, 503). */
  byStatus: Record<string, number>;
  /** Sends whose fate the client cannot know: no answer (drop, drop-after, slow past the timeout) or a 5xx. */
  ambiguousSends: number;
  /** Sends Avito stored and then dropped the connection of (the client cannot know they went out). */
  sendsDroppedAfter: number;
  /** Tokens issued (`POST /token` answered 200). */
  tokensIssued: number;
  /** Calls refused for an expired token (403). */
  expiredTokenRefusals: number;
  requests: number;
}

export function tallyFaults(requests: readonly RecordedRequest[]): FaultTally {
  const tally: FaultTally = { byKind: {}, byStatus: {}, ambiguousSends: 0, sendsDroppedAfter: 0, tokensIssued: 0, expiredTokenRefusals: 0, requests: requests.length };
  for (const request of requests) {
    if (request.method === 'POST' && request.path === '/token' && request.status === 200) tally.tokensIssued++;
    if (request.status === 403 && request.fault === undefined) tally.expiredTokenRefusals++;
    if (request.fault === undefined) continue;
    tally.byKind[request.fault] = (tally.byKind[request.fault] ?? 0) + 1;
    if (request.fault === 'status') tally.byStatus[request.status] = (tally.byStatus[request.status] ?? 0) + 1;
    const isSend = request.method === 'POST' && SEND_PATH.test(request.path);
    if (isSend && request.fault === 'drop-after' && request.status === 200) tally.sendsDroppedAfter++;
    if (isSend && (request.fault !== 'status' || request.status >= 500)) tally.ambiguousSends++;
  }
  return tally;
}

/** A spawned daemon's output as it comes, for checks while it runs (spawnCli gives it only at exit). */
export interface LiveOutput {
  text(): string;
  /** The `LOG_FORMAT=json` lines so far; other lines are skipped. */
  lines(): Array<{ level?: string; msg?: string } & Record<string, unknown>>;
  count(pattern: RegExp): number;
}

export function watchOutput(child: ChildProcess): LiveOutput {
  let text = '';
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const lines = (): Array<{ level?: string; msg?: string } & Record<string, unknown>> =>
    text.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as { level?: string; msg?: string } & Record<string, unknown>];
      } catch {
        return [];
      }
    });
  return {
    text: () => text,
    lines,
    count: (pattern) => lines().filter((line) => pattern.test(String(line.msg))).length,
  };
}

/** Neither exited nor killed. */
export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `read` on the store at `path`, opened read-only beside a daemon that may hold it. */
export async function readStore<T>(path: string, read: (store: Store) => T): Promise<T> {
  const store = await openStore({ path, readOnly: true });
  try {
    return read(store);
  } finally {
    await store.close();
  }
}

/** Chats paused as taken over by the seller: what a late copy of the bot's own reply causes when it is not adopted. */
export function listTakeoverPauses(storePath: string, chatIds: readonly string[]): Promise<string[]> {
  return readStore(storePath, (store) =>
    chatIds.filter((chatId) => {
      const state = store.getChat(chatId);
      return state?.pauseReason === 'takeover' && (state.pausedUntil ?? 0) > Date.now();
    }),
  );
}

/**
 * Restarts the daemon (`restart` runs one start to its end) until no write-ahead record is left or
 * `limitMs` has passed. A reply whose send may still land is held until its settle window
 * (`windowMs`, 2 × AVITO_TIMEOUT from the send's start) has passed, so a restart soon after a crash
 * may rightly leave records: the next one waits for the first of those windows to end. The caller
 * asserts that `left` is empty: the loop converged.
 */
export async function restartUntilSettled(
  restart: () => Promise<void>,
  options: { storePath: string; windowMs: number; limitMs: number },
): Promise<{ restarts: number; left: PendingReply[] }> {
  const until = Date.now() + options.limitMs;
  for (let restarts = 1; ; restarts++) {
    await restart();
    const left = await readStore(options.storePath, (store) => store.listPending());
    if (left.length === 0 || Date.now() > until) return { restarts, left };
    const windowsEnd = left.map((record) => Math.max(record.sendingSince ?? 0, record.ambiguousAt ?? 0) + options.windowMs);
    await pause(Math.min(Math.max(Math.min(...windowsEnd) - Date.now(), 100), options.windowMs));
  }
}
