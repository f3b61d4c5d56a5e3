/**
 * The words the local engine treats specially: words that carry no meaning in a buyer's question,
 * words that name an attribute without naming the thing, and families of words buyers use
 * interchangeably. Kept small and domain-specific on purpose: every entry changes what counts as
 * "the documents answer this".
 */
import { stemmer } from '@orama/stemmers/russian';
import { stopwords as russianStopwords } from '@orama/stopwords/russian';

/**
 * Politeness, greetings and question scaffolding. They appear in almost every buyer message and
 * would otherwise count as unanswered terms, dragging real questions below the threshold.
 */
const QUESTION_FILLERS = [
  'подскажите', 'подскажи', 'подскажете', 'скажите', 'скажи', 'скажете', 'пожалуйста', 'пожалуйсто',
  'здравствуйте', 'здраствуйте', 'здрасте', 'здравствуй', 'привет', 'приветствую', 'добрый', 'доброе',
  'доброй', 'доброго', 'день', 'утро', 'вечер', 'ночи', 'спасибо', 'заранее', 'благодарю',
  'интересует', 'интересно', 'хотел', 'хотела', 'хотели', 'хочу', 'хотим', 'узнать', 'уточнить',
  'уточните', 'вопрос', 'вопросик', 'ответьте', 'ответите', 'можете', 'могу', 'могли', 'могла',
  'сколько', 'какие', 'каких', 'каким', 'какими', 'какую', 'какое', 'каков', 'какова', 'каково',
  'какого', 'какому', 'каком', 'ваш', 'ваша', 'ваше', 'ваши', 'вашей', 'вашего', 'вашу', 'ваших',
  'вообще', 'это', 'эта', 'эти', 'еще', 'ок', 'окей', 'ага', 'угу', 'пока', 'просто', 'очень',
  'самому', 'самой', 'сама', 'сами', 'будьте', 'добры', 'любезны', 'товар', 'товара', 'товару',
  'объявление', 'объявлению', 'объявлении', 'объявления', 'продаете', 'продаешь', 'продается',
  'продаются', 'продаю', 'продам', 'продать', 'продавать', 'купить', 'куплю', 'покупаю',
  'приобрести', 'подскажешь', 'скажешь', 'нужно', 'нужна', 'нужен', 'надо', 'мочь',
  'сделаете', 'сделать', 'сделаешь', 'сделаем', 'делаете', 'сделайте', 'делает', 'делают',
  'утром', 'днем', 'вечером', 'ночью', 'уместен', 'уместна', 'уместно', 'возможен', 'возможна', 'возможно',
  // Documents never promise a day: "можно завтра забрать?" asks about pickup.
  'завтра', 'послезавтра', 'также', 'дайте', 'дадите', 'дай',
  // Pronoun forms the stop word list misses ("связаться с вами").
  'вами', 'нами', 'нам', 'вашим', 'вашем', 'вашими', 'тобой', 'мной', 'нему',
];

/** Surface words (lower case, ё folded to е) dropped before stemming. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...russianStopwords, ...QUESTION_FILLERS].map((word) => word.toLowerCase().replaceAll('ё', 'е')),
);

/**
 * A family of surface forms, recognised by prefix, that stands for one concept. Buyers write
 * "доставляете", documents say "доставка"; the Snowball stemmer keeps those apart, so the engine
 * maps both to one term. Prefixes are matched against the lower-cased, ё-folded word.
 */
interface ConceptRule {
  term: string;
  prefixes: readonly string[];
  /** Whole words, for forms whose prefix would catch unrelated words. */
  words?: readonly string[];
}

