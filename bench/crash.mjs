// Crash benchmark: `avito-ai poll --once` SIGKILLed at random points of its pass, again and again,
// with new buyer questions arriving between the kills; then clean restarts until no write-ahead
// record is left (a reply whose send may still land is held for 2 × AVITO_TIMEOUT from the send's
// start, so the first restart may rightly leave some). Counts every buyer turn in the sandbox: each
// must have exactly one bot reply after it. Exits 1 on any duplicate or unanswered inquiry (or a
// restart that fails, or records left after 30 s), printing the chats concerned.
//
//   npm run build && node bench/crash.mjs --runs 200 --seed 1
//
// The sandbox runs in this process; each run is bin/avito-ai.js as a child process. Start-up time
// swings with the machine's load, so a kill is placed by the pass's own calls, not the clock.
// Half the runs die anywhere: after the n-th request (n random over the pass) plus up to two
// sandbox latencies, which lands inside a call or right after its answer. The other half aim at
// the moment that makes duplicates: around the sandbox accepting a reply, before the bot has
// recorded it. "Sent, not recorded" counts the write-ahead records the kills left whose reply
// Avito had already accepted: proof they fell there. test/e2e/crash.test.ts runs the same loop
// 30 times in CI.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, readArgs, sandboxEnv } from './lib.mjs';

const args = readArgs();
const runs = Number(args.runs ?? 200);
const seed = Number(args.seed ?? 1);
const chats = Number(args.chats ?? 40);
const perRun = Number(args['per-run'] ?? 8);
const latencyMs = Number(args.latency ?? 15);
// AVITO_TIMEOUT in seconds: the settle window is twice that, and the default 15 s would hold a killed send for 30 s.
const timeoutS = Number(args.timeout ?? 1);
const QUESTIONS = ['Как доставляете?', 'Какая гарантия?', 'Можно оплатить картой при получении?', 'Ещё продаётся?', 'Где можно забрать?', 'Торг уместен?'];

const { startSandbox, generateScenario, createRandom } = await import('../dist/avito/sandbox/index.js');
const { openStore } = await import('../dist/store/index.js');
const scenario = generateScenario({ chats, messagesPerChat: 1, seed });
const sandbox = await startSandbox({ scenario, latencyMs });
const chatIds = scenario.chats.map((chat) => chat.id);
const dir = await mkdtemp(join(tmpdir(), 'avito-ai-bench-crash-'));
const env = { ...sandboxEnv(sandbox, dir), AVITO_TIMEOUT: String(timeoutS), NO_COLOR: '1' };
console.log(`avito-ai crash benchmark (node ${process.version}, ${process.platform}/${process.arch})`);
console.log(`reproduce: npm run build && node bench/crash.mjs --runs ${runs} --seed ${seed} --chats ${chats} --per-run ${perRun} --latency ${latencyMs} --timeout ${timeoutS}`);

