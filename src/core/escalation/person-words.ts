/**
 * Who may be asked for: person words, their adjectives, first names in their cases, the trades that make the goods,
 * people by who they are, and the bot set against them.
 */
/**
 * Besides the full words, a fond diminutive ("хозяюшка, ответьте"; "человечка" is among SOMEBODY), those typed in a hurry
 * ("опер ответьте", "менедж подключите", "ваш спец" but not "спецом", on purpose), the one in charge ("шеф", "босс",
 * "управляющий", "заведующая", "владелица") and the staff as such ("позовите коллегу", "кого-то из персонала").
 */
export const PERSON =
  /^(?:(?:менеджер|манагер|собеседник|оператор|администратор|администраци|сотрудник|консультант|руководител|руководств|директор|специалист|начальник|начальств|продавщиц|собственник|представител)[а-яa-z]*|автор(?:а|у|ом)?|продав(?:ец|ц[аеуы]|цом|цов|цам|цами|цах)|продаван[аеуы]?|продаваном|человека?|хозяюшк(?:а|и|е|у|ой)|чел|чела|челу|челом|челик[аеу]?|челиком|человеку|человеком|человеке|люди|людей|людям|людьми|админ[аеуы]?|админом|хозя(?:ин|ина|ину|ином|ине|йка|йки|йке|йку|йкой|ева|ев|евам)|мастер[аеуы]?|мастером|мастеров|владел(?:ец|ьца|ьцу|ьцем|ьце|ьцы|ьцев)|лпр|(?:опер|менедж|шеф|босс)(?:а|у|ом|ем|ы|ов)?|спец(?:а|у|ы|ов)?|владелиц(?:а|у|ы|е|ей)|коллег(?:а|у|и|е|ой|ам|ами)|персонал(?:а|у|ом)?|(?:управляющ|заведующ)(?:ий|ая|его|ую|ей|ему|им|ей))$/u;

/** A person named, not asked for: "Продавец, дайте скидку" speaks to them ("позовите продавца" asks for them). */
export const NOMINATIVE = /^(?:хозяюшка|чел|челик|продаван|менеджер|собеседник|манагер|оператор|администратор|сотрудник|консультант|руководитель|директор|специалист|начальник|продавщица|продавец|человек|люди|админ|хозяин|хозяйка|мастер|владелец|собственник|представитель|автор|опер|менедж|спец|шеф|босс|владелица|коллега|коллеги|персонал|управляющий|управляющая|заведующий|заведующая)$/u;

/** The shop's people greeted together: "здорово, хозяева", "привет, продавцы". */
export const GREETED_PEOPLE = /^(?:хозяева|менеджеры|продавцы|операторы|админы|консультанты|сотрудники|администраторы)$/u;

/** Somebody, support: a person only when fetched or talked with ("свяжите с кем-нибудь"), not in "есть кто-нибудь?". */
/** Anyone at all: "кто-нибудь", "кто-то", "кто-либо". */
export const ANYONE = /^кто-(?:нибудь|то|либо)$/u;

export const SOMEONE = /^(?:(?:кто|кого|кому|кем)-(?:нибудь|то|либо)|поддержк[аиуе]|поддержкой)$/u;

export const PERSON_ADJECTIVE = /^(?:жив(?:ой|ого|ому|ым|ая|ую|ые|ых)|настоящ[а-яa-z]+|реальн[а-яa-z]+|ваш[а-яa-z]*|старш[а-яa-z]+|главн[а-яa-z]+|ответственн[а-яa-z]+|компетентн[а-яa-z]+|нормальн[а-яa-z]+|адекватн[а-яa-z]+|сам(?:ого|ому|им|ой|у)|друг(?:ого|ой|им|ому)|люб(?:ого|ой|ым)|свободн[а-яa-z]+|какого-нибудь|какой-нибудь)$/u;

export const LIVE = /^жив(?:ой|ого|ому|ым|ом|ая|ую|ые|ых|ыми)$/u;

