/** Text → search terms, shared by indexing and querying so both see the same terms. */
import { stemmer } from '@orama/stemmers/russian';
import { readPhrases } from './phrase-reading.js';
import { foldSeriesCode } from './series-codes.js';
import { CLOCK_TIME_TERM, WEEKDAY_TERMS, expandEveryDay, findUnit, rewriteUnitsAndDays } from './units.js';
import { CONCEPT_TERMS, STOP_WORDS, findConcept, findNegatedConcept } from './vocabulary.js';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORD = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;
/** A size ("3×6", "2.1×6×0.5"); only texts holding "×" pay for the longer word pattern that keeps it one word. */
const SIZE_SOURCE = String.raw`\p{N}+(?:\.\p{N}+)?(?:×\p{N}+(?:\.\p{N}+)?)+`;
const WORD_OR_SIZE = new RegExp(`${SIZE_SOURCE}|${WORD.source}`, 'gu');
const SIZE = new RegExp(`^${SIZE_SOURCE}$`, 'u');

/** Whether a word or term is a size ("3×6", "60×40×40", "2.1×6×0.5"). */
export function isSize(word: string): boolean {
  return SIZE.test(word);
}

/** The term a stated size also reads as: the attribute buyers ask it by ("какого размера?", "габариты?"). */
export const SIZE_TERM = 'размер';

const HARD_SIGN_TYPED_SOFT = /(?<![\p{L}\p{N}])(об|под|от|из|раз|рас|над|пред|без|бес|с)ь(?=[еяю])/gu;

