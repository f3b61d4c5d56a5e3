/**
 * A person wanted without a fetching verb: standing alone ("Менеджер!!!"), needed ("нужен менеджер"), or asked
 * to reply ("менеджер может мне перезвонить?").
 */
import { isPhoneOrPronoun } from './contact-words.js';
import { FILLER, GREETING, NEGATION, PREPOSITION, WOULD } from './function-words.js';
import { isNegated } from './negation.js';
import { ANYONE, FETCHED_ADJECTIVE, GREETED_PEOPLE, isName, isNameAsked, isOneOfShop, isTheOneWho, isPersonWord, NAME_CASES, NOMINATIVE, PERSON, LIVE_ONE, PERSON_ADJECTIVE, PLACE_OF_PERSON, type Referent, SENIOR, SOMEBODY, SOMEONE, THAT_ONE, THEMSELVES, TRADE } from './person-words.js';
import { FETCH, isToChat, isToPhone, LET_CONTACT, MODAL, MOMENT, NEED, NEEDED_FOR, PLEA, PRESENT, REPLY_VERB, TALK, TOPIC, WANT, WHEN_PRESENT } from './request-words.js';
import { groupClauses, spell, type Word } from './sentences.js';

/** A person, a modal and a verb of replying in one clause: "менеджер может мне перезвонить?"; or "прошу вас ответить лично". */
export function findPersonToReply(words: readonly Word[]): string | undefined {
  for (const clause of groupClauses(words)) {
    const plea = clause.some((word) => PLEA.test(word.text)) && clause.some((word) => REPLY_VERB.test(word.text));
    if (plea && clause.every((word) => PLEA.test(word.text) || REPLY_VERB.test(word.text) || FILLER.has(word.text) || isPhoneOrPronoun(word.text) || word.text === 'вас')) return spell(clause, 0, clause.length - 1);
    // "кто-нибудь из ваших может ответить?", "может кто-то из менеджеров подключиться?": anyone of the shop, as well as a
    // person named.
    const ours = (at: number): boolean => clause[at + 1]?.text !== 'из' || isOneOfShop(clause, at);
    // "Наталья, можете ответить?": a person called by name, as well.
    const person = clause.findIndex((word, at) => NOMINATIVE.test(word.text) || isName(word.text) || (ANYONE.test(word.text) && ours(at)));
    // "можно мне перезвонит кто-то из продавцов?": leave asked for the person's call, as "может" asks it.
    const modal = clause.findIndex((word) => MODAL.test(word.text) || word.text === 'можно');
    const reply = clause.findIndex((word) => REPLY_VERB.test(word.text) || (clause[modal]?.text === 'можно' && LET_CONTACT.test(word.text)));
    if (person < 0 || modal < 0 || reply < modal) continue;
    const at = words.indexOf(clause[modal]!);
    if (!isNegated(words, at, words.indexOf(clause[person]!))) return spell(clause, Math.min(person, modal), reply);
  }
  return undefined;
}

/** Thanks given ahead for a favour: "буду благодарна, если…", "была бы признательна, если…". */
const THANKS_AHEAD = /^(?:благодарн[аыо]?|благодарен|признател(?:ен|ьна|ьны)|рад|рада|рады)$/u;

/**
 * "если кто-то из сотрудников напишет мне лично", "буду благодарна, если менеджер мне перезвонит": someone of the shop to
 * call or write to the buyer, or a person to, with thanks given ahead for it (not "менеджер позвонит мне перед доставкой?",
 * asked of how the shop works, nor "курьер мне позвонит?").
 */
export function findContactHoped(words: readonly Word[]): string | undefined {
  if (words.some((word) => NEGATION.has(word.text))) return undefined;
  const contact = words.findIndex((word) => LET_CONTACT.test(word.text));
  const toMe = words.some((word, at) => ['мне', 'меня'].includes(word.text) || (word.text === 'мной' && ['со', 'с'].includes(words[at - 1]?.text ?? '')));
  if (contact < 0 || !toMe) return undefined;
  const ofShop = words.findIndex((word, at) => at < contact && isOneOfShop(words, at));
  const thanked = words.some((word) => THANKS_AHEAD.test(word.text)) && words.some((word) => word.text === 'если');
  const person = words.findIndex((word, at) => at < contact && NOMINATIVE.test(word.text));
  const who = ofShop >= 0 ? ofShop : thanked ? person : -1;
  return who >= 0 ? spell(words, who, contact) : undefined;
}

