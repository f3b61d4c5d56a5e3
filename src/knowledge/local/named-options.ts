/**
 * "через боксберри отправите?", "в постамат сдэка можно?": the word after "в" or "через" names the option the buyer asks
 * about (a carrier, a pick-up point, a place). Where the shop's documents never use that word, no passage answers for
 * it, however well the question's other words match ("СДЭК", "доставка", "пункт выдачи"): the passage answers for the
 * options it names, not for the buyer's.
 */
import { holdsQuestionWord } from './clause-questions.js';
import { VERB_FORM } from './search.js';
import { PREPOSITION, isAdjectiveForm } from './word-forms.js';
import { normalizeText, splitWords } from './terms.js';
import { UNIT_TERMS, WEEKDAY_TERMS } from './units.js';

/**
 * Where to, through whom, and with what ("с андроидом работает?": the phone the earbuds should work with, which documents
 * naming only the iPhone never answer for). Left out, because measured: "до" and "из" name an extent, a time or a material
 * as often ("до двери", "до обеда", "из чего"), "на" a size or an occasion ("на размере", "на море"), and "для" whom a thing
 * is for ("для кота", "для дачи"), which a passage on the thing answers without naming.
 */
const OPTION_PREPOSITIONS: ReadonlySet<string> = new Set(['в', 'во', 'через', 'с', 'со']);
/** "на пвз озона", "в постамат сдэка": the word after a pick-up point names whose it is. */
const PICKUP_POINTS = /^(?:пвз|постамат[аеуы]?|выдачи)$/u;
const POINT_ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ую|юю|ом|ем)$/u;
/** "с двумя аккумами", "в трёх цветах": a count of the option, not its name. */
const COUNT_WORD = /^(?:одн|дв[уеоа]|тр[её]х|тремя|четыр|пят|шест|сем|восьм|восем|девят|десят|нескольк)/u;
/** "в выходные", "в праздники", "в обед": when, not which option; a shop that never names them still answers the rest. */
const TIME_WORDS = /^(?:выходн|праздн|обед|перерыв|сезон|период|течени)/u;

interface OptionIndex {
  knows(term: string): boolean;
  resolveText(text: string): string[];
}

/**
 * Terms of the words after "в"/"через" in `question` that no passage holds: options nothing in the documents answers for.
 * Numbers, units, days and times ("в субботу", "в выходные") and `isCircumstance` terms (cities, answered by "по всей России"; weak words) are not options.
 */
export function findUnknownOptions(question: string, index: OptionIndex, isCircumstance: (term: string) => boolean): Set<string> {
  const words = splitWords(normalizeText(question));
  const options = new Set<string>();
  words.forEach((word, at) => {
    const next = words[at + 1];
    if (next === undefined || TIME_WORDS.test(next) || COUNT_WORD.test(next)) return;
    // "пункт выдачи любой", "пвз ближайший": an adjective after the point says which of the shop's, not whose.
    if (!OPTION_PREPOSITIONS.has(word) && !(PICKUP_POINTS.test(word) && !POINT_ADJECTIVE.test(next))) return;
    for (const term of index.resolveText(next)) if (isUnknownOption(term, index, isCircumstance)) options.add(term);
  });
  return options;
}

/**
 * "фасады из шпона делаете?", "патину на фасадах мдф делаете": a question whether the shop does or sells something names
 * that thing, and where the documents never use its word they cannot say yes, however well the rest matches ("фасады",
 * "МДФ"). Nor no: the part falls back, and the seller answers. Only the stretch of words around the verb is read, up to a
 * comma, "и"/"или"/"а" or a question word, where another question may begin ("рауплюс можно? под скос сделаете шкаф").
 */
const OFFER_VERB = /^(?:с?дела(?:ете|ешь|ют)|прода(?:ете|ешь|ют)|став(?:ите|ишь)|устанавлива(?:ете|ешь)|ремонтиру(?:ете|ешь)|чин(?:ите|ишь)|изготавлива(?:ете|ешь)|производ(?:ите|ишь)|шь(?:ете|ешь))$/u;
/** "…можно поставить?", "можно заказать шпон?": an offer asked with "можно" and the verb's infinitive. */
const OFFER_INFINITIVE = /^(?:с?делать|поставить|установить|заменить|поменять|починить|отремонтировать|изготовить|сшить|заказать|купить)$/u;
const STRETCH_END = /[?!.\n,;:…]+|\s(?:и|или|а)\s/u;

