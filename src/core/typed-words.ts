/**
 * How buyers type the words a request for a person is made of: by ear ("менеджир", "прадавец", "позавите", "чилавеком":
 * unstressed о/а and е/и written either way), in Latin letters ("pozovite menedzhera"), in English ("manager pls", "talk to the seller") or with
 * the keyboard left on the Latin layout ("gjpjdbnt", "lf"), or in Ukrainian ("покличте продавця"), Kazakh ("сатушымен
 * сөйлесуге бола ма?") or Belarusian ("паклічце прадаўца"). The escalation matcher and
 * the reading of a yes read words through it.
 */

/** The words requests are made of; a typed word is read as the one of these it spells, where it is not a word of its own. */
const KEY_WORDS = [
  'менеджер', 'менеджера', 'менеджеру', 'менеджером', 'продавец', 'продавца', 'продавцу', 'продавцом', 'продавцы',
  'человек', 'человека', 'человеку', 'человеком', 'оператор', 'оператора', 'оператору', 'оператором', 'администратор',
  'администратора', 'админа', 'админу', 'хозяин', 'хозяина', 'хозяйка', 'хозяйку', 'хозяйки', 'владелец', 'владельца',
  'сотрудник', 'сотрудника', 'сотрудником', 'консультант', 'консультанта', 'консультантом', 'живой', 'живого', 'живым',
  'позовите', 'позови', 'позвать', 'зовите', 'вызовите', 'соедините', 'свяжите', 'передайте', 'позвоните', 'перезвоните',
  'поговорить', 'пообщаться', 'связаться', 'ответьте', 'ответь', 'ответить', 'нужен', 'можно', 'хочу', 'пожалуйста',
  'телефон', 'номер', 'робот', 'бота', 'ботом', 'свяжитесь', 'наберите', 'напишите', 'позвонить', 'поддержка', 'поддержку',
  'мне', 'меня', 'мной', 'дайте', 'дай', 'скиньте', 'телефона', 'номера', 'переведите', 'переключите', 'владельцем', 'владельцу', 'хозяином', 'хозяину', 'администратором', 'администратору', 'со', 'с',
  // the master of a trade, and the specialist: "s masterom", "specialista"
  'мастер', 'мастера', 'мастеру', 'мастером', 'специалист', 'специалиста', 'специалистом',
];
/** Unstressed vowels as heard: о as а, е/э/ы as и; в devoiced as ф before a voiceless consonant ("продафца"). */
function byEar(word: string): string {
  return word.replace(/о/gu, 'а').replace(/[еэы]/gu, 'и').replace(/ф/gu, 'в');
}
const KEY_BY_EAR = new Map(KEY_WORDS.map((word) => [byEar(word), word]));
/** Latin letters have no soft or hard sign: "svyazhites" is "свяжитесь". */
function withoutSigns(word: string): string {
  return byEar(word).replace(/[ьъ]/gu, '');
}
const KEY_IN_LATIN = new Map(KEY_WORDS.map((word) => [withoutSigns(word), word]));
/** Latin words buyers type for these in English. */
const ENGLISH: ReadonlyMap<string, string> = new Map([
  ['manager', 'менеджер'], ['human', 'человек'], ['person', 'человек'], ['operator', 'оператор'], ['admin', 'админ'],
  ['seller', 'продавец'], ['owner', 'владелец'], ['pls', 'плз'], ['plz', 'плз'], ['please', 'пожалуйста'], ['bot', 'бот'],
  ['call', 'позвоните'], ['me', 'мне'], ['real', 'живой'], ['live', 'живой'], ['talk', 'поговорить'], ['want', 'хочу'],
  ['need', 'нужен'], ['support', 'поддержка'], ['agent', 'оператор'], ['phone', 'телефон'], ['number', 'номер'],
]);
/** A person in English after "with"/"to", as the Russian one after "с": "talk to the seller" is "поговорить с продавцом". */
const ENGLISH_WITH: ReadonlyMap<string, string> = new Map([
  ['seller', 'продавцом'], ['manager', 'менеджером'], ['human', 'человеком'], ['person', 'человеком'], ['owner', 'владельцем'],
  ['operator', 'оператором'], ['admin', 'админом'], ['agent', 'оператором'], ['someone', 'кем-нибудь'], ['somebody', 'кем-нибудь'],
]);
const ENGLISH_PERSON = [...ENGLISH_WITH.keys()].join('|');
const ENGLISH_TALK_VERB: ReadonlyMap<string, string> = new Map([
  ['talk', 'поговорить'], ['speak', 'поговорить'], ['chat', 'поговорить'], ['connect me', 'соедините'], ['put me through', 'соедините'],
]);
/** "talk to a real person", "speak with the manager", "connect me with an operator". */
const ENGLISH_TALK = new RegExp(`\\b(${[...ENGLISH_TALK_VERB.keys()].join('|')})\\s+(?:to|with)\\s+(?:(?:a|an|the|your)\\s+)?(?:(real|live)\\s+)?(${ENGLISH_PERSON})\\b`, 'gu');
/** Articles before a person, which the Russian words do without: "need a human". */
const ENGLISH_ARTICLE = new RegExp(`\\b(?:a|an|the)\\s+(?=(?:(?:real|live)\\s+)?(?:${ENGLISH_PERSON})\\b)`, 'gu');