/** A person's answer: "ответ продавца", "ответа от менеджера". */
const ANSWER = /^ответ(?:а|ом)?$/u;
/** A person's reply, wished to have been made: "хочу, чтобы ответил человек". */
const REPLIED = /^(?:ответил|ответила|ответили|написал|написала|перезвонил|перезвонила|связался|связалась)$/u;
const AWAIT = /^(?:жду|ждем|ожидаю|ждать|дождаться)$/u;
/** Telling a person to reply: "скажите продавцу, чтобы перезвонил". */
const TELL = /^(?:скажи|скажите|передай|передайте|попроси|попросите)$/u;

/**
 * "жду ответа продавца", "мне нужен ответ от человека", "хочу, чтобы ответил человек", "скажите продавцу, чтобы
 * перезвонил": a person's answer needed, awaited, wished for or asked of them (not "ответ продавца был грубым").
 */
export function findAnswerWanted(words: readonly Word[]): string | undefined {
  // A negation refuses only in its own clause: "вы отвечаете не по теме, нужен ответ от человека" still wants one.
  const negated = (clause: number): boolean => words.some((word) => word.clause === clause && NEGATION.has(word.text));
  const wished = words.some((word) => (WANT.test(word.text) || NEED.test(word.text) || AWAIT.test(word.text) || TELL.test(word.text)) && !negated(word.clause));
  if (!wished) return undefined;
  // "жду ответа от живого": the live one stands for the person.
  const person = (text: string): boolean => PERSON.test(text) || SOMEONE.test(text) || LIVE_ONE.test(text);
  for (let index = 0; index < words.length; index++) {
    const text = words[index]!.text;
    const next = words[index + 1]?.text ?? '';
    const whose = ANSWER.test(text) && ((person(next) && !NOMINATIVE.test(next)) || (next === 'от' && person(words[index + 2]?.text ?? '')));
    const replied = REPLIED.test(text) && words.some((word) => word.text === 'чтобы') && words.some((word) => person(word.text));
    // "хочу, чтобы продавец лично подтвердил": the person themselves wished to say or answer (not "чтобы мастер сам сделал
    // замер", a service, nor "чтобы продавец сам упаковал", a job done).
    const themselves =
      PERSON.test(text) &&
      !/^мастер/u.test(text) &&
      [words[index - 1], next === '' ? undefined : words[index + 1]].some((word) => word !== undefined && (THEMSELVES.has(word.text) || word.text === 'лично')) &&
      words.slice(index + 1, index + 6).some((word) => SAID.test(word.text));
    if (negated(words[index]!.clause)) continue;
    if (whose || replied || (themselves && words.some((word) => word.text === 'чтобы') && words.some((word) => WANT.test(word.text)))) return spell(words, 0, words.length - 1);
  }
  return undefined;
}

/** A talk or a contact in the past tense: "поговорила", "перезвонил", "переписывался", "связались". */
const TALKED =
  /^(?:поговорил|переговорил|пообщал|общал|переписывал|списал|созвонил|связал|позвонил|перезвонил|набрал|написал|отписал|ответил|обсудил|обговорил|проконсультировал)(?:а|и|ся|ась|ись)?$/u;

/**
 * "я бы поговорила с заводчиком до покупки", "хорошо бы кто-нибудь перезвонил", "хочу, чтобы со мной переписывался сам
 * тренер": a talk or a contact in the past tense under "бы" is a wish, the buyer's or of a person of the shop, with a person,
 * a trade or anyone as the one talked with or the one to call in its clause ("курьер бы позвонил заранее" names nobody of
 * the shop; "менеджер со мной связался" is told, no "бы").
 */
