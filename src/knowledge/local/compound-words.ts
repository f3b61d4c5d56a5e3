/**
 * Compounds that buyers and sellers join and split differently: the documents' "автокресло" answers a buyer's "кресло",
 * and a buyer's "стеклоподъемник" asks about the documents' "стекло" and "подъёмник". Only a joint of two real words
 * counts: a combining form ending in its linking vowel ("авто|кресло", "термо|кружка") before a long stem, or two indexed
 * words each long enough to stand alone. Prefixes are not words ("пере|дума", "по|меньше"), nor is "само-": "самовывоз" is a
 * word of its own, not a kind of "вывоз".
 */

import { termOf } from './terms.js';

/** Verb and noun prefixes, longest first: "за|бронировать", "до|ставка". */
export const WORD_PREFIXES: readonly string[] = ['пере', 'пред', 'при', 'про', 'раз', 'рас', 'под', 'без', 'бес', 'обо', 'над', 'вы', 'до', 'за', 'из', 'ис', 'на', 'об', 'от', 'по', 'со', 'вз', 'у', 'с', 'о', 'в'];

/** Starts that end in a linking vowel but make words of their own rather than kinds of the rest ("самовывоз", "взаимозачёт"). */
const BOUND_STARTS: readonly string[] = ['само', 'взаимо', 'везде', 'обще', 'перво', 'много', 'мало', 'ново', 'старо', 'благо'];

/** A tail this short is a suffix as often as a word ("пыле|сос", "термо|метр" is a unit's term). */
const MIN_TAIL_TERM = 5;
/** Each half of a buyer's joined word: "пол|года" and "по|меньше" are a prefix and a word, not two words. */
const MIN_HALF_WORD = 4;
const MIN_HALF_TERM = 4;
/**
 * Longer words are no compounds ("электросамокатами" has 17 letters): each cut stems both halves, so a 100,000-letter
 * "word" (test/e2e/bad-input.test.ts) would cost billions of steps.
 */
const MAX_COMPOUND_LENGTH = 40;

/** A combining form: at least three letters and its linking vowel, not a prefix ("пере", "обо") nor a bound start. */
function isCombiningForm(head: string): boolean {
  if (!/^[а-я]{3,}[ое]$/u.test(head)) return false;
  if (WORD_PREFIXES.includes(head) || BOUND_STARTS.includes(head)) return false;
  // "подо|", "предо|плата": a prefix with its own linking vowel.
  return !WORD_PREFIXES.some((prefix) => head === `${prefix}о` || head === `${prefix}е`);
}

/**
 * The tail of a compound term after its combining form ("кресл" of "автокресл", "кружк" of "термокружк"), the
 * longest such, when `accepts` takes it; undefined when the term is no such compound.
 */
export function findCompoundTail(term: string, accepts: (tail: string) => boolean): string | undefined {
  if (term.length > MAX_COMPOUND_LENGTH) return undefined;
  for (let cut = 4; cut <= term.length - MIN_TAIL_TERM; cut += 1) {
    const tail = term.slice(cut);
    if (isCombiningForm(term.slice(0, cut)) && accepts(tail)) return tail;
  }
  return undefined;
}

/**
 * A buyer's word that is two indexed words joined ("стеклоподъемник", "авитодоставкой"): the terms of both halves, when
 * exactly one cut gives two long indexed words; undefined otherwise.
 */
export function splitJoinedWord(word: string, knows: (term: string) => boolean, isTableTerm: (term: string) => boolean): [string, string] | undefined {
  if (word.length > MAX_COMPOUND_LENGTH) return undefined;
  let found: [string, string] | undefined;
  for (let cut = MIN_HALF_WORD; cut <= word.length - MIN_HALF_WORD; cut += 1) {
    const head = word.slice(0, cut);
    if (WORD_PREFIXES.includes(head) || BOUND_STARTS.includes(head)) continue;
    const left = termOf(head);
    const right = termOf(word.slice(cut));
    if (left === undefined || right === undefined || left.length < MIN_HALF_TERM || right.length < MIN_HALF_TERM) continue;
    if (!knows(left) || !knows(right) || isTableTerm(left) || isTableTerm(right)) continue;
    // Two cuts that read as different pairs of words: the joint is not sure.
    if (found !== undefined && (found[0] !== left || found[1] !== right)) return undefined;
    found = [left, right];
  }
  return found;
}
