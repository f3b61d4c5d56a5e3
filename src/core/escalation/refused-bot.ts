/**
 * The bot refused, set against a person, or complained of: the buyer wants a person.
 */
import { NEGATION, PREPOSITION } from './function-words.js';
import { BOT, isPersonWord } from './person-words.js';
import { NEED, TALK, WANT } from './request-words.js';
import { groupClauses, spell, type Word } from './sentences.js';

/**
 * "с ботом не хочу", "не хочу общаться с роботом", "бот не нужен": the buyer refuses the bot, so wants a person. So does
 * one setting the bot against a person ("ответьте сами, а не бот", "у сотрудника, а не у бота") or complaining of it
 * ("надоел бот", "отключите бота", "бот ничего не понимает"); "ты бот?" only asks.
 */
export function findRefusedBot(words: readonly Word[]): string | undefined {
  for (const clause of groupClauses(words)) {
    const bot = clause.findIndex((word, at) => BOT.test(word.text) || isCanned(clause, at));
    if (bot < 0) continue;
    const refused = clause.some((word, at) => NEGATION.has(word.text) && [clause[at + 1], clause[at - 1]].some((next) => next !== undefined && (WANT.test(next.text) || NEED.test(next.text) || TALK.test(next.text) || next.text === 'нужен')));
    if (refused) return spell(clause, 0, clause.length - 1);
  }
  const bot = words.findIndex((word) => BOT.test(word.text));
  if (bot < 0) return undefined;
  // "а не бот", "а не у бота", "не с роботом": the negation just before the bot, past a preposition.
  const before = PREPOSITION.has(words[bot - 1]?.text ?? '') || words[bot - 1]?.text === 'у' ? bot - 2 : bot - 1;
  const contrasted = words[before]?.text === 'не' && (words[before - 1]?.text === 'а' || words.some((word) => isPersonWord(word.text)));
  // "бот тупой, ну ладно, скажи хотя бы размер": resigned to the bot, the buyer asks it on.
  const resigned = words.some((word, at) => at > bot && RESIGNED.test(word.text));
  // "хватит автоответов", "хватит этих ботов": enough of the bots, right before them (not "хватит ли роботу заряда?",
  // whether it lasts).
  const these = ['этих', 'ваших', 'твоих'].includes(words[bot - 1]?.text ?? '') ? bot - 2 : bot - 1;
  const enough = words[these]?.text === 'хватит' && /^(?:бот|автоответ|робот)ов$/u.test(words[bot]!.text);
  if (contrasted || enough || (words.some(isComplaint) && !resigned)) return spell(words, 0, words.length - 1);
  return undefined;
}

/** An answer made by a machine: "шаблонные ответы", "автоматические отписки", "стандартный ответ". */
const CANNED = /^(?:шаблонн|автоматическ|стандартн|заготовленн)[а-я]+$/u;
const ANSWERS = /^(?:ответ|отписк)[а-я]*$/u;

/** "не надо мне шаблонных ответов": canned answers, refused, are the bot refused (not "шаблон не нужен", a pattern sold). */
function isCanned(clause: readonly Word[], at: number): boolean {
  return CANNED.test(clause[at]!.text) && ANSWERS.test(clause[at + 1]?.text ?? '');
}

/** Giving in: "ну ладно", "ладно уж". */
const RESIGNED = /^(?:ладно|ладн[оы]|лан)$/u;

/**
 * What is said of a bot one is tired of: "надоел бот", "бесит робот", "отключите бота", "бот ничего не понимает"; what it is
 * ("бот бесполезный", "тупой", "глупый") and what it is worth ("бот не помогает", "толку от бота ноль"). Not what it wrote
 * ("бот написал чушь"): that is said of an answer, and a question about it may follow.
 */
const BOT_COMPLAINT = /^(?:надоел[аои]?|бесит|достал|задолбал|туп(?:ой|ая|ое|ые|ит|ишь|ица|ня)|бесполезн[а-я]*|глуп(?:ый|ая|ое|ые|ит|ишь)|отключ(?:и|ите)|выключ(?:и|ите)|убер(?:и|ите)|толку)$/u;

/**
 * What a bot fails at: a complaint only when denied ("бот ничего не понимает", "робот не помогает"). Said plainly, it
 * asks what a thing sold can do: "робот понимает русский язык?", "колонка с нейросетью понимает команды?".
 */
const BOT_FAILS = /^(?:понимает|помогает)$/u;

function isComplaint(word: Word, at: number, words: readonly Word[]): boolean {
  return BOT_COMPLAINT.test(word.text) || (BOT_FAILS.test(word.text) && words[at - 1]?.text === 'не');
}
