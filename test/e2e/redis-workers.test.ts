/**
 * Three processes on one Redis (STORE_URL), as an agency runs them: the built bin against the Avito
 * sandbox, SIGKILLed at random points (some of them mid-send), a Redis restart mid-run, 20 % Avito
 * faults, one process frozen (SIGSTOP) past its lease, a serve beside two poll workers. Afterwards
 * every buyer turn has exactly one reply, and the sandbox's log shows that no process sent to a
 * chat once it had lost the chat to another: each process talks to the sandbox through a relay of
 * its own, so the bearer tokens in the log tell which process made each request.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRandom, generateScenario, startSandbox, type RecordedRequest, type Sandbox } from '../../src/avito/sandbox/index.js';
import { openRedisStore } from '../../src/redis/redis-store.js';
import type { PendingReply } from '../../src/core/ports.js';
import { startAvitoTap, type AvitoTap } from '../helpers/avito-tap.js';
import { sandboxEnv } from '../helpers/demo-sandbox.js';
import { chatsAnswered, checkTurns, isRunning, pause, SEND_PATH, tallyFaults, watchOutput, type LiveOutput, type TurnCheck } from '../helpers/faults.js';
import { HAS_REDIS, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { freePort, WEBHOOK_SECRET } from '../helpers/serve.js';
import { spawnCli, waitFor, type SpawnResult } from '../helpers/spawn-cli.js';

const FAULT_KINDS = ['status', 'slow', 'drop', 'drop-after'] as const;
const QUESTIONS = ['Как доставляете?', 'Какая гарантия?', 'Можно оплатить картой?', 'Где забрать?', 'Торг уместен?'];
/** STORE_LEASE_SECONDS: a dead or frozen process keeps its chats this long, its queue entries twice that. */
const LEASE_S = 2;
/** AVITO_TIMEOUT: a reply a kill left mid-send is held for twice that (its settle window). */
const TIMEOUT_S = 1;

interface Worker {
  name: string;
  command: 'poll' | 'serve';
  child: ChildProcess;
  done: Promise<SpawnResult>;
  output: LiveOutput;
  tap: AvitoTap;
  /** serve only: where the sandbox delivers webhooks. */
  webhook?: string;
  killedAt?: number;
}

interface Rig {
  sandbox: Sandbox;
  redis: TestRedis;
  chatIds: string[];
  workers: Worker[];
  baseEnv: Record<string, string>;
}

let rig: Rig | undefined;
afterEach(async (context) => {
  if (!rig) return;
  // Whatever failed (a wait for the rig too): the logs and the queue, for REDIS_WORKERS_DUMP.
  if (context.task.result?.state === 'fail') {
    dumpLogs(rig);
    await dumpQueue(rig).catch(() => undefined);
  }
  for (const worker of rig.workers) {
    if (!isRunning(worker.child)) continue;
    worker.child.kill('SIGCONT');
    worker.child.kill('SIGKILL');
  }
  await Promise.all(rig.workers.map((worker) => worker.done));
  await Promise.all(rig.workers.map((worker) => worker.tap.close()));
  await rig.sandbox.close();
  await rig.redis.stop();
  rig = undefined;
});

async function startRig(options: { chats: number; seed: number; latencyMs: number; messagesPerChat?: number }): Promise<Rig> {
  const scenario = generateScenario({ chats: options.chats, messagesPerChat: options.messagesPerChat ?? 1, seed: options.seed });
  const sandbox = await startSandbox({ scenario, latencyMs: options.latencyMs });
  const redis = await startRedis();
  const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-redis-workers-'));
  const baseEnv = {
    ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')),
    STORE_URL: redis.url,
    STORE_LEASE_SECONDS: String(LEASE_S),
    AVITO_POLL_INTERVAL: '1',
    // Below the sandbox's 2 s 'slow' fault, so those calls time out: sends the client cannot be sure of.
    AVITO_TIMEOUT: String(TIMEOUT_S),
    // Dozens of turns per chat within a minute: the anti-loop caps would hold them, not a crash.
    MAX_REPLIES_PER_HOUR: '10000',
    MAX_REPLIES_PER_HOUR_ACCOUNT: '0',
    // Generated chats reach hours into the past; every question here is to be answered.
    REPLY_MAX_AGE_HOURS: '0',
    LOG_FORMAT: 'json',
  };
  rig = { sandbox, redis, chatIds: scenario.chats.map((chat) => chat.id), workers: [], baseEnv };
  return rig;
}

