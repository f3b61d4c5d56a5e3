/**
 * Buyers clip and re-prefix the documents' words: "клава" for "клавиатура", "вырост" beside "рост", "простой" beside
 * "простоя". Such a word is unknown to the index, so it counts as unanswered and the question falls short of the
 * threshold. Read against the whole shop, a word start links unrelated words (every keyboard line would answer "клаву под
 * заказ ждать?"); read within one sentence that states everything else the question asks, it is evidence that this
 * sentence answers: "Клавиатура с подсветкой" answers "клава светится".
 */
import type { Passage } from './passages.js';
import { readSentences } from './sentences.js';
import { WORD_PREFIXES } from './term-resolver.js';
import { normalizeText } from './terms.js';

/** Shorter starts are shared by too many unrelated words ("мас" of "масло" and "мастер"). */
const MIN_CLIPPED_LENGTH = 4;
const CYRILLIC_TERM = /^[а-я]+$/;
const NUMBER_TERM = /^\p{N}/u;

/** How the index reads words, for the passage at hand. */
export interface ClippedWordReading {
  /** Whether any passage of the shop holds the term. */
  knows: (term: string) => boolean;
  /** Circumstance words, which never make a sentence the answer. */
  weak: (term: string) => boolean;
  termsOf: (text: string) => string[];
}

/**
 * For one question, the finder of its unknown terms that start a word (themselves, or without a prefix) of a sentence of
 * a passage holding every other term the passage matched: found there, though the index never heard of them. A known
 * term is found so too where it starts a longer one of such a sentence ("колпачки по центру": "Колпачок центральный").
 * Undefined when the question has no such term.
 */
export function createClippedFinder(terms: readonly string[], reading: ClippedWordReading): ClippedFinder | undefined {
  const asked = terms.filter((term) => CYRILLIC_TERM.test(term) && !reading.weak(term));
  const clippable = asked
    .map((term) => {
      const known = reading.knows(term);
      return { term, known, starts: known ? (term.length > MIN_CLIPPED_LENGTH ? [term] : []) : listStarts(term) };
    })
    .filter(({ starts }) => starts.length > 0);
  // Any word asked may be one the seller shortened ("Центр. отверстие" for "центральное отверстие").
  const shortenable = asked.filter((term) => term.length > MIN_CLIPPED_LENGTH);
  if (clippable.length === 0 && shortenable.length === 0) return undefined;
  return (matched, passage) => {
    const stated = matched.filter((term) => !reading.weak(term) && !NUMBER_TERM.test(term));
    if (stated.length === 0) return [];
    const shortens = shortenable.length > 0 && hasShortened(passage);
    // Most passages never spell any of the starts: a scan of the text spares reading their sentences.
    const spells = (): boolean => clippable.some(({ term, starts }) => !matched.includes(term) && starts.some((start) => readText(passage).includes(start)));
    if (!shortens && !spells()) return [];
    const sentences = readSentences(passage, reading.termsOf).filter((sentence) => stated.every((term) => sentence.terms.includes(term)));
    if (sentences.length === 0) return [];
    const together = sentences.flatMap((sentence) => sentence.terms);
    const found = clippable
      .filter(({ term, known, starts }) => !matched.includes(term) && starts.some((start) => together.some((word) => word.startsWith(start) && (!known || word !== start))))
      .map(({ term }) => term);
    if (!shortens) return found;
    const shortened = sentences.flatMap((sentence) => sentence.shortened);
    const expanded = shortenable.filter((term) => !matched.includes(term) && !found.includes(term) && shortened.some((short) => term.startsWith(short)));
    return [...found, ...expanded];
  };
}

// Passages are fixed once indexed: whether one holds a shortened word is read once.
const shortenedCache = new WeakMap<Passage, boolean>();

function hasShortened(passage: Passage): boolean {
  let holds = shortenedCache.get(passage);
  if (holds === undefined) {
    holds = /\p{L}{4}\.\s+[\p{Ll}\p{N}]/u.test(passage.text);
    shortenedCache.set(passage, holds);
  }
  return holds;
}

/** The unknown terms a passage holds as clipped words, given the terms it matched. */
export type ClippedFinder = (matched: readonly string[], passage: Passage) => string[];

/** The term, and what is left of it without a prefix, each long enough to say something. */
function listStarts(term: string): string[] {
  const stripped = WORD_PREFIXES.filter((prefix) => term.startsWith(prefix)).map((prefix) => term.slice(prefix.length));
  return [term, ...stripped].filter((start) => start.length >= MIN_CLIPPED_LENGTH);
}

// Passages are fixed once indexed: their text is read once, and only for messages holding an unknown word.
const textCache = new WeakMap<Passage, string>();

function readText(passage: Passage): string {
  let text = textCache.get(passage);
  if (text === undefined) {
    text = normalizeText(passage.text);
    textCache.set(passage, text);
  }
  return text;
}
