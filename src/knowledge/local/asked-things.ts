/**
 * The thing a question asks about and what it says of it: "подсветку под верхние шкафы ставите?", "beauty of joseon
 * сыворотка с рисом есть у вас?", "а рама у бежевой какого цвета?". The first noun of a question, not governed by a
 * preposition, is the thing asked, with the adjectives before it and the words right after it that name it with it
 * ("перегородочные блоки", "пробник начинок", "наушники сони"); the words after a preposition say of what, for what,
 * with what. A passage holding some of those words and nothing of the thing ("В цену входят нижние + верхние шкафы",
 * "Крем Relief Sun: Rice") speaks of something else.
 */
import { readWholeText } from './passages.js';
import type { PassageHit } from './search.js';
import { VERB_FORM } from './search.js';
import { extractTerms, termOf } from './terms.js';
import { UNIT_TERMS } from './units.js';
import { PRICE_TERM, WEAK_TERMS } from './vocabulary.js';
import { PREPOSITION, PREPOSITIONAL_PRONOUNS } from './word-forms.js';

/** Endings of Russian adjectives: "лазерный уровень" is asked of the level, not of "лазерный". */
const ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ую|юю|ого|его|ых|их)$/u;

/** Words right after the first noun that still name the thing with it: "пробник начинок", "наушники сони". */
const PHRASE_REACH = 2;

/** The first noun of a sentence with the words right after it, and whether a preposition stands before it or after them. */
interface NounPhrase {
  terms: readonly string[];
  governed: boolean;
  adjunct: boolean;
}

// The first noun and the words right after it up to a preposition or a verb: "диски без резины отдельно продадите" → диски.
function findFirstNounPhrase(sentence: string, resolveText: (text: string) => string[]): NounPhrase {
  const words = sentence.toLowerCase().replaceAll('ё', 'е').split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  const at = words.findIndex((word) => {
    if (!/^[а-я]+$/u.test(word) || VERB_FORM.test(word) || ADJECTIVE.test(word)) return false;
    const [read] = resolveText(word);
    return read !== undefined && read !== PRICE_TERM && !WEAK_TERMS.has(read) && !UNIT_TERMS.has(read);
  });
  if (at < 0) return { terms: [], governed: false, adjunct: false };
  // "перегородочные блоки за штуку": the adjectives right before the noun name the thing with it.
  let first = at;
  while (first > 0 && ADJECTIVE.test(words[first - 1] ?? '')) first -= 1;
  const terms: string[] = words.slice(first, at).flatMap((word) => resolveText(word).filter((term) => !WEAK_TERMS.has(term) && term !== PRICE_TERM));
  let adjunct = false;
  for (const [offset, word] of words.slice(at, at + 1 + PHRASE_REACH).entries()) {
    if (offset > 0 && (PREPOSITION.test(word) || VERB_FORM.test(word))) {
      adjunct = PREPOSITION.test(word);
      break;
    }
    terms.push(...resolveText(word).filter((term) => !WEAK_TERMS.has(term)));
  }
  // "у нас дача в снт": a preposition one or two words back ("у нас") makes the noun a circumstance of a story.
  return { terms, governed: words.slice(Math.max(0, first - 2), first).some((word) => PREPOSITION.test(word)), adjunct };
}

/** A question's thing asked ahead of a preposition, and the terms of its sentence after it. */
export interface HeadedQuestion {
  head: readonly string[];
  rest: ReadonlySet<string>;
  /** Terms of the clauses that only set the buyer's case for this question: a part made of them asks this question. */
  bound?: ReadonlySet<string>;
  /**
   * The thing is asked in its own clause (see findAskedFoci), whose other words are `rest`: a part made of them alone
   * left the thing out as the listing's own name ("а худи на молнии такое есть?" of a hoodie's listing).
   */
  clause?: boolean;
  /** The word naming the thing as typed, for a passage naming it that the search did not match on it. */
  word?: string;
}

/**
 * Per question sentence whose first noun a preposition follows ("чехол на айфон 13 есть?"), the thing and the rest; and per
 * sentence asking whether a thing is there or who pays for it, that thing (see findAskedFoci).
 */
export function findHeadedQuestions(question: string, resolveText: (text: string) => string[]): HeadedQuestion[] {
  const sentences = question.split(/(?<=[?!.])\s+|\n+/u);
  const headed = sentences
    .filter((sentence) => sentence.trim().endsWith('?'))
    .flatMap((sentence) => {
      const phrase = findFirstNounPhrase(sentence, resolveText);
      if (phrase.terms.length === 0 || !phrase.adjunct || phrase.governed) return [];
      return [{ head: phrase.terms, rest: new Set(resolveText(sentence).filter((term) => !phrase.terms.includes(term))) }];
    });
  const foci = sentences.map((sentence) => findAskedFoci(sentence, resolveText));
  return [...headed, ...foci.flatMap((asked, at) => bindFollowUp(asked, sentences[at + 1] ?? '', resolveText))];
}

