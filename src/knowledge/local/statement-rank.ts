/**
 * Which document answers when passages of several hold the same words of a question: the one stating them together. BM25
 * favours a passage naming them in passing ("Для отправки СДЭК, Почтой России… — 100% предоплата, вместе со стоимостью
 * доставки") over the section that answers ("## Почта России": "…от 300 ₽, идёт 5–12 дней"): the words are the same,
 * where they stand is not.
 */
import type { Passage } from './passages.js';
import { splitSentences } from './passages.js';
import type { PassageHit } from './search.js';

/** "Label: value", "Label — value" opening a line. */
const LABEL = /^(?:[•–-]\s*|\d{1,3}[.)]\s*)?([^:—–]{1,40}?)\s*(?::|\s[—–]\s)/u;
/** A line of a list as passages.ts writes it ("• …", "1. …"), or as a plain-text document holds it ("- …"). */
const LIST_ITEM = /^(?:[•–-]|\d{1,3}[.)]) /u;
/** "Крем.", "Предоплата.": a passage opening with a sentence this short is about what it names. */
const SHORT_LEAD_WORDS = 2;

type TermsOf = (text: string) => string[];

// Passages are fixed once indexed: their statements are read once.
const statementCache = new WeakMap<Passage, ReadonlyArray<ReadonlySet<string>>>();

/**
 * Each sentence's terms with those of what it stands under: the passage's headings, its one- or two-word lead, its line's
 * label and, for a list's line, the line ending with ":" that introduces the list ("Как можно оплатить:" above "- картой").
 */
export function readStatements(passage: Passage, termsOf: TermsOf): ReadonlyArray<ReadonlySet<string>> {
  const cached = statementCache.get(passage);
  if (cached !== undefined) return cached;
  const lines = passage.text.split('\n');
  const first = splitSentences(lines[0] ?? '')[0];
  const lead = first !== undefined && /[.:]$/u.test(first) && first.split(/\s+/u).length <= SHORT_LEAD_WORDS ? [first] : [];
  const shared = termsOf([...passage.headings, ...lead].join('\n'));
  const statements: Array<Set<string>> = [];
  let introduction: string[] = [];
  for (const line of lines) {
    const isItem = LIST_ITEM.test(line);
    if (!isItem) introduction = [];
    const label = LABEL.exec(line)?.[1];
    const above = [...shared, ...(isItem ? introduction : []), ...(label === undefined ? [] : termsOf(label))];
    for (const sentence of splitSentences(line)) statements.push(new Set([...above, ...termsOf(sentence)]));
    if (/:\s*$/u.test(line)) introduction = termsOf(line);
  }
  statementCache.set(passage, statements);
  return statements;
}

/** The most of `terms` one statement of the passage holds (see readStatements). */
export function countStated(passage: Passage, terms: readonly string[], termsOf: TermsOf): number {
  let most = 0;
  for (const statement of readStatements(passage, termsOf)) most = Math.max(most, terms.filter((term) => statement.has(term)).length);
  return most;
}

/**
 * Of the hits matching the very terms the first one matches (two or more), one of another document comes first when it
 * states more of them in one statement than any such hit of the first one's document. Hits matching other terms are left
 * to BM25: a rarer word ("до зарплаты") says more than two common ones met by chance ("вещь… шерсти животных").
 */
export function preferStatedDocument(hits: readonly PassageHit[], termsOf: TermsOf): PassageHit[] {
  const [top] = hits;
  if (top === undefined || top.matched.length < 2) return [...hits];
  const alike = (hit: PassageHit): boolean =>
    hit.coverage === top.coverage && hit.matched.length === top.matched.length && hit.matched.every((term) => top.matched.includes(term));
  const rivals = hits.filter(alike);
  if (rivals.every((hit) => hit.passage.document === top.passage.document)) return [...hits];
  const stated = new Map(rivals.map((hit) => [hit, countStated(hit.passage, hit.matched, termsOf)]));
  let most = Math.max(...rivals.filter((hit) => hit.passage.document === top.passage.document).map((hit) => stated.get(hit) ?? 0));
  let best: PassageHit | undefined;
  for (const hit of rivals) {
    const count = stated.get(hit) ?? 0;
    if (count > most) [best, most] = [hit, count];
  }
  return best === undefined ? [...hits] : [best, ...hits.filter((hit) => hit !== best)];
}
