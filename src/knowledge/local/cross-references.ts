/**
 * Sellers write a fact once and point to it: "крылья не входят, можно докупить (см. прайс)", "гарантия 12 мес (подробно в
 * файле про гарантию)", "от 20 кг — крупногабарит, см. файл по доставке". A quoted sentence that sends the buyer to another
 * document is followed there: the buyer gets the price or the terms pointed to, not the pointer.
 */
import type { Passage } from './passages.js';
import { splitSentences } from './passages.js';
import type { PassageHit } from './search.js';
import { namesDocument } from './topic-documents.js';
import { normalizeText, splitWords } from './terms.js';
import { UNIT_TERMS } from './units.js';
import { WEAK_TERMS } from './vocabulary.js';

/**
 * "см. прайс", "см прайс", "смотрите в «Гарантия и возврат»", "подробно в файле про гарантию", "подробнее — в разделе
 * доставки". "см" after a number is centimetres ("50 см на размере M"), never a pointer.
 */
const POINTER = /(?<![\p{N}а-яё])(?<!\p{N}\s)(?:см\.?|смотрите|смотри|подробн[а-яё]*|читайте)(?![а-яё])[\s—–:-]+([^.;!?()\n]{1,60})/giu;
/** Words of a pointer that name no document: "в файле про…", "наш прайс". */
const POINTER_WORDS: ReadonlySet<string> = new Set([
  'в', 'во', 'на', 'о', 'об', 'про', 'по', 'и', 'у', 'наш', 'наше', 'нашем', 'нашу', 'нашей', 'файл', 'файле', 'файлы',
  'документ', 'документе', 'раздел', 'разделе', 'пункт', 'пункте', 'там', 'условия', 'условиях',
]);
/** The words of a pointer tried as a document's name, in order: "прайс на аксессуары" is the price list. */
const MAX_POINTER_WORDS = 3;

/** A document a quoted sentence points to, with the sentence's own words: what to look for there. */
export interface Pointer {
  /** The sentence holding the pointer, without it. */
  sentence: string;
  /** The document pointed to. */
  document: string;
}

/** The general documents `text` points to (never `from` itself), each with the sentence that points. */
export function listPointers(text: string, from: string, passages: readonly Passage[], termsOf: (text: string) => string[]): Pointer[] {
  const pointers: Pointer[] = [];
  let documents: Passage[] | undefined;
  for (const sentence of text.split('\n').flatMap((line) => splitSentences(line))) {
    for (const match of sentence.matchAll(POINTER)) {
      documents ??= listGeneralDocuments(passages);
      const words = splitWords(normalizeText(match[1] ?? ''))
        .filter((word) => !POINTER_WORDS.has(word))
        .slice(0, MAX_POINTER_WORDS);
      const document = words.map((word) => documents?.find((passage) => passage.document !== from && namesDocument(passage, word, termsOf))).find(Boolean);
      if (document === undefined || pointers.some((pointer) => pointer.document === document.document)) continue;
      pointers.push({ sentence: sentence.replace(match[0], ' '), document: document.document });
    }
  }
  return pointers;
}

/** Each general document's first passage: its name and title. */
function listGeneralDocuments(passages: readonly Passage[]): Passage[] {
  const firsts = new Map<string, Passage>();
  for (const passage of passages) if (passage.itemId === undefined && !firsts.has(passage.document)) firsts.set(passage.document, passage);
  return [...firsts.values()];
}

/**
 * The passage of the document pointed to that answers: it holds one of the asked or pointing sentence's own words beyond
 * weak ones and numbers (the fenders of "крылья… см. прайс", not any line of the price list), the asked words first.
 */
export function choosePointedHit(hits: readonly PassageHit[], asked: readonly string[], sentenceTerms: readonly string[]): PassageHit | undefined {
  // Numbers and units pick no line: "4 шт" of the question is in every price list's row of sets.
  const strong = (term: string): boolean => !WEAK_TERMS.has(term) && !UNIT_TERMS.has(term) && !/^\p{N}/u.test(term);
  const isAsked = new Set(asked.filter(strong));
  const isPointing = new Set(sentenceTerms.filter(strong));
  const ranked = hits
    .map((hit) => ({
      hit,
      asked: hit.matched.filter((term) => isAsked.has(term)).length,
      pointing: hit.matched.filter((term) => isPointing.has(term)).length,
    }))
    .filter(({ asked: byAsked, pointing }) => byAsked + pointing > 0);
  ranked.sort((a, b) => b.asked - a.asked || b.pointing - a.pointing || b.hit.score - a.hit.score);
  return ranked[0]?.hit;
}
