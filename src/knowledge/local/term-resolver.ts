/**
 * A question's word the documents never use, matched to one they do: a typo ("гарантя"), another prefix or form of the
 * same stem ("бронируем" / "забронировать", "наличка" / "наличные"), a brand typed in Cyrillic ("самсунг" / Samsung).
 * Only words missing from the index are resolved, each to at most one indexed term, or to two where it joins two words.
 */

import { WORD_PREFIXES, findCompoundTail, splitJoinedWord } from './compound-words.js';
import { readsAsLatin } from './latin-reading.js';
import { termOf } from './terms.js';
import { UNIT_TERMS, WEEKDAY_TERMS } from './units.js';
import { CONCEPT_TERMS } from './vocabulary.js';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_WORD = /^[a-z][a-z0-9]*$/;
// Shorter stems are real words as often as typos ("налич" is not "наличн").
const MIN_FUZZY_LENGTH = 6;
const MIN_COMMON_PREFIX = 5;
const MIN_CLIPPED_LENGTH = 5;
export { WORD_PREFIXES };

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'i', ь: '', э: 'e',
  ю: 'u', я: 'a',
};

/**
 * Cyrillic terms whose words spell an indexed Latin one ("камр" from "на Камри" beside "Camry"): both are read as the
 * Latin term. `words`: each term with a word it was read from.
 */
export function findTransliterations(counts: ReadonlyMap<string, number>, words: ReadonlyMap<string, string>): Map<string, string> {
  const bySound = indexLatinSounds(counts);
  const aliases = new Map<string, string>();
  if (bySound.size === 0) return aliases;
  for (const [term, word] of words) {
    if (!CYRILLIC.test(term) || isFixed(term)) continue;
    // A document's own words are Russian far more often than brands said aloud: "весу", "серый", "зимой" sound like Visa,
    // Zara, Some By Mi. A short one is read as a Latin name only where it spells it ("Камри" beside Camry).
    // Nor is a document's word the start of a name: the "мастера" of "выезд мастера" is not Mastercard.
    const brand = findBrand(word, bySound, { spelt: true, clipped: false });
    if (brand !== undefined) aliases.set(term, brand);
  }
  return aliases;
}

/** Each sound key with the Latin terms said so, the commonest first. */
function indexLatinSounds(counts: ReadonlyMap<string, number>): Map<string, string[]> {
  const bySound = new Map<string, string[]>();
  for (const term of counts.keys()) {
    if (!LATIN_WORD.test(term) || term.length < 3) continue;
    for (const sound of listSounds(term)) {
      if (!isDistinctive(sound, term)) continue;
      const known = bySound.get(sound);
      if (known === undefined) bySound.set(sound, [term]);
      else if (!known.includes(term)) known.push(term);
    }
  }
  for (const terms of bySound.values()) if (terms.length > 1) terms.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  return bySound;
}

export interface TermResolver {
  /** The term as indexed, a close indexed term, or the term itself when nothing is close; `word` is what it was read from. */
  resolve(term: string, word: string): string;
  /**
   * What a word is read as: resolve's one term, or both halves of a word that is two indexed words joined ("стеклоподъемник",
   * "авитодоставкой", see compound-words.ts).
   */
  read(term: string, word: string): string[];
}

// A concept read from the start of a long word ("авито" of "авитодоставкой") may leave a second word unread.
const MIN_UNREAD_TAIL = 6;

