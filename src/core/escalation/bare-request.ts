/**
 * Whole sentences that are a request and nothing else: a contact, a connection, a call, whom to turn to.
 */
import { CALL, CONTACT, CONTACT_FRAME, GIVE, isPhoneOrPronoun, MESSENGER, PHONE_SHORT, PHONE_TALK, PRIVATE, VIDEO_CALL, YOUR } from './contact-words.js';
import { FILLER, GREETING, NEGATION } from './function-words.js';
import { isName, LIVE_ONE, NOMINATIVE, SOMEONE, THEMSELVES } from './person-words.js';
import { ANSWER_ME, FETCH, NEED, TALK, TALKING_NOW, WANT } from './request-words.js';
import { groupClauses, spell, type Word } from './sentences.js';

/**
 * Whole sentences that are a request and nothing else: a contact asked ("телефончик дайте", "какой у вас номер?"), a
 * person asked to answer ("продавец ответьте", "менеджер ответит?"), a connection ("соедините пожалуйста"), a call by
 * phone or video ("давайте по телефону", "можно видеозвонок?"), somewhere to write ("в личку напишите"), someone to talk to
 * ("с кем можно поговорить?", "мне бы с человеком", "хочу живого"). Anything else in the sentence makes it a question.
 */
export function findBareRequest(words: readonly Word[]): string | undefined {
  const texts = words.map((word) => word.text);
  const whole = texts.join(' ');
  const only = (allowed: (text: string) => boolean): boolean => texts.every((text) => allowed(text) || FILLER.has(text) || GREETING.has(text));
  if (texts.some((text) => NEGATION.has(text))) return undefined;
  const has = (test: (text: string) => boolean): boolean => texts.some(test);
  // "телефончик дайте", "какой у вас номер?", "номер скиньте свой", "телефон для связи дайте"
  // "ваш телефон?" alone may ask about the phone on sale: yours asks for a contact with "какой" or a verb of giving.
  // Of the sentence or one clause of it ("братан, кинь номерок, порешаем").
  for (const clause of [words, ...groupClauses(words)]) {
    const own = clause.map((word) => word.text);
    const whose = own.includes('вас') || own.some((text) => YOUR.test(text) || text === 'ваша');
    // "а телефон есть для связи": a number to reach the shop by.
    const forContact = own.some((text, at) => text === 'связи' && own[at - 1] === 'для');
    // "можете скинуть номерок?": giving, asked of the one read by a modal.
    const modalGiven = own.some((text) => GIVE_INFINITIVE.test(text)) && own.some((text) => MODAL_YOU.test(text));
    const contactAsked = own.some((text) => GIVE.test(text)) || modalGiven || (whose && own.some((text) => /^как(?:ой|ая|ие)$/u.test(text))) || own.some((text) => PHONE_SHORT.test(text)) || forContact;
    const bare = own.every((text) => CONTACT.test(text) || GIVE.test(text) || (modalGiven && (GIVE_INFINITIVE.test(text) || MODAL_YOU.test(text))) || CONTACT_FRAME.has(text) || FILLER.has(text) || GREETING.has(text));
    if (own.some((text) => CONTACT.test(text)) && contactAsked && bare) return own.join(' ');
  }
  // "продавец ответьте", "менеджер ответит?", "когда ответит продавец?", "Анна, ответьте пожалуйста"
  const called = (text: string): boolean => NOMINATIVE.test(text) || isName(text);
  if (has(called) && has((text) => ANSWER_ME.test(text)) && only((text) => called(text) || ANSWER_ME.test(text) || text === 'когда')) return whole;
  // "Ольга Николаевна, можно вас?", "менеджер, можно вас на минутку"
  if (has(called) && /(?:^|\s)можно вас(?: на (?:минутку|минуту|секунду))?$/u.test(whole) && only((text) => called(text) || ['можно', 'вас', 'на', 'минутку', 'минуту', 'секунду'].includes(text))) return whole;
  // "соедините пожалуйста", "переключите", "позовите!": whom to fetch goes without saying ("дайте" alone does not).
  if (has((text) => /^(?:соедин|переключ|свяж|позов|зов|вызов|перевед|подключ|переда)/u.test(text) && FETCH.test(text)) && only((text) => FETCH.test(text))) return whole;
  // "давайте по телефону", "по телефону можно обсудить?", "можно видеозвонок?", "по видеосвязи можно показать?"
  const byPhone = /(?:^|\s)по (?:телефону|видеосвязи)(?:\s|$)/u.test(whole) || has((text) => VIDEO_CALL.test(text));
  if (byPhone && only((text) => PHONE_TALK.has(text) || VIDEO_CALL.test(text))) return whole;
  // "в личку напишите", "напишите в телеграм"
  const somewhere = has((text) => PRIVATE.test(text) || MESSENGER.test(text));
  if (texts.includes('в') && somewhere && has((text) => GIVE.test(text)) && only((text) => text === 'в' || PRIVATE.test(text) || MESSENGER.test(text) || GIVE.test(text))) return whole;
  // "с кем можно поговорить?", "кто может проконсультировать?", "поговорить с тем кто собирает"
  // "мы юрлицо, с кем согласовать счет?": agreeing on papers is a talk, too.
  if (/(?:^|\s)(?:с кем|кто может|с тем кто)(?:\s|$)/u.test(whole) && has((text) => (TALK.test(text) && !TALKING_NOW.test(text)) || ['проконсультировать', 'решить', 'согласовать', 'уточнить'].includes(text))) return whole;
  // "хочу напрямую", "хочу лично": the talk goes without saying where the sentence is the wish and the way alone.
  if (has((text) => WANT.test(text)) && has((text) => DIRECT.test(text)) && only((text) => WANT.test(text) || DIRECT.test(text))) return whole;
  // "кто может ответить на мой вопрос?" (not "кто может ответить, сколько стоит доставка?", the question itself)
  if (/^(?:а )?кто (?:(?:мне|нибудь) )?может (?:мне )?ответить(?: на (?:мой |мои |этот )?вопрос(?:ы|а)?)?$/u.test(whole)) return whole;
  // "к кому обратиться насчет гарантии?", "кому позвонить, чтобы договориться?": whom to turn to.
  if (WHOM_TO.test(whole)) return whole;
  // "кто-нибудь ответит нормально?": anyone at all, to answer.
  if (has((text) => SOMEONE.test(text)) && has((text) => ANSWER_ME.test(text)) && only((text) => SOMEONE.test(text) || ANSWER_ME.test(text) || ['нормально', 'мне', 'уже', 'вообще'].includes(text))) return whole;
  // "как вам дозвониться", "как с вами связаться?", "по какому номеру с вами можно связаться?", "куда вам позвонить"
  // "можно с вами связаться?", "связаться с вами можно как-то?": leave asked to reach the one read, in either order.
  const reach = REACH_YOU.test(whole) || REACH_YOU_AFTER.test(whole) || REACH_SHOP.test(whole);
  if (reach && has((text) => REACH_HOW.has(text) || text === 'можно') && only((text) => REACH_FRAME.has(text) || REACH_HOW.has(text) || SOMEHOW.has(text))) return whole;
  // "по какому номеру можно звонить?", "на какой номер вам писать?", "куда звонить?": where the one read is reached, asked
  // in a sentence of nothing else (not "по какому номеру звонить курьеру?", "куда звонить, если посылка не пришла?").
  if (NUMBER_ASKED.test(whole)) return whole;
  // "мне бы с человеком", "хочу живого"
  if (/^(?:(?:а|ну) )?(?:мне )?бы с (?:живым )?(?:человеком|продавцом|менеджером|хозяином)$/u.test(whole)) return whole;
  if (has((text) => LIVE_ONE.test(text)) && only((text) => WANT.test(text) || LIVE_ONE.test(text))) return whole;
  // "напишите мне сами", "ответьте сами": the person themselves, not the bot.
  const themselves = (text: string): boolean => THEMSELVES.has(text);
  // Of the sentence or one clause of it ("хозяйка, напишите мне сама, хочу договориться"); "отвечайте нормально сами".
  const replying = (text: string): boolean => ANSWER_ME.test(text) || CALL.test(text) || ['напишите', 'напиши', 'отпишите', 'отвечайте', 'пишите'].includes(text);
  // A clause alone only where no other clause asks a question ("пишите сами, какой размер лучше" asks the size); "когда
  // будете на связи" only tells when to write.
  const questioned = groupClauses(words).some((clause) => clause.some((word) => QUESTION_WORD.test(word.text)) && !isWhenThere(clause));
  for (const clause of questioned ? [words] : [words, ...groupClauses(words)]) {
    const own = clause.map((word) => word.text);
    const fits = (text: string): boolean => themselves(text) || replying(text) || called(text) || isPhoneOrPronoun(text) || text === 'мной' || HUMANLY.has(text) || FILLER.has(text) || GREETING.has(text);
    if (own.some(themselves) && own.some(replying) && own.every(fits)) return own.join(' ');
  }
  // "Ахмед, брат, ответь сам", "отвечайте лично, хватит бота", "продавец, напишите мне лично": the one read asked to answer
  // or write to the buyer in person, the clause ending there (not "отвечайте сами на отзывы?", "отвечайте нормально сами:
  // размер какой?", "напишите мне лично размеры").
  if (!questioned) {
    for (const clause of groupClauses(words)) {
      const reply = clause.findIndex((word) => IN_PERSON_REPLY.test(word.text));
      const last = clause[clause.length - 1]!.text;
      const toMe = clause.slice(reply + 1, -1).every((word) => ['мне', 'нам'].includes(word.text));
      if (reply >= 0 && reply < clause.length - 1 && toMe && (THEMSELVES.has(last) || last === 'лично')) return spell(clause, 0, clause.length - 1);
    }
  }
  // "консультацию можно?"
  if (has((text) => /^консультаци/u.test(text)) && only((text) => /^консультаци/u.test(text) || NEED.test(text) || WANT.test(text))) return whole;
  return undefined;
}

