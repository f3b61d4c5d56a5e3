/**
 * A person asked for by a verb: fetched, wished for, talked with, asked to join, or asked of anywhere in a sentence.
 */
import { WHEN } from './contact-words.js';
import { FILLER, GREETING, NEGATION, POLITE, PREPOSITION, REFUSING, WITH } from './function-words.js';
import { isNegated } from './negation.js';
import { findPersonNear, NEAR, wordBefore } from './person-near.js';
import { FETCHED_ADJECTIVE, isName, isNameAsked, isOneOfShop, type Referent, LIVE, LIVE_PEOPLE, NOMINATIVE, PERSON, PERSON_ADJECTIVE, REAL_HUMAN, REAL_ONE, SOMEONE, THAT_ONE, THEMSELVES, TRADE, WITH_ADJECTIVE } from './person-words.js';
import { ANSWER_ME, ASKING, CHAT, COMPLAINT, FETCH, FETCHED, isToChat, JOIN, JOIN_LET, LET_CONTACT, NEED, PLEA, PRESENT, PRONOUN, REPLY_VERB, SUMMON, TALK, TALK_MINE, TALKING_NOW, WANT, WRITE_TO } from './request-words.js';
import { groupClauses, spell, type Word } from './sentences.js';

/** "админ, подключитесь к диалогу", "подключитесь к чату": joining the chat, asked of a person named or of the chat. */
export function findAskedToJoin(words: readonly Word[]): string | undefined {
  const at = words.findIndex((word) => JOIN.test(word.text));
  if (at < 0 || isNegated(words, at, at)) return undefined;
  let to = at + 1;
  while (FILLER.has(words[to]?.text ?? '')) to++;
  const toChat = words[to]?.text === 'к' && CHAT.test(words[to + 1]?.text ?? '');
  const person = words.some((word) => PERSON.test(word.text) || SOMEONE.test(word.text) || isName(word.text));
  return toChat || person ? spell(words, at, toChat ? to + 1 : at) : undefined;
}

/**
 * "менедж подключите плз", "оператор позовите": a person in the nominative with a verb that fetches only a person, and
 * nothing else in the clause. Typed in a hurry the case is dropped; a verb that takes things ("продавец, дайте скидку")
 * or anything more ("мастер подключит плиту?") leaves it a question.
 */
export function findSummonedNominative(words: readonly Word[]): string | undefined {
  for (const clause of groupClauses(words)) {
    const verb = clause.findIndex((word) => FETCH.test(word.text) && SUMMON.test(word.text));
    const person = clause.some((word) => NOMINATIVE.test(word.text));
    const bare = clause.every((word, at) => at === verb || NOMINATIVE.test(word.text) || FILLER.has(word.text) || GREETING.has(word.text));
    if (verb >= 0 && person && bare) return spell(clause, 0, clause.length - 1);
  }
  return undefined;
}

/** Sending on, which asks for a person only with a message sent: "отправьте мой вопрос менеджеру" (not "отправьте товар"). */
const SEND_ON = /^(?:перешли|перешлите|переслать|отправь|отправьте|отправить|направь|направьте|направить)$/u;
// "отправьте мои фото продавцу": the buyer's photos sent on to be seen by a person.
const MESSAGE = /^(?:вопрос|вопросы|сообщение|сообщения|запрос|просьбу|заявку|жалобу|претензию|фото|фотки|фотографии|снимки|скрин|скрины|скриншоты)$/u;

/** Seeing and telling, the buyer's case judged: "пусть сам посмотрит и скажет", "пусть сам оценит". Not "решит", a choice left. */
const JUDGE = /^(?:скажет|скажут|посмотрит|посмотрят|глянет|оценит|оценят|проверит|проверят|подтвердит|отпишется|отпишутся|подскажет|уточнит|объяснит|объяснят|расскажет|расскажут)$/u;

/**
 * "пусть мастер сам посмотрит фото и скажет", "пусть тот, кто собирает, сам скажет, влезет ли", "пусть сам оценит брак",
 * "пусть хозяин мне объяснит лично": the buyer's case judged or explained by a person themselves, not by the bot (not "пусть продавец сам решит", a choice left to them).
 */
