// Why a tuning-half question was answered from the wrong passage or not at all: for each wrong answer and fallback, the passages of the expected document that
// hold the expected facts, and what kept each from answering: not found at all, under the coverage threshold, or turned
// away by a check (aboutness, numbers, brands, or the answer check named); or found and passed, but ranked after the one quoted.
// Tuning half only: the held-out half is never read case by case.
//
//   npm run build && node bench/eval-filters.mjs
import { join } from 'node:path';
import { buildInput, fold, listShops, loadBuiltDeps, readCases, readListings, runEval } from './eval-lib.mjs';
import { ROOT } from './lib.mjs';

const deps = await loadBuiltDeps(ROOT);
const { createLocalEngine, settings } = deps;
const { setAnswerTracer } = await import(join(ROOT, 'dist/knowledge/local/answer-trace.js'));

const SHOPS_DIR = join(ROOT, 'eval/shops');
const shops = listShops(SHOPS_DIR);
const { failures } = await runEval(SHOPS_DIR, deps, { shops, splits: ['tune'] });
const missed = failures.filter((failure) => failure.verdict === 'wrong' || failure.verdict === 'fallback');

/** What kept a passage holding the facts from answering, in one scope's trace. */
function describe(trace, holds) {
  const verdict = trace.verdicts.find(({ hit }) => holds(hit.passage));
  if (verdict === undefined) return 'not found';
  const { hit } = verdict;
  const coverage = hit.coverage.toFixed(2);
  if (hit.coverage < trace.threshold) return `coverage ${coverage} < ${trace.threshold} (matched ${hit.matched.join(', ') || 'nothing'})`;
  const failed = ['about', 'numbers', 'brands'].filter((name) => !verdict[name]);
  if (!verdict.check) failed.push(`check ${verdict.refusedBy}`);
  if (failed.length > 0) return `turned away by ${failed.join(', ')} (coverage ${coverage})`;
  const rank = trace.chosen.findIndex((chosen) => chosen.passage === hit.passage);
  return rank === 0 ? 'chosen' : `passed, ranked ${rank + 1} (coverage ${coverage})`;
}

console.log(`avito-ai: which check kept the expected passage from answering, tuning half (node ${process.version})`);
console.log('reproduce: npm run build && node bench/eval-filters.mjs');
for (const failure of missed) {
  const entry = readCases(SHOPS_DIR, failure.shop).find((candidate) => candidate.id === failure.id);
  const sources = [entry.source].flat();
  const facts = (text) => entry.contains.filter((group) => group.some((fragment) => fold(text).includes(fold(fragment)))).length;
  // A passage of the expected document holding the most of the expected facts.
  const holds = (passage) => sources.includes(passage.document) && facts(passage.text) > 0;
  const traces = [];
  setAnswerTracer((trace) => traces.push(trace));
  const engine = createLocalEngine({ dir: join(SHOPS_DIR, failure.shop, 'knowledge') });
  await engine.answer(buildInput(entry, readListings(SHOPS_DIR, failure.shop), settings.fallbackText));
  setAnswerTracer(undefined);
  console.log('');
  console.log(`${failure.id} (${failure.verdict}): answered from ${failure.sources.join(', ') || 'nothing'}; expected ${sources.join(', ')}`);
  for (const trace of traces) console.log(`  ${trace.scope.padEnd(8)} [${trace.terms.join(', ')}]: ${describe(trace, holds)}`);
}