/** How a person writes, unlike the bot: "напишите сами по-человечески", "ответьте нормально сами". */
const HUMANLY: ReadonlySet<string> = new Set(['нормально', 'по-человечески', 'по-людски', 'понятно', 'толком']);

/** Giving a contact, in the infinitive a modal takes: "можете скинуть номер?", "не могли бы дать телефон?". */
const GIVE_INFINITIVE = /^(?:дать|скинуть|кинуть|прислать|оставить|написать|продиктовать|сказать|сообщить|назвать)$/u;
/** A modal asked of the one read: "можете", "сможете", "могли бы". */
const MODAL_YOU = /^(?:можете|сможете|могли)$/u;

/** A talk in person, the bot passed over: "напрямую", "лично". */
const DIRECT = /^(?:напрямую|лично|тет-а-тет)$/u;

/** Replying or writing, asked of the one read: "ответь", "отвечайте", "напишите". */
const IN_PERSON_REPLY = /^(?:ответь|ответьте|отвечай|отвечайте|напиши|напишите|пиши|пишите|отпиши|отпишите|отпишись|отпишитесь)$/u;

/** When the one read will be there: "когда будете на связи", "как освободитесь": a time to write, not a question. */
const WHEN_THERE: ReadonlySet<string> = new Set(['когда', 'как', 'будете', 'будешь', 'освободитесь', 'освободишься', 'появитесь', 'сможете', 'вы', 'на', 'связи', 'в', 'сети', 'онлайн', 'тут', 'здесь']);

