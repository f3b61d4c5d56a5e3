// Answer quality of the built-in engine on shops written for evaluation (eval/shops/*): each buyer message goes
// through the same path as `avito-ai ask` (composeReply over the local engine, default settings), and the answer is
// scored against what the shop's documents hold. Tune on the "tune" half; the "heldout" half is the measure.
//
//   npm run build && node bench/eval.mjs [--shop apparel] [--split tune|heldout|probe-tune|probe-heldout] [--failures] [--json]
//
// "probe-…": near-miss traps (eval/shops/<shop>/probes.jsonl) written blind after the halves, in halves of their own.
import { join } from 'node:path';
import { listShops, loadBuiltDeps, runEval } from './eval-lib.mjs';
import { ROOT, readArgs } from './lib.mjs';

const deps = await loadBuiltDeps(ROOT);

const BOOLEAN_FLAGS = new Set(['--failures', '--json']);
const flags = new Set(process.argv.slice(2).filter((arg) => BOOLEAN_FLAGS.has(arg)));
const args = readArgs(process.argv.slice(2).filter((arg) => !BOOLEAN_FLAGS.has(arg)));
const SHOPS_DIR = join(ROOT, 'eval/shops');
const SPLITS = args.split === undefined ? ['tune', 'heldout', 'probe-tune', 'probe-heldout'] : [args.split];


const percent = ([right, all]) => (all === 0 ? '   —' : `${((100 * right) / all).toFixed(0).padStart(3)}%`);
const ratio = ([right, all]) => `${right}/${all}`.padStart(7);

function formatRow(name, tally) {
  return [
    name.padEnd(22),
    `${ratio(tally.found)} ${percent(tally.found)}`,
    String(tally.wrong).padStart(5),
    ratio(tally.traps),
    String(tally.madeUp).padStart(7),
    ratio(tally.escalation),
    String(tally.falseEscalation).padStart(9),
    ratio(tally.silent),
  ].join('  ');
}

const shops = args.shop ? [args.shop] : listShops(SHOPS_DIR);
const { failures, ...report } = await runEval(SHOPS_DIR, deps, { shops, splits: SPLITS });

if (flags.has('--json')) {
  console.log(JSON.stringify({ ...report, failures }, null, 2));
} else {
  console.log(`avito-ai answer quality, local engine, default settings (node ${process.version})`);
  console.log(`reproduce: npm run build && node bench/eval.mjs${args.shop ? ` --shop ${args.shop}` : ''}${args.split ? ` --split ${args.split}` : ''}`);
  console.log('');
  console.log(`${'shop / split'.padEnd(22)}  ${'FOUND right'.padEnd(12)}  wrong  ${'traps'.padStart(7)}  made-up  ${'escalate'.padStart(7)}  false-esc  ${'silent'.padStart(7)}`);
  for (const split of SPLITS) {
    for (const shop of shops) console.log(formatRow(`${shop} / ${split}`, report.shops[shop][split]));
    console.log(formatRow(`ALL / ${split}`, report.totals[split]));
    console.log('');
  }
  if (flags.has('--failures')) {
    for (const failure of failures) {
      console.log(`${failure.id} [${failure.split}] expect ${failure.expect} → ${failure.verdict} (${failure.status})`);
      console.log(`  Q: ${failure.text}`);
      if (failure.reply) console.log(`  A: ${failure.reply.replace(/\n/g, ' ⏎ ').slice(0, 300)}  ${failure.sources.join(', ')}`);
    }
  }
}
