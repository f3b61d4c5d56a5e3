/**
 * A call or a contact asked for: "позвоните мне", "можно звонок?", "дайте телефон продавца".
 */
import { BY_VOICE, CALL, CALL_NOUN, CALL_ORDER, CALL_WISH, CONTACT, CONTACT_ME, CONTACTED, GIVE, HABIT, hasMobileNumber, isPhoneOrPronoun, MESSENGER, VOICE_NOTE, VOICE_SENT, WHEN, YOUR } from './contact-words.js';
import { FILLER, GREETING, NEGATION, PREPOSITION, WITH, WOULD } from './function-words.js';
import { isNegated } from './negation.js';
import { findPersonNear } from './person-near.js';
import { isOutsideWork, isPersonWord, NAME_CASES, NOMINATIVE, PERSON, PERSON_ADJECTIVE, type Referent, TRADE } from './person-words.js';
import { NEED, TALK, WANT } from './request-words.js';
import { groupClauses, spell, type Word } from './sentences.js';

/**
 * A person's contact asked for: "дайте телефон продавца", "номер хозяина скиньте", "можно ваш номер?", "скиньте номер
 * телефона". The buyer wants to talk to the person; whether to give the number is theirs to decide.
 */
export function findAskedContact(words: readonly Word[], referent: Referent): string | undefined {
  for (const clause of groupClauses(words)) {
    const at = clause.findIndex((word) => CONTACT.test(word.text));
    if (at < 0) continue;
    const next = clause[at + 1]?.text ?? '';
    // "контакт ответственного менеджера": past the person's adjective.
    // "какой номер у продавца?": whose, after "у" as well.
    const after = next === 'у' ? clause[at + 2]?.text ?? '' : next;
    const person = PERSON_ADJECTIVE.test(after) && !YOUR.test(after) ? clause[at + (next === 'у' ? 3 : 2)]?.text ?? '' : after;
    // "номер бригадира": the one who does the work (in the genitive), as well as a person of the shop or its sales
    // department ("контакт отдела продаж"; not "номер отдела в магазине", a stall's number).
    const department = person === 'отдела' && DEPARTMENT.test(clause[at + 2]?.text ?? '');
    // "кто у вас по опту? дайте его контакты": the contact of a person of the shop asked about, given (not "кто у вас
    // курьер? дайте его номер").
    const his = referent.asked && ['его', 'ее', 'их'].includes(clause[at - 1]?.text ?? '') && clause.some((word) => GIVE.test(word.text));
    // "дайте номер Ольги, которая продает котят": a first name in the genitive as well.
    const whose = (PERSON.test(person) && !NOMINATIVE.test(person)) || (TRADE.test(person) && /[аяиы]$/u.test(person)) || NAME_CASES.has(person) || department || his;
    // "скиньте номер вайбера": the number a messenger reaches the shop at, as "номер телефона".
    const yours = YOUR.test(clause[at - 1]?.text ?? '') || YOUR.test(next) || next === 'телефона' || MESSENGER.test(next);
    // "мне нужен ваш телефон": a need gives only with "ваш" ("нужно указывать номер телефона получателя?" asks a form's field).
    const ownYour = YOUR.test(clause[at - 1]?.text ?? '') || YOUR.test(next);
    const given = clause.some((word) => GIVE.test(word.text) || (ownYour && NEED.test(word.text)));
    // "напишите мне в вотсап": a person is to write there.
    const toMe = MESSENGER.test(clause[at]!.text) && given && clause.some((word) => word.text === 'мне');
    const index = words.indexOf(clause[at]!);
    if ((whose || (yours && given) || toMe) && !isNegated(words, index, index)) return spell(clause, 0, clause.length - 1);
  }
  return undefined;
}

/** What a department with people to talk to does: "отдел продаж", "отдел закупок", "отдел опта". */
const DEPARTMENT = /^(?:продаж|закупок|сбыта|снабжения|опта|оптовых|оптовой|по)$/u;

