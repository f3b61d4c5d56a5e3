/**
 * "через боксберри отправите?", "в постамат сдэка можно?": the word after "в" or "через" names the option the buyer asks
 * about (a carrier, a pick-up point, a place). Where the shop's documents never use that word, no passage answers for
 * it, however well the question's other words match ("СДЭК", "доставка", "пункт выдачи"): the passage answers for the
 * options it names, not for the buyer's.
 */
import { normalizeText, splitWords } from './terms.js';
import { UNIT_TERMS, WEEKDAY_TERMS } from './units.js';

/**
 * Where to and through whom. Left out, because measured: "до" and "из" name an extent, a time or a material as often
 * ("до двери", "до обеда", "из чего"), and "на" a size or an occasion ("на размере", "на море").
 */
const OPTION_PREPOSITIONS: ReadonlySet<string> = new Set(['в', 'во', 'через']);
/** "в выходные", "в праздники", "в обед": when, not which option; a shop that never names them still answers the rest. */
const TIME_WORDS = /^(?:выходн|праздн|обед|перерыв|сезон|период|течени)/u;

interface OptionIndex {
  knows(term: string): boolean;
  resolveText(text: string): string[];
}

/**
 * Terms of the words after "в"/"через" in `question` that no passage holds: options nothing in the documents answers for.
 * Numbers, units, days and times ("в субботу", "в выходные") and `isCircumstance` terms (cities, answered by "по всей России"; weak words) are not options.
 */
export function findUnknownOptions(question: string, index: OptionIndex, isCircumstance: (term: string) => boolean): Set<string> {
  const words = splitWords(normalizeText(question));
  const options = new Set<string>();
  words.forEach((word, at) => {
    const next = words[at + 1];
    if (next === undefined || !OPTION_PREPOSITIONS.has(word) || TIME_WORDS.test(next)) return;
    for (const term of index.resolveText(next)) {
      if (index.knows(term) || /^\p{N}/u.test(term) || UNIT_TERMS.has(term) || WEEKDAY_TERMS.has(term) || isCircumstance(term)) continue;
      options.add(term);
    }
  });
  return options;
}
