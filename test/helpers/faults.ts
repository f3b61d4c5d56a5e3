/**
 * What the fault and crash suites (test/e2e/faults.test.ts, crash.test.ts) check and count: the
 * "every buyer turn has exactly one bot reply" rule, the faults the sandbox really applied, the
 * daemon's JSON log, and a live view of a spawned daemon's output.
 */
import type { ChildProcess } from 'node:child_process';
import type { RecordedRequest, Sandbox, SandboxMessage } from '../../src/avito/sandbox/index.js';

/** Sending a message: the one Avito call that is not idempotent. */
export const SEND_PATH = /\/chats\/[^/]+\/messages\/?$/;

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
 * which this rule would count as a second reply.
 */
export function checkTurns(sandbox: Sandbox, chatIds: readonly string[]): TurnCheck {
  const result: TurnCheck = { inquiries: 0, unanswered: [], doubled: [] };
  for (const chatId of chatIds) {
    const messages: SandboxMessage[] = sandbox.messages(chatId);
    for (let i = 0; i < messages.length; i++) {
      const isLastOfTurn = messages[i]!.direction === 'in' && messages[i + 1]?.direction !== 'in';
      if (!isLastOfTurn) continue;
      result.inquiries++;
      if (messages[i + 1]?.direction !== 'out') result.unanswered.push(`${chatId}@${i}`);
      else if ((messages[i + 2]?.direction ?? 'in') !== 'in') result.doubled.push(`${chatId}@${i}`);
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
