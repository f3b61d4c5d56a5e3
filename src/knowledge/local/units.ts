/**
 * Units and weekdays, written out or abbreviated: "гигабайт"/"гигов"/"ГБ"/"GB" are one term, as are "в субботу" and "сб".
 * A short form that is also a word ("а", "м", "вт") is read as a unit only right after a number.
 */
import { nameMeasure } from './measures.js';
import { createPrefixTable } from './prefix-table.js';

/** Canonical term → the written-out forms (whole words) and the prefixes of its inflected forms. */
interface UnitRule {
  term: string;
  words: readonly string[];
  prefixes?: readonly string[];
  /** Abbreviations that are units only after a number ("60 а", "5 м", "650 вт"). */
  afterNumber?: readonly string[];
}

const UNIT_RULES: readonly UnitRule[] = [
  { term: 'гб', words: ['гб', 'gb', 'гиг', 'гига', 'гигов', 'гиги'], prefixes: ['гигабайт'] },
  { term: 'тб', words: ['тб', 'tb', 'тера'], prefixes: ['терабайт'] },
  { term: 'мб', words: ['мб', 'mb', 'мега'], prefixes: ['мегабайт'] },
  { term: 'ггц', words: ['ггц', 'ghz'], prefixes: ['гигагерц'] },
  { term: 'мгц', words: ['мгц', 'mhz'], prefixes: ['мегагерц'] },
  { term: 'гц', words: ['гц', 'hz', 'герц', 'герцах', 'герцев'] },
  { term: 'квт', words: ['квт', 'kw', 'киловатт', 'киловатта', 'киловаттах', 'киловатты'] },
  { term: 'ватт', words: ['ватт', 'ватта', 'ваттах', 'ватты', 'ваттный', 'w'], afterNumber: ['вт'] },
  { term: 'ач', words: ['ач', 'ah', 'амперчас', 'амперчасов', 'амперчаса'], afterNumber: ['а/ч', 'a/h'] },
  { term: 'мач', words: ['мач', 'mah', 'миллиач'] },
  { term: 'ампер', words: ['ампер', 'ампера', 'амперах', 'амперы'], afterNumber: ['а', 'a'] },
  { term: 'вольт', words: ['вольт', 'вольта', 'вольтах'], afterNumber: ['v'] },
  { term: 'мм', words: ['мм', 'mm'], prefixes: ['миллиметр'] },
  { term: 'см', words: ['см', 'cm'], prefixes: ['сантиметр'] },
  { term: 'метр', words: ['метр', 'метра', 'метров', 'метре', 'метрах', 'метры', 'метрам'], afterNumber: ['м', 'm'] },
  { term: 'м2', words: ['м2', 'м²', 'кв', 'квм', 'квадрат', 'квадрата', 'квадратов', 'квадратах', 'квадраты', 'квадратный', 'квадратного', 'квадратных', 'квадратному'] },
  { term: 'м3', words: ['м3', 'м³', 'куб', 'куба', 'кубов', 'кубах', 'кубы', 'кубик', 'кубика', 'кубиков', 'кубам'], prefixes: ['кубометр', 'кубическ'] },
  { term: 'мл', words: ['мл', 'ml'], prefixes: ['миллилитр'] },
  { term: 'литр', words: ['литр', 'литра', 'литров', 'литре', 'литрах', 'литры', 'литровый', 'литровая', 'литровое', 'литровые'], afterNumber: ['л', 'l'] },
  { term: 'кг', words: ['кг', 'kg', 'кило', 'килограмм', 'килограмма', 'килограммов', 'килограммах'] },
  { term: 'грамм', words: ['грамм', 'грамма', 'граммов', 'граммах', 'гр'], afterNumber: ['г', 'g'] },
  { term: 'тонн', words: ['тонна', 'тонны', 'тонн', 'тонну', 'тоннах', 'тонне'], afterNumber: ['т'] },
  { term: 'шт', words: ['шт', 'штук', 'штука', 'штуки', 'штуку', 'штучка', 'штучки', 'штуке', 'штучно', 'поштучно'] },
  { term: 'дюйм', words: ['дюйм', 'дюйма', 'дюймов', 'дюймах', 'дюймовый', 'дюймовая'] },
  { term: 'руб', words: ['руб', 'рубль', 'рубля', 'рублей', 'рублях', 'рубликов'], afterNumber: ['р'] },
  { term: 'км', words: ['км', 'km', 'километр', 'километра', 'километров', 'километрах', 'километре'] },
  { term: 'будни', words: ['будни', 'будням', 'буднях', 'будний', 'будние', 'будних', 'будничный', 'будничные'] },
  { term: 'час', words: ['час', 'часа', 'часов', 'часах', 'часу'], afterNumber: ['ч'] },
  { term: 'минут', words: ['минута', 'минуты', 'минут', 'минуту', 'минутах'], afterNumber: ['мин'] },
  // A speed of rotation: "11000 об/мин" states how many "оборотов" a motor, a drum or a spindle makes.
  { term: 'оборот', words: ['оборот', 'оборота', 'оборотов', 'обороты', 'оборотах', 'оборотам', 'rpm'], afterNumber: ['об/мин', 'об'] },
];

