/**
 * Units of one dimension: a buyer's "слой сантиметр" is answered by "при слое 10 мм", "1,5 литра" by "1500 мл". Terms are
 * those of units.ts. Kilometres stay apart: a distance ("до 30 км") is not what "провод скока метров" asks.
 */

import { isLengthName } from './measures.js';

/** Unit term → its dimension and its size in that dimension's smallest unit. */
const UNIT_SIZES: ReadonlyMap<string, { dimension: string; size: number }> = new Map([
  ['мм', { dimension: 'length', size: 1 }],
  ['см', { dimension: 'length', size: 10 }],
  ['метр', { dimension: 'length', size: 1000 }],
  ['грамм', { dimension: 'mass', size: 1 }],
  ['кг', { dimension: 'mass', size: 1000 }],
  ['тонн', { dimension: 'mass', size: 1_000_000 }],
  ['мл', { dimension: 'volume', size: 1 }],
  ['литр', { dimension: 'volume', size: 1000 }],
  // Sellers write 1 ГБ for 1024 МБ and for 1000: the check below allows either.
  ['мб', { dimension: 'data', size: 1 }],
  ['гб', { dimension: 'data', size: 1024 }],
  ['тб', { dimension: 'data', size: 1024 * 1024 }],
  ['ватт', { dimension: 'power', size: 1 }],
  ['квт', { dimension: 'power', size: 1000 }],
]);

/** Relative slack of a converted amount of data: 1000 against 1024 differ by 2.4%. Other units convert exactly. */
const DATA_SLACK = 0.025;
/** Floating point only ("1,1 л" × 1000 is not exactly 1100). */
const EXACT_SLACK = 1e-9;

const siblingCache = new Map<string, readonly string[]>();

/**
 * The other units of the unit's dimension ("см" → мм, метр); none for a term that is no such unit. A length's name has the
 * length units: "какая длина мензуры" is held by "Мензура — 634 мм" (measure-check.ts then asks that amount be of it).
 */
export function listSameDimension(unit: string): readonly string[] {
  let siblings = siblingCache.get(unit);
  if (siblings === undefined) {
    const dimension = isLengthName(unit) ? 'length' : UNIT_SIZES.get(unit)?.dimension;
    siblings = dimension === undefined ? [] : [...UNIT_SIZES].filter(([term, size]) => term !== unit && size.dimension === dimension).map(([term]) => term);
    siblingCache.set(unit, siblings);
  }
  return siblings;
}

/** Whether both are the same unit or units of one dimension. */
export function isSameDimension(a: string, b: string): boolean {
  return a === b || listSameDimension(a).includes(b);
}

/**
 * Whether the amount `from`–`to` in `unit` holds `value` in `valueUnit` (1 см within "5–50 мм", 1,5 л in "1500 мл").
 * False for units of different dimensions, and for a limit from zero in another unit.
 */
export function holdsAmountIn(range: { from: number; to: number; unit: string }, value: number, valueUnit: string): boolean {
  if (range.unit === valueUnit) return range.from <= value && value <= range.to;
  const stated = UNIT_SIZES.get(range.unit);
  const asked = UNIT_SIZES.get(valueUnit);
  if (stated === undefined || asked === undefined || stated.dimension !== asked.dimension) return false;
  // A limit in another unit ("до 1,5 т", read as 0–1,5) holds any small amount and says nothing of the buyer's "5 кг".
  if (range.from <= 0) return false;
  const slack = stated.dimension === 'data' ? DATA_SLACK : EXACT_SLACK;
  const amount = value * asked.size;
  return range.from * stated.size * (1 - slack) <= amount && amount <= range.to * stated.size * (1 + slack);
}
