/**
 * Negated requests and refusals: "менеджера не надо" asks for nobody; a clause that only refuses asks nothing.
 */
import { CALL, CALL_NOUN, isPhoneOrPronoun } from './contact-words.js';
import { FILLER, GREETING, NEGATION, POLITE, PREPOSITION, REFUSING } from './function-words.js';
import { NEAR, wordBefore } from './person-near.js';
import { isPersonWord, SOMEONE } from './person-words.js';
import { FETCH, NEED, TALK, WANT } from './request-words.js';
import { readSentences, type Word } from './sentences.js';

/**
 * A clause that only refuses a person or a call ("оператора не зовите", "не надо никакого менеджера", "с продавцом
 * говорить не хочу"): a person or a fetching, talking or calling word, a negation, and nothing else but the words such
 * requests are made of. Nothing in it is asked of the documents; a clause saying more ("мастер не приедет?") is not one.
 */
export function isRefusal(clause: string): boolean {
  const words = readSentences(clause).flat().map((word) => word.text);
  const asksFor = (text: string): boolean => isPersonWord(text) || SOMEONE.test(text) || FETCH.test(text) || TALK.test(text) || CALL.test(text) || CALL_NOUN.test(text);
  const refuses = (text: string): boolean => NEGATION.has(text) || REFUSING.test(text);
  const scaffolding = (text: string): boolean =>
    asksFor(text) || refuses(text) || WANT.test(text) || NEED.test(text) || FILLER.has(text) || PREPOSITION.has(text) || GREETING.has(text) || isPhoneOrPronoun(text);
  return words.some(asksFor) && words.some(refuses) && words.every(scaffolding);
}

/**
 * A negation earlier in the verb's clause ("не надо звать", "менеджера не зовите"), a negated wish after it ("с продавцом
 * говорить не хочу"), or "без"/"не" right before the person.
 */
export function isNegated(words: readonly Word[], verb: number, person: number): boolean {
  const clause = words[verb]!.clause;
  for (let index = verb - 1; index >= Math.max(0, verb - NEAR * 2) && words[index]!.clause === clause; index--) {
    if (NEGATION.has(words[index]!.text) && !POLITE.has(words[index + 1]?.text ?? '') && !negatesOther(words, index, verb)) return true;
  }
  for (let index = verb + 1; index < Math.min(words.length, verb + NEAR) && words[index]!.clause === clause; index++) {
    const next = words[index + 1]?.text ?? '';
    if (NEGATION.has(words[index]!.text) && (WANT.test(next) || NEED.test(next) || LIKING.test(next))) return true;
  }
  return ['без', 'не', 'ни'].includes(wordBefore(words, person) ?? '');
}

/**
 * Liking and intending, negated, refuse what they govern as a wish does: "говорить голосом не люблю, скиньте текстом",
 * "не люблю звонить", "звонить не обязательно", "созваниваться не планирую".
 */
const LIKING = /^(?:стоит|люблю|любим|нравится|хочется|обязательно|собираюсь|собираемся|планирую|планируем|буду|будем)$/u;

/** Verbs a negation may stand before and still reach the request after them: "не надо звать", "не могу дозвониться". */
const CARRIES = /^(?:могу|можем|может|получается|удается|удалось|смогу|смог|смогла|успею|вздумайте|смейте|беспокойте|трогайте|будет)$/u;

/**
 * "я не знаю что спросить короче позовите продавца": the negation belongs to the verb right after it ("знаю"), another
 * than the request, so it refuses nothing. A negation before the request's own words ("не надо", "не зовите", "не
 * хочу", "никого не"), a person, a pronoun or a small word still reaches it.
 */
function negatesOther(words: readonly Word[], at: number, verb: number): boolean {
  const next = words[at + 1];
  if (next === undefined || at + 1 >= verb) return false;
  const text = next.text;
  if (NEGATION.has(text) || CARRIES.test(text) || LIKING.test(text) || WANT.test(text) || NEED.test(text) || FETCH.test(text) || TALK.test(text) || CALL.test(text) || CALL_NOUN.test(text)) return false;
  if (isPersonWord(text) || SOMEONE.test(text) || FILLER.has(text) || PREPOSITION.has(text) || isPhoneOrPronoun(text) || REFUSING.test(text)) return false;
  // "не спешите звать менеджера": a negated imperative governs the infinitive of the request.
  if (/(?:ите|йте)$/u.test(text) && /(?:ть|ться)$/u.test(words[verb]!.text)) return false;
  // Only a verb (a finite form or an infinitive) makes the negation another's: "не знаю", "не понял", "не работает".
  return /(?:ю|ешь|ет|ем|ете|ут|ют|ит|им|ите|ат|ят|л|ла|ло|ли|ть|ться|ся|сь)$/u.test(text);
}