/** `counts`: every indexed term with how often it occurs, so that of two candidates the commoner wins. */
export function createTermResolver(counts: ReadonlyMap<string, number>): TermResolver {
  const bySound = indexLatinSounds(counts);
  const byStripped = new Map<string, string>();
  const commoner = (a: string | undefined, b: string): string => (a !== undefined && (counts.get(a) ?? 0) >= (counts.get(b) ?? 0) ? a : b);
  // "кружка" where the documents only say "термокружка": the compound is the buyer's thing (see compound-words.ts).
  const byTail = new Map<string, string>();
  for (const term of counts.keys()) {
    if (!CYRILLIC.test(term)) continue;
    for (const stripped of stripPrefixes(term)) byStripped.set(stripped, commoner(byStripped.get(stripped), term));
    const tail = findCompoundTail(term, (candidate) => !isTableTerm(candidate) && !isFixed(candidate));
    if (tail !== undefined) byTail.set(tail, commoner(byTail.get(tail), term));
  }
  const cache = new Map<string, string>();
  const find = (term: string, word: string): string | undefined => {
    if (!CYRILLIC.test(term)) return undefined;
    // "рио", "киа": a short name spelt letter for letter as the documents' Latin one ("Kia Rio"), too short to go by sound.
    const spelt = transliterate(word);
    if (spelt.length >= MIN_SPELT_NAME && counts.has(spelt)) return spelt;
    const brand = findBrand(word, bySound, { spelt: false, clipped: false });
    if (brand !== undefined) return brand;
    for (const stripped of [term, ...stripPrefixes(term)]) {
      const found = counts.has(stripped) ? stripped : byStripped.get(stripped);
      if (found !== undefined) return found;
    }
    const compound = byTail.get(term);
    if (compound !== undefined) return compound;
    const noun = findNounCase(word, counts) ?? findPlainForm(word, counts) ?? findPlainComparative(word, counts);
    if (noun !== undefined) return noun;
    // A Russian word of the documents before the start of a Latin name: "мастер" is the "мастерская", not Mastercard.
    const close = term.length >= MIN_CLIPPED_LENGTH ? findClose(term, counts) : undefined;
    return close ?? findBrand(word, bySound, { spelt: false, clipped: true }) ?? findNegated(term, counts);
  };
  const resolve = (term: string, word: string): string => {
    if (counts.has(term) || isFixed(term)) return term;
    const key = `${term} ${word}`;
    let resolved = cache.get(key);
    if (resolved === undefined) {
      resolved = find(term, word) ?? term;
      cache.set(key, resolved);
    }
    return resolved;
  };
  const knows = (term: string): boolean => counts.has(term);
  return {
    resolve,
    read(term, word) {
      const known = counts.has(term) || isFixed(term);
      const unread = !known || (CONCEPT_TERMS.has(term) && word.length >= term.length + MIN_UNREAD_TAIL);
      const halves = unread && CYRILLIC.test(word) ? splitJoinedWord(word, knows, isTableTerm) : undefined;
      return halves ?? [resolve(term, word)];
    },
  };
}

interface BrandReading {
  /** A short sound key must be spelt out too (see spells). */
  spelt: boolean;
  /** A long start of the name is enough ("косрх" for COSRX); else the whole name only. */
  clipped: boolean;
}

// The whole word, not its stem: "возите" is not "Visa", though "воз" and "visa" sound alike. A sound key only finds the
// candidates: the word must also read as the name letter by letter (see latin-reading.ts).
function findBrand(word: string, bySound: ReadonlyMap<string, readonly string[]>, reading: BrandReading): string | undefined {
  const latin = transliterate(word);
  const sound = soundOf(latin);
  if (!isDistinctive(sound, latin)) return undefined;
  const exact = bySound.get(sound);
  if (exact !== undefined) {
    return exact.find((brand) => (!reading.spelt || sound.length > SHORT_SOUND || spells(latin, brand)) && readsAsLatin(word, brand, { clipped: false }));
  }
  if (!reading.clipped || sound.length < 4) return undefined;
  for (const [brandSound, brands] of bySound) {
    if (!brandSound.startsWith(sound) || sound.length < brandSound.length * 0.6) continue;
    const brand = brands.find((candidate) => readsAsLatin(word, candidate, { clipped: true }));
    if (brand !== undefined) return brand;
  }
  return undefined;
}

const MIN_SPELT_NAME = 3;

