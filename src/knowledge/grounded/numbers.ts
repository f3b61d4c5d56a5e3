/**
 * The numbers a text states (prices, sizes, dates, phones, percentages, quantities), each with its unit, as
 * comparable values: "1 500 ₽", "1500 руб.", "1,5 тыс. ₽" and "полторы тысячи рублей" all read as 1500 roubles;
 * "+7 (999) 123-45-67" and "8 999 1234567" as one phone; "8 вечера" as 20 o'clock.
 */

export interface NumberFact {
  /** Normalised: "1500", "1.5", "phone:79991234567". */
  value: string;
  /** rub, usd, eur, pct, day, week, month, year, hour, minute, time, pcs, l, ml, kg, g, mm, cm, m, w, bar, gb, tb; undefined: none said. */
  unit?: string;
}

const PHONE = /(?:\+7|(?<![\d])8)[\s(-]*(\d{3})[\s)-]*(\d{3})[\s-]*(\d{2})[\s-]*(\d{2})(?!\d)/g;
const TIME = /(?<!\d)(\d{1,2}):(\d{2})(?!\d)/g;
/** Digits with thousands spaced or dotted out ("1 500", "1.500"), or plain with a decimal part; the multiplier is part of it. */
const NUMBER = /(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)|\d+(?:[.,]\d+)?)(?:\s*(тыс(?:яч[а-я]*|\.)?|т\.?\s?р\.?|млн|миллион[а-я]*|к(?![а-я])|k(?![a-z])))?/gi;

const UNITS: Array<[RegExp, string]> = [
  [/^(?:₽|руб|р(?![а-яa-z])|р\.|rub)/, 'rub'],
  [/^(?:\$|usd|долл)/, 'usd'],
  [/^(?:€|eur|евро)/, 'eur'],
  [/^(?:%|процент)/, 'pct'],
  [/^(?:дн|день|дня|сут)/, 'day'],
  [/^недел/, 'week'],
  [/^(?:мес)/, 'month'],
  [/^(?:год|лет)/, 'year'],
  [/^(?:час|ч(?![а-яa-z]))/, 'hour'],
  [/^мин/, 'minute'],
  [/^шт/, 'pcs'],
  [/^(?:мл(?![а-яa-z])|миллилитр)/, 'ml'],
  [/^(?:л(?![а-яa-z])|литр)/, 'l'],
  [/^(?:кг(?![а-яa-z])|килограм)/, 'kg'],
  // A bare "г" is as often a year ("2023 г.") as grams: no unit.
  [/^(?:гр(?![а-яa-z])|грам)/, 'g'],
  [/^мм(?![а-яa-z])/, 'mm'],
  [/^(?:см(?![а-яa-z])|сантиметр)/, 'cm'],
  [/^(?:м(?![а-яa-z])|метр)/, 'm'],
  [/^(?:вт(?![а-яa-z])|ватт|w(?![а-яa-z]))/, 'w'],
  [/^бар(?![а-яa-z])/, 'bar'],
  [/^(?:гб|gb|гиг)/, 'gb'],
  [/^(?:тб|tb)/, 'tb'],
];