export function findTalkWishedInPast(words: readonly Word[]): string | undefined {
  if (words.some((word) => NEGATION.has(word.text))) return undefined;
  const verb = words.findIndex((word, at) => TALKED.test(word.text) && words.slice(0, at).some((before) => WOULD.has(before.text)));
  if (verb < 0) return undefined;
  const own = words.filter((word) => word.clause === words[verb]!.clause);
  // "если бы продавец сразу ответил, я бы уже купил": a condition with its outcome after it tells what did not happen.
  const counterfactual = own[0]?.text === 'если' && words.some((word) => word.clause > own[0]!.clause && word.text === 'бы');
  if (counterfactual) return undefined;
  const person = own.findIndex((word) => PERSON.test(word.text) || TRADE.test(word.text) || ANYONE.test(word.text));
  return person >= 0 ? spell(own, Math.min(person, own.indexOf(words[verb]!)), Math.max(person, own.indexOf(words[verb]!))) : undefined;
}

/** What a person wished to do themselves says or answers: "подтвердил", "ответил", "рассказал". */
const SAID = /^(?:подтвердил|ответил|написал|позвонил|перезвонил|рассказал|объяснил|сказал|связался|проконсультировал)[аи]?$/u;

/** The words of "а вы вообще человек?" */
const ARE_YOU: ReadonlySet<string> = new Set(['вы', 'ты', 'человек', 'а', 'ну', 'вообще', 'ли', 'точно', 'же', 'там', 'правда']);

/** "Менеджер!!!", "Человека!", "ну где продавец?": the sentence is the person. */
export function findPersonAlone(words: readonly Word[], referent: Referent): string | undefined {
  // Not "вы" ("Вы продавец?"), nor "а"/"и": "А мастер?" asks about the master's part of something.
  const allowed = (text: string): boolean =>
    PERSON.test(text) ||
    PERSON_ADJECTIVE.test(text) ||
    GREETING.has(text) ||
    text === 'где' ||
    PRESENT.has(text) ||
    MOMENT.has(text) ||
    (FILLER.has(text) && !['вы', 'ты', 'ли', 'а', 'и'].includes(text));
  if (words.length === 1 && FETCHED_ADJECTIVE.test(words[0]!.text)) return words[0]!.text;
  // "вы человек?", "а ты вообще человек?": whether a person answers, asked as "вы реальный человек?" asks it, alone (not "а вы
  // человек? ладно, размер какой?": the buyer asks on).
  if (referent.alone && words.some((word) => word.text === 'человек') && words.some((word) => ['вы', 'ты'].includes(word.text)) && words.every((word) => ARE_YOU.has(word.text))) return spell(words, 0, words.length - 1);
  // "здорово, хозяева", "привет, продавцы": the shop's people greeted together, not called for.
  const greeted = words.some((word) => GREETING.has(word.text) || /^(?:здорово|здарова|здорова)$/u.test(word.text));
  if (greeted && words.filter((word) => PERSON.test(word.text)).every((word) => GREETED_PEOPLE.test(word.text))) return undefined;
  // "хозяин объявления на связи?": whose person it is names the person, nothing else.
  const whose = (at: number): boolean => PLACE_OF_PERSON.test(words[at]!.text) && PERSON.test(words[at - 1]?.text ?? '');
  if (words.some((word) => PERSON.test(word.text)) && words.every((word, at) => allowed(word.text) || whose(at))) return spell(words, 0, words.length - 1);
  // "продавщица когда будет на связи?", "во сколько менеджер будет в чате?", "продавец появится сегодня?": when, asked of
  // the person's presence (not "мастер когда будет?", a visit).
  for (const clause of groupClauses(words)) {
    const present = /(?:^|\s)(?:на связи|в чате|в сети|онлайн|появится|освободится)(?:\s|$)/u.test(clause.map((word) => word.text).join(' '));
    const person = clause.some((word) => PERSON.test(word.text));
    if (present && person && clause.every((word) => allowed(word.text) || WHEN_PRESENT.has(word.text))) return spell(clause, 0, clause.length - 1);
  }
  // "Анна, вы тут?", "продавец, вы на связи?": a person called, then asked whether they are there.
  const clauses = groupClauses(words);
  const called = (clause: readonly Word[]): boolean =>
    clause.some((word) => NOMINATIVE.test(word.text) || isName(word.text)) && clause.every((word) => NOMINATIVE.test(word.text) || isName(word.text) || allowed(word.text));
  const there = (clause: readonly Word[]): boolean =>
    clause.some((word) => PRESENT.has(word.text) && word.text !== 'на') && clause.every((word) => ['вы', 'ты', 'сейчас', 'еще', 'ли'].includes(word.text) || allowed(word.text));
  if (clauses.length === 2 && called(clauses[0]!) && there(clauses[1]!)) return spell(words, 0, words.length - 1);
  // "менеджера пж, насчет счета": a clause asking for a person (not naming one: "продавец, а доставка?") before the rest.
  // "менеджера в чат", "оператора к диалогу", "продавца к телефону": where the person is asked to come says nothing else.
  for (const clause of groupClauses(words)) {
    const asked = clause.some((word) => PERSON.test(word.text) && !NOMINATIVE.test(word.text));
    const bare = clause.every((word, at) => (allowed(word.text) || isToChat(clause, at) || isToPhone(clause, at)) && !NOMINATIVE.test(word.text));
    if (asked && bare) return spell(clause, 0, clause.length - 1);
  }
  return undefined;
}