export function findOwnJudgement(words: readonly Word[]): string | undefined {
  const at = words.findIndex((word) => word.text === 'пусть');
  if (at < 0 || words.some((word) => NEGATION.has(word.text))) return undefined;
  const after = words.slice(at + 1);
  // "пусть сам посмотрит", or after the verb: "пусть хозяин мне объяснит лично".
  const themselves = after.findIndex((word) => THEMSELVES.has(word.text) || word.text === 'лично');
  const judge = after.findIndex((word) => JUDGE.test(word.text));
  if (themselves < 0 || judge < 0 || Math.abs(judge - themselves) > NEAR) return undefined;
  // The one to judge is of the shop, or goes without saying (not "пусть ребенок сам посмотрит").
  const doer = after.slice(0, Math.min(themselves, judge));
  const theOneWho = THAT_ONE.has(doer[0]?.text ?? '') && doer[1]?.text === 'кто';
  const ofShop = doer.every((word) => PERSON.test(word.text) || TRADE.test(word.text) || PERSON_ADJECTIVE.test(word.text) || FILLER.has(word.text));
  return theOneWho || ofShop ? spell(words, at, at + 1 + Math.max(judge, themselves)) : undefined;
}

/**
 * "не могли бы вы попросить хозяина…", "передайте, пожалуйста, завтра утром менеджеру…": a fetching, asking or talking verb
 * and a person it is asked of (not named: "менеджер позвонит?") anywhere in one sentence that negates nothing.
 */
export function findAskedAnywhere(words: readonly Word[]): string | undefined {
  // "не могли бы" asks politely; any other negation may refuse.
  if (words.some((word, at) => (NEGATION.has(word.text) && !POLITE.has(words[at + 1]?.text ?? '')) || REFUSING.test(word.text))) return undefined;
  // "перешлите мой вопрос продавцу": a message sent on to a person.
  const message = words.some((word) => MESSAGE.test(word.text));
  const verb = words.findIndex(
    (word, at) => (FETCH.test(word.text) && !isThanksPassedOn(words, at)) || ASKING.test(word.text) || TALK.test(word.text) || PLEA.test(word.text) || COMPLAINT.test(word.text) || (message && SEND_ON.test(word.text)),
  );
  // "попросите кого-нибудь мне набрать": anyone, asked to call or answer.
  const someone = (word: Word): boolean => SOMEONE.test(word.text) && ASKING.test(words[verb]?.text ?? '') && words.some((other) => REPLY_VERB.test(other.text));
  const person = words.findIndex((word) => (PERSON.test(word.text) && !NOMINATIVE.test(word.text)) || someone(word));
  return verb >= 0 && person >= 0 ? spell(words, Math.min(verb, person), Math.max(verb, person)) : undefined;
}

/** Him, her or them after "с": "с ним", "с ней". */
const WITH_THEM: ReadonlySet<string> = new Set(['ним', 'ней', 'ними']);

export function findFetchedPronoun(words: readonly Word[], referent: Referent): string | undefined {
  // "кто у вас за это отвечает? хочу с ним поговорить": a wish to talk with him or her is a person asked for.
  for (const clause of groupClauses(words)) {
    const talk = clause.findIndex((word) => TALK.test(word.text) && !TALKING_NOW.test(word.text));
    const withThem = clause.findIndex((word, at) => WITH.has(word.text) && WITH_THEM.has(clause[at + 1]?.text ?? ''));
    const wish = clause.some((word) => WANT.test(word.text) || NEED.test(word.text));
    if (talk >= 0 && withThem >= 0 && wish && !isNegated(words, words.indexOf(clause[talk]!), words.indexOf(clause[withThem + 1]!))) return spell(clause, 0, clause.length - 1);
  }
  for (let index = 0; index < words.length; index++) {
    if (!FETCH.test(words[index]!.text)) continue;
    let next = index + 1;
    while (next < words.length && FILLER.has(words[next]!.text)) next++;
    // "Наталья Викторовна, позовите её": a person called by name is named, for a verb that fetches only a person.
    const named = referent.named || (SUMMON.test(words[index]!.text) && words.some((word) => isNameAsked(word.text)));
    // "кто выложил объявление? позовите его": the one asked about by what they do at the shop stands for a person too.
    if ((named || referent.asked) && PRONOUN.has(words[next]?.text ?? '') && !isNegated(words, index, next)) return spell(words, index, next);
    // "соедините меня с ним", "свяжите с ней": whoever is connected with is a person named or asked about (not "свяжите
    // с ней ремешок", "соедините меня с ним — с пвз").
    if ((named || referent.asked) && WITH.has(words[next]?.text ?? '') && WITH_THEM.has(words[next + 1]?.text ?? '') && !isNegated(words, index, next)) return spell(words, index, next + 1);
  }
  if (!referent.named || !referent.asked) return undefined;
  // "а менеджер есть? можно его сюда": leave asked for the one asked about, in a clause that says nothing else (not
  // "продавец говорил, есть вторая сумка, можно и её?", a thing the person told of).
  for (const clause of groupClauses(words)) {
    const pronoun = clause.findIndex((word) => PRONOUN.has(word.text));
    const leave = clause.some((word) => word.text === 'можно');
    if (pronoun >= 0 && leave && clause.every((word) => PRONOUN.has(word.text) || word.text === 'можно' || (FILLER.has(word.text) && word.text !== 'ли') || isToChat(clause, clause.indexOf(word)))) {
      return spell(clause, 0, clause.length - 1);
    }
  }
  return undefined;
}

