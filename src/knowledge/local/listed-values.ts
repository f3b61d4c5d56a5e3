/**
 * "графит в 52 размере есть?": the listing's line "графит — 46, 48, 50" answers it, by the values it lists for the thing
 * asked about (no 52): "Размеры: 44–54", which holds 52 for all the colours together, does not say it alone.
 */
import type { Passage } from './passages.js';
import { NUMERAL_PREFIXES } from './terms.js';

type TermsOf = (text: string) => string[];

/** A measured number asked ("52" of "в 52 размере") and the other things the question names ("граф"). */
export interface AskedValue {
  number: string;
  things: readonly string[];
}

/** Values listed one by one ("46, 48, 50", "46/48"): a range ("44–54") gives the span for all, not which there are. */
const LISTED = /\d+(?:\s*[,/]\s*\d+)+/gu;
/** A line, a sentence, or a table row's cell ("Размеры: 44-54; Цвет: чёрный"): the values must stand with the thing's name. */
const STATEMENTS = /[\n;]|(?<=[.!?])\s+/u;

/** The passage lists two or more values for a thing asked, beside its name, none of them the number asked: it says which there are. */
export function listsOtherValues(passage: Passage, asked: AskedValue, termsOf: TermsOf): boolean {
  return passage.text.split(STATEMENTS).some((statement) => {
    if (!asked.things.some((thing) => termsOf(statement).includes(thing))) return false;
    const lists = (statement.match(LISTED) ?? []).map((list) => list.split(/\s*[,/]\s*/u));
    return lists.some((values) => values.every((value) => value.length === asked.number.length) && !values.includes(asked.number));
  });
}

/** A count written into a word: "2-местный", "3-х камерный", "трехъярусный" (read as "3" and "ярусн" by terms.ts). */
const NUMBERED = /(?<![\p{L}\p{N}])(\d+)\s*-\s*(?:х\s*-?\s*)?([а-яё]{3,})/giu;
/** Only adjectives count like this: "1-2-х дней" is a span of days, a measure of its own. */
const ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ую|юю|ых|их|ым|им)$/u;
const SPELT = new RegExp(`(?<![а-яё])(${NUMERAL_PREFIXES.join('|')})ъ?([а-яё]{4,})`, 'giu');

// Passages are fixed once indexed: their numbered words are read once.
const numberedCache = new WeakMap<Passage, Array<{ number: string; word: string }>>();

function readNumbered(passage: Passage): Array<{ number: string; word: string }> {
  let numbered = numberedCache.get(passage);
  if (numbered === undefined) {
    const text = passage.text.toLowerCase().replaceAll('ё', 'е');
    numbered = [
      ...[...text.matchAll(NUMBERED)].map((match) => ({ number: match[1] ?? '', word: match[2] ?? '' })),
      ...[...text.matchAll(SPELT)].map((match) => ({ number: String(NUMERAL_PREFIXES.indexOf(match[1] ?? '') + 2), word: match[2] ?? '' })),
    ].filter(({ word }) => ADJECTIVE.test(word));
    numberedCache.set(passage, numbered);
  }
  return numbered;
}

/**
 * "диван 4 местный": the passage writes the count into the word ("диван 2-местный", "3-местный") and never with 4: it
 * prices the sofas it names, not the buyer's. False only where the passage numbers that very word with other counts.
 */
export function numbersOtherCounts(passage: Passage, number: string, term: string, termOf: (word: string) => string | undefined): boolean {
  const counts = readNumbered(passage)
    .filter(({ word }) => termOf(word) === term)
    .map((numbered) => numbered.number);
  return counts.length > 0 && !counts.includes(number);
}
