/** What to quote of a chosen passage: the rows of a table, the sentences of a paragraph, that answer the question. */
import type { Passage } from './passages.js';
import { extractTerms, SIZE_TERM } from './terms.js';
import { WEAK_TERMS } from './vocabulary.js';

/** A small number is the buyer's own count ("2 этаж", "3 шт"): it picks no row of a table. */
const QUANTITY = /^\p{N}{1,2}$/u;

/**
 * A table is quoted as its header and the rows naming most of what the question names beyond the header ("цена за шт
 * 600х300х200": the 600×300×200 row). The header is shared by every row, so it picks none: when only the header matches
 * ("какие цены?"), the question asks for the whole table. A row stating a size holds the 'размер' asked, and rows holding
 * an asked term the best ones leave out are quoted too (see coverRemaining).
 */
export function focusTable(passage: Pick<Passage, 'text' | 'tableHeader'>, asked: readonly string[], termsOf: (text: string) => string[] = extractTerms): string {
  const header = passage.tableHeader;
  if (header === undefined) return passage.text;
  const lines = passage.text.split('\n');
  const rows = lines[0] === header ? lines.slice(1) : lines;
  const inHeader = new Set(termsOf(header));
  const wanted = new Set(asked.filter((term) => !inHeader.has(term) && !QUANTITY.test(term)));
  if (wanted.size === 0 || rows.length < 2) return passage.text;
  const held = rows.map((row) => [...termsOf(row), ...statedValueTerms(row)].filter((term) => wanted.has(term)));
  const scores = held.map((terms) => new Set(terms).size);
  const best = Math.max(...scores);
  if (best === 0) return passage.text;
  const picked = new Set(rows.map((_, at) => at).filter((at) => scores[at] === best));
  if (picked.size === rows.length) return passage.text;
  for (const at of coverRemaining(held, picked)) picked.add(at);
  return [header, ...rows.filter((_, at) => picked.has(at))].join('\n');
}

/** A size typed with its crosses spaced or not: "4,2 × 2,0 × 2,0 м", "60×40×40". */
const STATED_SIZE = /\d\s*[×xх*]\s*\d/u;

/** What a row states beyond its words: a size answers what "какие габариты?", "какого размера?" ask (SIZE_TERM). */
function statedValueTerms(row: string): string[] {
  return STATED_SIZE.test(row) ? [SIZE_TERM] : [];
}

/**
 * Rows adding a term the picked rows leave out, one per term, first the row adding most: "какие габариты будки у газели"
 * picks "Машина — ГАЗель Next, фургон (будка)" for the thing named and "Кузов Д×Ш×В — 4,2 × 2,0 × 2,0 м" for what is
 * asked of it. The seller answers with the value, not only with the row naming the thing.
 */
function coverRemaining(held: ReadonlyArray<readonly string[]>, picked: ReadonlySet<number>): number[] {
  const covered = new Set([...picked].flatMap((at) => held[at] ?? []));
  const added: number[] = [];
  for (;;) {
    let best = -1;
    let bestCount = 0;
    held.forEach((terms, at) => {
      const count = new Set(terms.filter((term) => !covered.has(term))).size;
      if (count > bestCount) [best, bestCount] = [at, count];
    });
    if (best < 0) return added;
    added.push(best);
    for (const term of held[best] ?? []) covered.add(term);
  }
}

/** A short sentence naming the topic ("Аллергия.", "Гарантия:") heads what follows it. */
const TOPIC_SENTENCE_LENGTH = 60;
/** Sentences that lean on the one before ("Это…", "Там…", "Но…") cannot be read alone. */
const LEANING_START = /^(?:это|этот|эта|эти|этого|этим|он|она|оно|они|его|ее|её|их|им|там|тогда|так|такой|такая|такие|поэтому|но|а|также|тоже|при этом|зато|однако|причем|притом)(?![а-яё])/iu;
/** Sentences between two that hold the question's terms continue the same statement, up to this many. */
const MAX_GAP_SENTENCES = 2;

interface Sentence {
  line: number;
  text: string;
  held: string[];
}

/**
 * The sentences of `lines` that answer: first the one holding most of the question's distinct terms, then each that adds
 * terms not yet quoted, so a sentence repeating a quoted word ("Гарантия не действует…" after "Гарантия 3 месяца")
 * does not lengthen the answer. A kept sentence keeps the short topic sentence before it, the sentence it leans on, the
 * ones between it and another kept one of its line, and the lines it introduces with ":". Undefined when none holds a term.
 */
export function chooseSentences(lines: readonly string[], terms: readonly string[], split: (line: string) => string[], termsOf: (text: string) => string[] = extractTerms): string | undefined {
  const wanted = new Set(terms);
  const sentences: Sentence[] = lines.flatMap((line, at) =>
    split(line).map((text) => ({ line: at, text, held: termsOf(text).filter((term) => wanted.has(term)) })),
  );
  const kept = new Set(coverTerms(sentences));
  if (kept.size === 0) return undefined;
  // What a kept sentence needs may need more ("Поэтому…" keeps "Это…", which keeps the sentence before it).
  for (let size = 0; size !== kept.size; ) {
    size = kept.size;
    for (const at of [...kept]) keepContext(sentences, kept, at);
  }
  const chosen = sentences.filter((_, at) => kept.has(at));
  const byLine = new Map<number, string[]>();
  for (const sentence of chosen) byLine.set(sentence.line, [...(byLine.get(sentence.line) ?? []), sentence.text]);
  return [...byLine.values()].map((texts) => texts.join(' ')).join('\n');
}

// Greedy set cover by weight (an everyday word weighs half): the best sentence first, then those adding new terms.
function coverTerms(sentences: readonly Sentence[]): number[] {
  const covered = new Set<string>();
  const kept: number[] = [];
  const weigh = (sentence: Sentence): number => sentence.held.filter((term) => !covered.has(term)).reduce((sum, term) => sum + (WEAK_TERMS.has(term) ? 0.5 : 1), 0);
  for (;;) {
    let best = -1;
    let bestWeight = 0;
    sentences.forEach((sentence, at) => {
      const weight = weigh(sentence);
      if (weight > bestWeight) [best, bestWeight] = [at, weight];
    });
    const sentence = sentences[best];
    if (sentence === undefined) return kept;
    kept.push(best);
    for (const term of sentence.held) covered.add(term);
  }
}

function keepContext(sentences: readonly Sentence[], kept: Set<number>, at: number): void {
  const sentence = sentences[at];
  if (sentence === undefined) return;
  const sameLine = (other: number): boolean => sentences[other]?.line === sentence.line;
  const before = sentences[at - 1];
  const isTopic = before !== undefined && before.held.length > 0 && before.text.length <= TOPIC_SENTENCE_LENGTH;
  if (sameLine(at - 1) && (isTopic || LEANING_START.test(sentence.text))) kept.add(at - 1);
  // A short topic sentence is followed by what it says about it; a lead ending with ":" by what it introduces.
  const isLead = /:$/.test(sentence.text) && sentences[at + 1] !== undefined;
  if ((sentence.held.length > 0 && sentence.text.length <= TOPIC_SENTENCE_LENGTH && sameLine(at + 1)) || isLead) kept.add(at + 1);
  for (let next = at + 1; next <= at + MAX_GAP_SENTENCES + 1 && sameLine(next); next += 1) {
    if (!kept.has(next)) continue;
    for (let gap = at + 1; gap < next; gap += 1) kept.add(gap);
    break;
  }
}
