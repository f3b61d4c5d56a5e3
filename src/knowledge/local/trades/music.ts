import type { PrefixRule } from '../prefix-table.js';

/**
 * Musical instruments: acoustic and electric guitars, combo amplifiers, pedals, digital pianos, strings and cases, the
 * workshop's set-ups and repairs. Earlier tables already read "комбик", "чехол" as "кейс" (cosmetics.ts), "звук".
 */
export const MUSIC_RULES: readonly PrefixRule[] = [
  // How strong a speaker or an amplifier is: "динамики мощные?" asks the listing's "мощность" and its watts ("2 × 8 Вт" is
  // read as "мощность" too); the stemmer keeps "мощн" apart from "мощност". The comparatives stay out: "видюху помощнее"
  // compares with another part and asks no watts.
  {
    term: 'мощност',
    words: ['мощный', 'мощная', 'мощное', 'мощные', 'мощного', 'мощной', 'мощному', 'мощным', 'мощную', 'мощных', 'мощными', 'мощен', 'мощна', 'мощны'],
  },
];
