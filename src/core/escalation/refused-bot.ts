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
    const bot = clause.findIndex((word) => BOT.test(word.text));
    if (bot < 0) continue;
    const refused = clause.some((word, at) => NEGATION.has(word.text) && [clause[at + 1], clause[at - 1]].some((next) => next !== undefined && (WANT.test(next.text) || NEED.test(next.text) || TALK.test(next.text) || next.text === 'нужен')));
    if (refused) return spell(clause, 0, clause.length - 1);
  }
  const bot = words.findIndex((word) => BOT.test(word.text));
  if (bot < 0) return undefined;
  // "а не бот", "а не у бота", "не с роботом": the negation just before the bot, past a preposition.
  const before = PREPOSITION.has(words[bot - 1]?.text ?? '') || words[bot - 1]?.text === 'у' ? bot - 2 : bot - 1;
  const contrasted = words[before]?.text === 'не' && (words[before - 1]?.text === 'а' || words.some((word) => isPersonWord(word.text)));
  if (contrasted || words.some((word) => BOT_COMPLAINT.test(word.text))) return spell(words, 0, words.length - 1);
  return undefined;
}

/** What is said of a bot one is tired of: "надоел бот", "бесит робот", "отключите бота", "бот ничего не понимает". */
const BOT_COMPLAINT = /^(?:надоел[аои]?|бесит|достал|задолбал|тупой|тупит|отключ(?:и|ите)|выключ(?:и|ите)|убер(?:и|ите)|понимает)$/u;