/** "нужен менеджер", "можно живого человека?", "есть продавец?": need and person, nothing else in the clause. */
export function findNeededPerson(words: readonly Word[]): string | undefined {
  for (const whole of groupClauses(words)) {
    // "нужен менеджер по поводу опта": what the person is needed for follows, and is the person's to answer.
    // "нужен менеджер по заказу", "оператор по опту": the desk a seller's person sits at (not "мастер по ремонту", a service).
    const desk = (at: number): boolean => whole[at]?.text === 'по' && DESK_PERSON.test(whole[at - 1]?.text ?? '');
    const topic = whole.findIndex((word, at) => TOPIC.test(word.text) || (word.text === 'по' && ['поводу', 'вопросу'].includes(whole[at + 1]?.text ?? '')) || desk(at));
    // "мне нужен тот, кто отвечает за доставку": what the one meant does follows, and names them.
    const first = words.indexOf(whole[0]!);
    const who = whole.findIndex((_, at) => isTheOneWho(words, first + at));
    const clause = who >= 0 ? whole.slice(0, who + 1) : topic > 0 ? whole.slice(0, topic) : whole;
    // "хочу консультацию менеджера": a wish for what a person is needed for is a need.
    const need = clause.some((word) => NEED.test(word.text) || (WANT.test(word.text) && clause.some((other) => NEEDED_FOR.has(other.text))));
    // Someone counts where they are of the shop ("нужен кто-то из магазина", "из менеджеров"); "кто-нибудь есть?" only pings.
    const ofShop = (at: number): boolean => isOneOfShop(clause, at);
    const person = clause.some(
      (word, at) =>
        PERSON.test(word.text) ||
        isNameAsked(word.text) ||
        at === who ||
        (SOMEONE.test(word.text) && ofShop(at)) ||
        (SOMEBODY.test(word.text) && THAT_ONE.has(clause[at - 1]?.text ?? '')) ||
        (isOneInCharge(word.text) && !clause.some((other) => other.text === 'есть')),
    );
    const bare = clause.every(
      ({ text }, at) =>
        NEED.test(text) ||
        WANT.test(text) ||
        FETCH.test(text) ||
        TALK.test(text) ||
        NEEDED_FOR.has(text) ||
        // "можно менеджера на пару слов?"
        MOMENT.has(text) ||
        isPersonWord(text) ||
        isNameAsked(text) ||
        // "можно Ивана к телефону?"
        (text === 'телефону' && clause[at - 1]?.text === 'к') ||
        GREETING.has(text) ||
        PREPOSITION.has(text) ||
        (FILLER.has(text) && text !== 'ли') ||
        (THAT_ONE.has(text) && SOMEBODY.test(clause[at + 1]?.text ?? '')) ||
        (SOMEBODY.test(text) && THAT_ONE.has(clause[at - 1]?.text ?? '')) ||
        SOMEONE.test(text) ||
        at === who ||
        (text === 'из' && (PLACE_OF_PERSON.test(clause[at + 1]?.text ?? '') || isOneOfShop(clause, at - 1))) ||
        // "можно мне человека в чат?": where the person is wanted.
        isToChat(clause, at) ||
        // "можно хозяина машины?", "нужен владелец квартиры": what the owner owns, the clause ending there.
        (at === clause.length - 1 && OWNER.test(clause[at - 1]?.text ?? '')) ||
        (PLACE_OF_PERSON.test(text) && (PERSON.test(clause[at - 1]?.text ?? '') || clause[at - 1]?.text === 'из')),
    );
    if (need && person && bare) return clause.map((word) => word.text).join(' ');
  }
  return undefined;
}

