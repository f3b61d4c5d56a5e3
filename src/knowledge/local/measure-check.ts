/**
 * A measure asked by its name or verb ("диск скока весит") is answered only by a passage stating an amount of it: a price
 * row naming the disc and no weight does not say what it weighs, however well it covers "диск тормозной".
 */
import { isLengthName, isMeasureTerm, listMeasures, nameMeasure } from './measures.js';
import type { Passage } from './passages.js';
import { splitSentences } from './passages.js';
import type { PassageHit } from './search.js';
import { VERB_FORM } from './search.js';
import { listSameDimension } from './unit-dimensions.js';
import { UNIT_TERMS } from './units.js';
import { isHowMuch, listTermSequence, normalizeText, splitWords, termOf, tokenizeWords } from './terms.js';
import { WEAK_TERMS } from './vocabulary.js';

/** A measure the question asks for: the part holding `term` needs a passage stating an amount counted in `counted`. */
export interface AskedMeasure {
  term: string;
  counted: ReadonlySet<string>;
  /** A count of things ("сколько ударов"), stated by a number before the noun or after it as a line's label ("Ядер: 6"). */
  noun?: boolean;
  /** The message's other words name what is measured, not another question (measures.ts). */
  ofNamed?: boolean;
  /** A length's name ("длина", "толщина"): held by any length amount (unit-dimensions.ts), so that amount must be of it. */
  length?: boolean;
}

/** One statement of a passage (a sentence, or a ";"-separated field of it): what its amounts count, its terms, its label. */
interface CountedStatement {
  counted: ReadonlySet<string>;
  /** The whole sentence's terms. */
  terms: ReadonlySet<string>;
  /** The noun a field opens with and gives a number of ("Ядер: 6", "Количество ударов — 4800"). */
  valued?: string;
  /** Terms a number counts, in digits or in words ("восемь режимов"): stop words are not skipped here. */
  nouns: ReadonlySet<string>;
  /** Whether it states a number: then its label's nouns are given one ("Частота ударов: 4500 уд/мин"). */
  numbered: boolean;
  /** "Контейнер для зёрен: 250 г": the amount is the container's, not the listing's weight. */
  label: readonly string[];
  /** What its amounts measure: the label, or the name a list's item opens with ("нагреватель 100 Вт"). */
  owner: readonly string[];
  /** An item of a labelled list: its name measures only what the part itself asks about. */
  listed?: boolean;
  /** The terms amounts count other than a period's length ("гарантия 30 дней"), and the periods stated. */
  timed: ReadonlySet<string>;
  periods: ReadonlySet<string>;
  /** The terms amounts count other than a load's limit ("нагрузка до 22 кг"), and whether a limit is stated. */
  unlimited: ReadonlySet<string>;
  limited: boolean;
}

const NUMBER = /^\p{N}/u;
/** "Вес: 14,1 кг", "• Контейнер для зёрен: 250 г". */
const LABEL = /^(?:[•–-]\s*|\d{1,3}[.)]\s*)?([^:]{1,40}?)\s*:/u;
/** "зависит от веса", "по весу не пройдёт": the measure's word after a preposition names it, it does not ask its amount. */
const PREPOSITIONS: ReadonlySet<string> = new Set(['от', 'по', 'до', 'из', 'для', 'без', 'с', 'со', 'к', 'при', 'в', 'во', 'на', 'о', 'об', 'про']);
/**
 * "сколько ударов", "со скольки покупок", "скока положений": a noun in the genitive plural after "сколько" asks how many of
 * it. Read by its ending: "-ов/-ев/-ей", "-ений/-аний" ("положений", not "синий"); a consonant ending is as often a
 * nominative ("скока торт").
 */
const COUNTED_NOUN = /^[а-я]{3,}(?:ов|ев|ей|[еа]ний)$/u;
/** "Количество ядер: 6": the word naming the count before the counted noun. */
const QUANTITY_LABELS: ReadonlySet<string> = new Set(['количеств', 'кол', 'числ']);
/** "в течение часа": the unit after it is one. */
const ONE_OF = 'течен';
/**
 * Periods a shop grants, whose length is no time anything takes: "На работу шиномонтажа гарантия 30 дней" does not say
 * how long fitting takes, "возврат в течение 7 дней" not how long an engine is fitted.
 */
