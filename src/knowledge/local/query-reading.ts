/** How a buyer's message is read before its terms are searched: what in it is not a question for the documents. */
import { isRefusal } from '../../core/escalation.js';

/** Sentence ends and clause breaks, kept by the split so that the rest of the message reads as written. */
const CLAUSE_JOINTS = /([.!?\n;…]+|[,:—–()«»"]|\s-\s)/u;
const NEGATION_WORD = /(?:^|[^а-яёa-z])(?:не|ни|без|нет|никак[а-яё]*|никого)(?![а-яёa-z])/iu;

/**
 * "оператора не зовите, мне только вылет у r16 узнать" asks about the offset alone: a clause that only refuses a person
 * (see isRefusal) is dropped with its joint, so its words ("администратора", "соединяйте") never count as unanswered terms.
 */
export function dropRefusals(question: string): string {
  // Most messages hold no negation at all: they are given back untouched, at the cost of one regex.
  if (!NEGATION_WORD.test(question)) return question;
  const pieces = question.split(CLAUSE_JOINTS);
  const kept: string[] = [];
  let dropped = false;
  for (let at = 0; at < pieces.length; at += 2) {
    const clause = pieces[at] ?? '';
    const joint = pieces[at + 1] ?? '';
    // "можно без звонка?", "мастера нет?" ask something: a refusal is said, not asked.
    if (clause.trim() !== '' && !joint.includes('?') && isRefusal(clause)) {
      dropped = true;
      continue;
    }
    kept.push(clause, joint);
  }
  return dropped ? kept.join('').trim() : question;
}
