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
  // A used instrument's flaws, as buyers ask them ("какие косяки?", "косячки есть?") and as sellers list them ("честно
  // пишу все нюансы:"), against the dents, chips and scuffs that earlier tables read as "поломка" ("дефект", "трещина")
  // or "потёртость" ("скол").
  {
    term: 'полом',
    prefixes: ['косяч'],
    words: [
      'косяк', 'косяка', 'косяку', 'косяком', 'косяке', 'косяки', 'косяков', 'косякам', 'косяками', 'косяках',
      'нюанс', 'нюансы', 'нюансов', 'нюансам', 'нюансами', 'нюансах',
    ],
  },
];