const PERIODS: ReadonlySet<string> = new Set(['гарантия', 'возврат', 'обмен', 'хранение', 'резерв'].flatMap((word) => termOf(word) ?? []));
/** How far before its number a period's word owns the amount: "гарантия магазина 6 мес.". */
const PERIOD_REACH = 2;
/**
 * A load a thing bears, whose amount is no weight of the thing: "Прогулочный блок … нагрузка до 22 кг" does not say what
 * the chassis weighs. The index reads "выдерживает", "грузоподъёмность" as the same term.
 */
const LIMITS: ReadonlySet<string> = new Set(['нагрузка'].flatMap((word) => termOf(word) ?? []));
/**
 * "до 670 кг на колесо", "до 120 кг на место": an upper bound spread over each of something is a load each one bears, not
 * what the thing weighs, whatever the line's label ("Индексы — 94T XL").
 */
const LOAD_EACH = /(?<![а-яё])до\s+\d[\d\s.,]*?\s*([а-яё]+)\.?\s+на\s+[а-яё]+/giu;
/**
 * "сколько весит пара ботинок": a word counting the measured thing asks nothing else, so a row of "Носки термо, 3 пары"
 * answers no other question of the part and must state the weight itself.
 */
/**
 * "Автолюлька группы 0+ (до 13 кг)", "мелочь до 15 кг": a weight given only as an upper bound is what a thing takes or
 * carries, not what it weighs; a thing's own weight is stated as an amount ("Вес шасси 13,6 кг").
 */
const UPPER_WEIGHT = /(?<![а-яё])до\s+\d[\d\s.,]*?\s*([а-яё]+)/giu;
const WEIGHT = 'вес';

const COUNTING_TERMS: ReadonlySet<string> = new Set(['пара', 'штука'].flatMap((word) => termOf(word) ?? []));

/** The measures the question asks for by a word, leaving out those it states an amount of itself ("мешки по 5 кг"). */
export function findAskedMeasures(question: string): AskedMeasure[] {
  const words = splitWords(normalizeText(question));
  const terms = words.map((word) => termOf(word));
  const stated = listStated(words, terms, listCounted(listTermSequence(question)));
  const measures = listMeasures().flatMap((rule) => {
    const counted = new Set([...rule.units, ...(rule.counted ?? [])]);
    const asked =
      rule.askers === undefined
        ? terms.some((term, at) => term === rule.term && !PREPOSITIONS.has(words[at - 1] ?? ''))
        : words.some((word, at) => rule.askers?.includes(word) || (isHowMuch(word) && counted.has(terms[at + 1] ?? '')));
    return asked && ![...counted].some((term) => stated.has(term)) ? [{ term: rule.term, counted, ...(rule.ofNamed === true ? { ofNamed: true } : {}) }] : [];
  });
  const lengths = [...new Set(terms.filter((term, at) => term !== undefined && isLengthName(term) && !PREPOSITIONS.has(words[at - 1] ?? '')))];
  return [...measures, ...findCountedNouns(words, terms, stated, measures), ...lengths.map((term) => ({ term: term ?? '', counted: LENGTH_UNITS, length: true }))];
}

/** The units a length is stated in (kilometres are a distance: see unit-dimensions.ts). */
const LENGTH_UNITS: ReadonlySet<string> = new Set(['мм', ...listSameDimension('мм')]);

// "шиномонтаж 4 колеса по времени": the term sequence drops "по", so "4" seems to count "времени" after "колеса". What the
// buyer counts himself is counted by a number among the words he typed; a unit glued to its number ("5кг") is no word.
function listStated(words: readonly string[], terms: ReadonlyArray<string | undefined>, counted: ReadonlySet<string>): Set<string> {
  const counts = (at: number): boolean => NUMBER.test(words[at] ?? '') || terms[at] === ONE_OF;
  return new Set(
    [...counted].filter((term) => {
      const places = terms.flatMap((read, at) => (read === term ? [at] : []));
      return places.length === 0 || places.some((at) => counts(at - 1) || (counts(at - 2) && !NUMBER.test(words[at - 1] ?? '')));
    }),
  );
}

