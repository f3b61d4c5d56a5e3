/**
 * What a question asks beyond the words a passage shares with it. A trap ("стелька меховая вынимается?", "длина худи на
 * размере L скока см?") is mostly one word of three or four missing from a passage holding the rest, which passes the
 * coverage threshold; these checks refuse the narrower shapes of it where the missing word is what is asked: a verb the
 * documents never use after a bare noun phrase, a size, a unit counted for something the passage does not measure, an
 * attribute a price list has no column for, an amount in the listing's own unit, a transport company no document names.
 */
import type { KnowledgeQuery } from '../../core/ports.js';
import type { CheckedPart } from './answer-check.js';
import { listDashedRanges, listWordedRanges } from './bounds.js';
import type { Passage } from './passages.js';
import { readWholeText, splitSentences } from './passages.js';
import type { PassageHit, PassageIndex } from './search.js';
import { readSentences } from './sentences.js';
import { findAskedNouns, holdsAskedNouns } from './asked-nouns.js';
import { namesColor } from './asked-colors.js';
import { answersCountedAmounts, findCountedAmounts, statesUnit } from './counted-amounts.js';
import { findHeadedQuestions, holdsQuestionHead } from './asked-things.js';
import { listDocumentedTowns, readAskedSizes, readSizePairs, statesAskedCity, statesAskedSize, statesAskedSizePair } from './sibling-values.js';
import { listTermSequence, listTermWords, normalizeText, splitWords, termOf } from './terms.js';
import { UNIT_TERMS, WEEKDAY_TERMS, findCountedUnits } from './units.js';
import { ATTRIBUTE_TERMS, CITY_TERMS, NATIONWIDE, PRICE_TERM, WEAK_TERMS } from './vocabulary.js';

type FactIndex = Pick<PassageIndex, 'passages' | 'termsOf' | 'resolveText' | 'knows'>;

const CARRIER = /(?<![а-яё])тк\.?\s+([а-яёa-z]+)/gu;
/** Endings of Russian adjectives in the nominative: "меховая", "жидкий". */
const ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$/u;
const MAX_NOUN_PHRASE_WORDS = 3;

/** Builds the check for one buyer message; createAnswerCheck applies it to every hit that passed the threshold. */
export function createAskedFactCheck(index: FactIndex, query: KnowledgeQuery): (part: CheckedPart, hit: PassageHit) => boolean {
  const question = typeof query.question === 'string' ? query.question : '';
  const sizes = readAskedSizes(question);
  const sizePairs = readSizePairs(question);
  const phrases = findBareNounPhrases(question, index);
  const carrier = namesUnknownCarrier(question, index);
  // "скока см": a passage holding that unit but nothing of what it measures does not answer.
  const counted = findCountedUnits(question.toLowerCase().replaceAll('ё', 'е'), index.resolveText);
  const measures = findMeasures(question);
  const nouns = findAskedNouns(question, index.resolveText);
  const towns = listDocumentedTowns(index.passages, index.termsOf);
  const places = findNamedPlaces(question, index.resolveText, towns);
  const amounts = findCountedAmounts(question, index.resolveText);
  const headed = findHeadedQuestions(question, index.resolveText);
  const grades = findGradedThings(question, index.resolveText);
  const isOwn = (hit: PassageHit): boolean => hit.passage.itemId !== undefined && hit.passage.itemId === query.listing?.id;
  const listingNames = new Set(index.termsOf(query.listing?.title ?? '').filter((term) => !WEAK_TERMS.has(term)));
  const isAboutListing = (hit: PassageHit): boolean =>
    isOwn(hit) || index.termsOf(readWholeText(hit.passage)).some((term) => listingNames.has(term));
  return (part, hit) => {
    if (isBareHeading(hit.passage)) return false;
    if (carrier && part.terms.includes('тк')) return false;
    if (!holdsAskedNouns(nouns, part.terms, part.naming, hit)) return false;
    if (phrases.some((terms) => part.terms.length > 0 && part.terms.every((term) => terms.includes(term)))) return false;
    if (counted.some((unit) => part.terms.includes(unit)) && part.terms.some(isContent) && !hit.matched.some(isContent)) return false;
    if (!measures.every((measure) => statesMeasure(measure, part, hit, index.termsOf))) return false;
    if (!holdsQuestionHead(headed, part.terms, hit)) return false;
    if (!statesGrades(grades, part.terms, hit, index.termsOf)) return false;
    if (!answersCountedAmounts(amounts, part.terms, hit, { isOwn: isOwn(hit), isAboutListing: isAboutListing(hit), termsOf: index.termsOf })) return false;
    return (
      statesAttribute(part, hit, index.termsOf) &&
      statesColour(part, hit, index.termsOf) &&
      statesAskedSize(hit.passage, sizes) &&
      statesAskedSizePair(hit.passage, sizePairs) &&
      statesAskedCity(part.terms, hit, index.termsOf, towns) &&
      statesNamedPlaces(placesOf(places, part.terms), hit, index.termsOf, towns) &&
      statesTransitTime(placesOf(places, part.terms, true), part.terms, hit, index.termsOf) &&
      statesDays(part, hit, index.termsOf)
    );
  };
}

