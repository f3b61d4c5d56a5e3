// Retrieval recall of the model engines (KNOWLEDGE_ENGINE=gigachat|openai) on the evaluation sets: a model can only
// answer from the passages it is given, so for every FOUND case we ask whether selectPassages gives it the expected
// document with every expected fact in it, at 3, 6 (the default) and 10 passages, and what that costs in prompt size.
// Beside it, the built-in engine's "FOUND right" from bench/eval.mjs: retrieval recall is the ceiling of a model
// engine, the local engine's figure is what a seller gets today.
//
//   npm run build && node bench/recall.mjs [--shop apparel] [--split tune|heldout] [--json]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInput, fold, listShops, readCases, readListings, runEval } from './eval-lib.mjs';
import { ROOT, readArgs } from './lib.mjs';

const { composeReply } = await import(join(ROOT, 'dist/core/answer.js'));
const { createEscalationMatcher } = await import(join(ROOT, 'dist/core/escalation.js'));
const { resolveConfig } = await import(join(ROOT, 'dist/config/config.js'));
const { createLocalEngine } = await import(join(ROOT, 'dist/knowledge/local/local-engine.js'));
const { createLocalIndex } = await import(join(ROOT, 'dist/knowledge/local/local-index.js'));
const { DEFAULT_PASSAGE_LIMIT, selectPassages } = await import(join(ROOT, 'dist/knowledge/grounded/grounded-engine.js'));

const BOOLEAN_FLAGS = new Set(['--json']);
const flags = new Set(process.argv.slice(2).filter((arg) => BOOLEAN_FLAGS.has(arg)));
const args = readArgs(process.argv.slice(2).filter((arg) => !BOOLEAN_FLAGS.has(arg)));
const SHOPS_DIR = join(ROOT, 'eval/shops');
const SPLITS = args.split === undefined ? ['tune', 'heldout'] : [args.split];
const LIMITS = [3, DEFAULT_PASSAGE_LIMIT, 10];
// Everything the index matches (plus the listing's opening passages): a miss here is a miss of the search, not of the limit.
const UNLIMITED = 1000;

const config = resolveConfig({ env: {}, cwd: mkdtempSync(join(tmpdir(), 'avito-ai-recall-')) });
const settings = config.responder;

/** eval-lib's FOUND rule, over the given passages instead of an answer: an expected document given, every group in its text. */
function isHit(entry, passages) {
  const sources = [entry.source].flat();
  const fromSource = passages.filter((passage) => sources.includes(passage.source));
  if (fromSource.length === 0) return false;
  const text = fold(fromSource.map((passage) => passage.text).join('\n'));
  return entry.contains.every((group) => group.some((fragment) => text.includes(fold(fragment))));
}

function emptyRow() {
  return { cases: 0, hits: Object.fromEntries([...LIMITS, 'all'].map((limit) => [limit, 0])), passages: Object.fromEntries(LIMITS.map((limit) => [limit, 0])), chars: Object.fromEntries(LIMITS.map((limit) => [limit, 0])) };
}

function addRow(into, row) {
  into.cases += row.cases;
  for (const key of Object.keys(row.hits)) into.hits[key] += row.hits[key];
  for (const limit of LIMITS) {
    into.passages[limit] += row.passages[limit];
    into.chars[limit] += row.chars[limit];
  }
}

/** One shop: every FOUND case of the halves asked for, through selectPassages at each limit. */
async function measureShop(shop) {
  const index = createLocalIndex({ dir: join(SHOPS_DIR, shop, 'knowledge') });
  const listings = readListings(SHOPS_DIR, shop);
  const rows = Object.fromEntries(SPLITS.map((split) => [split, emptyRow()]));
  const misses = [];
  for (const entry of readCases(SHOPS_DIR, shop)) {
    if (entry.expect !== 'FOUND' || !SPLITS.includes(entry.split)) continue;
    const row = rows[entry.split];
    const query = buildInput(entry, listings, settings.fallbackText);
    row.cases += 1;
    for (const limit of LIMITS) {
      const passages = await selectPassages(index, query, limit);
      row.passages[limit] += passages.length;
      row.chars[limit] += passages.reduce((sum, passage) => sum + passage.text.length, 0);
      if (isHit(entry, passages)) row.hits[limit] += 1;
      else if (limit === DEFAULT_PASSAGE_LIMIT) misses.push({ shop, split: entry.split, id: entry.id, text: entry.text, source: entry.source, given: passages.map((passage) => passage.source) });
    }
    if (isHit(entry, await selectPassages(index, query, UNLIMITED))) row.hits.all += 1;
  }
  return { rows, misses };
}

const shops = args.shop ? [args.shop] : listShops(SHOPS_DIR);
const report = { shops: {}, totals: Object.fromEntries(SPLITS.map((split) => [split, emptyRow()])), misses: [] };
for (const shop of shops) {
  const { rows, misses } = await measureShop(shop);
  report.shops[shop] = rows;
  report.misses.push(...misses);
  for (const split of SPLITS) addRow(report.totals[split], rows[split]);
}

const escalation = createEscalationMatcher(settings.escalationPhrases);
const local = await runEval(SHOPS_DIR, { composeReply, createLocalEngine, escalation, settings }, { shops, splits: SPLITS });
for (const split of SPLITS) {
  for (const shop of shops) report.shops[shop][split].localFound = local.shops[shop][split].found;
  report.totals[split].localFound = local.totals[split].found;
}

const percent = (part, all) => (all === 0 ? '   —' : `${((100 * part) / all).toFixed(0).padStart(3)}%`);

function formatRow(name, row) {
  const recall = [...LIMITS, 'all'].map((limit) => `${String(row.hits[limit]).padStart(3)} ${percent(row.hits[limit], row.cases)}`);
  const size = LIMITS.map((limit) => `${(row.passages[limit] / row.cases).toFixed(1).padStart(4)} / ${String(Math.round(row.chars[limit] / row.cases)).padStart(4)}`);
  const [right, all] = row.localFound;
  return [name.padEnd(20), String(row.cases).padStart(5), ...recall, ...size, `${String(right).padStart(3)} ${percent(right, all)}`].join('  ');
}

if (flags.has('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`avito-ai retrieval recall of the model engines (selectPassages), FOUND cases only (node ${process.version})`);
  console.log(`reproduce: npm run build && node bench/recall.mjs${args.shop ? ` --shop ${args.shop}` : ''}${args.split ? ` --split ${args.split}` : ''}`);
  console.log('recall@N: the expected document given with every expected fragment in its passages; "all": no limit.');
  console.log('passages / chars: mean given per question. local: the built-in engine\'s FOUND right (bench/eval.mjs).');
  console.log('');
  const recallHead = [...LIMITS, 'all'].map((limit) => `@${limit}`.padStart(8)).join('  ');
  const sizeHead = LIMITS.map((limit) => `size@${limit}`.padStart(11)).join('  ');
  console.log(`${'shop / split'.padEnd(20)}  cases  ${recallHead}  ${sizeHead}  ${'local'.padStart(8)}`);
  for (const split of SPLITS) {
    for (const shop of shops) console.log(formatRow(`${shop} / ${split}`, report.shops[shop][split]));
    console.log(formatRow(`ALL / ${split}`, report.totals[split]));
    console.log('');
  }
}
