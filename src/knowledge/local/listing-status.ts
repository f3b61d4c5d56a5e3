import { normalizeText, splitWords } from './terms.js';

/** The thesaurus term of availability: "в наличии", "осталось", "актуально". */
export const STATUS_TERM = 'налич';

/**
 * Whether the listing is still for sale ("актуально?", "ещё продаёте?") is answered by its own document wherever it says so
 * ("Угловой диван Осло — новый, осталось 2 шт"): a general passage on "мебель из наличия" says nothing of this item.
 */
export function asksListingStatus(term: string): boolean {
  return term === STATUS_TERM;
}

/**
 * "Цена актуальна?" in a listing chat whose documents never state availability asks the listing's price: the listing is on
 * sale while it is shown, so the status word is left out of every part and clause rather than answered by a price-list row
 * saying "Наличие: есть"; a part asking nothing else drops out.
 */
export function dropUnstatedStatus<Part extends { terms: string[]; clauses?: Part[] }>(parts: Part[], statesStatus: () => boolean): Part[] {
  const asks = (part: Part): boolean => part.terms.some(asksListingStatus) || (part.clauses ?? []).some(asks);
  if (!parts.some(asks) || statesStatus()) return parts;
  const drop = (list: readonly Part[]): Part[] =>
    list
      .map((part) => ({ ...part, terms: part.terms.filter((term) => !asksListingStatus(term)), ...(part.clauses === undefined ? {} : { clauses: drop(part.clauses) }) }))
      .filter((part) => part.terms.length > 0);
  return drop(parts);
}

/** Words that ask whether the thing is there, and words around them that say nothing else ("а ещё есть щас?"). */
const AVAILABLE = /(?:^|[^а-яё])(?:есть|остался|осталась|осталось|остались)(?![а-яё])/u;
const AROUND = /^(?:а|и|ну|еще|щас|сейчас|пока|сегодня|он|она|оно|они|такой|такая|такое|такие|ли|у|вас|в|на|продаже|наличии|живой|тут|здравствуйте|привет|добрый|день|вечер|утро)$/u;

/**
 * "ещё есть?", "медовик есть щас?": in a listing's chat, a sentence of "есть" and the listing's own name asks whether the
 * listing is still there: its availability (see STATUS_TERM), answered only where its documents state it.
 */
export function asksAvailabilityAlone(sentence: string, isOwnWord: (word: string) => boolean): boolean {
  const text = normalizeText(sentence);
  if (!AVAILABLE.test(text)) return false;
  return splitWords(text).every((word) => AVAILABLE.test(word) || AROUND.test(word) || isOwnWord(word));
}
