// Benchmark of webhook acknowledgement under a burst: 1,000 deliveries (one new question in each
// of 1,000 chats) POSTed to a running `avito-ai serve` over 50 connections at once, as a busy
// account's traffic arrives. Avito waits 2 s for each 200; the answers are background work.
//
//   npm run build && node bench/webhook.mjs --deliveries 1000 --connections 50
//
// The sandbox runs in this process; serve is a child process started from bin/avito-ai.js, with
// the local engine and REPLY_DELAY=0 so the answering overlaps the burst (the hard case for the
// acknowledgements). The same burst first goes to a bare Node server (its own child process, it
// only reads and parses the body): its p99 is the yardstick serve's acknowledgements are held to.
// Reports acknowledgement latency (median, p99, max) of both and the ratio of the p99s, the time
// until every question had its one reply, and the number of chats answered other than exactly once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT, freePort, readArgs, sandboxEnv } from './lib.mjs';

const args = readArgs();
const deliveries = Number(args.deliveries ?? 1000);
const connections = Number(args.connections ?? 50);
const replyDelay = String(args['reply-delay'] ?? 0);
const SECRET = 'bench-webhook-secret-0123456789';

// The yardstick: what any Node server pays to read, parse and answer, with nothing else to do.
const BARE_SERVER = `
import { createServer } from 'node:http';
const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let status = 200;
    try { JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { status = 400; }
    const body = status === 200 ? '{"ok":true}' : '{"error":"invalid JSON"}';
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

// The load generator runs in a thread of its own: the sandbox in this thread is busy answering
// serve's calls during serve's burst, and must not delay the clock of either burst. It uses
// node:http with one keep-alive connection each, which costs a third of fetch's CPU: the
// figures are more the servers' and less the client's.
const BURST_CLIENT = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { url, bodies, connections } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', reject);
    request.setTimeout(30_000, () => request.destroy(new Error('no answer in 30 s')));
    request.end(body);
  });
}
(async () => {
  const acks = [];
  const failures = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const sent = performance.now();
        const status = await post(body);
        acks.push(performance.now() - sent);
        if (status !== 200) failures.push(status);
      }
    }),
  );
  agent.destroy();
  parentPort.postMessage({ acks, failures, burstMs: performance.now() - started });
})();
`;

const { startSandbox, generateScenario } = await import('../dist/avito/sandbox/index.js');
const sandbox = await startSandbox({ scenario: generateScenario({ chats: 0, messagesPerChat: 0, seed: 1 }) });
const dir = await mkdtemp(join(tmpdir(), 'avito-ai-bench-webhook-'));
const port = await freePort();
const monitorPort = await freePort();
const url = `http://127.0.0.1:${port}`;
const MONITOR_TOKEN = 'bench-monitor-token-0123';
console.log(`avito-ai webhook burst benchmark (node ${process.version}, ${process.platform}/${process.arch})`);
console.log(`reproduce: npm run build && node bench/webhook.mjs --deliveries ${deliveries} --connections ${connections}${replyDelay !== '0' ? ` --reply-delay ${replyDelay}` : ''}`);
const child = spawn(process.execPath, [join(ROOT, 'bin/avito-ai.js'), 'serve'], {
  cwd: dir,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...sandboxEnv(sandbox, dir),
    AVITO_WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    MONITOR_PORT: String(monitorPort),
    MONITOR_TOKEN,
    REPLY_DELAY: replyDelay,
    SAFETY_POLL_MINUTES: '60',
    POLL_CONCURRENCY: '8',
    LOG_LEVEL: 'warn',
  },
});
const bare = spawn(process.execPath, ['--input-type=module', '-e', BARE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const barePort = await Promise.race([
    once(bare.stdout, 'data'),
    once(bare, 'exit').then(() => Promise.reject(new Error('the bare server exited before listening'))),
  ]);
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${monitorPort}/dashboard.js`).catch(() => undefined))?.ok === true, 15_000, 'serve to listen');
  const generated = generateScenario({ chats: deliveries, messagesPerChat: 1, accountId: sandbox.account.id, seed: 7 });
  for (const chat of generated.chats) sandbox.addChat(chat);
  const bodies = generated.chats.map((chat) => JSON.stringify(sandbox.deliveryFor(chat.id, sandbox.messages(chat.id).at(-1).id)));

  const bareUrl = `http://127.0.0.1:${String(barePort).trim()}/`;
  const webhook = `${url}/avito/webhook/${SECRET}`;
  // Not measured: both servers' code warms up, as a daemon that has run a while is, on Avito's
  // subscription checks (`{}`), which serve acknowledges and has nothing to answer for.
  const checks = Array.from({ length: 200 }, () => '{}');
  await runBurst(bareUrl, checks);
  await runBurst(webhook, checks);
  const baseline = await runBurst(bareUrl, bodies);
  bare.kill('SIGTERM');

  const started = performance.now();
  const burst = await runBurst(webhook, bodies);
  await waitUntil(async () => generated.chats.every((chat) => sandbox.sent(chat.id).length >= 1), 120_000, 'every question answered');
  const answeredMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const notOnce = generated.chats.filter((chat) => sandbox.sent(chat.id).length !== 1).length;
  const stats = await (await fetch(`http://127.0.0.1:${monitorPort}/stats`, { headers: { authorization: `Bearer ${MONITOR_TOKEN}` } })).json();
  console.log(`deliveries:            ${deliveries} over ${connections} connections, ${burst.failures.length} not answered 200`);
  console.log(`ack latency:           ${describeLatency(burst.acks)}`);
  console.log(`bare server ack:       ${describeLatency(baseline.acks)}${baseline.failures.length ? `, ${baseline.failures.length} not answered 200` : ''}`);
  console.log(`ack p99 / bare p99:    ${(percentile(burst.acks, 0.99) / percentile(baseline.acks, 0.99)).toFixed(2)}x`);
  console.log(`burst sent in:         ${(burst.burstMs / 1000).toFixed(2)} s (${Math.round(deliveries / (burst.burstMs / 1000))} deliveries/s)`);
  console.log(`all answered after:    ${(answeredMs / 1000).toFixed(2)} s`);
  console.log(`chats not answered exactly once: ${notOnce}`);
  console.log(`serve's /stats:        completed ${stats.completed_messages}, duplicates ${stats.webhook.duplicates}, latency median ${stats.latency_ms?.median} ms`);
} finally {
  bare.kill('SIGTERM');
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
}

/** POSTs every body to `target` over `connections` connections; the acks in ms, sorted. */
async function runBurst(target, bodies) {
  const client = new Worker(BURST_CLIENT, { eval: true, workerData: { url: target, bodies, connections } });
  const [result] = await once(client, 'message');
  await client.terminate();
  result.acks.sort((a, b) => a - b);
  return result;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function describeLatency(sorted) {
  return `median ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
}

async function waitUntil(check, timeoutMs, what) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
