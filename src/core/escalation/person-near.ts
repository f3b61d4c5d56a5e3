/**
 * Finding the person a verb is about: next to it, past fillers, adjectives and prepositions.
 */
import { FILLER, PREPOSITION } from './function-words.js';
import { isOneOfShop, isTheOneWho, NAME_CASES, NOMINATIVE, PERSON, PERSON_ADJECTIVE, PLACE_OF_PERSON, SOMEBODY, SOMEONE, STAFF_DOING, THAT_ONE, TRADE, WHOSE } from './person-words.js';
import { isToChat } from './request-words.js';
import { type Word } from './sentences.js';

/** How far a person may stand from its verb, and (twice that) a negation before the verb: words, fillers included. */
export const NEAR = 6;

/** The index of the person the word at `at` is about: next to it, past fillers, adjectives and prepositions. */
export function findPersonNear(words: readonly Word[], at: number, options: { someone: boolean; withPreposition: boolean; named: boolean; somebody?: boolean }): number | undefined {
  const isPerson = (index: number): boolean => {
    const text = words[index]!.text;
    // "позовите девушку", "позовите Андрея", "позовите того, кто выкладывал": a person by who they are.
    // "соедините с тем, чье это объявление": the one whose listing it is.
    const whoIs = THAT_ONE.has(text) && (/^(?:кто|котор(?:ый|ая|ые|ого|ой))$/u.test(words[index + 1]?.text ?? '') || WHOSE.test(words[index + 1]?.text ?? ''));
    // "поговорить с мамой, которая продает": anyone, by what they do at the shop.
    const doing = /^котор(?:ый|ая|ые)$/u.test(words[index + 1]?.text ?? '') && STAFF_DOING.test(words[index + 2]?.text ?? '');
    const somebody = options.somebody === true && (SOMEBODY.test(text) || PLACE_OF_PERSON.test(text) || NAME_CASES.has(text) || TRADE.test(text) || whoIs || doing);
    if (!PERSON.test(text) && !(options.someone && SOMEONE.test(text)) && !somebody && !isTheOneWho(words, index)) return false;
    if (NOMINATIVE.test(text) && !options.named) return false;
    return !options.withPreposition || ['с', 'со', 'до'].includes(wordBefore(words, index) ?? '');
  };
  for (const step of [1, -1]) {
    for (let index = at + step; index >= 0 && index < words.length && Math.abs(index - at) <= NEAR; index += step) {
      if (isPerson(index)) return index;
      const text = words[index]!.text;
      if (step < 0) {
        // "с кем-то из магазина переговорить": whose the someone is stands between.
        if (words[index - 1]?.text === 'из' && isOneOfShop(words, index - 2) && isPerson(index - 2)) return index - 2;
        // "с хозяином гитары пообщаться": what the person owns stands between.
        if (index > 0 && isPerson(index - 1) && !NOMINATIVE.test(words[index - 1]!.text)) return index - 1;
      }
      // "пригласите в чат того, кто…": where the person is fetched to stands between.
      if (!FILLER.has(text) && !PREPOSITION.has(text) && !PERSON_ADJECTIVE.test(text) && !THAT_ONE.has(text) && text !== 'можно' && !isToChat(words, index)) break;
    }
  }
  return undefined;
}

/** The word before `index`, past the person's adjectives ("с живым человеком" → "с"). */
export function wordBefore(words: readonly Word[], index: number): string | undefined {
  let before = index - 1;
  while (before >= 0 && (PERSON_ADJECTIVE.test(words[before]!.text) || THAT_ONE.has(words[before]!.text))) before--;
  return words[before]?.text;
}