export function findUnknownOffers(question: string, index: OptionIndex, isCircumstance: (term: string) => boolean): Set<string> {
  const offers = new Set<string>();
  for (const stretch of normalizeText(question).split(STRETCH_END)) {
    const words = splitWords(stretch);
    let start = 0;
    for (let end = 0; end <= words.length; end += 1) {
      const word = words[end];
      // "…можно поставить?": "можно" before an offer's infinitive asks the offer itself, not another question.
      const offersWithMay = word === 'можно' && OFFER_INFINITIVE.test(words[end + 1] ?? '');
      if (word !== undefined && (!holdsQuestionWord(word) || offersWithMay)) continue;
      const between = words.slice(start, end);
      start = end + 1;
      const isOffer = (each: string, at: number): boolean => OFFER_VERB.test(each) || (OFFER_INFINITIVE.test(each) && between[at - 1] === 'можно');
      if (!between.some(isOffer)) continue;
      for (const each of between) {
        if (OFFER_VERB.test(each) || OFFER_INFINITIVE.test(each) || VERB_FORM.test(each)) continue;
        for (const term of index.resolveText(each)) if (isUnknownOption(term, index, isCircumstance)) offers.add(term);
      }
    }
  }
  return offers;
}

/** A term no passage holds, and no number, unit, day or circumstance: a thing the documents never name. */
function isUnknownOption(term: string, index: OptionIndex, isCircumstance: (term: string) => boolean): boolean {
  return !index.knows(term) && !/^\p{N}/u.test(term) && !UNIT_TERMS.has(term) && !WEEKDAY_TERMS.has(term) && !isCircumstance(term);
}

/** "…можете вложить?", "перетянуть сможете?": "можете" with an infinitive asks whether the shop does that. */
const ABLE = /^с?може(?:те|шь)$/u;
const INFINITIVE = /(?:ть|ться|ти)$/u;

interface StretchIndex {
  resolveText(text: string): string[];
  findUnknownWords(text: string): Array<{ term: string; word: string }>;
}

/**
 * "в подарочный набор открытку можете вложить?": a question whether the shop does something whose thing or deed the
 * documents never name ("вложить") is not answered by a passage on the rest of its
 * words ("Подарочный набор: 3 баночки…"). The search drops the unknown word, so the part asked may
 * hold only the known ones: per such stretch, the terms of its known words, which no part made of them alone answers.
 */
export function findUnknownOfferStretches(question: string, index: StretchIndex, isCircumstance: (term: string) => boolean): ReadonlySet<string>[] {
  return normalizeText(question)
    .split(STRETCH_END)
    .filter((stretch) => asksOffer(splitWords(stretch)))
    .filter((stretch) => index.findUnknownWords(stretch).some(({ term, word }) => isAskedUnknown(term, word, stretch, isCircumstance)))
    .map((stretch) => new Set(index.resolveText(stretch)));
}

/** Numbers in words ("метр двадцать") and what a number counts ("4 пачки") say how much, not what is asked. */
const NUMBER_WORD =
  /^(?:один|одна|одно|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|[а-я]+надцать|двадцать|тридцать|сорок|[а-я]+десят|девяносто|сто|двести|триста|[а-я]+сот|тысяч[аиу]?|полтора|полторы)$/u;

/**
 * The unknown word is the thing asked where no preposition stands within two words before it: "открытку можете вложить"
 * asks of the card, "подсветку под шкафы купе ставите" of the lighting, "купе" only saying under what. The verb asking
 * ("ставите", "можете") is how the buyer asks, not the deed; an adjective ("4 пачки древесного") says which, not what.
 */
function isAskedUnknown(term: string, word: string, stretch: string, isCircumstance: (term: string) => boolean): boolean {
  const words = splitWords(stretch);
  const at = words.indexOf(word);
  const counted = /^\p{N}/u.test(words[at - 1] ?? '');
  const governed = words.slice(Math.max(0, at - 2), at).some((before) => PREPOSITION.test(before));
  return at >= 0 && !counted && !governed && !isAdjectiveForm(word) && !OFFER_VERB.test(word) && !ABLE.test(word) && !NUMBER_WORD.test(word) && !/^\p{N}/u.test(term) && !UNIT_TERMS.has(term) && !WEEKDAY_TERMS.has(term) && !isCircumstance(term);
}

function asksOffer(words: readonly string[]): boolean {
  const able = words.some((word) => ABLE.test(word)) && words.some((word) => !ABLE.test(word) && INFINITIVE.test(word));
  return able || words.some((word, at) => OFFER_VERB.test(word) || (word === 'можно' && OFFER_INFINITIVE.test(words[at + 1] ?? '')));
}
