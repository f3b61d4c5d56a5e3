// What avito-ai itself adds to an answer written by a chat model (KNOWLEDGE_ENGINE=gigachat|openai), outside the
// model's own time: retrieval, the prompt, the openai SDK and its HTTP exchange, the grounding check. The model is a
// loopback OpenAI-compatible server inside this script that answers at once (the first sentence of passage P1, citing
// P1), and the time its handler takes is subtracted. The questions are the evaluation sets' buyer messages, each over
// its shop's knowledge folder; the built-in local engine answers the same questions for reference. Each engine runs
// in a child process of its own (--expose-gc), so that its memory is its own.
//
// Last, a cold `avito-ai ask` over docs/examples/knowledge with each engine: what loading the SDK adds to a start.
//
//   npm run build && node bench/model-overhead.mjs [--answers 500] [--warmup 50] [--shop apparel] [--cold-runs 7]
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { listShops } from './eval-lib.mjs';
import { ROOT, readArgs } from './lib.mjs';

const args = readArgs();
const ANSWERS = Number(args.answers ?? 500);
const WARMUP = Number(args.warmup ?? 50);
const COLD_RUNS = Number(args['cold-runs'] ?? 7);
const SHOPS_DIR = join(ROOT, 'eval/shops');
const SHOPS = args.shop ? [args.shop] : listShops(SHOPS_DIR);
const MB = 2 ** 20;

async function runParent() {
  console.log(`avito-ai per-answer overhead of the model engines (node ${process.version}, ${process.platform}/${process.arch})`);
  console.log(`reproduce: npm run build && node bench/model-overhead.mjs --answers ${ANSWERS} --warmup ${WARMUP}${args.shop ? ` --shop ${args.shop}` : ''} --cold-runs ${COLD_RUNS}`);
  console.log(`${ANSWERS} answers one after another (after ${WARMUP} unmeasured), questions of ${SHOPS.join(', ')}, each over its shop's folder`);
  console.log('');
  const local = await forkChild('local');
  const grounded = await forkChild('grounded');
  printTimes(local, grounded);
  console.log('');
  printMemory(local, grounded);
  console.log('');
  await printColdStart();
}

/** `ask` as a seller runs it, local engine against KNOWLEDGE_ENGINE=openai on the loopback model, taken in turn. */
async function printColdStart() {
  const server = await startModelServer();
  const base = { PATH: process.env.PATH ?? '', NO_COLOR: '1', KNOWLEDGE_DIR: join(ROOT, 'docs/examples/knowledge') };
  const engines = [
    ['local', base],
    ['openai', { ...base, KNOWLEDGE_ENGINE: 'openai', OPENAI_BASE_URL: `${server.url}/v1`, OPENAI_MODEL: 'bench-model' }],
  ];
  const times = new Map(engines.map(([name]) => [name, []]));
  const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-overhead-ask-'));
  for (let run = 0; run < COLD_RUNS; run++) {
    for (const [name, env] of engines) times.get(name).push(await timeAsk(env, cwd));
  }
  server.close();
  console.log(`cold \`avito-ai ask "Как доставляете?"\` over docs/examples/knowledge, median of ${COLD_RUNS}`);
  for (const [name, values] of times) console.log(`  ${name.padEnd(8)} ${ms(summarize(values).p50)}  (min ${values.reduce((a, b) => Math.min(a, b)).toFixed(0)}, max ${values.reduce((a, b) => Math.max(a, b)).toFixed(0)})`);
}

/** Not spawnSync: the loopback model answers from this process's event loop. */
async function timeAsk(env, cwd) {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/avito-ai.js'), 'ask', 'Как доставляете?'], { cwd, env, stdio: 'ignore' });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`avito-ai ask exited ${code} with ${env.KNOWLEDGE_ENGINE ?? 'local'}`);
  return performance.now() - started;
}

function forkChild(mode) {
  const script = fileURLToPath(import.meta.url);
  const childArgs = ['--child', mode, '--answers', String(ANSWERS), '--warmup', String(WARMUP), ...(args.shop ? ['--shop', args.shop] : [])];
  const child = fork(script, childArgs, { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result;
    child.on('message', (message) => (result = message));
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`the ${mode} child exited ${code}`))));
  });
}