/** Cardinal and ordinal words by stem; "один", "первый" stay out: as often "the one", "alone", "first of all" as a quantity. */
const WORD_VALUES: Array<[RegExp, number]> = [
  [/^(?:полтор[аы]|полутора)$/, 1.5],
  [/^(?:два|две|двух|двум|двумя|двое|двоих|втор(?:ой|ого|ое|ая|ую|ом|ых))$/, 2],
  [/^(?:три|трех|трем|тремя|трое|троих|трет(?:ий|ьего|ье|ья|ью|ьем))$/, 3],
  [/^(?:четыре|четырех|четырем|четырьмя|четверо|четверт(?:ый|ого|ое|ая|ую|ом))$/, 4],
  [/^пят(?:ь|и|ью|еро|ый|ого|ое|ая|ую|ом)$/, 5],
  [/^шест(?:ь|и|ью|еро|ой|ого|ое|ая|ую|ом)$/, 6],
  [/^(?:сем(?:ь|и|ью|еро)|седьм(?:ой|ого|ое|ая|ую|ом))$/, 7],
  [/^(?:восем(?:ь|и|ью)|восьм(?:и|ью|ой|ого|ое|ая|ую|ом))$/, 8],
  [/^девят(?:ь|и|ью|ый|ого|ое|ая|ую|ом)$/, 9],
  [/^десят(?:ь|и|ью|ый|ого|ое|ая|ую|ом)$/, 10],
  [/^одиннадцат(?:ь|и|ый|ого|ое|ая)$/, 11],
  [/^двенадцат(?:ь|и|ый|ого|ое|ая)$/, 12],
  [/^тринадцат(?:ь|и|ый|ого|ое|ая)$/, 13],
  [/^четырнадцат(?:ь|и|ый|ого|ое|ая)$/, 14],
  [/^пятнадцат(?:ь|и|ый|ого|ое|ая)$/, 15],
  [/^шестнадцат(?:ь|и|ый|ого|ое|ая)$/, 16],
  [/^семнадцат(?:ь|и|ый|ого|ое|ая)$/, 17],
  [/^восемнадцат(?:ь|и|ый|ого|ое|ая)$/, 18],
  [/^девятнадцат(?:ь|и|ый|ого|ое|ая)$/, 19],
  [/^двадцат(?:ь|и|ый|ого|ое|ая)$/, 20],
  [/^тридцат(?:ь|и|ый|ого|ое|ая)$/, 30],
  [/^сорок(?:а|овой|ового)?$/, 40],
  [/^(?:пятьдесят|пятидесят[иь]?)$/, 50],
  [/^(?:шестьдесят|шестидесят[иь]?)$/, 60],
  [/^(?:семьдесят|семидесят[иь]?)$/, 70],
  [/^(?:восемьдесят|восьмидесят[иь]?)$/, 80],
  [/^девяност(?:о|а|ый|ого)$/, 90],
  [/^(?:сто|ста|сотый|сотого)$/, 100],
  [/^(?:двести|двухсот)$/, 200],
  [/^(?:триста|трехсот)$/, 300],
  [/^(?:четыреста|четырехсот)$/, 400],
  [/^(?:пятьсот|пятисот)$/, 500],
  [/^(?:шестьсот|шестисот)$/, 600],
  [/^(?:семьсот|семисот)$/, 700],
  [/^(?:восемьсот|восьмисот)$/, 800],
  [/^(?:девятьсот|девятисот)$/, 900],
  [/^(?:тысяч[аиуе]?|тысячей)$/, 1000],
  [/^миллион(?:а|ов)?$/, 1_000_000],
];

/** Each number the text states, with the unit written after it (a range's first number takes its second's: "1–2 дня"). */
export function readNumberFacts(text: string): NumberFact[] {
  const facts: Array<NumberFact & { end: number; start: number }> = [];
  // What is read is blanked, so "+7 999…" is not read again as 7 and 999, nor "10:00" as 10 and 0.
  const plain = text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');
  let rest = plain;
  rest = rest.replace(PHONE, (whole: string, a: string, b: string, c: string, d: string, offset: number) => {
    facts.push({ value: `phone:7${a}${b}${c}${d}`, start: offset, end: offset + whole.length });
    return ' '.repeat(whole.length);
  });
  rest = rest.replace(TIME, (whole: string, hours: string, minutes: string, offset: number) => {
    facts.push({ value: minutes === '00' ? String(Number(hours)) : `${Number(hours)}:${minutes}`, unit: 'time', start: offset, end: offset + whole.length });
    return ' '.repeat(whole.length);
  });
  rest = rest.replace(NUMBER, (whole: string, digits: string, multiplier: string | undefined, offset: number) => {
    const value = readDigits(digits) * (multiplier ? multiplierOf(multiplier) : 1);
    facts.push({ ...withUnit(value, plain.slice(offset + whole.length)), start: offset, end: offset + whole.length });
    return ' '.repeat(whole.length);
  });
  facts.push(...readNumberWords(rest));
  facts.sort((a, b) => a.start - b.start);
  shareRangeUnits(facts, plain);
  return facts.map(({ value, unit }) => (unit === undefined ? { value } : { value, unit }));
}

