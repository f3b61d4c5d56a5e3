// Benchmark of several workers on one Redis (issue 18), and what Redis costs a reply against the JSON store.
//
//   npm run build && node bench/redis.mjs --chats 300 --latency 75 --workers 1,2,3 --concurrency 4 --replies 2000 --memory-chats 10000
//
// Throughput: a redis-server of its own (free loopback port, temp folder, AOF with a flush every second as
// docker-compose.yml runs it) and the Avito sandbox in this process, answering every call after `--latency` ms.
// For each setting (the JSON store with one process, then 1, 2, 3 processes on Redis) the `avito-ai poll`
// daemons (bin/avito-ai.js, local engine, POLL_CONCURRENCY `--concurrency` each, a pass every 2 s) start
// on an empty account; once all of them take from the shared queue, `--chats` chats with a question each
// appear at once (written one a second over the last minutes; `--burst 1`: all in the same second).
// Throughput is answered inquiries per second from the first to the last send the sandbox accepted; "all
// answered" is from the first request about one of them to the last send. The processes run until the pass
// after the last reply has looked again at every answered chat, then stop (SIGTERM): every chat must then
// hold exactly one reply (the script exits 1 otherwise). CPU is each daemon's user + system time, the
// redis-server's and this process's (the sandbox) over the same span; each process's token tells its replies.
//
// Cost per message: in a child process, `--replies` replies written as the responder writes them (the
// write-ahead record with the fetched question, then the completion: sent message, chat state, processed
// ids, counters, dialog record), to the JSON store and to the Redis store, over 1,000 chats. On Redis:
// the two transactions alone, and the whole chat cycle a worker goes through (take the chat's lease,
// replay the other processes' log, load the chat's history, write-ahead record, renew the lease before the
// send, completion, release), and the two transactions again with `appendfsync always`, the JSON store's
// durability. Round trips are the commands the store's client sent. Memory: a third child
// opens an account of `--memory-chats` answered chats, after a full GC, and reports what opening added.
import { spawn, spawnSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ROOT, freePort, readArgs, sandboxEnv } from './lib.mjs';

const args = readArgs();
const SELF = fileURLToPath(import.meta.url);
const PASS_INTERVAL_S = 2;
const COST_CHATS = 1000;

if (args['measure-cost'] !== undefined) await measureCost(args['measure-cost'], Number(args.replies ?? 2000));
else if (args['fill-memory'] !== undefined) await fillMemory(args['fill-memory'], args.dir, Number(args['memory-chats']));
else if (args['measure-memory'] !== undefined) await measureMemory(args['measure-memory'], args.dir);
else await runParent();