// A measure's own word or unit is the measure's to check; a verb ("скока стоит") or a word the buyer counts himself is no noun.
function findCountedNouns(words: readonly string[], terms: ReadonlyArray<string | undefined>, stated: ReadonlySet<string>, measures: readonly AskedMeasure[]): AskedMeasure[] {
  const known = new Set(measures.flatMap((measure) => [measure.term, ...measure.counted]));
  return words.flatMap((word, at) => {
    const term = terms[at + 1];
    const noun = words[at + 1] ?? '';
    if (!isHowMuch(word) || term === undefined || !COUNTED_NOUN.test(noun) || VERB_FORM.test(noun)) return [];
    if (UNIT_TERMS.has(term) || isMeasureTerm(term) || known.has(term) || stated.has(term) || WEAK_TERMS.has(term)) return [];
    return [{ term, counted: new Set([term]), noun: true }];
  });
}

/**
 * False when the passage leaves a measure the part asks unstated: it holds the measure's word but no amount of it
 * ("не проходят по весу"), or it holds nothing else the part asks (a listing's price row for "скока весит один"). A
 * passage answering something else ("ток пусковой какой и весит скока": "Пусковой ток: 540 А") passes: the measure is
 * asked again alone (answer.ts), unless the measure is a time, asked of what the message names ("сдэк до барнаула скока
 * дней": "Для СДЭК … предоплата 100%" says no time). So "диск тормозной скока весит" with no listing is still answered by a
 * row naming the disc.
 * Outside the listing's own documents the amount must stand with at least half of what else the passage matched ("диски …
 * весом до 15 кг" is a parcel's limit, not the disc's weight); a listing's documents are all about the listing.
 */
export function answersMeasures(
  measures: readonly AskedMeasure[],
  terms: readonly string[],
  hit: Pick<PassageHit, 'passage' | 'matched'>,
  { isOwn, asked: message, termsOf }: { isOwn: boolean; asked: ReadonlySet<string>; termsOf: (text: string) => string[] },
): boolean {
  const isMeasure = (term: string): boolean => measures.some((measure) => measure.term === term);
  if (!measures.every((measure) => measure.length !== true || !terms.includes(measure.term) || statesLength(measure.term, terms, hit, termsOf))) return false;
  const asked = measures.filter((measure) => measure.length !== true && terms.includes(measure.term));
  // What the passage's title or headings name is its subject, not another question: "сколько весит худи" is not answered by
  // "длина худи 70 см" under "# Худи".
  const subject = new Set(termsOf([hit.passage.title, ...hit.passage.headings].join('\n')));
  const answersOther = hit.matched.some(
    (term) => terms.includes(term) && !WEAK_TERMS.has(term) && !COUNTING_TERMS.has(term) && !isMeasure(term) && !subject.has(term),
  );
  const claimed = answersOther ? asked.filter((measure) => measure.ofNamed === true || hit.matched.includes(measure.term)) : asked;
  if (claimed.length === 0) return true;
  // What the passage's headings or its document's title name stands over every sentence ("Доставка" › "сроки в пути: … 1-2 дня"),
  // and so does the topic a paragraph opens with ("Ремонт лодок ПВХ — вклейка заплаток… Срок обычно 2-5 дней.").
  const shared = isOwn ? new Set<string>() : new Set(termsOf([hit.passage.title, ...hit.passage.headings, readTopic(hit.passage.text)].join('\n')));
  const named = isOwn ? [] : hit.matched.filter((term) => !isMeasure(term) && !WEAK_TERMS.has(term) && !shared.has(term));
  const statements = readStatements(hit.passage, termsOf).filter((statement) => 2 * named.filter((term) => statement.terms.has(term)).length >= named.length);
  // A labelled amount measures what its label names: the measure itself, or something the message asks about.
  const isOf = (statement: CountedStatement, measure: AskedMeasure): boolean =>
    statement.listed === true
      ? namesEvery(statement.owner, terms.filter((term) => !isMeasure(term) && !UNIT_TERMS.has(term) && !WEAK_TERMS.has(term) && !/^\p{N}/u.test(term)))
      : statement.owner.length === 0 || statement.owner.some((term) => term === measure.term || message.has(term));
  // A number before the noun counts it whatever the line's label ("вместимость: 10 комплектов").
  const states = (statement: CountedStatement, measure: AskedMeasure): boolean =>
    measure.noun === true
      ? statement.nouns.has(measure.term) || statement.counted.has(measure.term) || statement.valued === measure.term || (statement.label.includes(measure.term) && statement.numbered)
      : isOf(statement, measure) && [measure.term, ...measure.counted].some((term) => statesTime(statement, measure, term, message));
  return claimed.every((measure) => statements.some((statement) => states(statement, measure)));
}

