/**
 * The thing a question asks about and what it says of it: "подсветку под верхние шкафы ставите?", "beauty of joseon
 * сыворотка с рисом есть у вас?", "а рама у бежевой какого цвета?". The first noun of a question, not governed by a
 * preposition, is the thing asked, with the adjectives before it and the words right after it that name it with it
 * ("перегородочные блоки", "пробник начинок", "наушники сони"); the words after a preposition say of what, for what,
 * with what. A passage holding some of those words and nothing of the thing ("В цену входят нижние + верхние шкафы",
 * "Крем Relief Sun: Rice") speaks of something else.
 */
import type { PassageHit } from './search.js';
import { VERB_FORM } from './search.js';
import { UNIT_TERMS } from './units.js';
import { PRICE_TERM, WEAK_TERMS } from './vocabulary.js';

/** Endings of Russian adjectives: "лазерный уровень" is asked of the level, not of "лазерный". */
const ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ую|юю|ого|его|ых|их)$/u;

/** Prepositions: the noun after one is an adjunct ("подсветку под верхние шкафы"), not the thing. */
const PREPOSITION = /^(?:под|над|на|в|во|с|со|из|без|для|к|ко|по|от|до|у|о|об|при|за|про|через)$/u;
/** Words right after the first noun that still name the thing with it: "пробник начинок", "наушники сони". */
const PHRASE_REACH = 2;

/** The first noun of a sentence with the words right after it, and whether a preposition stands before it or after them. */
interface NounPhrase {
  terms: readonly string[];
  governed: boolean;
  adjunct: boolean;
}

// The first noun and the words right after it up to a preposition or a verb: "диски без резины отдельно продадите" → диски.
function findFirstNounPhrase(sentence: string, resolveText: (text: string) => string[]): NounPhrase {
  const words = sentence.toLowerCase().replaceAll('ё', 'е').split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  const at = words.findIndex((word) => {
    if (!/^[а-я]+$/u.test(word) || VERB_FORM.test(word) || ADJECTIVE.test(word)) return false;
    const [read] = resolveText(word);
    return read !== undefined && read !== PRICE_TERM && !WEAK_TERMS.has(read) && !UNIT_TERMS.has(read);
  });
  if (at < 0) return { terms: [], governed: false, adjunct: false };
  // "перегородочные блоки за штуку": the adjectives right before the noun name the thing with it.
  let first = at;
  while (first > 0 && ADJECTIVE.test(words[first - 1] ?? '')) first -= 1;
  const terms: string[] = words.slice(first, at).flatMap((word) => resolveText(word).filter((term) => !WEAK_TERMS.has(term) && term !== PRICE_TERM));
  let adjunct = false;
  for (const [offset, word] of words.slice(at, at + 1 + PHRASE_REACH).entries()) {
    if (offset > 0 && (PREPOSITION.test(word) || VERB_FORM.test(word))) {
      adjunct = PREPOSITION.test(word);
      break;
    }
    terms.push(...resolveText(word).filter((term) => !WEAK_TERMS.has(term)));
  }
  // "у нас дача в снт": a preposition one or two words back ("у нас") makes the noun a circumstance of a story.
  return { terms, governed: words.slice(Math.max(0, first - 2), first).some((word) => PREPOSITION.test(word)), adjunct };
}

/** A question's thing asked ahead of a preposition, and the terms of its sentence after it. */
export interface HeadedQuestion {
  head: readonly string[];
  rest: ReadonlySet<string>;
}

/** Per question sentence whose first noun a preposition follows ("чехол на айфон 13 есть?"), the thing and the rest. */
export function findHeadedQuestions(question: string, resolveText: (text: string) => string[]): HeadedQuestion[] {
  return question
    .split(/(?<=[?!.])\s+|\n+/u)
    .filter((sentence) => sentence.trim().endsWith('?'))
    .flatMap((sentence) => {
      const phrase = findFirstNounPhrase(sentence, resolveText);
      if (phrase.terms.length === 0 || !phrase.adjunct || phrase.governed) return [];
      return [{ head: phrase.terms, rest: new Set(resolveText(sentence).filter((term) => !phrase.terms.includes(term))) }];
    });
}

/** False for a hit of a part asking a headed question that matches words of the rest and nothing of the thing. */
export function holdsQuestionHead(questions: readonly HeadedQuestion[], terms: readonly string[], hit: Pick<PassageHit, 'matched'>): boolean {
  return questions.every(
    (question) =>
      !question.head.some((term) => terms.includes(term)) ||
      question.head.some((term) => hit.matched.includes(term)) ||
      !hit.matched.some((term) => question.rest.has(term) && !WEAK_TERMS.has(term) && term !== PRICE_TERM),
  );
}