/** Sound keys this short must be spelt out too ("поло" is Polo, "весу" is not Visa). */
const SHORT_SOUND = 3;

/** Letter by letter, vowels kept, the last vowels dropped (Russian endings): "зару" spells Zara, "весу" does not spell Visa. */
function spells(latinOfWord: string, latin: string): boolean {
  const letters = (text: string): string =>
    text.replace(/sch/g, 'sh').replace(/ph/g, 'f').replace(/ck|q|c/g, 'k').replace(/w/g, 'v').replace(/[yj]/g, 'i').replace(/x/g, 'ks').replace(/h/g, '').replace(/[aeiou]+$/, '');
  const word = letters(latinOfWord);
  // An English "i" is often said "ai": "найк" is Nike, "вайфай" wifi.
  return word === letters(latin) || word === letters(latin.replace(/[iy]/g, 'ai'));
}

/**
 * Snowball reads "-ой" and "-ей" as an adjective's ending, so a noun ending in them ("простой", "отстой") gets another stem
 * than its other cases ("час простоя"): the term of the same noun in the genitive or dative, where the documents hold it.
 */
function findNounCase(word: string, counts: ReadonlyMap<string, number>): string | undefined {
  if (!/[ое]й$/u.test(word) || word.length < 5) return undefined;
  const stem = word.slice(0, -1);
  for (const form of [`${stem}я`, `${stem}ю`]) {
    const term = termOf(form);
    if (term !== undefined && counts.has(term)) return term;
  }
  return undefined;
}

/**
 * A young animal and a diminutive change the noun's stem, and Snowball keeps the change: "котёнка" / "котят", "рыбок" /
 * "рыб", "скидочку" / "скидка", "размерчик" / "размер". The plain noun's term, where the documents hold it.
 */
const STEM_CHANGES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^(.{2,})[ео]н(?:ок|к[аеиоуы]|ком|кам|ками|ках)$/u, ['ята', 'ятам', 'ят', 'ата', 'ат']],
  [/^(.{2,})[яа]т(?:а|ам|ами|ах)?$/u, ['енок', 'онок']],
  [/^(.{3,})[ое]чк[аеиоуы]?$/u, ['ка']],
  [/^(.{3,})ь?чик(?:а|у|ом|и|ов|ам|ами|ах)?$/u, ['']],
  [/^(.{3,})(?:ок|к[аеиоуы]|кой|кам|ками|ках)$/u, ['а', 'о', '']],
];

function findPlainForm(word: string, counts: ReadonlyMap<string, number>): string | undefined {
  for (const [pattern, endings] of STEM_CHANGES) {
    const base = pattern.exec(word)?.[1];
    if (base === undefined) continue;
    for (const ending of endings) {
      const term = termOf(base + ending);
      if (term !== undefined && term.length >= 3 && counts.has(term)) return term;
    }
  }
  return undefined;
}

/**
 * "поменьше", "побольше", "подешевле": a comparative softened by "по-", joined or not ("по меньше" of a document), asks
 * what the bare comparative does. Its term where the documents hold it; "по" alone is a prefix, so the rest must be long.
 */
const SOFTENED_COMPARATIVE = /^по([а-я]{3,}(?:ше|же|че|ее|ей))$/u;

function findPlainComparative(word: string, counts: ReadonlyMap<string, number>): string | undefined {
  const bare = SOFTENED_COMPARATIVE.exec(word)?.[1];
  const term = bare === undefined ? undefined : termOf(bare);
  return term !== undefined && term.length >= 4 && counts.has(term) ? term : undefined;
}

// "год" is a word of the engine's tables, not a misspelt "good".
function isFixed(term: string): boolean {
  return CONCEPT_TERMS.has(term) || UNIT_TERMS.has(term);
}

// What is left must still be a long stem: "с|лома" and "вз|лома" share only a short one.
function stripPrefixes(term: string): string[] {
  return WORD_PREFIXES.filter((prefix) => term.startsWith(prefix) && term.length - prefix.length >= MIN_FUZZY_LENGTH).map((prefix) => term.slice(prefix.length));
}