/**
 * "столешницу из hpl делаете? почем метр": a sentence of nothing but a price, a unit or a number asks it of the thing
 * the question before it asks about (the kitchen's price per metre does not say what an HPL worktop costs).
 */
function bindFollowUp(foci: readonly HeadedQuestion[], next: string, resolveText: (text: string) => string[]): HeadedQuestion[] {
  const last = foci.at(-1);
  const asked = resolveText(next);
  const isAmount = (term: string): boolean => term === PRICE_TERM || UNIT_TERMS.has(term) || WEAK_TERMS.has(term) || /^\p{N}/u.test(term);
  if (last === undefined || !asked.includes(PRICE_TERM) || !asked.every(isAmount)) return [...foci];
  const bound = new Set([...(last.bound ?? []), ...asked]);
  return [...foci.slice(0, -1), { ...last, bound, rest: new Set([...last.rest, ...asked]) }];
}

/**
 * Words asking whether a thing is there or will be ("комиссия есть?", "скидка будет?", "штрафа нет?", "упд дадите?",
 * "столешницу из hpl делаете?", "флакон целиком продадите?"): the noun they are said of is the whole question. "нет" asks only at the end of the
 * sentence ("штрафа нет?"); elsewhere it answers ("нет в наличии") or tells the buyer's case.
 */
const FOCUS_PREDICATE = /^(?:есть|будет|будут|бывает|бывают|дадите|даете|делаете|берете|взимается|предусмотрен[аоы]?|продадите|продаете|продаются|продается)$/u;
const CLOSING_PREDICATE = /^нет$/u;
/** "доставку обратно кто оплачивает", "комиссию кто платит": who pays is asked of the noun beside it. */
const PAYER = /^кто$/u;
const PAYING = /^(?:о?плат(?:ит|ят|ите)|оплачива(?:ет|ют|ете))$/u;
/**
 * "наличкой дешевле будет?", "быстрее будет?": a comparative before the predicate is what is asked, a quality, not a thing
 * (a passage on a cash discount answers).
 */
const COMPARATIVE = /^(?:[а-я]+ее|дешевле|дороже|больше|меньше|лучше|хуже|раньше|позже|дольше|короче|проще|легче|ниже|выше|дальше|ближе)$/u;
/** A clause that only sets the buyer's case ("если перевожу не со сбера"), asking nothing of its own. */
const CONDITION = /^(?:если|когда|при)$/u;

/** Where in a clause a predicate asking of a thing stands, and how many words it takes; undefined for none. */
function findFocusPredicate(words: readonly string[], closesSentence: boolean): { at: number; length: number } | undefined {
  const payer = words.findIndex((word, at) => PAYER.test(word) && PAYING.test(words[at + 1] ?? ''));
  if (payer >= 0) return { at: payer, length: 2 };
  // "у нас в снт воды нет, приедете?": "нет" ending an earlier clause tells the buyer's case.
  const closes = (place: number): boolean => closesSentence && place === words.length - 1 && place > 0;
  const at = words.findIndex((word, place) => FOCUS_PREDICATE.test(word) || (CLOSING_PREDICATE.test(word) && closes(place)));
  return at < 0 ? undefined : { at, length: 1 };
}

/** A noun naming a thing of its own: no verb, adjective, price, unit or circumstance, and no preposition before it. */
function readFocusNoun(words: readonly string[], at: number, resolveText: (text: string) => string[]): string[] {
  const word = words[at] ?? '';
  if (!/^[а-яa-z]+$/u.test(word) || VERB_FORM.test(word) || ADJECTIVE.test(word) || isGoverned(words, at)) return [];
  return resolveText(word).filter((term) => term !== PRICE_TERM && !WEAK_TERMS.has(term) && !UNIT_TERMS.has(term) && !/^\p{N}/u.test(term));
}

/** "на 3 тыщи", "на родительский блок": a preposition before the noun, its adjectives and numbers between. */
function isGoverned(words: readonly string[], at: number): boolean {
  let before = at - 1;
  while (before >= 0 && (ADJECTIVE.test(words[before] ?? '') || /^\p{N}+$/u.test(words[before] ?? ''))) before -= 1;
  return PREPOSITION.test(words[before] ?? '');
}

/**
 * "сколько в зачёт будет?", "какая комиссия будет?": a question word asks a value, and "будет" only links it; the thing
 * whose value is asked is left to asked-nouns.ts.
 */
const VALUE_QUESTION = /^(?:скольк[а-я]*|скок[аоу]?|почем|как[а-я]*|каков[аоы]?|когда|где|куда|откуда|чем|что|чо|че)$/u;

/** "на ней", "у него", "к ним": a thing named before, pointed back to. */
const BACK_POINTER = new RegExp(`^(?:${PREPOSITIONAL_PRONOUNS.join('|')})$`, 'u');

/** A clause of nouns and adjectives only ("дверная сетка с доводчиком"): it names a thing and says nothing of it. */
function isNounPhrase(words: readonly string[]): boolean {
  return words.every((word) => !VERB_FORM.test(word) && !VALUE_QUESTION.test(word) && !FOCUS_PREDICATE.test(word));
}