/** The text with its number words blanked: they are numbers, checked as numbers, not as words. */
export function blankNumberWords(text: string): string {
  return text.replace(/[а-яё]+/gi, (word) => (WORD_VALUES.some(([pattern]) => pattern.test(word.toLowerCase().replace(/ё/g, 'е'))) ? ' ' : word));
}

/** Each number the text states, as a normalised string (units aside). */
export function statedNumbers(text: string): string[] {
  return readNumberFacts(text).map((fact) => fact.value);
}

/** "1.500" with a dot before three digits is 1500 in a Russian price; "1.5" and "1,5" are one and a half. */
function readDigits(digits: string): number {
  const spaced = digits.replace(/[ \u00a0\u202f]/g, '');
  if (/^\d{1,3}(?:\.\d{3})+$/.test(spaced)) return Number(spaced.replace(/\./g, ''));
  return Number(spaced.replace(',', '.'));
}

/** "8 вечера" is 20 o'clock; otherwise the unit word right after the number, if any. */
function withUnit(value: number, after: string): NumberFact {
  const next = after.replace(/^[\s\u00a0\u202f]+/, '');
  // "2 дня" is two days as often as 2 pm: only morning, evening and night make a time of day.
  const clock = /^(утра|вечера|ночи)/.exec(next);
  if (clock && value <= 12) return { value: normalise(value < 12 && clock[1] === 'вечера' ? value + 12 : value), unit: 'time' };
  const unit = UNITS.find(([pattern]) => pattern.test(next))?.[1];
  return unit === undefined ? { value: normalise(value) } : { value: normalise(value), unit };
}

function shareRangeUnits(facts: Array<NumberFact & { end: number; start: number }>, text: string): void {
  for (const [position, fact] of facts.entries()) {
    const next = facts[position + 1];
    if (fact.unit !== undefined || next?.unit === undefined) continue;
    if (/^\s*(?:[-–—]|до|или)\s*$/.test(text.slice(fact.end, next.start))) fact.unit = next.unit;
  }
}

/** Runs of number words read as one number: "пять тысяч" is 5000, "двадцать два" 22. */
function readNumberWords(text: string): Array<NumberFact & { end: number; start: number }> {
  const found: Array<NumberFact & { end: number; start: number }> = [];
  let total = 0;
  let current = 0;
  let start = -1;
  let end = 0;
  const flush = (): void => {
    if (start >= 0) found.push({ ...withUnit(total + current, text.slice(end)), start, end });
    total = 0;
    current = 0;
    start = -1;
  };
  for (const match of text.matchAll(/[а-я]+/g)) {
    const value = WORD_VALUES.find(([pattern]) => pattern.test(match[0]))?.[1];
    // Punctuation between two number words ends the number: "два, три" are two.
    if (value === undefined || (start >= 0 && /[^\s]/.test(text.slice(end, match.index)))) flush();
    if (value === undefined) continue;
    if (start < 0) start = match.index;
    end = match.index + match[0].length;
    if (value >= 1000) {
      total += (current === 0 ? 1 : current) * value;
      current = 0;
    } else current += value;
  }
  flush();
  return found;
}

/** The numbers `answer` states that none of `sources` does (units aside): each one a fact the model made up. */
export function unsupportedNumbers(answer: string, sources: readonly string[]): string[] {
  const known = new Set(sources.flatMap(statedNumbers));
  return [...new Set(statedNumbers(answer).filter((value) => !known.has(value)))];
}

function multiplierOf(word: string): number {
  const key = word.toLowerCase().replace(/[.\s]/g, '');
  if (key.startsWith('милл') || key === 'млн') return 1_000_000;
  return 1000;
}

function normalise(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : 'NaN';
}
