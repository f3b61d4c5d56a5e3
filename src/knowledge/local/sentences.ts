/**
 * A passage's sentences as the engine reads them, once per passage: each sentence's terms, what it stands under (the
 * passage's headings and short lead, its line's label, its own label) and, for a list's line, the line introducing the
 * list. The answer checks, the ranking and the clipped-word matching all look at where words stand through this.
 */
import type { Passage } from './passages.js';
import { splitSentences } from './passages.js';

/** A brand or model opening a sentence or line ("Brembo идут с датчиком…", "Akebono — японские…"). */
export const LATIN_OPENER = /^(?:•\s*|\d{1,3}[.)]\s*)?([a-z][a-z0-9]{2,})(?![a-z0-9])/iu;
/** A label opening a line or sentence: "Блок питания: …", "Akebono — …". */
export const LABEL = /^(?:•\s*|\d{1,3}[.)]\s*)?([^:—–]{1,40}?)\s*(?::|\s[—–]\s)/u;
/** A line of a list as passages.ts writes it ("• …", "1. …"), or as a plain-text document holds it ("- …"). */
export const LIST_ITEM = /^(?:[•–-]|\d{1,3}[.)]) /u;
/** "Крем.", "Предоплата.": a passage opening with a sentence this short is about what it names. */
const SHORT_LEAD_WORDS = 2;

type TermsOf = (text: string) => string[];

export interface Sentence {
  terms: readonly string[];
  /** Terms of what the sentence stands under: the passage's headings and one-word lead, its line's label, its own. */
  labels: ReadonlySet<string>;
  /** Terms of the line ending with ":" that introduces the list this sentence's line belongs to ("Как можно оплатить:"). */
  introduced: readonly string[];
  /** Words the seller shortened with a dot, lower case: "центр", "макс" of "Центр. отверстие", "Макс. нагрузка". */
  shortened: readonly string[];
  /**
   * For a table's row, the terms of what names its cells: the table's header ("Фасады — Цена за пог. м") and the headings
   * it stands under ("## Цены за погонный метр"). A row is no sentence: read alone, "ЛДСП Egger — от 28 000 р." says nothing.
   */
  columns: readonly string[];
  /** Terms of words the sentence denies ("ничего не разбивается"): it says the thing does not happen, not what to do when it does. */
  denied: readonly string[];
}

/** "не" before a word (or a pair of words with "/"): the word is denied. */
export const DENIED_WORD = /(?<![а-яё])не\s+([а-яё]+(?:\/[а-яё]+)?)/giu;

/**
 * A word cut with a dot inside a sentence: the next word starts in lower case ("Центр. отверстие", "макс. 690 кг"). Words
 * are cut after a consonant; "бесплатно. дальше…" is a sentence ended in a hurry.
 */
const SHORTENED = /(?<![\p{L}\p{N}])(\p{L}{3,}[бвгджзйклмнпрстфхцчшщ])\.\s+(?=[\p{Ll}\p{N}])/giu;

// Passages are fixed once indexed (and each belongs to one index, read with its termsOf): their sentences are read once.
const sentenceCache = new WeakMap<Passage, Sentence[]>();

export function readSentences(passage: Passage, termsOf: TermsOf): Sentence[] {
  let sentences = sentenceCache.get(passage);
  if (sentences === undefined) {
    sentences = splitLabelledSentences(passage, termsOf);
    sentenceCache.set(passage, sentences);
  }
  return sentences;
}

/**
 * The most of `terms` one sentence or line of the passage holds: terms standing together are evidence it answers. A table's
 * row holds what names its cells too ("ЛДСП Egger — от 28 000 р." under "Цены за погонный метр" states the price of a metre
 * in ЛДСП).
 */
export function countTermsTogether(passage: Passage, terms: readonly string[], termsOf: TermsOf): number {
  let most = 0;
  for (const sentence of readSentences(passage, termsOf)) {
    const held = new Set([...sentence.terms, ...sentence.columns]);
    most = Math.max(most, terms.filter((term) => held.has(term)).length);
  }
  return most;
}

function splitLabelledSentences(passage: Passage, termsOf: TermsOf): Sentence[] {
  const lead = readLead(passage.text);
  const shared = [...passage.headings, ...(lead === undefined ? [] : [lead])].flatMap((text) => termsOf(text));
  const columns = passage.tableHeader === undefined ? [] : [...termsOf(passage.tableHeader), ...termsOf(passage.headings.join('\n'))];
  const sentences: Sentence[] = [];
  let introduction: string[] = [];
  for (const line of passage.text.split('\n')) {
    const isItem = LIST_ITEM.test(line);
    if (!isItem) introduction = [];
    const lineLabel = LABEL.exec(line)?.[1];
    const lineTerms = lineLabel === undefined ? [] : termsOf(lineLabel);
    const introduced = isItem ? introduction : [];
    for (const sentence of splitSentences(line)) {
      const own = LABEL.exec(sentence)?.[1] ?? LATIN_OPENER.exec(sentence)?.[1];
      const shortened = [...sentence.matchAll(SHORTENED)].map((match) => (match[1] ?? '').toLowerCase().replaceAll('ё', 'е'));
      const denied = [...sentence.matchAll(DENIED_WORD)].flatMap((match) => termsOf(match[1] ?? ''));
      const labels = new Set([...shared, ...lineTerms, ...(own === undefined ? [] : termsOf(own)), ...columns]);
      sentences.push({ terms: termsOf(sentence), labels, introduced, shortened, denied, columns });
    }
    if (/:\s*$/u.test(line)) introduction = termsOf(line);
  }
  return sentences;
}

// "Крем. 92% муцина…": a passage opening with a one- or two-word sentence is about what it names.
export function readLead(text: string): string | undefined {
  const first = splitSentences(text.split('\n')[0] ?? '')[0];
  return first !== undefined && /[.:]$/.test(first) && first.split(/\s+/).length <= SHORT_LEAD_WORDS ? first : undefined;
}