/** When the call is to be: "во сколько можно позвонить?", "в какое время удобно позвонить продавцу?", "можно звонок в 10?". */
const CALL_TIME: ReadonlySet<string> = new Set([
  'когда', 'во', 'в', 'сколько', 'какое', 'время', 'удобно', 'удобнее', 'часов', 'после', 'до', 'через', 'час', 'утра', 'вечера', 'обеда', 'обед', 'выходные', 'выходных', 'понедельник', 'вторник', 'четверг',
  // "часов в 7 вечера по мск", "ближе к обеду", "около шести": the hour told roughly or by its time zone.
  'часа', 'часам', 'минут', 'ближе', 'к', 'около', 'примерно', 'дня', 'по', 'мск', 'москве', 'московскому', 'местному', 'времени',
  // "можно голосовой звонок?", "видео звонок": how the call goes.
  'голосовой', 'видео', 'аудио', 'телефонный',
]);
/** A day of the week in any case: "в субботу утром сможете позвонить?". */
const WEEKDAY = /^(?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)[а-я]*$/u;
/** An hour in words: "после шести", "до восьми". */
const HOUR = /^(?:одного|двух|трех|четырех|пяти|шести|семи|восьми|девяти|десяти|одиннадцати|двенадцати)$/u;

/** Making or ordering a call: "сделайте звонок", "организуйте созвон", "кинь дозвон". */
const CALL_MADE = /^(?:сделай|сделайте|организуй|организуйте|закажи|закажите|устрой|устройте|кинь|киньте|скинь|скиньте)$/u;

/** A consultation, by voice or video: "устная консультация", "проконсультируйте голосом". */
const CONSULT = /^консультаци[а-я]*$/u;
const CONSULT_ASKED = /^проконсультир(?:уйте|уй|уете|уешь|овать)$/u;
/** By voice, or seen on a video call: "устная консультация", "по видео показать". */
const SPOKEN = /^(?:устн(?:ая|ую|ой|о)|голосов(?:ая|ую|ой))$/u;

/** A talk asked for with a person rather than the bot: "лично", "напрямую". */
const IN_PERSON = /^(?:лично|напрямую|тет-а-тет)$/u;
/** "давайте обсудим лично": the talk proposed together. */
const TALK_TOGETHER = /^(?:обсудим|поговорим|пообщаемся|обговорим)$/u;

/** Getting in touch, asked of the one read ("выйдите на связь", "выйдете") or of a person named ("выйдет", "выйти"). */
const TOUCH_ASKED = /^(?:выйдите|выйди|выйдете|выходите)$/u;
const TOUCH = /^(?:выйдет|выйдут|выйти)$/u;

/** News of the order the shop may call with: "будет готов", "придет", "привезут". */
const NEWS = /^(?:готов[аоы]?|придет|придут|приедет|привезут|поступит|поступят|починят|сделают)$/u;

/** A talk to be arranged: "организуйте разговор", "устройте созвон". */
const TALK_NOUN = /^(?:разговор|беседу|созвон|консультацию)$/u;

/** The awaiting to come: "буду ждать звонка". */
const AWAITING: ReadonlySet<string> = new Set(['буду', 'будем', 'ждать']);

/** Awaiting a call: "жду его звонка". */
const AWAIT_CALL = /^(?:жду|ждем|ожидаю)$/u;

/** Telling a person: "скажите мастеру, что…". */
const TELL_ON = /^(?:скажи|скажите|передай|передайте)$/u;

/** The buyer, to be called back: "свяжитесь со мной", "можете с нами связаться?" (a wholesale buyer writes for a firm). */
const US: ReadonlySet<string> = new Set(['мной', 'нами']);