async function runParent() {
  // The sandbox's latency waits on one signal per call in flight: with 3 × 4 calls that is over Node's warning threshold of 10.
  setMaxListeners(100);
  const options = {
    chats: Number(args.chats ?? 300),
    latencyMs: Number(args.latency ?? 75),
    workers: String(args.workers ?? '1,2,3').split(',').map(Number),
    concurrency: Number(args.concurrency ?? 4),
    replies: Number(args.replies ?? 2000),
    memoryChats: Number(args['memory-chats'] ?? 10_000),
    seed: Number(args.seed ?? 42),
    burst: args.burst !== undefined && args.burst !== '0',
  };
  const { chats, latencyMs, workers, concurrency, replies, memoryChats, seed } = options;
  console.log(`avito-ai Redis benchmark (node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${redisVersion()})`);
  console.log(`reproduce: npm run build && node bench/redis.mjs --chats ${chats} --latency ${latencyMs} --workers ${workers.join(',')} --concurrency ${concurrency} --replies ${replies} --memory-chats ${memoryChats} --seed ${seed}${options.burst ? ' --burst 1' : ''}`);
  console.log(`load average at start: ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}\n`);
  const redis = await startRedis();
  let failed = false;
  try {
    const rows = [];
    const settings = [{ label: 'JSON store, 1 process', processes: 1, redis: false }, ...workers.map((n) => ({ label: `Redis, ${n} process${n > 1 ? 'es' : ''}`, processes: n, redis: true }))];
    for (const setting of settings) {
      const row = await measureThroughput(setting, options, redis);
      rows.push(row);
      console.log(formatRow(row));
      if (row.duplicates.length > 0 || row.unanswered.length > 0 || row.exitCodes.some((code) => code !== 0)) failed = true;
    }
    printThroughput(rows, options);
    const cost = runChild(['--measure-cost', redis.url(1), '--replies', String(replies)]);
    printCost(cost, replies);
    const dir = await mkdtemp(join(tmpdir(), 'avito-ai-bench-redis-mem-'));
    try {
      runChild(['--fill-memory', redis.url(2), '--dir', dir, '--memory-chats', String(memoryChats)]);
      const memory = { json: runChild(['--measure-memory', 'json', '--dir', dir], ['--expose-gc']), redis: runChild(['--measure-memory', redis.url(2), '--dir', dir], ['--expose-gc']) };
      printMemory(memory, memoryChats);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await redis.stop();
  }
  if (failed) console.log('\nFAILED: a chat was not answered exactly once, or a process did not exit 0 (see above)');
  process.exitCode = failed ? 1 : 0;
}

/** One setting: daemons up and idle, then the chats appear; waits for every reply and the pass after it. */
async function measureThroughput(setting, options, redis) {
  const { startSandbox, generateScenario } = await import('../dist/avito/sandbox/index.js');
  const scenario = generateScenario({ chats: options.chats, messagesPerChat: 1, seed: options.seed });
  const sandbox = await startSandbox({ scenario: { account: scenario.account, chats: [] }, latencyMs: options.latencyMs });
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-bench-redis-'));
  const sends = new Map();
  sandbox.onMessage((event) => {
    if (event.origin === 'avito-api') sends.set(event.chatId, (sends.get(event.chatId) ?? 0) + 1);
  });
  if (setting.redis) await redis.flush();
  const env = {
    ...sandboxEnv(sandbox, dir),
    POLL_CONCURRENCY: String(options.concurrency),
    AVITO_POLL_INTERVAL: String(PASS_INTERVAL_S),
    LOG_LEVEL: 'warn',
    NO_COLOR: '1',
    ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
    ...(setting.redis ? { STORE_URL: redis.url(0) } : {}),
  };
  const children = Array.from({ length: setting.processes }, () => startDaemon(env, dir));
  try {
    await waitFor(() => checkAlive(children) && sandbox.requests.some(isChatList), 30_000, 'the first pass');
    if (setting.redis) await waitFor(async () => checkAlive(children) && (await redis.readers()) >= setting.processes, 30_000, 'every process on the queue');
    const cpuBefore = await sampleCpu(children, redis);
    const from = sandbox.requests.length;
    // A backlog written over the last minutes (chat i, i seconds ago), or with --burst all in this second.
    const nowSeconds = Math.floor(Date.now() / 1000);
    for (const [index, chat] of scenario.chats.entries()) sandbox.addChat(options.burst ? chat : { ...chat, created: nowSeconds - index });
    const added = Date.now();
    await waitFor(() => sends.size >= options.chats, 300_000, 'every chat answered');
    const cpuAfter = await sampleCpu(children, redis);
    // The pass after the last reply looks again at the chats answered since the one before: a duplicate would come from there.
    const lastSendAt = Date.now();
    await waitFor(() => sandbox.requests.slice(from).some((request) => isChatList(request) && request.at > lastSendAt + 100) && quietFor(sandbox, 1000), 30_000, 'the pass after the last reply');
    const exitCodes = await Promise.all(children.map(stopDaemon));
    const handedOut = setting.redis ? await redis.queueLength() : 0;
    return summarize(setting, sandbox, scenario, sends, { from, added, exitCodes, handedOut, cpu: diffCpu(cpuBefore, cpuAfter), stderr: children.map((child) => child.stderrText()) });
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function summarize(setting, sandbox, scenario, sends, run) {
  const requests = sandbox.requests.slice(run.from);
  const sent = requests.filter((request) => request.method === 'POST' && request.path.endsWith('/messages') && request.status === 200);
  const ids = new Set(scenario.chats.map((chat) => chat.id));
  // The pass that found the chats listed them before they appeared (the list is answered after the latency): the first request about one of them is the start.
  const firstLook = requests.find((request) => ids.has(request.path.split('/')[6] ?? ''));
  const firstSend = sent[0]?.at ?? 0;
  const lastSend = sent.at(-1)?.at ?? 0;
  const duplicates = scenario.chats.filter((chat) => (sends.get(chat.id) ?? 0) > 1).map((chat) => chat.id);
  const unanswered = scenario.chats.filter((chat) => !sends.has(chat.id)).map((chat) => chat.id);
  return {
    ...setting,
    answered: sends.size,
    sends: [...sends.values()].reduce((sum, n) => sum + n, 0),
    duplicates,
    unanswered,
    perSecond: sent.length / Math.max(1, (lastSend - firstSend) / 1000),
    allAnsweredMs: lastSend - (firstLook?.at ?? run.added),
    requestsPerChat: requests.length / Math.max(1, sends.size),
    handedOut: run.handedOut,
    kinds: countKinds(requests),
    // Each process has a token of its own: the replies each one sent.
    shares: [...sent.reduce((counts, request) => counts.set(request.token, (counts.get(request.token) ?? 0) + 1), new Map()).values()].sort((a, b) => b - a),
    cpu: run.cpu,
    exitCodes: run.exitCodes,
    stderr: run.stderr,
  };
}

/** `GET chats/:id/messages` → count: which calls a reply costs. */
function countKinds(requests) {
  const kinds = {};
  for (const request of requests) {
    const kind = `${request.method} ${request.path.replace(/\/accounts\/\d+/, '').replace(/\/chats\/[^/]+/, '/chats/:id')}`;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

function checkAlive(children) {
  const dead = children.find((child) => child.exitCode !== null);
  if (dead) throw new Error(`a daemon exited (${dead.exitCode}):\n${dead.stderrText()}`);
  return true;
}

function isChatList(request) {
  return request.method === 'GET' && /\/chats$/.test(request.path);
}

function quietFor(sandbox, ms) {
  const last = sandbox.requests.at(-1);
  return last === undefined || (last.status !== 0 && Date.now() - last.at > ms);
}

function startDaemon(env, cwd) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/avito-ai.js'), 'poll'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stderrText = () => stderr;
  return child;
}

async function stopDaemon(child) {
  if (child.exitCode !== null) return child.exitCode;
  const closed = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await closed;
  clearTimeout(timer);
  return code;
}

/** CPU seconds (user + system) of each daemon, of redis-server and of this process, now. */
async function sampleCpu(children, redis) {
  const ticks = await Promise.all(children.map(async (child) => readProcessCpu(child.pid)));
  const own = process.cpuUsage();
  return { daemons: ticks, redis: await redis.cpuSeconds(), sandbox: (own.user + own.system) / 1e6 };
}

async function readProcessCpu(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

function diffCpu(before, after) {
  return {
    daemons: after.daemons.reduce((sum, value, index) => sum + value - (before.daemons[index] ?? 0), 0),
    redis: after.redis - before.redis,
    sandbox: after.sandbox - before.sandbox,
  };
}

async function waitFor(check, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function formatRow(row) {
  const check = row.duplicates.length === 0 && row.unanswered.length === 0 ? 'each exactly once' : `${row.duplicates.length} duplicated, ${row.unanswered.length} unanswered`;
  const lines = [
    `${row.label}: ${row.answered} chats answered (${row.sends} replies, ${check}), ${row.perSecond.toFixed(1)} answers/s first to last send,`,
    `  all answered ${(row.allAnsweredMs / 1000).toFixed(2)} s after the first look at one of them, ${row.requestsPerChat.toFixed(2)} Avito requests per answered chat${row.redis ? `, ${row.handedOut} looks through the queue` : ''},`,
    `  CPU: daemons ${row.cpu.daemons.toFixed(2)} s (${((row.cpu.daemons * 1000) / Math.max(1, row.answered)).toFixed(2)} ms per reply), redis-server ${row.cpu.redis.toFixed(2)} s, sandbox ${row.cpu.sandbox.toFixed(2)} s; exit codes ${row.exitCodes.join(',')}`,
  ];
  lines.push(`  replies per process: ${row.shares.join(' / ')}`);
  lines.push(`  Avito calls: ${Object.entries(row.kinds).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  for (const [index, text] of row.stderr.entries()) if (text.trim() !== '') lines.push(`  process ${index + 1} said:\n${text.trim().split('\n').slice(0, 10).map((line) => `    ${line}`).join('\n')}`);
  return lines.join('\n');
}

function printThroughput(rows, options) {
  const base = rows.find((row) => row.redis && row.processes === 1);
  console.log(`\nthroughput: ${options.chats} chats, one question each (${options.burst ? 'all written in the same second' : 'written one a second over the last minutes'}), sandbox latency ${options.latencyMs} ms a call, POLL_CONCURRENCY=${options.concurrency} per process; ${cpus().length} cores for everything (daemons, redis-server, sandbox)`);
  console.table(
    rows.map((row) => ({
      setting: row.label,
      'answers/s': round(row.perSecond),
      'vs Redis ×1': base ? `${(row.perSecond / base.perSecond).toFixed(2)}×` : '',
      'all answered s': round(row.allAnsweredMs / 1000),
      'requests/chat': round(row.requestsPerChat),
      'looks queued/chat': row.redis ? round(row.handedOut / Math.max(1, row.answered)) : '',
      'daemon CPU ms/reply': round((row.cpu.daemons * 1000) / Math.max(1, row.answered)),
      'redis CPU s': round(row.cpu.redis),
      'exactly once': row.duplicates.length === 0 && row.unanswered.length === 0 ? 'yes' : 'NO',
    })),
  );
}

// --- cost per message, in a child ---

async function measureCost(url, replies) {
  const { openStore } = await import('../dist/store/index.js');
  const { openRedisStore } = await import('../dist/redis/redis-store.js');
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-bench-redis-cost-'));
  try {
    const json = await openStore({ path: join(dir, 'avito-ai.json') });
    const jsonTimes = await timeReplies(replies, (index) => writeReply(json, index));
    await json.close();
    const redis = await openRedisStore({ url, account: 'bench-cost' });
    const trips = countRoundTrips(redis.redis);
    await redis.redis.flushdb();
    // The store takes a chat's writes only from the holder of its lease: the transactions alone are timed with every lease held.
    const holdAll = async () => {
      for (let chat = 0; chat < COST_CHATS; chat++) await redis.leases.acquire(`chat:${chatIdOf(chat)}`, { waitMs: 5000 });
    };
    await holdAll();
    const txOnly = await timeReplies(replies, (index) => writeReply(redis, index), trips);
    await redis.leases.releaseAll();
    const cycle = await timeReplies(replies, (index) => redis.run(chatIdOf(index % COST_CHATS), () => writeReply(redis, index, () => redis.leases.confirm(`chat:${chatIdOf(index % COST_CHATS)}`))), trips);
    // The JSON store's transaction returns once fsynced; Redis as shipped in docker-compose.yml flushes its AOF once a second. The same durability costs this:
    await redis.redis.config('SET', 'appendfsync', 'always');
    await holdAll();
    const txAlways = await timeReplies(replies, (index) => writeReply(redis, index), trips);
    await redis.redis.config('SET', 'appendfsync', 'everysec');
    await redis.close();
    process.stdout.write(`${JSON.stringify({ json: jsonTimes, redisTx: txOnly, redisCycle: cycle, redisAlways: txAlways })}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The two transactions of one reply, as src/core/responder.ts and reply-records.ts write them; `beforeSend` stands where the send is. */
async function writeReply(store, index, beforeSend, chats = COST_CHATS) {
  const chat = index % chats;
  const chatId = chatIdOf(chat);
  const question = makeMessage(chatId, `q-${index}`, 'in');
  await store.transact((tx) => {
    tx.appendMessages(chatId, [question]);
    tx.putPending(makePending(chatId, index));
    tx.increment('messagesSeen', 1);
    tx.increment('nonText', 0);
  });
  if (beforeSend) await beforeSend();
  const now = 1_800_000_000_000 + index;
  await store.transact((tx) => {
    tx.appendMessages(chatId, [makeMessage(chatId, `r-${index}`, 'out')]);
    tx.updateChat(chatId, (state) => {
      state.botMessageIds = [...state.botMessageIds, `r-${index}`].slice(-200);
      state.lastHandledMessageId = `q-${index}`;
      state.lastHandledAt = 1_800_000_000 + index;
      state.engineFailures = 0;
      state.recentReplies = [...(state.recentReplies ?? []).filter((at) => now - at < 3_600_000), now];
      state.lastActivityAt = now;
      state.recheckAfter = now;
    });
    tx.markProcessed([`q-${index}`, `r-${index}`]);
    tx.closePending(chatId);
    tx.increment('repliesSent');
    tx.increment('found');
    tx.appendDialog({ at: now, chatId, itemId: 1_000_000 + chat, question: question.text, answer: 'Да, в наличии. Забрать можно сегодня до 20:00.', status: 'FOUND', sources: ['price-list.md'], latencyMs: 12, engine: 'local' });
  });
}

async function timeReplies(count, reply, trips) {
  const times = [];
  const tripsBefore = trips?.count ?? 0;
  const cpu = process.cpuUsage();
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    await reply(index);
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5) * 1000, p99: at(0.99) * 1000, mean: (times.reduce((sum, t) => sum + t, 0) / count) * 1000, cpuUs: (used.user + used.system) / count, trips: trips ? (trips.count - tripsBefore) / count : 0 };
}

/** Every command the client writes is one round trip: the store uses no pipelining on a reply's path. */
function countRoundTrips(client) {
  const counter = { count: 0 };
  const send = client.sendCommand.bind(client);
  client.sendCommand = (...rest) => {
    counter.count += 1;
    return send(...rest);
  };
  return counter;
}

function printCost(cost, replies) {
  console.log(`\ncost per reply (two transactions: write-ahead record, completion), ${replies} replies over ${COST_CHATS} chats, in one process; µs`);
  const row = (label, value) => ({ store: label, 'p50 µs': Math.round(value.p50), 'p99 µs': Math.round(value.p99), 'mean µs': Math.round(value.mean), 'own CPU µs': Math.round(value.cpuUs), 'Redis round trips': round(value.trips) });
  console.table([
    row('JSON (fsync per transaction)', cost.json),
    row('Redis, the two transactions (AOF everysec)', cost.redisTx),
    row('Redis, the whole chat cycle (AOF everysec)', cost.redisCycle),
    row('Redis, the two transactions (AOF always)', cost.redisAlways),
  ]);
}

// --- memory, in children ---

async function fillMemory(url, dir, chats) {
  const { openStore } = await import('../dist/store/index.js');
  const { openRedisStore } = await import('../dist/redis/redis-store.js');
  const json = await openStore({ path: join(dir, 'avito-ai.json') });
  const redis = await openRedisStore({ url, account: 'bench-memory' });
  await redis.redis.flushdb();
  for (const store of [json, redis]) {
    for (let first = 0; first < chats; first += 32) {
      const batch = Array.from({ length: Math.min(32, chats - first) }, (_, offset) => first + offset);
      // Redis takes a chat's writes only from the holder of its lease.
      if (store === redis) await Promise.all(batch.map((index) => redis.leases.acquire(`chat:${chatIdOf(index)}`, { waitMs: 5000 })));
      await Promise.all(batch.map((index) => writeReply(store, index, undefined, chats)));
      if (store === redis) await redis.leases.releaseAll();
    }
    await store.close();
  }
}

async function measureMemory(source, dir) {
  const { openStore } = await import('../dist/store/index.js');
  const { openRedisStore } = await import('../dist/redis/redis-store.js');
  // Loaded before the baseline: only what opening the account adds is counted.
  const { Redis } = await import('ioredis');
  void Redis;
  const before = settledMemory();
  const store = source === 'json' ? await openStore({ path: join(dir, 'avito-ai.json') }) : await openRedisStore({ url: source, account: 'bench-memory' });
  const after = settledMemory();
  const chats = store.listChats().length;
  await store.close();
  process.stdout.write(`${JSON.stringify({ chats, rss: after.rss - before.rss, heap: after.heapUsed - before.heapUsed })}\n`);
}

function settledMemory() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  return process.memoryUsage();
}

function printMemory(memory, chats) {
  console.log(`\nmemory a process holds for an account of ${chats} answered chats (after a full GC, delta over the process before opening)`);
  console.table(
    Object.entries(memory).map(([store, value]) => ({
      store: store === 'json' ? 'JSON store (history kept in memory)' : 'Redis replica (history loaded per chat)',
      chats: value.chats,
      'RSS MB': round(value.rss / 2 ** 20),
      'heap MB': round(value.heap / 2 ** 20),
      'per 10k chats, heap MB': round(((value.heap / 2 ** 20) * 10_000) / Math.max(1, value.chats)),
    })),
  );
}

// --- shared ---

function runChild(childArgs, nodeFlags = []) {
  const child = spawnSync(process.execPath, [...nodeFlags, SELF, ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${childArgs[0]} failed: ${child.stderr}`);
  const last = child.stdout.trim().split('\n').at(-1);
  return last ? JSON.parse(last) : undefined;
}

function chatIdOf(chat) {
  return `u2i-bench${String(chat).padStart(7, '0')}`;
}

function makeMessage(chatId, id, direction) {
  const text = direction === 'in' ? 'Здравствуйте! Диван ещё продаётся? Можно забрать сегодня вечером?' : 'Да, в наличии. Забрать можно сегодня до 20:00.';
  return { id, chatId, authorId: direction === 'in' ? 300_000_001 : 100_200_300, created: 1_800_000_000, direction, type: 'text', text, content: { text }, isRead: true };
}

function makePending(chatId, index) {
  return {
    id: `${chatId}:q-${index}`,
    chatId,
    inquiryMessageId: `q-${index}`,
    inquiryCreated: 1_800_000_000 + index,
    question: 'Диван ещё продаётся?',
    text: 'Да, в наличии. Забрать можно сегодня до 20:00.',
    status: 'FOUND',
    sources: ['price-list.md'],
    sentIds: [],
    createdAt: 1_800_000_000_000 + index,
    sendingSince: 1_800_000_000_000 + index,
  };
}

function round(value) {
  return Math.round(value * 100) / 100;
}

function redisVersion() {
  const out = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  return /v=(\S+)/.exec(out.stdout ?? '')?.[1] ? `redis ${/v=(\S+)/.exec(out.stdout)[1]}` : 'redis-server missing';
}

/** A throwaway redis-server: free loopback port, own folder, AOF flushed every second (as docker-compose.yml runs it). */
async function startRedis() {
  const { Redis } = await import('ioredis');
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-bench-redis-server-'));
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  const admin = new Redis({ port, host: '127.0.0.1' });
  return {
    url: (db) => `redis://127.0.0.1:${port}/${db}`,
    flush: () => admin.flushall(),
    /** Processes reading the shared queue: connections whose last command is the blocking read (an empty group lists no consumers on Redis 7.0). */
    async readers() {
      const clients = await admin.client('LIST');
      return clients.split('\n').filter((line) => / cmd=xreadgroup /.test(line)).length;
    },
    /** Entries ever added to the shared queue (nothing is trimmed below 100,000). */
    async queueLength() {
      const keys = await admin.keys('*:queue');
      return keys.length === 0 ? 0 : admin.xlen(keys[0]);
    },
    async cpuSeconds() {
      const info = await admin.info('cpu');
      const read = (name) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
      return read('used_cpu_user') + read('used_cpu_sys');
    },
    async stop() {
      admin.disconnect();
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGKILL');
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