/**
 * "картой на складе платить комиссия есть?": the thing asked is the noun the predicate is said of, the nearest before it, or
 * else after it ("будет ли скидка?"). A passage on paying by card at the warehouse holds three words of four and not the
 * one asked: it does not answer. Clauses before it that only set the buyer's case ("если закажу кухню и шкаф сразу скидка
 * будет?") are bound to it: a passage answering them alone answers nothing asked. So is a clause only naming the thing the
 * question points back to: "дверная сетка с доводчиком, а магнитная защелка на ней есть?" asks of the latch, and the net's
 * price line ("дверная сетка на петлях с доводчиком: 4 800 руб") answers nothing asked.
 */
function findAskedFoci(sentence: string, resolveText: (text: string) => string[]): HeadedQuestion[] {
  const clauses = sentence
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/[,;:]|\s+(?:и|а|но)\s+/u)
    .map((clause) => clause.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== ''))
    .filter((words) => words.length > 0);
  const asks = sentence.trim().endsWith('?');
  const foci: HeadedQuestion[] = [];
  let bound: string[] = [];
  let topic: string[] = [];
  for (const [at, words] of clauses.entries()) {
    const predicate = words.some((word) => VALUE_QUESTION.test(word)) ? undefined : findFocusPredicate(words, at === clauses.length - 1);
    const closes = predicate !== undefined && predicate.at + predicate.length === words.length;
    if (predicate === undefined || !(asks || closes)) {
      bound = CONDITION.test(words[0] ?? '') ? [...bound, ...resolveText(words.join(' '))] : [];
      topic = isNounPhrase(words) ? resolveText(words.join(' ')) : [];
      continue;
    }
    if (words.some((word) => BACK_POINTER.test(word))) bound = [...bound, ...topic];
    topic = [];
    const before = words.slice(0, predicate.at).map((_, back) => predicate.at - 1 - back);
    const after = words.slice(predicate.at + predicate.length).map((_, ahead) => predicate.at + predicate.length + ahead);
    const nounAt = COMPARATIVE.test(words[predicate.at - 1] ?? '') ? undefined : [...before, ...after].find((at) => readFocusNoun(words, at, resolveText).length > 0);
    const head = nounAt === undefined ? undefined : readFocusNoun(words, nounAt, resolveText);
    const read = resolveText(words.join(' '));
    // A word the clause reads otherwise ("3 тыщи" as 3000, two words as one phrase) is not the term the parts ask.
    if (head !== undefined && head.some((term) => read.includes(term))) {
      // Only the words of this question and of the case it is asked in: "удлинитель дадите а если грязную верну" asks two.
      const rest = new Set([...bound, ...read].filter((term) => !head.includes(term)));
      foci.push({ head, rest, bound: new Set(bound.filter((term) => !head.includes(term))), clause: true, word: words[nounAt ?? 0] ?? '' });
    }
    bound = [];
  }
  return foci;
}

/**
 * False for a hit of a part asking a headed question that matches words of the rest and nothing of the thing; or of a part
 * made only of the case the question is asked in, or of its rest with the listing's name left out, whose passage never
 * names the thing.
 */
export function holdsQuestionHead(questions: readonly HeadedQuestion[], terms: readonly string[], hit: Pick<PassageHit, 'matched' | 'passage'>): boolean {
  return questions.every((question) => {
    if (question.head.some((term) => terms.includes(term))) {
      return question.head.some((term) => hit.matched.includes(term)) || !hit.matched.some((term) => question.rest.has(term) && !WEAK_TERMS.has(term) && term !== PRICE_TERM);
    }
    return !(asksInCase(question, terms) || asksOfListing(question, terms, hit)) || namesHead(question, hit);
  });
}

// "если закажу кухню и шкаф сразу скидка будет?": a part made only of the case set for the question asks the question.
function asksInCase(question: HeadedQuestion, terms: readonly string[]): boolean {
  const bound = question.bound;
  return bound !== undefined && bound.size > 0 && terms.length > 0 && terms.every((term) => bound.has(term));
}

/**
 * "а худи на молнии такое есть?" in a hoodie's chat: the thing is the listing's own name, which the part leaves out; the
 * listing's documents speak of it throughout, a general one ("проверяю молнии, швы") only where it names it.
 */
function asksOfListing(question: HeadedQuestion, terms: readonly string[], hit: Pick<PassageHit, 'passage'>): boolean {
  return question.clause === true && hit.passage.itemId === undefined && terms.length > 0 && terms.every((term) => question.rest.has(term));
}

// The thing is no term the part searched for, so the passage is read for it.
function namesHead(question: HeadedQuestion, hit: Pick<PassageHit, 'passage'>): boolean {
  const named = new Set(extractTerms(readWholeText(hit.passage)));
  return [...question.head, termOf(question.word ?? '')].some((term) => term !== undefined && named.has(term));
}
