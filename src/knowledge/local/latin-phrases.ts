/**
 * Names of several Latin words ("Some By Mi", "Good Morning") typed by ear in Cyrillic ("сам бай ми"): word by word the
 * halves are too short to transliterate safely ("ми", "бай"), but the whole name's sound is distinctive. The shop's
 * own names are learned from its documents; a run of the buyer's Cyrillic words that sounds like one is read as it.
 */
import { listSounds, soundOf, transliterate } from './term-resolver.js';
import { normalizeText, termOf, tokenizeWords } from './terms.js';

const MIN_WORDS = 2;
const MAX_WORDS = 4;
// Two or three sounds are shared by too many short word pairs ("до ми").
const MIN_SOUND_LENGTH = 5;
const MIN_CONSONANTS = 3;
const LATIN_RUN = /(?<![\p{L}\p{N}])[a-z][a-z0-9]*(?: [a-z][a-z0-9]*)+(?![\p{L}\p{N}])/gu;
const CYRILLIC_WORD = /^[а-я]+$/;

/** A sound → the Latin words of the name. */
export type LatinPhrases = Map<string, readonly string[]>;

/** Adds the names of `normalized` (normalizeText's output): every run of 2–4 Latin words only spaces divide. */
export function learnLatinPhrases(normalized: string, phrases: LatinPhrases): void {
  if (!/[a-z0-9] [a-z]/.test(normalized)) return;
  for (const [run] of normalized.matchAll(LATIN_RUN)) {
    const words = run.split(' ');
    for (let from = 0; from < words.length; from += 1) {
      for (let length = MIN_WORDS; length <= MAX_WORDS && from + length <= words.length; length += 1) {
        const name = words.slice(from, from + length);
        for (const sound of listPhraseSounds(name)) if (!phrases.has(sound)) phrases.set(sound, name);
      }
    }
  }
}

/** Every term of `text` with the word it was read from, as listTermWords gives them, runs sounding like a name read as it. */
export function listPhraseTermWords(text: string, phrases: LatinPhrases): Array<{ term: string; word: string }> {
  const words = tokenizeWords(normalizeText(text));
  const pairs: Array<{ term: string; word: string }> = [];
  for (let at = 0; at < words.length; ) {
    const name = phrases.size === 0 ? undefined : findPhraseAt(words, at, phrases);
    const read = name?.words ?? [words[at] ?? ''];
    for (const word of read) {
      const term = termOf(word);
      if (term !== undefined) pairs.push({ term, word });
    }
    at += name?.length ?? 1;
  }
  return pairs;
}

function findPhraseAt(words: readonly string[], at: number, phrases: LatinPhrases): { words: readonly string[]; length: number } | undefined {
  for (let length = MAX_WORDS; length >= MIN_WORDS; length -= 1) {
    const run = words.slice(at, at + length);
    if (run.length < length || !run.every((word) => CYRILLIC_WORD.test(word))) continue;
    const sound = soundOf(transliterate(run.join('')));
    const name = isDistinctive(sound) ? phrases.get(sound) : undefined;
    if (name !== undefined) return { words: name, length };
  }
  return undefined;
}

// Read aloud, a final "e" after a consonant is silent ("some" is "сам"); each reading of "c" counts too.
function listPhraseSounds(name: readonly string[]): string[] {
  const spoken = name.map((word) => (word.length >= 3 ? word.replace(/(?<=[^aeiouy])e$/, '') : word)).join('');
  const sounds = new Set([...listSounds(name.join('')), ...listSounds(spoken)]);
  return [...sounds].filter(isDistinctive);
}

function isDistinctive(sound: string): boolean {
  return sound.length >= MIN_SOUND_LENGTH && sound.replace(/a/g, '').length >= MIN_CONSONANTS;
}
