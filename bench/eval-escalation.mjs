// Requests for a person on a set of its own (eval/escalation/cases.jsonl), written by someone who saw neither the
// code nor the shops' sets: each message goes through composeReply over the example documents (what `avito-ai ask`
// does), and counts as escalated when the reply's status is ESCALATION. Recall on the requests, false escalations on
// the near misses, per half; tune on "tune", the "heldout" half is the measure. `--misses` lists the tuning half's
// misses only: the held-out half is never printed.
//
//   npm run build && node bench/eval-escalation.mjs [--misses] [--json]
import { join } from 'node:path';
import { SPLITS, loadBuiltDeps, runEscalationSet } from './eval-lib.mjs';
import { ROOT } from './lib.mjs';

{
  const flags = new Set(process.argv.slice(2));
  const report = await runEscalationSet(join(ROOT, 'eval/escalation/cases.jsonl'), join(ROOT, 'docs/examples/knowledge'), await loadBuiltDeps(ROOT));
  if (flags.has('--json')) {
    console.log(JSON.stringify(Object.fromEntries(SPLITS.map((split) => [split, { requests: report[split].requests, questions: report[split].questions }])), null, 2));
  } else {
    console.log(`avito-ai requests for a person, eval/escalation (node ${process.version})`);
    console.log('reproduce: npm run build && node bench/eval-escalation.mjs');
    console.log('');
    console.log('half       requests caught   near misses escalated');
    for (const split of SPLITS) {
      const { requests, questions } = report[split];
      console.log(`${split.padEnd(10)} ${`${requests[0]}/${requests[1]}`.padStart(15)}   ${`${questions[0]}/${questions[1]}`.padStart(21)}`);
    }
    if (flags.has('--misses')) {
      console.log('\ntuning half, misses:');
      for (const entry of report.tune.misses) console.log(`${entry.id}\t${entry.expect}\t${entry.after ?? ''}\t${entry.kind ?? ''}\t${entry.text}`);
    }
  }
}