const CONCEPT_RULES: readonly ConceptRule[] = [
  { term: 'доставк', prefixes: ['достав', 'отправ', 'пересыл', 'пересла', 'пришлет', 'вышлет', 'вышлит', 'посылк', 'привез', 'привоз', 'завез'] },
  { term: 'цена', prefixes: ['стоимост', 'стоит', 'стоят', 'стоил', 'ценник'], words: ['почем', 'цена', 'цену', 'цены', 'ценой', 'цене', 'ценам', 'ценах'] },
  { term: 'оплат', prefixes: ['оплат', 'оплач', 'заплат', 'заплач', 'платеж', 'плати', 'плачу'] },
  { term: 'гарант', prefixes: ['гарант'] },
  { term: 'возврат', prefixes: ['возвра', 'верну', 'вернет', 'вернем', 'вернешь', 'вернут'] },
  { term: 'самовывоз', prefixes: ['самовывоз', 'забрат', 'заберу', 'заберет', 'заберем', 'забира'] },
  { term: 'встреч', prefixes: ['встреч', 'встрет'] },
  { term: 'провер', prefixes: ['провер'] },
  { term: 'комплект', prefixes: ['комплект'] },
  // "Цена окончательная" is how Avito sellers say "no bargaining".
  { term: 'торг', prefixes: ['торг', 'скидк', 'скидоч', 'уступ', 'сбав', 'подвин', 'окончательн'], words: ['скинете', 'скинешь', 'скинуть'] },
  { term: 'аккумулятор', prefixes: ['аккумулятор', 'батаре', 'заряд'] },
  // "Всё работает?" asks whether the thing works, "во сколько работаете?" when the seller does.
  {
    term: 'исправн',
    prefixes: ['исправн', 'исправе', 'работоспособн'],
    words: ['работает', 'работают', 'работал', 'работала', 'работало', 'работали', 'рабочая', 'рабочий', 'рабочее', 'рабочие', 'рабочем', 'рабочую'],
  },
  { term: 'работ', prefixes: ['работ'] },
  { term: 'срок', prefixes: ['срок', 'долго', 'быстро'], words: ['дней', 'дня', 'дни', 'днях', 'идет', 'идут', 'придет', 'придут', 'дойдет', 'дойдут'] },
  // The Snowball stemmer splits this verb's forms ("берёте" → "берет", "берём" → "бер").
  { term: 'брать', prefixes: [], words: ['брать', 'беру', 'берешь', 'берет', 'берем', 'берете', 'берут', 'возьмете', 'возьму', 'возьмем'] },
  // "Какой адрес?" is answered by "Где мы находимся".
  { term: 'наход', prefixes: ['наход', 'адрес', 'расположен', 'местоположен'] },
  { term: 'связ', prefixes: ['связ'] },
  { term: 'сдэк', prefixes: ['сдэк', 'cdek'] },
  { term: 'boxberry', prefixes: ['boxberry', 'боксбер'] },
  { term: 'размер', prefixes: ['размер', 'габарит'] },
  // "Если не подойдёт" / "товар не подошёл" / "подходит на рост": the stemmer keeps all three apart.
  { term: 'подход', prefixes: ['подойд', 'подход'], words: ['подошел', 'подошла', 'подошло', 'подошли'] },
  { term: 'мыт', prefixes: [], words: ['мыть', 'мою', 'моет', 'моют', 'моешь', 'мытья', 'мытье', 'мытьем', 'помыть', 'вымыть', 'моющий', 'моющая', 'моющие'] },
  // "Сколько лет?" is answered by "2 года".
  { term: 'год', prefixes: [], words: ['год', 'года', 'году', 'годом', 'годы', 'годов', 'годам', 'годами', 'лет'] },
];

/**
 * Concepts a word stands for only after "не". Buyers say "если не понравится" where return rules
 * say "если товар не подошёл"; a bare "понравилась?" is small talk, not a question about returns.
 */
const NEGATED_CONCEPT_RULES: readonly ConceptRule[] = [{ term: 'подход', prefixes: ['понрав'] }];

/** Returns the concept "не" + `word` stands for, if any. */
export function findNegatedConcept(word: string): string | undefined {
  return NEGATED_CONCEPT_RULES.find((rule) => rule.words?.includes(word) || rule.prefixes.some((prefix) => word.startsWith(prefix)))?.term;
}

/** Returns the concept a surface word belongs to, if any. */
export function findConcept(word: string): string | undefined {
  for (const rule of CONCEPT_RULES) {
    if (rule.words?.includes(word)) return rule.term;
    if (rule.prefixes.some((prefix) => word.startsWith(prefix))) return rule.term;
  }
  return undefined;
}

/**
 * Places buyers name to say where they are ("Отправите в Новосибирск?"). Documents state their own
 * reach ("по всей России") and rarely list cities, so a place in a question is context, not the
 * thing asked. Surface forms; their stems join {@link WEAK_TERMS}. Names whose stem is a common word
 * are left out (Ростов → "рост", Киров → "кир").
 */
const PLACES = [
  'город', 'регион', 'область', 'москва', 'подмосковье', 'питер', 'петербург', 'санкт', 'спб', 'новосибирск',
  'екатеринбург', 'казань', 'новгород', 'челябинск', 'самара', 'омск', 'уфа', 'красноярск', 'воронеж',
  'пермь', 'волгоград', 'краснодар', 'саратов', 'тюмень', 'тольятти', 'ижевск', 'барнаул', 'ульяновск', 'иркутск',
  'хабаровск', 'ярославль', 'владивосток', 'махачкала', 'томск', 'оренбург', 'кемерово', 'новокузнецк', 'рязань',
  'астрахань', 'пенза', 'липецк', 'чебоксары', 'калининград', 'тула', 'курск', 'сочи', 'ставрополь',
  'тверь', 'мурманск', 'архангельск', 'смоленск', 'белгород', 'калуга', 'сургут', 'подольск', 'мытищи', 'химки',
  'балашиха', 'люберцы', 'минск', 'алматы',
];

/**
 * Terms that name an attribute of the listing rather than the thing asked about ("какой размер
 * рамы"). A question made of these alone asks about the listing itself, which general documents
 * (that mention weights and sizes of parcels) do not answer.
 */
export const ATTRIBUTE_TERMS: ReadonlySet<string> = new Set([
  'размер', 'цвет', 'вес', 'модел', 'характеристик', 'параметр', 'тип', 'информац', 'подробн', 'детал', 'описан',
  // "входит/входят": the verb of "что входит в комплект", never the subject.
  'вход',
]);

/**
 * Terms that name an attribute or a circumstance rather than the thing asked about ("какой размер
 * рамы", "адрес самовывоза", "доставка в Казань"): a document may answer without the word, so their
 * absence weighs half as much.
 */
export const WEAK_TERMS: ReadonlySet<string> = new Set([...ATTRIBUTE_TERMS, 'наход', ...PLACES.map((place) => stemmer(place))]);