/** Starts a worker process in a folder of its own (as a container would be), talking to the sandbox through its own relay. */
async function startWorker(r: Rig, command: 'poll' | 'serve' = 'poll', extraEnv: Record<string, string> = {}): Promise<Worker> {
  const name = `${command}-${r.workers.length + 1}`;
  const tap = await startAvitoTap(r.sandbox.url);
  const cwd = mkdtempSync(join(tmpdir(), `avito-ai-${name}-`));
  const env: Record<string, string> = { ...r.baseEnv, STORE_PATH: join(cwd, 'data', 'avito-ai.json'), AVITO_API_URL: tap.url, ...extraEnv };
  let webhook: string | undefined;
  if (command === 'serve') {
    const port = await freePort();
    webhook = `http://127.0.0.1:${port}/avito/webhook/${WEBHOOK_SECRET}`;
    Object.assign(env, {
      AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PORT: String(port),
      MONITOR_PORT: String(await freePort()),
      // With STORE_URL nothing makes the store's folder, where serve would keep a token of its own.
      MONITOR_TOKEN: 'redis-workers-monitor-token',
      APP_BASE_URL: `http://127.0.0.1:${port}`,
    });
  }
  const { child, done } = spawnCli([command], { cwd, env, timeoutMs: 170_000 });
  const worker: Worker = { name, command, child, done, output: watchOutput(child), tap, ...(webhook ? { webhook } : {}) };
  r.workers.push(worker);
  return worker;
}

function liveWorkers(r: Rig): Worker[] {
  return r.workers.filter((worker) => worker.killedAt === undefined && isRunning(worker.child));
}

function ownerOf(r: Rig, request: RecordedRequest): Worker | undefined {
  return request.token === undefined ? undefined : r.workers.find((worker) => worker.tap.tokens.has(request.token!));
}

function isSend(request: RecordedRequest): boolean {
  return request.method === 'POST' && SEND_PATH.test(request.path);
}

function chatOfSend(request: RecordedRequest): string {
  return decodeURIComponent(/\/chats\/([^/]+)\/messages/.exec(request.path)![1]!);
}

/** Write-ahead records in Redis: replies whose fate is not settled yet. */
async function listPending(redis: TestRedis): Promise<PendingReply[]> {
  const store = await openRedisStore({ url: redis.url, account: 'default', readOnly: true });
  try {
    return store.listPending();
  } finally {
    await store.close();
  }
}

/** Lines in the store's shared log: what a Redis restart without AOF would lose. */
async function countLogLines(redis: TestRedis): Promise<number> {
  const store = await openRedisStore({ url: redis.url, account: 'default', readOnly: true });
  try {
    return await store.redis.xlen(`${store.prefix}log`);
  } finally {
    await store.close();
  }
}

/** New questions keep coming, only where the bot spoke last (see checkTurns). */
function askMore(r: Rig, count: number, random: () => number, label: string, skip: ReadonlySet<string> = new Set()): number {
  const answered = chatsAnswered(r.sandbox, r.chatIds).filter((chatId) => !skip.has(chatId));
  let added = 0;
  for (let i = 0; i < count && answered.length > 0; i++) {
    const [chatId] = answered.splice(Math.floor(random() * answered.length), 1);
    r.sandbox.addMessage(chatId!, { text: `${QUESTIONS[Math.floor(random() * QUESTIONS.length)]} (${label}-${i})` });
    added++;
  }
  return added;
}

/** Waits until every turn has its reply and no write-ahead record is left; fails with what is still open. */
async function waitUntilSettled(r: Rig, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const turns = checkTurns(r.sandbox, r.chatIds);
    const pending = turns.unanswered.length === 0 ? await listPending(r.redis) : [];
    if (turns.unanswered.length === 0 && pending.length === 0) return;
    if (Date.now() > until) {
      dumpLogs(r);
      await dumpQueue(r);
      throw new Error(`not settled after ${timeoutMs} ms: ${JSON.stringify({ unanswered: turns.unanswered, pending: pending.map((p) => p.chatId) })}\n${describeChats(r, turns.unanswered)}`);
    }
    await pause(250);
  }
}