/** Folds what varies without changing meaning: ё/е, De'Longhi → delonghi, 24 990 → 24990, 1,8 → 1.8. */
export function normalizeText(text: string): string {
  let normalized = readVolts(text.normalize('NFKC')).toLowerCase().replaceAll('ё', 'е');
  // The rarer rewrites run only when their trigger is present: this runs for every indexed field.
  if (/['’‘`ʼ]/.test(normalized)) normalized = normalized.replace(/(\p{L})['’‘`ʼ](\p{L})/gu, '$1$2');
  if (/\d[\u00a0\u202f ]\d/.test(normalized)) {
    normalized = normalized.replace(/(?<![\p{N}.,])(\p{N}{1,3})(?:[\u00a0\u202f ](\p{N}{3}))+(?![\p{N}])/gu, (match, _first, _last, offset: number, whole: string) =>
      isModelAndMemory(match, whole.slice(offset + match.length)) ? match : match.replace(/[\u00a0\u202f ]/g, ''),
    );
  }
  // "обьем", "разьем", "подьезд": the soft sign typed for the hard one after a prefix; no word starts with these spelt so.
  if (normalized.includes('ь')) normalized = normalized.replace(HARD_SIGN_TYPED_SOFT, '$1ъ');
  if (/\d,\d/.test(normalized)) normalized = normalized.replace(/(\p{N}),(\p{N})/gu, '$1.$2');
  // "б/у", "б.у.", "б у": one word, or its single letters drop out as initials.
  if (/б[/.\s]у/.test(normalized)) normalized = normalized.replace(/(?<![\p{L}\p{N}])б\s?[/.]?\s?у\.?(?![\p{L}\p{N}])/gu, 'бу');
  // Sizes are typed with any cross ("600х300х200" with a Cyrillic letter, "600x300", "600*300"): read as "600×300×200".
  if (/\d\s?[xх*]\s?\d/.test(normalized)) normalized = normalized.replace(/(?<=\p{N})\s?[xх*]\s?(?=\p{N})/gu, '×');
  // …and said with "на" by buyers ("3 на 6", "160 на 200").
  if (/\d на \d/.test(normalized)) normalized = normalized.replace(/(?<=(?<![\p{N}.,%])\p{N}{1,4}) на (?=\p{N}{1,4}(?![\p{N}.,%]))/gu, '×');
  return normalized;
}

/** A model and its memory: "iPhone 13 128", "s22 8 128": a number of one or two digits, then a memory size. */
const MODEL_AND_MEMORY = /^\p{N}{1,2}[\u00a0\u202f ](?:128|256|512)$/u;
/** What says a number is money ("13 128 ₽", "13 128 руб"): then its groups are thousands after all. */
const MONEY_AFTER = /^[\u00a0\u202f ]*(?:₽|р(?!\p{L})|руб|тыс|т\.р)/u;

/**
 * "сдам свой 13 128", "s22 8 128 за сколько": a phone's model (or memory) and its storage, two numbers, where "13 128"
 * read as thousands would be 13128. A price of that shape keeps its currency word after it and is still joined.
 */
function isModelAndMemory(digits: string, after: string): boolean {
  return MODEL_AND_MEMORY.test(digits) && !MONEY_AFTER.test(after);
}

/**
 * "12 В (CXT)", "220 В, шнур", "12В для зарядки": a capital "В" after a number is volts, where a lower-case "в" is the
 * preposition ("5 в 1", "2 в день"). Set apart by a space, only where no word goes on after it: "Цена 5000 В наличии" opens a
 * sentence. Never before another number: "3 В 1" is a title in capitals.
 */
const VOLTS = /(?<=\p{N})(?:В|[ \u00a0]В(?![ \u00a0]*\p{L}))(?![\p{L}\p{N}])(?![ \u00a0]*\p{N})/gu;

function readVolts(text: string): string {
  return text.includes('В') ? text.replace(VOLTS, ' вольт') : text;
}

export function splitWords(normalized: string): string[] {
  return normalized.match(normalized.includes('×') ? WORD_OR_SIZE : WORD) ?? [];
}

/** A brand or model as a term: a Latin word of three characters or more ("brembo", "cs2"). */
export const LATIN_NAME = /^[a-z][a-z0-9]{2,}$/;
const SERIES = /^([a-z]{1,3})(\d{2,4})$/;
// "р16", "д500": the same series typed in Cyrillic.
const CYRILLIC_SERIES = /^[а-я]{1,3}(\d{2,4})$/;
const DATE = /^(?:\d{1,2}\.){1,2}(?:19|20)\d\d$/;
/** Numerals from two up as the first half of an adjective. "Одно-" is left out: "однотонный", "одноразовый" count nothing. */
export const NUMERAL_PREFIXES: readonly string[] = ['двух', 'трех', 'четырех', 'пяти', 'шести', 'семи', 'восьми', 'девяти', 'десяти'];
const NUMERAL_COMPOUND = new RegExp(`^(${NUMERAL_PREFIXES.join('|')})ъ?([а-я]{4,}(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ую|юю|ых|их|ым|им|ей))$`, 'u');
const PRICE_VERBS = new Set(['стоит', 'стоят', 'стоил', 'стоила', 'стоило', 'стоили', 'стоить', 'обойдется', 'выйдет']);
/** How much or how many, asked, as buyers spell it: "сколько", "скольки", "скока", "скок", "скоко", "скоку". */
export const HOW_MUCH_WORD = String.raw`(?:скольк[а-яё]*|скок[аоу]?)`;
const HOW_MUCH = new RegExp(`^${HOW_MUCH_WORD}$`, 'u');

/** One word asking how much or how many. */
export function isHowMuch(word: string): boolean {
  return HOW_MUCH.test(word);
}

const PRICE_WORDS: ReadonlySet<string> = new Set(['почем', 'цена', 'руб', 'рублей']);
const asksPrice = (word: string): boolean => isHowMuch(word) || PRICE_WORDS.has(word);
/** "скок возьмете", "сколько берете": what the seller takes is the price; "карту возьмете?" keeps its own word. */
const TAKE_VERBS = new Set(['возьмете', 'возьмешь', 'берете', 'берешь']);
/** "скока всего", "скока он" closing a question: how much, of nothing measured, is the price. */
const PRICE_CLOSERS = new Set(['всего', 'он', 'она', 'оно', 'они']);

/**
 * A street and a house number: "ул. Родонитовая, 9", "пр-т Мира, д. 5". Not "ул. Ленина 1-100" (a delivery zone's
 * houses), nor "5 мкр" (microns). A text holding one states where: it is read as holding "адрес" too.
 */
export const ADDRESS = /(?<![а-яё])(?:ул|пр-т|просп)\.?\s+[а-яё][а-яё-]+(?:\s+[а-яё-]+)?,?\s*(?:д\.\s*)?\d+[а-яё]?(?!\s*[-–—]\s*\d)(?!\d)/iu;

/** Ways of paying: cash, a card or its terminal, a transfer, an invoice. Starts of words, and whole short words. */
const PAYING_WAYS: ReadonlyArray<{ starts: readonly string[]; words: readonly string[] }> = [
  { starts: ['наличн', 'наличк'], words: ['нал', 'налом', 'наликом', 'кэш', 'кеш', 'кэшем', 'кешем'] },
  { starts: ['карточк', 'терминал'], words: ['карта', 'карты', 'карту', 'картой', 'карте', 'картам', 'картами', 'картах'] },
  { starts: ['перевод'], words: ['сбп', 'qr'] },
  { starts: ['безнал'], words: [] },
];

const GIVING_BACK: readonly string[] = ['возвра', 'верн', 'отдаем', 'отдадим', 'отдаст'];

/**
 * "В магазине: наличные, карта (терминал), перевод по СБП": a text naming two ways of paying or more states how to pay
 * though it never says "оплата" (its heading does), and a buyer's "картой или наличкой?" asks it: both are read as
 * holding "оплата" too, so that "картой можно оплатить?" finds the list.
 */
function namesWaysOfPaying(words: readonly string[]): boolean {
  // "Залог возвращаем … наличными или переводом", "деньги отдаём переводом": money the shop gives back, not how to pay it.
  if (words.some((word) => GIVING_BACK.some((start) => word.startsWith(start)))) return false;
  let named = 0;
  for (const way of PAYING_WAYS) {
    if (words.some((word) => way.words.includes(word) || way.starts.some((start) => word.startsWith(start)))) named += 1;
    if (named === 2) return true;
  }
  return false;
}

/** "не" joins the word after it when the pair is a concept of its own ("не понравится"); "стоит" beside a number or "сколько" is the price. */
export function tokenizeWords(normalized: string): string[] {
  const words = readPhrases(expandEveryDay(splitWords(joinLatinCompounds(rewriteUnitsAndDays(normalized)))));
  const tokens: string[] = [];
  if (ADDRESS.test(normalized)) tokens.push('адрес');
  if (namesWaysOfPaying(words)) tokens.push('оплата');
  for (let at = 0; at < words.length; at += 1) {
    const word = words[at] ?? '';
    const next = words[at + 1];
    if (word === 'не' && next !== undefined && findNegatedConcept(next) !== undefined) {
      tokens.push(`не ${next}`);
      at += 1;
    } else if (PRICE_VERBS.has(word)) {
      // Otherwise it says what is fitted ("какой ссд стоит?"): no term of its own.
      if (isPriceContext(words.slice(Math.max(0, at - PRICE_REACH), at), next)) tokens.push('цена');
    } else if (TAKE_VERBS.has(word) && words.slice(Math.max(0, at - PRICE_REACH), at).some(isHowMuch)) {
      tokens.push('цена');
    } else if (PRICE_CLOSERS.has(word) && at === words.length - 1 && isHowMuch(words[at - 1] ?? '')) {
      tokens.push('цена');
    } else if (TRAVEL_VERBS.has(word) && asksHowLong(words.slice(Math.max(0, at - PRICE_REACH), at + 2))) {
      // "скока ехать будет", "сколько везти до Казани": how long the way takes, which the documents state as a time.
      tokens.push(TRAVEL_TIME_WORD);
    } else if (asksClockTime(words, at)) {
      tokens.push(word, CLOCK_TIME_TERM);
    } else if (HOURS_NOUNS.has(word) && next !== undefined && termOf(next) === WORK_TERM) {
      // "часы работы", "график работы": the hours, stated as clock times; not "время работы", a battery's as often as a shop's.
      tokens.push(...(word === 'часы' ? [] : [word]), CLOCK_TIME_TERM);
    } else if (SIZE.test(word)) {
      // "3×6" is one size, and each of its numbers still a measure of its own ("длина 6 м").
      tokens.push(word, ...word.split('×'));
    } else if (NUMERAL_COMPOUND.test(word) && findConcept(word) === undefined && !CONCEPT_TERMS.has(termOf(word) ?? '')) {
      // "трехместный" is the "3-местный" of a price list, and a buyer's "3 местный"; a word the thesaurus reads whole
      // ("двухспальная", "двухкомнатную"), or reads others as ("двухбегунковая" as "двухзамковая"), keeps its reading.
      const [, numeral = '', rest = ''] = NUMERAL_COMPOUND.exec(word) ?? [];
      tokens.push(String(NUMERAL_PREFIXES.indexOf(numeral) + 2), rest);
    } else {
      tokens.push(word);
      // "XV50", "R16", "D500": a series letter and the number buyers say alone ("камри 50", "диски 16").
      const latin = SERIES.exec(word);
      const number = (latin ?? CYRILLIC_SERIES.exec(word))?.at(-1);
      if (number !== undefined) tokens.push(number);
      // "ET40": an abbreviation glued to its value names the spec a buyer asks about ("вылет").
      const letters = latin?.[1];
      if (letters !== undefined && findConcept(letters) !== undefined) tokens.push(letters);
      // "Годен до 11.2026" answers "до какого года?": a date states its year.
      if (word.includes('.') && DATE.test(word)) tokens.push('год');
    }
  }
  return tokens;
}

// "Wi-Fi", "Hi-Fi": halves too short to mean anything alone make one word, the one a buyer types ("вайфай" sounds like it).
function joinLatinCompounds(text: string): string {
  if (!/[a-z]-[a-z]/.test(text)) return text;
  return text.replace(/(?<![\p{L}\p{N}-])([a-z]{2,3})-([a-z]{2,3})(?![\p{L}\p{N}-])/gu, '$1$2');
}

/** Verbs of the way a parcel or a buyer goes; "идет", "дойдет" the thesaurus reads as a time already. */
const TRAVEL_VERBS: ReadonlySet<string> = new Set(['ехать', 'едет', 'едут', 'доедет', 'доедут', 'везти', 'везут', 'добираться', 'доберется']);
/** The word the reading of a time asked is written as (measures.ts: "время" asks how long). */
const TRAVEL_TIME_WORD = 'время';

/** "сколько" beside the verb, and no price: "сколько стоит везти" asks the price of the way. */
function asksHowLong(around: readonly string[]): boolean {
  return around.some(isHowMuch) && !around.some((word) => PRICE_VERBS.has(word) || PRICE_WORDS.has(word));
}

/** "до скольки", "во сколько", "к скольки": a preposition before "сколько" that asks a time of day. */
const CLOCK_PREPOSITIONS: ReadonlySet<string> = new Set(['до', 'во', 'в', 'со', 'с', 'к', 'ко']);
/** A verb in the forms a question takes: "работаете", "открываетесь", "подъехать", "привезете". */
const VERB_ENDING = /^[а-я]{3,}(?:ть|ться|тся|тесь|ете|ите|ет|ит|ут|ют|ят)$/u;
/** "работаете", "открыты", "работы": the shop's work, whose hours are asked. */
const WORK_TERM = 'работ';
/** Nouns that with "работы" name the hours; "часы" alone are a watch or a count of hours. */
const HOURS_NOUNS: ReadonlySet<string> = new Set(['часы', 'график']);
/** "до скольки вы работаете", "до скольки в субботу открыты", "со скольки до скольки". */
const BETWEEN_ASKER_AND_VERB: ReadonlySet<string> = new Set(['вы', 'ты', 'у', 'вас', 'в', 'во', 'по', 'же', 'до']);
/** "во сколько встанет": the sum it comes to, not an hour. */
const SUM_VERBS: ReadonlySet<string> = new Set([...PRICE_VERBS, 'встанет', 'встанут', 'станет', 'обойдутся']);

/**
 * "до скольки работаете", "во скока открываетесь", "со скольки в субботу?": the hour is asked, which the documents state as a
 * clock time ("пн–сб 9:00–19:00", read as an hour in units.ts). Not where "сколько" counts the word after it ("до скольки
 * градусов", "со скольки покупок") or a sum ("во сколько обойдется").
 */
function asksClockTime(words: readonly string[], at: number): boolean {
  if (!isHowMuch(words[at] ?? '') || !CLOCK_PREPOSITIONS.has(words[at - 1] ?? '')) return false;
  const next = words.slice(at + 1).find((word) => !BETWEEN_ASKER_AND_VERB.has(word) && !isHowMuch(word));
  // "в будни до скольки": the day before it. "до скольки" alone after "1 января работаете?" asks that day's hours, not the usual.
  if (next === undefined) return isDayOrWork(words[at - 2]);
  return !SUM_VERBS.has(next) && (isDayOrWork(next) || VERB_ENDING.test(next));
}

function isDayOrWork(word: string | undefined): boolean {
  const term = word === undefined ? undefined : termOf(word);
  return term === WORK_TERM || (term !== undefined && WEEKDAY_TERMS.has(term));
}

/** "сколько медовик стоит", "скока эта кухня стоит": the asker may stand a few words before. */
const PRICE_REACH = 3;

function isPriceContext(before: readonly string[], next: string | undefined): boolean {
  const isNumber = (word: string | undefined): boolean => word !== undefined && /^\p{N}/u.test(word);
  // A number right beside it ("5000 стоит", "стоит 5000"), an asker before it or right after ("стоит сколько").
  return isNumber(before.at(-1)) || isNumber(next) || before.some(asksPrice) || (next !== undefined && asksPrice(next));
}

/** Snowball stemming dominates indexing time, and documents repeat their words: remember results. */
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 100_000;

export function termOf(word: string): string | undefined {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  const term = computeTerm(word);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(word, term ?? null);
  return term;
}

function computeTerm(word: string): string | undefined {
  if (word.startsWith('не ')) return findNegatedConcept(word.slice(3));
  const unit = findUnit(word);
  if (unit !== undefined) return unit;
  if (STOP_WORDS.has(word)) return undefined;
  // Single letters are initials, units or typos; single digits still mean something ("2 года").
  if (word.length === 1 && !/\p{N}/u.test(word)) return undefined;
  const code = foldSeriesCode(word);
  if (code !== undefined) return code;
  const concept = findConcept(word);
  if (concept !== undefined) return concept;
  if (!CYRILLIC.test(word)) return word;
  const stem = stemmer(word);
  return stem.length > 0 ? dropFleetingVowel(keepNounStem(word, stem)) : word;
}

// Snowball reads "-н", "-на", "-ена" as verb endings: "экран"/"экрана" → "экра" but "экрану" → "экран", "замена" → "зам"
// but "замену" → "замен". Keeping the "н" gives one stem for every case of such nouns (a participle's forms stay together).
const VERB_N_TAILS: ReadonlySet<string> = new Set(['н', 'на', 'но', 'ны', 'нно', 'ен', 'ена', 'ено', 'ены']);

function keepNounStem(word: string, stem: string): string {
  const tail = word.slice(stem.length);
  // No stem ends in a hard sign: "объём" is "объем" as "объёма" is, not the verb "объ|ем" Snowball reads.
  if (stem.endsWith('ъ') && word.startsWith(stem)) return word.slice(0, stem.length + 2);
  if (!word.startsWith(stem) || !VERB_N_TAILS.has(tail)) return stem;
  return stem + (tail.startsWith('е') ? 'ен' : 'н');
}

/** "отдушек"/"отдушка", "коробок"/"коробка", "продавец"/"продавца": the vowel that comes and goes is dropped from every stem. */
function dropFleetingVowel(stem: string): string {
  return stem.length >= 5 ? stem.replace(/([бвгджзклмнпрстфхцчшщ])[ео]([кц])$/u, '$1$2') : stem;
}

/** Distinct, in order of first appearance. */
export function extractTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of tokenizeWords(normalizeText(text))) {
    const term = termOf(word);
    if (term !== undefined) terms.add(term);
  }
  return [...terms];
}

/** Every term in order, repeats kept: where words stand beside each other. */
export function listTermSequence(text: string): string[] {
  return listTermWords(text).map(({ term }) => term);
}

/** Every term with the word it was read from ("возите" for "воз"): a brand is recognised by its whole spelling. */
export function listTermWords(text: string): Array<{ term: string; word: string }> {
  const pairs: Array<{ term: string; word: string }> = [];
  for (const word of tokenizeWords(normalizeText(text))) {
    const term = termOf(word);
    if (term !== undefined) pairs.push({ term, word });
  }
  return pairs;
}
