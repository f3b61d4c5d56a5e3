import type { PrefixRule } from '../prefix-table.js';

/** Price lists and cities as buyers shorten them ("екб", "новосиб", "мск"): the term is the city's own, so it stays a city. */
export const PLACE_AND_PRICE_RULES: readonly PrefixRule[] = [
  { term: 'цена', prefixes: ['расценк'] },
  { term: 'москв', words: ['мск', 'мскв'] },
  { term: 'петербург', prefixes: ['петербург'], words: ['питер', 'питера', 'питеру', 'питере', 'питером', 'спб'] },
  { term: 'екатеринбург', words: ['екб', 'ебург', 'екат'] },
  { term: 'новосибирск', words: ['нск', 'новосиб', 'новосиба', 'новосибе', 'новосибу'] },
  { term: 'краснодар', words: ['крд', 'кдр'] },
  { term: 'челябинск', words: ['челяба', 'челябе', 'челябу', 'челябы'] },
];