export function findCall(words: readonly Word[]): string | undefined {
  // "хочу, чтобы со мной связались": a contact in the past is wished only under the subjunctive.
  const wished = words.some((word) => WOULD.has(word.text));
  for (let index = 0; index < words.length; index++) {
    const text = words[index]!.text;
    // "свяжитесь со мной", "можете со мной связаться?"
    const me =
      (CONTACT_ME.test(text) || (CONTACTED.test(text) && wished)) &&
      ((['со', 'с'].includes(words[index + 1]?.text ?? '') && US.has(words[index + 2]?.text ?? '')) || (['со', 'с'].includes(words[index - 2]?.text ?? '') && US.has(words[index - 1]?.text ?? '')));
    // "вы звоните перед доставкой?", "во сколько обычно звоните?": what the shop does, not a call asked.
    // "вы позвоните, когда ноутбук будет готов?": whether the shop will call on news of the order.
    const onNews = ['позвоните', 'перезвоните', 'отзвонитесь'].includes(text) && words[index - 1]?.text === 'вы' && words.some((word, at) => ['когда', 'как'].includes(word.text) && at > index) && words.some((word) => NEWS.test(word.text));
    const told = (text === 'звоните' && (words[index - 1]?.text === 'вы' || words.some((word) => HABIT.has(word.text)))) || onNews;
    if ((CALL.test(text) || me) && !told && !isNegated(words, index, index)) return text;
    // "выйдите на связь", "когда выйдете на связь?"; "пусть продавец выйдет на связь" (not "курьер выйдет на связь?").
    const touch = words[index + 1]?.text === 'на' && words[index + 2]?.text === 'связь';
    const touchAsked = TOUCH_ASKED.test(text) || (TOUCH.test(text) && words.some((word) => PERSON.test(word.text)));
    if (touch && touchAsked && !isNegated(words, index, index)) return spell(words, index, index + 2);
    // "можно голосом обсудить?"; "хочу пообщаться с вами голосом": a wish or "с вами" in the clause of the talk.
    // "обсудим голосом перед бронью?": the talk proposed together, as well.
    const next = [words[index - 1], words[index + 1]].some((word) => word !== undefined && (TALK.test(word.text) || TALK_TOGETHER.test(word.text)));
    const own = words.filter((word) => word.clause === words[index]!.clause);
    const withYou = own.some((word, at) => WITH.has(word.text) && ['вами', 'тобой'].includes(own[at + 1]?.text ?? ''));
    const asked = own.some((word) => TALK.test(word.text)) && (withYou || own.some((word) => WANT.test(word.text) || NEED.test(word.text)));
    if (BY_VOICE.test(text) && (next || asked) && !isNegated(words, index, index)) return next ? spell(words, index, index + 1) : text;
    // "хочу лично поговорить", "можно обсудить напрямую?": a talk in person, wished (not "я лично поговорил"); "мне надо с
    // вами лично": the talk goes without saying where "с вами" and a need are there and nothing follows (not "мне надо с
    // вами лично встретиться для передачи", a meeting).
    const together = own.some((word) => TALK_TOGETHER.test(word.text)) && own.some((word) => WANT.test(word.text));
    const last = own.indexOf(words[index]!) === own.length - 1 || own.slice(own.indexOf(words[index]!) + 1).every((word) => FILLER.has(word.text));
    const needYou = withYou && last && own.some((word) => WANT.test(word.text) || NEED.test(word.text));
    if (IN_PERSON.test(text) && (asked || together || needYou) && !isNegated(words, index, index)) return spell(own, 0, own.length - 1);
    // "проконсультируйте меня голосом", "нужна устная консультация специалиста": a consultation by voice, asked of the
    // shop for the buyer or needed of a person, is a call ("устная консультация платная?" asks about one; "нужна устная
    // консультация по выбору размера?" asks whether the shop gives one).
    const consultMe = own.some((word) => CONSULT_ASKED.test(word.text)) && own.some((word) => ['меня', 'нас'].includes(word.text));
    const consultPerson = own.some((word) => CONSULT.test(word.text)) && own.some((word) => WANT.test(word.text) || NEED.test(word.text)) && own.some((word) => isPersonWord(word.text));
    const consult = consultMe || consultPerson;
    if ((BY_VOICE.test(text) || SPOKEN.test(text)) && consult && !isNegated(words, index, index)) return spell(own, 0, own.length - 1);
    // "нужен продавец, вопрос сложный, лучше голосом": a talk by voice preferred beside a person (not "вопрос: управлять
    // лучше голосом?", a feature).
    const about = words.some((word) => isPersonWord(word.text));
    if (BY_VOICE.test(text) && words[index - 1]?.text === 'лучше' && about && !isNegated(words, index - 1, index)) return spell(words, index - 1, index);
    // "сделайте звонок мне", "сделайте звонок на мой номер": a call made to the buyer is a call asked (not "сделайте звонок
    // курьеру", "закажите звонок из пвз": a call to someone else).
    // "кинь дозвон на 89005553535": the buyer's number stands for the buyer.
    const toMe = own.some((word) => ['мне', 'мой', 'меня', 'нам', 'наш'].includes(word.text)) || hasMobileNumber(own);
    if (CALL_MADE.test(text) && (CALL_NOUN.test(words[index + 1]?.text ?? '') || words[index + 1]?.text === 'созвон') && toMe && !isNegated(words, index, index)) return spell(words, index, index + 1);
    // "организуйте мне разговор с вашим ветеринаром": a talk arranged with a person of the shop (not "устройте встречу с
    // курьером", someone outside it).
    const talkNoun = CALL_MADE.test(text) ? words.findIndex((word, at) => at > index && at <= index + 2 && TALK_NOUN.test(word.text)) : -1;
    const talkedWith = talkNoun >= 0 ? findPersonNear(words, talkNoun, { someone: false, withPreposition: true, named: false, somebody: true }) : undefined;
    if (talkedWith !== undefined && talkedWith > talkNoun && !isNegated(words, index, index)) return spell(words, index, talkedWith);
  }
  // "связаться с вами по телефону", "поговорить бы по телефону": a talk by phone is a call.
  const byPhone = words.findIndex((word, at) => word.text === 'по' && words[at + 1]?.text === 'телефону');
  // "давайте обсудим по телефону": the talk proposed together, as well (not "обсудим с мужем и закажем по телефону").
  const proposed = words.some((word) => ['давайте', 'давай'].includes(word.text));
  const talk = words.findIndex((word) => TALK.test(word.text) || (proposed && TALK_TOGETHER.test(word.text)));
  if (byPhone >= 0 && talk >= 0 && !isNegated(words, talk, talk) && !words.some((word) => NEGATION.has(word.text))) return spell(words, Math.min(talk, byPhone), Math.max(talk, byPhone + 1));
  // A clause ("Добрый день, можно звонок?") or the whole sentence ("Я хочу, чтобы мне позвонили").
  for (const whole of [...groupClauses(words), words]) {
    // "хочу, чтоб мне позвонили и всё посчитали": the call wished for the buyer ends the request; what the caller is to do
    // after "и" is theirs.
    const called = whole.findIndex((word, at) => CALL_NOUN.test(word.text) && ['чтоб', 'чтобы'].includes(whole[at - 2]?.text ?? '') && whole[at - 1]?.text === 'мне');
    const and = called < 0 ? -1 : whole.findIndex((word, at) => at > called && word.text === 'и');
    const clause = and < 0 ? whole : whole.slice(0, and);
    const call = clause.find((word) => CALL_NOUN.test(word.text));
    // "буду ждать звонка" awaits it as "жду" does ("когда ждать звонка?" asks when the shop calls).
    const wish = clause.some((word, at) => CALL_WISH.has(word.text) || (AWAITING.has(word.text) && clause[at + 1]?.text === 'ждать'));
    // "жду звонка от менеджера": whose call, a person's.
    // "жду звонка от ответственного за опт": whose call, a person's, and what they are in charge of (not "за доставку", the
    // courier's call).
    const fromPerson = (at: number): boolean => clause[at]?.text === 'от' && isPersonWord(clause[at + 1]?.text ?? '');
    const inCharge = (at: number): boolean => fromPerson(at - 3) && !isOutsideWork(clause[at]?.text ?? '');
    // "жду звонка от вас": from the shop read, as well.
    const fromYou = (at: number): boolean => clause[at]?.text === 'от' && ['вас', 'тебя'].includes(clause[at + 1]?.text ?? '');
    const from = (at: number): boolean => fromPerson(at) || fromYou(at) || (clause[at]!.text === 'за' && fromPerson(at - 2)) || (clause[at - 1]?.text === 'за' && inCharge(at));
    // "скажите мастеру, что я жду его звонка": the person's call awaited, told to them (not "жду звонка курьера").
    const awaited = (at: number): boolean => {
      const text = clause[at]!.text;
      const his = ['его', 'ее', 'их', 'вашего'].includes(text) && CALL_NOUN.test(clause[at + 1]?.text ?? '') && clause.some((word) => AWAIT_CALL.test(word.text));
      return his || (TELL_ON.test(text) && clause.some((word) => PERSON.test(word.text) && !NOMINATIVE.test(word.text))) || (text === 'что' && TELL_ON.test(clause[at - 2]?.text ?? ''));
    };
    const bare = clause.every(
      ({ text }, at) =>
        CALL_NOUN.test(text) || CALL_WISH.has(text) || CALL_ORDER.has(text) || AWAITING.has(text) || CALL_TIME.has(text) || WEEKDAY.test(text) || HOUR.test(text) || WHEN.has(text) || isPhoneOrPronoun(text) || isPersonWord(text) || FILLER.has(text) || GREETING.has(text) || from(at) || awaited(at),
    );
    if (call && wish && bare) return clause.map((word) => word.text).join(' ');
  }
  return undefined;
}