/**
 * "класс отжима", "уровень шума", "степень защиты": a grade is named by what it grades, the word after it. A passage stating
 * one grade ("Класс энергопотребления А") and naming the graded thing in another line ("Отжим до 1200 об/мин") states no
 * grade of that thing: the two must stand in one sentence.
 */
const GRADES: ReadonlySet<string> = new Set(['класс', 'уровень', 'степень'].flatMap((word) => termOf(word) ?? []));

/** A grade the question asks and the term of what it grades. */
interface GradedThing {
  grade: string;
  thing: string;
}

function findGradedThings(question: string, resolveText: (text: string) => string[]): GradedThing[] {
  const words = splitWords(normalizeText(question));
  return words.flatMap((word, at) => {
    const grade = termOf(word);
    const [thing] = resolveText(words[at + 1] ?? '');
    return grade !== undefined && GRADES.has(grade) && thing !== undefined && !GRADES.has(thing) ? [{ grade, thing }] : [];
  });
}

function statesGrades(grades: readonly GradedThing[], terms: readonly string[], hit: PassageHit, termsOf: (text: string) => string[]): boolean {
  const asked = grades.filter(({ grade, thing }) => terms.includes(grade) && terms.includes(thing) && hit.matched.includes(grade) && hit.matched.includes(thing));
  if (asked.length === 0) return true;
  const sentences = readSentences(hit.passage, termsOf);
  return asked.every(({ grade, thing }) => sentences.some((sentence) => sentence.terms.includes(grade) && sentence.terms.includes(thing)));
}

/** The fewest words a passage states anything in: "ОПЛАТА" alone on its line is a heading ("торг: без торга" states). */
const MIN_STATEMENT_WORDS = 2;

// "если сломается в другом городе пересылку в ремонт по гарантии кто оплатит": the word "оплатит" asked again alone found
// "ОПЛАТА", a plain-text file's heading read as a paragraph of its own. One word states nothing.
function isBareHeading(passage: Passage): boolean {
  return splitWords(normalizeText(passage.text)).length < MIN_STATEMENT_WORDS;
}

/** A word that says what is asked about: no unit, number or weak word ("размер", "брать"). */
function isContent(term: string): boolean {
  return !UNIT_TERMS.has(term) && !WEAK_TERMS.has(term) && !/^\p{N}/u.test(term);
}

// "тк кит двигатель отправите?": the word after "ТК" names the transport company. Where no document names it, a passage
// about the shop's own ТК ("Двигатели — только через ТК") says nothing of it (see named-options.ts for "через", "в").
function namesUnknownCarrier(question: string, index: FactIndex): boolean {
  return [...question.toLowerCase().matchAll(CARRIER)].some((match) =>
    index.resolveText(match[1] ?? '').some((term) => !index.knows(term) && !/^\p{N}/u.test(term)),
  );
}

// "стелька меховая вынимается чтоб посушить": verbs the documents never use are left out of what is asked (search.ts), and
// what stays of this sentence is one noun with its adjective, which a passage stating "стелька тоже меховая" covers whole.
// The sentence asks what the verb says of the thing; the documents, never using the verb, cannot say it. A sentence keeping
// anything else ("можно вещь придержать до зарплаты") is left to coverage.
function findBareNounPhrases(question: string, index: FactIndex): string[][] {
  const phrases: string[][] = [];
  for (const sentence of question.toLowerCase().replaceAll('ё', 'е').split(/[?!.\n]+/u)) {
    const kept = new Set(index.resolveText(sentence));
    const words = listTermWords(sentence);
    const left = words.filter(({ term, word }) => !kept.has(term) && !index.resolveText(word).some((resolved) => kept.has(resolved)));
    const staying = words.filter((entry) => !left.includes(entry));
    const adjectives = staying.filter(({ word }) => ADJECTIVE.test(word)).length;
    if (left.length > 0 && adjectives > 0 && staying.length - adjectives === 1 && staying.length <= MAX_NOUN_PHRASE_WORDS) phrases.push([...kept]);
  }
  return phrases;
}


