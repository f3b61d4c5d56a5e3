/**
 * "для ип счет выставите, а упд закрывающие дадите?", "бронь 3 дня, а можно продлить на неделю?": a clause before "а" that
 * asks nothing by a word of its own states what the buyer already knows, and the question mark belongs to what follows.
 * A part made of its words alone ("счет для юрлиц") answers what was not asked, while the question ("упд") goes unanswered.
 */
import { VERB_FORM } from './search.js';
import { normalizeText, splitWords } from './terms.js';

/** A word that makes the clause before "а" a question of its own: "доставка есть, а сколько стоит?" asks both. */
const ASKING = /(?<![а-яa-z])(?:ли|как[а-я]*|скольк[а-я]*|скок[аоу]?|скоко|почем|где|куда|откуда|когда|зачем|почему|кто|что|чо|че|чем|можно|есть|будет|будут|нужно|надо)(?![а-яa-z])/u;

/** The terms of such clauses, less any the clause after "а" holds too; empty for none. */
export function findPremiseTerms(question: string, resolveText: (text: string) => string[]): ReadonlySet<string> {
  const premises = new Set<string>();
  for (const sentence of normalizeText(question).split(/(?<=[?!.])\s+|\n+/u)) {
    if (!sentence.trim().endsWith('?')) continue;
    const [premise, ...asked] = sentence.split(/,?\s+а\s+/u);
    if (premise === undefined || asked.length !== 1 || !statesFact(premise) || ASKING.test(premise)) continue;
    const askedTerms = new Set(resolveText(asked.join(' ')));
    for (const term of resolveText(premise)) if (!askedTerms.has(term)) premises.add(term);
  }
  return premises;
}

/**
 * A premise states something: a verb ("счет выставите") or an amount ("бронь 3 дня"). A bare topic ("доставка в казань, а
 * самовывоз есть?") asks by itself what the shop says of it.
 */
function statesFact(clause: string): boolean {
  return splitWords(clause).some((word) => VERB_FORM.test(word) || /^\p{N}/u.test(word));
}

/** False for a part made only of a premise's terms. */
export function asksBeyondPremise(premises: ReadonlySet<string>, terms: readonly string[]): boolean {
  return premises.size === 0 || terms.length === 0 || !terms.every((term) => premises.has(term));
}
