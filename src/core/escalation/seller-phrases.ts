/**
 * The seller's own ESCALATION_PHRASES, matched on Snowball stems under the same negation rule.
 */
import { stemmer } from '@orama/stemmers/russian';
import { FILLER, PREPOSITION } from './function-words.js';
import { isNegated } from './negation.js';
import { normalizeText, WORD, type Word } from './sentences.js';

/** Irregular verbs change their stem ("позвать" → "позва", "позовите" → "позов"): sellers list both forms. */
export function stemWords(text: string): string[] {
  return [...normalizeText(text).matchAll(WORD)].map(([word]) => word).filter((word) => !FILLER.has(word) && !PREPOSITION.has(word)).map((word) => stemmer(word));
}

const MAX_GAP = 2;

/** The phrase's stems in order, at most MAX_GAP other words apart, and not negated where it starts. */
export function containsPhrase(sentence: readonly Word[], stems: readonly string[]): boolean {
  const kept = sentence.map((word, index) => ({ index, stem: stemmer(word.text), skip: FILLER.has(word.text) || PREPOSITION.has(word.text) })).filter((word) => !word.skip);
  for (let start = 0; start < kept.length; start++) {
    if (kept[start]!.stem !== stems[0]) continue;
    let position = start;
    let matched = 1;
    while (matched < stems.length) {
      const limit = Math.min(kept.length, position + 2 + MAX_GAP);
      let found = -1;
      for (let i = position + 1; i < limit && found < 0; i++) if (kept[i]!.stem === stems[matched]) found = i;
      if (found < 0) break;
      position = found;
      matched++;
    }
    const first = kept[start]!.index;
    if (matched === stems.length && !isNegated(sentence, first, kept[position]!.index)) return true;
  }
  return false;
}
