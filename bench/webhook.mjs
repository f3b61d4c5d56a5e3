// Benchmark of webhook acknowledgement under a burst: 1,000 deliveries (one new question in each
// of 1,000 chats) POSTed to a running `avito-ai serve` over 50 connections at once, as a busy
// account's traffic arrives. Avito waits 2 s for each 200; the answers are background work.
//
//   npm run build && node bench/webhook.mjs --deliveries 1000 --connections 50
//
// The sandbox runs in this process; serve is a child process started from bin/avito-ai.js, with
// the local engine and REPLY_DELAY=0 so the answering overlaps the burst (the hard case for the
// acknowledgements). Reports acknowledgement latency (median, p99, max), the time until every
// question had its one reply, and the number of chats answered other than exactly once.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, readArgs, sandboxEnv } from './lib.mjs';

const args = readArgs();
const deliveries = Number(args.deliveries ?? 1000);
const connections = Number(args.connections ?? 50);
const replyDelay = String(args['reply-delay'] ?? 0);
const SECRET = 'bench-webhook-secret-0123456789';

const { startSandbox, generateScenario } = await import('../dist/avito/sandbox/index.js');
const sandbox = await startSandbox({ scenario: generateScenario({ chats: 0, messagesPerChat: 0, seed: 1 }) });
const dir = await mkdtemp(join(tmpdir(), 'avito-ai-bench-webhook-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
console.log(`avito-ai webhook burst benchmark (node ${process.version}, ${process.platform}/${process.arch})`);
console.log(`reproduce: npm run build && node bench/webhook.mjs --deliveries ${deliveries} --connections ${connections}${replyDelay !== '0' ? ` --reply-delay ${replyDelay}` : ''}`);
const child = spawn(process.execPath, [join(ROOT, 'bin/avito-ai.js'), 'serve'], {
  cwd: dir,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...sandboxEnv(sandbox, dir),
    AVITO_WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    REPLY_DELAY: replyDelay,
    SAFETY_POLL_MINUTES: '60',
    POLL_CONCURRENCY: '8',
    LOG_LEVEL: 'warn',
  },
});
try {
  await waitUntil(async () => (await fetch(`${url}/dashboard.js`).catch(() => undefined))?.ok === true, 15_000, 'serve to listen');
  const generated = generateScenario({ chats: deliveries, messagesPerChat: 1, accountId: sandbox.account.id, seed: 7 });
  for (const chat of generated.chats) sandbox.addChat(chat);
  const bodies = generated.chats.map((chat) => JSON.stringify(sandbox.deliveryFor(chat.id, sandbox.messages(chat.id).at(-1).id)));
  const webhook = `${url}/avito/webhook/${SECRET}`;
  const acks = [];
  const failures = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const sent = performance.now();
        const response = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.arrayBuffer();
        acks.push(performance.now() - sent);
        if (response.status !== 200) failures.push(response.status);
      }
    }),
  );
  const burstMs = performance.now() - started;
  await waitUntil(async () => generated.chats.every((chat) => sandbox.sent(chat.id).length >= 1), 120_000, 'every question answered');
  const answeredMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const notOnce = generated.chats.filter((chat) => sandbox.sent(chat.id).length !== 1).length;
  const stats = await (await fetch(`${url}/stats`)).json();
  acks.sort((a, b) => a - b);
  const at = (p) => acks[Math.min(acks.length - 1, Math.max(0, Math.ceil(p * acks.length) - 1))];
  console.log(`deliveries:            ${deliveries} over ${connections} connections, ${failures.length} not answered 200`);
  console.log(`ack latency:           median ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${acks.at(-1).toFixed(1)} ms`);
  console.log(`burst sent in:         ${(burstMs / 1000).toFixed(2)} s (${Math.round(deliveries / (burstMs / 1000))} deliveries/s)`);
  console.log(`all answered after:    ${(answeredMs / 1000).toFixed(2)} s`);
  console.log(`chats not answered exactly once: ${notOnce}`);
  console.log(`serve's /stats:        completed ${stats.completed_messages}, duplicates ${stats.webhook.duplicates}, latency median ${stats.latency_ms?.median} ms`);
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(check, timeoutMs, what) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
