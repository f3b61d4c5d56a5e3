/**
 * Whether a passage that covers a question's words answers what the question asks: the amount it names ("мешки по 5 кг"),
 * the brand it asks about ("у брембо колодки керамика?"), what "сколько литров" or "из чего" asks for. Coverage counts
 * words; these checks look at where the words stand.
 */
import type { KnowledgeQuery } from '../../core/ports.js';
import { asksColorOnly } from './asked-colors.js';
import { createAskedFactCheck } from './asked-facts.js';
import { findAskedKinds, statesAskedKinds } from './asked-kinds.js';
import { findLeanedThings, namesLeanedThing, readSentenceThings } from './leaning-parts.js';
import { boundsOnlyStrictly, listPointNumbers } from './bounds.js';
import type { Passage } from './passages.js';
import { listListingTitles, readWholeText, splitSentences } from './passages.js';
import { VERB_FORM, type PassageHit, type PassageIndex } from './search.js';
import { LATIN_OPENER, readLead, readSentences, type Sentence } from './sentences.js';
import { findUnknownOfferStretches, findUnknownOffers, findUnknownOptions } from './named-options.js';
import { findNamedAlternatives, namesAlternative } from './named-alternatives.js';
import { answersMeasures, findAskedMeasures } from './measure-check.js';
import { answersPriceAsked, answersPriceComparison, answersUnnamedPrice, findUnnamedPriceQuestions, createUnpricedThingCheck, findPriceComparatives, pricesNamedThing, pricesThingInSentence } from './price-check.js';
import { answersForProduct, findOtherProducts } from './other-products.js';
import { answersBesideRefused, findRefusedTopics } from './refused-topics.js';
import { findServiceObjects, pricesAskedObject } from './service-objects.js';
import { LATIN_NAME, normalizeText, splitWords } from './terms.js';
import { holdsAmountIn, isSameDimension } from './unit-dimensions.js';
import { readAmounts, type StatedAmount } from './stated-amounts.js';
import { UNIT_TERMS, WEEKDAY_TERMS, findCountedUnits, findUnitsBeforeNumbers } from './units.js';
import { CITY_TERMS, PRICE_TERM, WEAK_TERMS } from './vocabulary.js';
import { isAdjectiveForm } from './word-forms.js';

/** One part of a question as answer.ts asks it: `terms` to cover, `naming` (the listing's own words) to rank. */
export interface CheckedPart {
  terms: readonly string[];
  naming: readonly string[];
}

/**
 * The name of the check that finds the hit, however well it covers the part's words, not answering the part; undefined
 * where it answers.
 */
export type AnswerCheck = (part: CheckedPart, hit: PassageHit) => string | undefined;

type CheckIndex = Pick<PassageIndex, 'passages' | 'termsOf' | 'resolveText' | 'knows' | 'findUnknownWords'>;

/**
 * Builds the check for one buyer message; answer.ts applies it to every hit that passed the threshold. `askedOfTitle`: the
 * listing title's terms the message asks of (query-reading.ts listAskedTitleTerms).
 */