const ms = (value) => `${value.toFixed(2).padStart(7)} ms`;
const us = (value) => `${(value * 1000).toFixed(1).padStart(7)} µs`;

function formatStats(name, stats, unit = ms) {
  return `${name.padEnd(50)} p50 ${unit(stats.p50)}  p95 ${unit(stats.p95)}  mean ${unit(stats.mean)}`;
}

function printTimes(local, grounded) {
  console.log('time per answer');
  console.log(formatStats('local engine, answer()', local.times.answer));
  console.log(formatStats('grounded engine, answer() wall', grounded.times.answer));
  console.log(formatStats('  of which the server handler (subtracted)', grounded.times.server));
  console.log(formatStats('  wall minus server: avito-ai\'s overhead', grounded.times.overhead));
  console.log(formatStats('    model.complete() minus server (SDK + HTTP)', grounded.times.sdk));
  console.log(formatStats('    bare undici fetch of the same request (floor)', grounded.times.floor));
  console.log(formatStats('    selectPassages() alone', grounded.times.select));
  console.log(formatStats('    buildGroundedPrompt() alone', grounded.times.prompt, us));
  console.log(formatStats('    judgeReply() alone (the grounding check)', grounded.times.judge, us));
  console.log(`CPU per answer (process; the grounded one includes the server's handler): local ${ms(local.cpuPerAnswer)}, grounded ${ms(grounded.cpuPerAnswer)}`);
  console.log(`grounded answers let through by the check: ${grounded.found}/${ANSWERS} FOUND; prompt ${Math.round(grounded.promptChars)} characters on average`);
  for (const [reason, count] of Object.entries(grounded.refusals)) console.log(`  refused ${count}×: ${reason}`);
  console.log(`importing the openai client (SDK included), once per process: ${ms(grounded.importMs)}`);
}

function printMemory(local, grounded) {
  console.log(`${'memory (MB)'.padEnd(44)}${'local'.padStart(8)}  ${'grounded'.padStart(8)}`);
  const rows = [
    ['RSS after warm-up', 'rssBefore'],
    [`RSS after ${ANSWERS} answers`, 'rssAfter'],
    ['peak RSS', 'maxRss'],
    ['live heap after warm-up (after gc)', 'heapBefore'],
    [`live heap after ${ANSWERS} answers (after gc)`, 'heapAfter'],
  ];
  for (const [name, key] of rows) console.log(`${name.padEnd(44)}${(local.memory[key] / MB).toFixed(1).padStart(8)}  ${(grounded.memory[key] / MB).toFixed(1).padStart(8)}`);
  const growth = (result) => ((result.memory.heapAfter - result.memory.heapBefore) / 1024 / ANSWERS).toFixed(2);
  console.log(`live heap growth per answer: local ${growth(local)} KB, grounded ${growth(grounded)} KB`);
}

function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length };
}

// ---- the child: one engine, one process ----

/**
 * The evaluation sets' buyer messages as the engine receives them (eval-lib's buildInput, copied: it is not
 * exported), taken from the shops in turn.
 */
function readQuestions(fallbackText) {
  const byShop = SHOPS.map((shop) => readShopQuestions(shop, fallbackText));
  const longest = Math.max(...byShop.map((questions) => questions.length));
  return Array.from({ length: longest }, (_, i) => byShop.map((questions) => questions[i]).filter(Boolean)).flat();
}

function readShopQuestions(shop, fallbackText) {
  const listings = new Map(JSON.parse(readFileSync(join(SHOPS_DIR, shop, 'listings.json'), 'utf8')).map((listing) => [listing.id, listing]));
  const lines = readFileSync(join(SHOPS_DIR, shop, 'cases.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const entry = JSON.parse(line);
    const title = listings.get(entry.item)?.title;
    const listing = entry.item === undefined ? undefined : { id: entry.item, ...(title ? { title } : {}) };
    const context = entry.after === 'fallback' ? [{ role: 'buyer', text: 'а можно подробнее?', at: 1_759_999_940 }, { role: 'bot', text: fallbackText, at: 1_759_999_945 }] : undefined;
    return { shop, query: { question: entry.text, ...(listing ? { listing } : {}), ...(context ? { context } : {}) } };
  });
}

