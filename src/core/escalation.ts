/**
 * A buyer asking for a person, read as grammar rather than listed as phrases: a person word (менеджер,
 * продавец, хозяйка, живой человек…) asked for by an imperative (позовите, дайте, соедините с, передайте),
 * a wish (хочу, прошу), a need in a clause that says nothing else (нужен менеджер, можно живого человека?),
 * a wish to talk with one (поговорить с продавцом), or standing alone in a sentence ("Менеджер!!!"); asked
 * when they will be on line, or whom to turn to (к кому обратиться?); or a call asked for (позвоните, наберите,
 * можно звонок?). A negated request ("менеджера не надо") and a question about a person ("продавец сам
 * отправляет?") are not requests. The seller's ESCALATION_PHRASES match besides, on Snowball stems, under the
 * same negation rule.
 */
import { stemmer } from '@orama/stemmers/russian';
import { readLayoutWords, readTyped, readUkrainianWords, splitGlued } from './typed-words.js';

/** None by default: the detector covers the usual requests; a seller adds their own words. */
export const DEFAULT_ESCALATION_PHRASES: readonly string[] = [];

export interface EscalationMatcher {
  /** The words that asked for a person, or undefined. */
  match(text: string): string | undefined;
}

/** A word of a sentence; `clause` changes at commas, dashes and "а"/"но", the reach of a negation. */
interface Word {
  text: string;
  clause: number;
}

const PERSON =
  /^(?:(?:менеджер|манагер|оператор|администратор|сотрудник|консультант|руководител|руководств|директор|специалист|начальник|начальств|продавщиц|собственник|представител)[а-яa-z]*|продав(?:ец|ц[аеуы]|цом|цов|цам|цами|цах)|продаван[аеуы]?|продаваном|человека?|чел|челик[аеу]?|челиком|человеку|человеком|человеке|люди|людей|людям|людьми|админ[аеуы]?|админом|хозя(?:ин|ина|ину|ином|ине|йка|йки|йке|йку|йкой|ева|ев|евам)|мастер[аеуы]?|мастером|мастеров|владел(?:ец|ьца|ьцу|ьцем|ьце|ьцы|ьцев)|лпр)$/u;
/** A person named, not asked for: "Продавец, дайте скидку" speaks to them ("позовите продавца" asks for them). */
const NOMINATIVE = /^(?:чел|челик|продаван|менеджер|манагер|оператор|администратор|сотрудник|консультант|руководитель|директор|специалист|начальник|продавщица|продавец|человек|люди|админ|хозяин|хозяйка|мастер|владелец|собственник|представитель)$/u;
/** Somebody, support: a person only when fetched or talked with ("свяжите с кем-нибудь"), not in "есть кто-нибудь?". */
const SOMEONE = /^(?:(?:кто|кого|кому|кем)-(?:нибудь|то|либо)|поддержк[аиуе]|поддержкой)$/u;
const PERSON_ADJECTIVE = /^(?:жив(?:ой|ого|ому|ым|ая|ую|ые|ых)|настоящ[а-яa-z]+|реальн[а-яa-z]+|ваш[а-яa-z]*|старш[а-яa-z]+|главн[а-яa-z]+|ответственн[а-яa-z]+|компетентн[а-яa-z]+|нормальн[а-яa-z]+|адекватн[а-яa-z]+|сам(?:ого|ому|им|ой|у)|друг(?:ого|ой|им|ому)|люб(?:ого|ой|ым)|свободн[а-яa-z]+|какого-нибудь|какой-нибудь)$/u;
const LIVE = /^жив(?:ой|ого|ому|ым|ом|ая|ую|ые|ых|ыми)$/u;
/** Someone real, not the bot: "кто-то настоящий", "кто-нибудь адекватный". */
const REAL_ONE = /^(?:настоящ|реальн|нормальн|адекватн|компетентн)(?:ий|ый|ая|ой|его|ого|ую)$/u;
/** "реальный человек" asks for one; "настоящий мастер своего дела?" asks about one. */
const REAL_HUMAN = /^(?:настоящ|реальн)[а-яa-z]+ (?:человек[а-яa-z]*|люд[а-яa-z]*)$/u;

/** A person called by name ("Анна, ответьте", "Ольга Николаевна, можно вас?"): the commonest first names, and patronymics. */
const FIRST_NAMES: ReadonlySet<string> = new Set(
  ('анна аня ольга оля елена лена татьяна таня наталья наталия наташа ирина ира светлана света мария маша екатерина катя юлия юля ' +
    'марина галина людмила надежда вера любовь оксана алена алина ксения дарья евгения валентина нина лариса виктория ' +
    'александр саша сергей андрей дмитрий алексей михаил иван николай владимир евгений павел артем роман денис игорь олег ' +
    'максим виктор юрий антон илья константин вадим руслан григорий василий петр станислав').split(' '),
);
const PATRONYMIC = /^[а-я]{3,}(?:овна|евна|ична|ович|евич)$/u;

function isName(text: string): boolean {
  return FIRST_NAMES.has(text) || PATRONYMIC.test(text);
}

/** Names and their cases that are words besides ("вера", "роман", "света", "саше", a "виктория" strawberry): never asked for alone. */
const NAMES_AS_WORDS: ReadonlySet<string> = new Set(['вера', 'любовь', 'надежда', 'роман', 'света', 'марина', 'виктория', 'саше']);
/** A first name fetched or needed in another case ("позовите Андрея", "можно Анну?"), made from the names above. */
const NAME_CASES: ReadonlySet<string> = new Set(
  [...FIRST_NAMES]
    .filter((name) => !NAMES_AS_WORDS.has(name))
    .flatMap((name) => {
      const stem = name.slice(0, -1);
      if (/[йь]$/u.test(name)) return [`${stem}я`, `${stem}ю`, `${stem}ем`];
      if (name.endsWith('а')) return [/[гкхжшчщ]$/u.test(stem) ? `${stem}и` : `${stem}ы`, `${stem}у`, `${stem}е`, /[жшчщ]$/u.test(stem) ? `${stem}ей` : `${stem}ой`];
      if (name.endsWith('я')) return [`${stem}и`, `${stem}ю`, `${stem}е`, `${stem}ей`];
      // "павел" → "павла": the vowel drops out.
      const base = name === 'павел' ? 'павл' : name;
      return [`${base}а`, `${base}у`, `${base}ом`];
    })
    .filter((form) => !NAMES_AS_WORDS.has(form)),
);

