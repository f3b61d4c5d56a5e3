// How far a change reaches: every evaluation message is answered by this checkout's build and by another one's (a
// baseline built from an earlier commit), and the messages whose reply changed are counted per half. A mechanism that
// changes the tuning messages it was written for and nothing on the held-out half has not been shown to be general,
// whatever the totals say. Counts only: no held-out message or reply is printed.
//
//   npm run build && node bench/eval-reach.mjs --base <another checkout, built>
//   e.g.  git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SPLITS, loadBuiltDeps, runEval } from './eval-lib.mjs';
import { ROOT, readArgs } from './lib.mjs';

const args = readArgs(process.argv.slice(2));
if (typeof args.base !== 'string' || !existsSync(join(resolve(args.base), 'dist/core/answer.js'))) {
  console.error('eval-reach: --base <dir> must be another checkout with a build (dist/core/answer.js)');
  process.exit(2);
}
const SHOPS_DIR = join(ROOT, 'eval/shops');

/** The reply and verdict of every message, by case id, as the build in `root` gives them. */
async function answerAll(root) {
  const answers = new Map();
  const record = (entry, result, verdict) =>
    answers.set(entry.id, { split: entry.split, reply: JSON.stringify([result.status, result.reply, result.sources]), right: verdict === 'right' });
  await runEval(SHOPS_DIR, await loadBuiltDeps(root), { onAnswer: record });
  return answers;
}

const before = await answerAll(resolve(args.base));
const now = await answerAll(ROOT);
console.log(`avito-ai: how far this build's answers differ from ${args.base}'s (node ${process.version})`);
console.log(`reproduce: npm run build && node bench/eval-reach.mjs --base ${args.base}`);
for (const split of SPLITS) {
  const ids = [...now.keys()].filter((id) => now.get(id).split === split && before.has(id));
  const changed = ids.filter((id) => now.get(id).reply !== before.get(id).reply);
  const fixed = changed.filter((id) => now.get(id).right && !before.get(id).right).length;
  const broken = changed.filter((id) => !now.get(id).right && before.get(id).right).length;
  console.log(`${split.padEnd(8)} ${ids.length} messages: reply changed ${changed.length}, now right ${fixed}, now wrong ${broken}`);
}