/** `text` (lower case) with an English talk with a person, a number asked, a messenger's name and the articles read as Russian. */
export function readEnglishPhrases(text: string): string {
  return text
    .replace(ENGLISH_TALK, (_, verb: string, live: string | undefined, person: string) => `${ENGLISH_TALK_VERB.get(verb)!} с ${live === undefined ? '' : 'живым '}${ENGLISH_WITH.get(person)!}`)
    .replace(/\b(?:give|send|tell)\s+(?:me\s+)?(?:your\s+)(?:phone\s+)?number\b/gu, 'дайте ваш номер')
    // "whats app", "what's app": the messenger typed in two words, which read one by one would be transliterated apart.
    .replace(/\b(?:what'?s|wats|whats)[\s-]+app\b/gu, 'whatsapp')
    .replace(ENGLISH_ARTICLE, '');
}

/** The Ukrainian words of a request, as the Russian ones: "покличте продавця", "перетелефонуйте мені, будь ласка". */
const UKRAINIAN: ReadonlyMap<string, string> = new Map([
  ['покличте', 'позовите'], ['поклич', 'позови'], ['покликати', 'позвать'], ['кличте', 'зовите'], ["з'єднайте", 'соедините'],
  ['продавця', 'продавца'], ['продавцю', 'продавцу'], ['продавцем', 'продавцом'], ['людину', 'человека'], ['людиною', 'человеком'],
  ['власника', 'владельца'], ['власником', 'владельцем'], ['господаря', 'хозяина'], ['господарем', 'хозяином'],
  ['зателефонуйте', 'позвоните'], ['подзвоніть', 'позвоните'], ['перетелефонуйте', 'перезвоните'], ['передзвоніть', 'перезвоните'],
  ['зателефонувати', 'позвонить'], ['подзвонити', 'позвонить'], ['поговорити', 'поговорить'], ["зв'язатися", 'связаться'], ["зв'яжіться", 'свяжитесь'],
  ['потрібен', 'нужен'], ['потрібна', 'нужна'], ['потрібно', 'нужно'], ['треба', 'надо'], ['можна', 'можно'], ['живий', 'живой'], ['живою', 'живым'],
  ['мені', 'мне'], ['мене', 'меня'], ['зі', 'со'], ['з', 'с'],
  // The person as the one to act, and what they are to do: "хай менеджер мені передзвонить", "напишіть мені".
  ['продавець', 'продавец'], ['людина', 'человек'], ['людини', 'человека'], ['власник', 'владелец'], ['господар', 'хозяин'],
  ['передзвонить', 'перезвонит'], ['зателефонує', 'позвонит'], ['подзвонить', 'позвонит'], ['напише', 'напишет'], ["зв'яжеться", 'свяжется'],
  ['відповість', 'ответит'], ['відеодзвінок', 'видеозвонок'], ['дзвінок', 'звонок'], ['напишіть', 'напишите'], ['наберіть', 'наберите'], ['поспілкуватися', 'пообщаться'], ['порозмовляти', 'поговорить'],
]);
/**
 * Ukrainian and Belarusian "хай" is "пусть" before the person's call or answer ("хай менеджер мені передзвонить", "хай
 * прадавец патэлефануе"); elsewhere it is a greeting ("хай, а доставка есть?").
 */
const LET_HAI = /(?<![а-яіїєґўa-z'])хай(?=[^.!?,;\n]*\s(?:передзвонить|зателефонує|подзвонить|напише|відповість|зв'яжеться|патэлефануе|ператэлефануе|напіша|адкажа)(?![а-яіїєґў']))/gu;
const UKRAINIAN_WORD = /(?<![а-яіїєґa-z'])[а-яіїєґ']+(?![а-яіїєґa-z'])/gu;

/** `text` (lower case) with the Ukrainian words of a request read as Russian; "будь ласка" is "пожалуйста". */
export function readUkrainianWords(text: string): string {
  return text
    .replace(/[’ʼ]/gu, "'")
    .replace(/будь ласка/gu, 'пожалуйста')
    .replace(LET_HAI, 'пусть')
    .replace(UKRAINIAN_WORD, (word) => UKRAINIAN.get(word) ?? word);
}

/**
 * The Kazakh words of a request, as the Russian ones: "сатушымен сөйлесуге бола ма?" is "с продавцом поговорить можно?".
 * A Kazakh ending is a Russian preposition or case ("-мен" is "с …", "-ға" the dative), so one word may read as two.
 */
const KAZAKH: ReadonlyMap<string, string> = new Map([
  ['сатушы', 'продавец'], ['сатушыны', 'продавца'], ['сатушының', 'продавца'], ['сатушыға', 'продавцу'], ['сатушымен', 'с продавцом'],
  ['менеджерді', 'менеджера'], ['менеджерге', 'менеджеру'], ['менеджермен', 'с менеджером'], ['операторды', 'оператора'], ['оператормен', 'с оператором'],
  ['иесі', 'хозяин'], ['иесін', 'хозяина'], ['иесіне', 'хозяину'], ['иесімен', 'с хозяином'],
  ['адамды', 'человека'], ['адамға', 'человеку'], ['адаммен', 'с человеком'], ['тірі адам', 'живой человек'], ['тірі адаммен', 'с живым человеком'],
  ['шақырыңыз', 'позовите'], ['шақырыңызшы', 'позовите'], ['шақыр', 'позови'], ['шақыршы', 'позови'],
  ['сөйлесу', 'поговорить'], ['сөйлесуге', 'поговорить'], ['сөйлескім келеді', 'хочу поговорить'], ['сөйлескім келіп тұр', 'хочу поговорить'],
  ['хабарласыңыз', 'свяжитесь'], ['хабарласыңызшы', 'свяжитесь'], ['хабарласу', 'связаться'], ['хабарласуға', 'связаться'],
  ['қоңырау шалыңыз', 'позвоните'], ['қоңырау шалыңызшы', 'позвоните'], ['қайта қоңырау шалыңыз', 'перезвоните'], ['қоңырау шалу', 'позвонить'],
  ['нөмір', 'номер'], ['нөміріңіз', 'ваш номер'], ['нөміріңізді', 'ваш номер'], ['беріңіз', 'дайте'], ['беріңізші', 'дайте'], ['жіберіңіз', 'скиньте'], ['жіберіңізші', 'скиньте'],
  ['керек', 'нужен'], ['қажет', 'нужен'], ['керек емес', 'не нужен'], ['қажет емес', 'не нужен'], ['бола ма', 'можно'], ['болама', 'можно'], ['болады ма', 'можно'],
  ['қайда', 'где'], ['маған', 'мне'], ['мені', 'меня'], ['менімен', 'со мной'], ['өтінемін', 'пожалуйста'], ['сәлеметсіз бе', 'здравствуйте'], ['сәлем', 'привет'],
]);
const KAZAKH_LETTER = 'а-яәғқңөұүһі';
/** The longest forms first, so that "қайта қоңырау шалыңыз" is read before "қоңырау шалыңыз". */
const KAZAKH_WORDS = new RegExp(
  `(?<![${KAZAKH_LETTER}a-z])(?:${[...KAZAKH.keys()].sort((a, b) => b.length - a.length).join('|')})(?![${KAZAKH_LETTER}a-z])`,
  'gu',
);

/** `text` (lower case) with the Kazakh words of a request read as Russian. */
export function readKazakhWords(text: string): string {
  return text.replace(KAZAKH_WORDS, (words) => KAZAKH.get(words) ?? words);
}

/** The Belarusian words of a request that do not read by ear as Russian: "паклічце прадаўца", "хачу пагаварыць з чалавекам". */
const BELARUSIAN: ReadonlyMap<string, string> = new Map([
  ['паклічце', 'позовите'], ['пакліч', 'позови'], ['клічце', 'зовите'], ['пагаварыць', 'поговорить'], ['звязацца', 'связаться'],
  ['звяжыцеся', 'свяжитесь'], ['патэлефануйце', 'позвоните'], ['ператэлефануйце', 'перезвоните'], ['патэлефанаваць', 'позвонить'],
  ['чалавек', 'человек'], ['чалавека', 'человека'], ['чалавекам', 'человеком'], ['гаспадара', 'хозяина'], ['гаспадаром', 'хозяином'],
  ['уладальніка', 'владельца'], ['уладальнікам', 'владельцем'], ['жывога', 'живого'], ['жывым', 'живым'],
  ['хачу', 'хочу'], ['трэба', 'надо'], ['патрэбны', 'нужен'], ['калі ласка', 'пожалуйста'],
  ['менеджар', 'менеджер'], ['менеджара', 'менеджера'], ['менеджарам', 'менеджером'], ['патэлефануе', 'позвонит'], ['ператэлефануе', 'перезвонит'],
  ['напіша', 'напишет'], ['адкажа', 'ответит'],
]);
const BELARUSIAN_WORDS = new RegExp(`(?<![а-яіўa-z])(?:${[...BELARUSIAN.keys()].join('|')})(?![а-яіўa-z])`, 'gu');
/** Belarusian "ў" is heard as "в": "прадаўца" reads by ear as "продавца". */
const BELARUSIAN_U = /(?<=[а-яі])ў/gu;

/** `text` (lower case) with the Belarusian words of a request read as Russian, and "ў" as "в". */
export function readBelarusianWords(text: string): string {
  return text.replace(BELARUSIAN_WORDS, (words) => BELARUSIAN.get(words) ?? words).replace(BELARUSIAN_U, 'в');
}

/** A Russian word typed with the keyboard left on the Latin layout: "gjpjdbnt" is "позовите", "vtytl;thf" "менеджера". */
const LAYOUT: Readonly<Record<string, string>> = Object.fromEntries(
  [...'qwertyuiopasdfghjklzxcvbnm;\'[],.`'].map((latin, at) => [latin, 'йцукенгшщзфывапролдячсмитьжэхъбюё'[at]!]),
);
/** A Latin-layout word holding a key that is a letter on the Russian one ("vtytl;thf"): no Latin word is spelt so. */
const LAYOUT_WORD = /(?<![a-z;'[\]`])(?:[;'[\]`]+[a-z]+(?:[;'[\]`][a-z]*)*|[a-z]+(?:[;'[\]`][a-z]*)+)(?:[,.][a-z]+)*/gu;
/** "y" after a vowel and before no vowel is "й": "dayte", "pozhaluysta", "moy". */
const LATIN_Y = /(?<=[aeiouy])y(?![aeiou])/gu;
const LATIN_SOUNDS: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['ya', 'я'], ['yu', 'ю'], ['yo', 'е'], ['ye', 'е'],
];
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', c: 'к', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о',
  p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', y: 'ы', z: 'з',
};
const MIN_BY_EAR = 5;
/** Words typed without a space ("позовитеменеджера", "свяжитесьсомной") are looked for this long and longer. */
const MIN_GLUED = 8;
const KEY_SET: ReadonlySet<string> = new Set(KEY_WORDS);

/** A word of Latin letters, with the keys of Russian letters inside it: on the Latin layout, any such word is one Russian word. */
// A word may begin with such a key, too: "[jxe" is "хочу", ";lt" is "жде".
const LATIN_TYPED = /(?<![a-z;'[\]`])[;'[\]`]*[a-z]+(?:[;'[\]`][a-z]*)*(?:[,.][a-z]+)*/gu;

/**
 * `text` with the words typed on the Latin layout turned Russian: those that hold a letter's key besides letters, and,
 * where one word of the message shows the keyboard was left on the Latin layout, every Latin word of it ("yfgbibnt d
 * djncfg" is "напишите в вотсап"; "&", Shift+7, is "?" there).
 */
export function readLayoutWords(text: string): string {
  const latin = [...text.matchAll(LATIN_TYPED)].map(([word]) => word);
  // Not an apostrophe alone: "don't" is English.
  const onLayout = latin.some((word) => /[;[\]`]/u.test(word) || isLayoutKeyWord(word));
  if (!onLayout) return text.replace(LAYOUT_WORD, fromLatinLayout);
  return text.replace(LATIN_TYPED, fromLatinLayout).replace(/&/gu, '?');
}

/** A Latin word that is a request's word on the Russian layout and no English or transliterated one: "yfgbibnt", "vtytl;thf". */
function isLayoutKeyWord(word: string): boolean {
  if (word.length < 4 || ENGLISH.has(word)) return false;
  const russian = KEY_BY_EAR.get(byEar(fromLatinLayout(word)));
  return russian !== undefined && (!/^[a-z]+$/u.test(word) || readTyped(word) === russian);
}

/**
 * "позовитеменеджера" as ["позовите", "менеджера"]: a word that is not one of the request's words but is two to four of
 * them typed together; else undefined.
 */
export function splitGlued(word: string): string[] | undefined {
  if (word.length < MIN_GLUED || KEY_SET.has(word) || !/^[а-я]+$/u.test(word)) return undefined;
  const split = (rest: string, left: number): string[] | undefined => {
    if (KEY_SET.has(rest)) return [rest];
    if (left === 1) return undefined;
    for (let at = 1; at <= rest.length - 2; at++) {
      const head = rest.slice(0, at);
      if (!KEY_SET.has(head)) continue;
      const tail = split(rest.slice(at), left - 1);
      if (tail !== undefined) return [head, ...tail];
    }
    return undefined;
  };
  const words = split(word, 4);
  return words !== undefined && words.length > 1 ? words : undefined;
}

/** The word as typed on the Russian layout, for one typed in Latin letters ("lf" is "да"). */
export function fromLatinLayout(word: string): string {
  return [...word].map((letter) => LAYOUT[letter] ?? letter).join('');
}

/** The word a request is made of that `word` spells by ear, in Latin or on the Latin layout; else `word` itself. */
export function readTyped(word: string): string {
  if (/^[a-z]+$/u.test(word)) {
    const english = ENGLISH.get(word);
    if (english !== undefined) return english;
    let cyrillic = word.replace(LATIN_Y, 'й');
    for (const [latin, letter] of LATIN_SOUNDS) cyrillic = cyrillic.replaceAll(latin, letter);
    cyrillic = [...cyrillic].map((letter) => LATIN_LETTERS[letter] ?? letter).join('');
    // "c" is "ц" as often as "к": "prodavcom".
    const withTs = word.includes('c') ? KEY_IN_LATIN.get(withoutSigns(cyrillic.replaceAll('к', 'ц'))) : undefined;
    const swapped = fromLatinLayout(word);
    return KEY_IN_LATIN.get(withoutSigns(cyrillic)) ?? withTs ?? KEY_BY_EAR.get(byEar(swapped)) ?? ([...cyrillic].length <= 4 ? cyrillic : word);
  }
  if (word.length < MIN_BY_EAR || /[a-z0-9]/u.test(word)) return word;
  return KEY_BY_EAR.get(byEar(word)) ?? readMisprintedPerson(word) ?? word;
}

const MIN_MISPRINT = 7;
/** The people asked for, whose names are long enough to be told apart with a letter wrong. */
const PERSON_KEYS = KEY_WORDS.filter((word) => word.length >= MIN_MISPRINT && /^(?:менеджер|продав|человек|оператор|администратор|хозя|владел|сотрудник|консультант)/u.test(word));

/**
 * A person typed with one letter dropped, doubled, wrong or two swapped ("менежера", "опертора", "человекаа",
 * "продавеца"): the person it misprints. Only people: a verb one letter off may be another form ("позвонит").
 */
function readMisprintedPerson(word: string): string | undefined {
  if (word.length < MIN_MISPRINT || NEAR_PERSON.test(word)) return undefined;
  const near = PERSON_KEYS.filter((key) => isOneEditApart(word, key));
  // "продавеца" is "продавца", not "продавец": the case is in the last letter, typed last.
  return near.find((key) => key.at(-1) === word.at(-1)) ?? near[0];
}
/** Words of their own one letter from a person: "человечка", "человечек". */
const NEAR_PERSON = /^человеч/u;

/** One letter inserted, deleted, changed, or two neighbours swapped. */
function isOneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}
