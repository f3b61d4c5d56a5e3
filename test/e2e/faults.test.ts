/**
 * The fault suite: the built daemons as real processes against an Avito that fails a fifth of
 * its calls (429 with and without Retry-After, 500, 503, answers slower than AVITO_TIMEOUT,
 * connections dropped before and after the request was processed, tokens that expire mid-pass),
 * and against Gemini and Telegram outages. Afterwards every buyer turn has exactly one reply,
 * read back from what the sandbox holds, and the daemon is still running. Each test logs what it
 * met (faults by kind, durations) on one JSON line.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_FALLBACK_TEXT } from '../../src/config/config.js';
import { createRandom, generateScenario, startSandbox, type Sandbox } from '../../src/avito/sandbox/index.js';
import { sandboxEnv } from '../helpers/demo-sandbox.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';
import { chatsAnswered, checkTurns, isRunning, pause, SEND_PATH, tallyFaults, watchOutput } from '../helpers/faults.js';

const FAULT_KINDS = ['status', 'slow', 'drop', 'drop-after'] as const;
const QUESTIONS = ['Как доставляете?', 'Какая гарантия?', 'Можно оплатить картой?', 'Где забрать?', 'Торг уместен?'];

let sandbox: Sandbox | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  // A failed wait leaves its daemon running: it must not outlive the test.
  for (const child of children.splice(0)) if (isRunning(child)) child.kill('SIGKILL');
  await sandbox?.close();
  sandbox = undefined;
});

function avitoEnv(sb: Sandbox, cwd: string): Record<string, string> {
  return {
    ...sandboxEnv(sb, join(cwd, 'data', 'avito-ai.json')),
    AVITO_POLL_INTERVAL: '1',
    // Below the sandbox's 2 s 'slow' fault, so those calls time out; a timed-out send is one the client cannot be sure of.
    AVITO_TIMEOUT: '1',
    // Each chat gets several replies within the hour here; the per-chat cap is not under test.
    MAX_REPLIES_PER_HOUR: '1000',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'debug',
  };
}

function start(args: string[], cwd: string, env: Record<string, string>, timeoutMs: number) {
  const spawned = spawnCli(args, { cwd, env, timeoutMs });
  children.push(spawned.child);
  return { ...spawned, output: watchOutput(spawned.child) };
}

/** waitFor, failing with what the turn check saw rather than only "timed out". */
async function waitForEveryTurnAnswered(sb: Sandbox, chatIds: readonly string[], timeoutMs: number): Promise<void> {
  try {
    await waitFor(() => checkTurns(sb, chatIds).unanswered.length === 0, 'every buyer turn answered', timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${JSON.stringify(checkTurns(sb, chatIds))}`);
  }
}

describe('poll daemon under Avito faults', () => {
  it('20% faults and two token expiries: afterwards every inquiry has exactly one reply, and the daemon never exited', async () => {
    const scenario = generateScenario({ chats: 40, messagesPerChat: 1, seed: 17 });
    const chatIds = scenario.chats.map((chat) => chat.id);
    sandbox = await startSandbox({ scenario });
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-faults-poll-'));
    sandbox.faults.rate(0.2, [...FAULT_KINDS], 2026);
    // Queued faults come before the random ones: the ambiguous sends happen for certain, not by luck.
    sandbox.faults.inject({ kind: 'drop-after', match: { method: 'POST', path: SEND_PATH }, times: 3 });
    const started = Date.now();
    const daemon = start(['poll'], cwd, avitoEnv(sandbox, cwd), 70_000);

    const random = createRandom(4242);
    let added = 0;
    for (let second = 1; second <= 14; second++) {
      await pause(1000);
      expect(isRunning(daemon.child), daemon.output.text()).toBe(true);
      if (second === 4 || second === 10) sandbox.expireTokens();
      if (second === 7) sandbox.faults.inject({ kind: 'slow', delayMs: 2000, match: { method: 'POST', path: SEND_PATH }, times: 2 });
      // New questions keep coming, only where the bot spoke last (see checkTurns).
      const answered = chatsAnswered(sandbox, chatIds);
      for (let i = 0; i < 3 && answered.length > 0; i++) {
        const [chatId] = answered.splice(Math.floor(random() * answered.length), 1);
        sandbox.addMessage(chatId!, { text: `${QUESTIONS[Math.floor(random() * QUESTIONS.length)]} (${second}-${i})` });
        added++;
      }
    }
    sandbox.faults.clear();
    const faultyMs = Date.now() - started;

    await waitForEveryTurnAnswered(sandbox, chatIds, 30_000);
    const settledMs = Date.now() - started - faultyMs;
    // A few more passes: a second reply (a record resent although its reply did go out) would show now.
    await pause(3000);
    const turns = checkTurns(sandbox, chatIds);
    expect(turns.doubled, 'turns with two replies').toEqual([]);
    expect(turns.unanswered).toEqual([]);
    expect(turns.inquiries).toBe(40 + added);
    expect(isRunning(daemon.child), daemon.output.text()).toBe(true);

    // The faults were really met, or this proves nothing.
    const tally = tallyFaults(sandbox.requests);
    console.info(JSON.stringify({ test: 'poll', faultyMs, settledMs, added, inquiries: turns.inquiries, ...tally }));
    for (const kind of FAULT_KINDS) expect(tally.byKind[kind] ?? 0, kind).toBeGreaterThanOrEqual(3);
    expect(tally.byStatus['429'] ?? 0).toBeGreaterThan(0);
    expect((tally.byStatus['500'] ?? 0) + (tally.byStatus['503'] ?? 0)).toBeGreaterThan(0);
    expect(tally.ambiguousSends).toBeGreaterThanOrEqual(5);
    // Stored by Avito, unanswered to the client: the case where a careless resend doubles the reply.
    expect(tally.sendsDroppedAfter).toBeGreaterThanOrEqual(3);
    expect(tally.expiredTokenRefusals).toBeGreaterThanOrEqual(2);
    expect(tally.tokensIssued).toBeGreaterThanOrEqual(3);
    // ...and the daemon saw them as what they are: retried calls, fresh tokens, sends it could not be sure of.
    expect(daemon.output.count(/^avito retry$/)).toBeGreaterThan(0);
    expect(daemon.output.count(/^avito auth-retry$/)).toBeGreaterThanOrEqual(2);
    expect(daemon.output.count(/^отправка не удалась \(возможно, ушло; проверю на следующем проходе\)/)).toBeGreaterThanOrEqual(3);
    expect(daemon.output.count(/^ответ отправлен \(доделано после перезапуска\)$/)).toBeGreaterThanOrEqual(3);

    daemon.child.kill('SIGTERM');
    const result = await daemon.done;
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
  }, 75_000);
});

describe('poll daemon through a Gemini outage', () => {
  it('buyers get nothing on the first failed passes, the fallback after ENGINE_FAILURE_LIMIT with the seller told, and a real answer once Gemini is back', async () => {
    const { startFakeGemini } = await import('../helpers/fake-gemini.js');
    const gemini = await startFakeGemini();
    try {
      const scenario = generateScenario({ chats: 3, messagesPerChat: 1, seed: 5 });
      const chatIds = scenario.chats.map((chat) => chat.id);
      sandbox = await startSandbox({ scenario });
      const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-faults-gemini-'));
      const env = {
        ...avitoEnv(sandbox, cwd),
        KNOWLEDGE_ENGINE: 'gemini',
        GEMINI_API_KEY: gemini.apiKey,
        GEMINI_BASE_URL: gemini.url,
        // One call per pass and chat: each failed pass is one attempt towards the limit.
        GEMINI_RETRIES: '0',
        ENGINE_FAILURE_LIMIT: '4',
      };
      const sync = await spawnCli(['sync-docs'], { cwd, env }).done;
      expect(sync.code, sync.stderr).toBe(0);

      gemini.failNext(':generateContent', 503, { times: 100_000 });
      const started = Date.now();
      const daemon = start(['poll'], cwd, env, 60_000);
      const deferred = (attempt: number): number =>
        daemon.output.lines().filter((line) => String(line.msg).startsWith('база знаний не ответила, будет повтор') && line.attempt === attempt).length;

      // Two failed passes for every chat: still nothing sent, no fallback yet.
      await waitFor(() => deferred(2) === 3, 'two failed passes for each chat', 20_000);
      expect(sandbox.sent()).toEqual([]);
      expect(isRunning(daemon.child)).toBe(true);

      // The fourth failed pass gives up on the engine for this inquiry: the fallback, once, and a notice.
      await waitFor(() => sandbox!.sent().length === 3, 'the fallback to each buyer', 20_000);
      const fallbackAfterMs = Date.now() - started;
      expect(deferred(3)).toBe(3);
      expect(deferred(4)).toBe(0);
      for (const chatId of chatIds) expect(sandbox.sent(chatId).map((m) => m.content.text)).toEqual([DEFAULT_FALLBACK_TEXT]);
      await waitFor(() => daemon.output.count(/^уведомление: The knowledge engine failed 4 times in a row/) === 3, 'the seller told of each', 5000);
      // The chat stays unread, so it stands out in the seller's app.
      expect(sandbox.requests.filter((r) => r.path.endsWith('/read'))).toEqual([]);

      // New questions during the outage wait; the outage ends before the limit; each is answered once, from Gemini.
      for (const chatId of chatIds) sandbox.addMessage(chatId, { text: 'А доставка курьером сколько стоит?' });
      await waitFor(() => deferred(1) === 6, 'a failed pass for each new question', 20_000);
      expect(sandbox.sent()).toHaveLength(3);
      gemini.clearFailures();
      const backAt = Date.now();
      await waitFor(() => sandbox!.sent().length === 6, 'the answers once Gemini is back', 20_000);
      const answeredAfterMs = Date.now() - backAt;
      await pause(2500);
      const turns = checkTurns(sandbox, chatIds);
      expect(turns).toEqual({ inquiries: 6, unanswered: [], doubled: [] });
      for (const chatId of chatIds) expect(sandbox.sent(chatId)[1]!.content.text).not.toBe(DEFAULT_FALLBACK_TEXT);
      expect(isRunning(daemon.child), daemon.output.text()).toBe(true);
      console.info(JSON.stringify({ test: 'gemini', fallbackAfterMs, answeredAfterMs, generateCalls: gemini.requests.filter((r) => r.path.endsWith(':generateContent')).length }));

      daemon.child.kill('SIGTERM');
      const result = await daemon.done;
      expect(result.code, result.stderr.slice(-2000)).toBe(0);
    } finally {
      await gemini.close();
    }
  }, 60_000);
});

describe('poll daemon through a Telegram outage', () => {
  it('Telegram answering 500 to everything for the whole run: buyers are answered once each, the daemon keeps running', async () => {
    const { startFakeTelegram } = await import('../helpers/fake-telegram.js');
    const telegram = await startFakeTelegram();
    try {
      for (const method of ['getMe', 'getUpdates', 'sendMessage', 'deleteWebhook', 'setMyCommands']) telegram.failNext(method, { errorCode: 500, times: 100_000 });
      const scenario = generateScenario({ chats: 6, messagesPerChat: 1, seed: 9 });
      const chatIds = scenario.chats.map((chat) => chat.id);
      sandbox = await startSandbox({ scenario });
      const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-faults-telegram-'));
      const env = { ...avitoEnv(sandbox, cwd), TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_OWNER_CHAT_ID: '5550001', TELEGRAM_API_ROOT: telegram.url };
      const daemon = start(['poll'], cwd, env, 40_000);
      await waitForEveryTurnAnswered(sandbox, chatIds, 15_000);
      // Questions that come while Telegram is still down are answered too, one reply each.
      for (const chatId of chatIds.slice(0, 3)) sandbox.addMessage(chatId, { text: 'Какая гарантия?' });
      await waitForEveryTurnAnswered(sandbox, chatIds, 15_000);
      await pause(2000);
      expect(checkTurns(sandbox, chatIds)).toEqual({ inquiries: 9, unanswered: [], doubled: [] });
      expect(isRunning(daemon.child), daemon.output.text()).toBe(true);
      // The notices were really tried and refused, or this proves nothing.
      const refused = telegram.calls.filter((call) => call.method.toLowerCase() === 'sendmessage').length;
      expect(refused).toBeGreaterThan(0);
      expect(telegram.sent).toEqual([]);
      expect(daemon.output.count(/^telegram: cannot get updates/)).toBeGreaterThan(0);
      console.info(JSON.stringify({ test: 'telegram', refusedNotices: refused, telegramCalls: telegram.calls.length }));

      daemon.child.kill('SIGTERM');
      const result = await daemon.done;
      expect(result.code, result.stderr.slice(-2000)).toBe(0);
    } finally {
      await telegram.close();
    }
  }, 40_000);
});

describe('serve daemon under Avito faults', () => {
  it('20% faults while webhooks arrive and tokens expire: the server stays up, and every inquiry ends with exactly one reply', async () => {
    const { freePort, WEBHOOK_SECRET } = await import('../helpers/serve.js');
    const scenario = generateScenario({ chats: 12, messagesPerChat: 1, seed: 3 });
    const chatIds = scenario.chats.map((chat) => chat.id);
    sandbox = await startSandbox({ scenario });
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-faults-serve-'));
    const [port, monitorPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${port}`;
    const monitorToken = 'faults-monitor-token-0123';
    const env = {
      ...avitoEnv(sandbox, cwd),
      AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PORT: String(port),
      MONITOR_PORT: String(monitorPort),
      MONITOR_TOKEN: monitorToken,
      APP_BASE_URL: url,
      REPLY_DELAY: '0.3',
      // The config's minimum: a safety pass every 6 s picks up what the faults left open.
      SAFETY_POLL_MINUTES: '0.1',
    };
    sandbox.faults.rate(0.2, [...FAULT_KINDS], 77);
    sandbox.faults.inject({ kind: 'drop-after', match: { method: 'POST', path: SEND_PATH }, times: 2 });
    const started = Date.now();
    const first = start(['serve'], cwd, env, 60_000);
    await waitFor(() => first.output.count(/^serve запущен$/) === 1, 'serve listening', 15_000);

    const random = createRandom(99);
    let added = 0;
    for (let second = 1; second <= 10; second++) {
      await pause(1000);
      expect(isRunning(first.child), first.output.text()).toBe(true);
      if (second === 3 || second === 7) sandbox.expireTokens();
      const answered = chatsAnswered(sandbox, chatIds);
      for (let i = 0; i < 2 && answered.length > 0; i++) {
        const [chatId] = answered.splice(Math.floor(random() * answered.length), 1);
        const message = sandbox.addMessage(chatId!, { text: `${QUESTIONS[Math.floor(random() * QUESTIONS.length)]} (${second}-${i})` });
        added++;
        const response = await fetch(`${url}/avito/webhook/${WEBHOOK_SECRET}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(sandbox.deliveryFor(chatId!, message.id)),
        });
        // Acknowledged at once, whatever Avito does meanwhile.
        expect(response.status).toBe(200);
      }
    }
    sandbox.faults.clear();
    const faultyMs = Date.now() - started;

    // Two safety passes after the faults stopped (the second one started after them): what they
    // could answer is answered. A webhook answer that failed waits for the inbox's own retry
    // (60 s, then doubling; serve has no setting for it), and the safety pass leaves that chat to it.
    const passes = first.output.count(/^проход$/);
    await waitFor(() => first.output.count(/^проход$/) >= passes + 2, 'two safety passes after the faults', 20_000);
    const inRun = checkTurns(sandbox, chatIds);
    expect(inRun.doubled, 'turns with two replies').toEqual([]);
    const queue = (await (await fetch(`http://127.0.0.1:${monitorPort}/queue`, { headers: { authorization: `Bearer ${monitorToken}` } })).json()) as { waiting: Array<{ chat_id: string; retries: number }> };
    const heldForRetry = new Set(queue.waiting.filter((entry) => entry.retries > 0).map((entry) => entry.chat_id));
    const openChats = [...new Set(inRun.unanswered.map((turn) => turn.split('@')[0]!))];
    expect(openChats.filter((chatId) => !heldForRetry.has(chatId)), 'open chats no retry is waiting for').toEqual([]);
    expect(isRunning(first.child), first.output.text()).toBe(true);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const tally = tallyFaults(sandbox.requests);

    // SIGTERM: the retries still waiting are left to the next start, which answers them once.
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr.slice(-2000)).toBe(0);
    const second = start(['serve'], cwd, env, 30_000);
    await waitForEveryTurnAnswered(sandbox, chatIds, 15_000);
    await pause(2000);
    const turns = checkTurns(sandbox, chatIds);
    expect(turns.doubled, 'turns with two replies').toEqual([]);
    expect(turns.unanswered).toEqual([]);
    expect(turns.inquiries).toBe(12 + added);
    console.info(JSON.stringify({ test: 'serve', faultyMs, totalMs: Date.now() - started, added, inquiries: turns.inquiries, openAfterFaults: openChats.length, ...tally }));

    // The faults were really met, or this proves nothing.
    for (const kind of FAULT_KINDS) expect(tally.byKind[kind] ?? 0, kind).toBeGreaterThan(0);
    expect(tally.ambiguousSends).toBeGreaterThanOrEqual(2);
    expect(tally.expiredTokenRefusals).toBeGreaterThanOrEqual(2);
    expect(tally.tokensIssued).toBeGreaterThanOrEqual(3);

    second.child.kill('SIGTERM');
    const result = await second.done;
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
  }, 60_000);
});
