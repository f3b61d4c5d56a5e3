/**
 * A price compared ("за мешок дешевле выйдет?", "со скидкой отдадите?") is answered only by a passage stating an amount of
 * money or a share ("3 900 ₽", "скидка 5 %"), or saying the comparison itself ("целым поддоном дешевле"): one about bags on
 * pallets that names no price covers the question's other words and says nothing of what it costs, the way a measure
 * asked needs an amount of it (measure-check.ts).
 */
import type { Passage } from './passages.js';
import { readWholeText, splitSentences } from './passages.js';
import type { PassageHit } from './search.js';
import { HOW_MUCH_WORD, listTermSequence, normalizeText, splitWords } from './terms.js';

/** "дешевле", "подешевле", "дороже", "выгоднее", "скидка", "скидочку": words comparing a price, not naming a thing. */
const PRICE_COMPARATIVE = /^(?:по)?(?:дешевл|дешевше|дорож|выгодн)|^скид(?:к|оч)/u;
const NUMBER = /^\p{N}/u;
/** "бесплатно": a price without an amount. */
const FREE = /(?<![а-яё])бесплатн/u;
const SHARE = /\d\s*%/u;

/** The terms of the question's words comparing a price, as the index reads them ("скидку" → торг). */
export function findPriceComparatives(question: string, resolveText: (text: string) => string[]): ReadonlySet<string> {
  const words = splitWords(normalizeText(question)).filter((word) => PRICE_COMPARATIVE.test(word));
  return new Set(words.flatMap((word) => resolveText(word)));
}

/** False when the part compares a price and the hit neither says the comparison nor states a price or a share. */
export function answersPriceComparison(comparatives: ReadonlySet<string>, terms: readonly string[], hit: Pick<PassageHit, 'passage' | 'matched'>): boolean {
  const asked = terms.filter((term) => comparatives.has(term));
  if (asked.length === 0 || asked.some((term) => hit.matched.includes(term))) return true;
  return statesPrice(hit.passage);
}

/**
 * "сколько стоит переобуть газель": a price asked is answered by a passage that names the price or states one. A passage
 * covering the rest of the part without the price's word and without an amount of money ("Шиномонтаж … микроавтобусы
 * (Газель) тоже берем") says the thing is done, not what it costs. One naming the price's word is left to coverage
 * ("Стоимость по тарифу перевозчика" answers what it costs without an amount).
 */
export function answersPriceAsked(priceTerm: string, terms: readonly string[], hit: Pick<PassageHit, 'passage' | 'matched'>): boolean {
  if (!terms.includes(priceTerm) || hit.matched.includes(priceTerm)) return true;
  return statesPrice(hit.passage);
}

// Passages are fixed once indexed: whether one states a price is read once.
const priceCache = new WeakMap<Passage, boolean>();

function statesPrice(passage: Passage): boolean {
  let states = priceCache.get(passage);
  if (states === undefined) {
    states = statesPriceIn(passage.text);
    priceCache.set(passage, states);
  }
  return states;
}

/** An amount of money, a share or "бесплатно" in the text. */
function statesPriceIn(text: string): boolean {
  const sequence = listTermSequence(text);
  const normal = normalizeText(text);
  return FREE.test(normal) || SHARE.test(normal) || sequence.some((term, at) => term === 'руб' && NUMBER.test(sequence[at - 1] ?? ''));
}

/**
 * "сколько стоит переобуть газель": the documents name the Газель ("микроавтобусы (Газель, Транзит) тоже берем") and never
 * state a price beside it. A part asking the price of things none of which any passage prices is answered by none, however
 * well one covers its other words ("при шиномонтаже старые шины заберём бесплатно" prices the disposal): the seller says
 * what it costs. One thing priced somewhere is enough ("хранение велика на зиму": the winter is never priced, the storage
 * is). `isThing` keeps the terms naming things: no circumstance (a city, a day), unit, verb or adjective.
 */
export function createUnpricedThingCheck(
  index: { passages: readonly Passage[]; termsOf: (text: string) => string[]; knows: (term: string) => boolean },
  priceTerm: string,
  isThing: (term: string) => boolean,
): (terms: readonly string[]) => boolean {
  const priced = new Map<string, boolean>();
  const isPriced = (term: string): boolean => {
    let found = priced.get(term);
    if (found === undefined) {
      found = index.passages.some((passage) => {
        const held = readPassageTerms(passage, index.termsOf);
        return held.has(term) && (held.has(priceTerm) || statesPrice(passage));
      });
      priced.set(term, found);
    }
    return found;
  };
  return (terms) => {
    const things = terms.filter((term) => term !== priceTerm && isThing(term) && index.knows(term));
    return !terms.includes(priceTerm) || things.length === 0 || things.some(isPriced);
  };
}

/**
 * "а если компрессор поменять потом, скока это стоит" in a fridge's chat: the listing's passage "Гарантия от нас 3 месяца на
 * компрессор. Доставка по Липецку 500р" names the compressor in one sentence and prices the delivery in another. In a
 * listing's own text a price stands in the sentence naming what it is for; a passage pricing none of the things asked
 * (`things`, the listing's own words aside) in a sentence naming one does not say what they cost. Tables name the price in
 * their header, and are left as they are.
 */
