// Requests for a person on a set of its own (eval/escalation/cases.jsonl), written by someone who saw neither the
// code nor the shops' sets: each message goes through composeReply over the example documents (what `avito-ai ask`
// does), and counts as escalated when the reply's status is ESCALATION. Recall on the requests, false escalations on
// the near misses, per half; tune on "tune", the "heldout" half is the measure. `--misses` lists the tuning half's
// misses only: the held-out half is never printed.
//
//   npm run build && node bench/eval-escalation.mjs [--set cases|fresh|third|fourth|fifth|sixth|seventh|eighth|ninth|probes] [--misses] [--json]
// fresh.jsonl is a second set written later, for measuring only: it has no halves and is never tuned on or printed.
import { join } from 'node:path';
import { SPLITS, loadBuiltDeps, runEscalationSet } from './eval-lib.mjs';
import { ROOT, readArgs } from './lib.mjs';

{
  const flags = new Set(process.argv.slice(2).filter((arg) => arg.startsWith('--') && arg !== '--set'));
  const set = readArgs(process.argv.slice(2)).set ?? 'cases';
  const report = await runEscalationSet(join(ROOT, `eval/escalation/${set}.jsonl`), join(ROOT, 'docs/examples/knowledge'), await loadBuiltDeps(ROOT));
  const halves = Object.keys(report).sort((a, b) => SPLITS.indexOf(a) - SPLITS.indexOf(b));
  if (flags.has('--json')) {
    console.log(JSON.stringify(Object.fromEntries(halves.map((split) => [split, { requests: report[split].requests, questions: report[split].questions }])), null, 2));
  } else {
    console.log(`avito-ai requests for a person, eval/escalation/${set}.jsonl (node ${process.version})`);
    console.log(`reproduce: npm run build && node bench/eval-escalation.mjs${set === 'cases' ? '' : ` --set ${set}`}`);
    console.log('');
    console.log('half       requests caught   near misses escalated');
    for (const split of halves) {
      const { requests, questions } = report[split];
      console.log(`${split.padEnd(10)} ${`${requests[0]}/${requests[1]}`.padStart(15)}   ${`${questions[0]}/${questions[1]}`.padStart(21)}`);
    }
    // Only a tuning half is ever listed: the held-out half and a measuring-only set are never printed.
    if (flags.has('--misses') && report.tune !== undefined) {
      console.log('\ntuning half, misses:');
      for (const entry of report.tune.misses) console.log(`${entry.id}\t${entry.expect}\t${entry.after ?? ''}\t${entry.kind ?? ''}\t${entry.text}`);
    }
  }
}
