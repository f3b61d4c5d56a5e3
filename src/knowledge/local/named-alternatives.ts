/**
 * "прополис летний или осенний сбор?", "стекло гардиан или саратовское?", "педали в комплекте пластик или металл": the
 * buyer names the values one of which is the answer. A passage naming neither ("сбор 2024, соскоб с рамок", "Педали,
 * подножка, отражатели") shares the other words and says nothing of which it is.
 */
import { readWholeText } from './passages.js';
import type { PassageHit } from './search.js';
import { VERB_FORM } from './search.js';
import { LABEL } from './sentences.js';
import { normalizeText, splitWords } from './terms.js';
import { WEAK_TERMS } from './vocabulary.js';

/** Words between "или" and the alternative that say how sure the buyer is, not what is asked: "или тока андроид". */
const FILLER = /^(?:тока|только|тупо|просто|уже|же|все|всё|таки|мне|нам|может|вообще)$/u;
/**
 * Words that name no value of the thing but a way of going on ("отдельно", "потом", "сразу"), and "нет" ("платно или
 * нет"): the passage answering them need not repeat either ("Фундамент в комплект не входит").
 */
const NO_VALUE = /^(?:нет|не|отдельно|потом|после|сразу|заранее|позже|раньше|сам|сама|сами|самим|самому|как|так|чтото|что-то|какая|какой|какие|какое|где|лучше|щас|сейчас|ждать|больше|меньше|норм|нормально|можно|надо|нужно)$/u;

/** The terms of the two values one "или" sets against each other. */
export interface NamedAlternative {
  terms: ReadonlySet<string>;
}

/** Per clause holding one "или" between two words naming values (no verb, no adverb of how or when), those values. */
export function findNamedAlternatives(question: string, resolveText: (text: string) => string[]): NamedAlternative[] {
  const found: NamedAlternative[] = [];
  for (const clause of normalizeText(question).split(/[?!.\n,;]+/u)) {
    const [left, right, ...more] = clause.split(/\s+или\s+/u);
    if (left === undefined || right === undefined || more.length > 0) continue;
    const before = splitWords(left).at(-1);
    const after = splitWords(right).find((word) => !FILLER.test(word));
    const terms = [before, after].map((word) => (word === undefined ? [] : readValue(word, resolveText)));
    if (terms.every((read) => read.length > 0)) found.push({ terms: new Set(terms.flat()) });
  }
  return found;
}

function readValue(word: string, resolveText: (text: string) => string[]): string[] {
  if (NO_VALUE.test(word) || VERB_FORM.test(word)) return [];
  return resolveText(word).filter((term) => !WEAK_TERMS.has(term));
}

/**
 * False for a hit of a part asking one of the values whose passage (its title and headings included) names neither: the
 * listing's title "AirPods Pro 2 новые" names one for its passages. A line labelled with the thing asked states its value
 * though both guesses are wrong: "верхняя дека массив или фанера?" is answered by "Верхняя дека — ель, ламинат".
 */
export function namesAlternative(alternatives: readonly NamedAlternative[], terms: readonly string[], hit: Pick<PassageHit, 'passage' | 'matched'>, termsOf: (text: string) => string[]): boolean {
  const asked = alternatives.filter((alternative) => terms.some((term) => alternative.terms.has(term)));
  if (asked.length === 0) return true;
  const named = new Set(termsOf(readWholeText(hit.passage)));
  return asked.every((alternative) => [...alternative.terms].some((term) => named.has(term)) || labelsThing(alternative, hit, termsOf));
}

/** Some line of the passage is labelled only with terms the hit matched beside the values, and gives a value in words. */
function labelsThing(alternative: NamedAlternative, hit: Pick<PassageHit, 'passage' | 'matched'>, termsOf: (text: string) => string[]): boolean {
  const thing = new Set(hit.matched.filter((term) => !alternative.terms.has(term)));
  return hit.passage.text.split('\n').some((line) => {
    const label = LABEL.exec(line);
    if (label === null) return false;
    const labelTerms = termsOf(label[1] ?? '');
    const value = line.slice(label[0].length);
    return labelTerms.length > 0 && labelTerms.every((term) => thing.has(term)) && /\p{L}{2,}/u.test(value);
  });
}