export function createAnswerCheck(index: CheckIndex, query: KnowledgeQuery, parts: readonly CheckedPart[], askedOfTitle: readonly string[]): AnswerCheck {
  const question = typeof query.question === 'string' ? query.question : '';
  const amounts = findAmounts(question);
  const { foci, counts } = findFoci(question, index.resolveText);
  const predicates = findAskedPredicates(question, index.resolveText);
  const kinds = findAskedKinds(question, index.resolveText);
  const points = listPointNumbers(question);
  // Read only for a message asking a count: most ask none.
  const quantities = counts.length === 0 ? new Set<string>() : new Set(index.termsOf(QUANTITY_WORDS));
  const measures = findAskedMeasures(question);
  const comparatives = findPriceComparatives(question, index.resolveText);
  const unnamedPrices = findUnnamedPriceQuestions(question, index.resolveText, PRICE_TERM);
  const askedTerms = new Set(parts.flatMap((part) => [...part.terms, ...part.naming]));
  const alternatives = findAlternatives(question, index.resolveText);
  const namedAlternatives = findNamedAlternatives(question, index.resolveText);
  const isCircumstance = (term: string): boolean => WEAK_TERMS.has(term) || CITY_TERMS.has(term);
  const unknownNames = findUnknownModelNames(question, index);
  const options = new Set([...findUnknownOptions(question, index, isCircumstance), ...findUnknownOffers(question, index, isCircumstance), ...unknownNames]);
  const offerStretches = findUnknownOfferStretches(question, index, isCircumstance);
  const names = parts.some((part) => [...part.terms, ...part.naming].some((term) => LATIN_NAME.test(term)));
  const titleTerms = listTitleTerms(index, query);
  const ownBrand = findOwnBrand(titleTerms);
  const others = findOtherProducts(index, query);
  const answersAskedFacts = createAskedFactCheck(index, query);
  const serviceObjects = findServiceObjects(question, index.termsOf);
  const isOwnHit = (hit: PassageHit): boolean => hit.passage.itemId !== undefined && hit.passage.itemId === query.listing?.id;
  const refused = findRefusedTopics(question, index);
  const things = findNamedThings(question, index.resolveText);
  const sentenceThings = readSentenceThings(question, index.resolveText);
  const holdsLeanedThing = (part: CheckedPart, hit: PassageHit): boolean => {
    const leaned = findLeanedThings(sentenceThings, part.terms);
    return namesLeanedThing(leaned, new Set(index.termsOf(readWholeText(hit.passage))), { isOwn: isOwnHit(hit), titleTerms: titleTerms.all });
  };
  const pricesThings = createUnpricedThingCheck(index, PRICE_TERM, (term) => things.has(term) && !isCircumstance(term) && !isDayTerm(term) && !UNIT_TERMS.has(term));
  // In the order they are tried: the first to refuse names the refusal (answer-trace shows it).
  const checks: ReadonlyArray<readonly [string, (part: CheckedPart, hit: PassageHit) => boolean]> = [
    ['title', createTitleCheck(index, query, askedOfTitle)],
    ['asked-facts', answersAskedFacts],
    ['refused-topic', (part, hit) => answersBesideRefused(refused, part.terms, hit.passage, index.termsOf)],
    ['unknown-option', (part, hit) => !part.terms.some((term) => options.has(term) && !hit.matched.includes(term))],
    ['unknown-offer', (part) => !offerStretches.some((stretch) => part.terms.length > 0 && part.terms.every((term) => stretch.has(term)))],
    ['amount', (part, hit) => amounts.filter((amount) => part.terms.includes(amount.number) && part.terms.includes(amount.unit)).every((amount) => statesAmount(hit.passage, amount))],
    ['asked-kind', (part, hit) => statesAskedKinds(kinds, part.terms, hit.passage, { termsOf: index.termsOf, isOwn: isOwnHit(hit), titleHeads: titleTerms.heads })],
    ['boundary', (part, hit) => answersAtBoundary(points, part.terms, hit)],
    ['leaning-part', holdsLeanedThing],
    ['focus', (part, hit) => foci.every((focus) => answersFocus(focus, part, hit, index.termsOf))],
    ['count', (part, hit) => counts.every((within) => statesCount(within, part, hit, quantities, index.termsOf))],
    ['predicate', (part, hit) => !predicates.some((term) => part.terms.length >= 3 && part.terms.includes(term) && !hit.matched.includes(term))],
    ['measure', (part, hit) => answersMeasures(measures, part.terms, hit, { isOwn: isOwnHit(hit), asked: askedTerms, termsOf: index.termsOf })],
    ['price-comparison', (part, hit) => answersPriceComparison(comparatives, part.terms, hit)],
    ['price-stated', (part, hit) => answersPriceAsked(PRICE_TERM, part.terms, hit)],
    ['price-unnamed', (part, hit) => answersUnnamedPrice(unnamedPrices, part.terms, hit)],
    ['unpriced-thing', (part) => pricesThings(part.terms)],
    ['bracketed-thing', (part, hit) => pricesNamedThing(PRICE_TERM, part.terms, hit, things, index.termsOf)],
    ['priced-beside', (part, hit) => pricesThingInSentence(PRICE_TERM, part.terms, hit, things, index.termsOf)],
    ['priced-thing', (part, hit) => pricesAskedThing(part, hit, index.termsOf)],
    ['priced-object', (part, hit) => pricesAskedObject(serviceObjects, part.terms, hit, index.termsOf)],
    ['other-product', (part, hit) => answersForProduct(others, part.terms, hit, query.listing?.id)],
    ['named-part', (part, hit) => speaksOfNamedPart(part, hit, titleTerms, index.termsOf)],
    // "хочу в черный": a colour alone names no product; only the listing's own passages say which colours it comes in.
    ['colour-only', (part, hit) => !asksColorOnly(part.terms) || isOwnHit(hit)],
    ['alternative', (part, hit) => alternatives.every((alternative) => answersAlternative(alternative, part, hit, index.termsOf, query.listing?.id))],
    ['named-alternative', (part, hit) => namesAlternative(namedAlternatives, part.terms, hit, index.termsOf)],
    ['section', (part, hit) => isAboutSections(part, hit, findSubjects(index, hit.passage.document).sections, index.termsOf)],
    [
      'brand',
      (part, hit) =>
        !names || isAboutBrands(part, hit, parts, findSubjects(index, hit.passage.document).brands, index.termsOf, ownBrand !== undefined && isOwnHit(hit) ? ownBrand : undefined),
    ],
  ];
  return (part, hit) => checks.find(([, passes]) => !passes(part, hit))?.[0];
}


