/**
 * "какой пробег?", "компрессия какая?": the noun beside "какой" is the fact asked, the rest of its clause says of what. A
 * passage holding the rest ("Двигатель CFNA; Polo; Цена: 55 000") and not the noun covers two words of three and says
 * nothing of what was asked; so with "входит", "включена" ("балансировка входит в 2000?"). A passage matching only words of
 * another clause ("фирма какая у комбеза, капюшон отстегивается?") answers that one, and the noun is asked again apart.
 * Attributes ("какой размер") and measures ("какой вес", stated by "1,39 кг") are answered by values that need not name
 * them and are left to their own checks.
 */
import type { PassageHit } from './search.js';
import { isMeasureTerm } from './measures.js';
import { UNIT_TERMS } from './units.js';
import { WEAK_TERMS } from './vocabulary.js';

/** "какой", "какая", "каков"…: which value a noun has; "входит", "включена": whether the noun is part of the rest. */
const ASKER = /^(?:как(?:ой|ая|ое|ие|ого|ую|ом|их)|каков[аоы]?|входит|входят|включен[аоы]?)$/u;
/** A piece holding another question word asks two things at once. */
const QUESTION_WORD = /^(?:скольк[а-яё]*|скок[аоу]?|почем|как[а-яё]*|где|куда|когда|зачем|почему|кто|ли|можно|есть|че|чо|что)$/u;
/** "и", "а", "или" join another clause: its words are not what this noun is asked of. */
const CONJUNCTION = /^(?:и|а|или)$/u;
/** Words each side of the noun and its asking word that say of what ("у партнера", "на поло"): more may be another question typed on. */
const CLAUSE_REACH = 2;

/** A noun whose value is asked, and the terms of the clause that say of what. */
export interface AskedNoun {
  term: string;
  clause: ReadonlySet<string>;
}

/** The nouns standing right after, or else right before, an asking word of the question. */
export function findAskedNouns(question: string, resolveText: (text: string) => string[]): AskedNoun[] {
  const nouns: AskedNoun[] = [];
  for (const piece of question.toLowerCase().replaceAll('ё', 'е').split(/[?!.\n,;]+/u)) {
    const words = piece.split(/[^\p{L}\p{N}/]+/u).filter((word) => word !== '');
    // Two questions typed without a break ("сколько гигов и на какой частоте проц скока ядер") leave no telling which
    // words say of what the noun is asked.
    const askers = words.filter((word) => ASKER.test(word) || QUESTION_WORD.test(word));
    if (askers.length !== 1) continue;
    words.forEach((word, at) => {
      if (!ASKER.test(word)) return;
      const [term, from] = findNoun(words, at, resolveText);
      if (term === undefined) return;
      const clause = readClause(words, Math.min(at, from), Math.max(at, from));
      nouns.push({ term, clause: new Set(resolveText(clause.join(' ')).filter((other) => other !== term)) });
    });
  }
  return nouns;
}

function findNoun(words: readonly string[], at: number, resolveText: (text: string) => string[]): [string | undefined, number] {
  for (const near of [at + 1, at - 1]) {
    const [term] = resolveText(words[near] ?? '').filter(isAskedNoun);
    if (term !== undefined) return [term, near];
  }
  return [undefined, at];
}

// A few words each side of the asking word and its noun, not past a conjunction.
function readClause(words: readonly string[], first: number, last: number): string[] {
  let start = first;
  while (start > 0 && first - start < CLAUSE_REACH && !CONJUNCTION.test(words[start - 1] ?? '')) start -= 1;
  let end = last;
  while (end + 1 < words.length && end - last < CLAUSE_REACH && !CONJUNCTION.test(words[end + 1] ?? '')) end += 1;
  return words.slice(start, end + 1);
}

/** A word that names a fact of its own: no attribute, measure, unit or number. */
function isAskedNoun(term: string): boolean {
  return !WEAK_TERMS.has(term) && !isMeasureTerm(term) && !UNIT_TERMS.has(term) && !/^\p{N}/u.test(term);
}

/** False when the hit matches words of a noun's clause and not the noun the part asks. */
export function holdsAskedNouns(nouns: readonly AskedNoun[], terms: readonly string[], naming: readonly string[], hit: Pick<PassageHit, 'matched'>): boolean {
  return nouns.every(
    (noun) =>
      !terms.includes(noun.term) ||
      hit.matched.includes(noun.term) ||
      !hit.matched.some((term) => noun.clause.has(term) && !naming.includes(term) && !WEAK_TERMS.has(term)),
  );
}
