/**
 * The numbers a text states (prices, sizes, dates, phones, percentages, quantities), as comparable values:
 * "1 500 ₽", "1500", "1,5 тыс." and "полторы тысячи" all read as 1500. A model's answer may state only
 * numbers its cited passages state.
 */

/** Digits with thousands spaced out ("1 500", "12 000 000"), or plain, with an optional decimal part. */
const TIME = /(?<!\d)(\d{1,2}):(\d{2})(?!\d)/g;
/** The multiplier after the digits is part of the number: "5 тыс.", "5к", "1,2 млн". */
const NUMBER = /(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)?)(?:\s*(тыс(?:яч[а-я]*|\.)?|т\.?\s?р\.?|млн|миллион[а-я]*|к(?![а-я])))?/g;
const MULTIPLIERS: Record<string, number> = { тыс: 1000, т: 1000, к: 1000, млн: 1_000_000, миллион: 1_000_000 };

/** Cardinal words by stem; "один" stays out: it is as often "the one", "alone" as a quantity. */
const WORD_VALUES: Array<[RegExp, number]> = [
  [/^(?:полтор[аы]|полутора)$/, 1.5],
  [/^(?:два|две|двух|двум|двумя|двое|двоих)$/, 2],
  [/^(?:три|трех|трёх|трем|трём|тремя|трое|троих)$/, 3],
  [/^(?:четыре|четырех|четырёх|четырем|четырём|четырьмя|четверо)$/, 4],
  [/^пят(?:ь|и|ью|еро)$/, 5],
  [/^шест(?:ь|и|ью|еро)$/, 6],
  [/^сем(?:ь|и|ью|еро)$/, 7],
  [/^восем(?:ь|и|ью)|^восьм(?:и|ью)$/, 8],
  [/^девят(?:ь|и|ью)$/, 9],
  [/^десят(?:ь|и|ью)$/, 10],
  [/^одиннадцат(?:ь|и)$/, 11],
  [/^двенадцат(?:ь|и)$/, 12],
  [/^тринадцат(?:ь|и)$/, 13],
  [/^четырнадцат(?:ь|и)$/, 14],
  [/^пятнадцат(?:ь|и)$/, 15],
  [/^шестнадцат(?:ь|и)$/, 16],
  [/^семнадцат(?:ь|и)$/, 17],
  [/^восемнадцат(?:ь|и)$/, 18],
  [/^девятнадцат(?:ь|и)$/, 19],
  [/^двадцат(?:ь|и)$/, 20],
  [/^тридцат(?:ь|и)$/, 30],
  [/^сорок(?:а)?$/, 40],
  [/^пятьдесят|^пятидесят[иь]$/, 50],
  [/^шестьдесят|^шестидесят[иь]$/, 60],
  [/^семьдесят|^семидесят[иь]$/, 70],
  [/^восемьдесят|^восьмидесят[иь]$/, 80],
  [/^девяност(?:о|а)$/, 90],
  [/^сто$|^ста$/, 100],
  [/^двест(?:и)$|^двухсот$/, 200],
  [/^тр[её]хсот$|^триста$/, 300],
  [/^четыреста$|^четыр[её]хсот$/, 400],
  [/^пятьсот$|^пятисот$/, 500],
  [/^тысяч[аиуе]?$|^тысячей$/, 1000],
  [/^миллион(?:а|ов)?$/, 1_000_000],
];

/** Each number the text states, as a normalised string: "1500", "1.5", "7". */
export function statedNumbers(text: string): string[] {
  const found: string[] = [];
  // What is read is blanked: "5 тыс." is not read again as the word "тысяча", nor "10:00" as 10 and 0.
  let rest = text.toLowerCase().replace(/ё/g, 'е');
  rest = rest.replace(TIME, (_, hours: string, minutes: string) => {
    found.push(minutes === '00' ? normalise(Number(hours)) : `${Number(hours)}:${minutes}`);
    return ' ';
  });
  rest = rest.replace(NUMBER, (_, digits: string, multiplier: string | undefined) => {
    const value = Number(digits.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
    found.push(normalise(multiplier ? value * multiplierOf(multiplier) : value));
    return ' ';
  });
  found.push(...readNumberWords(rest));
  return found;
}

/** Runs of number words read as one number: "пять тысяч" is 5000, "двадцать два" 22. */
function readNumberWords(text: string): string[] {
  const found: string[] = [];
  let total = 0;
  let current = 0;
  let inRun = false;
  const flush = (): void => {
    if (inRun) found.push(normalise(total + current));
    total = 0;
    current = 0;
    inRun = false;
  };
  for (const word of text.split(/[^а-я]+/)) {
    const value = WORD_VALUES.find(([pattern]) => pattern.test(word))?.[1];
    if (value === undefined) {
      flush();
      continue;
    }
    inRun = true;
    if (value >= 1000) {
      total += (current === 0 ? 1 : current) * value;
      current = 0;
    } else current += value;
  }
  flush();
  return found;
}

/** The numbers `answer` states that none of `sources` does: each one a fact the model made up. */
export function unsupportedNumbers(answer: string, sources: readonly string[]): string[] {
  const known = new Set(sources.flatMap(statedNumbers));
  return [...new Set(statedNumbers(answer).filter((value) => !known.has(value)))];
}

function multiplierOf(word: string): number {
  const key = word.toLowerCase().replace(/[.\s]/g, '');
  if (key.startsWith('тыс')) return MULTIPLIERS.тыс!;
  if (key.startsWith('милл') || key === 'млн') return MULTIPLIERS.млн!;
  if (key.startsWith('т')) return MULTIPLIERS.т!;
  return MULTIPLIERS.к!;
}

function normalise(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : 'NaN';
}
