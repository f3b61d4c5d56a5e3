/** How a buyer's message is read before its terms are searched: what in it is not a question for the documents. */
import { isRefusal } from '../../core/escalation.js';
import { holdsQuestionWord } from './clause-questions.js';
import { dropCircumstances, dropReasons } from './reason-clauses.js';

/** Sentence ends and clause breaks, kept by the split so that the rest of the message reads as written. */
const CLAUSE_JOINTS = /([.!?\n;…]+|[,:—–()«»"]|\s-\s)/u;
const NEGATION_WORD = /(?:^|[^а-яёa-z])(?:не|ни|без|нет|никак[а-яё]*|никого)(?![а-яёa-z])/iu;

/**
 * "оператора не зовите, мне только вылет у r16 узнать" asks about the offset alone: a clause that only refuses a person
 * (see isRefusal) is dropped with its joint, so its words ("администратора", "соединяйте") never count as unanswered terms.
 */
/**
 * The message as the engine reads its questions: refusals, reasons and circumstances set aside. What is searched
 * (listQueryParts) and what an answer is checked to have left out (left-out.ts) read the same text.
 */
export function readQuestions(question: string): string {
  return dropCircumstances(dropReasons(dropRefusals(markContrasts(question))));
}

/** "а" between two words inside a clause; "а то" is a reason (reason-clauses.ts), "а если" a condition. */
const BARE_CONTRAST = /(?<=[а-яёa-z0-9])\s+а\s+(?!то(?![а-яё])|если(?![а-яё]))(?=[а-яёa-z])/giu;
/** The words of a clause before the contrast must make a question of their own: "пенка на сухую кожу пойдет". */
const MIN_CONTRASTED_WORDS = 3;

/**
 * "пенка на сухую кожу пойдет а тонер как часто мазать": "а" typed without a comma opens a second question, as ", а"
 * does, where what follows asks (a question word) and what stands before it is a clause of its own. Read as one clause,
 * the two questions' words are asked of every passage together, and none holds them all.
 */
export function markContrasts(question: string): string {
  if (!/\sа\s/iu.test(question)) return question;
  return question.replace(BARE_CONTRAST, (joint: string, at: number, whole: string) => {
    const before = whole.slice(0, at).split(/[.!?,;\n…]/u).at(-1) ?? '';
    const after = whole.slice(at + joint.length).split(/[.!?,;\n…]/u)[0] ?? '';
    const words = before.split(/\s+/u).filter((word) => word !== '');
    return words.length >= MIN_CONTRASTED_WORDS && holdsQuestionWord(after) ? ', а ' : joint;
  });
}

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

/**
 * Words asking how much or which: they ask of the word they stand beside at a clause's edge. Not "почем", which asks the
 * price of that word's thing ("кофта коламбия почем").
 */
const ASKING_WORD = String.raw`(?:скольк[а-яё]*|скок[аоу]?|как(?:ой|ая|ое|ие|ов|ова|ово|овы))`;
/** Where a clause ends: a mark, the message's end, or a joint opening the next clause. */
const CLAUSE_EDGE = String.raw`(?=[\s]*(?:[,.!?;:\n…]|$)|\s+(?:и|а|или)\s)`;
/** "акб какая", "гарантия сколько и …": a word, then a question word closing the clause; not "на кроватку скока", asked of it. */
const WORD_ASKED_AFTER = new RegExp(String.raw`(?<![а-яёa-z0-9])(?<!(?:^|[^а-яё])(?:на|для|у|с|со|в|во|к|ко|по|за|о|об|про|от|до)\s+)([а-яё]+)\s+${ASKING_WORD}${CLAUSE_EDGE}`, 'giu');
/**
 * "какая акб?", "сколько гарантия", "какой бенз лить": a question word opening the clause, then a word closing it, or
 * followed only by what is to be done with it (an infinitive).
 */
const WORD_ASKED_BEFORE = new RegExp(String.raw`(?:^|[,.!?;:\n…]\s*|\s(?:и|а|или)\s+)${ASKING_WORD}\s+([а-яё]+)(?:\s+[а-яё]+(?:ть|ти|чь))?${CLAUSE_EDGE}`, 'giu');

/**
 * "акб какая, сим физ есть" of an "…, АКБ 91%" listing, "гарантия сколько и на батарею" of a "…, гарантия" one: a word of
 * the listing's title that a question word asks of, alone in its clause, is what is asked, not the listing's name. Its
 * terms; the title's other words ("iphone", "pro") still only name the listing.
 */
export function listAskedTitleTerms(question: string, identity: ReadonlySet<string>, resolveText: (text: string) => string[]): string[] {
  const text = question.toLowerCase();
  const words = [...text.matchAll(WORD_ASKED_AFTER), ...text.matchAll(WORD_ASKED_BEFORE)].map((found) => found[1] ?? '');
  const asked = [...words.flatMap((word) => resolveText(word)), ...listFitTargetTerms(text, resolveText)];
  return [...new Set(asked.filter((term) => identity.has(term)))];
}

/** The term every verb of fitting is read as ("подойдёт", "пойдёт", "встанет", see vocabulary.ts). */
const FIT_TERM = 'подход';
/** What a thing is fitted on, into or for: the words after it up to the clause's end name the target. */
const FIT_PREPOSITION = /(?<![а-яёa-z0-9])(?:на|под|к|ко|для)\s+/iu;

/**
 * "на рио четвертый пойдет?" of a "…Solaris, Kia Rio" listing, "на солярис 2018г подойдут?": the car or the thing named
 * after "на", "под", "к", "для" in a clause asking whether the item fits is the buyer's own target, which the documents
 * answer by naming it ("Rio 4 — не подходит", "На Солярис 2 … тоже встают"), even where the listing's title names it too.
 * Its words' terms; the words before the preposition ("колёса на солярис") still only name the listing.
 */
function listFitTargetTerms(text: string, resolveText: (text: string) => string[]): string[] {
  return text.split(CLAUSE_JOINTS).flatMap((clause) => {
    if (!resolveText(clause).includes(FIT_TERM)) return [];
    const found = FIT_PREPOSITION.exec(clause);
    // A number beside the target ("спортейдж 4") is its generation or the buyer's count, read as before.
    return found === null ? [] : resolveText(clause.slice(found.index + found[0].length)).filter((term) => term !== FIT_TERM && !/^\p{N}+$/u.test(term));
  });
}
