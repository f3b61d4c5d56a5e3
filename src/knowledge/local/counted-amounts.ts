/**
 * "сколько" asks how many of the word after it. measure-check.ts reads the measures ("скока весит") and the nouns whose
 * genitive plural its ending shows ("сколько ударов"); two shapes are left to this module:
 * - a feminine noun in "-ка", whose genitive plural ends in "-ок" ("скока стирок выдержит", "со скольки покупок
 *   скидка"): a passage naming the washing or the purchases and no number of them ("Уход: стирка 30 °C") does not say
 *   how many;
 * - a unit ("сколько литров масла заливается", "скока см длина"): a passage of the listing sharing the clause's words and
 *   stating no amount in that unit's dimension ("Масло меняли каждые 50 м/ч") does not say how much.
 */
import { answersMeasures, type AskedMeasure } from './measure-check.js';
import { isMeasureTerm } from './measures.js';
import type { Passage } from './passages.js';
import type { PassageHit } from './search.js';
import { VERB_FORM } from './search.js';
import { isHowMuch, listTermSequence, normalizeText, splitWords, termOf } from './terms.js';
import { isSameDimension, listSameDimension } from './unit-dimensions.js';
import { UNIT_TERMS, findCountedUnits } from './units.js';
import { PRICE_TERM, WEAK_TERMS } from './vocabulary.js';

/**
 * "стирок", "покупок", "поездок": the genitive plural of a noun in "-ка". The same ending closes nominatives ("замок",
 * "подарок"), asked of their price ("скока замок?"): so the noun must not end its clause, and a message asking a price
 * asks no count of it.
 */
const COUNTED_KA_NOUN = /^[а-я]{3,}ок$/u;
/** Clauses of a message: a unit counted in one says nothing of the words of another. */
const CLAUSE_BREAK = /[?!.,;\n]+/u;

/** A unit "сколько" counts, and the terms of its clause: a part made of them asks the amount in that unit. */
interface CountedUnit {
  unit: string;
  clause: ReadonlySet<string>;
}

/** Counts the message asks: nouns for measure-check's statements, units with their clause. */
export interface CountedAmounts {
  nouns: readonly AskedMeasure[];
  units: readonly CountedUnit[];
  /** Every term of the message: a labelled amount measures what its label names, if the message asks about it. */
  asked: ReadonlySet<string>;
}

/** Reads the counts a message asks that measure-check.ts leaves (see the module's comment). */
export function findCountedAmounts(question: string, resolveText: (text: string) => string[]): CountedAmounts {
  const asked = new Set(resolveText(question));
  const nouns: AskedMeasure[] = [];
  const units: CountedUnit[] = [];
  for (const clause of normalizeText(question).split(CLAUSE_BREAK)) {
    const terms = new Set(resolveText(clause));
    for (const unit of findCountedUnits(clause, resolveText)) if (listSameDimension(unit).length > 0) units.push({ unit, clause: terms });
    if (asked.has(PRICE_TERM)) continue;
    const words = splitWords(clause);
    words.forEach((word, at) => {
      const noun = words[at + 1] ?? '';
      const term = termOf(noun);
      if (!isHowMuch(word) || at + 2 >= words.length || !COUNTED_KA_NOUN.test(noun) || VERB_FORM.test(noun) || term === undefined) return;
      if (UNIT_TERMS.has(term) || isMeasureTerm(term) || WEAK_TERMS.has(term)) return;
      // The words beside the count name what is counted ("со скольки покупок скидка"), so a passage holding them and
      // not the noun still leaves the count unsaid.
      nouns.push({ term, counted: new Set([term]), noun: true, ofNamed: true });
    });
  }
  return { nouns, units, asked };
}

/** False when the part asks a count the passage does not state. */
export function answersCountedAmounts(
  amounts: CountedAmounts,
  terms: readonly string[],
  hit: Pick<PassageHit, 'passage' | 'matched'>,
  { isOwn, isAboutListing, termsOf }: { isOwn: boolean; isAboutListing: boolean; termsOf: (text: string) => string[] },
): boolean {
  if (!answersMeasures(amounts.nouns, terms, hit, { isOwn, asked: amounts.asked, termsOf })) return false;
  // The unit measures the listing's thing or a part of it, of which its own passages speak, or a passage naming it ("ТО
  // генератора (масло, свеча)"); a passage of another topic sharing the clause answers another question typed on without a break ("скока ватт и
  // доставка?": "Отправляю СДЭК").
  if (!isAboutListing) return true;
  return amounts.units.every(
    ({ unit, clause }) => terms.length === 0 || !terms.every((term) => clause.has(term) || term === unit) || statesUnit(hit.passage, unit),
  );
}

/** Whether the passage states a number in the unit or another of its dimension ("1500 мл" for литр). */
export function statesUnit(passage: Passage, unit: string): boolean {
  const sequence = listTermSequence(passage.text);
  return sequence.some((term, at) => /^\p{N}/u.test(term) && isSameDimension(sequence[at + 1] ?? '', unit));
}