/** The chats behind failed checks: every message, and every send with the process that made it. */
function describeChats(r: Rig, findings: readonly string[]): string {
  const chatIds = [...new Set(findings.map((finding) => finding.split('@')[0]!))];
  return chatIds
    .map((chatId) =>
      JSON.stringify({
        chatId,
        messages: r.sandbox.messages(chatId).map((m) => [m.id.slice(0, 8), m.direction, String(m.content.text ?? '').slice(0, 30)]),
        sends: r.sandbox.requests
          .filter((request) => isSend(request) && chatOfSend(request) === chatId)
          .map((request) => [request.at, ownerOf(r, request)?.name ?? '?', request.status, request.fault ?? '', String((request.body as { message?: { text?: string } } | undefined)?.message?.text ?? '').slice(0, 30)]),
      }),
    )
    .join('\n');
}

function expectExactlyOneReplyEach(r: Rig): TurnCheck {
  const turns = checkTurns(r.sandbox, r.chatIds);
  dumpLogs(r);
  const detail = describeChats(r, [...turns.doubled, ...turns.unanswered]);
  expect(turns.doubled, `turns with two replies:\n${detail}`).toEqual([]);
  expect(turns.unanswered, `unanswered turns:\n${detail}`).toEqual([]);
  return turns;
}

/** SIGTERM to every process still running: each finishes what it holds and exits 0. */
/** REDIS_WORKERS_DUMP=<folder>: each process's log and the sandbox's requests, with the process that made each, for digging into a failure. */
function dumpLogs(r: Rig): void {
  const dir = process.env.REDIS_WORKERS_DUMP;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const test = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(0, 40);
  for (const worker of r.workers) writeFileSync(join(dir, `${test}.${worker.name}.log`), worker.output.text());
  writeFileSync(join(dir, `${test}.workers.json`), JSON.stringify(r.workers.map((worker) => ({ name: worker.name, pid: worker.child.pid, killedAt: worker.killedAt }))));
  writeFileSync(join(dir, `${test}.requests.json`), JSON.stringify(r.sandbox.requests.map((q) => ({ ...q, owner: ownerOf(r, q)?.name }))));
}

/** REDIS_WORKERS_DUMP: the shared queue as Redis holds it (entries, who holds which, the looks marked queued, the open chats, the pass's marks). */
async function dumpQueue(r: Rig): Promise<void> {
  const dir = process.env.REDIS_WORKERS_DUMP;
  if (!dir) return;
  const store = await openRedisStore({ url: r.redis.url, account: 'default', readOnly: true });
  try {
    const key = `${store.prefix}queue`;
    const entries = await store.redis.xrange(key, '-', '+');
    const pending = await store.redis.xpending(key, 'workers', '-', '+', 1000).catch((error: unknown) => String(error));
    const consumers = await store.redis.xinfo('CONSUMERS', key, 'workers').catch((error: unknown) => String(error));
    const lookKeys = await store.redis.keys(`${store.prefix}look-queued:*`);
    const open = await store.redis.smembers(`${store.prefix}open-chats`);
    const meta = { updatedSince: store.getMeta('poll.updatedSince'), openChats: store.getMeta('poll.openChats') };
    const test = (expect.getState().currentTestName ?? 'test').replace(/\W+/g, '-').slice(0, 40);
    writeFileSync(join(dir, `${test}.queue.json`), JSON.stringify({ entries, pending, consumers, lookKeys, open, meta, chats: r.chatIds.map((chatId) => [chatId, store.getChat(chatId)]) }, null, 1));
  } finally {
    await store.close();
  }
}

async function stopAll(r: Rig): Promise<void> {
  const live = liveWorkers(r);
  for (const worker of live) worker.child.kill('SIGTERM');
  for (const worker of live) {
    const result = await worker.done;
    expect(result.code, `${worker.name}: ${result.stderr.slice(-2000)}`).toBe(0);
  }
}

/** Sends no process made after it was killed (a request written before the kill may reach the sandbox a moment later). */
function sendsAfterDeath(r: Rig): string[] {
  return r.sandbox.requests.filter((request) => {
    const owner = ownerOf(r, request);
    return isSend(request) && owner?.killedAt !== undefined && request.at > owner.killedAt + 200;
  }).map((request) => `${ownerOf(r, request)!.name} ${chatOfSend(request)} +${request.at - ownerOf(r, request)!.killedAt!} ms`);
}

/** How a kill picks its moment: a random worker at a random moment; the maker of the next send a moment after the sandbox has it in hand; or the maker of a send the sandbox holds. */
type KillAim = 'random' | 'at-send' | 'held-send';