/** Monday first: a range ("пн–пт", "с понедельника по пятницу") stands for every day in it. */
const WEEKDAYS: ReadonlyArray<{ term: string; words: readonly string[]; prefixes: readonly string[] }> = [
  { term: 'понедельник', words: ['пн'], prefixes: ['понедельн'] },
  { term: 'вторник', words: ['вт'], prefixes: ['вторник'] },
  { term: 'среда', words: ['ср', 'среда', 'среду', 'среды', 'среде', 'средам'], prefixes: [] },
  { term: 'четверг', words: ['чт'], prefixes: ['четверг'] },
  { term: 'пятница', words: ['пт'], prefixes: ['пятниц'] },
  { term: 'суббота', words: ['сб'], prefixes: ['суббот'] },
  { term: 'воскресенье', words: ['вс', 'вскр'], prefixes: ['воскресен'] },
];

/**
 * January first: a season ("15 окт - 15 дек", "с ноября по март") stands for every month in it, as "пн–пт" for every day.
 * Abbreviations as sellers write them in dates; "мар", "сен" and "ноя" are left out, being parts of other words as often.
 */
const MONTHS: ReadonlyArray<{ term: string; words: readonly string[]; prefixes: readonly string[] }> = [
  { term: 'январь', words: ['янв'], prefixes: ['январ'] },
  { term: 'февраль', words: ['фев', 'февр'], prefixes: ['феврал'] },
  { term: 'март', words: ['март', 'марта', 'марте', 'марту', 'мартом'], prefixes: [] },
  { term: 'апрель', words: ['апр'], prefixes: ['апрел'] },
  { term: 'май', words: ['май', 'мая', 'мае', 'маю', 'маем'], prefixes: [] },
  { term: 'июнь', words: ['июн'], prefixes: ['июн'] },
  { term: 'июль', words: ['июл'], prefixes: ['июл'] },
  { term: 'август', words: ['авг'], prefixes: ['август'] },
  { term: 'сентябрь', words: ['сент'], prefixes: ['сентябр'] },
  { term: 'октябрь', words: ['окт'], prefixes: ['октябр'] },
  { term: 'ноябрь', words: ['нояб'], prefixes: ['ноябр'] },
  { term: 'декабрь', words: ['дек'], prefixes: ['декабр'] },
];

/** Words that mean every day: "ежедневно" answers "в воскресенье работаете?". */
const EVERY_DAY = new Set(['ежедневно', 'ежедневный', 'ежедневная', 'круглосуточно']);

export const WEEKDAY_TERMS: ReadonlySet<string> = new Set([...WEEKDAYS.map((day) => day.term), 'будни']);

