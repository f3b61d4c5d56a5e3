// Why the built-in engine misses answerable questions of the evaluation shops, in totals per half: no case text is
// printed, so the held-out half can be looked at this way without being read. A fallback: is the expected document
// among the three closest passages, and how much of the question did the closest one cover? A wrong answer: how many
// of the expected facts came back, and from the expected document or not.
//
//   npm run build && node bench/eval-misses.mjs [--split tune|heldout]
import { join } from 'node:path';
import { fold, listShops, loadBuiltDeps, readCases, runEval } from './eval-lib.mjs';
import { ROOT, readArgs } from './lib.mjs';

const deps = await loadBuiltDeps(ROOT);
const { createLocalEngine } = deps;

const args = readArgs(process.argv.slice(2));
const SHOPS_DIR = join(ROOT, 'eval/shops');
const SPLITS = args.split === undefined ? ['tune', 'heldout'] : [args.split];

const shops = listShops(SHOPS_DIR);
const { failures } = await runEval(SHOPS_DIR, deps, { shops, splits: SPLITS });
const cases = new Map(shops.flatMap((shop) => readCases(SHOPS_DIR, shop).map((entry) => [entry.id, { ...entry, shop }])));
const engines = new Map(shops.map((shop) => [shop, createLocalEngine({ dir: join(SHOPS_DIR, shop, 'knowledge') })]));

function queryOf(entry) {
  return { question: entry.text, ...(entry.item === undefined ? {} : { listing: { id: entry.item } }) };
}

console.log(`avito-ai: why answerable questions miss, totals only (node ${process.version})`);
console.log(`reproduce: npm run build && node bench/eval-misses.mjs${args.split ? ` --split ${args.split}` : ''}`);
for (const split of SPLITS) {
  const misses = failures.filter((failure) => failure.split === split && failure.expect === 'FOUND');
  const fallbacks = { all: 0, sourceNear: 0, coverage: new Map() };
  const wrong = { all: 0, someFacts: 0, noFacts: 0, otherSource: 0, firstHolds: 0, nearHolds: 0 };
  for (const failure of misses) {
    const entry = cases.get(failure.id);
    const sources = [entry.source].flat();
    if (failure.verdict === 'wrong') {
      const answer = fold(failure.reply);
      const found = entry.contains.filter((group) => group.some((fragment) => answer.includes(fold(fragment)))).length;
      wrong.all += 1;
      if (found > 0) wrong.someFacts += 1;
      else wrong.noFacts += 1;
      if (!sources.some((source) => failure.sources.includes(source))) wrong.otherSource += 1;
      // Was the answer there whole, and cut out by quoting or outranked?
      const near = await engines.get(entry.shop).retrieve(queryOf(entry), { limit: 5 });
      const holds = (passage) => passage !== undefined && entry.contains.every((group) => group.some((fragment) => fold(passage.text).includes(fold(fragment))));
      if (holds(near[0])) wrong.firstHolds += 1;
      else if (near.some(holds)) wrong.nearHolds += 1;
      continue;
    }
    if (failure.verdict !== 'fallback') continue;
    const near = await engines.get(entry.shop).retrieve(queryOf(entry), { limit: 3 });
    const coverage = (Math.round((near[0]?.coverage ?? 0) * 10) / 10).toFixed(1);
    fallbacks.all += 1;
    if (near.some((passage) => sources.includes(passage.source))) fallbacks.sourceNear += 1;
    fallbacks.coverage.set(coverage, (fallbacks.coverage.get(coverage) ?? 0) + 1);
  }
  const histogram = [...fallbacks.coverage].sort(([a], [b]) => Number(a) - Number(b)).map(([coverage, count]) => `${coverage}: ${count}`);
  console.log('');
  console.log(`${split}: ${misses.length} answerable questions missed`);
  console.log(`  fallback ${fallbacks.all}: expected document among the 3 closest passages ${fallbacks.sourceNear}; closest passage's coverage ${histogram.join(', ') || '—'}`);
  console.log(`  wrong ${wrong.all}: some expected facts ${wrong.someFacts}, none ${wrong.noFacts}; not from the expected document ${wrong.otherSource}; every fact in the closest passage's whole text ${wrong.firstHolds}, in another of the 5 closest ${wrong.nearHolds}`);
}