/**
 * Someone real, not the bot: "кто-то настоящий", "кто-нибудь адекватный"; or in charge: "отзовитесь кто-нибудь
 * ответственный" (not "старший", which may ask of a pup).
 */
export const REAL_ONE = /^(?:настоящ|реальн|нормальн|адекватн|компетентн|ответственн)(?:ий|ый|ая|ой|его|ого|ую)$/u;

/** "реальный человек" asks for one; "настоящий мастер своего дела?" asks about one. */
export const REAL_HUMAN = /^(?:настоящ|реальн)[а-яa-z]+ (?:человек[а-яa-z]*|люд[а-яa-z]*)$/u;

/** A person called by name ("Анна, ответьте", "Ольга Николаевна, можно вас?"): the commonest first names, and patronymics. */
const FIRST_NAMES: ReadonlySet<string> = new Set(
  ('анна аня ольга оля елена лена татьяна таня наталья наталия наташа ирина ира светлана света мария маша екатерина катя юлия юля ' +
    'марина галина людмила надежда вера любовь оксана алена алина ксения дарья евгения валентина нина лариса виктория ' +
    'александр саша сергей андрей дмитрий алексей михаил иван николай владимир евгений павел артем роман денис игорь олег ' +
    'максим виктор юрий антон илья константин вадим руслан григорий василий петр станислав ' +
    'егор артур кирилл никита тимур эдуард ярослав глеб федор степан тимофей богдан валерий геннадий леонид анатолий борис ' +
    'полина софья вероника яна анастасия настя кристина карина олеся инна алла жанна тамара лидия раиса зоя ульяна милана').split(' '),
);

const PATRONYMIC = /^[а-я]{3,}(?:овна|евна|ична|ович|евич)$/u;

export function isName(text: string): boolean {
  return FIRST_NAMES.has(text) || PATRONYMIC.test(text);
}

/** Names and their cases that are words besides ("вера", "роман", "света", "саше", a "виктория" strawberry): never asked for alone. */
const NAMES_AS_WORDS: ReadonlySet<string> = new Set(['вера', 'любовь', 'надежда', 'роман', 'света', 'марина', 'виктория', 'саше', 'глеба', 'яна', 'зоя', 'инна', 'алла']);

