// Two questions typed as one message, built from the tuning half only: pairs of single questions of one chat that the
// engine answers right alone, joined with "? ", " и ", ", " or a bare space. Scored: both questions' facts in the answer.
//
//   npm run build && node bench/eval-pairs.mjs [--show ,]   (--show <joint>: print the misses of that joint)
import { join } from 'node:path';
import { ROOT } from './lib.mjs';
const { readCases, readListings, buildInput, fold, listShops, loadBuiltDeps } = await import('./eval-lib.mjs');
const { composeReply, createLocalEngine, escalation, settings } = await loadBuiltDeps(ROOT);
const SHOPS = join(ROOT, 'eval/shops');
const JOINTS = [['?', '? '], ['и', ' и '], [',', ', '], ['space', ' ']];
const strip = (t) => t.trim().replace(/[?!.\s]+$/u, '');
const facts = (c, answer) => c.contains.every((g) => g.some((f) => answer.includes(fold(f))));
const tally = {};
const showAt = process.argv.indexOf('--show');
const show = showAt === -1 ? undefined : process.argv[showAt + 1];
for (const shop of listShops(SHOPS)) {
  const engine = createLocalEngine({ dir: join(SHOPS, shop, 'knowledge') });
  const listings = readListings(SHOPS, shop);
  const ask = (entry) => composeReply(buildInput(entry, listings, settings.fallbackText), { engine, escalation, settings });
  const right = [];
  for (const c of readCases(SHOPS, shop)) {
    if (c.split !== 'tune' || c.expect !== 'FOUND' || c.after) continue;
    const r = await ask(c);
    if (r.status === 'FOUND' && facts(c, fold(r.reply))) right.push(c);
  }
  for (const a of right) for (const b of right) {
    if (a === b || a.item !== b.item || a.id > b.id) continue;
    if (JSON.stringify(a.contains) === JSON.stringify(b.contains)) continue;
    for (const [name, joint] of JOINTS) {
      const text = strip(a.text) + joint + b.text.trim();
      const r = await ask({ ...a, text });
      const answer = fold(r.reply);
      const ok = r.status === 'FOUND' && facts(a, answer) && facts(b, answer);
      const t = (tally[name] ??= { ok: 0, all: 0, one: 0 });
      t.all += 1; if (ok) t.ok += 1; else if (r.status === 'FOUND' && (facts(a, answer) || facts(b, answer))) t.one += 1;
      if (!ok && name === show) console.log(`${a.id}+${b.id} [${name}] ${text}\n   → ${r.status} ${r.reply.replace(/\n/g, ' ⏎ ').slice(0, 250)}`);
    }
  }
}
console.log('avito-ai: two questions in one message, tuning half only (node ' + process.version + ')');
console.log('reproduce: npm run build && node bench/eval-pairs.mjs');
for (const [name, t] of Object.entries(tally)) console.log(`${name.padEnd(6)} both ${t.ok}/${t.all} (${((100 * t.ok) / t.all).toFixed(0)}%), one only ${t.one}`);
