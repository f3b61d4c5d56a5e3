// Benchmark of the daemon's memory as it handles messages: `avito-ai poll` runs for as long as
// it takes to answer --messages buyer questions, fed in waves over --chats chats, and its RSS
// and heap are sampled after every wave. Goal of issue 7: under 150 MB after 100,000 handled
// messages, and flat.
//
//   npm run build && node bench/memory.mjs --messages 100000 --chats 20000 --wave 1000
//
// The sandbox runs in this process (it holds every message, so this process grows; that is not
// avito-ai). The daemon is a child process running `avito-ai poll` through the same code path as
// the CLI (runCli from dist/), with the local engine on docs/examples/knowledge; it answers each
// sample request over IPC with its process.memoryUsage().
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs, sandboxEnv } from './lib.mjs';

const args = readArgs();
const MB = 1024 * 1024;

if (args.child !== undefined) {
  await runChild();
} else {
  await runParent();
}

async function runParent() {
  const total = Number(args.messages ?? 100_000);
  const chatCount = Number(args.chats ?? 20_000);
  const wave = Number(args.wave ?? 1000);
  const samples = Number(args.samples ?? 10);
  const { startSandbox, generateScenario } = await import('../dist/avito/sandbox/index.js');
  const scenario = generateScenario({ chats: chatCount, messagesPerChat: 0, seed: 42 });
  const sandbox = await startSandbox({ scenario });
  const chatIds = scenario.chats.map((chat) => chat.id);
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-bench-memory-'));
  console.log(`avito-ai daemon memory benchmark (node ${process.version}, ${process.platform}/${process.arch})`);
  console.log(`reproduce: npm run build && node bench/memory.mjs --messages ${total} --chats ${chatCount} --wave ${wave}${args['node-flags'] ? ` --node-flags "${args['node-flags']}"` : ''}`);
  const env = {
    ...sandboxEnv(sandbox, dir),
    AVITO_POLL_INTERVAL: '1',
    LOG_LEVEL: 'warn',
    ...(args['history-total'] ? { HISTORY_TOTAL_LIMIT: args['history-total'] } : {}),
  };
  const child = fork(fileURLToPath(import.meta.url), ['--child', '1'], { env, cwd: dir, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--expose-gc', ...(args['node-flags'] ? args['node-flags'].split(' ') : [])] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const sample = () =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send('sample');
    });
  const started = Date.now();
  const rows = [];
  try {
    await sample();
    rows.push({ handled: 0, ...(await sample()) });
    let handled = 0;
    let next = 0;
    const every = Math.max(wave, Math.floor(total / samples / wave) * wave);
    while (handled < total) {
      const size = Math.min(wave, total - handled);
      for (let i = 0; i < size; i++) {
        sandbox.addMessage(chatIds[next % chatIds.length], { text: 'Как доставляете?' });
        next++;
      }
      handled += size;
      const target = handled;
      while (sandbox.sent().length < target) {
        if (child.exitCode !== null) throw new Error(`the daemon exited (${child.exitCode})`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (handled % every === 0 || handled === total) {
        const row = { handled, ...(await sample()) };
        rows.push(row);
        console.log(
          `handled ${String(handled).padStart(7)}  rss ${(row.rss / MB).toFixed(1).padStart(6)} MB  heap used ${(row.heapUsed / MB).toFixed(1).padStart(6)} MB  after gc ${(row.heapAfterGc / MB).toFixed(1).padStart(6)} MB  heap total ${(row.heapTotal / MB).toFixed(1).padStart(6)} MB  external ${(row.external / MB).toFixed(1).padStart(5)} MB  (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
  const sent = sandbox.sent().length;
  const last = rows.at(-1);
  const half = rows.find((row) => row.handled >= total / 2) ?? last;
  console.log('');
  console.log(`messages handled      ${total} over ${chatCount} chats (${sent} replies)`);
  console.log(`RSS at start          ${(rows[0].rss / MB).toFixed(1)} MB`);
  console.log(`RSS at ${half.handled}       ${(half.rss / MB).toFixed(1)} MB`);
  console.log(`RSS at ${last.handled}       ${(last.rss / MB).toFixed(1)} MB  (goal < 150 MB and flat)`);
  console.log(`peak RSS              ${(Math.max(...rows.map((row) => row.maxRss)) / MB).toFixed(1)} MB`);
  console.log(`heap after gc         ${(half.heapAfterGc / MB).toFixed(1)} MB at ${half.handled} → ${(last.heapAfterGc / MB).toFixed(1)} MB at ${last.handled}`);
  console.log(`wall time             ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function runChild() {
  const { runCli } = await import('../dist/cli/program.js');
  const controller = new AbortController();
  process.on('SIGTERM', () => controller.abort());
  process.on('message', () => {
    const before = process.memoryUsage();
    globalThis.gc?.();
    const after = process.memoryUsage();
    process.send({ rss: before.rss, heapUsed: before.heapUsed, heapTotal: before.heapTotal, external: before.external, heapAfterGc: after.heapUsed, maxRss: process.resourceUsage().maxRSS * 1024 });
  });
  const io = { stdout: { write: () => true }, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: controller.signal, exitCode: 0 };
  const code = await runCli(['poll'], io, 'bench');
  process.exit(code);
}