const random = createRandom(seed);
const durations = [];
let midPass = 0;
let killed = 0;
const sentUnrecorded = new Set();
let failed = false;
const started = performance.now();
try {
  for (let run = 0; run < runs; run++) {
    if (run > 0) {
      for (const chatId of sample(chatIds, perRun)) sandbox.addMessage(chatId, { text: `${QUESTIONS[Math.floor(random() * QUESTIONS.length)]} (${run})` });
    }
    const open = chatIds.filter((id) => sandbox.messages(id).at(-1)?.direction === 'in').length;
    const runStarted = performance.now();
    const result = await runPoll(pickKillPoint(open));
    durations.push(performance.now() - runStarted);
    if (result.signal === 'SIGKILL') {
      killed++;
      if (!/INFO\s+pass chats=/.test(result.stderr)) midPass++;
    } else if (result.code !== 0) {
      console.log(`run ${run}: exit code ${result.code}\n${result.stderr}`);
      failed = true;
    }
    // A killed client's last requests still land, up to one latency later: before new questions.
    await sleep(2 * latencyMs + 10);
    for (const id of await findSentUnrecorded()) sentUnrecorded.add(id);
    if (process.stderr.isTTY) process.stderr.write(`\rrun ${run + 1}/${runs}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');

  // Restarts must answer everything once the windows have passed; the pass after them must find nothing to answer.
  const recoveryStarted = performance.now();
  const recovery = await restartUntilSettled();
  const recoveryMs = performance.now() - recoveryStarted;
  const idle = await runPoll();
  const idleAnswered = /INFO\s+pass chats=\d+ handled=\d+ answered=(\d+) /.exec(idle.stderr)?.[1];
  if (recovery.failed !== undefined || recovery.left > 0 || idle.code !== 0 || idleAnswered !== '0') {
    console.log(`the restarts did not finish the work: ${recovery.restarts} restarts, ${recovery.left} records left, next pass exit ${idle.code}, answered ${idleAnswered}\n${recovery.failed ?? ''}\n${idle.stderr}`);
    failed = true;
  }
  const totalMs = performance.now() - started;

  const check = checkReplies();
  durations.sort((a, b) => a - b);
  const at = (p) => durations[Math.min(durations.length - 1, Math.max(0, Math.ceil(p * durations.length) - 1))];
  console.log('');
  console.log(`runs                  ${runs} (${chats} chats, ${perRun} new questions before each run, sandbox latency ${latencyMs} ms)`);
  console.log(`killed mid-pass       ${midPass} (SIGKILLed ${killed}; the others finished their pass)`);
  console.log(`sent, not recorded    ${sentUnrecorded.size} (replies Avito accepted before a kill, the bot had not recorded)`);
  console.log(`inquiries             ${check.inquiries} (buyer turns), ${sandbox.sent().length} replies sent`);
  console.log(`duplicates            ${check.duplicates.length}`);
  console.log(`unanswered            ${check.unanswered.length}`);
  console.log(`restarts to settle    ${recovery.restarts} in ${(recoveryMs / 1000).toFixed(1)} s (replies held until their ${2 * timeoutS} s settle window passed)`);
  console.log(`run time              median ${(at(0.5) / 1000).toFixed(2)} s, p90 ${(at(0.9) / 1000).toFixed(2)} s, max ${(durations.at(-1) / 1000).toFixed(2)} s`);
  console.log(`total time            ${(totalMs / 1000).toFixed(1)} s`);
  for (const finding of [...check.duplicates, ...check.unanswered]) {
    console.log(`\n${finding.kind}: ${finding.chatId}, turn ending at message #${finding.index}`);
    for (const [index, m] of sandbox.messages(finding.chatId).entries()) {
      console.log(`  #${index} ${m.direction} ${m.id} ${new Date(m.created * 1000).toISOString()} ${String(m.content.text ?? '').slice(0, 60)}`);
    }
  }
  if (check.duplicates.length > 0 || check.unanswered.length > 0) failed = true;
  if (failed) console.log('\nFAILED: see above');
  process.exitCode = failed ? 1 : 0;
} finally {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
}

/** Where a run is killed: after the `nth` request that `counts`, plus `delayMs`. */
function pickKillPoint(open) {
  const chats = Math.max(1, Math.min(open, 8));
  if (random() < 0.5) return { counts: () => true, nth: 1 + Math.floor(random() * (1 + 3 * chats)), delayMs: Math.floor(random() * 2 * latencyMs) };
  return {
    counts: (request) => request.method === 'POST' && request.path.endsWith('/messages'),
    nth: 1 + Math.floor(random() * chats),
    delayMs: latencyMs - 1 + Math.floor(random() * 6),
  };
}

/** One `poll --once`; killed as `kill` says when given. */
async function runPoll(kill) {
  const from = sandbox.requests.length;
  const child = spawn(process.execPath, [join(ROOT, 'bin/avito-ai.js'), 'poll', '--once'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let killer;
  const watch = kill === undefined ? undefined : setInterval(() => {
    if (sandbox.requests.slice(from).filter(kill.counts).length < kill.nth) return;
    clearInterval(watch);
    killer = setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
  }, 1);
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const [code, signal] = await new Promise((resolve) => child.on('close', (...end) => resolve(end)));
  clearInterval(watch);
  clearTimeout(killer);
  clearTimeout(guard);
  return { code, signal, stderr };
}

/**
 * Clean restarts until no write-ahead record is left, or 30 s: each waits for the first held
 * record's window to end. `failed` is the output of a restart that did not exit 0.
 */
async function restartUntilSettled() {
  const until = Date.now() + 30_000;
  for (let restarts = 1; ; restarts++) {
    const restart = await runPoll();
    if (restart.code !== 0) return { restarts, left: -1, failed: restart.stderr };
    const left = await readPending();
    if (left.length === 0 || Date.now() > until) return { restarts, left: left.length };
    const windowsEnd = left.map((record) => Math.max(record.sendingSince ?? 0, record.ambiguousAt ?? 0) + 2 * timeoutS * 1000);
    await sleep(Math.min(Math.max(Math.min(...windowsEnd) - Date.now(), 100), 2 * timeoutS * 1000));
  }
}

async function readPending() {
  const store = await openStore({ path: env.STORE_PATH, readOnly: true });
  try {
    return store.listPending();
  } finally {
    await store.close();
  }
}

/** Ids of write-ahead records left by a kill whose reply is already in the chat on Avito. */
async function findSentUnrecorded() {
  const store = await openStore({ path: env.STORE_PATH, readOnly: true });
  try {
    return store
      .listPending()
      .filter((pending) => {
        const known = new Set(store.getChat(pending.chatId)?.botMessageIds ?? []);
        return sandbox.messages(pending.chatId).some((m) => m.direction === 'out' && !known.has(m.id) && pending.text.startsWith(String(m.content.text).trim()));
      })
      .map((pending) => pending.id);
  } finally {
    await store.close();
  }
}

/** Every buyer turn (a run of incoming messages) must be followed by exactly one bot message. */
function checkReplies() {
  const check = { inquiries: 0, duplicates: [], unanswered: [] };
  for (const chatId of chatIds) {
    const messages = sandbox.messages(chatId);
    messages.forEach((message, index) => {
      if (message.direction !== 'in' || messages[index + 1]?.direction === 'in') return;
      check.inquiries++;
      let replies = 0;
      while (messages[index + 1 + replies]?.direction === 'out') replies++;
      if (replies === 0) check.unanswered.push({ kind: 'unanswered', chatId, index });
      if (replies > 1) check.duplicates.push({ kind: `duplicate (${replies} replies)`, chatId, index });
    });
  }
  return check;
}

/** `count` distinct chats, drawn with the seeded generator. */
function sample(list, count) {
  const rest = [...list];
  const picked = [];
  while (picked.length < count && rest.length > 0) picked.push(rest.splice(Math.floor(random() * rest.length), 1)[0]);
  return picked;
}

