// Benchmark of one poll pass: 1,000 chats with 2,000 new buyer messages against the Avito sandbox,
// answered with the local engine from docs/examples/knowledge.
//
//   npm run build && node bench/poll.mjs --chats 1000 --per-chat 2
//   npm run build && node bench/poll.mjs --chats 1000 --per-chat 2 --telegram 1   (plus a notice per answer)
//
// The sandbox runs in this process; the pass runs in a child process through the same code path
// as `avito-ai poll --once` (runCli from dist/), so its time, CPU and peak memory are avito-ai's
// alone. "Own time per message" is the child's CPU time (user + system) divided by the messages:
// everything avito-ai itself spends (HTTP client, JSON, store writes, search), not the waiting.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { countDurableWrites, readArgs, sandboxEnv } from './lib.mjs';

const args = readArgs();

if (args.child !== undefined) {
  await runChild();
} else {
  await runParent();
}

async function runParent() {
  const chats = Number(args.chats ?? 1000);
  const perChat = Number(args['per-chat'] ?? 2);
  const concurrency = Number(args.concurrency ?? 4);
  const withTelegram = args.telegram !== undefined && args.telegram !== '0';
  const { startSandbox, generateScenario } = await import('../dist/avito/sandbox/index.js');
  const sandbox = await startSandbox({ scenario: generateScenario({ chats, messagesPerChat: perChat, seed: 42 }) });
  const telegram = withTelegram ? await startBotApi() : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-bench-poll-'));
  console.log(`avito-ai poll pass benchmark (node ${process.version}, ${process.platform}/${process.arch})`);
  console.log(`reproduce: npm run build && node bench/poll.mjs --chats ${chats} --per-chat ${perChat} --concurrency ${concurrency}${withTelegram ? ' --telegram 1' : ''}`);
  try {
    const env = {
      ...sandboxEnv(sandbox, dir),
      POLL_CONCURRENCY: String(concurrency),
      LOG_LEVEL: 'warn',
      ...(telegram ? { TELEGRAM_BOT_TOKEN: '123456:BENCH-TOKEN', TELEGRAM_OWNER_CHAT_ID: '1', TELEGRAM_API_ROOT: telegram.url } : {}),
    };
    const result = await new Promise((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), ['--child', '1'], { env, cwd: dir, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [] });
      child.on('message', resolve);
      child.on('error', reject);
      child.on('exit', (code) => code !== 0 && reject(new Error(`child exited ${code}`)));
    });
    const messages = chats * perChat;
    const sent = sandbox.sent().length;
    const ownMs = (result.cpuUserUs + result.cpuSystemUs) / 1000;
    console.log('');
    console.log(`chats                 ${chats}`);
    console.log(`new buyer messages    ${messages} (${perChat} per chat, one inquiry per chat)`);
    console.log(`replies sent          ${sent}`);
    console.log(`Avito requests        ${sandbox.requests.length}`);
    console.log(`pass wall time        ${result.passMs.toFixed(0)} ms (exit code ${result.code})`);
    console.log(`wall time / message   ${(result.passMs / messages).toFixed(2)} ms`);
    console.log(`own CPU / message     ${(ownMs / messages).toFixed(2)} ms  (goal < 2 ms; child CPU ${ownMs.toFixed(0)} ms incl. start-up)`);
    console.log(`messages / second     ${((messages / result.passMs) * 1000).toFixed(0)}`);
    console.log(`durable writes        ${result.syncs} fsyncs, ${(result.syncs / sent).toFixed(2)} per answered chat (incl. start-up and the pass's own)`);
    console.log(`peak RSS (child)      ${(result.maxRssKb / 1024).toFixed(1)} MB`);
    if (telegram) console.log(`Telegram notices      ${telegram.count()} delivered to the loopback Bot API`);
    if (sent !== chats) console.log(`WARNING: expected ${chats} replies, got ${sent}`);
  } finally {
    telegram?.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function runChild() {
  const syncs = await countDurableWrites();
  const { runCli } = await import('../dist/cli/program.js');
  const io = {
    stdout: { write: () => true },
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: new AbortController().signal,
    exitCode: 0,
  };
  const started = performance.now();
  const code = await runCli(['poll', '--once'], io, 'bench');
  const passMs = performance.now() - started;
  const usage = process.resourceUsage();
  process.send({ code, passMs, cpuUserUs: usage.userCPUTime, cpuSystemUs: usage.systemCPUTime, maxRssKb: usage.maxRSS, syncs: syncs.count });
  process.disconnect();
}


/** A loopback Bot API that accepts every sendMessage: the cost measured is avito-ai's own. */
async function startBotApi() {
  const { createServer } = await import('node:http');
  let count = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url?.endsWith('/sendMessage')) count += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: { message_id: count, date: 0, chat: { id: 1, type: 'private' }, text: '' } }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    count: () => count,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