function isWhenThere(clause: readonly Word[]): boolean {
  return clause.every((word) => WHEN_THERE.has(word.text) || FILLER.has(word.text)) && clause.some((word) => word.text !== 'когда' && word.text !== 'как');
}

/** Whom to turn to, call or write to: "к кому обратиться", "кому лучше позвонить?". */
const WHOM_TO = /(?:^|\s)(?:к )?кому (?:(?:мне|можно|лучше|нужно|надо|здесь|тут|у|вас) )*(?:обратиться|обращаться|позвонить|звонить|написать|писать|набрать|подойти)(?:\s|$)/u;

/** Where to call or write, asked: "по какому номеру можно звонить?", "на какой телефон вам набрать?", "куда звонить?". */
const NUMBER_ASKED =
  /^(?:(?:а|и|тогда|подскажите|скажите) )*(?:по какому (?:номеру|телефону)|на какой (?:номер|телефон)|куда) (?:(?:вам|тебе|можно|лучше|мне|вас|с вами|до вас|удобнее) )*(?:позвонить|звонить|набрать|набирать|связаться|дозвониться|писать|написать|обращаться)(?: (?:вам|вас|тебе|с вами|до вас))?$/u;

/** Verbs of reaching someone: "как вам дозвониться", "как позвонить в магазин?". */
const REACH_VERBS = ['дозвониться', 'связаться', 'позвонить', 'созвониться', 'достучаться'];

/** Whom: "с вами", "вам", "до вас"; or the shop ("в магазин", "до салона"). */
const REACH_WHOM = '(?:с вами|вам|до вас|с тобой|тебе|до тебя)';
const REACH_YOU = new RegExp(`(?:^|\\s)${REACH_WHOM} (?:можно |лучше |удобнее |как )?(?:${REACH_VERBS.join('|')})(?:\\s|$)`, 'u');
/** The same after the verb: "связаться с вами можно?". */
const REACH_YOU_AFTER = new RegExp(`(?:^|\\s)(?:${REACH_VERBS.join('|')}) ${REACH_WHOM}(?:\\s|$)`, 'u');

/** "как-то", "как нибудь": the way left open. */
const SOMEHOW: ReadonlySet<string> = new Set(['то', 'нибудь', 'както', 'какнибудь', 'как-то', 'как-нибудь']);

const REACH_SHOP = new RegExp(`(?:^|\\s)(?:${REACH_VERBS.join('|')}) (?:в|до) (?:магазин|салон|офис|мастерскую|сервис)[а-я]*(?:\\s|$)`, 'u');

/** How a person is reached, asked: "как", "по какому номеру", "куда". */
const REACH_HOW: ReadonlySet<string> = new Set(['как', 'какому', 'каком', 'какой', 'куда', 'где']);

const REACH_FRAME: ReadonlySet<string> = new Set([
  ...REACH_VERBS,
  // "как с вами связаться помимо авито?"
  'помимо', 'кроме', 'вне', 'авито', 'авиты',
  'с', 'вами', 'вам', 'до', 'вас', 'тобой', 'тебе', 'тебя', 'можно', 'лучше', 'удобнее', 'по', 'на', 'номеру', 'телефону',
  'номер', 'мне', 'я', 'могу', 'бы', 'а', 'и', 'ну', 'вообще', 'напрямую', 'в', 'магазин', 'салон', 'офис', 'мастерскую', 'сервис',
]);

/** A question word: a clause beside it asks something of its own. */
const QUESTION_WORD = /^(?:какой|какая|какое|какие|каков|сколько|скока|как|где|когда|почему|зачем|чем|что|ли)$/u;