/**
 * How long the sandbox holds a send for a 'held-send' kill: the process is surely killed while it waits, and the message lands after its death,
 * within the window a send of unknown fate is waited for (2 × AVITO_TIMEOUT from its start), where the others adopt it. At 2000 ms it landed
 * just after the window: another process that looked in between sent the reply again, and the buyer read it twice (the late copy is now
 * taken for the bot's own, test/core/responder.test.ts; it once read as another responder and silenced the account).
 */
const HELD_SEND_MS = 1500;

/**
 * SIGKILLs one live worker, then starts a replacement. 'at-send' waits for the next send any
 * worker makes and kills its maker a moment after the sandbox has it in hand (the duplicate-making
 * moment, hit or missed by timing); 'held-send' has the sandbox hold the next send, so the kill
 * lands mid-send whatever the machine's load; 'random' kills a random worker at a random moment.
 * Returns whether the victim had a send in flight (or just answered) at the kill.
 */
async function killOne(r: Rig, random: () => number, aim: KillAim, latencyMs: number): Promise<boolean> {
  const live = liveWorkers(r);
  let victim = live[Math.floor(random() * live.length)]!;
  const from = r.sandbox.requests.length;
  const byLive = (request: RecordedRequest): boolean => isSend(request) && live.includes(ownerOf(r, request)!);
  if (aim === 'held-send') {
    r.sandbox.faults.inject({ kind: 'slow', delayMs: HELD_SEND_MS, match: { method: 'POST', path: SEND_PATH } });
    let held: RecordedRequest | undefined;
    const holding = (): boolean => (held = r.sandbox.requests.slice(from).find((request) => byLive(request) && request.fault === 'slow' && request.status === 0)) !== undefined;
    await waitFor(holding, 'a send held by the sandbox', 10_000);
    victim = ownerOf(r, held!)!;
  } else if (aim === 'at-send') {
    let send: RecordedRequest | undefined;
    const sent = (): boolean => (send = r.sandbox.requests.slice(from).find(byLive)) !== undefined;
    await waitFor(sent, 'a send by a live worker', 4000).catch(() => undefined);
    if (send) victim = ownerOf(r, send)!;
    await pause(latencyMs - 1 + Math.floor(random() * 6));
  } else {
    await pause(Math.floor(random() * 400));
  }
  const now = Date.now();
  const midSend = r.sandbox.requests.some((request) => isSend(request) && ownerOf(r, request) === victim && (request.status === 0 || request.at > now - latencyMs - 20));
  victim.killedAt = now;
  victim.child.kill('SIGKILL');
  await victim.done;
  await startWorker(r);
  return midSend;
}

function sendsTo(r: Rig, chatId: string): RecordedRequest[] {
  return r.sandbox.requests.filter((request) => isSend(request) && chatOfSend(request) === chatId);
}

function sendsBy(r: Rig, worker: Worker): RecordedRequest[] {
  return r.sandbox.requests.filter((request) => isSend(request) && ownerOf(r, request) === worker);
}

/** What a process has in flight at the sandbox: a send, a look at a chat with a question open (its reply still to be made). */
function inFlight(r: Rig, worker: Worker): { send: boolean; look: boolean } {
  const found = { send: false, look: false };
  for (const request of r.sandbox.requests) {
    if (request.status !== 0 || ownerOf(r, request) !== worker) continue;
    if (isSend(request)) found.send = true;
    // Its messages or its details: either way the chat is being looked at.
    const looked = request.method === 'GET' ? /\/chats\/([^/]+)/.exec(request.path)?.[1] : undefined;
    if (looked !== undefined && r.sandbox.messages(decodeURIComponent(looked)).at(-1)?.direction === 'in') found.look = true;
  }
  return found;
}

/** Buyers asking all along, every 300 ms, except in the chats held back (until the time set for each). */
interface Asker {
  /** When a question was added, by chat. */
  asked: Map<string, number[]>;
  heldBack: Map<string, number>;
  stop(): void;
}

function startAsking(r: Rig, random: () => number): Asker {
  const asked = new Map<string, number[]>();
  const heldBack = new Map<string, number>();
  let tick = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    const skip = new Set([...heldBack].filter(([, until]) => until > now).map(([chatId]) => chatId));
    const before = new Map(r.chatIds.map((chatId) => [chatId, r.sandbox.messages(chatId).length]));
    askMore(r, 2, random, `t${tick++}`, skip);
    for (const chatId of r.chatIds) if (r.sandbox.messages(chatId).length > before.get(chatId)!) asked.set(chatId, [...(asked.get(chatId) ?? []), now]);
  }, 300);
  return { asked, heldBack, stop: () => clearInterval(timer) };
}