/** A number with the unit after it, as the question writes it ("100 мл"). */
interface Measure {
  number: string;
  unit: string;
}

function findMeasures(question: string): Measure[] {
  const sequence = listTermSequence(question);
  return sequence.flatMap((term, at) => {
    const unit = sequence[at + 1];
    return /^\d+$/u.test(term) && unit !== undefined && UNIT_TERMS.has(unit) ? [{ number: term, unit }] : [];
  });
}

// "а целый флакон 100 мл продадите почем" on a listing titled in мл: the unit is the listing's own word, so answer.ts's
// measure check never sees "100" as a measure. A passage that neither states 100 nor any amount in мл ("разбитый флакон —
// верну деньги") is not about the buyer's bottle; one stating other amounts of it is left to the other checks.
function statesMeasure(measure: Measure, part: CheckedPart, hit: PassageHit, termsOf: (text: string) => string[]): boolean {
  if (!part.terms.includes(measure.number) || !part.naming.includes(measure.unit) || hit.matched.includes(measure.number)) return true;
  return holdsNumber(hit.passage, Number(measure.number), termsOf) || statesUnit(hit.passage, measure.unit);
}

function holdsNumber(passage: Passage, value: number, termsOf: (text: string) => string[]): boolean {
  const text = readWholeText(passage);
  if (termsOf(text).includes(String(value))) return true;
  const ranges = [...listDashedRanges(text), ...listWordedRanges(passage.text)];
  return ranges.some(([from = NaN, to = NaN]) => value >= from && value <= to);
}


/**
 * "ланчбокс какого цвета, розовый можно?", "чехол на матрасе какого цвета?": a colour is asked, and a passage naming the
 * thing but no colour at all ("В комплекте: коробка-ланчбокс, ложечка и свечка") does not say it.
 */
function statesColour(part: CheckedPart, hit: PassageHit, termsOf: (text: string) => string[]): boolean {
  if (!part.terms.some(namesColor)) return true;
  return termsOf(readWholeText(hit.passage)).some(namesColor);
}

/** The places a sentence of the question names, and the terms of that sentence: its parts are asked of those places. */
interface NamedPlaces {
  within: ReadonlySet<string>;
  places: readonly string[];
}

/**
 * "в сургут доставка сколько дней": the city is read off the words as typed, not off the part's terms, which may have lost
 * it ("сургут" ends like a verb, and verbs the documents never use are left out of what is asked). The question still
 * asks of that city: a passage giving the days to other cities ("Челябинск — 1–2 дня") does not answer it.
 */
function findNamedPlaces(question: string, resolveText: (text: string) => string[], towns: ReadonlySet<string>): NamedPlaces[] {
  return normalizeText(question)
    .split(/[?!.\n]+/u)
    .flatMap((sentence) => {
      const places = splitWords(sentence).flatMap((word) => termOf(word) ?? []).filter((term) => CITY_TERMS.has(term) || towns.has(term));
      return places.length === 0 ? [] : [{ within: new Set(resolveText(sentence)), places }];
    });
}

/** The places of the sentence the part is made of; `held` keeps those the part holds itself too. */
function placesOf(named: readonly NamedPlaces[], terms: readonly string[], held = false): string[] {
  const places = named.filter(({ within }) => terms.length > 0 && terms.every((term) => within.has(term))).flatMap(({ places }) => places);
  // A place the part holds is statesAskedCity's to check, "по всей России" answering for it.
  return held || !places.some((place) => terms.includes(place)) ? places : [];
}

const TIME_TERM = 'срок';
/** A sentence stating how long, in days or hours ("1–2 рабочих дня", "в тот же день", "на следующий день"). */
const STATED_TIME = /\d\s*(?:[-–—]\s*\d+\s*)?(?:раб[а-яё.]*\s+)?(?:дн|день|сут|недел|час|ч(?![а-яё]))|(?:тот же|следующий|следующего)\s+(?:рабоч[а-яё]+\s+)?д[ен]/u;
/** "Отправляем в течение 1 рабочего дня", "отправка на следующий день": when the parcel leaves, not when it arrives. */
const DISPATCH = /(?<![а-яё])(?:отправ|отгруж|отгрузк|высыла|передаё|передае|собира|сборк)/u;

