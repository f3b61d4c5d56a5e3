/**
 * A service asked with its object ("замена спицы") is priced only by a row naming that object: "Замена камеры велосипеда;
 * Цена: 300" matches "замена" and the price, yet prices another job. The object is the word right after the service's
 * word in the question, which the row does not hold, while the row names its own object right after the same word.
 */
import type { PassageHit } from './search.js';
import { normalizeText, splitWords } from './terms.js';
import { WEAK_TERMS } from './vocabulary.js';

type TermsOf = (text: string) => string[];

/** Words of a job done to a thing, whose object follows them: "замена спицы", "установка фаркопа". */
const JOB_WORDS = ['замена', 'установка', 'ремонт', 'чистка', 'настройка', 'регулировка', 'покраска', 'заточка', 'прошивка', 'сборка', 'диагностика', 'перетяжка'];

/** A spreadsheet's row is one record naming one job or product. */
const PRICE_LIST = /\.(?:csv|xlsx?)$/iu;

/** A service's word and the object the buyer names after it: "замена спицы" → замен, спиц. */
export interface ServiceObject {
  service: string;
  object: string;
}

/** A job's word in the question and the word right after it, its object. */
export function findServiceObjects(question: string, termsOf: TermsOf): ServiceObject[] {
  const jobs = new Set(JOB_WORDS.flatMap((word) => termsOf(word)));
  const terms = splitWords(normalizeText(question)).map((word) => termsOf(word)[0]);
  return terms.flatMap((service, at) => {
    const object = terms[at + 1];
    return service === undefined || !jobs.has(service) || object === undefined || WEAK_TERMS.has(object) ? [] : [{ service, object }];
  });
}

/**
 * False when a spreadsheet row holds the service's word followed by another object the question never names, and not the
 * object asked: it prices another job of the same kind.
 */
export function pricesAskedObject(objects: readonly ServiceObject[], terms: readonly string[], hit: Pick<PassageHit, 'passage' | 'matched'>, termsOf: TermsOf): boolean {
  if (!PRICE_LIST.test(hit.passage.document)) return true;
  const asked = new Set(terms);
  const row = splitWords(normalizeText(hit.passage.text)).map((word) => termsOf(word)[0]);
  return objects.every(({ service, object }) => {
    if (!asked.has(service) || !asked.has(object) || !hit.matched.includes(service) || hit.matched.includes(object)) return true;
    return !row.some((term, at) => term === service && row[at + 1] !== undefined && row[at + 1] !== object && !asked.has(row[at + 1] ?? ''));
  });
}