/** A first name in any case, but not one that is a word besides: "нужен Андрей", "можно Сергея?". */
function isNameAsked(text: string): boolean {
  return (FIRST_NAMES.has(text) && !NAMES_AS_WORDS.has(text)) || NAME_CASES.has(text);
}

/** Imperatives and infinitives that fetch, give, connect or pass to a person. */
const FETCH =
  /^(?:позов(?:и|ите|ешь|ете)|позвать|зови|зовите|звать|вызов(?:и|ите|ете)|вызвать|вызывайте|приглас(?:и|ите|ить)|дай|дайте|дать|соедин(?:и|ите|ить)|свяж(?:и|ите)|связать|передай|передайте|передать|подключ(?:и|ите|ить)|переключ(?:и|ите|ить)|перевед(?:и|ите)|перевести|услышать|кликн(?:и|ите))(?:-ка)?$/u;
/** Fetched by them: "меня переведут на человека?", "соединят с менеджером?". */
const FETCHED = /^(?:переведут|соединят|переключат|подключат|свяжут)$/u;
/** Talking with someone: counts only with "с"/"до" before the person. */
const TALK =
  /^(?:поговорить|переговорить|пообщаться|общаться|побеседовать|говорить|разговаривать|связаться|связь|созвониться|списаться|переписываться|обсудить|обговорить|дозвониться|достучаться|переписываюсь|общаюсь|разговариваю|говорю)$/u;
/** The buyer's own talk to come: "можно я с продавцом это обсужу?". */
const TALK_MINE = /^(?:обсужу|поговорю|переговорю|пообщаюсь|созвонюсь|свяжусь|спишусь|обговорю)$/u;
/** Those who make what is sold, talked with or fetched: "переговорить с кондитером", "позовите флориста". */
const TRADE = /^(?:кондитер|флорист|заводчик|заводчиц|закройщик|замерщик|ювелир|мастериц|портн|шве)(?:а|у|ом|ой|ей|ым|ого|ы|е|и|ю|я)?$/u;
/** The buyer's own talk now: "я с человеком переписываюсь?" asks for one; "с кем я общаюсь?" only asks who answers. */
const TALKING_NOW = /^(?:переписываюсь|общаюсь|разговариваю|говорю)$/u;
/** Writing to a person: "мне сказали написать менеджеру", "как обратиться к администратору?". */
const WRITE_TO = /^(?:написать|обратиться)$/u;
const WANT = /^(?:хочу|хотим|хотел|хотела|хотели|хотелось|прошу|просим|давайте|давай|требую)$/u;
/** Need and may: a request only in a clause that says nothing else ("для сборки нужен мастер?" is a question). */
const NEED = /^(?:нужен|нужна|нужно|нужны|надо|необходим|необходимо|требуется|можно|есть)$/u;
/** Calls asked for outright, or the buyer's own call ("сам позвоню"): either way a person has to take it. */
const CALL =
  /^(?:позвони|позвоните|перезвони|перезвоните|перезвонить|набери|наберите|звякни|звякните|звоните|свяжитесь|свяжись|созвон|созвонимся|созвониться|позвоню|перезвоню|наберу|звякну)(?:-ка)?$/u;