/** "Ремонт лодок ПВХ — вклейка заплаток от 800 р.": a few words and a dash opening a paragraph name what it is about. */
const TOPIC = /^([^—–:.,;\n]{3,40}?)\s+[—–]\s/u;

function readTopic(text: string): string {
  return TOPIC.exec(text)?.[1] ?? '';
}

// "сколько весит аквариум с грунтом": an item's amount ("грунт кварцевый 5 кг") measures the part's thing only where the
// item names all the part asks about.
function namesEvery(owner: readonly string[], things: readonly string[]): boolean {
  return things.length > 0 && things.every((thing) => owner.includes(thing));
}

/**
 * A length asked ("какая длина мензуры", "кабель у датчика длинный?") of a passage not naming it: answered by a statement
 * with an amount in a length unit that names every other thing the part asks ("Мензура — 634 мм", "кабель 5 метров") and
 * no length of another name ("Ширина грифа — 43 мм" says no length; "81 × 36 × 42 см (длина × ширина × высота)" names
 * them all). A part asking the length alone ("длина какая?") is not answered by a bare amount of some other thing.
 */
function statesLength(name: string, terms: readonly string[], hit: Pick<PassageHit, 'passage'>, termsOf: (text: string) => string[]): boolean {
  // What the headings name stands over every statement ("Комплект" › "Кабель 3 метра").
  const headed = new Set(termsOf(hit.passage.headings.join('\n')));
  const things = terms.filter((term) => !isLengthName(term) && !UNIT_TERMS.has(term) && !WEAK_TERMS.has(term) && !NUMBER.test(term) && !headed.has(term));
  return readStatements(hit.passage, termsOf).some(
    (statement) =>
      statement.terms.has(name) ||
      (things.length > 0 &&
        [...LENGTH_UNITS].some((unit) => statement.counted.has(unit)) &&
        ![...statement.terms].some(isLengthName) &&
        things.every((thing) => statement.terms.has(thing))),
  );
}

// Passages are fixed once indexed (each in one index): their statements' amounts are read once.
const statementCache = new WeakMap<Passage, CountedStatement[]>();

/** What a statement is read with besides its amounts. */
type StatementFrame = Pick<CountedStatement, 'terms' | 'label' | 'owner' | 'listed' | 'valued' | 'nouns'>;

function readStatement(field: string, frame: StatementFrame): CountedStatement {
  const sequence = listTermSequence(field);
  const counted = new Set([...listCounted(sequence), ...listValuedMeasures(sequence)]);
  const periods = listAmountOwners(sequence, PERIODS);
  const timed = periods.size === 0 ? counted : new Set([...listCounted(sequence, PERIODS), ...listValuedMeasures(sequence)]);
  const unloaded = cutUpperWeights(cutLoadsEach(field) ?? field, field);
  const bare = unloaded === undefined ? sequence : listTermSequence(unloaded);
  const limited = unloaded !== undefined || listAmountOwners(sequence, LIMITS).size > 0;
  const unlimited = limited ? new Set([...listCounted(bare, LIMITS), ...listValuedMeasures(bare)]) : counted;
  return { ...frame, counted, timed, periods, unlimited, limited, numbered: sequence.some((term) => NUMBER.test(term)) };
}

