/**
 * A limit a document states ("Листы до 4 м возим Газелью, длиннее (до 6 м) — только манипулятором") holds every amount
 * below it: "листы по 5 метров довезёте?" is answered by "до 6 м", though the passage never writes a 5. Read as one
 * number, the limit made the checks that a measure in the question must be stated refuse the passage that answers.
 */

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
/** "до 6", not "до 5–7" (a range of its own); the lookahead keeps "до 12" from being read as "до 1". */
const UPPER_BOUND = new RegExp(String.raw`(?<![\p{L}\p{N}])до\s+${NUMBER}(?!\s*[-–—]\s*\d|[.,]?\d)`, 'giu');
/** What opens a range closed by "до": "от 2 " of "от 2 до 5", "от 30 мин " of "от 30 мин до 1 часа". */
const RANGE_OPENING = new RegExp(String.raw`(?<![\p{L}\p{N}])от\s+${NUMBER}\s*(?:\p{L}+\.?\s+)?$`, 'iu');
const CLOSING_WORD = /(?<![\p{L}\p{N}])до\s*$/iu;
/** How far before an amount its range may open. */
const RANGE_REACH = 40;

const DASHED_RANGE = new RegExp(String.raw`${NUMBER}\s*[-–—]\s*${NUMBER}`, 'gu');

/** The ranges a text writes with a dash: "44–54", "2,5-3". */
export function listDashedRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(DASHED_RANGE)].map((range) => [toNumber(range[1]), toNumber(range[2])]);
}

/** The ranges a text states in words: "до 6" is 0–6, "от 2 до 5" is 2–5. */
export function listWordedRanges(text: string): Array<[number, number]> {
  if (!/до\s*\d/iu.test(text)) return [];
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(UPPER_BOUND)) {
    const from = findRangeStart(text, match.index + match[0].length - (match[1]?.length ?? 0));
    if (from !== undefined) ranges.push([from, toNumber(match[1])]);
  }
  return ranges;
}

/** "от 2 см": a lower bound; "от 40 до 60" is a range (see listWordedRanges), not read here. */
const LOWER_BOUND = new RegExp(String.raw`(?<![\p{L}\p{N}])от\s+${NUMBER}(?![.,]?\d)(?!\s*(?:\p{L}+\.?\s+)?до\s+\d)`, 'giu');

/** The amounts a text bounds from below: "от 2 см" is 2 and up. */
export function listLowerBounds(text: string): Array<[number, number]> {
  return [...text.matchAll(LOWER_BOUND)].map((bound) => [toNumber(bound[1]), Infinity]);
}

/** "от " right before an amount: what opens a lower bound. */
const OPENING_WORD = /(?<![\p{L}\p{N}])от\s*$/iu;
/** What closes a range after its opening amount: " кг до 10", " до 10". */
const RANGE_CLOSING = new RegExp(String.raw`^${NUMBER}\s*(?:\p{L}+\.?\s+)?до\s+\d`, 'iu');

/**
 * Whether the amount starting at `at` opens a lower bound: "от 5 кг" is 5 and up, "от 5 до 10 кг" a range. Read as one
 * number, "от 5 кг одного корма — скидка 5%" did not hold the buyer's "возьму 6 кило".
 */
export function isLowerBoundAt(text: string, at: number): boolean {
  return OPENING_WORD.test(text.slice(Math.max(0, at - RANGE_REACH), at)) && !RANGE_CLOSING.test(text.slice(at));
}

/** Where the amount starting at `at` closes a range written in words: "до 6 м" from 0, "от 2 до 5 дней" from 2. */
export function findRangeStart(text: string, at: number): number | undefined {
  const before = text.slice(Math.max(0, at - RANGE_REACH), at);
  if (!CLOSING_WORD.test(before)) return undefined;
  const opening = RANGE_OPENING.exec(before.replace(CLOSING_WORD, ''));
  return opening === null ? 0 : toNumber(opening[1]);
}

function toNumber(text: string | undefined): number {
  return Number((text ?? '').replace(',', '.'));
}

/** Words comparing past a number, which they leave out: "больше чем за 3 дня" holds 4 days and not 3. */
const STRICT_COMPARISON = String.raw`(?:больше|более|меньше|менее|свыше|дольше|раньше|позже|позднее)`;
/** "больше чем за 3", "менее 5", "свыше 10 000": a strict bound, the words between allowed being "чем" and a preposition. */
const STRICT_BOUND = new RegExp(String.raw`(?<![\p{L}\p{N}])${STRICT_COMPARISON}\s+(?:чем\s+)?(?:за\s+|на\s+|через\s+)?${NUMBER}(?![.,]?\d)`, 'giu');
/** A comparison right before an amount of the question: "если больше чем за 3 дня" asks past the bound, not at it. */
const COMPARED_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${STRICT_COMPARISON}|от|до|после|не\s+позже|не\s+раньше)\s+(?:чем\s+)?(?:за\s+|на\s+|через\s+)?$`, 'iu');
const STANDALONE_NUMBER = /(?<![\p{L}\p{N}]|[.,]\d*)(\d+(?:[.,]\d+)?)(?![.,]?\d)/gu;

/**
 * The numbers a question states as a point, with no comparison before them: "если отменю ровно за 3 дня" is 3, "если
 * больше чем за 3 дня" none.
 */
export function listPointNumbers(question: string): number[] {
  const points: number[] = [];
  for (const match of question.matchAll(STANDALONE_NUMBER)) {
    if (!COMPARED_BEFORE.test(question.slice(Math.max(0, match.index - RANGE_REACH), match.index))) points.push(toNumber(match[1]));
  }
  return points;
}

/**
 * Whether a text names `value` only as a strict bound: "если отменяете больше чем за 3 дня … Если меньше чем за 3 дня"
 * says what happens on either side of 3 days and nothing of 3 days itself.
 */
export function boundsOnlyStrictly(text: string, value: number): boolean {
  const named = [...text.matchAll(STANDALONE_NUMBER)].filter((match) => toNumber(match[1]) === value).length;
  const strict = [...text.matchAll(STRICT_BOUND)].filter((match) => toNumber(match[1]) === value).length;
  return named > 0 && strict === named;
}
