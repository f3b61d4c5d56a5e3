/**
 * Units and weekdays, written out or abbreviated: "гигабайт"/"гигов"/"ГБ"/"GB" are one term, as are "в субботу" and "сб".
 * A short form that is also a word ("а", "м", "вт") is read as a unit only right after a number.
 */

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

/** Words that mean every day: "ежедневно" answers "в воскресенье работаете?". */
const EVERY_DAY = new Set(['ежедневно', 'ежедневный', 'ежедневная', 'круглосуточно']);

export const WEEKDAY_TERMS: ReadonlySet<string> = new Set([...WEEKDAYS.map((day) => day.term), 'будни']);

/** Every unit's term: alone they are not what a question asks. */
export const UNIT_TERMS: ReadonlySet<string> = new Set(UNIT_RULES.map((rule) => rule.term));

const UNIT_WORDS = new Map<string, string>();
const UNIT_AFTER_NUMBER = new Map<string, string>();
for (const rule of UNIT_RULES) {
  for (const word of rule.words) UNIT_WORDS.set(word, rule.term);
  for (const word of rule.afterNumber ?? []) UNIT_AFTER_NUMBER.set(word, rule.term);
}
const WEEKDAY_WORDS = new Map<string, number>();
WEEKDAYS.forEach((day, at) => {
  for (const word of day.words) WEEKDAY_WORDS.set(word, at);
});

/** The unit or weekday a standalone word names, if any. */
export function findUnit(word: string): string | undefined {
  const unit = UNIT_WORDS.get(word);
  if (unit !== undefined) return unit;
  const day = findWeekday(word);
  if (day !== undefined) return WEEKDAYS[day]?.term;
  return UNIT_RULES.find((rule) => rule.prefixes?.some((prefix) => word.startsWith(prefix)))?.term;
}

function findWeekday(word: string): number | undefined {
  const day = WEEKDAY_WORDS.get(word);
  if (day !== undefined) return day;
  const at = WEEKDAYS.findIndex((entry) => entry.prefixes.some((prefix) => word.startsWith(prefix)));
  return at < 0 ? undefined : at;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so "мм" is not read as "м" followed by "м".
const AFTER_NUMBER_WORDS = [...new Set([...UNIT_AFTER_NUMBER.keys(), ...UNIT_WORDS.keys()])].sort((a, b) => b.length - a.length);
const UNIT_AFTER_NUMBER_PATTERN = new RegExp(`(\\p{N})[ \\u00a0]?(${AFTER_NUMBER_WORDS.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const DAY = 'пн|вт|ср|чт|пт|сб|вс|понедельн\\p{L}*|вторник\\p{L}*|сред[аеуы]|четверг\\p{L}*|пятниц\\p{L}*|суббот\\p{L}*|воскресен\\p{L}*';
const DAY_RANGE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(${DAY})(?:\\s*[-–—]\\s*|\\s+(?:по|до)\\s+)(${DAY})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * Normalized text as the index and questions read it: "12gb" → "12 гб", "650 вт" → "650 ватт", "пн–пт" → every
 * weekday in it. Rewritten in the text, not in its words, so punctuation still separates ("2, а потом").
 */
export function rewriteUnitsAndDays(normalized: string): string {
  let text = normalized.includes('ампер') ? normalized.replace(/ампер[- ]?час\p{L}*/gu, 'ач') : normalized;
  if (/\p{N}/u.test(text)) {
    // Ordinals ("300-го", "40й", "2х") count the number itself.
    text = text.replace(/(\p{N})-?(?:го|ой|ая|ый|ое|ом|ым|ий|й|я|х)(?![\p{L}\p{N}])/gu, '$1');
    // An amount in roubles is a price: "упаковка — 250 ₽" answers "почём упаковка?".
    text = text.replace(/(\p{N})[ \u00a0]?(?:₽|руб\.?|р\.)(?![\p{L}\p{N}])/gu, '$1 руб цена');
    text = text.replace(UNIT_AFTER_NUMBER_PATTERN, (_match, digit: string, unit: string) => `${digit} ${UNIT_AFTER_NUMBER.get(unit) ?? UNIT_WORDS.get(unit) ?? unit}`);
  }
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

/** "Ежедневно" stands for every weekday too. */
export function expandEveryDay(words: readonly string[]): string[] {
  if (!words.some((word) => EVERY_DAY.has(word))) return [...words];
  return words.flatMap((word) => (EVERY_DAY.has(word) ? [word, ...WEEKDAYS.map((day) => day.term)] : [word]));
}
