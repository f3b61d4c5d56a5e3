/**
 * How a person is asked for: verbs that fetch, ask, talk or want; needs; replies, joining the chat, presence.
 */
/** Imperatives and infinitives that fetch, give, connect or pass to a person ("перекиньте меня на сотрудника"). */
export const FETCH =
  /^(?:позов(?:и|ите|ешь|ете)|позвать|зови|зовите|звать|вызов(?:и|ите|ете)|вызвать|вызывайте|приглас(?:и|ите|ить)|дай|дайте|дать|соедин(?:и|ите|ить)|свяж(?:и|ите)|связать|передай|передайте|передать|подключ(?:и|ите|ить)|переключ(?:и|ите|ить)|перевед(?:и|ите)|перевести|переадрес(?:уй|уйте|овать)|перенаправ(?:ь|ьте|ить)|перекин(?:ь|ьте|уть)|услышать|кликн(?:и|ите))(?:-ка)?$/u;

/** Fetched by them: "меня переведут на человека?", "соединят с менеджером?", "могу я быть переключен на оператора?". */
export const FETCHED = /^(?:переведут|соединят|переключат|подключат|свяжут|(?:переведен|соединен|переключен|подключен)[аы]?)$/u;

/** Talking with someone: counts only with "с"/"до" before the person ("договориться с хозяином о скидке", "посоветоваться с мастером"). */
export const TALK =
  /^(?:поговорить|переговорить|договориться|посоветоваться|проконсультироваться|пообщаться|решить|порешать|общаться|побеседовать|говорить|разговаривать|связаться|связь|созвониться|списаться|переписываться|обсудить|обговорить|дозвониться|достучаться|переписываюсь|общаюсь|разговариваю|говорю)$/u;

/** The buyer's own talk to come: "можно я с продавцом это обсужу?". */
export const TALK_MINE = /^(?:обсужу|поговорю|переговорю|пообщаюсь|созвонюсь|свяжусь|спишусь|обговорю)$/u;

/** The buyer's own talk now: "я с человеком переписываюсь?" asks for one; "с кем я общаюсь?" only asks who answers. */
export const TALKING_NOW = /^(?:переписываюсь|общаюсь|разговариваю|говорю)$/u;

/** Writing to a person: "мне сказали написать менеджеру", "как обратиться к администратору?". */
export const WRITE_TO = /^(?:написать|обратиться)$/u;

export const WANT = /^(?:хочу|хотим|хотел|хотела|хотели|хотелось|прошу|просим|давайте|давай|требую)$/u;

/** Need and may: a request only in a clause that says nothing else ("для сборки нужен мастер?" is a question). */
export const NEED = /^(?:нужен|нужна|нужно|нужны|надо|необходим|необходимо|требуется|можно|есть)$/u;

/** What a person is needed for, besides the person: "нужна помощь менеджера". */
export const NEEDED_FOR = new Set(['помощь', 'консультация', 'консультацию', 'консультации', 'совет', 'разговор', 'звонок']);

/** A person asked to answer: "продавец ответьте", "менеджер ответит?" (not "продавец ответил, что…"). */
export const ANSWER_ME = /^(?:ответ(?:ит|ят|ьте|ь)|отпиш(?:ите|ись|ется|утся)|напишет|напишут|отзов(?:ите|итесь|ись|ется|утся))$/u;

/** "продавец на связи?": the person's presence asked, the way "где продавец?" asks it. */
export const PRESENT = new Set(['на', 'связи', 'онлайн', 'тут', 'здесь', 'месте']);
/** A person asked for a moment: "менеджера на пару слов", "продавца на минутку можно?". */
export const MOMENT: ReadonlySet<string> = new Set(['минутку', 'минуточку', 'минуту', 'секунду', 'секундочку', 'пару', 'слов']);

/** When a person will be there: "когда будет на связи?", "во сколько появится в чате?". */
export const WHEN_PRESENT: ReadonlySet<string> = new Set(['когда', 'во', 'сколько', 'будет', 'будут', 'появится', 'освободится', 'в', 'чате', 'сети', 'сегодня', 'завтра', 'скоро']);

/** A person asked to join the chat: "админ, подключитесь к диалогу"; "пусть подключится" needs no one named. */
export const JOIN = /^(?:подключ|присоедин)(?:ись|итесь|айтесь|яйтесь)$/u;

export const JOIN_LET = /^подключ(?:ится|атся)$/u;

/** Where one joins: "к диалогу", "к чату", "к переписке". */
export const CHAT = /^(?:диалог|чат|переписк|разговор|бесед)[а-я]*$/u;
/** "в чат", "к диалогу", "в переписку": where a person is asked to come, a word of the request. */
export function isToChat(words: readonly { text: string }[], at: number): boolean {
  const text = words[at]?.text ?? '';
  if (['в', 'к'].includes(text)) return CHAT.test(words[at + 1]?.text ?? '');
  return CHAT.test(text) && ['в', 'к'].includes(words[at - 1]?.text ?? '');
}

/** "продавца к телефону", "хозяйку к трубке": where a person is called to come, as the phone call's old words have it. */
export function isToPhone(words: readonly { text: string }[], at: number): boolean {
  const text = words[at]?.text ?? '';
  if (text === 'к') return ['телефону', 'трубке'].includes(words[at + 1]?.text ?? '');
  return ['телефону', 'трубке'].includes(text) && words[at - 1]?.text === 'к';
}

/** "пусть менеджер перезвонит", not "пусть продавец сам решит". */
export const LET_CONTACT = /^(?:позвонит|перезвонит|напишет|свяжется|ответит|наберет|подключится|позвонят|перезвонят|напишут|свяжутся|ответят|наберут)$/u;

/** Fetching verbs that take only a person ("дайте" takes a discount as well: "дайте девушке примерить"). */
export const SUMMON = /^(?:позов|позва|зва|зов|вызов|приглас|соедин|свяж|переключ|перевед|подключ)/u;

/** A complaint to be passed to a person: "хочу жалобу оставить руководству". */
export const COMPLAINT = /^(?:жалоб[ауы]|пожаловаться|претензи[юя])$/u;

/** Verbs that ask for a person wherever the person stands in the sentence: "попросите, пожалуйста, хозяина мне написать". */
export const ASKING = /^(?:попрос(?:и|ите|ить)|пригласи(?:те)?)$/u;

export const PRONOUN = new Set(['его', 'ее', 'их', 'него', 'нее', 'них']);

export const PLEA = /^(?:прошу|просим)$/u;

export const MODAL = /^(?:может|можете|сможет|сможете|могут|смогут|мог|могла|могли)$/u;

/** What a person is asked to do themselves: "хозяйка может сама ответить?" (not "мастер может приехать?", a service). */
export const REPLY_VERB = /^(?:ответить|написать|перезвонить|позвонить|связаться|подключиться|отписаться|набрать)$/u;

/** What a person is wanted about: "насчет счета", "по поводу опта", "по вопросу доставки". */
export const TOPIC = /^(?:насчет|касательно|относительно)$/u;