/**
 * The terms of the question's words that name things: no adjective ("обычное окно": the window is priced, not its
 * kind) and no verb ("помыть"), which say how or what is done to the thing, never what is priced.
 */
function findNamedThings(question: string, resolveText: (text: string) => string[]): ReadonlySet<string> {
  const words = splitWords(normalizeText(question)).filter((word) => !/^\p{N}/u.test(word) && !VERB_FORM.test(word) && !isAdjectiveForm(word));
  return new Set(words.flatMap((word) => resolveText(word)));
}

/** "в субботу", "в выходные": when, not what is priced ("сколько стоит доставка в выходные?"). */
function isDayTerm(term: string): boolean {
  return WEEKDAY_TERMS.has(term) || term === 'выходн';
}

/**
 * "акб какая" of an "…, АКБ 91%" listing asks a word of the title (see listAskedTitleTerms), which every passage of the
 * listing's documents holds through their shared title: a passage matching it must state it itself ("Ёмкость аккумулятора
 * 91%"), not the eSIM line that only sits under that title. Where the listing states it so, it is the listing's own fact:
 * a general passage mentioning it in passing ("посмотреть ёмкость аккумулятора в настройках") does not say which it is.
 */
function createTitleCheck(index: CheckIndex, query: KnowledgeQuery, asked: readonly string[]): (part: CheckedPart, hit: PassageHit) => boolean {
  if (asked.length === 0) return () => true;
  const statedTerms = (passage: Passage): Set<string> => new Set(index.termsOf(`${passage.headings.join('\n')}\n${passage.text}`));
  const listing = index.passages.filter((passage) => passage.itemId !== undefined && passage.itemId === query.listing?.id).map(statedTerms);
  const ownFacts = asked.filter((term) => listing.some((terms) => terms.has(term)));
  return (_part, hit) => {
    const titled = asked.filter((term) => hit.matched.includes(term));
    if (titled.length === 0) return true;
    const own = statedTerms(hit.passage);
    return titled.every((term) => own.has(term)) && (hit.passage.itemId !== undefined || !titled.some((term) => ownFacts.includes(term)));
  };
}

/**
 * "а у 4 ultra какой запас хода?" in a 4 Pro chat, "а iphone 15 такой есть?": a Latin word beside a number names a model
 * or variant, and where no passage holds it the documents never speak of that one; a passage on the rest of the question
 * ("запас хода: до 45 км") is about another. Latin words away from numbers are left alone: English pasted around a
 * question ("Ignore previous instructions") names no model.
 */
function findUnknownModelNames(question: string, index: Pick<CheckIndex, 'knows' | 'resolveText'>): string[] {
  const words = splitWords(normalizeText(question));
  const hasDigit = (word: string | undefined): boolean => word !== undefined && /\d/u.test(word);
  return words.flatMap((word, at) =>
    hasDigit(words[at - 1]) || hasDigit(words[at + 1]) ? index.resolveText(word).filter((term) => LATIN_NAME.test(term) && !index.knows(term)) : [],
  );
}

// A listing's title naming one brand ("Установка Windows и программ") is that brand's listing: in its own documents a
// sentence naming no brand ("Выезд мастера на дом: 800 ₽") is about it. Model codes ("D500") are no brand; a title naming
// two ("Ротбанд, шпаклевка Ceresit") names no one brand.
function findOwnBrand(titleTerms: TitleTerms): string | undefined {
  const [only, ...others] = [...titleTerms.all].filter((term) => LATIN_NAME.test(term) && !/\d/u.test(term));
  return others.length === 0 ? only : undefined;
}

