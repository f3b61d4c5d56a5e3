// How often an answer names a question of the message it leaves out (KnowledgeAnswer.leftOut, which PARTIAL_ANSWER_TEXT
// and the seller's notice stand on), by verdict: wanted on wrong answers (a part missing) and on made-up ones, unwanted on
// right ones (there it says a person answers what the reply already did). A wrong answer naming none leaves its missing
// part out silently. Totals only, so every half can be shown.
//
//   npm run build && node bench/eval-left-out.mjs
import { join } from 'node:path';
import { loadBuiltDeps, runEval } from './eval-lib.mjs';
import { ROOT } from './lib.mjs';

const deps = await loadBuiltDeps(ROOT);
const SPLITS = ['tune', 'heldout', 'probe-tune', 'probe-heldout'];
const tally = {};
await runEval(join(ROOT, 'eval/shops'), deps, {
  splits: SPLITS,
  onAnswer(entry, result, verdict) {
    if (result.status !== 'FOUND') return;
    const row = (tally[entry.split] ??= {});
    const counted = (row[verdict] ??= [0, 0]);
    counted[1] += 1;
    if ((result.answer?.leftOut ?? []).length > 0) counted[0] += 1;
  },
});

console.log(`avito-ai: answers naming a question they leave out, local engine, default settings (node ${process.version})`);
console.log('reproduce: npm run build && node bench/eval-left-out.mjs');
console.log('');
console.log(`${'split'.padEnd(14)}  ${'right'.padStart(9)}  ${'wrong'.padStart(9)}  ${'made-up'.padStart(9)}`);
const cell = (row, verdict) => `${row[verdict]?.[0] ?? 0}/${row[verdict]?.[1] ?? 0}`.padStart(9);
for (const split of SPLITS) {
  const row = tally[split] ?? {};
  console.log(`${split.padEnd(14)}  ${cell(row, 'right')}  ${cell(row, 'wrong')}  ${cell(row, 'made-up')}`);
}