async function runChild(mode) {
  const { resolveConfig } = await import(join(ROOT, 'dist/config/config.js'));
  const config = resolveConfig({ env: {}, cwd: mkdtempSync(join(tmpdir(), 'avito-ai-overhead-')) });
  const questions = readQuestions(config.responder.fallbackText);
  const pick = (i) => questions[i % questions.length];
  const setup = mode === 'local' ? await setUpLocal() : await setUpGrounded(config);
  // Every shop's index is built before the clock starts, whatever the warm-up.
  for (let i = 0; i < Math.max(WARMUP, SHOPS.length); i++) await setup.engines.get(pick(i).shop).answer(pick(i).query);
  globalThis.gc();
  const before = process.memoryUsage();
  const measured = await answerAll(setup, (i) => pick(WARMUP + i));
  const rssAfter = process.memoryUsage().rss;
  globalThis.gc();
  const memory = { rssBefore: before.rss, heapBefore: before.heapUsed, rssAfter, heapAfter: process.memoryUsage().heapUsed, maxRss: process.resourceUsage().maxRSS * 1024 };
  const parts = mode === 'grounded' ? await measureParts(setup, config, (i) => pick(WARMUP + i)) : { times: {} };
  // Exits at once: undici keeps its idle sockets open for seconds.
  process.send({ ...measured, times: { ...measured.times, ...parts.times }, promptChars: parts.promptChars, memory, importMs: setup.importMs }, () => process.exit(0));
}

async function answerAll(setup, pick) {
  const walls = [];
  const servers = [];
  const sdk = [];
  let found = 0;
  const refusals = {};
  const cpu = process.cpuUsage();
  for (let i = 0; i < ANSWERS; i++) {
    const { shop, query } = pick(i);
    const started = performance.now();
    const answer = await setup.engines.get(shop).answer(query);
    walls.push(performance.now() - started);
    if (answer.status === 'FOUND') found++;
    else if (answer.refusal) refusals[answer.refusal] = (refusals[answer.refusal] ?? 0) + 1;
    if (setup.last) {
      servers.push(setup.last.serverMs);
      sdk.push(setup.last.completeMs - setup.last.serverMs);
    }
  }
  const used = process.cpuUsage(cpu);
  const times = { answer: summarize(walls) };
  if (servers.length > 0) Object.assign(times, { server: summarize(servers), overhead: summarize(walls.map((wall, i) => wall - servers[i])), sdk: summarize(sdk) });
  return { times, found, refusals, cpuPerAnswer: (used.user + used.system) / 1000 / ANSWERS };
}

async function setUpLocal() {
  const { createLocalEngine } = await import(join(ROOT, 'dist/knowledge/local/local-engine.js'));
  return { engines: new Map(SHOPS.map((shop) => [shop, createLocalEngine({ dir: join(SHOPS_DIR, shop, 'knowledge') })])) };
}

async function setUpGrounded(config) {
  const server = await startModelServer();
  const importStarted = performance.now();
  const { createOpenAiChatModel } = await import(join(ROOT, 'dist/knowledge/openai/client.js'));
  const importMs = performance.now() - importStarted;
  const { createGroundedEngine } = await import(join(ROOT, 'dist/knowledge/grounded/grounded-engine.js'));
  const { createLocalIndex } = await import(join(ROOT, 'dist/knowledge/local/local-index.js'));
  const model = createOpenAiChatModel({ provider: 'openai', baseUrl: `${server.url}/v1`, apiKey: 'no-key', model: 'bench-model', timeoutMs: 10_000, retries: 0 });
  if ((await model.listModels())[0]?.id !== 'bench-model') throw new Error('GET /v1/models did not list bench-model');
  const last = { serverMs: 0, completeMs: 0 };
  server.onHandled = (serverMs) => (last.serverMs = serverMs);
  // The real model, with a stopwatch around its one call: how long the SDK's round trip took from our side.
  const timed = {
    provider: model.provider,
    model: model.model,
    listModels: (options) => model.listModels(options),
    async complete(request) {
      const started = performance.now();
      try {
        return await model.complete(request);
      } finally {
        last.completeMs = performance.now() - started;
      }
    },
  };
  const indexes = new Map(SHOPS.map((shop) => [shop, createLocalIndex({ dir: join(SHOPS_DIR, shop, 'knowledge') })]));
  const engines = new Map(SHOPS.map((shop) => [shop, createGroundedEngine({ model: timed, index: indexes.get(shop), contextLimit: config.responder.contextLimit })]));
  return { engines, indexes, last, server, importMs };
}