/** A fetching verb, a wish or "talk with", next to its person (either side, past fillers); "живой человек" anywhere. */
export function findAskedPerson(words: readonly Word[]): string | undefined {
  for (let index = 0; index < words.length; index++) {
    const text = words[index]!.text;
    const next = words[index + 1]?.text ?? '';
    // "где тут человек живой, которому можно позвонить": the adjective after its person, too.
    const live = (LIVE.test(text) && PERSON.test(next)) || (/^человек/u.test(text) && LIVE.test(next)) || REAL_HUMAN.test(`${text} ${next}`);
    if (live && !isNegated(words, index, index + 1)) return spell(words, index, index + 1);
    // "Есть кто живой?", "мне нужен кто-то настоящий", "есть кто нормальный?": someone, but a real one (not "кто-то
    // настоящий мех отличит?", the adjective of a noun after it).
    const after = words[index + 1]?.text;
    const alone = after === undefined || words[index + 1]!.clause !== words[index]!.clause || FILLER.has(after) || NEED.test(after) || PRESENT.has(after) || ANSWER_ME.test(after);
    if ((LIVE.test(text) || (REAL_ONE.test(text) && alone)) && /^кто(?:-нибудь|-то|-либо)?$/u.test(words[index - 1]?.text ?? '') && !isNegated(words, index - 1, index - 1)) {
      return spell(words, index - 1, index);
    }
    if (LIVE_PEOPLE.test(text) && words.every((word) => word === words[index] || NEED.test(word.text) || GREETING.has(word.text) || FILLER.has(word.text) || NEGATION.has(word.text))) return text;
    // "старшего позовите", "позови главного"
    const past = PREPOSITION.has(words[index + 1]?.text ?? '') ? words[index + 2] : undefined;
    if (FETCH.test(text) && [words[index - 1], words[index + 1], past].some((word) => word !== undefined && FETCHED_ADJECTIVE.test(word.text)) && !isNegated(words, index, index)) {
      return spell(words, Math.max(0, index - 1), Math.min(words.length - 1, index + 1));
    }
    // "соедините с ответственным", "поговорить с живым": the adjective after "с" stands for the person.
    if ((FETCH.test(text) || TALK.test(text)) && WITH.has(words[index + 1]?.text ?? '') && WITH_ADJECTIVE.test(past?.text ?? '') && !isNegated(words, index, index)) {
      return spell(words, index, index + 2);
    }
    // "мне надо с живым поговорить": the adjective with "с" before the talk, too.
    if ((FETCH.test(text) || TALK.test(text)) && WITH.has(words[index - 2]?.text ?? '') && WITH_ADJECTIVE.test(words[index - 1]?.text ?? '') && !isNegated(words, index - 2, index - 2)) {
      return spell(words, index - 2, index);
    }
    // "меня переведут на человека?", "соединят с менеджером?": the passive asks the same ("деньги переведут продавцу?" does not).
    if (FETCHED.test(text)) {
      const person = findPersonNear(words, index, { someone: true, withPreposition: false, named: false });
      if (person !== undefined && ['на', 'с', 'со'].includes(wordBefore(words, person) ?? '') && !isNegated(words, index, person)) return spell(words, index, person);
    }
    // "можно я с продавцом по телефону это обсужу?": the buyer's own talk with a person, asked leave for.
    if (TALK_MINE.test(text)) {
      const own = words.filter((word) => word.clause === words[index]!.clause);
      const leave = own.some((word) => WANT.test(word.text) || ['можно', 'могу', 'разрешите'].includes(word.text));
      const person = words.findIndex((word, at) => word.clause === words[index]!.clause && (PERSON.test(word.text) || TRADE.test(word.text)) && !NOMINATIVE.test(word.text) && WITH.has(wordBefore(words, at) ?? ''));
      if (leave && person >= 0 && !isNegated(words, index, person)) return spell(words, Math.min(index, person), Math.max(index, person));
    }
    // "требую связи с администрацией": contact with a person (not "связи с продавцом нет").
    const talk = TALK.test(text) || (text === 'связи' && !words.some((word) => word.clause === words[index]!.clause && (NEGATION.has(word.text) || REFUSING.test(word.text))));
    if (isThanksPassedOn(words, index)) continue;
    if (!FETCH.test(text) && !WANT.test(text) && !talk && !WRITE_TO.test(text) && !(text === 'пусть' && hasLetContact(words, index))) continue;
    const person = text === 'пусть' ? findPersonInClause(words, index) ?? findMeInClause(words, index) : findPersonNear(words, index, { someone: !WANT.test(text), withPreposition: talk, named: false, somebody: talk || SUMMON.test(text) });
    if (person !== undefined && !isNegated(words, index, person)) return spell(words, index, person);
    // "хочу обсудить торг с продавцом лично": what is to be talked over stands between the talk and its person.
    const over = talk ? findTalkedWith(words, index) : undefined;
    if (over !== undefined && !isNegated(words, index, over)) return spell(words, index, over);
  }
  return undefined;
}

