// Benchmark of the JSON store: does a write cost the same with a big history as with a small one?
//
//   npx tsc -p tsconfig.build.json && node bench/store.mjs --sizes 10000,100000,1000000
//
// For each size it fills a store in a temp directory (history spread over chats of `--per-chat`
// messages, all retained; processed ids up to the default limit; one chat state per chat), then
// measures in a fresh child process, so RSS is the loaded store and not the filling:
// the time to open (read state + journals), the cost of persisting one new message (a transaction
// appending one message, awaited), the cost of one state change (a transaction updating a chat,
// awaited), the cost of the transaction that completes a reply, and RSS after open. A reply is two
// transactions, as the responder writes it: the write-ahead record (the fetched messages, the
// record, counters) before the send, the completion (the sent message, the chat state, processed
// ids, counters, the dialog record) after it. The "reply" columns are the wall and own CPU time
// (user + system, all threads) and the durable writes (fsync/fdatasync calls) of `--tx-samples`
// such pairs back to back divided by their number, so the state journal's occasional folds into a
// new snapshot (which also move the carried messages and dialog records) are included. With the
// default 100 messages per chat, 10k/100k/1M messages means 100/1,000/10,000 chats.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openStore } from '../dist/store/index.js';
import { countDurableWrites } from './lib.mjs';

const args = parseArgs(process.argv.slice(2));

if (args.measure) {
  const result = await measure(args.measure, args);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await main(args);
}