/**
 * "мне нужен старший", "можно живого?", "нужен ответственный": the adjective stands for the person where it is needed (not
 * "есть старший?", which may ask of a size or a dog's litter; the rest of the clause must be bare besides).
 */
const IN_CHARGE = /^(?:ответственн(?:ый|ая|ого|ую)|жив(?:ого|ую))$/u;
function isOneInCharge(text: string): boolean {
  return SENIOR.test(text) || FETCHED_ADJECTIVE.test(text) || IN_CHARGE.test(text);
}

/** The owner of the goods: "хозяин машины", "владелица квартиры", "собственник дома". */
const OWNER = /^(?:хозя(?:ин|ина|йка|йку)|владел(?:ец|ьца|ица|ицу)|собственник[а]?|собственниц[ау])$/u;

/** People who sit at a seller's desk: "менеджер по продажам", "консультант по заказам". */
const DESK_PERSON = /^(?:менеджер|манагер|оператор|консультант)[а-я]*$/u;

/** What a person gives of their own: a consultation, advice, an opinion. */
const COUNSEL = /^(?:консультаци[яюи]|совет|мнение)$/u;
/** The person's own: a personal consultation, in person. */
const OWN_COUNSEL = /^(?:личн(?:ая|ую|ой)|у|от|вживую)$/u;

/**
 * "хочу личную консультацию у вашего мастера", "нужна консультация специалиста", "нужно мнение мастера вживую": a person's
 * own counsel wanted or needed (not "консультация специалиста платная?", "нужна ли консультация мастера?", "есть
 * консультация специалиста?": whether the shop gives one).
 */
export function findCounselWanted(words: readonly Word[]): string | undefined {
  if (words.some((word) => word.text === 'ли')) return undefined;
  for (const clause of groupClauses(words)) {
    const counsel = clause.findIndex((word) => COUNSEL.test(word.text));
    const wished = clause.some((word) => (NEED.test(word.text) && word.text !== 'есть') || WANT.test(word.text));
    if (counsel < 0 || !wished) continue;
    let at = counsel + 1;
    while (OWN_COUNSEL.test(clause[at]?.text ?? '') || (PERSON_ADJECTIVE.test(clause[at]?.text ?? '') && clause[at]?.text !== 'самому')) at++;
    // "мастера-рыболова": the person's word declined with what they are.
    const text = (clause[at]?.text ?? '').split('-')[0]!;
    const person = (PERSON.test(text) && !NOMINATIVE.test(text)) || TRADE.test(text);
    const first = words.indexOf(clause[counsel]!);
    if (person && !isNegated(words, first, words.indexOf(clause[at]!))) return spell(clause, 0, clause.length - 1);
  }
  return undefined;
}

/**
 * "мне бы Алексея, он мастер, который мне ноут чинил": a first name wished right after "мне бы", in the case it is asked
 * for in, whatever the buyer tells of them after.
 */
export function findNameWished(words: readonly Word[]): string | undefined {
  // Not "мне бы Сашу порадовать": what the buyer would do for them.
  const at = words.findIndex((word, index) => word.text === 'мне' && words[index + 1]?.text === 'бы' && NAME_CASES.has(words[index + 2]?.text ?? '') && !/(?:ть|ться|чь)$/u.test(words[index + 3]?.text ?? ''));
  return at >= 0 && !words.some((word) => NEGATION.has(word.text)) ? spell(words, at, at + 2) : undefined;
}