// Three sounds, or an acronym ("ссд" / SSD): shorter keys are shared by too many unrelated words.
function isDistinctive(sound: string, word: string): boolean {
  return sound.length >= 3 || (sound.length === 2 && !/[aeiouy]/.test(word));
}

/** "Неофициал" asks the same thing as the documents' "официальный": the attribute, with or without its "не-". */
function findNegated(term: string, counts: ReadonlyMap<string, number>): string | undefined {
  const base = term.startsWith('не') ? term.slice(2) : '';
  if (base.length < MIN_CLIPPED_LENGTH) return undefined;
  return counts.has(base) ? base : findClose(base, counts);
}

// One edit away (a typo), or the same long start ("наличк" / "наличн"): the commonest such indexed term.
function findClose(term: string, counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = -1;
  for (const [candidate, count] of counts) {
    if (candidate.length < MIN_CLIPPED_LENGTH) continue;
    // A clipped word ("аккум" for "аккумулятор") is the start of the indexed one, however much shorter.
    const clipped = candidate.startsWith(term) && candidate.length >= term.length + 2;
    if (!clipped && Math.abs(candidate.length - term.length) > 2) continue;
    if (!clipped && (term.length < MIN_FUZZY_LENGTH || isTableTerm(candidate) || !isClose(term, candidate))) continue;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * A weekday or a unit is read from its own forms (units.ts lists them, "четверга", "литров"), so a word they leave out
 * is another word, not a typo of one: "четвертый" is the fourth, not Thursday. Only its clipped start ("воскр") is.
 */
function isTableTerm(term: string): boolean {
  return WEEKDAY_TERMS.has(term) || UNIT_TERMS.has(term);
}

function isClose(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && a[common] === b[common]) common += 1;
  if (common >= MIN_COMMON_PREFIX && common >= Math.min(a.length, b.length) - 1) return true;
  return a[0] === b[0] && isOneEditAway(a, b);
}

/** Damerau: one insertion, deletion, substitution or swap of neighbours. */
function isOneEditAway(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * How a Latin word may be read aloud: "c" before e, i, y is "s" in "cinema" but "k" in "cyberpunk" ("киберпанк"); "g"
 * there is "g" in "gear" but "дж" in "Sportage" ("спортейдж").
 */
export function listSounds(latin: string): string[] {
  const sounds = [soundOf(latin)];
  if (/c[eiy]/.test(latin)) sounds.push(soundOf(latin.replace(/c(?=[eiy])/g, 'k')));
  if (/g[eiy]/.test(latin)) sounds.push(soundOf(latin.replace(/g(?=[eiy])/g, 'j')));
  return [...new Set(sounds)];
}

/** Letter by letter into Latin: how a Cyrillic word may be spelt in a brand or a file name. */
export function transliterate(word: string): string {
  return [...word].map((char) => CYRILLIC_TO_LATIN[char] ?? char).join('');
}

/** Letters by sound, every vowel run one "a", a final vowel dropped: "samsung"/"самсунг" → "samsang", "nike"/"найк" → "nak". */
export function soundOf(latin: string): string {
  const sounds = latin
    // "igh" is said "ai" ("Lightning" / "лайтнинг", "night" / "найт").
    .replace(/igh/g, 'i')
    // "дж" spelt out ("спортейдж" → "sportejdzh") is one sound, as "j" is.
    .replace(/dzh|dj/g, 'j')
    .replace(/sch|sh|ch|zh|ts|tz/g, 's')
    .replace(/ph/g, 'f')
    .replace(/ck|q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/[wf]/g, 'v')
    .replace(/z/g, 's')
    .replace(/j/g, 's')
    .replace(/h/g, '');
  return sounds
    .replace(/\d+/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/[aeiouy]+/g, 'a')
    .replace(/(?<=.)a$/, '');
}
