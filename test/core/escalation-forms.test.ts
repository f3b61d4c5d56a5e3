// Requests for a person as buyers also type them: by ear, in Latin letters or on the wrong keyboard layout, setting the bot
// against a person, moving to a messenger, with what the person is wanted for. Each form is written apart from the
// evaluation set (eval/escalation) it was tuned on, with the near misses that must stay questions.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FALLBACK_TEXT } from '../../src/config/config.js';
import { createEscalationMatcher } from '../../src/core/escalation.js';
import { readsAsYes } from '../../src/core/small-talk.js';

const matcher = createEscalationMatcher([]);

describe('requests for a person, as typed', () => {
  it.each([
    // by ear: unstressed о/а and е/и either way
    'менеджира позавите',
    'нужин прадавец',
    'хачу пагаварить с чилавеком',
    // Latin letters, English words, the Latin layout
    'pozovite cheloveka',
    'svyazhites so mnoy',
    'need manager',
    'call me pls',
    'gjpjdbnt xtkjdtrf',
    // the bot set against a person, or complained of
    'ответьте сами, а не робот',
    'хочу консультацию специалиста, а не бота',
    'выключите бота',
    'надоел этот робот',
    'бот тупит',
    // a messenger to go on in
    'давайте в вотсапе',
    'можно в телеграм?',
    'у вас вайбер есть?',
    'скиньте ник в телеге',
    'пишите в тг',
    'есть whatsapp для связи?',
    'напишу вам в телегу, ок?',
    'дайте контакт в телеграме',
    'в вотсапе удобнее, напишите туда',
    'пишите на вотсап 89161234567',
    'давайте лучше в ватсапе пообщаемся',
    // what the person is wanted for, after the person
    'нужен продавец насчет доставки в другой город',
    'позовите менеджера по вопросу рассрочки',
    'продавца пожалуйста, по поводу опта',
    // talked over with a person named further on, or in charge
    'хочу обсудить скидку с хозяином',
    'можно обговорить детали с менеджером?',
    'кто тут старший? позовите его',
    'главного!',
    'пусть перезвонит кто-нибудь',
    'пусть напишет продавец',
    // formal, by phone, how to reach
    'Прошу Вас перезвонить.',
    'Прошу связать меня с компетентным сотрудником.',
    'Хотелось бы переговорить с представителем магазина.',
    'переведите на оператора',
    'хочу всё обсудить по телефону',
    'как с вами связаться?',
    'Добрый день. Желаю связаться непосредственно с владельцем.',
    // a fetching, asking or talking verb and the person asked of, anywhere in one sentence
    'не могли бы вы попросить хозяина связаться со мной',
    'передайте, пожалуйста, завтра утром менеджеру, что я согласен',
    'попросите продавца мне написать',
    // keys of Russian letters on the Latin layout, words typed together, "c" for "ц"
    'gjpjdbnt dkfltkmwf',
    'cdz;bntcm cj vyjq',
    'позовитепродавца',
    'соединитесменеджером',
    'hochu s vladelcem pogovorit',
    // fetched with nothing else, whose person, called by name
    'соедините!',
    'владелец магазина тут?',
    'Светлана, ответьте',
    'Игорь Петрович, можно вас на минутку?',
    // the buyer's own call, a call by phone, how to reach
    'пусть со мной свяжутся вечером',
    'пусть мне перезвонят',
    'можете со мной связаться в обед?',
    'хотелось бы поговорить по телефону',
    'на какой номер вам можно позвонить?',
    // a messenger or private messages in a clause of its own, writing to a person
    'пишите в макс, тут не удобно',
    'давайте в личке, тут неудобно',
    'кинь номерок, созвонимся',
    'куда написать администратору?',
    // a person by who they are, themselves, slang
    'позовите мужчину, который вчера приезжал',
    'напишите мне лично сами',
    'чел, позови хозяина',
    'я с живым человеком общаюсь?',
    // a call ordered, the shop reached, someone of the shop, a complaint to management
    'хочу оставить заявку на звонок',
    'как дозвониться в магазин?',
    'с кем решить вопрос по возврату?',
    'соедините с отделом продаж',
    'мне нужен кто-то из магазина',
    'позвать можно кого-то?',
    'кто нибудь ответит нормально?',
    'переключите на живого',
    'хочу жалобу оставить руководству',
    'мне нужен ваш телефон',
    'а телефон для связи есть?',
    // в heard as ф, "y" after a vowel as "й", Ukrainian words of a request
    'позовите прадафца',
    'dayte operatora pozhaluysta',
    'Поклич менеджера, будь ласка',
    'Зателефонуйте мені завтра',
    'Хочу поговорити з власником',
    // joining the chat asked of a person or of the chat, "пускай", a bare "пусть…" whose person is named before
    'оператор, присоединитесь, пожалуйста',
    'подключитесь к переписке кто-нибудь',
    'пускай владелец наберет',
    'если менеджер на месте, пусть перезвонит',
    'пусть потом подключится',
    // someone, but a real one, or of the shop, asked to answer or call
    'есть тут кто-нибудь адекватный?',
    'нужен кто-то реальный, а не программа',
    'кто-то из ваших может ответить по делу?',
    'попросите кого-то мне ответить',
    // a first name in any case, needed or fetched; the one who did something, fetched
    'нужна Ольга, она мне писала утром',
    'можно Ивана к телефону?',
    'соедините с Дмитрием, пожалуйста',
    'позовите ту, которая принимала заказ',
    // talk by voice, wished or with "с вами", anywhere in its clause
    'хотелось бы обсудить с вами всё голосом',
    'хочу всё обговорить сегодня голосом',
  ])('%s', (text) => {
    expect(matcher.match(text)).toBeDefined();
  });
});