// Terms as the index reads them (a brand's Cyrillic spelling as its Latin one), counted units in order.
function readStatements(passage: Passage, termsOf: (text: string) => string[]): CountedStatement[] {
  let statements = statementCache.get(passage);
  if (statements === undefined) {
    statements = passage.text
      .split('\n')
      .flatMap(splitSentences)
      .flatMap((sentence) => {
        const fields = sentence.split(/;\s*/u);
        // "Марка: VW; Цена: 55 000" is one record, its fields about what it names; "Коротко: СДЭК, Почта; обмен 14 дней"
        // joins statements about different things, each standing alone.
        const isRecord = fields.every((field) => LABEL.test(field));
        const whole = new Set(termsOf(sentence));
        return fields.flatMap((field) => {
          const label = termsOf(LABEL.exec(field)?.[1] ?? '');
          const terms = isRecord ? whole : new Set(termsOf(field));
          const statement = readStatement(field, { terms, label, owner: label, valued: readValuedNoun(listTermSequence(field)), nouns: listNumberedNouns(field) });
          // An item's name is no label and counts nothing: "стирка 30 °C" of "Уход: …" gives no number of washes.
          const items = listLabelledItems(field).map(({ text, name }) => readStatement(text, { terms, label: [], owner: termsOf(name), listed: true, nouns: new Set<string>() }));
          return [statement, ...items];
        });
      });
    statementCache.set(passage, statements);
  }
  return statements;
}

/** Cardinals written out, which the term reader drops as stop words. */
const CARDINAL = /^(?:од(?:ин|на|но)|дв[аеу]|три|четыре|пять|шесть|семь|восемь|девять|десять|[а-я]+надцать|двадцать|тридцать|сорок|пятьдесят|сто)$/u;

// "восемь режимов", "6 ядер / 12 потоков", "на 10 комплектов": the word right after a number, or after a number and one word.
function listNumberedNouns(text: string): Set<string> {
  const words = tokenizeWords(normalizeText(text));
  const counts = (word: string | undefined): boolean => word !== undefined && (NUMBER.test(word) || CARDINAL.test(word));
  const nouns = new Set<string>();
  words.forEach((word, at) => {
    const term = counts(word) ? undefined : termOf(word);
    if (term !== undefined && (counts(words[at - 1]) || (counts(words[at - 2]) && !counts(words[at - 1])))) nouns.add(term);
  });
  return nouns;
}

function readValuedNoun(sequence: readonly string[]): string | undefined {
  const at = QUANTITY_LABELS.has(sequence[0] ?? '') ? 1 : 0;
  const noun = sequence[at];
  return noun !== undefined && !NUMBER.test(noun) && (NUMBER.test(sequence[at + 1] ?? '') || NUMBER.test(sequence[at + 2] ?? '')) ? noun : undefined;
}

/** Items of a labelled list: ", " between words, not the decimal comma of "14,1 кг". */
const LIST_ITEM_BREAK = /,\s+/u;
/** The words an item opens with before its first amount: "нагреватель" of "нагреватель 100 Вт с терморегулятором". */
const ITEM_NAME = /^((?:[^\s\d]+\s+){1,3})\d/u;
/** Fewer items are as often a sentence's clauses ("Бронь: отложим на 2 дня, дольше — с предоплатой"). */
const MIN_LIST_ITEMS = 3;

/**
 * "комплектация: аквариум 100 л, крышка со светильником 12 Вт, нагреватель 100 Вт": a label over a list names the list,
 * and each item's amount measures what the item names. Read as one field, the label ("комплектация") owned
 * every amount and the heater's 100 Вт answered no "обогреватель какой мощности". The items stand beside the whole field.
 */