/** A way to reach a person: "телефон продавца", "скиньте ваш номер". */
const CONTACT = /^(?:номер|номерок|телефон|телефончик|контакт|контакты|ватсап|вацап|вотсап|whatsapp|телеграм|телегу|тел|тлф)$/u;
/** "тел?", "тлф?": a number asked for in the fewest letters; nothing on sale is called so. */
const PHONE_SHORT = /^(?:тел|тлф)$/u;
/** Giving a contact ("дайте", "скиньте", "можно"): "ваш телефон" alone may be the phone on sale. */
const GIVE = /^(?:дай|дайте|скинь|скиньте|кинь|киньте|напиши|напишите|оставь|оставьте|пришли|пришлите|продиктуйте|подскажи|подскажите|можно)$/u;
const YOUR = /^(?:ваш|твой|свой)$/u;
/** Calls that need a wish beside them in a clause that says nothing else ("можно звонок?", not "звонок в дверь работает?"). */
const CALL_NOUN = /^(?:позвонить|звонить|набрать|позвонили|перезвонили|позвонят|перезвонят|звонок|звонка|звонку|звоночек|звонком)$/u;
const CALL_WISH = new Set(['хочу', 'хотел', 'хотела', 'хотелось', 'можно', 'могу', 'можете', 'может', 'могут', 'могли', 'сможете', 'прошу', 'давайте', 'пусть', 'жду', 'нужен', 'нужно', 'закажите', 'заказать', 'обратный', 'обратного', 'организуйте']);
/** "хочу оставить заявку на звонок": a call ordered. */
const CALL_ORDER = new Set(['оставить', 'оставлю', 'заявку', 'заявка', 'заявке', 'на']);
/** "свяжитесь со мной" is a call; "связаться со мной" too. */
const CONTACT_ME = /^(?:связаться|свяжется|свяжутся|связались|связался|связалась|созвониться)$/u;
/** What a person is needed for, besides the person: "нужна помощь менеджера". */
const NEEDED_FOR = new Set(['помощь', 'консультация', 'консультацию', 'консультации', 'совет']);
/** A person asked to answer: "продавец ответьте", "менеджер ответит?" (not "продавец ответил, что…"). */
const ANSWER_ME = /^(?:ответ(?:ит|ят|ьте|ь)|отпиш(?:ите|ись|ется|утся)|напишет|напишут)$/u;
/** Talk by phone or video: "давайте по телефону", "можно видеозвонок?". */
const VIDEO_CALL = /^(?:видеозвон[а-я]*|видеосвяз[а-я]*)$/u;
/** The words of a call by phone or video besides the call itself: "давайте по телефону", "по видеосвязи можно показать?". */
const PHONE_TALK: ReadonlySet<string> = new Set(['по', 'телефону', 'можно', 'давайте', 'лучше', 'обсудить', 'обговорить', 'поговорить', 'показать', 'консультацию', 'созвониться', 'хочу', 'хотелось', 'бы', 'все', 'это', 'детали']);
/** One live person, wanted: "хочу живого". */
const LIVE_ONE = /^жив(?:ого|ую)$/u;
/** Where a person is to write: "в личку", "в лс", a messenger. */
const PRIVATE = /^(?:личку|лс|директ|личке|личные|личных|личным)$/u;
/** Words a contact request is made of besides the contact and giving: "какой у вас номер?", "телефон для связи дайте". */
const CONTACT_FRAME = new Set(['какой', 'какая', 'какие', 'у', 'вас', 'для', 'связи', 'ваш', 'ваша', 'свой', 'мне', 'можно', 'а', 'и', 'есть']);
/** Whose person: "хозяин магазина", "менеджер салона" name the person, nothing else. */
const PLACE_OF_PERSON = /^(?:магазин|салон|фирм|компани|склад|сервис|мастерск|организаци|отдел|объявлени)[а-я]*$/u;
/** Live people as a noun: "есть живые?", "живых нет?". */
const LIVE_PEOPLE = /^жив(?:ые|ых)$/u;
/** "кто у вас главный? позовите его": the one in charge, named. */
const SENIOR = /^(?:главный|главная|старший|старшая)$/u;
/** An adjective that stands for a person where it is fetched: "старшего позовите", "позови главного". */
const FETCHED_ADJECTIVE = /^(?:старш|главн|жив)(?:его|ого)$/u;
/** "продавец на связи?": the person's presence asked, the way "где продавец?" asks it. */
const PRESENT = new Set(['на', 'связи', 'онлайн', 'тут', 'здесь']);
/** When a person will be there: "когда будет на связи?", "во сколько появится в чате?". */
const WHEN_PRESENT: ReadonlySet<string> = new Set(['когда', 'во', 'сколько', 'будет', 'будут', 'появится', 'освободится', 'в', 'чате', 'сети', 'сегодня', 'завтра', 'скоро']);
/** A messenger the buyer wants a person to write to: "напишите мне в вотсап". */
const MESSENGER = /^(?:ватсап|вацап|вотсап|whatsapp|телеграм|телегу|телеграмм|вайбер|viber|вк|тг|телега|телеге|телеграме|телеграмме|вайбере|ватсапе|вацапе|вотсапе|telegram|tg|макс|максе|max)$/u;
/** Moving the talk to a messenger: "давайте в телеге продолжим", "кинь телегу", "в тг можно связаться?", "есть вайбер?". */
const MOVE_TALK = /^(?:продолжим|продолжить|перейдем|перейти|перенести|перенесем|спишемся|списаться|свяжемся|пообщаемся|общаемся|обсудим|напишу|пишите|пиши|добавьте|добавь|добавлю|кинь|киньте|скинь|скиньте|дай|дайте|есть|ник|удобнее|туда|там|ок|окей)$/u;
/** The rest of such a request: "в тг можно с вами связаться?", "у вас есть вайбер?". */
const TALK_FRAME: ReadonlySet<string> = new Set([
  'в', 'вами', 'тобой', 'у', 'вас', 'свой', 'свою', 'ваш', 'ваша', 'сообщения', 'сообщениях', 'сообщение',
  // the talk named: "можно в вк продолжить общение?"
  'общение', 'переписку', 'разговор', 'диалог', 'беседу',
]);
/** The bot, refused: "с ботом не хочу", "робот не нужен". */
const BOT = /^(?:бот|бота|боту|ботом|робот|робота|роботу|роботом|автоответчик|автоответчиком)$/u;
/** "голосом обсудить", "по телефону поговорить": talk asked for by voice. */
const BY_VOICE = /^(?:голосом|устно)$/u;
/** Words read as another: "пускай хозяйка перезвонит" is "пусть…". */
const SAME_AS: ReadonlyMap<string, string> = new Map([['пускай', 'пусть']]);
/** A person asked to join the chat: "админ, подключитесь к диалогу"; "пусть подключится" needs no one named. */
const JOIN = /^(?:подключ|присоедин)(?:ись|итесь|айтесь|яйтесь)$/u;
const JOIN_LET = /^подключ(?:ится|атся)$/u;
/** Where one joins: "к диалогу", "к чату", "к переписке". */
const CHAT = /^(?:диалог|чат|переписк|разговор|бесед)[а-я]*$/u;
/** "пусть менеджер перезвонит", not "пусть продавец сам решит". */
const LET_CONTACT = /^(?:позвонит|перезвонит|напишет|свяжется|ответит|наберет|подключится|позвонят|перезвонят|напишут|свяжутся|ответят|наберут)$/u;

const FILLER = new Set([
  'пожалуйста', 'пжл', 'пж', 'плиз', 'плз', 'мне', 'меня', 'нам', 'нас', 'вы', 'уже', 'срочно', 'скорее', 'быстрее', 'побыстрее',
  'сюда', 'тут', 'здесь', 'бы', 'же', 'ну', 'а', 'и', 'уж', 'хоть', 'то', 'тогда', 'лучше', 'просто', 'еще', 'сейчас', 'лично',
  'напрямую', 'прямо', 'непосредственно', 'все-таки', 'таки', 'ли', 'быстро', 'ты', 'вообще',
]);
const PREPOSITION = new Set(['с', 'со', 'на', 'к', 'до']);
/** "с" before the one talked with: "с продавцом", "со мной", "с ним". */
const WITH: ReadonlySet<string> = new Set(['с', 'со']);
/** Words of a habit asked about: "во сколько обычно звоните?". */
const HABIT = new Set(['обычно', 'всегда', 'заранее', 'перед', 'сколько', 'ли']);
/** When a call is wanted: "пусть мне перезвонят завтра". */
const WHEN = new Set(['завтра', 'сегодня', 'утром', 'днем', 'вечером', 'позже', 'попозже', 'потом', 'скорее']);
/** People by who they are, fetched or talked with ("позовите девушку, которая отвечала"): never asked of by a wish alone. */
const SOMEBODY = /^(?:девушк[аеиуо][й]?|девушкой|мужчин[аеуы]|мужчиной|женщин[аеуы]|женщиной|парн[яюе]|парнем)$/u;
/** Fetching verbs that take only a person ("дайте" takes a discount as well: "дайте девушке примерить"). */
const SUMMON = /^(?:позов|зов|вызов|приглас|соедин|свяж|переключ|перевед|подключ)/u;
/** The person themselves, not the bot: "напишите мне сами", "пусть сам перезвонит". */
const THEMSELVES = new Set(['сам', 'сами', 'сама']);
/** "можно ту девушку": the one meant. */
const THAT_ONE = new Set(['ту', 'того', 'тот', 'та', 'той', 'тем', 'эту', 'этого']);
const GREETING = new Set(['здравствуйте', 'привет', 'добрый', 'день', 'вечер', 'утро', 'алло', 'ало', 'ау', 'эй']);
const NEGATION = new Set(['не', 'ни', 'никого', 'никто', 'никому', 'никем']);
/** "не могли бы позвать…" asks politely; it negates nothing. */
const POLITE = new Set(['могли', 'можете', 'сможете', 'подскажете', 'подскажите', 'сложно', 'трудно', 'затруднит', 'против']);

