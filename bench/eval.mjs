// Answer quality of the built-in engine on shops written for evaluation (eval/shops/*): each buyer message goes
// through the same path as `avito-ai ask` (composeReply over the local engine, default settings), and the answer is
// scored against what the shop's documents hold. Tune on the "tune" half; the "heldout" half is the measure.
//
//   npm run build && node bench/eval.mjs [--shop clothes] [--split tune|heldout] [--failures] [--json]
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, readArgs } from './lib.mjs';

const { composeReply } = await import(join(ROOT, 'dist/core/answer.js'));
const { createEscalationMatcher } = await import(join(ROOT, 'dist/core/escalation.js'));
const { resolveConfig } = await import(join(ROOT, 'dist/config/config.js'));
const { createLocalEngine } = await import(join(ROOT, 'dist/knowledge/local/local-engine.js'));

const BOOLEAN_FLAGS = new Set(['--failures', '--json']);
const flags = new Set(process.argv.slice(2).filter((arg) => BOOLEAN_FLAGS.has(arg)));
const args = readArgs(process.argv.slice(2).filter((arg) => !BOOLEAN_FLAGS.has(arg)));
const SHOPS_DIR = join(ROOT, 'eval/shops');
const SPLITS = args.split === undefined ? ['tune', 'heldout'] : [args.split];

// Defaults only: the figures are what a seller gets without touching the settings.
const config = resolveConfig({ env: {}, cwd: mkdtempSync(join(tmpdir(), 'avito-ai-eval-')) });
const settings = config.responder;
const escalation = createEscalationMatcher(settings.escalationPhrases);

/** Case-insensitive, ё = е, spaces (incl. no-break) collapsed: how a fragment is looked for in an answer. */
function fold(text) {
  return text.toLowerCase().replaceAll('ё', 'е').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

function readCases(shop) {
  const lines = readFileSync(join(SHOPS_DIR, shop, 'cases.jsonl'), 'utf8').split('\n');
  return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
}

function readListings(shop) {
  const listings = JSON.parse(readFileSync(join(SHOPS_DIR, shop, 'listings.json'), 'utf8'));
  return new Map(listings.map((listing) => [listing.id, listing]));
}

/** The chat as the bot would see it: the fallback offer before the message when the case says so. */
function buildInput(entry, listings) {
  const listing = entry.item === undefined ? undefined : { id: entry.item, ...(listings.get(entry.item)?.title ? { title: listings.get(entry.item).title } : {}) };
  const at = 1_760_000_000;
  const context =
    entry.after === 'fallback'
      ? [
          { role: 'buyer', text: 'а можно подробнее?', at: at - 60 },
          { role: 'bot', text: settings.fallbackText, at: at - 55 },
        ]
      : undefined;
  return { question: entry.text, ...(listing ? { listing } : {}), ...(context ? { context } : {}) };
}

/** right | fallback | wrong (a FOUND answer without the fact or from another document) | escalated | answered | silent */
function judge(entry, result) {
  const silent = result.reply.trim() === '';
  const escalated = result.status === 'ESCALATION';
  const found = result.status === 'FOUND';
  switch (entry.expect) {
    case 'FOUND': {
      if (!found) return escalated ? 'escalated' : silent ? 'silent' : 'fallback';
      const answer = fold(result.reply);
      const hasFacts = entry.contains.every((group) => group.some((fragment) => answer.includes(fold(fragment))));
      const sources = [entry.source].flat();
      const fromSource = sources.some((source) => result.sources.includes(source));
      return hasFacts && fromSource ? 'right' : 'wrong';
    }
    case 'NOT_FOUND':
      return found ? 'made-up' : escalated ? 'escalated' : 'right';
    case 'ESCALATION':
      return escalated ? 'right' : found ? 'answered' : silent ? 'silent' : 'fallback';
    case 'SILENT':
      return silent && !escalated ? 'right' : escalated ? 'escalated' : found ? 'answered' : 'fallback';
    default:
      throw new Error(`${entry.id}: unknown expect ${entry.expect}`);
  }
}

function emptyTally() {
  return { found: [0, 0], traps: [0, 0], madeUp: 0, escalation: [0, 0], falseEscalation: 0, silent: [0, 0], wrong: 0 };
}

function count(tally, entry, verdict) {
  const key = { FOUND: 'found', NOT_FOUND: 'traps', ESCALATION: 'escalation', SILENT: 'silent' }[entry.expect];
  tally[key][1] += 1;
  if (verdict === 'right') tally[key][0] += 1;
  if (verdict === 'made-up') tally.madeUp += 1;
  if (verdict === 'wrong') tally.wrong += 1;
  if (verdict === 'escalated' && entry.expect !== 'ESCALATION') tally.falseEscalation += 1;
}

function add(into, tally) {
  for (const key of ['found', 'traps', 'escalation', 'silent']) {
    into[key][0] += tally[key][0];
    into[key][1] += tally[key][1];
  }
  into.madeUp += tally.madeUp;
  into.falseEscalation += tally.falseEscalation;
  into.wrong += tally.wrong;
}

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

const shops = args.shop ? [args.shop] : readdirSync(SHOPS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const report = { shops: {}, totals: {} };
const failures = [];
for (const split of SPLITS) report.totals[split] = emptyTally();

for (const shop of shops) {
  const engine = createLocalEngine({ dir: join(SHOPS_DIR, shop, 'knowledge') });
  const listings = readListings(shop);
  report.shops[shop] = {};
  for (const split of SPLITS) report.shops[shop][split] = emptyTally();
  for (const entry of readCases(shop)) {
    if (!SPLITS.includes(entry.split)) continue;
    const result = await composeReply(buildInput(entry, listings), { engine, escalation, settings });
    const verdict = judge(entry, result);
    count(report.shops[shop][entry.split], entry, verdict);
    if (verdict !== 'right') failures.push({ shop, split: entry.split, id: entry.id, expect: entry.expect, verdict, text: entry.text, status: result.status, reply: result.reply, sources: result.sources });
  }
  for (const split of SPLITS) add(report.totals[split], report.shops[shop][split]);
}

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