describe('not requests for a person', () => {
  it.each([
    'вы звоните перед доставкой?',
    'телефон поддерживает whatsapp?',
    'ватсап на нём работает?',
    'можно заказать через телеграм?',
    'можно оплатить через телеграм?',
    'вотсап установлен?',
    'есть ли у телефона nfc и ватсап работает?',
    'в тг канале те же цены?',
    'ты бот?',
    'вы не бот?',
    'робот-пылесос моет ковры?',
    'продавец, а доставка есть?',
    'ты продавец?',
    'менеджер вчера сказал про скидку, она в силе?',
    'собственник один по птс?',
    'manual есть?',
    'хочу купить у продавца две штуки',
    'можно оплатить менеджеру наличными?',
    'у мастера какой опыт?',
    'менеджера не зовите, а передайте цену',
    'размер xl есть?',
    'с кем я общаюсь?',
    'когда обычно звоните перед доставкой?',
    'дайте девушке примерить',
    'для мужчины размер подойдет?',
    'пусть курьер позвонит мне за час',
    'стол на 6 чел?',
    'макс скорость какая?',
    'в ватсап не пишите, только тут',
    'с животными хозяин пустит?',
    'номер заказа дайте',
    'Директор магазина уже приехал?',
    'магазин открыт? кто-нибудь есть?',
    'при доставке нужно указывать телефон получателя?',
    'телефон есть в наличии?',
    'dayte skidku',
    'Скільки коштує доставка до Львова, будь ласка?',
    'фото зі спини є?',
    'как подключить колонку к телефону?',
    'пускай курьер перезвонит за час',
    'если мастер приедет, пусть позвонит за час',
    'продавец пусть сам решит',
    'кто-то настоящий мех от искусственного отличит?',
    'кто-то из покупателей может написать отзыв?',
    'попросите кого-нибудь помочь с погрузкой',
    'нужен роман Толстого',
    'Ольга сказала, что можно забрать завтра',
    'дайте ту, которая синяя',
    'можно управлять голосом?',
    'не хочу обсуждать это голосом',
  ])('%s', (text) => {
    expect(matcher.match(text)).toBeUndefined();
  });
});

describe('a yes to the offer of a manager', () => {
  it.each([
    '+', 'да плиз', 'да, соедините', 'lf', 'ага, зовите', 'да, только побыстрее', 'угуу', 'разумеется', 'валяйте', 'да зовите уже, сколько можно',
    // words on the Latin layout or in Latin letters, "будьте добры", Ukrainian "так"
    'lf, cjtlbybnt', 'da pozovite', 'да, будьте любезны', 'так, поклич продавця',
  ])('%s', (text) => {
    expect(readsAsYes(text)).toBe(true);
  });

  it.each(['нет', 'не надо', 'ок', 'ок, понял, а размер м есть?', 'да нет', '++ а цена?', 'ytn', 'только не звоните', 'lf ytn', 'будьте добры', 'так, а доставка?'])('not "%s"', (text) => {
    expect(readsAsYes(text)).toBe(false);
  });

  it('is offered by the default fallback', () => {
    expect(DEFAULT_FALLBACK_TEXT).toContain('«да»');
  });
});