/** A first name fetched or needed in another case ("позовите Андрея", "можно Анну?"), made from the names above. */
export const NAME_CASES: ReadonlySet<string> = new Set(
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
export function isNameAsked(text: string): boolean {
  return (FIRST_NAMES.has(text) && !NAMES_AS_WORDS.has(text)) || NAME_CASES.has(text);
}

/**
 * Those who make or do what is sold, talked with, fetched or whose number is asked: "переговорить с кондитером",
 * "позовите флориста", "скиньте номер бригадира"; and those who judge it at the shop: "пусть ваш технолог сам скажет".
 * Those who let, sell or bring it for the seller too: "мне бы с агентом поговорить по квартире", "можно с водителем
 * связаться?" (only talked with or fetched: "водитель поможет занести?" asks of a service). Not the courier: a delivery
 * service's, whose number the tracking gives ("дайте номер курьера" asks of the delivery). And those who do the service sold
 * (a groomer, a coach, a tutor, a plumber, a stylist): "дайте поговорить с грумером до записи", "свяжите с сантехником".
 */
export const TRADE =
  /^(?:кондитер|флорист|сборщик|технолог|инженер|механик|оценщик|эксперт|заводчик|заводчиц|закройщик|замерщик|дизайнер|настройщик|ветеринар|ювелир|мастериц|портн|шве|бригадир|прораб|агент|риелтор|риэлтор|маклер|брокер|юрист|логист|диспетчер|кладовщик|водител|(?:грумер|тренер|репетитор|преподавател|учител|стилист|парикмахер|косметолог|визажист|массажист|бровист|сантехник|электрик|плиточник|отделочник|столяр|плотник|сварщик|кровельщик|фотограф|повар|кинолог|дрессировщик|садовник|фелинолог|автоэлектрик|кузовщик|маляр|штукатур))(?:а|у|ом|ем|ой|ей|ым|ого|ы|е|и|ю|я|ь)?$/u;

/** One live person, wanted: "хочу живого". */
export const LIVE_ONE = /^жив(?:ого|ую)$/u;

/** Whose person: "хозяин магазина", "менеджер салона" name the person, nothing else. */
export const PLACE_OF_PERSON = /^(?:магазин|салон|фирм|компани|склад|сервис|мастерск|организаци|отдел|объявлени|бухгалтери)[а-я]*$/u;

/** Live people as a noun: "есть живые?", "живых нет?". */
export const LIVE_PEOPLE = /^жив(?:ые|ых)$/u;

/** "кто у вас главный? позовите его": the one in charge, named. */
export const SENIOR = /^(?:главный|главная|старший|старшая)$/u;

/** An adjective that stands for a person where it is fetched: "старшего позовите", "позови главного". */
export const FETCHED_ADJECTIVE = /^(?:старш|главн|жив|ответственн)(?:его|ого)$/u;
/** The same adjective after "с", talked with or connected to: "поговорить с ответственным", "соедините со старшим". */
export const WITH_ADJECTIVE = /^(?:старш|главн|жив|ответственн)(?:им|ым)$/u;

/** The bot, refused: "с ботом не хочу", "робот не нужен"; a chat-bot, and the AI ("ии ваш тупит"). */
export const BOT = /^(?:(?:чат-?)?(?:бот|бота|боту|ботом)|робот|робота|роботу|роботом|автоответчик|автоответчиком|автоответ(?:ы|ов|ами)?|нейросет[ьи]|нейросетью|нейронк[аиуе]|нейронкой|ии)$/u;

/**
 * People by who they are, fetched or talked with ("позовите девушку, которая отвечала", "позови человечка"): never asked of by
 * a wish alone ("хочу человечка из лего" is a toy).
 */
export const SOMEBODY = /^(?:человечк(?:а|у|ом)|девушк[аеиуо][й]?|девушкой|мужчин[аеуы]|мужчиной|женщин[аеуы]|женщиной|парн[яюе]|парнем)$/u;

/** The person themselves, not the bot: "напишите мне сами", "пусть сам перезвонит". */
export const THEMSELVES = new Set(['сам', 'сами', 'сама']);

/** What the one meant does at the shop: "тот, кто отвечает за опт", "того, кто выкладывал" (not "того, кто поменьше", a pup). */
export const STAFF_DOING =
  /^(?:отвеча|занима|разбира|выклады|выставля|писал|принима|прода|звонил|вед|консультир|мож|зна|понима|реша|обслужива|оформля|работа|фотк|фотографир|снима|снял|размест|размеща|выложи|публик|подава|подал)[а-я]*$/u;
/**
 * "тот, кто отвечает за опт", "кто-нибудь, кто в теме по запчастям": the one meant, or anyone, a person by what they do or
 * know at the shop (not "кто-нибудь, кто поможет занести", a hand wanted).
 */
export function isTheOneWho(words: readonly { text: string }[], at: number): boolean {
  const meant = THAT_ONE.has(words[at]?.text ?? '') || /^(?:кто|кого|кому|кем)-(?:нибудь|то|либо)$/u.test(words[at]?.text ?? '');
  return meant && words[at + 1]?.text === 'кто' && (STAFF_DOING.test(words[at + 2]?.text ?? '') || isInTheKnow(words, at + 2));
}

/** "кто в теме", "кто в курсе", "кто шарит": knowing the trade. */
function isInTheKnow(words: readonly { text: string }[], at: number): boolean {
  const text = words[at]?.text ?? '';
  return /^шар(?:ит|ят)$/u.test(text) || (text === 'в' && ['теме', 'курсе'].includes(words[at + 1]?.text ?? ''));
}
/** "с тем, чье это объявление": the one whose listing or goods it is. */
export const WHOSE = /^(?:чей|чье|чья|чьи|чьего|чьей)$/u;

/**
 * "кто-то из продавцов", "кто-нибудь из ваших", "кто-то из магазина": someone of the shop's people, who may be asked to
 * call or answer ("кто-нибудь есть?" only pings).
 */
export function isOneOfShop(words: readonly { text: string }[], at: number): boolean {
  // In any case: "с кем-то из магазина переговорить", "кого-нибудь из менеджеров".
  if (!/^(?:кто|кого|кому|кем)-(?:нибудь|то|либо)$/u.test(words[at]?.text ?? '') || words[at + 1]?.text !== 'из') return false;
  const whose = words[at + 2]?.text ?? '';
  return /^(?:ваших|вас|ваш[а-я]+)$/u.test(whose) || PLACE_OF_PERSON.test(whose) || (PERSON.test(whose) && !NOMINATIVE.test(whose));
}

/** "можно ту девушку": the one meant. */
export const THAT_ONE = new Set(['ту', 'того', 'тот', 'та', 'той', 'тем', 'эту', 'этого']);

export function isPersonWord(word: string): boolean {
  return PERSON.test(word) || PERSON_ADJECTIVE.test(word);
}

/**
 * Who a pronoun in the message ("соедините с ним", "дайте его контакты", "можно его сюда") may stand for. A person word
 * anywhere names someone, but a pronoun is a person only where the person is the topic: asked about as present ("менеджер
 * у вас есть?") or asked who they are at the shop ("кто у вас по опту?"). Not where the person only told of a thing
 * ("продавец говорил, есть вторая сумка, можно и её?") or the one asked about works outside the shop ("кто у вас курьер?
 * дайте его номер": a courier, a pickup point, a repairer).
 */
export interface Referent {
  /** A person word or "главный" anywhere in the message. */
  named: boolean;
  /** A person of the shop asked about: present ("менеджер есть?") or who they are ("кто у вас по опту?"). */
  asked: boolean;
  /** The message is one sentence: "вы человек?" alone asks for a person, "вы человек? ладно, размер какой?" asks on. */
  alone: boolean;
}

/** The people who deliver, hand over or repair: asked about, they are no person of the shop to be fetched. */
const OUTSIDE_WORK = /^(?:курьер|доставк|достав|пвз|пункт|ремонт|почт|сдэк|водител|такси|грузчик)[а-я]*$/u;
export function isOutsideWork(text: string): boolean {
  return OUTSIDE_WORK.test(text);
}
/** The words of a presence asked: "менеджер у вас есть?", "хозяйка тут?", "администратор сегодня на месте?". */
const PRESENCE: ReadonlySet<string> = new Set(['есть', 'тут', 'здесь', 'месте', 'работает', 'сегодня', 'сейчас', 'у', 'вас', 'на', 'а', 'ли']);

export function readReferent(sentences: readonly (readonly { text: string; clause: number }[])[], named: boolean): Referent {
  const asked = sentences.some((sentence) => {
    if (sentence.some((word) => isOutsideWork(word.text))) return false;
    // "кто у вас по опту?", "кто может принять решение по цене?": who the shop's person is, by what they do at the shop or
    // where they are (not "кто шил? дайте его инстаграм", a maker).
    const who = sentence[0]?.text === 'кто' ? 0 : sentence[0]?.text === 'а' && sentence[1]?.text === 'кто' ? 1 : -1;
    const next = sentence[who + 1]?.text ?? '';
    if (who >= 0 && (STAFF_DOING.test(next) || ['у', 'по', 'из', 'тут', 'здесь', 'за'].includes(next))) return true;
    // "а менеджер у вас есть?": a clause of a person and their presence only.
    const clauses = new Map<number, string[]>();
    for (const word of sentence) clauses.set(word.clause, [...(clauses.get(word.clause) ?? []), word.text]);
    return [...clauses.values()].some(
      (clause) =>
        clause.some((text) => NOMINATIVE.test(text) || isName(text)) &&
        clause.some((text) => ['есть', 'месте', 'тут', 'здесь', 'работает'].includes(text)) &&
        clause.every((text) => NOMINATIVE.test(text) || PRESENCE.has(text) || isName(text)),
    );
  });
  return { named, asked, alone: sentences.length === 1 };
}
