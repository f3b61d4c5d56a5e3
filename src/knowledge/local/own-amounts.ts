/**
 * The buyer's own amounts ("…, 55 метров", "если возьму 10 кг"): words of his case, which only rank. Such an amount is no
 * measure a passage must state, but a passage stating that measure for other amounts does not speak of his case: "до 40 м²
 * — 3 часа" does not say how long 55 m² take, "квартиру 50–60 м² убираем за 5–7 часов" does (a range, a limit or a bound
 * holds it: see bounds.ts).
 */
import { listDashedRanges, listLowerBounds, listWordedRanges } from './bounds.js';
import type { Passage } from './passages.js';
import { readWholeText } from './passages.js';
import { statesRate } from './search.js';
import { UNIT_TERMS } from './units.js';

const AMOUNT = /^\d+(?:\.\d+)?$/u;

/** Whether the passage holds each of `context`'s amounts counted in a unit, where it states amounts in that unit at all. */
export function holdsOwnAmounts(passage: Passage, context: readonly string[], termsOf: (text: string) => string[]): boolean {
  const amounts = listOwnAmounts(context);
  if (amounts.length === 0) return true;
  const stated = new Set(termsOf(readWholeText(passage)));
  const ranges = [...listDashedRanges(passage.text), ...listWordedRanges(passage.text), ...listLowerBounds(passage.text)];
  // A rate ("350 ₽/м²") prices any amount of its unit.
  const holds = ({ number, unit }: { number: string; unit: string }): boolean =>
    stated.has(number) || statesRate(passage, unit) || ranges.some(([from, to]) => Number(number) >= from && Number(number) <= to);
  return amounts.every((amount) => !stated.has(amount.unit) || holds(amount));
}

// A number with its unit after it ("55 метров") or before it ("кг 25"), as the question's terms read them.
function listOwnAmounts(terms: readonly string[]): Array<{ number: string; unit: string }> {
  return terms.flatMap((term, at) => {
    if (!AMOUNT.test(term)) return [];
    const unit = [terms[at + 1], terms[at - 1]].find((near) => near !== undefined && UNIT_TERMS.has(near));
    return unit === undefined ? [] : [{ number: term, unit }];
  });
}