function listLabelledItems(field: string): Array<{ text: string; name: string }> {
  const label = LABEL.exec(field);
  const items = label === null ? [] : field.slice(label[0].length).split(LIST_ITEM_BREAK);
  if (label === null || items.length < MIN_LIST_ITEMS) return [];
  const named = items.map((text) => ({ text, name: ITEM_NAME.exec(text.trim())?.[1] ?? '' }));
  // A list of things and their amounts, not a sentence's clauses ("Самовывоз: напишите заранее, заказ соберём за 30 минут").
  if (2 * named.filter((item) => item.name !== '').length < items.length) return [];
  // The label stays before each item: "Гарантия: 6 мес, …" is a period granted, "Нагрузка: до 22 кг, …" a load borne.
  return named.map(({ text, name }) => ({ text: `${label[0]} ${text}`, name }));
}

const MEASURE_TERMS: ReadonlySet<string> = new Set(listMeasures().map((rule) => rule.term));

/** A measure named with its value after it ("Ёмкость аккумулятора 91%", "вес — 14"): stated, whatever the unit. */
function listValuedMeasures(sequence: readonly string[]): string[] {
  return sequence.filter((term, at) => MEASURE_TERMS.has(term) && (NUMBER.test(sequence[at + 1] ?? '') || NUMBER.test(sequence[at + 2] ?? '')));
}

/**
 * The terms a number counts, right after it or after one word ("14.1 кг" → кг, "1-2 рабочих дней" → срок), and a unit
 * counted as one ("в течение часа"). With `owners`, numbers one of their words owns (a period, a load) count nothing.
 */
function listCounted(sequence: readonly string[], owners?: ReadonlySet<string>): Set<string> {
  const counts = (at: number): boolean => (NUMBER.test(sequence[at] ?? '') || sequence[at] === ONE_OF) && !(owners !== undefined && isOwnedAmount(sequence, at, owners));
  return new Set(sequence.filter((term, at) => !NUMBER.test(term) && (counts(at - 1) || (counts(at - 2) && !NUMBER.test(sequence[at - 1] ?? '')))));
}

// The field without its loads borne each ("Полка, вес 4,5 кг, до 40 кг на полку" → "Полка, вес 4,5 кг,"), if it holds one.
function cutLoadsEach(field: string): string | undefined {
  let cut = false;
  const rest = field.replace(LOAD_EACH, (load: string, unit: string) => {
    const term = termOf(unit.toLowerCase());
    if (term === undefined || nameMeasure(term) === undefined) return load;
    cut = true;
    return ' ';
  });
  return cut ? rest : undefined;
}

// The field without its upper bounds in a weight unit, or undefined where it holds none (see UPPER_WEIGHT).
function cutUpperWeights(field: string, original: string): string | undefined {
  const rest = field.replace(UPPER_WEIGHT, (bound: string, unit: string) => (nameMeasure(termOf(unit.toLowerCase()) ?? '') === WEIGHT ? ' ' : bound));
  return rest === original ? undefined : rest;
}

function isOwnedAmount(sequence: readonly string[], at: number, owners: ReadonlySet<string>): boolean {
  return sequence.slice(Math.max(0, at - PERIOD_REACH), at).some((term) => owners.has(term));
}

/** The owners (periods, loads) a number follows within reach: "гарантия магазина 6 мес.", "нагрузка до 22 кг". */
function listAmountOwners(sequence: readonly string[], owners: ReadonlySet<string>): Set<string> {
  return new Set(sequence.filter((term, at) => owners.has(term) && sequence.slice(at + 1, at + 1 + PERIOD_REACH).some((next) => NUMBER.test(next) || next === ONE_OF)));
}

// A time asked ("шиномонтаж по времени скока занимает") is stated by an amount no period owns, or by a period the message
// names itself ("гарантия скока месяцев").
function statesTime(statement: CountedStatement, measure: AskedMeasure, term: string, message: ReadonlySet<string>): boolean {
  // A load's amount answers only a buyer asking the load ("нагрузка какая", "скока выдерживает").
  if (statement.limited && ![...LIMITS].some((limit) => message.has(limit)) && !statement.unlimited.has(term)) return false;
  if (measure.ofNamed !== true) return statement.counted.has(term);
  return statement.timed.has(term) || (statement.counted.has(term) && [...statement.periods].some((period) => message.has(period)));
}
