/**
 * Terms of one verb root under different prefixes: "отстёгивается" / "пристёгивается", "бронируем" / "забронировать".
 * Snowball keeps the prefix, and a lemmatizer would too (each prefixed verb is a lemma of its own), so the shop's own
 * terms are grouped by what is left once a prefix is taken off. A group is only consulted for a term no passage in
 * scope holds (see search.ts): where the documents use the buyer's own word, that word decides.
 */
import { CONCEPT_TERMS } from './vocabulary.js';
import { UNIT_TERMS } from './units.js';

const CYRILLIC = /\p{Script=Cyrillic}/u;
// Shorter remainders are other words as often as the same root ("до|ставк" / "по|ставк" share "ставк").
const MIN_ROOT_LENGTH = 6;
const MAX_REMEMBERED = 10_000;
// Prefixes of two letters or more, longest first; one-letter ones ("у|становк" / "о|становк") join unrelated words.
const PREFIXES = [
  'пере', 'пред', 'недо', 'разо', 'расс', 'раз', 'рас', 'при', 'про', 'под', 'обо', 'над', 'без', 'бес', 'вос', 'вз', 'вс',
  'вы', 'до', 'за', 'из', 'ис', 'на', 'об', 'от', 'по', 'со',
];

export interface RootFamilies {
  /** Indexed terms sharing `term`'s root under another prefix (or none), `term` itself left out. */
  siblingsOf(term: string): string[];
}

/** `terms`: every indexed term. */
export function createRootFamilies(terms: Iterable<string>): RootFamilies {
  const byRoot = new Map<string, string[]>();
  for (const term of terms) {
    if (!CYRILLIC.test(term) || CONCEPT_TERMS.has(term) || UNIT_TERMS.has(term)) continue;
    for (const root of listRoots(term)) {
      const family = byRoot.get(root);
      if (family === undefined) byRoot.set(root, [term]);
      else family.push(term);
    }
  }
  // Questions repeat their words: each term is looked up once.
  const known = new Map<string, string[]>();
  return {
    siblingsOf(term) {
      let siblings = known.get(term);
      if (siblings === undefined) {
        siblings = findSiblings(term, byRoot);
        if (known.size >= MAX_REMEMBERED) known.clear();
        known.set(term, siblings);
      }
      return siblings;
    },
  };
}

function findSiblings(term: string, byRoot: ReadonlyMap<string, readonly string[]>): string[] {
  if (!CYRILLIC.test(term) || CONCEPT_TERMS.has(term) || UNIT_TERMS.has(term)) return [];
  const siblings = new Set<string>();
  for (const root of listRoots(term)) for (const sibling of byRoot.get(root) ?? []) if (sibling !== term) siblings.add(sibling);
  return [...siblings];
}

/** The term itself and what each prefix it starts with leaves, where that is still a long root. */
export function listRoots(term: string): string[] {
  const roots = term.length >= MIN_ROOT_LENGTH ? [term] : [];
  for (const prefix of PREFIXES) {
    if (term.startsWith(prefix) && term.length - prefix.length >= MIN_ROOT_LENGTH) roots.push(term.slice(prefix.length));
  }
  return roots;
}