/**
 * The term a clock time reads as ("9:00"), and a question asking one ("до скольки работаете?"). A word of its own, written
 * into the text after the time: not "час", which a length of time holds too ("в течение 24 часов").
 */
export const CLOCK_TIME_TERM = 'времясуток';

/** Every unit's term: alone they are not what a question asks. */
export const UNIT_TERMS: ReadonlySet<string> = new Set(UNIT_RULES.map((rule) => rule.term));

const UNIT_WORDS = new Map<string, string>();
const UNIT_AFTER_NUMBER = new Map<string, string>();
for (const rule of UNIT_RULES) {
  for (const word of rule.words) UNIT_WORDS.set(word, rule.term);
  for (const word of rule.afterNumber ?? []) UNIT_AFTER_NUMBER.set(word, rule.term);
}
const findWeekdayTerm = createPrefixTable(WEEKDAYS);
const findMonthTerm = createPrefixTable(MONTHS);
const findUnitTerm = createPrefixTable(UNIT_RULES);

/** The unit or weekday a standalone word names, if any. */
export function findUnit(word: string): string | undefined {
  if (word === CLOCK_TIME_TERM) return CLOCK_TIME_TERM;
  return UNIT_WORDS.get(word) ?? findWeekdayTerm(word) ?? findMonthTerm(word) ?? findUnitTerm(word) ?? findUnitAdjective(word);
}

/** "10-метровая теплица", "вольтовый", "ваттный": an adjective made of a unit asks, or states, an amount of that unit. */
const UNIT_ADJECTIVE = /^([а-я]{2,}?)(?:ов|н)(?:ый|ий|ая|ое|ые|ого|ой|ую|ом|ых|ым|ыми|ому)$/;

function findUnitAdjective(word: string): string | undefined {
  const base = UNIT_ADJECTIVE.exec(word)?.[1];
  return base === undefined ? undefined : UNIT_WORDS.get(base);
}

function findWeekday(word: string): number | undefined {
  const term = findWeekdayTerm(word);
  return term === undefined ? undefined : WEEKDAYS.findIndex((day) => day.term === term);
}

// A number and the word after it (glued, dashed or spaced); the word is looked up, so the pattern stays small.
// Explicit letter ranges: text is normalized (lower case, ё → е), and Unicode property classes cost a start-up compile.
const NUMBER_AND_WORD = /(\d)(-?)[ \u00a0]?([a-zа-я₽]+(?:\/[a-zа-я])?)(\.?)(?![a-zа-я\d])/g;
const ORDINAL_ENDINGS = new Set(['го', 'ой', 'ая', 'ый', 'ое', 'ом', 'ым', 'ий', 'й', 'я', 'х']);
const SIZE_AFTER = /^\s*размер/;
const ROUBLES = new Set(['₽', 'руб', 'р']);
/**
 * What may follow a bare "р" for it to be roubles: the end of the text, or a comma, semicolon or bracket closing the
 * amount ("доставка коробок 350 р, бесплатно от 5 000 р").
 */