interface Stall {
  worker: Worker;
  moment: 'send' | 'look';
  /** The chats it made requests for in the second before it froze. */
  inHand: Set<string>;
  stoppedAt: number;
  resumedAt: number;
}

/**
 * SIGSTOPs the first worker caught with a send (or a look at an open chat) in flight, for `stallMs`,
 * then SIGCONT. No new question goes to the chats it held until 2 s after it resumed: a send of
 * its there before then repeats what another process already settled.
 */
async function stallOnce(r: Rig, asker: Asker, moment: 'send' | 'look', stallMs: number): Promise<Stall> {
  let caught: Worker | undefined;
  await waitFor(() => (caught = liveWorkers(r).find((worker) => inFlight(r, worker)[moment])) !== undefined, `a worker with a ${moment} in flight`, 20_000);
  const worker = caught!;
  worker.child.kill('SIGSTOP');
  const stoppedAt = Date.now();
  const inHand = new Set<string>();
  for (const request of r.sandbox.requests) {
    const chat = /\/chats\/([^/]+)/.exec(request.path)?.[1];
    if (chat !== undefined && request.at > stoppedAt - 1000 && ownerOf(r, request) === worker) inHand.add(decodeURIComponent(chat));
  }
  for (const chatId of inHand) asker.heldBack.set(chatId, Infinity);
  await pause(stallMs);
  worker.child.kill('SIGCONT');
  const resumedAt = Date.now();
  for (const chatId of inHand) asker.heldBack.set(chatId, resumedAt + 2000);
  return { worker, moment, inHand, stoppedAt, resumedAt };
}

/** Chats another process than `frozen` made a request for (its look, its send) between `from` and `to`. */
function chatsTakenOver(r: Rig, frozen: Worker, chatIds: ReadonlySet<string>, from: number, to: number): Map<string, number> {
  const last = new Map<string, number>();
  for (const request of r.sandbox.requests) {
    const chat = /\/chats\/([^/]+)/.exec(request.path)?.[1];
    if (chat === undefined || request.at <= from || request.at >= to || ownerOf(r, request) === frozen) continue;
    if (chatIds.has(decodeURIComponent(chat))) last.set(decodeURIComponent(chat), request.at);
  }
  return last;
}

/**
 * Sends of the frozen process, after it resumed, to a chat another process took over during the
 * stall, with no new question in that chat since: a reply to what was already settled.
 */
function findStaleSends(r: Rig, frozen: Worker, takenOver: ReadonlyMap<string, number>, resumedAt: number, asked: ReadonlyMap<string, number[]>): string[] {
  const stale: string[] = [];
  for (const send of sendsBy(r, frozen).filter((request) => request.at >= resumedAt)) {
    const chatId = chatOfSend(send);
    const takenAt = takenOver.get(chatId);
    if (takenAt === undefined) continue;
    if (!(asked.get(chatId) ?? []).some((at) => at > takenAt && at < send.at)) stale.push(`${chatId}@+${send.at - resumedAt}ms`);
  }
  return stale;
}