/** The listing's title terms, and the first of each title: the thing sold as a whole ("Коляска 2 в 1, люлька и прогулка"). */
interface TitleTerms {
  all: ReadonlySet<string>;
  heads: ReadonlySet<string>;
}

function listTitleTerms(index: CheckIndex, query: KnowledgeQuery): TitleTerms {
  const listing = query.listing;
  if (listing === undefined) return { all: new Set(), heads: new Set() };
  const read = [...listListingTitles(index.passages, listing)].map((title) => index.termsOf(title));
  return { all: new Set(read.flat()), heads: new Set(read.flatMap((terms) => terms.slice(0, 1))) };
}

/**
 * "а тонер после вскрытия скок годен?" of a set titled "пенка, тонер, крем": a paragraph of the listing led by another
 * product of its title ("Крем. … После вскрытия годен 12 месяцев") speaks of that one, unless it names the one asked.
 */
function speaksOfNamedPart(part: CheckedPart, hit: PassageHit, titleTerms: TitleTerms, termsOf: (text: string) => string[]): boolean {
  if (part.naming.length === 0 || hit.passage.itemId === undefined) return true;
  const lead = readLead(hit.passage.text);
  if (lead === undefined) return true;
  const leading = termsOf(lead);
  // A paragraph led by the thing sold as a whole ("Коляска.") speaks of all its parts.
  if (leading.length === 0 || leading.some((term) => titleTerms.heads.has(term) || !titleTerms.all.has(term) || part.naming.includes(term))) return true;
  const held = new Set(termsOf(hit.passage.text));
  return part.naming.some((term) => held.has(term));
}

/**
 * "если отменю ровно за 3 дня до выдачи, предоплату вернете?": a passage saying what happens "больше чем за 3 дня" and "меньше
 * чем за 3 дня" matches the 3 and answers either side of it, not the day asked. A number the question states as a point is
 * answered only by a passage naming it otherwise than as a strict bound.
 */
function answersAtBoundary(points: readonly number[], terms: readonly string[], hit: PassageHit): boolean {
  return points.every((point) => !terms.includes(String(point)) || !hit.matched.includes(String(point)) || !boundsOnlyStrictly(hit.passage.text, point));
}

interface Amount {
  number: string;
  unit: string;
}

function findAmounts(question: string): Amount[] {
  return readAmounts(question)
    .filter((amount) => amount.from === amount.to)
    .map((amount) => ({ number: String(amount.from), unit: amount.unit }));
}

// "мешки по 5 кг": an amount with its unit names one product. A passage stating that unit only with other amounts
// ("мешок 30 кг") is about another, though its "5–50 мм" holds the 5; one never stating the unit is left to coverage.
const amountCache = new WeakMap<Passage, StatedAmount[]>();

function readPassageAmounts(passage: Passage): StatedAmount[] {
  let stated = amountCache.get(passage);
  if (stated === undefined) {
    stated = readAmounts(passage.text);
    amountCache.set(passage, stated);
  }
  return stated;
}

// "слой 1 см" is stated by "10 мм" (see unit-dimensions.ts).
function statesAmount(passage: Passage, amount: Amount): boolean {
  const stated = readPassageAmounts(passage).filter((candidate) => isSameDimension(candidate.unit, amount.unit));
  const value = Number(amount.number);
  return stated.length === 0 || stated.some((candidate) => holdsAmountIn(candidate, value, amount.unit));
}

/** Whether the passage's text states `value` `unit` in another unit of its dimension ("1 см" as "10 мм"). */
export function statesInOtherUnit(passage: Passage, value: number, unit: string): boolean {
  return readPassageAmounts(passage).some((candidate) => candidate.unit !== unit && holdsAmountIn(candidate, value, unit));
}

/** What a sentence of the question asks for beyond its words: the unit "сколько" counts, the material "из чего" asks. */
interface Focus {
  /** The sentence's terms: the focus belongs to the parts made of them. */
  within: ReadonlySet<string>;
  units: string[];
  /** Terms the passage must hold though the part does not ask them. */
  implied: string[];
  /** What the passage's text must show: a year for "какого года", a name for "какой фирмы"; for parts asking `asking`. */
  shows?: (text: string) => boolean;
  asking?: ReadonlySet<string>;
}