/** The steps of a grounded answer one by one, over the same questions, and a bare fetch of the same request. */
async function measureParts(setup, config, pick) {
  const { DEFAULT_PASSAGE_LIMIT, selectPassages } = await import(join(ROOT, 'dist/knowledge/grounded/grounded-engine.js'));
  const { GROUNDED_SYSTEM_PROMPT, buildGroundedPrompt } = await import(join(ROOT, 'dist/knowledge/grounded/prompt.js'));
  const { judgeReply } = await import(join(ROOT, 'dist/knowledge/grounded/verdict.js'));
  const { fetch } = await import('undici');
  const times = { select: [], prompt: [], judge: [], floor: [] };
  let promptChars = 0;
  const time = async (key, run) => {
    const started = performance.now();
    const value = await run();
    times[key].push(performance.now() - started);
    return value;
  };
  for (let i = 0; i < ANSWERS; i++) {
    const { shop, query } = pick(i);
    const index = setup.indexes.get(shop);
    const passages = await time('select', () => selectPassages(index, query, DEFAULT_PASSAGE_LIMIT));
    const user = await time('prompt', () => buildGroundedPrompt(query, passages, config.responder.contextLimit));
    promptChars += GROUNDED_SYSTEM_PROMPT.length + user.length;
    const { termsOf } = await index.loadPassageIndex();
    const completion = { text: replyTo(user), finishReason: 'stop' };
    const context = { passages, termsOf, question: query.question, ...(query.listing?.title ? { listingTitle: query.listing.title } : {}) };
    await time('judge', () => judgeReply(completion, context));
    const body = JSON.stringify({ model: 'bench-model', messages: [{ role: 'system', content: GROUNDED_SYSTEM_PROMPT }, { role: 'user', content: user }], temperature: 0.2, max_tokens: 400 });
    await time('floor', async () => (await fetch(`${setup.server.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json());
    // Like the overhead, the floor is counted without the server's handler.
    times.floor[times.floor.length - 1] -= setup.last.serverMs;
  }
  return { times: Object.fromEntries(Object.entries(times).map(([key, values]) => [key, summarize(values)])), promptChars: promptChars / ANSWERS };
}

// ---- the loopback model ----

/** A grounded model that never thinks: P1's first sentence, citing P1; "not answerable" when given no passage. */
function replyTo(user) {
  const passage = /^<фрагмент id="P1"[^\n]*\n([\s\S]*?)\n<\/фрагмент>/m.exec(user)?.[1];
  if (passage === undefined) return JSON.stringify({ answerable: false, wants_person: false, answer: '', sources: [] });
  const flat = passage.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return JSON.stringify({ answerable: true, wants_person: false, answer: sentence, sources: ['P1'] });
}

/** POST /v1/chat/completions and GET /v1/models on 127.0.0.1; `onHandled(ms)` gets each completion's handler time. */
async function startModelServer() {
  const state = { onHandled: () => {} };
  const server = createServer(async (request, response) => {
    const started = performance.now();
    if (request.method === 'GET' && request.url === '/v1/models') {
      sendJson(response, { object: 'list', data: [{ id: 'bench-model', object: 'model', created: 0, owned_by: 'bench' }] });
      return;
    }
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      sendJson(response, { error: { message: `no route ${request.method} ${request.url}` } }, 404);
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
    const content = replyTo(user);
    sendJson(response, {
      id: 'chatcmpl-bench',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: Math.ceil(user.length / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: Math.ceil((user.length + content.length) / 4) },
    });
    state.onHandled(performance.now() - started);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return Object.assign(state, { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() });
}

function sendJson(response, value, status = 200) {
  const text = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

if (args.child) await runChild(args.child);
else await runParent();