/** "доставка 2–4 дня", "идёт 3–5 дней", "привезём на следующий день": a time of arrival, whatever else the sentence says. */
const TRANSIT = /(?<![а-яё])(?:доставк|достав[ляи]|ид[её]т|в пути|дойд|прид[её]т|привез|привоз|получ|срок)/u;

/**
 * "в сургут доставка сколько дней": how long it takes to a place. A passage naming no place whose only times are when the
 * parcel leaves ("Отправляем в течение 1 рабочего дня после оформления") says nothing of the days to Сургут: the carrier's
 * tariff does. One naming the place, or stating a time of arrival ("идёт 3–5 дней"), is left to the other checks.
 */
function statesTransitTime(places: readonly string[], terms: readonly string[], hit: PassageHit, termsOf: (text: string) => string[]): boolean {
  if (places.length === 0 || !terms.includes(TIME_TERM)) return true;
  const held = termsOf(readWholeText(hit.passage));
  if (places.some((place) => held.includes(place) || hit.matched.includes(place))) return true;
  const times = hit.passage.text
    .split('\n')
    .flatMap(splitSentences)
    .map((sentence) => sentence.toLowerCase().replaceAll('ё', 'е'))
    .filter((sentence) => STATED_TIME.test(sentence));
  return times.length === 0 || !times.every((sentence) => DISPATCH.test(sentence) && !TRANSIT.test(sentence));
}

/** A passage naming one of the places, or no place at all (see statesAskedCity), may answer of them. */
function statesNamedPlaces(places: readonly string[], hit: PassageHit, termsOf: (text: string) => string[], towns: ReadonlySet<string>): boolean {
  if (places.length === 0) return true;
  const held = termsOf(readWholeText(hit.passage));
  // "по всей России" in the text answers for any city; "## СДЭК по России" over "Москва — 3–4 дня" names the cities it serves.
  return places.some((place) => held.includes(place)) || termsOf(hit.passage.text).includes(NATIONWIDE) || statesAskedCity(places, { passage: hit.passage, matched: [] }, termsOf, towns);
}

/** "в выходные", "без выходных": a day off is a day too. */
const DAY_OFF = 'выходн';
/** "ежедневно", "каждый день", "круглосуточно": every day stated at once. */
const EVERY_DAY = /(?<![а-яё])(?:ежедневн|круглосуточн|кажд(?:ый|ого) дн|без выходных)/u;

function isDay(term: string): boolean {
  return WEEKDAY_TERMS.has(term) || term === DAY_OFF;
}

/**
 * "в воскресенье курьер возит по екб": a day asked is answered by a passage stating days, the one asked or others ("пн–сб"
 * says Sunday is not); one stating no day ("заказ до 15:00 привезём в тот же день") says nothing of it, however well it
 * covers the courier and the city. A price asked for a day ("сколько стоит доставка в выходные?") asks the price: the day
 * is its circumstance.
 */
function statesDays(part: CheckedPart, hit: PassageHit, termsOf: (text: string) => string[]): boolean {
  if (!part.terms.some(isDay) || part.terms.includes(PRICE_TERM) || hit.matched.some(isDay)) return true;
  const text = readWholeText(hit.passage);
  return termsOf(text).some(isDay) || EVERY_DAY.test(text.toLowerCase().replaceAll('ё', 'е'));
}

// "диск тормозной скока весит": attribute words alone are asked of the listing's product in a general document too, which
// must then name it (answer.ts: a price list). The row naming the product must state the attribute: "Двигатели, коробки,
// диски — только через ТК" beside "мелочь весом до 15 кг" gives no disc's weight.
function statesAttribute(part: CheckedPart, hit: PassageHit, termsOf: (text: string) => string[]): boolean {
  const asksAttributes = part.terms.length > 0 && part.terms.every((term) => ATTRIBUTE_TERMS.has(term));
  if (!asksAttributes || part.naming.length === 0 || hit.passage.itemId !== undefined) return true;
  return readSentences(hit.passage, termsOf).some(
    (sentence) => part.terms.some((term) => sentence.terms.includes(term)) && part.naming.some((term) => sentence.terms.includes(term)),
  );
}