/** Words asking leave for a voice message, besides the message: "можно голосовым?", "давайте я голосовое запишу". */
const VOICE_LEAVE: ReadonlySet<string> = new Set(['можно', 'давайте', 'давай', 'лучше', 'могу', 'я', 'вам', 'тебе', 'удобнее', 'проще', 'сообщение', 'сообщением']);

/**
 * A voice message to or from a person: "пусть хозяин мне голосовое скинет", "голосовое оставлю мастеру"; or leave asked for
 * one, alone ("можно голосовым?"). The bot hears none, so a person has to ("голосовое управление есть?" asks of the goods,
 * "голосовые не слушаю" refuses).
 */
export function findVoiceNote(words: readonly Word[]): string | undefined {
  const note = words.findIndex((word) => VOICE_NOTE.test(word.text));
  if (note < 0 || words.some((word) => NEGATION.has(word.text))) return undefined;
  // The sentence, or a clause of it ("давайте голосовыми, мне так удобнее").
  for (const clause of [words, ...groupClauses(words)]) {
    const texts = clause.map((word) => word.text);
    const leave = (text: string): boolean => VOICE_NOTE.test(text) || VOICE_SENT.test(text) || VOICE_LEAVE.has(text) || FILLER.has(text) || GREETING.has(text);
    if (texts.some((text) => VOICE_NOTE.test(text)) && texts.every(leave)) return texts.join(' ');
  }
  const own = words.filter((word) => word.clause === words[note]!.clause);
  const sent = own.some((word) => VOICE_SENT.test(word.text));
  // From a person the buyer lets send one ("пусть менеджер запишет голосовое"), or to a person ("оставлю мастеру").
  const fromPerson = own.some((word) => word.text === 'пусть') && own.some((word) => PERSON.test(word.text) || TRADE.test(word.text));
  const toPerson = own.some((word) => (PERSON.test(word.text) && !NOMINATIVE.test(word.text)) || TRADE.test(word.text));
  return sent && (fromPerson || toPerson) ? spell(own, 0, own.length - 1) : undefined;
}

