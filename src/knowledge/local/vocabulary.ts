/**
 * The words the local engine treats specially: words that carry no meaning in a buyer's question,
 * words that name an attribute without naming the thing, and families of words buyers use
 * interchangeably. Kept small and domain-specific on purpose: every entry changes what counts as
 * "the documents answer this".
 */
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
  'сделаете', 'сделать', 'сделаешь', 'сделаем', 'делаете', 'сделайте',
  'утром', 'днем', 'вечером', 'ночью', 'уместен', 'уместна', 'уместно', 'возможен', 'возможна', 'возможно',
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
  { term: 'цена', prefixes: ['стоимост', 'стоит', 'стоят', 'стоил', 'почем', 'ценник'], words: ['цена', 'цену', 'цены', 'ценой', 'цене', 'ценам', 'ценах'] },
  { term: 'оплат', prefixes: ['оплат', 'оплач', 'заплат', 'заплач', 'платеж', 'плати', 'плачу'] },
  { term: 'гарант', prefixes: ['гарант'] },
  { term: 'возврат', prefixes: ['возвра', 'верну', 'вернет', 'вернем', 'вернешь', 'вернут'] },
  { term: 'самовывоз', prefixes: ['самовывоз', 'забрат', 'заберу', 'заберет', 'заберем', 'забира'] },
  { term: 'встреч', prefixes: ['встреч', 'встрет'] },
  { term: 'провер', prefixes: ['провер'] },
  { term: 'комплект', prefixes: ['комплект'] },
  { term: 'торг', prefixes: ['торг', 'скидк', 'скидоч', 'уступ', 'сбав', 'подвин'] },
  { term: 'аккумулятор', prefixes: ['аккумулятор', 'батаре', 'заряд'] },
  { term: 'работ', prefixes: ['работ'] },
  { term: 'срок', prefixes: ['срок', 'долго', 'быстро'], words: ['дней', 'дня', 'дни', 'днях', 'идет', 'идут', 'придет', 'придут', 'дойдет', 'дойдут'] },
  // The Snowball stemmer splits this verb's forms ("берёте" → "берет", "берём" → "бер").
  { term: 'брать', prefixes: [], words: ['брать', 'беру', 'берешь', 'берет', 'берем', 'берете', 'берут', 'возьмете', 'возьму', 'возьмем'] },
  { term: 'наход', prefixes: ['наход'] },
  { term: 'связ', prefixes: ['связ'] },
  { term: 'адрес', prefixes: ['адрес'] },
  { term: 'сдэк', prefixes: ['сдэк', 'cdek'] },
  { term: 'boxberry', prefixes: ['boxberry', 'боксбер'] },
  { term: 'размер', prefixes: ['размер', 'габарит'] },
];

/** Returns the concept a surface word belongs to, if any. */
export function findConcept(word: string): string | undefined {
  for (const rule of CONCEPT_RULES) {
    if (rule.words?.includes(word)) return rule.term;
    if (rule.prefixes.some((prefix) => word.startsWith(prefix))) return rule.term;
  }
  return undefined;
}

/**
 * Terms that name an attribute rather than the thing asked about ("какой размер рамы"): a document
 * may state the attribute without the word, so their absence weighs half as much.
 */
export const WEAK_TERMS: ReadonlySet<string> = new Set([
  'размер', 'адрес', 'цвет', 'вес', 'модел', 'характеристик', 'параметр', 'тип', 'информац', 'подробн', 'детал', 'описан',
]);
