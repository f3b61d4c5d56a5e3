// Asks the same questions in the chat of every listing of the evaluation shops (eval/shops/*/listings.json), as the
// local engine answers them: how a question shaped like a trap ("какой бренд?", "сколько стоит?") fares across the shops'
// listings. With --base, the answers of another checkout's build beside this one's, only where they differ.
//
//   npm run build && node bench/ask-listings.mjs [--base ../other-checkout] [--shop pets] "какой бренд?" "почем"
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listShops } from './eval-lib.mjs';
import { ROOT } from './lib.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(name);
  return at < 0 ? undefined : argv.splice(at, 2)[1];
};
const base = option('--base');
const only = option('--shop');
const questions = argv;
if (questions.length === 0) {
  console.error('usage: node bench/ask-listings.mjs [--base <checkout>] [--shop <shop>] "<question>" ...');
  process.exit(2);
}

const SHOPS = join(ROOT, 'eval/shops');
const load = async (root, shop) => (await import(join(root, 'dist/knowledge/local/local-engine.js'))).createLocalEngine({ dir: join(SHOPS, shop, 'knowledge') });
const line = (answer) => `${answer.status} ${answer.text.slice(0, 140).replace(/\s+/g, ' ')}`;
let asked = 0;
let found = 0;
let changed = 0;
for (const shop of only ? [only] : listShops(SHOPS)) {
  const engine = await load(ROOT, shop);
  const before = base === undefined ? undefined : await load(base, shop);
  const listings = JSON.parse(readFileSync(join(SHOPS, shop, 'listings.json'), 'utf8'));
  for (const listing of listings) {
    for (const question of questions) {
      const query = { question, listing: { id: listing.id, title: listing.title } };
      const now = await engine.answer(query);
      asked += 1;
      if (now.status === 'FOUND') found += 1;
      const then = before === undefined ? undefined : await before.answer(query);
      if (then !== undefined && then.status === now.status && then.text === now.text) continue;
      if (then !== undefined) changed += 1;
      console.log(`${shop} · ${listing.title.slice(0, 50)} · ${question}`);
      if (then !== undefined) console.log(`  base ${line(then)}`);
      console.log(`  now  ${line(now)}`);
    }
  }
}
console.log(`\n${asked} asked, ${found} answered${base === undefined ? '' : `, ${changed} changed against ${base}`}`);