const SENTENCE_END = /[.!?\n;…]+/u;
const CLAUSE_BREAK = /[,:—–()«»"]|\s-\s/u;
const CLAUSE_WORDS = new Set(['а', 'но', 'или', 'зато', 'однако']);
// Explicit letters, not Unicode properties: text is lower case with ё as е, and property classes cost a start-up compile.
const WORD = /[а-яa-z0-9]+(?:-[а-яa-z0-9]+)*/gu;

export function createEscalationMatcher(phrases: readonly string[]): EscalationMatcher {
  const extras = phrases.map((phrase) => ({ phrase, stems: stemWords(phrase) })).filter((entry) => entry.stems.length > 0);
  return {
    match(text) {
      const sentences = readSentences(text);
      // "Хозяйка тут? Позовите её": a pronoun stands for a person named in another sentence.
      const named = sentences.some((sentence) => sentence.some((word) => PERSON.test(word.text) || SENIOR.test(word.text)));
      for (const sentence of sentences) {
        const found = findRequest(sentence, named) ?? extras.find((extra) => containsPhrase(sentence, extra.stems))?.phrase;
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}

/** Names a person the bot could call (a FALLBACK_TEXT that offers a manager does). */
export function namesPerson(text: string): boolean {
  return readSentences(text).some((sentence) => sentence.some((word) => PERSON.test(word.text)));
}

/** "соедините", "зовите": a verb fetching a person, beside a yes to the bot's offer. */
export function isFetchWord(word: string): boolean {
  return FETCH.test(word);
}

export function isPersonWord(word: string): boolean {
  return PERSON.test(word) || PERSON_ADJECTIVE.test(word);
}

/** Negations a refusal is made of, besides NEGATION: "без менеджера", "никакого менеджера", "нет, не надо". */
const REFUSING = /^(?:без|нет|никак(?:ой|ого|ая|ую|их|им|ими))$/u;

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

/** Lower case, ё as е: how every rule here spells words. */
export function normalizeText(text: string): string {
  // "позовите кого нибудь": typed on a phone the hyphen is often left out.
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(?<![а-яa-z])(кто|кого|кому|кем|как(?:ой|ого|ую|ая|ие|им))\s+(нибудь|либо|то)(?![а-яa-z])/gu, '$1-$2');
}

function readSentences(text: string): Word[][] {
  return readUkrainianWords(readLayoutWords(normalizeText(text)))
    .split(SENTENCE_END)
    .map(readClauses)
    .filter((sentence) => sentence.length > 0);
}

function readClauses(sentence: string): Word[] {
  const words: Word[] = [];
  let clause = 0;
  for (const part of sentence.split(CLAUSE_BREAK)) {
    clause++;
    for (const [typed] of part.matchAll(WORD)) {
      const text = SAME_AS.get(typed) ?? readTyped(typed);
      if (CLAUSE_WORDS.has(text)) clause++;
      for (const glued of (text === typed ? splitGlued(text) : undefined) ?? [text]) words.push({ text: glued, clause });
    }
  }
  return words;
}

function findRequest(words: readonly Word[], named: boolean): string | undefined {
  return (
    findPersonAlone(words) ??
    findAskedPerson(words) ??
    findFetchedPronoun(words, named) ??
    findAskedToJoin(words) ??
    findPersonToReply(words) ??
    findNeededPerson(words) ??
    findCall(words) ??
    findAskedContact(words) ??
    findRefusedBot(words) ??
    findMovedTalk(words) ??
    findBareRequest(words) ??
    findAskedAnywhere(words)
  );
}

/**
 * A person's contact asked for: "дайте телефон продавца", "номер хозяина скиньте", "можно ваш номер?", "скиньте номер
 * телефона". The buyer wants to talk to the person; whether to give the number is theirs to decide.
 */
function findAskedContact(words: readonly Word[]): string | undefined {
  for (const clause of groupClauses(words)) {
    const at = clause.findIndex((word) => CONTACT.test(word.text));
    if (at < 0) continue;
    const next = clause[at + 1]?.text ?? '';
    // "контакт ответственного менеджера": past the person's adjective.
    const person = PERSON_ADJECTIVE.test(next) && !YOUR.test(next) ? clause[at + 2]?.text ?? '' : next;
    const whose = PERSON.test(person) && !NOMINATIVE.test(person);
    const yours = YOUR.test(clause[at - 1]?.text ?? '') || YOUR.test(next) || next === 'телефона';
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

/**
 * Whole sentences that are a request and nothing else: a contact asked ("телефончик дайте", "какой у вас номер?"), a
 * person asked to answer ("продавец ответьте", "менеджер ответит?"), a connection ("соедините пожалуйста"), a call by
 * phone or video ("давайте по телефону", "можно видеозвонок?"), somewhere to write ("в личку напишите"), someone to talk to
 * ("с кем можно поговорить?", "мне бы с человеком", "хочу живого"). Anything else in the sentence makes it a question.
 */
function findBareRequest(words: readonly Word[]): string | undefined {
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
    const contactAsked = own.some((text) => GIVE.test(text)) || (whose && own.some((text) => /^как(?:ой|ая|ие)$/u.test(text))) || own.some((text) => PHONE_SHORT.test(text)) || forContact;
    const bare = own.every((text) => CONTACT.test(text) || GIVE.test(text) || CONTACT_FRAME.has(text) || FILLER.has(text) || GREETING.has(text));
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
  if (/(?:^|\s)(?:с кем|кто может|с тем кто)(?:\s|$)/u.test(whole) && has((text) => (TALK.test(text) && !TALKING_NOW.test(text)) || text === 'проконсультировать' || text === 'решить')) return whole;
  // "к кому обратиться насчет гарантии?", "кому позвонить, чтобы договориться?": whom to turn to.
  if (WHOM_TO.test(whole)) return whole;
  // "кто-нибудь ответит нормально?": anyone at all, to answer.
  if (has((text) => SOMEONE.test(text)) && has((text) => ANSWER_ME.test(text)) && only((text) => SOMEONE.test(text) || ANSWER_ME.test(text) || ['нормально', 'мне', 'уже', 'вообще'].includes(text))) return whole;
  // "как вам дозвониться", "как с вами связаться?", "по какому номеру с вами можно связаться?", "куда вам позвонить"
  const reach = REACH_YOU.test(whole) || REACH_SHOP.test(whole);
  if (reach && has((text) => REACH_HOW.has(text)) && only((text) => REACH_FRAME.has(text) || REACH_HOW.has(text))) return whole;
  // "мне бы с человеком", "хочу живого"
  if (/^(?:(?:а|ну) )?(?:мне )?бы с (?:живым )?(?:человеком|продавцом|менеджером|хозяином)$/u.test(whole)) return whole;
  if (has((text) => LIVE_ONE.test(text)) && only((text) => WANT.test(text) || LIVE_ONE.test(text))) return whole;
  // "напишите мне сами", "ответьте сами": the person themselves, not the bot.
  const themselves = (text: string): boolean => THEMSELVES.has(text);
  const replying = (text: string): boolean => ANSWER_ME.test(text) || CALL.test(text) || ['напишите', 'напиши', 'отпишите'].includes(text);
  if (has(themselves) && has(replying) && only((text) => themselves(text) || replying(text) || called(text) || isPhoneOrPronoun(text) || text === 'мной')) return whole;
  // "консультацию можно?"
  if (has((text) => /^консультаци/u.test(text)) && only((text) => /^консультаци/u.test(text) || NEED.test(text) || WANT.test(text))) return whole;
  return undefined;
}

/** Whom to turn to, call or write to: "к кому обратиться", "кому лучше позвонить?". */
const WHOM_TO = /(?:^|\s)(?:к )?кому (?:(?:мне|можно|лучше|нужно|надо|здесь|тут|у|вас) )*(?:обратиться|позвонить|звонить|написать|писать|набрать|подойти)(?:\s|$)/u;
/** Verbs of reaching someone: "как вам дозвониться", "как позвонить в магазин?". */
const REACH_VERBS = ['дозвониться', 'связаться', 'позвонить', 'созвониться', 'достучаться'];
/** Whom: "с вами", "вам", "до вас"; or the shop ("в магазин", "до салона"). */
const REACH_YOU = new RegExp(`(?:^|\\s)(?:с вами|вам|до вас|с тобой|тебе|до тебя) (?:можно |лучше |удобнее )?(?:${REACH_VERBS.join('|')})(?:\\s|$)`, 'u');
const REACH_SHOP = new RegExp(`(?:^|\\s)(?:${REACH_VERBS.join('|')}) (?:в|до) (?:магазин|салон|офис|мастерскую|сервис)[а-я]*(?:\\s|$)`, 'u');
/** How a person is reached, asked: "как", "по какому номеру", "куда". */
const REACH_HOW: ReadonlySet<string> = new Set(['как', 'какому', 'каком', 'какой', 'куда', 'где']);
const REACH_FRAME: ReadonlySet<string> = new Set([
  ...REACH_VERBS, 'с', 'вами', 'вам', 'до', 'вас', 'тобой', 'тебе', 'тебя', 'можно', 'лучше', 'удобнее', 'по', 'на', 'номеру', 'телефону',
  'номер', 'мне', 'я', 'могу', 'бы', 'а', 'и', 'ну', 'вообще', 'напрямую', 'в', 'магазин', 'салон', 'офис', 'мастерскую', 'сервис',
]);

/** "админ, подключитесь к диалогу", "подключитесь к чату": joining the chat, asked of a person named or of the chat. */
function findAskedToJoin(words: readonly Word[]): string | undefined {
  const at = words.findIndex((word) => JOIN.test(word.text));
  if (at < 0 || isNegated(words, at, at)) return undefined;
  let to = at + 1;
  while (FILLER.has(words[to]?.text ?? '')) to++;
  const toChat = words[to]?.text === 'к' && CHAT.test(words[to + 1]?.text ?? '');
  const person = words.some((word) => PERSON.test(word.text) || SOMEONE.test(word.text) || isName(word.text));
  return toChat || person ? spell(words, at, toChat ? to + 1 : at) : undefined;
}

/** A complaint to be passed to a person: "хочу жалобу оставить руководству". */
const COMPLAINT = /^(?:жалоб[ауы]|пожаловаться|претензи[юя])$/u;

/** Verbs that ask for a person wherever the person stands in the sentence: "попросите, пожалуйста, хозяина мне написать". */
const ASKING = /^(?:попрос(?:и|ите|ить)|пригласи(?:те)?)$/u;

/**
 * "не могли бы вы попросить хозяина…", "передайте, пожалуйста, завтра утром менеджеру…": a fetching, asking or talking verb
 * and a person it is asked of (not named: "менеджер позвонит?") anywhere in one sentence that negates nothing.
 */
function findAskedAnywhere(words: readonly Word[]): string | undefined {
  // "не могли бы" asks politely; any other negation may refuse.
  if (words.some((word, at) => (NEGATION.has(word.text) && !POLITE.has(words[at + 1]?.text ?? '')) || REFUSING.test(word.text))) return undefined;
  const verb = words.findIndex((word) => FETCH.test(word.text) || ASKING.test(word.text) || TALK.test(word.text) || PLEA.test(word.text) || COMPLAINT.test(word.text));
  // "попросите кого-нибудь мне набрать": anyone, asked to call or answer.
  const someone = (word: Word): boolean => SOMEONE.test(word.text) && ASKING.test(words[verb]?.text ?? '') && words.some((other) => REPLY_VERB.test(other.text));
  const person = words.findIndex((word) => (PERSON.test(word.text) && !NOMINATIVE.test(word.text)) || someone(word));
  return verb >= 0 && person >= 0 ? spell(words, Math.min(verb, person), Math.max(verb, person)) : undefined;
}

/**
 * A messenger to go on in: "давайте в телеге продолжим", "кинь телегу свою", "есть вайбер?", "можно в ватсап?": the sentence
 * is the messenger and the words of such a request, nothing else ("телефон поддерживает whatsapp?" asks about the phone).
 */
function findMovedTalk(words: readonly Word[]): string | undefined {
  // The sentence, or one clause of it ("давай в телеграм, здесь сообщения не доходят").
  for (const clause of [words, ...groupClauses(words)]) {
    const texts = clause.map((word) => word.text);
    if (!texts.some((text) => MESSENGER.test(text) || PRIVATE.test(text)) || texts.some((text) => NEGATION.has(text))) continue;
    const frame = (text: string): boolean =>
      MESSENGER.test(text) || PRIVATE.test(text) || MOVE_TALK.test(text) || TALK.test(text) || GIVE.test(text) || CONTACT.test(text) || CONTACT_FRAME.has(text) ||
      isPhoneOrPronoun(text) || FILLER.has(text) || GREETING.has(text) || PREPOSITION.has(text) || NEED.test(text) || WANT.test(text) || YOUR.test(text) ||
      TALK_FRAME.has(text);
    if (texts.every(frame)) return texts.join(' ');
  }
  return undefined;
}

/**
 * "с ботом не хочу", "не хочу общаться с роботом", "бот не нужен": the buyer refuses the bot, so wants a person. So does
 * one setting the bot against a person ("ответьте сами, а не бот", "у сотрудника, а не у бота") or complaining of it
 * ("надоел бот", "отключите бота", "бот ничего не понимает"); "ты бот?" only asks.
 */
function findRefusedBot(words: readonly Word[]): string | undefined {
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

const PRONOUN = new Set(['его', 'ее', 'их', 'него', 'нее', 'них']);
const PLEA = /^(?:прошу|просим)$/u;
const MODAL = /^(?:может|можете|сможет|сможете|могут|смогут|мог|могла|могли)$/u;
/** What a person is asked to do themselves: "хозяйка может сама ответить?" (not "мастер может приехать?", a service). */
const REPLY_VERB = /^(?:ответить|написать|перезвонить|позвонить|связаться|подключиться|отписаться|набрать)$/u;

function findFetchedPronoun(words: readonly Word[], named: boolean): string | undefined {
  // "кто у вас за это отвечает? хочу с ним поговорить": a wish to talk with him or her is a person asked for.
  for (const clause of groupClauses(words)) {
    const talk = clause.findIndex((word) => TALK.test(word.text) && !TALKING_NOW.test(word.text));
    const withThem = clause.findIndex((word, at) => WITH.has(word.text) && ['ним', 'ней', 'ними'].includes(clause[at + 1]?.text ?? ''));
    const wish = clause.some((word) => WANT.test(word.text) || NEED.test(word.text));
    if (talk >= 0 && withThem >= 0 && wish && !isNegated(words, words.indexOf(clause[talk]!), words.indexOf(clause[withThem + 1]!))) return spell(clause, 0, clause.length - 1);
  }
  if (!named) return undefined;
  for (let index = 0; index < words.length; index++) {
    if (!FETCH.test(words[index]!.text)) continue;
    let next = index + 1;
    while (next < words.length && FILLER.has(words[next]!.text)) next++;
    if (PRONOUN.has(words[next]?.text ?? '') && !isNegated(words, index, next)) return spell(words, index, next);
  }
  return undefined;
}

/** A person, a modal and a verb of replying in one clause: "менеджер может мне перезвонить?"; or "прошу вас ответить лично". */
function findPersonToReply(words: readonly Word[]): string | undefined {
  for (const clause of groupClauses(words)) {
    const plea = clause.some((word) => PLEA.test(word.text)) && clause.some((word) => REPLY_VERB.test(word.text));
    if (plea && clause.every((word) => PLEA.test(word.text) || REPLY_VERB.test(word.text) || FILLER.has(word.text) || isPhoneOrPronoun(word.text) || word.text === 'вас')) return spell(clause, 0, clause.length - 1);
    // "кто-нибудь из ваших может ответить?": anyone of the shop, as well as a person named.
    const ours = (at: number): boolean => clause[at + 1]?.text !== 'из' || /^(?:ваших|вас|ваш[а-я]+)$/u.test(clause[at + 2]?.text ?? '') || PLACE_OF_PERSON.test(clause[at + 2]?.text ?? '');
    const person = clause.findIndex((word, at) => NOMINATIVE.test(word.text) || (/^кто-(?:нибудь|то|либо)$/u.test(word.text) && ours(at)));
    const modal = clause.findIndex((word) => MODAL.test(word.text));
    const reply = clause.findIndex((word) => REPLY_VERB.test(word.text));
    if (person < 0 || modal < 0 || reply < modal) continue;
    const at = words.indexOf(clause[modal]!);
    if (!isNegated(words, at, words.indexOf(clause[person]!))) return spell(clause, Math.min(person, modal), reply);
  }
  return undefined;
}

/** "Менеджер!!!", "Человека!", "ну где продавец?": the sentence is the person. */
function findPersonAlone(words: readonly Word[]): string | undefined {
  // Not "вы" ("Вы продавец?"), nor "а"/"и": "А мастер?" asks about the master's part of something.
  const allowed = (text: string): boolean =>
    PERSON.test(text) || PERSON_ADJECTIVE.test(text) || GREETING.has(text) || text === 'где' || PRESENT.has(text) || (FILLER.has(text) && !['вы', 'ты', 'ли', 'а', 'и'].includes(text));
  if (words.length === 1 && FETCHED_ADJECTIVE.test(words[0]!.text)) return words[0]!.text;
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
  // "менеджера пж, насчет счета": a clause asking for a person (not naming one: "продавец, а доставка?") before the rest.
  for (const clause of groupClauses(words)) {
    const asked = clause.some((word) => PERSON.test(word.text) && !NOMINATIVE.test(word.text));
    if (asked && clause.every((word) => allowed(word.text) && !NOMINATIVE.test(word.text))) return spell(clause, 0, clause.length - 1);
  }
  return undefined;
}

/** A fetching verb, a wish or "talk with", next to its person (either side, past fillers); "живой человек" anywhere. */
function findAskedPerson(words: readonly Word[]): string | undefined {
  for (let index = 0; index < words.length; index++) {
    const text = words[index]!.text;
    const next = words[index + 1]?.text ?? '';
    const live = (LIVE.test(text) && PERSON.test(next)) || REAL_HUMAN.test(`${text} ${next}`);
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
    const talk = TALK.test(text);
    if (!FETCH.test(text) && !WANT.test(text) && !talk && !WRITE_TO.test(text) && !(text === 'пусть' && hasLetContact(words, index))) continue;
    const person = text === 'пусть' ? findPersonInClause(words, index) ?? findMeInClause(words, index) : findPersonNear(words, index, { someone: !WANT.test(text), withPreposition: talk, named: false, somebody: talk || SUMMON.test(text) });
    if (person !== undefined && !isNegated(words, index, person)) return spell(words, index, person);
    // "хочу обсудить торг с продавцом лично": what is to be talked over stands between the talk and its person.
    const over = talk ? findTalkedWith(words, index) : undefined;
    if (over !== undefined && !isNegated(words, index, over)) return spell(words, index, over);
  }
  return undefined;
}

/** "с <person>" later in the talk's clause, within NEAR words. */
function findTalkedWith(words: readonly Word[], at: number): number | undefined {
  for (let index = at + 2; index < words.length && index - at <= NEAR && words[index]!.clause === words[at]!.clause; index++) {
    if (PERSON.test(words[index]!.text) && !NOMINATIVE.test(words[index]!.text) && WITH.has(wordBefore(words, index) ?? '')) return index;
  }
  return undefined;
}

/** What a person is wanted about: "насчет счета", "по поводу опта", "по вопросу доставки". */
const TOPIC = /^(?:насчет|касательно|относительно)$/u;

/** "нужен менеджер", "можно живого человека?", "есть продавец?": need and person, nothing else in the clause. */
function findNeededPerson(words: readonly Word[]): string | undefined {
  for (const whole of groupClauses(words)) {
    // "нужен менеджер по поводу опта": what the person is needed for follows, and is the person's to answer.
    const topic = whole.findIndex((word, at) => TOPIC.test(word.text) || (word.text === 'по' && ['поводу', 'вопросу'].includes(whole[at + 1]?.text ?? '')));
    const clause = topic > 0 ? whole.slice(0, topic) : whole;
    const need = clause.some((word) => NEED.test(word.text));
    // Someone counts where they are of the shop ("нужен кто-то из магазина"); "кто-нибудь есть?" only pings.
    const ofShop = (at: number): boolean => clause[at + 1]?.text === 'из' && PLACE_OF_PERSON.test(clause[at + 2]?.text ?? '');
    const person = clause.some(
      (word, at) => PERSON.test(word.text) || isNameAsked(word.text) || (SOMEONE.test(word.text) && ofShop(at)) || (SOMEBODY.test(word.text) && THAT_ONE.has(clause[at - 1]?.text ?? '')),
    );
    const bare = clause.every(
      ({ text }, at) =>
        NEED.test(text) ||
        WANT.test(text) ||
        FETCH.test(text) ||
        TALK.test(text) ||
        NEEDED_FOR.has(text) ||
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
        (text === 'из' && PLACE_OF_PERSON.test(clause[at + 1]?.text ?? '')) ||
        (PLACE_OF_PERSON.test(text) && (PERSON.test(clause[at - 1]?.text ?? '') || clause[at - 1]?.text === 'из')),
    );
    if (need && person && bare) return clause.map((word) => word.text).join(' ');
  }
  return undefined;
}

function findCall(words: readonly Word[]): string | undefined {
  for (let index = 0; index < words.length; index++) {
    const text = words[index]!.text;
    // "свяжитесь со мной", "можете со мной связаться?"
    const me =
      CONTACT_ME.test(text) &&
      ((['со', 'с'].includes(words[index + 1]?.text ?? '') && words[index + 2]?.text === 'мной') || (['со', 'с'].includes(words[index - 2]?.text ?? '') && words[index - 1]?.text === 'мной'));
    // "вы звоните перед доставкой?", "во сколько обычно звоните?": what the shop does, not a call asked.
    const told = text === 'звоните' && (words[index - 1]?.text === 'вы' || words.some((word) => HABIT.has(word.text)));
    if ((CALL.test(text) || me) && !told && !isNegated(words, index, index)) return text;
    // "можно голосом обсудить?"; "хочу пообщаться с вами голосом": a wish or "с вами" in the clause of the talk.
    const next = [words[index - 1], words[index + 1]].some((word) => word !== undefined && TALK.test(word.text));
    const own = words.filter((word) => word.clause === words[index]!.clause);
    const withYou = own.some((word, at) => WITH.has(word.text) && ['вами', 'тобой'].includes(own[at + 1]?.text ?? ''));
    const asked = own.some((word) => TALK.test(word.text)) && (withYou || own.some((word) => WANT.test(word.text) || NEED.test(word.text)));
    if (BY_VOICE.test(text) && (next || asked) && !isNegated(words, index, index)) return next ? spell(words, index, index + 1) : text;
  }
  // "связаться с вами по телефону", "поговорить бы по телефону": a talk by phone is a call.
  const byPhone = words.findIndex((word, at) => word.text === 'по' && words[at + 1]?.text === 'телефону');
  const talk = words.findIndex((word) => TALK.test(word.text));
  if (byPhone >= 0 && talk >= 0 && !isNegated(words, talk, talk) && !words.some((word) => NEGATION.has(word.text))) return spell(words, Math.min(talk, byPhone), Math.max(talk, byPhone + 1));
  // A clause ("Добрый день, можно звонок?") or the whole sentence ("Я хочу, чтобы мне позвонили").
  for (const clause of [...groupClauses(words), words]) {
    const call = clause.find((word) => CALL_NOUN.test(word.text));
    const wish = clause.some((word) => CALL_WISH.has(word.text));
    const bare = clause.every(({ text }) => CALL_NOUN.test(text) || CALL_WISH.has(text) || CALL_ORDER.has(text) || isPhoneOrPronoun(text) || isPersonWord(text) || FILLER.has(text) || GREETING.has(text));
    if (call && wish && bare) return clause.map((word) => word.text).join(' ');
  }
  return undefined;
}

function isPhoneOrPronoun(text: string): boolean {
  return /^\+?\d[\d-]*$/u.test(text) || ['вам', 'вас', 'тебе', 'я', 'мы', 'чтобы', 'мой', 'мне', 'меня'].includes(text);
}

function hasLetContact(words: readonly Word[], from: number): boolean {
  return words.slice(from + 1).some((word) => word.clause === words[from]!.clause && LET_CONTACT.test(word.text));
}

/** "пусть ответит человек", "пусть менеджер перезвонит": the person anywhere in the clause of "пусть". */
function findPersonInClause(words: readonly Word[], at: number): number | undefined {
  const clause = words[at]!.clause;
  const index = words.findIndex((word, position) => position !== at && word.clause === clause && (PERSON.test(word.text) || SOMEONE.test(word.text)));
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

/** How far a person may stand from its verb, and (twice that) a negation before the verb: words, fillers included. */
const NEAR = 6;

/** The index of the person the word at `at` is about: next to it, past fillers, adjectives and prepositions. */
function findPersonNear(words: readonly Word[], at: number, options: { someone: boolean; withPreposition: boolean; named: boolean; somebody?: boolean }): number | undefined {
  const isPerson = (index: number): boolean => {
    const text = words[index]!.text;
    // "позовите девушку", "позовите Андрея", "позовите того, кто выкладывал": a person by who they are.
    const whoIs = THAT_ONE.has(text) && /^(?:кто|котор(?:ый|ая|ые|ого|ой))$/u.test(words[index + 1]?.text ?? '');
    const somebody = options.somebody === true && (SOMEBODY.test(text) || PLACE_OF_PERSON.test(text) || NAME_CASES.has(text) || TRADE.test(text) || whoIs);
    if (!PERSON.test(text) && !(options.someone && SOMEONE.test(text)) && !somebody) return false;
    if (NOMINATIVE.test(text) && !options.named) return false;
    return !options.withPreposition || ['с', 'со', 'до'].includes(wordBefore(words, index) ?? '');
  };
  for (const step of [1, -1]) {
    for (let index = at + step; index >= 0 && index < words.length && Math.abs(index - at) <= NEAR; index += step) {
      if (isPerson(index)) return index;
      const text = words[index]!.text;
      if (!FILLER.has(text) && !PREPOSITION.has(text) && !PERSON_ADJECTIVE.test(text) && !THAT_ONE.has(text) && text !== 'можно') break;
    }
  }
  return undefined;
}

/** The word before `index`, past the person's adjectives ("с живым человеком" → "с"). */
function wordBefore(words: readonly Word[], index: number): string | undefined {
  let before = index - 1;
  while (before >= 0 && (PERSON_ADJECTIVE.test(words[before]!.text) || THAT_ONE.has(words[before]!.text))) before--;
  return words[before]?.text;
}

/**
 * A negation earlier in the verb's clause ("не надо звать", "менеджера не зовите"), a negated wish after it ("с продавцом
 * говорить не хочу"), or "без"/"не" right before the person.
 */
function isNegated(words: readonly Word[], verb: number, person: number): boolean {
  const clause = words[verb]!.clause;
  for (let index = verb - 1; index >= Math.max(0, verb - NEAR * 2) && words[index]!.clause === clause; index--) {
    if (NEGATION.has(words[index]!.text) && !POLITE.has(words[index + 1]?.text ?? '')) return true;
  }
  for (let index = verb + 1; index < Math.min(words.length, verb + NEAR) && words[index]!.clause === clause; index++) {
    const next = words[index + 1]?.text ?? '';
    if (NEGATION.has(words[index]!.text) && (WANT.test(next) || NEED.test(next) || next === 'стоит')) return true;
  }
  return ['без', 'не', 'ни'].includes(wordBefore(words, person) ?? '');
}

function groupClauses(words: readonly Word[]): Word[][] {
  const clauses = new Map<number, Word[]>();
  for (const word of words) {
    const clause = clauses.get(word.clause);
    if (clause) clause.push(word);
    else clauses.set(word.clause, [word]);
  }
  return [...clauses.values()];
}

function spell(words: readonly Word[], from: number, to: number): string {
  return words
    .slice(Math.min(from, to), Math.max(from, to) + 1)
    .map((word) => word.text)
    .join(' ');
}

/** Irregular verbs change their stem ("позвать" → "позва", "позовите" → "позов"): sellers list both forms. */
function stemWords(text: string): string[] {
  return [...normalizeText(text).matchAll(WORD)].map(([word]) => word).filter((word) => !FILLER.has(word) && !PREPOSITION.has(word)).map((word) => stemmer(word));
}

const MAX_GAP = 2;

/** The phrase's stems in order, at most MAX_GAP other words apart, and not negated where it starts. */
function containsPhrase(sentence: readonly Word[], stems: readonly string[]): boolean {
  const kept = sentence.map((word, index) => ({ index, stem: stemmer(word.text), skip: FILLER.has(word.text) || PREPOSITION.has(word.text) })).filter((word) => !word.skip);
  for (let start = 0; start < kept.length; start++) {
    if (kept[start]!.stem !== stems[0]) continue;
    let position = start;
    let matched = 1;
    while (matched < stems.length) {
      const limit = Math.min(kept.length, position + 2 + MAX_GAP);
      let found = -1;
      for (let i = position + 1; i < limit && found < 0; i++) if (kept[i]!.stem === stems[matched]) found = i;
      if (found < 0) break;
      position = found;
      matched++;
    }
    const first = kept[start]!.index;
    if (matched === stems.length && !isNegated(sentence, first, kept[position]!.index)) return true;
  }
  return false;
}
