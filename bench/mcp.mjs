// What answering through a seller's MCP server costs (KNOWLEDGE_ENGINE=mcp, MCP_MODE=passages, the built-in quoting):
// the kept stdio connection, the JSON-RPC exchange, reading the passages and quoting them, against the built-in
// local engine over the same folder. The server is test/fixtures/fake-rag-mcp.mjs (the real MCP SDK, a word-stem
// search over docs/examples/knowledge), so its own search time is included: the figure is an upper bound on ours.
// Last, a cold `avito-ai ask` with each engine, the MCP server's start included.
//
//   npm run build && node bench/mcp.mjs [--answers 300] [--warmup 30] [--cold-runs 7]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, readArgs } from './lib.mjs';

const args = readArgs();
const ANSWERS = Number(args.answers ?? 300);
const WARMUP = Number(args.warmup ?? 30);
const COLD_RUNS = Number(args['cold-runs'] ?? 7);
const DOCS = join(ROOT, 'docs/examples/knowledge');
const SERVER = `${process.execPath} ${join(ROOT, 'test/fixtures/fake-rag-mcp.mjs')} --docs ${DOCS}`;
const QUESTIONS = ['Как доставляете?', 'Как можно оплатить?', 'Можно вернуть товар?', 'Сколько стоит доставка?', 'Как быстро отправите?', 'Где забрать самовывозом?'];
const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1', KNOWLEDGE_DIR: DOCS, MCP_SERVER: SERVER, MCP_TOOL: 'search' };

const { resolveConfig } = await import(join(ROOT, 'dist/config/config.js'));
const { createEngineFor } = await import(join(ROOT, 'dist/cli/services.js'));

console.log(`avito-ai answers through an MCP server (node ${process.version}, ${process.platform}/${process.arch})`);
console.log(`reproduce: npm run build && node bench/mcp.mjs --answers ${ANSWERS} --warmup ${WARMUP} --cold-runs ${COLD_RUNS}`);
console.log(`${ANSWERS} answers one after another (after ${WARMUP} unmeasured), ${QUESTIONS.length} questions in turn, docs/examples/knowledge`);
console.log('');
for (const engineName of (args.only ? [args.only] : ['local', 'mcp'])) {
  const config = resolveConfig({ env: { ...ENV, KNOWLEDGE_ENGINE: engineName }, cwd: ROOT, skipEnvFile: true });
  const engine = await createEngineFor(config);
  const times = [];
  const statuses = new Map();
  for (let i = 0; i < WARMUP + ANSWERS; i++) {
    const started = performance.now();
    const answer = await engine.answer({ question: QUESTIONS[i % QUESTIONS.length] });
    if (i >= WARMUP) {
      times.push(performance.now() - started);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
  }
  await engine.close?.();
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  console.log(`${engineName.padEnd(6)} per answer  p50 ${at(0.5).padStart(6)} ms  p95 ${at(0.95).padStart(6)} ms  max ${times.at(-1).toFixed(1).padStart(6)} ms  (${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')})`);
}
console.log('');
const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-bench-mcp-'));
for (const engineName of ['local', 'mcp']) {
  const times = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/avito-ai.js'), 'ask', 'Как доставляете?'], { cwd, env: { ...ENV, KNOWLEDGE_ENGINE: engineName }, encoding: 'utf8' });
    times.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`cold ask with ${engineName} exited ${run.status}: ${run.stderr}`);
  }
  times.sort((a, b) => a - b);
  console.log(`cold ask, ${engineName.padEnd(5)}  median ${times[Math.floor(times.length / 2)].toFixed(0).padStart(5)} ms  (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})`);
}