/**
 * Passing on thanks: "передайте продавцу спасибо", or thanks and then news ("спасибо, передайте, что всё пришло"), ask no
 * one to come ("спасибо, передайте продавцу" may: the bot is thanked, the seller asked for).
 */
const PASS_ON = /^(?:передай|передайте|передать)$/u;
const THANKS = /^(?:спасибо|спс|благодарю|благодарим|благодарность|благодарности)$/u;

function isThanksPassedOn(words: readonly Word[], at: number): boolean {
  if (!PASS_ON.test(words[at]!.text)) return false;
  const after = words.slice(at + 1);
  return after.some((word) => THANKS.test(word.text)) || (words.slice(0, at).some((word) => THANKS.test(word.text)) && after.some((word) => word.text === 'что'));
}

/** "с <person>" later in the talk's clause, within NEAR words. */
function findTalkedWith(words: readonly Word[], at: number): number | undefined {
  for (let index = at + 2; index < words.length && index - at <= NEAR && words[index]!.clause === words[at]!.clause; index++) {
    if (PERSON.test(words[index]!.text) && !NOMINATIVE.test(words[index]!.text) && WITH.has(wordBefore(words, index) ?? '')) return index;
    // "хочу обсудить размеры с кем-то из ваших": someone of the shop's people.
    if (WITH.has(words[index - 1]!.text) && isOneOfShop(words, index)) return index;
  }
  return undefined;
}

function hasLetContact(words: readonly Word[], from: number): boolean {
  return words.slice(from + 1).some((word) => word.clause === words[from]!.clause && LET_CONTACT.test(word.text));
}


const REAL_ADJECTIVE = /^(?:живой|живая|настоящий|реальный)$/u;

/** "пусть ответит человек", "пусть менеджер перезвонит": the person anywhere in the clause of "пусть". */
function findPersonInClause(words: readonly Word[], at: number): number | undefined {
  const clause = words[at]!.clause;
  // "пусть ответит живой": the adjective stands for the person.
  const index = words.findIndex((word, position) => position !== at && word.clause === clause && (PERSON.test(word.text) || SOMEONE.test(word.text) || REAL_ADJECTIVE.test(word.text)));
  return index < 0 ? undefined : index;
}

/**
 * "пусть мне перезвонят", "пусть напишет мне": whoever is to call, it is a person; the buyer in the clause of "пусть". So is
 * the one to join the chat ("пусть подключится"), or a person named elsewhere in the sentence ("если продавец свободен,
 * пусть перезвонит").
 */
function findMeInClause(words: readonly Word[], at: number): number | undefined {
  const clause = words[at]!.clause;
  const own = words.filter((word) => word.clause === clause);
  // Nobody else named to do it ("пусть курьер позвонит мне" is the courier's call).
  const bare = own.every(({ text }) => text === 'пусть' || LET_CONTACT.test(text) || FILLER.has(text) || PREPOSITION.has(text) || text === 'мной' || THEMSELVES.has(text) || WHEN.has(text));
  if (!bare) return undefined;
  const index = words.findIndex((word, position) => position > at && word.clause === clause && ['мне', 'мной', 'меня'].includes(word.text));
  if (index >= 0) return index;
  const doer = words.findIndex((word) => (word.clause === clause && JOIN_LET.test(word.text)) || (word.clause !== clause && PERSON.test(word.text)));
  return doer >= 0 ? doer : undefined;
}