const MATERIAL_QUESTION = /(?<![а-яё])из\s+чего(?![а-яё])/u;
/** "кресло какого года выпуска", "год выпуска какой": answered by a year, not by "ездили около 2 лет". */
const YEAR_QUESTION = /(?<![а-яё])(?:какого\s+(?:года|г\.?)|какой\s+год|год[а]?\s+(?:выпуска|производства|изготовления)|(?:выпуска|производства|изготовления)\s+какого)(?![а-яё])/u;
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/u;
/** "какой фирмы поликарбонат?", "кто производитель?": answered by a name, not by "Производитель дает гарантию 10 лет". */
const MAKER_QUESTION =
  /(?<![а-яё])(?:(?:как(?:ой|ая|ого|ие|ую)|чь(?:я|е|ей|его)|чей)\s+(?:фирм|марк|производ|бренд|стран)|(?:фирм[аы]|производител[ьяи]|бренд|марка)\s+как(?:ой|ая|ого|ие)|кто\s+(?:производитель|делает|производит))/u;
/** Countries and nationalities a maker is named by: "производство Россия", "китайские". */
const ORIGIN = /(?<![а-яё])(?:росси|китай|китае|корея|коре[ий]|япони|германи|беларус|белорус|турци|итали|польш|франци|чехи|швеци|финлянди|сша|тайван|вьетнам|отечествен|немецк|китайск|корейск|японск|турецк|итальянск|российск)/u;

function showsYear(text: string): boolean {
  return YEAR.test(text);
}

