/**
 * The amounts a text states with their units, each as the range of values it holds: "5 кг" is 5, "5–50 мм" 5 to 50,
 * "до 6 м" 0 to 6, "от 5 шт" 5 and up. answer-check.ts asks whether a passage states the buyer's amount, search.ts whether
 * it holds the buyer's count.
 */
import { findRangeStart, isLowerBoundAt } from './bounds.js';
import { normalizeText, termOf } from './terms.js';
import { UNIT_TERMS, rewriteUnitsAndDays } from './units.js';

/** An amount a text states: `from`–`to` in `unit` (a unit term of units.ts); `to` is Infinity for a lower bound. */
export interface StatedAmount {
  from: number;
  to: number;
  unit: string;
}

const AMOUNT = /(?<![\d.])(\d+(?:\.\d+)?)(?:\s*[-–—]\s*(\d+(?:\.\d+)?))?\s*([a-zа-я]+)/gu;

/** Numbers and ranges with the unit after them, as the index reads units ("5–50 мм", "12GB" → 12 гб). */
export function readAmounts(text: string): StatedAmount[] {
  const stated: StatedAmount[] = [];
  const read = rewriteUnitsAndDays(normalizeText(text));
  for (const match of read.matchAll(AMOUNT)) {
    const [, from = '', to, word = ''] = match;
    const unit = termOf(word);
    if (unit === undefined || !UNIT_TERMS.has(unit)) continue;
    // "до 6 м" holds the buyer's 5 м, "от 2 до 5 дней" the 3, "от 5 кг" the 6 (see bounds.ts).
    const start = to === undefined ? findRangeStart(read, match.index) : undefined;
    const end = to === undefined && start === undefined && isLowerBoundAt(read, match.index) ? Infinity : Number(to ?? from);
    stated.push({ from: start ?? Number(from), to: end, unit });
  }
  return stated;
}