export function pricesThingInSentence(
  priceTerm: string,
  terms: readonly string[],
  hit: Pick<PassageHit, 'passage' | 'matched'>,
  things: ReadonlySet<string>,
  termsOf: (text: string) => string[],
): boolean {
  if (!terms.includes(priceTerm) || hit.passage.itemId === undefined || hit.passage.tableHeader !== undefined) return true;
  const named = hit.matched.filter((term) => term !== priceTerm && things.has(term) && terms.includes(term));
  if (named.length === 0) return true;
  return hit.passage.text
    .split('\n')
    .flatMap(splitSentences)
    .some((sentence) => {
      const held = termsOf(sentence);
      return named.some((term) => held.includes(term)) && (held.includes(priceTerm) || statesPriceIn(sentence));
    });
}

/** Brackets holding a list: "Крупное (кроватки, манежи)", "микроавтобусы (Газель, Транзит)". */
const BRACKETED_LIST = /\([^(),]*,[^()]*\)/gu;

/**
 * "манежи у вас почем": "Крупное (кроватки, манежи) поднимаем на этаж бесплатно, без лифта 100 р за этаж" names the
 * playpen only in a bracketed list, as an example of what the sentence speaks of; the prices around it are the delivery's
 * and the lifting's. A passage that names the things asked (`things`) only in such brackets does not price them. A
 * bracket glossing one word ("дрип (шоколадные подтеки) — +150 р") names the thing itself, and is no list.
 */
export function pricesNamedThing(priceTerm: string, terms: readonly string[], hit: Pick<PassageHit, 'passage' | 'matched'>, things: ReadonlySet<string>, termsOf: (text: string) => string[]): boolean {
  if (!terms.includes(priceTerm)) return true;
  const named = hit.matched.filter((term) => term !== priceTerm && things.has(term));
  if (named.length === 0) return true;
  const outside = new Set(termsOf(readWholeText(hit.passage).replace(BRACKETED_LIST, ' ')));
  return named.some((term) => outside.has(term));
}

const passageTerms = new WeakMap<Passage, ReadonlySet<string>>();

function readPassageTerms(passage: Passage, termsOf: (text: string) => string[]): ReadonlySet<string> {
  let held = passageTerms.get(passage);
  if (held === undefined) {
    held = new Set(termsOf(readWholeText(passage)));
    passageTerms.set(passage, held);
  }
  return held;
}

/**
 * "шкаф глубиной 450 скока за метр выйдет", "во сколько обойдется доставка": a price asked without the price's word. How
 * much "per metre" or how much it "comes to" is money, unless the sentence asks of time ("скока по времени выйдет").
 */
const HOW_MUCH = new RegExp(String.raw`(?<![а-яё])${HOW_MUCH_WORD}(?![а-яё])`, 'u');
const COMES_TO = /(?<![а-яё])(?:выйд[а-яё]*|выход[а-яё]*|обойд[а-яё]*|обходит[а-яё]*)(?![а-яё])/u;
const PER_UNIT = new RegExp(String.raw`(?<![а-яё])${HOW_MUCH_WORD}\s+за\s+(?:[а-яё]+\s+)?(?:метр|штук|шт|кв|квадрат|м2|кг|кило|мешок|лист|упаковк|пачк|коробк)`, 'u');
const OF_TIME = /(?<![а-яё])(?:врем|дн|день|дня|час|недел|месяц|срок|долго|сутк|ждат)/u;

/**
 * The terms of each sentence asking a price in those words, the price's own term left out: the part searched for may
 * have left it out too, as the rest of the question ("шкаф глубиной 450 в прихожую").
 */
export function findUnnamedPriceQuestions(question: string, resolveText: (text: string) => string[], priceTerm: string): ReadonlySet<string>[] {
  // The clause asking it: "скока с установкой выйдет и скока ждать изготовления" asks a price, then a time.
  return normalizeText(question)
    .split(/[?!.\n]+|,|\s(?:и|а)\s/u)
    .filter((clause) => HOW_MUCH.test(clause) && (COMES_TO.test(clause) || PER_UNIT.test(clause)) && !OF_TIME.test(clause))
    .map((clause) => new Set(resolveText(clause).filter((term) => term !== priceTerm)));
}

/**
 * A part made of such a clause's words is answered by a passage stating a price: "Узкий шкаф в прихожую делаем от глубины
 * 350 мм" covers the wardrobe, the hall and the depth and says nothing of what a metre costs.
 */
export function answersUnnamedPrice(questions: readonly ReadonlySet<string>[], terms: readonly string[], hit: Pick<PassageHit, 'passage'>): boolean {
  // A part naming the price is answersPriceAsked's to check.
  const asked = questions.some((sentence) => terms.length > 0 && terms.every((term) => sentence.has(term)));

  return !asked || statesPrice(hit.passage);
}