async function main(options) {
  const command = `node bench/store.mjs --sizes ${options.sizes.join(',')} --samples ${options.samples} --tx-samples ${options.txSamples} --per-chat ${options.perChat}`;
  console.log(`avito-ai store benchmark (node ${process.version}, ${process.platform}/${process.arch})`);
  console.log(`reproduce: npx tsc -p tsconfig.build.json && ${command}`);
  console.log(`temp dir: ${options.dir}; ${options.samples} samples per operation, ${options.txSamples} replies; ${options.perChat} messages per chat\n`);
  const rows = [];
  for (const size of options.sizes) {
    const dir = await mkdtemp(join(options.dir, 'avito-ai-bench-'));
    try {
      const path = join(dir, 'avito-ai.json');
      const fillStart = performance.now();
      await fill(path, size, options.perChat);
      const fillMs = performance.now() - fillStart;
      // The fill leaves hundreds of MB of dirty pages; flushed now, their writeback does not slow
      // the fsyncs being measured.
      spawnSync('sync');
      const child = spawnSync(
        process.execPath,
        [
          fileURLToPath(import.meta.url),
          ...['--measure', path, '--samples', String(options.samples), '--tx-samples', String(options.txSamples)],
          ...['--per-chat', String(options.perChat), '--sizes', String(size)],
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      if (child.status !== 0) throw new Error(`measuring ${size} failed: ${child.stderr}`);
      const result = JSON.parse(child.stdout);
      const journalBytes = (await stat(join(dir, 'avito-ai.history.jsonl'))).size;
      const stateBytes = (await stat(path)).size;
      rows.push({ size, fillMs, journalBytes, stateBytes, ...result });
      console.log(formatRow(rows.at(-1)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log('\nsummary (ms unless noted)');
  console.table(
    rows.map((row) => ({
      messages: row.size,
      chats: row.chats,
      'journal MB': round(row.journalBytes / 2 ** 20),
      'state KB': round(row.stateBytes / 1024),
      open: round(row.openMs),
      'append p50': round(row.append.median),
      'append p95': round(row.append.p95),
      'updateChat p50': round(row.update.median),
      'updateChat p95': round(row.update.p95),
      'transact p50': round(row.transact.median),
      'transact p95': round(row.transact.p95),
      'reply wall': round(row.replyMs),
      'reply cpu': round(row.replyCpuMs),
      'reply fsyncs': round(row.replySyncs),
      'RSS MB': round(row.rssBytes / 2 ** 20),
    })),
  );
}

/** Fills a store: `size` messages over `size / perChat` chats, a chat state each, processed ids. */
async function fill(path, size, perChat) {
  const store = await openStore({ path, historyLimit: perChat });
  const chats = Math.max(1, Math.ceil(size / perChat));
  const baseTime = 1_700_000_000;
  const parallel = 32;
  for (let first = 0; first < chats; first += parallel) {
    const work = [];
    for (let chat = first; chat < Math.min(chats, first + parallel); chat += 1) {
      const count = Math.min(perChat, size - chat * perChat);
      const messages = Array.from({ length: count }, (_, index) => makeMessage(chat, index, baseTime + index));
      work.push(
        store.transact((tx) => {
          tx.appendMessages(chatIdOf(chat), messages);
          tx.updateChat(chatIdOf(chat), (state) => {
            state.lastHandledMessageId = `m-${chat}-${count - 1}`;
            state.lastHandledAt = (baseTime + count) * 1000;
            state.botMessageIds = [`m-${chat}-0`];
            state.listing = { id: 1_000_000 + chat, title: `Listing ${chat}`, price: '1 000 ₽' };
          });
        }),
      );
    }
    await Promise.all(work);
  }
  const processed = Math.min(size, 20_000);
  for (let first = 0; first < processed; first += 1_000) {
    await store.transact((tx) => tx.markProcessed(Array.from({ length: Math.min(1_000, processed - first) }, (_, index) => `p-${first + index}`)));
  }
  await store.close();
}

async function measure(path, options) {
  const openStart = performance.now();
  const store = await openStore({ path, historyLimit: options.perChat });
  const openMs = performance.now() - openStart;
  const rssBytes = process.memoryUsage().rss;
  const { chats } = store.stats();

  const appendTimes = [];
  for (let sample = 0; sample < options.samples; sample += 1) {
    const chat = sample % chats;
    const message = makeMessage(chat, 10_000 + sample, 1_800_000_000 + sample);
    const start = performance.now();
    await store.transact((tx) => tx.appendMessages(chatIdOf(chat), [message]));
    appendTimes.push(performance.now() - start);
  }
  const updateTimes = [];
  for (let sample = 0; sample < options.samples; sample += 1) {
    const chat = (sample * 7919) % chats;
    const start = performance.now();
    await store.transact((tx) =>
      tx.updateChat(chatIdOf(chat), (state) => {
        state.lastActivityAt = 1_800_000_000_000 + sample;
      }),
    );
    updateTimes.push(performance.now() - start);
  }
  const transactTimes = [];
  const syncs = await countDurableWrites();
  const replyCpu = process.cpuUsage();
  const replyStart = performance.now();
  const syncsBefore = syncs.count;
  for (let sample = 0; sample < options.txSamples; sample += 1) {
    const chat = (sample * 104_729) % chats;
    const chatId = chatIdOf(chat);
    const question = makeMessage(chat, 20_000 + sample * 2, 1_800_000_000 + sample);
    await store.transact((tx) => {
      tx.appendMessages(chatId, [question]);
      tx.putPending(makePending(chatId, sample));
      tx.increment('messagesSeen');
    });
    const start = performance.now();
    await store.transact((tx) => {
      tx.appendMessages(chatId, [makeMessage(chat, 20_001 + sample * 2, 1_800_000_001 + sample)]);
      tx.updateChat(chatId, (state) => {
        state.lastHandledMessageId = `q-${sample}`;
        state.lastHandledAt = 1_800_000_000_000 + sample;
        state.botMessageIds = [...state.botMessageIds, `r-${sample}`].slice(-50);
      });
      tx.markProcessed([`q-${sample}`, `r-${sample}`]);
      tx.closePending(chatId);
      tx.increment('repliesSent');
      tx.increment('found');
      tx.appendDialog(makeDialog(chatId, sample));
    });
    transactTimes.push(performance.now() - start);
  }
  const replyMs = (performance.now() - replyStart) / options.txSamples;
  const { user, system } = process.cpuUsage(replyCpu);
  const replyCpuMs = (user + system) / 1000 / options.txSamples;
  const replySyncs = (syncs.count - syncsBefore) / options.txSamples;
  const closeStart = performance.now();
  await store.close();
  const closeMs = performance.now() - closeStart;
  return {
    chats,
    openMs,
    closeMs,
    rssBytes,
    append: summarize(appendTimes),
    update: summarize(updateTimes),
    transact: summarize(transactTimes),
    replyMs,
    replyCpuMs,
    replySyncs,
  };
}

function makeDialog(chatId, sample) {
  return {
    at: 1_800_000_000_000 + sample,
    chatId,
    question: 'Диван ещё продаётся?',
    answer: 'Да, диван в наличии. Забрать можно сегодня до 20:00.',
    status: 'FOUND',
    sources: ['price-list.md'],
    latencyMs: 12,
  };
}


function makeMessage(chat, index, created) {
  return {
    id: `m-${chat}-${index}`,
    chatId: chatIdOf(chat),
    authorId: index % 2 === 0 ? 94235311 : 24122000,
    created,
    direction: index % 2 === 0 ? 'in' : 'out',
    type: 'text',
    text: `Здравствуйте! Сообщение ${index}: диван ещё продаётся? Можно забрать сегодня вечером?`,
    content: { text: `Здравствуйте! Сообщение ${index}: диван ещё продаётся? Можно забрать сегодня вечером?` },
    isRead: true,
  };
}

function makePending(chatId, sample) {
  return {
    id: `${chatId}:q-${sample}`,
    chatId,
    inquiryMessageId: `q-${sample}`,
    inquiryCreated: 1_800_000_000 + sample,
    question: 'Диван ещё продаётся?',
    text: 'Да, диван в наличии. Забрать можно сегодня до 20:00.',
    status: 'FOUND',
    sources: ['price-list.md'],
    sentIds: [],
    createdAt: 1_800_000_000_000 + sample,
  };
}

function chatIdOf(chat) {
  return `u2i-bench${String(chat).padStart(7, '0')}`;
}

function summarize(times) {
  const sorted = [...times].sort((left, right) => left - right);
  const at = (quantile) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

function formatRow(row) {
  return [
    `${row.size} messages in ${row.chats} chats (filled in ${round(row.fillMs / 1000)} s):`,
    `open ${round(row.openMs)} ms,`,
    `append one message p50 ${round(row.append.median)} ms / p95 ${round(row.append.p95)} ms,`,
    `updateChat p50 ${round(row.update.median)} ms / p95 ${round(row.update.p95)} ms,`,
    `transact p50 ${round(row.transact.median)} ms / p95 ${round(row.transact.p95)} ms / max ${round(row.transact.max)} ms,`,
    `reply (2 transactions) ${round(row.replyMs)} ms wall / ${round(row.replyCpuMs)} ms CPU / ${round(row.replySyncs)} durable writes,`,
    `close ${round(row.closeMs)} ms,`,
    `RSS ${round(row.rssBytes / 2 ** 20)} MB`,
  ].join(' ');
}

function round(value) {
  return Math.round(value * 100) / 100;
}

function parseArgs(argv) {
  const options = { sizes: [10_000, 100_000, 1_000_000], samples: 200, txSamples: 5_000, perChat: 100, dir: tmpdir(), measure: undefined };
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--sizes') options.sizes = value.split(',').map(Number);
    else if (flag === '--samples') options.samples = Number(value);
    else if (flag === '--tx-samples') options.txSamples = Number(value);
    else if (flag === '--per-chat') options.perChat = Number(value);
    else if (flag === '--dir') options.dir = value;
    else if (flag === '--measure') options.measure = value;
    else throw new Error(`unknown option ${flag}; use --sizes 10000,100000 --samples 200 --tx-samples 5000 --per-chat 100 --dir /tmp`);
  }
  if (options.sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--sizes takes positive whole numbers');
  return options;
}