const ENDS_AMOUNT = /^(?:$|[,;)\n])/u;
const YEAR_END = /(?:^|\D)(?:19|20)\d\d$/;
const MAY_HOLD_DAY = /пн|вт|ср|чт|пт|сб|вс|понед|вторн|сред|четв|пятн|суббот|воскр/;
const DAY = 'пн|вт|ср|чт|пт|сб|вс|понедельн[а-я]*|вторник[а-я]*|сред[аеуы]|четверг[а-я]*|пятниц[а-я]*|суббот[а-я]*|воскресен[а-я]*';
const MONTH = 'январ[а-я]*|янв|феврал[а-я]*|февр?|март[а-я]*|апрел[а-я]*|апр|ма[йяе]|июн[а-я]*|июл[а-я]*|август[а-я]*|авг|сентябр[а-я]*|сент|октябр[а-я]*|окт|ноябр[а-я]*|нояб|декабр[а-я]*|дек';
// "15 окт - 15 дек", "с ноября по март", "(май-июль)": the day of the second month may stand before it.
const MONTH_RANGE_PATTERN = new RegExp(`(?<![a-zа-я\\d])(${MONTH})\\.?(?:\\s*[-–—]\\s*|\\s+(?:по|до)\\s+)(?:\\d{1,2}\\s+)?(${MONTH})(?![a-zа-я\\d])`, 'g');
// "31 декабря", "1 апр": a day of a month.
const DATE_PATTERN = new RegExp(`(?<![\\d.,])(\\d{1,2}) (${MONTH})\\.?(?![a-zа-я\\d])`, 'g');
const MAY_HOLD_MONTH = /янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек/;
const DAY_RANGE_PATTERN = new RegExp(`(?<![a-zа-я\\d])(${DAY})(?:\\s*[-–—]\\s*|\\s+(?:по|до)\\s+)(${DAY})(?![a-zа-я\\d])`, 'g');

/**
 * A clock time, "9:00" or "19:30": the hour of opening, closing, a delivery. Minutes on the half or quarter hour only: a
 * mix's "1:50" is a ratio, not ten to two.
 */
const CLOCK_TIME = /(?<![\d:.])((?:[01]?\d|2[0-4]):(?:00|15|30|45))(?![\d:])/g;

/**
 * Normalized text as the index and questions read it: "12gb" → "12 гб", "650 вт" → "650 ватт", "пн–пт" → every
 * weekday in it. Rewritten in the text, not in its words, so punctuation still separates ("2, а потом").
 */
export function rewriteUnitsAndDays(normalized: string): string {
  let text = normalized.includes('ампер') ? normalized.replace(/ампер[- ]?час[а-я]*/g, 'ач') : normalized;
  if (/\d/.test(text)) text = text.replace(NUMBER_AND_WORD, rewriteNumberAndWord);
  // "пн–пт 9:00–20:00" states the hours a buyer asks with "до скольки", "во сколько", "часы работы": the time reads as
  // an hour (after the units above, so that it names no length of time: "до 15:00" is not "15 часов").
  if (text.includes(':')) text = text.replace(CLOCK_TIME, `$1 ${CLOCK_TIME_TERM}`);
  if (MAY_HOLD_MONTH.test(text)) text = text.replace(MONTH_RANGE_PATTERN, expandMonthRange).replace(DATE_PATTERN, addDate);
  if (!MAY_HOLD_DAY.test(text)) return text;
  return text.replace(DAY_RANGE_PATTERN, (match, first: string, last: string) => {
    const from = findWeekday(first);
    const to = findWeekday(last);
    if (from === undefined || to === undefined || to <= from + 1) return match;
    const between = WEEKDAYS.slice(from + 1, to).map((day) => day.term);
    // Monday to Friday (or beyond) are the working days buyers ask about as "в будни".
    if (from === 0 && to >= 4) between.push('будни');
    return `${match} ${between.join(' ')}`;
  });
}

/** A season's months between its first and last, over the new year too ("ноябрь-март" holds January). */
function expandMonthRange(match: string, first: string, last: string): string {
  const from = MONTHS.findIndex((month) => month.term === findMonthTerm(first));
  const to = MONTHS.findIndex((month) => month.term === findMonthTerm(last));
  if (from < 0 || to < 0 || from === to) return match;
  const between: string[] = [];
  for (let at = (from + 1) % MONTHS.length; at !== to; at = (at + 1) % MONTHS.length) between.push(MONTHS[at]?.term ?? '');
  return between.length === 0 ? match : `${match} ${between.join(' ')}`;
}

/**
 * "31 декабря" reads as the date "31.12" too, as a seller may write it: a question on that day ("31 декабря работаете?") is
 * not answered by a passage naming only its month ("15 окт - 15 дек"), as a number with a fraction must be stated.
 */
