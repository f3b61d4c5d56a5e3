/**
 * Which document answers when passages of several hold the same words of a question: the one stating them together. BM25
 * favours a passage naming them in passing ("Для отправки СДЭК, Почтой России… — 100% предоплата, вместе со стоимостью
 * доставки") over the section that answers ("## Почта России": "…от 300 ₽, идёт 5–12 дней"): the words are the same,
 * where they stand is not.
 */
import type { Passage } from './passages.js';
import { splitSentences } from './passages.js';
import { moveFirst, type PassageHit } from './search.js';
import { LABEL, LIST_ITEM, readSentences } from './sentences.js';
import { PRICE_TERM, WEAK_TERMS } from './vocabulary.js';

type TermsOf = (text: string) => string[];

/**
 * The most of `terms` one statement of the passage holds: a sentence with what it stands under (the passage's headings,
 * its one- or two-word lead, its line's label) and, for a list's line, the line introducing the list ("Как можно
 * оплатить:" above "- картой"); see sentences.ts. A word the sentence denies ("ничего не разбивается") is not stated by it.
 */
export function countStated(passage: Passage, terms: readonly string[], termsOf: TermsOf): number {
  let most = 0;
  for (const sentence of readSentences(passage, termsOf)) {
    // "Упаковка: флаконы … ничего не разбивается" does not state breakage: "разбитый флакон — пришлите фото" does.
    const stated = terms.filter(
      (term) => !sentence.denied.includes(term) && (sentence.terms.includes(term) || sentence.labels.has(term) || sentence.introduced.includes(term)),
    );
    most = Math.max(most, stated.length);
  }
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
  return moveFirst(hits, best);
}

/** Half the question: a listing's statement labelled by what is asked answers at this coverage (see findOwnStatements). */
export const OWN_STATEMENT_COVERAGE = 0.5;

/**
 * When none of a listing's passages covers the question, the ones labelling a line with an asked word it holds ("Установка:
 * на нашем складе ставим бесплатно, 5–10 минут" for "акб поставите сразу?") and covering half of it: the listing's own terms
 * on what is asked, which the shop's general answer ("Установка: партнёрский автосервис…") would otherwise overrule.
 */
export function findOwnStatements(hits: readonly PassageHit[], threshold: number, termsOf: TermsOf): PassageHit[] {
  if (hits.some((hit) => hit.coverage >= threshold)) return [];
  return hits.filter((hit) => hit.coverage >= OWN_STATEMENT_COVERAGE && labelsAsked(hit, termsOf));
}

/** What is asked of a thing, never the thing: "Цена — 24 990 ₽" is the listing's price, not its delivery's ("сколько стоит доставка?"). */
const ASKED_OF: ReadonlySet<string> = new Set([PRICE_TERM, 'срок']);

function labelsAsked(hit: PassageHit, termsOf: TermsOf): boolean {
  const asked = hit.matched.filter((term) => !WEAK_TERMS.has(term) && !ASKED_OF.has(term));
  return hit.passage.text.split('\n').some((line) => {
    const label = LABEL.exec(line)?.[1];
    if (label !== undefined) return termsOf(label).some((term) => asked.includes(term));
    // "• рама стальная, низкая": a list's line opening with the asked word is labelled by it.
    const first = LIST_ITEM.test(line) ? termsOf(line.replace(LIST_ITEM, ''))[0] : undefined;
    return first !== undefined && asked.includes(first);
  });
}

/**
 * An entry of a shop's questions and answers ("Зимой на самокате кататься можно? Не рекомендуем…"): the passage opens with a
 * question holding every matched term, which the rest of it answers.
 */
function asksMatched(hit: PassageHit, termsOf: TermsOf): boolean {
  const first = splitSentences(hit.passage.text.split('\n')[0] ?? '')[0]?.trim() ?? '';
  if (!first.endsWith('?')) return false;
  const asked = new Set(termsOf(first));
  return hit.matched.length > 0 && hit.matched.every((term) => asked.has(term));
}

/**
 * Of the hits matching the very terms the first one matches, as well, an entry asking them (see asksMatched) comes first
 * when the first one is no such entry and no heading or title of it names them: a passage mentioning the word in passing
 * ("вс 11:00-16:00, зимой в вс выходной") does not answer the question the shop answers in its own list ("Зимой кататься
 * можно?"). A passage under a heading naming the word is on that topic, and stays first.
 */
export function preferAskedEntry(hits: readonly PassageHit[], termsOf: TermsOf): PassageHit[] {
  const [top] = hits;
  if (top === undefined || asksMatched(top, termsOf)) return [...hits];
  const named = new Set(termsOf([top.passage.title, ...top.passage.headings].join('\n')));
  if (top.matched.some((term) => named.has(term))) return [...hits];
  const alike = (hit: PassageHit): boolean =>
    hit.coverage === top.coverage && hit.matched.length === top.matched.length && hit.matched.every((term) => top.matched.includes(term));
  const entry = hits.find((hit) => alike(hit) && hit.passage.document !== top.passage.document && asksMatched(hit, termsOf));
  return moveFirst(hits, entry);
}

/** An amount of money: "1 500 р", "от 350 ₽", "700 руб.". */
const MONEY = /\d\s*(?:₽|руб|р\.|р(?![а-яё]))/iu;
/** A length of time: "3 месяца", "1–2 рабочих дня", "14 дней", "2 года". */
const DURATION = /\d\s*(?:[-–—]\s*\d+\s*)?(?:раб[а-яё.]*\s+)?(?:мин|час|ч\.|дн|день|дня|сут|недел|мес|год|лет)/iu;
/** What a matched term asks for beyond its word: a price asks an amount, a time or a warranty a length. */
const VALUE_KINDS: ReadonlyArray<{ terms: readonly string[]; value: RegExp }> = [
  { terms: [PRICE_TERM], value: MONEY },
  { terms: ['срок', 'гарант'], value: DURATION },
];

/** The passage states a value of every kind its matched terms ask; false where they ask none. */
function statesAskedValue(hit: PassageHit): boolean {
  const asked = VALUE_KINDS.filter((kind) => kind.terms.some((term) => hit.matched.includes(term)));
  return asked.length > 0 && asked.every((kind) => kind.value.test(hit.passage.text));
}

/**
 * Of passages of one document covering the question as well, the ones stating a value of the kind asked, where any does:
 * "гарантия на навес?" is answered by "• навесы — 3 года", not by the line "Гарантия на каркас:" above it; "скока стоит
 * пробник?" by "…стоит 1500 р", not by the opening that names prices in passing. A seller answers with the value; the
 * passage that only names the topic is its frame.
 */
export function keepStatingValues(rivals: readonly PassageHit[]): PassageHit[] {
  const stating = rivals.filter(statesAskedValue);
  return stating.length > 0 ? stating : [...rivals];
}