describe.skipIf(!HAS_REDIS)('three processes on one Redis', () => {
  // Before the store fenced a lapsed lease this failed about two runs in three: a resumed process's late write (its timed-out
  // send recorded as "may have landed") went through whenever nobody held the chat at that moment, brought back the write-ahead
  // record another process had settled, and the next look sent the reply a second time.
  it('SIGSTOP past the lease, once mid-send and once mid-look: the others take its chats over, and once resumed it sends nothing there', async () => {
    const r = await startRig({ chats: 30, seed: 19, latencyMs: 100 });
    for (let i = 0; i < 3; i++) await startWorker(r);
    const asker = startAsking(r, createRandom(20_261_206));
    const stalls: Stall[] = [];
    try {
      for (const moment of ['send', 'look'] as const) stalls.push(await stallOnce(r, asker, moment, 3 * LEASE_S * 1000));
      await pause(3000);
    } finally {
      asker.stop();
    }
    await waitUntilSettled(r, 30_000);
    await pause(2000);

    // One reply per turn: so no turn has replies from two processes either.
    const turns = expectExactlyOneReplyEach(r);
    for (const stall of stalls) {
      const { worker: frozen, moment, inHand, stoppedAt, resumedAt } = stall;
      const takenOver = chatsTakenOver(r, frozen, inHand, stoppedAt, resumedAt);
      const answeredMeanwhile = [...takenOver.keys()].filter((chatId) => sendsTo(r, chatId).some((request) => ownerOf(r, request) !== frozen && request.at > stoppedAt && request.at < resumedAt));
      const stale = findStaleSends(r, frozen, takenOver, resumedAt, asker.asked);
      const fenced = frozen.output.count(/уже обрабатывает другой процесс/);
      console.info(JSON.stringify({ test: 'redis-stall', moment, frozen: frozen.name, inHand: inHand.size, takenOver: takenOver.size, answeredMeanwhile: answeredMeanwhile.length, fenced, inquiries: turns.inquiries }));
      expect(stale, `${moment}: sends of the frozen process repeating another's reply:\n${describeChats(r, stale)}`).toEqual([]);
      // The stall really cost it chats that others took over meanwhile, or this proves nothing.
      expect(takenOver.size, moment).toBeGreaterThanOrEqual(1);
      if (moment === 'look') expect(answeredMeanwhile.length, 'chats it was about to answer, answered by another').toBeGreaterThanOrEqual(1);
      expect(sendsBy(r, frozen).some((request) => request.at > resumedAt), `${frozen.name} works again once resumed`).toBe(true);
    }
    await stopAll(r);
  }, 90_000);

  it('one serve and two poll workers: each webhook delivery serve takes in is answered once, by whichever process takes it from the queue', async () => {
    // Empty chats: every question comes while they run, so the answers come from deliveries, not from the passes at start.
    const r = await startRig({ chats: 24, seed: 20, latencyMs: 15, messagesPerChat: 0 });
    // Passes only at start: what is answered later was handed over through the queue.
    const serve = await startWorker(r, 'serve', { REPLY_DELAY: '0.3', SAFETY_POLL_MINUTES: '60' });
    for (let i = 0; i < 2; i++) await startWorker(r, 'poll', { REPLY_DELAY: '0.3', AVITO_POLL_INTERVAL: '600' });
    await waitFor(() => serve.output.count(/^serve запущен$/) === 1, 'serve listening', 20_000).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}:\n${serve.output.text().slice(-3000)}`);
    });
    const registered = await spawnCli(['register-webhook'], { cwd: mkdtempSync(join(tmpdir(), 'avito-ai-register-')), env: { ...r.baseEnv, APP_BASE_URL: new URL(serve.webhook!).origin, AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET } }).done;
    expect(registered.code, registered.stderr).toBe(0);
    expect(r.sandbox.subscriptions()).toEqual([serve.webhook]);

    const random = createRandom(20_261_207);
    let added = 0;
    for (let tick = 0; tick < 12; tick++) {
      const free = r.chatIds.filter((chatId) => r.sandbox.messages(chatId).at(-1)?.direction !== 'in');
      for (let i = 0; i < 3 && free.length > 0; i++) {
        const [chatId] = free.splice(Math.floor(random() * free.length), 1);
        r.sandbox.addMessage(chatId!, { text: `${QUESTIONS[Math.floor(random() * QUESTIONS.length)]} (${tick}-${i})` });
        added++;
      }
      await pause(700);
    }
    await r.sandbox.flushDeliveries();
    await waitUntilSettled(r, 30_000);
    await pause(2000);

    const turns = expectExactlyOneReplyEach(r);
    expect(turns.inquiries).toBe(added);
    const delivered = r.sandbox.deliveries.filter((delivery) => delivery.url === serve.webhook);
    expect(delivered.filter((delivery) => delivery.status === 200)).toHaveLength(delivered.length);
    expect(delivered.length).toBeGreaterThanOrEqual(added);
    const byProcess = Object.fromEntries(r.workers.map((worker) => [worker.name, sendsBy(r, worker).length]));
    const passes = r.workers.reduce((sum, worker) => sum + worker.output.count(/^проход$/), 0);
    console.info(JSON.stringify({ test: 'redis-serve-and-polls', added, inquiries: turns.inquiries, deliveries: delivered.length, passes, sendsByProcess: byProcess }));
    // No pass after the ones at start (the chats were empty then): every answer came through the queue.
    expect(passes).toBeLessThanOrEqual(r.workers.length);
    // Shared out: every process answered some, and nothing was sent by a process the relays do not know.
    for (const worker of r.workers) expect(byProcess[worker.name], worker.name).toBeGreaterThan(0);
    expect(r.sandbox.requests.filter((request) => isSend(request) && ownerOf(r, request) === undefined)).toEqual([]);
    await stopAll(r);
  }, 60_000);

  it('SIGKILL at random points (mid-send too), a Redis restart, 20 % Avito faults: every buyer turn has exactly one reply', async () => {
    const LATENCY_MS = 15;
    const CHAOS_S = 24;
    const KILL_AT = new Set([3, 6, 9, 13, 16, 19, 22]);
    const REDIS_RESTART_AT = 11;
    const r = await startRig({ chats: 40, seed: 18, latencyMs: LATENCY_MS });
    r.sandbox.faults.rate(0.2, [...FAULT_KINDS], 1818);
    // Queued before the random ones: the ambiguous sends happen for certain, not by luck.
    r.sandbox.faults.inject({ kind: 'drop-after', match: { method: 'POST', path: SEND_PATH }, times: 3 });
    const started = Date.now();
    for (let i = 0; i < 3; i++) await startWorker(r);

    const random = createRandom(20_261_205);
    let added = 0;
    let kills = 0;
    let midSend = 0;
    let [logBefore, logAfter, restartedAt] = [0, 0, 0];
    let throughRestart: Worker[] = [];
    for (let second = 1; second <= CHAOS_S; second++) {
      await pause(1000);
      added += askMore(r, 3, random, String(second));
      if (KILL_AT.has(second)) {
        kills++;
        // Kills 2 and 6 land on a held send for certain; 1 and 4 aim at the moment a send is answered.
        const aim: KillAim = kills === 2 || kills === 6 ? 'held-send' : kills % 2 === 0 || kills === 1 ? 'at-send' : 'random';
        if (await killOne(r, random, aim, LATENCY_MS)) midSend++;
      }
      if (second === REDIS_RESTART_AT) {
        logBefore = await countLogLines(r.redis);
        await r.redis.restart();
        restartedAt = Date.now();
        logAfter = await countLogLines(r.redis);
        throughRestart = liveWorkers(r);
      }
    }
    r.sandbox.faults.clear();
    const chaosMs = Date.now() - started;

    await waitUntilSettled(r, 40_000);
    const settledMs = Date.now() - started - chaosMs;
    // A few more passes: a second reply (a record resent although its reply did go out) would show now.
    await pause(3000);
    const turns = expectExactlyOneReplyEach(r);
    expect(turns.inquiries).toBe(40 + added);
    expect(sendsAfterDeath(r), 'sends after the process was killed').toEqual([]);
    for (const worker of liveWorkers(r)) expect(isRunning(worker.child), `${worker.name} still running:\n${worker.output.text().slice(-3000)}`).toBe(true);

    // The faults and kills were really met, or this proves nothing.
    const tally = tallyFaults(r.sandbox.requests);
    const sendersByToken = new Set(r.sandbox.requests.filter(isSend).map((request) => ownerOf(r, request)?.name));
    // Processes that were running when Redis restarted went on answering without a restart of their own.
    const answeredAfterRestart = throughRestart.filter((worker) => sendsBy(r, worker).some((request) => request.at > restartedAt + 1000));
    console.info(JSON.stringify({ test: 'redis-kills', chaosMs, settledMs, added, inquiries: turns.inquiries, kills, midSend, senders: sendersByToken.size, logBefore, logAfter, answeredAfterRestart: answeredAfterRestart.length, ...tally }));
    expect(logAfter, 'the shared log after the Redis restart (AOF)').toBeGreaterThanOrEqual(logBefore);
    expect(logBefore).toBeGreaterThan(0);
    expect(answeredAfterRestart.length).toBeGreaterThanOrEqual(1);
    expect(kills).toBe(KILL_AT.size);
    expect(midSend).toBeGreaterThanOrEqual(2);
    expect(sendersByToken.has(undefined), 'a send whose process is unknown').toBe(false);
    expect(sendersByToken.size).toBeGreaterThanOrEqual(5);
    for (const kind of FAULT_KINDS) expect(tally.byKind[kind] ?? 0, kind).toBeGreaterThanOrEqual(2);
    expect(tally.sendsDroppedAfter).toBeGreaterThanOrEqual(3);
    await stopAll(r);
  }, 110_000);
});
