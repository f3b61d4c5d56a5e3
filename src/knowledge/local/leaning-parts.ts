/**
 * A part of one word leans on the thing its question names: "жидкий металл на скок хватает? через сколько менять" cut
 * down to "менять" asks how often the liquid metal is changed, not how long a screen takes ("меняем за 1–3 дня"); "на
 * тестер честный знак есть? проверить можно?" cut down to "проверить" asks whether the marking can be checked. A passage
 * holding the one word and nothing of the thing answers another question.
 */
import { VERB_FORM } from './search.js';
import { normalizeText, splitWords } from './terms.js';
import { UNIT_TERMS } from './units.js';
import { PRICE_TERM, WEAK_TERMS } from './vocabulary.js';
import { isAdjectiveForm, PREPOSITION } from './word-forms.js';

/** Question words and particles: they name no thing. */
const NO_THING = /^(?:скольк[а-я]*|скок[аоу]?|скоко|почем|где|куда|когда|зачем|почему|кто|что|чо|че|или|можно|нужно|надо|вместе|отдельно|примерно|например)$/u;
/** How far back a preposition governs a noun: "у меня солярис", "на родительский блок". */
const GOVERNING_REACH = 2;

/**
 * "Какая гарантия? И как доставляете?": a verb naming one of the rules a shop states for whatever is bought (delivery,
 * payment, return, exchange, holding a thing) asks of that rule and leans on nothing.
 */
const SHOP_RULES: ReadonlySet<string> = new Set(['доставк', 'оплат', 'возврат', 'обмен', 'брон', 'самовывоз', 'гарант', 'торг', 'рассрочк']);

/** One sentence of the question: its terms, and the terms of the things it names. */
export interface SentenceThings {
  terms: ReadonlySet<string>;
  things: readonly string[];
  /** The terms of its verbs: what is done ("менять", "проверить"). */
  actions: ReadonlySet<string>;
  /** The terms of its nouns a preposition governs: "под заказ", "на год". */
  governed: ReadonlySet<string>;
}

/** Per sentence of the question, its terms, the terms of its nouns no preposition governs, and those of its verbs. */
export function readSentenceThings(question: string, resolveText: (text: string) => string[]): SentenceThings[] {
  return normalizeText(question)
    .split(/[?!.\n]+/u)
    .map((sentence) => {
      const words = splitWords(sentence);
      const things = new Set<string>();
      const actions = new Set<string>();
      const governed = new Set<string>();
      for (const [at, word] of words.entries()) {
        if (!/^[а-яa-z]/u.test(word) || NO_THING.test(word)) continue;
        if (VERB_FORM.test(word)) {
          for (const term of resolveText(word)) actions.add(term);
          continue;
        }
        // "жидкий", "новый" say of what kind: they name no thing.
        if (isAdjectiveForm(word)) continue;
        if (words.slice(Math.max(0, at - GOVERNING_REACH), at).some((before) => PREPOSITION.test(before))) {
          for (const term of resolveText(word)) governed.add(term);
          continue;
        }
        for (const term of resolveText(word)) if (isThing(term)) things.add(term);
      }
      return { terms: new Set(resolveText(sentence)), things: [...things], actions, governed };
    })
    .filter((sentence) => sentence.terms.size > 0);
}

function isThing(term: string): boolean {
  return term !== PRICE_TERM && !WEAK_TERMS.has(term) && !UNIT_TERMS.has(term) && !/^\p{N}/u.test(term);
}

/**
 * The things a part of one term leans on: where the term is what is done, or a noun after a preposition, in a sentence
 * naming no thing of its own ("через сколько менять?", "проверить можно?", "гарантию можно продлить? на год например"),
 * the things of the sentence before it: "с 2018 года" holds the year and says nothing of a year's warranty. A thing asks its own question
 * ("самовывоз есть?"), and an action beside a thing ("если не подойдет можно вернуть?") is often the shop's rule for any
 * thing: neither leans. Empty where nothing leans.
 */
export function findLeanedThings(sentences: readonly SentenceThings[], terms: readonly string[]): readonly string[] {
  const [only, ...more] = terms;
  if (only === undefined || more.length > 0) return [];
  const at = sentences.findIndex((sentence) => sentence.terms.has(only));
  const sentence = sentences[at];
  const leans = sentence !== undefined && ((sentence.actions.has(only) && !SHOP_RULES.has(only)) || sentence.governed.has(only));
  if (sentence === undefined || !leans || sentence.things.some((term) => term !== only)) return [];
  return (sentences[at - 1]?.things ?? []).filter((term) => term !== only);
}

/**
 * Whether a passage answers a part of one term: it names one of the things the part leans on, or it is the listing's own
 * passage and one of them is the listing's name ("велосипед в наличии? а привезти можно?").
 */
export function namesLeanedThing(leaned: readonly string[], held: ReadonlySet<string>, own: { isOwn: boolean; titleTerms: ReadonlySet<string> }): boolean {
  if (leaned.length === 0) return true;
  return leaned.some((term) => held.has(term) || (own.isOwn && own.titleTerms.has(term)));
}
