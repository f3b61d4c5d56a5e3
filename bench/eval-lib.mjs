// Scoring of the evaluation sets (eval/shops), shared by bench/eval.mjs and the suite's ratchet test: each case goes
// through composeReply (what `ask` and the daemon do) and its verdict is counted per shop and half.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SPLITS = ['tune', 'heldout'];

/**
 * What runEval needs, from the build of the checkout at `root` (this one, or a baseline's for eval-reach): composeReply,
 * createLocalEngine, the escalation matcher and the responder's settings. Defaults only: the figures are what a seller
 * gets without touching the settings.
 */
export async function loadBuiltDeps(root) {
  const { composeReply } = await import(join(root, 'dist/core/answer.js'));
  const { createEscalationMatcher } = await import(join(root, 'dist/core/escalation.js'));
  const { resolveConfig } = await import(join(root, 'dist/config/config.js'));
  const { createLocalEngine } = await import(join(root, 'dist/knowledge/local/local-engine.js'));
  const settings = resolveConfig({ env: {}, cwd: mkdtempSync(join(tmpdir(), 'avito-ai-eval-')) }).responder;
  return { composeReply, createLocalEngine, escalation: createEscalationMatcher(settings.escalationPhrases), settings };
}

/** Case-insensitive, ё = е, spaces (incl. no-break) collapsed: how a fragment is looked for in an answer. */
export function fold(text) {
  return text.toLowerCase().replaceAll('ё', 'е').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export function readCases(shopsDir, shop) {
  const lines = readFileSync(join(shopsDir, shop, 'cases.jsonl'), 'utf8').split('\n');
  return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
}

/**
 * Near-miss traps written blind after the halves (eval/shops/<shop>/probes.jsonl): a guard against answers made up from
 * shared words, in halves of their own ("probe-tune", "probe-heldout").
 */
export function readProbes(shopsDir, shop) {
  const file = join(shopsDir, shop, 'probes.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
}

export function readListings(shopsDir, shop) {
  const listings = JSON.parse(readFileSync(join(shopsDir, shop, 'listings.json'), 'utf8'));
  return new Map(listings.map((listing) => [listing.id, listing]));
}

/** The chat as the bot would see it: the fallback offer before the message when the case says so. */
export function buildInput(entry, listings, fallbackText) {
  const listing = entry.item === undefined ? undefined : { id: entry.item, ...(listings.get(entry.item)?.title ? { title: listings.get(entry.item).title } : {}) };
  const at = 1_760_000_000;
  const context =
    entry.after === 'fallback'
      ? [
          { role: 'buyer', text: 'а можно подробнее?', at: at - 60 },
          { role: 'bot', text: fallbackText, at: at - 55 },
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

export function emptyTally() {
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

/** The shops under `shopsDir`, each folder one shop. */
export function listShops(shopsDir) {
  return readdirSync(shopsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * `deps`: composeReply, createLocalEngine, escalation (a matcher) and settings (the responder's). Returns
 * `{ shops: {shop: {split: tally}}, totals: {split: tally}, failures }`; `onAnswer(entry, result, verdict)` sees every case.
 */
export async function runEval(shopsDir, deps, { shops = listShops(shopsDir), splits = SPLITS, onAnswer } = {}) {
  const report = { shops: {}, totals: {} };
  const failures = [];
  for (const split of splits) report.totals[split] = emptyTally();
  for (const shop of shops) {
    const engine = deps.createLocalEngine({ dir: join(shopsDir, shop, 'knowledge') });
    const listings = readListings(shopsDir, shop);
    report.shops[shop] = {};
    for (const split of splits) report.shops[shop][split] = emptyTally();
    const entries = splits.some((split) => split.startsWith('probe')) ? [...readCases(shopsDir, shop), ...readProbes(shopsDir, shop)] : readCases(shopsDir, shop);
    for (const entry of entries) {
      if (!splits.includes(entry.split)) continue;
      const result = await deps.composeReply(buildInput(entry, listings, deps.settings.fallbackText), {
        engine,
        escalation: deps.escalation,
        settings: deps.settings,
      });
      const verdict = judge(entry, result);
      onAnswer?.(entry, result, verdict);
      count(report.shops[shop][entry.split], entry, verdict);
      if (verdict !== 'right') {
        failures.push({ shop, split: entry.split, id: entry.id, expect: entry.expect, verdict, text: entry.text, status: result.status, reply: result.reply, sources: result.sources });
      }
    }
    for (const split of splits) add(report.totals[split], report.shops[shop][split]);
  }
  return { ...report, failures };
}

/**
 * Requests for a person on eval/escalation/cases.jsonl: each message through composeReply over the documents in
 * `knowledgeDir`, escalated when the reply's status is ESCALATION. Per half: `requests` [caught, all], `questions`
 * [escalated, all], and the messages missed either way. A set without halves (fresh.jsonl, for measuring only) is one
 * half, "all".
 */
export async function runEscalationSet(file, knowledgeDir, deps) {
  const engine = deps.createLocalEngine({ dir: knowledgeDir });
  const entries = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  const report = {};
  for (const entry of entries) {
    const split = entry.split ?? 'all';
    report[split] ??= { requests: [0, 0], questions: [0, 0], misses: [] };
    const result = await deps.composeReply(buildInput(entry, new Map(), deps.settings.fallbackText), { engine, escalation: deps.escalation, settings: deps.settings });
    const escalated = result.status === 'ESCALATION';
    const tally = report[split];
    const asked = entry.expect === 'ESCALATION';
    const counted = asked ? tally.requests : tally.questions;
    counted[1] += 1;
    if (escalated) counted[0] += 1;
    if (escalated !== asked) tally.misses.push(entry);
  }
  return report;
}
