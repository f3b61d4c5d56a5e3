/**
 * The questions of a message an answer leaves out. Buyers ask two or three things at once ("акб какая, сим физ есть"); the
 * engine quotes what the documents hold, and a question none of them answers would otherwise drop silently: the buyer
 * takes the reply for the whole answer, the seller never hears of the rest. Each such question is named, so that the core
 * can say that a person will answer it, and tell the seller which one.
 */
import { COLOR_TERM, COLOR_TERMS } from './asked-colors.js';
import { holdsQuestionWord } from './clause-questions.js';
import { STATUS_TERM } from './listing-status.js';
import { listSameDimension } from './unit-dimensions.js';
import { UNIT_TERMS } from './units.js';
import { PRICE_TERM, WEAK_TERMS } from './vocabulary.js';

export interface LeftOutReading {
  /** The message's questions, one per sentence or comma-separated clause, as typed (see splitQuestion). */
  sentences: readonly string[];
  resolveText: (text: string) => string[];
  /** Words naming the listing: a clause asking only about them asks about the thing, which the answer is. */
  identity: ReadonlySet<string>;
  /** Every term the answer stands on: the terms of its text, and the question terms its passages matched. */
  answered: ReadonlySet<string>;
  /** The answer states an amount (a digit): "скока ждать" is answered by "под заказ 7-10 дней". */
  statesAmount: boolean;
  /** The chat is about a listing, which Avito shows only while it is on sale: "ещё продаёте?" needs no answer of its own. */
  onListing: boolean;
}

/**
 * The clauses that ask something (a question word, or the sentence's question mark) and share no word with the answer.
 * Only words that say what is asked count: circumstances, numbers and the listing's name are in every part of a message.
 */
export function findLeftOutQuestions(reading: LeftOutReading): string[] {
  const { sentences, resolveText, identity, onListing } = reading;
  const left: string[] = [];
  for (const sentence of sentences) {
    // "новая или б/у?": an alternative is answered by the answer naming the other one.
    if (/^или\s/iu.test(sentence)) continue;
    const clauses = sentence.split(/,\s*/u).map((clause) => clause.trim()).filter((clause) => clause !== '');
    clauses.forEach((clause, at) => {
      const asks = holdsQuestionWord(clause) || (at === clauses.length - 1 && /\?\s*$/u.test(sentence));
      if (!asks) return;
      const asked = resolveText(clause).filter(
        (term) => !identity.has(term) && !WEAK_TERMS.has(term) && !/^\p{N}/u.test(term) && !(onListing && term === STATUS_TERM),
      );
      if (asked.length > 0 && !asked.some((term) => isAnswered(term, reading))) left.push(clause.replace(/[?!.…\s]+$/u, ''));
    });
  }
  return left;
}

/** Words asking how much of something (a price, a surcharge, a share, a time, a unit): any amount stated answers them. */
const AMOUNT_TERMS: ReadonlySet<string> = new Set([PRICE_TERM, 'доплат', 'процент', 'срок', 'ожидан', 'возраст', 'час', 'дн', 'недел', 'месяц', 'мес', 'год']);

function isAnswered(term: string, { answered, statesAmount }: LeftOutReading): boolean {
  if (answered.has(term)) return true;
  if (statesAmount && (AMOUNT_TERMS.has(term) || UNIT_TERMS.has(term) || listSameDimension(term).length > 0)) return true;
  // "розовый есть?" is answered by the line naming the thing's colour ("цвет графит, других нет").
  return COLOR_TERMS.has(term) && (answered.has(COLOR_TERM) || [...answered].some((held) => COLOR_TERMS.has(held)));
}