function addDate(match: string, day: string, month: string): string {
  const at = MONTHS.findIndex((entry) => entry.term === findMonthTerm(month));
  const number = Number(day);
  if (at < 0 || number < 1 || number > 31) return match;
  return `${match} ${number}.${String(at + 1).padStart(2, '0')}`;
}

function rewriteNumberAndWord(match: string, digit: string, dash: string, word: string, dot: string, at: number, text: string): string {
  const glued = match.length === digit.length + dash.length + word.length + dot.length;
  // Ordinals ("300-го", "40й", "2х") count the number itself.
  if ((glued || dash !== '') && ORDINAL_ENDINGS.has(word)) return `${digit}${dot}`;
  // "в 40м размере", "40-м размер": the ending of "сороковом", as "40й" is of "сороковой"; no size is counted in metres.
  if ((glued || dash !== '') && word === 'м' && SIZE_AFTER.test(text.slice(at + match.length))) return `${digit}${dot}`;
  // An amount in roubles is a price: "упаковка — 250 ₽" answers "почём упаковка?". ("р" needs its dot, or a mark closing
  // the amount: "5 р" inside a sentence is rare.)
  if (ROUBLES.has(word) && (word !== 'р' || dot !== '' || ENDS_AMOUNT.test(text.slice(at + match.length, at + match.length + 1)))) return `${digit} руб цена${dot}`;
  if (dash !== '') return match;
  // "с 2017 г.", "2014 г.в.": a year, not grams.
  if (word === 'г' && YEAR_END.test(text.slice(Math.max(0, at - 4), at + 1))) return `${digit} год${dot}`;
  const unit = UNIT_AFTER_NUMBER.get(word) ?? UNIT_WORDS.get(word);
  if (unit === undefined) return match;
  // An amount states its measure: "Лёгкий (1,39 кг)" answers "скока весит?" (see measures.ts).
  const measure = nameMeasure(unit);
  return `${digit} ${unit}${measure === undefined ? '' : ` ${measure}`}${dot}`;
}

/** "хватает часов на 12-13", "минут 20": a unit written out before its number, the amount given roughly. */
const UNIT_BEFORE_NUMBER = /(?<![a-zа-я\d])([а-я]{3,})\s+(?:на\s+|около\s+|через\s+)?\d+(?:[.,]\d+)?(?:\s*[-–—]\s*\d+(?:[.,]\d+)?)?(?:\s*([a-zа-я]+))?/gu;

/**
 * The units a normalized text states an amount in with the unit before the number ("часов на 12-13" → час). Not where the
 * number has a unit of its own after it: "2 часа 30 минут" gives no 30 hours.
 */
export function findUnitsBeforeNumbers(normalized: string): string[] {
  return [...normalized.matchAll(UNIT_BEFORE_NUMBER)].flatMap(([, word = '', after]) => {
    const unit = UNIT_WORDS.get(word) ?? findUnitTerm(word);
    return unit === undefined || (after !== undefined && findUnit(after) !== undefined) ? [] : [unit];
  });
}

const COUNTED_UNIT = /(?<![а-яё])(?:скольк[оа]|скок[ао]?)\s+([а-яёa-z]+)/gu;

/** The units "сколько <unit>" counts in lower-cased text ("скока см" → см), as `resolveText` reads the word. */
export function findCountedUnits(text: string, resolveText: (text: string) => string[]): string[] {
  return [...text.matchAll(COUNTED_UNIT)].flatMap((match) => resolveText(match[1] ?? '').filter((term) => UNIT_TERMS.has(term)));
}

/** "Ежедневно" stands for every weekday too. */
export function expandEveryDay(words: string[]): string[] {
  if (!words.some((word) => EVERY_DAY.has(word))) return words;
  return words.flatMap((word) => (EVERY_DAY.has(word) ? [word, ...WEEKDAYS.map((day) => day.term)] : [word]));
}