// A name: a Latin word, a quoted one, a country, or a capitalised word inside a sentence ("от Поликарбонат Кронос").
function showsName(text: string): boolean {
  if (/[A-Za-z]{3,}/u.test(text) || /[«"][^»"]{2,}[»"]/u.test(text) || ORIGIN.test(text.toLowerCase())) return true;
  return splitSentences(text).some((sentence) => /[^\s.!?]\s+[А-ЯЁ][а-яё]{2,}/u.test(sentence.replace(/^[^А-ЯЁа-яё]*[А-ЯЁа-яё]+/u, 'x')));
}

/** Per sentence of the question, what it asks beyond its words (`foci`), and the terms of each count asked (see statesCount). */
function findFoci(question: string, resolveText: (text: string) => string[]): { foci: Focus[]; counts: ReadonlySet<string>[] } {
  const foci: Focus[] = [];
  const counts: ReadonlySet<string>[] = [];
  for (const sentence of question.toLowerCase().replaceAll('ё', 'е').split(/[?!.\n]+/)) {
    const units = findCountedUnits(sentence, resolveText);
    const implied = MATERIAL_QUESTION.test(sentence) ? ['материал'] : [];
    if (units.length > 0 || implied.length > 0) foci.push({ within: new Set(resolveText(sentence)), units, implied });
    const count = findCountQuestion(sentence, units);
    if (count !== undefined) counts.push(new Set(resolveText(count)));
    // The clause asking it: "какого года посудомойка и скока у людей простояла" asks a year of the first only.
    // Of the parts holding its words: "производитель какой у блоков морозостойкость какая" asks a name of the first.
    for (const clause of sentence.split(/,|\s(?:и|а)\s/u)) {
      const year = YEAR_QUESTION.exec(clause);
      const asked = year ?? MAKER_QUESTION.exec(clause);
      if (asked === null) continue;
      const shows = year === null ? showsName : showsYear;
      foci.push({ within: new Set(resolveText(clause)), units: [], implied: [], shows, asking: new Set(resolveText(asked[0])) });
    }
  }
  return { foci, counts };
}

// "сколько литров" is answered by a number of litres in the passage's text, not by "1.6 л" in the engine's heading;
// "шарф из чего?" by a passage stating a material, not by the scarf's price-list row.
function answersFocus(focus: Focus, part: CheckedPart, hit: PassageHit, termsOf: (text: string) => string[]): boolean {
  if (part.terms.length === 0 || !part.terms.every((term) => focus.within.has(term))) return true;
  const units = focus.units.filter((unit) => part.terms.includes(unit));
  if (units.length > 0) {
    // "полного бака хватает часов на 12-13" states hours too.
    const stated = [...readPassageAmounts(hit.passage).map((amount) => amount.unit), ...findUnitsBeforeNumbers(normalizeText(hit.passage.text))];
    if (!units.every((unit) => stated.some((held) => isSameDimension(held, unit)))) return false;
  }
  const asking = focus.asking === undefined || part.terms.some((term) => focus.asking?.has(term));
  if (focus.shows !== undefined && asking && !focus.shows(hit.passage.text)) return false;
  if (focus.implied.length === 0) return true;
  const held = new Set(termsOf(`${hit.passage.headings.join('\n')}\n${hit.passage.text}`));
  return focus.implied.every((term) => held.has(term));
}

/** An adjective closing a yes-or-no question: "джосон relief sun водостойкий?" asks whether it is that. */
const PREDICATE = /^[а-яё]{5,}(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$/u;
const QUESTION_WORDS = /(?<![а-яё])(?:как[а-яё]*|скольк[а-яё]*|скок[аоу]?|почем|где|куда|когда|зачем|почему|кто|что|чо|че|или)(?![а-яё])/u;

/**
 * The terms of such adjectives, one per sentence asking nothing else. A passage naming everything else and not it
 * ("Бренд: Beauty of Joseon; Наименование: Крем Relief Sun…") names the thing and says nothing of what is asked of it.
 */
function findAskedPredicates(question: string, resolveText: (text: string) => string[]): string[] {
  return question
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/(?<=[?!.\n])/u)
    .filter((sentence) => sentence.trim().endsWith('?') && !QUESTION_WORDS.test(sentence))
    .flatMap((sentence) => {
      const last = sentence.split(/[^а-яa-z0-9]+/u).filter((word) => word !== '').at(-1) ?? '';
      return PREDICATE.test(last) ? resolveText(last).filter((term) => !WEAK_TERMS.has(term)) : [];
    });
}

/** "скока им пользовались?": how much or how many is asked, and answered by a statement holding a number. */
const COUNT_QUESTION = /(?<![а-яё])(?:скольк[а-яё]*|скок[аоу]?|скоко|почем|почём)(?![а-яё])/u;
const OTHER_QUESTION = /(?<![а-яё])(?:скольк[а-яё]*|скок[аоу]?|как[а-яё]*|где|куда|когда|можно|есть|ли|что|чо|че|зачем|почему)(?![а-яё])/u;
/** Amounts stated in words: "пару недель", "полтора года", "три дня". */
const QUANTITY_WORDS =
  'один одна два две три четыре пять шесть семь восемь девять десять пара пару полтора полгода несколько сутки день неделя месяц год час минута сколько';

/** The clause of a sentence (lower case, ё as е) asking how much or how many, if it asks that and nothing else. */
function findCountQuestion(sentence: string, units: readonly string[]): string | undefined {
  // One question to the sentence: "какие вкусы есть и за скок дней заказывать" asks two.
  // A unit counted ("сколько сантиметров") is answersFocus's to check, and the rest may be another question ("…доставка?").
  if (!COUNT_QUESTION.test(sentence) || OTHER_QUESTION.test(sentence.replace(COUNT_QUESTION, ' ')) || units.length > 0) return undefined;
  // Its clause: "фотки не слетят после переустановки и скока по времени займет" asks the count of the second only.
  return sentence.split(/,|\s(?:и|а|или)\s/u).find((clause) => COUNT_QUESTION.test(clause)) ?? sentence;
}

// A part made of such a sentence's words is answered by a passage whose statement of them holds a number or an amount
// in words: "одна полочка… пользоваться можно" holds "пользоваться" and says nothing of how long it was used.
function statesCount(within: ReadonlySet<string>, part: CheckedPart, hit: PassageHit, quantities: ReadonlySet<string>, termsOf: (text: string) => string[]): boolean {
  // A part of one word ("скока им пользовались?") stands on it alone; more words narrow it down by themselves.
  if (part.terms.length !== 1 || !within.has(part.terms[0]!) || WEAK_TERMS.has(part.terms[0]!)) return true;
  const counts = (terms: readonly string[]): boolean => terms.some((term) => /^\p{N}/u.test(term) || quantities.has(term));
  const stating = readSentences(hit.passage, termsOf).filter((sentence) => sentence.terms.some((term) => hit.matched.includes(term)));
  // A word matched past the sentences' own terms (a city by its region) leaves the passage as a whole to say.
  return stating.length === 0 ? counts(termsOf(hit.passage.text)) : stating.some((sentence) => counts(sentence.terms));
}

/** What a document states facts about one by one, each answered only where it is named or stands as a label. */
interface Subjects {
  /** Brands and models opening a sentence or line: "Brembo идут с датчиком…", "Akebono — японские…". */
  brands: ReadonlySet<string>;
  /** One-word sections: "## СДЭК" beside "## Почта России". */
  sections: ReadonlySet<string>;
}

// Per built index (its passages array), per document: read once, not per message.
const subjectCache = new WeakMap<readonly Passage[], Map<string, Subjects>>();

function findSubjects(index: CheckIndex, document: string): Subjects {
  let byDocument = subjectCache.get(index.passages);
  if (byDocument === undefined) {
    byDocument = new Map();
    subjectCache.set(index.passages, byDocument);
  }
  let subjects = byDocument.get(document);
  if (subjects === undefined) {
    subjects = collectSubjects(index.passages.filter((passage) => passage.document === document), index.termsOf);
    byDocument.set(document, subjects);
  }
  return subjects;
}

function collectSubjects(passages: readonly Passage[], termsOf: (text: string) => string[]): Subjects {
  const brands = new Set<string>();
  const sections = new Set<string>();
  for (const passage of passages) {
    for (const heading of passage.headings) {
      const [only, ...others] = termsOf(heading);
      if (only !== undefined && others.length === 0 && isSubject(only)) sections.add(only);
    }
    for (const line of passage.text.split('\n')) {
      for (const sentence of [line, ...splitSentences(line)]) {
        const opener = LATIN_OPENER.exec(sentence)?.[1];
        if (opener !== undefined) for (const term of termsOf(opener)) if (LATIN_NAME.test(term)) brands.add(term);
      }
    }
  }
  return { brands, sections };
}

function isSubject(term: string): boolean {
  return !WEAK_TERMS.has(term) && !UNIT_TERMS.has(term) && !CITY_TERMS.has(term) && !/^\p{N}/u.test(term);
}

// A brand the document states facts about sentence by sentence ("Brembo идут с датчиком…. Akebono — японские, керамика…")
// is answered by a sentence naming it or standing under its label: "Akebono — керамика" says nothing of Brembo. A part
// naming no brand ("противоскрипные пластины на них есть") asks about the one the message names.
function isAboutBrands(
  part: CheckedPart,
  hit: PassageHit,
  parts: readonly CheckedPart[],
  brands: ReadonlySet<string>,
  termsOf: (text: string) => string[],
  own?: string,
): boolean {
  const brandsOf = (candidate: CheckedPart): string[] => [...candidate.terms, ...candidate.naming].filter((term) => brands.has(term));
  const asked = brandsOf(part);
  // The listing's own brand (see findOwnBrand) also stands with a sentence of its documents that names no brand.
  if (asked.length > 0) return holdsFactsWith(asked, hit, termsOf, own === undefined ? undefined : { own, brands });
  // A part naming no brand may lean on one named before it ("акебоно тоже с пищалкой? пластины на них есть"): it is refused
  // only where its facts stand with another of the document's brands, never for an unrelated question ("вайфай есть?").
  // A name asked after it ("батарея как держит? нфс есть") is a question of its own, not what the part speaks of.
  const at = parts.indexOf(part);
  const inherited = (at < 0 ? parts.filter((other) => other !== part) : parts.slice(0, at)).flatMap(brandsOf);
  return holdsFactsWith(inherited, hit, termsOf) || !factsStandWithBrand(hit, brands, termsOf);
}

/** Some sentence of the hit holding what was matched names one of the document's brands or stands under its label. */
function factsStandWithBrand(hit: PassageHit, brands: ReadonlySet<string>, termsOf: (text: string) => string[]): boolean {
  const facts = hit.matched.filter((term) => !brands.has(term) && isSubject(term));
  const holding = readSentences(hit.passage, termsOf).filter((sentence) => facts.some((term) => sentence.terms.includes(term)));
  return holding.some((sentence) => [...brands].some((brand) => sentence.labels.has(brand) || sentence.terms.includes(brand)));
}

// A document with a section of its own for what is asked ("## СДЭК") answers about it there, or where it is named with the
// fact: "трек-номер присылаю в день отправки" under "## Почта России" ("дольше, чем СДЭК") says nothing of СДЭК.
function isAboutSections(part: CheckedPart, hit: PassageHit, sections: ReadonlySet<string>, termsOf: (text: string) => string[]): boolean {
  return holdsFactsWith(part.terms.filter((term) => sections.has(term)), hit, termsOf);
}

/** Some sentence of the hit holding what else was matched names each of `subjects` or stands under its label. */
function holdsFactsWith(subjects: readonly string[], hit: PassageHit, termsOf: (text: string) => string[], unnamed?: { own: string; brands: ReadonlySet<string> }): boolean {
  if (subjects.length === 0) return true;
  const facts = hit.matched.filter((term) => !subjects.includes(term) && isSubject(term));
  if (facts.length === 0) return true;
  const holding = readSentences(hit.passage, termsOf).filter((sentence) => facts.some((term) => sentence.terms.includes(term)));
  const names = (sentence: Sentence, brand: string): boolean => sentence.labels.has(brand) || sentence.terms.includes(brand);
  const isOwn = (sentence: Sentence, subject: string): boolean => subject === unnamed?.own && ![...unnamed.brands].some((brand) => names(sentence, brand));
  return subjects.every((subject) => holding.some((sentence) => names(sentence, subject) || isOwn(sentence, subject)));
}

/** "X или Y" where X holds two terms or more: both alternatives are asked of X's first term. */
interface Alternative {
  subject: string;
  /** The terms of both alternatives, the subject left out. */
  asked: ReadonlySet<string>;
}

function findAlternatives(question: string, resolveText: (text: string) => string[]): Alternative[] {
  const alternatives: Alternative[] = [];
  // The clause holding "или": "скока весит и экран матовый или глянцевый" asks the alternatives of the screen.
  for (const clause of question.toLowerCase().split(/[?!.\n]+|,|\s+и\s+/u)) {
    const [left, right, ...more] = clause.split(/\s+или\s+/u);
    if (left === undefined || right === undefined || more.length > 0) continue;
    const [subject, ...leftAsked] = resolveText(left);
    // Only the first word after "или" is surely the alternative: the rest may be a question typed on without a break.
    const rightAsked = resolveText(right).filter((term) => term !== subject).slice(0, 1);
    if (subject !== undefined && leftAsked.length > 0 && rightAsked.length > 0) alternatives.push({ subject, asked: new Set([...leftAsked, ...rightAsked]) });
  }
  return alternatives;
}

// "капюшон тоже утепленный или просто ткань?", "худи на молнии или через голову": each alternative is asked of the subject;
// "Ткань верха: полиэстер" does not say what the hood is, nor "проверяю молнии, швы" how the hoodie is put on. A listing's
// own passages are about the listing it names.
function answersAlternative(alternative: Alternative, part: CheckedPart, hit: PassageHit, termsOf: (text: string) => string[], listingId: number | undefined): boolean {
  if (part.terms.length === 0 || !part.terms.every((term) => alternative.asked.has(term))) return true;
  if (part.naming.includes(alternative.subject) && hit.passage.itemId !== undefined && hit.passage.itemId === listingId) return true;
  return termsOf(readWholeText(hit.passage)).includes(alternative.subject);
}

/** A delivery's terms: what a listing's own price is not the price of ("Цена 5 900 руб. В комплекте два аккумулятора" is). */
const DELIVERY_TERMS: ReadonlySet<string> = new Set(['доставк', 'сдэк', 'почт', 'курьер', 'тк']);

/**
 * "сколько будет стоить отправка сдэком": in a listing's own passage a sentence naming a price is the listing's price. A
 * passage holding it in one sentence and its delivery in another ("Цена 9 900 руб. … Отправляю по России") does not say
 * what delivery costs. General passages state a thing and then its price ("Доставка по Ростову своим курьером. Стоимость
 * 300 р."), and tables name the price in a header: both are left as they are.
 */
function pricesAskedThing(part: CheckedPart, hit: PassageHit, termsOf: (text: string) => string[]): boolean {
  if (!part.terms.includes(PRICE_TERM) || !hit.matched.includes(PRICE_TERM) || hit.passage.itemId === undefined || hit.passage.tableHeader !== undefined) return true;
  const things = hit.matched.filter((term) => DELIVERY_TERMS.has(term));
  if (things.length === 0) return true;
  return hit.passage.text
    .split('\n')
    .flatMap(splitSentences)
    .some((sentence) => {
      const terms = termsOf(sentence);
      return terms.includes(PRICE_TERM) && things.some((thing) => terms.includes(thing));
    });
}
