/**
 * Buyers type several questions as one sentence ("скока стоит, почтой если отправите трек когда скинете?"). A passage that
 * answers such a sentence as a whole often stands on one clause's words alone; the clauses it leaves out are questions of
 * their own, asked again as the buyer typed them rather than as a bag of leftover words from several clauses.
 */

/** What a question asks: `terms` must be covered, `naming` (the listing's own words) only ranks. */
export interface AskedTerms {
  terms: string[];
  naming: string[];
  clauses?: AskedTerms[];
}

/**
 * Asks again what an answer that matched `matched` of `part` left out. Each clause holding a term left unmatched is asked by
 * its unmatched terms, then whole (the words answered may have drawn the passage quoted, or be what the rest needs); the
 * terms of no clause answered so, together, as one question. Circumstances ("в ваш город", the buyer's numbers) are no
 * question of their own and leave a clause answered.
 */
export function answerLeftClauses<T>(part: AskedTerms, matched: ReadonlySet<string>, isCircumstance: (term: string) => boolean, ask: (question: AskedTerms) => T[]): T[] {
  const isLeft = (term: string): boolean => !matched.has(term) && !isCircumstance(term);
  const found: T[] = [];
  const answered = new Set<string>();
  for (const clause of part.clauses ?? []) {
    if (!clause.terms.some(isLeft)) continue;
    const rest = clause.terms.filter((term) => !matched.has(term));
    const tries = rest.length < clause.terms.length ? [{ terms: rest, naming: clause.naming }, clause] : [clause];
    for (const question of tries) {
      const pieces = ask(question);
      if (pieces.length === 0) continue;
      found.push(...pieces);
      for (const term of clause.terms) answered.add(term);
      break;
    }
  }
  const rest = part.terms.filter((term) => !matched.has(term) && !answered.has(term));
  return rest.some((term) => !isCircumstance(term)) ? [...found, ...ask({ terms: rest, naming: part.naming })] : found;
}

/** Words that make a clause a question: how much, which, where, when, how, may, is there. */
const QUESTION_WORD = /(?:^|[^а-яё])(?:скольк[а-яё]*|скок[аоу]?|почем|как[а-яё]*|где|куда|откуда|когда|зачем|почему|кто|ли|можно|есть)(?![а-яё])/u;

/** The clause asks a question of its own ("скока идет", "молния какая"), where one without ("мне 3 поддона") tells a circumstance. */
export function holdsQuestionWord(clause: string): boolean {
  return QUESTION_WORD.test(clause.toLowerCase().replaceAll('ё', 'е'));
}
