/**
 * Buyers type several questions as one sentence ("скока стоит, почтой если отправите трек когда скинете?"). A passage that
 * answers such a sentence as a whole often stands on one clause's words alone; the clauses it leaves out are questions of
 * their own, asked again as the buyer typed them rather than as a bag of leftover words from several clauses.
 */
import { UNIT_TERMS } from './units.js';

/** What is asked of a thing, never the thing: a time ("сколько по времени"). */
export const ASKED_OF_THING: ReadonlySet<string> = new Set(['срок']);

/** What a question asks: `terms` must be covered, `naming` (the listing's own words) only ranks. */
export interface AskedTerms {
  terms: string[];
  naming: string[];
  clauses?: AskedTerms[];
}

/**
 * Asks again what an answer that matched `matched` of `part` left out. Each clause holding a term left unmatched is asked by
 * its unmatched terms, then whole (the words answered may have drawn the passage quoted, or be what the rest needs); the
 * terms of no clause answered so, together, as one question, else run by run. Circumstances ("в ваш город", the buyer's numbers) are no
 * question of their own and leave a clause answered.
 */
export function answerLeftClauses<T>(part: AskedTerms, matched: ReadonlySet<string>, isCircumstance: (term: string) => boolean, ask: (question: AskedTerms) => T[]): T[] {
  const isLeft = (term: string): boolean => !matched.has(term) && !isCircumstance(term);
  const found: T[] = [];
  const answered = new Set<string>();
  for (const clause of part.clauses ?? []) {
    if (!clause.terms.some(isLeft)) continue;
    const rest = clause.terms.filter((term) => !matched.has(term));
    const tries = rest.length < clause.terms.length ? [{ terms: rest, naming: clause.naming }, clause] : [clause];
    for (const question of tries) {
      const pieces = ask(question);
      if (pieces.length === 0) continue;
      found.push(...pieces);
      for (const term of clause.terms) answered.add(term);
      break;
    }
  }
  const rest = part.terms.filter((term) => !matched.has(term) && !answered.has(term));
  // "…ремонт по гарантии сколько по времени?": a time left over is asked of what the answer named, and
  // asked alone would be answered by any passage stating one ("Отправка в течение 2 дней").
  if (!rest.some((term) => !isCircumstance(term) && !ASKED_OF_THING.has(term))) return found;
  const together = ask({ terms: rest, naming: part.naming });
  if (together.length > 0) return [...found, ...together];
  // Words left apart in the message ("скока стоит почтой трек когда скинете") ask apart: "стоит" is no part of "скинете".
  const runs = listRuns(part.terms, new Set(rest));
  if (runs.length < 2) return found;
  return [...found, ...runs.filter((run) => run.some((term) => !isCircumstance(term))).flatMap((run) => ask({ terms: run, naming: part.naming }))];
}

/** The runs of `terms` standing next to each other in the buyer's order. */
function listRuns(terms: readonly string[], wanted: ReadonlySet<string>): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const term of terms) {
    if (wanted.has(term)) {
      run.push(term);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Words that make a clause a question: how much, which, where, when, how, may, is there. */
const QUESTION_WORD = /(?:^|[^а-яё])(?:скольк[а-яё]*|скок[аоу]?|почем|как[а-яё]*|где|куда|откуда|когда|зачем|почему|кто|ли|можно|есть)(?![а-яё])/u;

/** The clause asks a question of its own ("скока идет", "молния какая"), where one without ("мне 3 поддона") tells a circumstance. */
export function holdsQuestionWord(clause: string): boolean {
  return QUESTION_WORD.test(clause.toLowerCase().replaceAll('ё', 'е'));
}

/**
 * "длина стельки у 38 размера сколько сантиметров каблук высокий голенище скока": two questions typed without a break. The
 * second starts somewhere between two question words; each word between them is one way to cut the sentence in two.
 */
export function listQuestionCuts(sentence: string): Array<[string, string]> {
  const words = sentence.split(/\s+/u).filter((word) => word !== '');
  const asking = words.flatMap((word, at) => (holdsQuestionWord(word) ? [at] : []));
  const cuts: Array<[string, string]> = [];
  for (let pair = 0; pair + 1 < asking.length; pair += 1) {
    for (let at = (asking[pair] ?? 0) + 1; at <= (asking[pair + 1] ?? 0); at += 1) {
      if (!BINDS_NEXT.test(words[at - 1]?.toLowerCase() ?? '')) cuts.push([words.slice(0, at).join(' '), words.slice(at).join(' ')]);
    }
  }
  return cuts.slice(0, MAX_CUTS);
}

/**
 * Words that never end a question: a preposition, and "какой" in an oblique case ("каким слоем", "какого года"), which
 * names the word after it; "какой"/"какая" may close one ("разболтовка какая").
 */
const BINDS_NEXT = /^(?:в|во|на|у|с|со|за|до|по|от|из|к|ко|о|об|для|без|через|при|под|над|про|как(?:им|ого|ому|ом|ую|ими|их))$/u;

/**
 * One side of a cut as a question. The listing's own words it holds must be covered too: a product named on one side
 * ("мп 75 каким слоем") is what that side asks about, and another product's line does not answer it.
 */
export function readCut(text: string, resolveText: (text: string) => string[]): AskedTerms {
  return { terms: resolveText(text), naming: [] };
}

/**
 * Coverage each side of a cut needs. A side stands without the other's words, so it is held to more than a question the
 * buyer typed whole: at 0.6 "мп 75 каким слоем | можно наносить за раз?" took one product's layer for another's.
 */
export const CUT_THRESHOLD = 0.7;
/** Cuts tried per sentence, in the buyer's order: a long message is not searched word by word. */
const MAX_CUTS = 12;

/**
 * The first cut whose both sides are answered, both answers; nothing if no cut has both. A side of units and numbers alone
 * ("…и сколько литров") asks about the words before it, as splitQuestion reads it after "и", and is no question of its own.
 */
export function answerCut<T>(cuts: ReadonlyArray<readonly [string, string]>, read: (text: string) => AskedTerms, ask: (question: AskedTerms) => T[]): T[] {
  const asksSomething = (side: AskedTerms): boolean => side.terms.some((term) => !/^\p{N}/u.test(term) && !UNIT_TERMS.has(term));
  for (const [before, after] of cuts) {
    const first = read(before);
    const second = read(after);
    if (!asksSomething(first) || !asksSomething(second)) continue;
    const answered = ask(first);
    if (answered.length === 0) continue;
    const also = ask(second);
    if (also.length > 0) return [...answered, ...also];
  }
  return [];
}
