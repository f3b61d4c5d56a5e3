/**
 * Measures stated only by their amount: "Лёгкий (1,39 кг)" says what it weighs, "ставим за 5–10 минут" how long it takes.
 * Buyers ask by the measure's name or verb ("скока весит", "по времени долго?", "объем какой"), sellers write the amount.
 * Units are the terms of units.ts; the measure is written as a word the term reader turns into the buyer's term.
 */

/** A measure and the units its amounts are written in. */
interface MeasureRule {
  /** A word whose term is the one buyers' words for the measure read as ("весит" → вес, "времени" → срок). */
  word: string;
  /** That term (terms.ts reads `word` as it; a test holds them together). */
  term: string;
  units: readonly string[];
  /** Other terms an amount of the measure is counted in ("2 дня": срок), which carry their own meaning. */
  counted?: readonly string[];
  /**
   * Words that ask for the amount itself, where the term means more ("срок годности", "дней через сколько"): only they
   * make a question a measure question. Without it, every word reading as `term` does.
   */
  askers?: readonly string[];
  /**
   * Whether the words beside the measure always name what it measures: "сдэк до барнаула скока дней идет" asks how long
   * the parcel goes, never what СДЭК is, so a passage sharing the carrier and the city but stating no time does not answer.
   * A weight is asked beside other questions ("ток пусковой какой и весит скока").
   */
  ofNamed?: boolean;
}

const MEASURE_RULES: readonly MeasureRule[] = [
  { word: 'вес', term: 'вес', units: ['грамм', 'кг', 'тонн'] },
  {
    word: 'время',
    term: 'срок',
    units: ['минут', 'час'],
    counted: ['срок', 'сутк', 'недел', 'месяц', 'мес', 'год'],
    // "скока ехать будет", "сколько везти до Казани": the way's time (terms.ts reads the verb beside "сколько" as "время").
    askers: ['время', 'времени', 'займет', 'займут', 'занимает', 'занимают', 'долго', 'ехать', 'везти'],
    ofNamed: true,
  },
  // Every case of "объём" is "объем" (terms.ts keeps the stem Snowball cuts after the hard sign).
  { word: 'объем', term: 'объем', units: ['мл', 'литр'] },
  { word: 'мощность', term: 'мощност', units: ['ватт', 'квт'] },
  { word: 'емкость', term: 'емкост', units: ['ач', 'мач'] },
];

const MEASURE_TERMS: ReadonlySet<string> = new Set(MEASURE_RULES.map((rule) => rule.term));

/** Whether the term names a measure ("весит" → вес): what is asked, even where no document names the measure. */
export function isMeasureTerm(term: string): boolean {
  return MEASURE_TERMS.has(term);
}

const RULE_OF_UNIT: ReadonlyMap<string, MeasureRule> = new Map(MEASURE_RULES.flatMap((rule) => rule.units.map((unit) => [unit, rule] as const)));

/** The word naming what an amount in `unit` measures ("кг" → "вес"), if the unit measures one of the rules' measures. */
export function nameMeasure(unit: string): string | undefined {
  return RULE_OF_UNIT.get(unit)?.word;
}

/** Whether `terms[at]` is the measure an amount before it states ("1.39", "кг", "вес"): the amount counts it, as a number counts the word after it. */
export function isStatedMeasure(terms: readonly string[], at: number): boolean {
  const unit = terms[at - 1];
  return at >= 2 && unit !== undefined && RULE_OF_UNIT.get(unit)?.term === terms[at] && /^\p{N}/u.test(terms[at - 2] ?? '');
}

/** Every measure with its units, for the answer check (measure-check.ts). */
export function listMeasures(): readonly MeasureRule[] {
  return MEASURE_RULES;
}

const MEASURE_WORDS: ReadonlySet<string> = new Set(MEASURE_RULES.map((rule) => rule.word));

/**
 * A buyer's own amount ("а 30 мл отливант можно?") names what he wants, not a measure he asks for: the measure word the
 * reading adds after it is dropped from a question's words, or every passage stating some amount of that unit would
 * cover one more of its terms.
 */
export function dropStatedMeasures<T extends { term: string; word: string }>(read: readonly T[]): T[] {
  return read.filter((entry, at) => {
    const unit = read[at - 1];
    const number = read[at - 2];
    return !(MEASURE_WORDS.has(entry.word) && unit !== undefined && nameMeasure(unit.term) === entry.word && number !== undefined && /^\p{N}/u.test(number.term));
  });
}

/** Measures the words hold only as what their amounts state ("Крем SPF 50, 50 мл": объем), never by name. */
export function listAmountOnlyMeasures(read: ReadonlyArray<{ term: string; word: string }>): string[] {
  const named = new Set(dropStatedMeasures(read).map((entry) => entry.term));
  return MEASURE_RULES.filter((rule) => read.some((entry) => entry.term === rule.term) && !named.has(rule.term)).map((rule) => rule.term);
}

/**
 * Names of a length: "какая длина мензуры" is answered by "Мензура — 634 мм", which names no length at all. Terms as the
 * term reader reads "длина", "высота", … (a test holds them together).
 */
const LENGTH_NAMES: ReadonlySet<string> = new Set(['длин', 'высот', 'ширин', 'глубин', 'толщин', 'диаметр']);

/** Whether the term names a length ("длинный" → длин, "высотой" → высот). */
export function isLengthName(term: string): boolean {
  return LENGTH_NAMES.has(term);
}