/** The words a buyer leaves a number with: "мой номер 89051234567", "вот мой вацап 8905…", "буду ждать звонка 8926…". */
const NUMBER_LEFT: ReadonlySet<string> = new Set(['мой', 'моя', 'мои', 'вот', 'это', 'по', 'в', 'на', 'пишите', 'писать', 'набирайте', 'буду', 'будем', 'ждать', 'любое', 'время', 'если', 'что']);

/**
 * "номер 89051234567", "мой вацап 8905…, пишите": the buyer's own mobile number left, in a sentence of nothing else but
 * the words of a contact, is a call or a message asked of a person (not "телефон 89051234567 еще продаете?", "номер
 * получателя 8926…": a phone on sale, a form's field).
 */
export function findNumberLeft(words: readonly Word[]): string | undefined {
  if (!hasMobileNumber(words) || words.some((word) => NEGATION.has(word.text))) return undefined;
  const left = (text: string): boolean =>
    isPhoneOrPronoun(text) || CONTACT.test(text) || MESSENGER.test(text) || CALL.test(text) || CALL_NOUN.test(text) || CALL_WISH.has(text) || CALL_MADE.test(text) ||
    NUMBER_LEFT.has(text) || WHEN.has(text) || FILLER.has(text) || GREETING.has(text) || PREPOSITION.has(text);
  return words.every((word) => left(word.text)) ? spell(words, 0, words.length - 1) : undefined;
}

/** Meeting, proposed together: counts only with a talk ("давайте встретимся и обсудим"), not alone (a handover). */
const MEET_TOGETHER = /^(?:встретимся|увидимся|пересечемся|повидаемся|созвонимся)$/u;

/**
 * "давай встретимся у метро, поговорим", "давайте обсудим лично": a talk the buyer proposes to have together needs a person to
 * have it with, where its clause says nothing else (not "давайте обсудим цену доставки", asked of the documents; nor
 * "давайте встретимся у пункта выдачи" alone, a handover).
 */
export function findTalkProposed(words: readonly Word[]): string | undefined {
  if (!words.some((word) => ['давай', 'давайте'].includes(word.text)) || words.some((word) => NEGATION.has(word.text))) return undefined;
  const talked = groupClauses(words).find(
    (clause) => clause.some((word) => TALK_TOGETHER.test(word.text)) && clause.every((word) => TALK_TOGETHER.test(word.text) || IN_PERSON.test(word.text) || MEET_TOGETHER.test(word.text) || ['давай', 'давайте', 'с', 'вами', 'тобой', 'мы', 'и'].includes(word.text) || FILLER.has(word.text)),
  );
  return talked === undefined ? undefined : spell(talked, 0, talked.length - 1);
}
