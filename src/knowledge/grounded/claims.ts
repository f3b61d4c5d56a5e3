/**
 * What an answer claims, read against the passages it cites. Each check is general: a name or code quoted exactly, a
 * number with its unit and its subject, every content word in the passages, a negation where the passages have one,
 * and a "да" only to what the passages hold. Each returns why the answer may not reach the buyer, or undefined.
 */
import type { RetrievedPassage } from '../../core/ports.js';
import { blankNumberWords, readNumberFacts, type NumberFact } from './numbers.js';

export interface ClaimContext {
  cited: readonly RetrievedPassage[];
  termsOf: (text: string) => string[];
  question: string;
  /** The listing's title, which the model saw. */
  listingTitle?: string;
}

/** Terms that share this many first letters are one word in two forms ("доставляем", "доставка"). */
const STEM_PREFIX = 5;
/** Politeness carries no fact: "Здравствуйте! Будем рады помочь, обращайтесь". */
const COURTESY = 'здравствуйте добрый день вечер утро спасибо благодарим интерес будем рады рад помочь подсказать пожалуйста обращайтесь ждём ждем ваш заказ вопрос уточнить хорошего дня всего доброго';
/**
 * Words that link a fact without stating one ("занимает 1–2 дня", "вернуть можно", "к сожалению"): an answer may
 * use them though the passages word it otherwise.
 */
const CONNECTIVES = 'занимает составляет является действует пользоваться использовать распространяется предоставляется входит включает остаётся получится можно нужно необходимо сожалению указано предусмотрено возможно звоните пишите утра вечера ночи';
/** Words of price and count: they name no subject a number belongs to. */
const GENERIC = 'цена стоимость стоит рублей руб штук шт процентов';
/** Words that hold a fact though search treats them as noise: a promise of time, a certainty. */
const FACT_WORDS = /^(?:сегодня|завтра|послезавтра|сейчас|сразу|срочно|немедленно|всегда|гарантированно)$/;
const NEGATORS = /^(?:не|нет|ни|нельзя|без|отсутствует|невозможно)$/;
/** A negation after its word: "рассрочки нет", "оплатить нельзя". */
const TRAILING_NEGATORS = /^(?:нет|нельзя|отсутствует|невозможно)$/;
const YES_OR_NO = /^\s*(?:да|нет|конечно|разумеется|есть|нету|безусловно)(?![а-яё])/i;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const LATIN_OR_CODE = /[a-z]/i;

/** Latin letters that look Cyrillic, inside a Cyrillic word ("Кaзань" with a Latin а), read as the Cyrillic ones. */
const LOOKALIKES: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', A: 'А', E: 'Е', O: 'О', P: 'Р', C: 'С', X: 'Х', K: 'К', M: 'М', T: 'Т', H: 'Н', B: 'В', Y: 'У' };

/** NFKC (full-width digits, ligatures), then look-alike letters folded in words that are Cyrillic otherwise. */
export function normaliseAnswer(text: string): string {
  return text.normalize('NFKC').replace(/[\p{L}]+/gu, (word) => (/[а-яё]/i.test(word) && /[a-z]/i.test(word) ? word.replace(/[a-z]/gi, (char) => LOOKALIKES[char] ?? char) : word));
}

/** The first claim of `answer` the cited passages do not hold, as a reason; undefined when every claim stands. */
export function findUnsupportedClaim(answer: string, context: ClaimContext): string | undefined {
  const grounds = groundsOf(context);
  if (isBare(answer, context, grounds)) return 'the answer states nothing a passage holds (a bare yes or no)';
  // Whole sentences quoted from a cited passage are its facts as written: only the rest is read.
  const own = splitSentences(answer)
    .filter((sentence) => !isQuoted(sentence, grounds))
    .join('\n');
  return (
    checkQuoted(own, grounds) ??
    checkNumbers(own, context, grounds) ??
    checkFactWords(own, grounds) ??
    checkTerms(own, context, grounds) ??
    checkPolarity(own, context, grounds) ??
    checkYesOrNo(answer, context, grounds)
  );
}

/** A bare "Да." or "Есть!" says yes to whatever was asked, standing on nothing the passages say. */
function isBare(answer: string, context: ClaimContext, grounds: Grounds): boolean {
  return contentTerms(answer, context, grounds).length === 0 && readNumberFacts(answer).length === 0 && !LATIN_OR_CODE.test(answer);
}

/** A line break in `quotable`: a sentence boundary that a model joining the lines writes as a space. */
const LINE = '\uE000';

/** The sentence stands in a cited passage from one sentence boundary (or line) to another (markup, case and line breaks aside). */
function isQuoted(sentence: string, grounds: Grounds): boolean {
  const quote = foldQuote(sentence).replace(/\n/g, ' ').replace(/[.!?…;]+$/, '');
  if (quote.length < 8) return false;
  const marked = grounds.quotable;
  const flat = marked.replaceAll(LINE, ' ');
  for (let at = flat.indexOf(quote); at !== -1; at = flat.indexOf(quote, at + 1)) {
    const before = marked.slice(Math.max(0, at - 2), at);
    const after = marked.charAt(at + quote.length);
    const starts = at === 0 || before.endsWith(LINE) || /[.!?;:] ?$/.test(before) || before.endsWith(`${LINE} `);
    if (starts && (after === '' || after === LINE || /[.!?;…]/.test(after))) return true;
  }
  return false;
}

function foldQuote(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[*_#•«»"]/g, '')
    .replace(/[ \t\u00a0\u202f]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

interface Grounds {
  /** The cited passages' texts with their headings, and the listing title, lower case. */
  lower: string;
  terms: Set<string>;
  facts: NumberFact[];
  /** Each sentence of the cited passages with the numbers it states, read once. */
  sentences: Array<{ text: string; heading: string; passage: string; facts: NumberFact[] }>;
  /** The cited passages as quotes are compared with them (foldQuote), one per line. */
  quotable: string;
  courtesy: Set<string>;
  generic: Set<string>;
}

function groundsOf(context: ClaimContext): Grounds {
  const parts = context.cited.map((passage) => `${passage.heading ?? ''}\n${passage.text}`);
  if (context.listingTitle) parts.push(context.listingTitle);
  const text = parts.join('\n');
  const sentences = context.cited.flatMap((passage) =>
    splitSentences(passage.text).map((sentence) => ({ text: sentence, heading: passage.heading ?? '', passage: passage.text, facts: readNumberFacts(sentence) })),
  );
  return {
    lower: text.toLowerCase().replace(/ё/g, 'е'),
    terms: new Set(context.termsOf(text)),
    facts: readNumberFacts(text),
    sentences,
    quotable: context.cited.map((passage) => foldQuote(passage.text).replace(/ ?\n ?/g, LINE)).join(LINE),
    courtesy: new Set(context.termsOf(`${COURTESY} ${CONNECTIVES}`)),
    generic: new Set(context.termsOf(GENERIC)),
  };
}

/** Names, models and codes in Latin letters or mixed with digits ("Philips", "XXIV", "1OOO", "8k") are quoted, never made. */
function checkQuoted(answer: string, grounds: Grounds): string | undefined {
  for (const [word] of answer.matchAll(WORD)) {
    if (!LATIN_OR_CODE.test(word)) continue;
    if (!grounds.lower.includes(word.toLowerCase())) return `the answer says "${word}", which no cited passage holds as written`;
  }
  return undefined;
}

/** Every number stands in a cited passage with the same unit (or none), in a sentence about the same thing. */
function checkNumbers(answer: string, context: ClaimContext, grounds: Grounds): string | undefined {
  for (const sentence of splitSentences(answer)) {
    const subject = subjectOf(sentence, context, grounds);
    for (const fact of readNumberFacts(sentence)) {
      const stated = grounds.facts.some((known) => sameFact(known, fact));
      if (!stated) return `the answer states ${describeFact(fact)}, which no cited passage states`;
      const belongs = grounds.sentences.some((passage) => passage.facts.some((known) => sameFact(known, fact)) && sharesSubject(passage, subject, context, grounds));
      if (!belongs) return `the answer gives ${describeFact(fact)} to ${subject.length > 0 ? subject.join(', ') : 'something'}, which the passage that states it is not about`;
    }
  }
  return undefined;
}

function sameFact(known: NumberFact, fact: NumberFact): boolean {
  return known.value === fact.value && (known.unit === undefined || fact.unit === undefined || known.unit === fact.unit);
}

function describeFact(fact: NumberFact): string {
  return fact.unit ? `${fact.value} (${fact.unit})` : fact.value;
}

/** What an answer's sentence is about: its content words, or the question's when it names none ("12 месяцев."). */
function subjectOf(sentence: string, context: ClaimContext, grounds: Grounds): string[] {
  const own = contentTerms(sentence, context, grounds);
  return own.length > 0 ? own : contentTerms(context.question, context, grounds);
}

/** A passage sentence is about the subject when it shares a word with it; one that names only a price ("Цена: 72 000 ₽") is about its section. */
function sharesSubject(passage: { text: string; heading: string; passage: string }, subject: readonly string[], context: ClaimContext, grounds: Grounds): boolean {
  if (subject.length === 0) return true;
  const own = contentTerms(passage.text, context, grounds);
  const about = own.length > 0 ? own : contentTerms(`${passage.heading}\n${passage.passage}`, context, grounds);
  const known = new Set(about);
  return subject.some((term) => isSupported(term, known));
}

/** "Отправим сегодня", "сразу": a promise of time the passages do not make. */
function checkFactWords(answer: string, grounds: Grounds): string | undefined {
  for (const [word] of answer.toLowerCase().matchAll(WORD)) {
    if (FACT_WORDS.test(word) && !new RegExp(`(?:^|[^\\p{L}])${word}(?:$|[^\\p{L}])`, 'u').test(grounds.lower)) return `the answer promises "${word}", which no cited passage does`;
  }
  return undefined;
}

/** Every content word of every sentence stands in the cited passages; a word of the question they lack is a "yes" they never said. */
function checkTerms(answer: string, context: ClaimContext, grounds: Grounds): string | undefined {
  const asked = new Set(context.termsOf(context.question));
  for (const sentence of splitSentences(answer)) {
    for (const term of contentTerms(sentence, context, grounds)) {
      if (isSupported(term, grounds.terms)) continue;
      if (asked.has(term)) return `the answer says "${term}" from the question, which no cited passage holds`;
      return `the answer says "${term}", which no cited passage holds`;
    }
  }
  return undefined;
}

/** "Возврат не принимаем" over "возврат принимаем", "рассрочка есть" over "рассрочки нет": the passage's word, the opposite fact. */
function checkPolarity(answer: string, context: ClaimContext, grounds: Grounds): string | undefined {
  const claimed = readPolarities(answer, context);
  const stated = new Map<string, Set<boolean>>();
  for (const sentence of grounds.sentences) {
    for (const [term, negated] of readPolarities(sentence.text, context)) {
      const seen = stated.get(term) ?? new Set<boolean>();
      seen.add(negated);
      stated.set(term, seen);
    }
  }
  for (const [term, negated] of claimed) {
    const seen = stated.get(term) ?? [...stated].find(([known]) => sharePrefix(known, term))?.[1];
    if (seen && !seen.has(negated)) return `the answer says "${term}" is ${negated ? 'not so' : 'so'}, where the cited passage says the opposite`;
  }
  return undefined;
}

/** Each content word with whether a negation governs it: "не" just before, or "нет" / "нельзя" just after, within the clause. */
function readPolarities(text: string, context: ClaimContext): Array<[string, boolean]> {
  const found: Array<[string, boolean]> = [];
  for (const clause of text.toLowerCase().replace(/ё/g, 'е').split(/[,.;:!?()\n—–-]+/)) {
    const words = clause.match(WORD) ?? [];
    for (const [position, word] of words.entries()) {
      if (NEGATORS.test(word)) continue;
      const terms = context.termsOf(word);
      if (terms.length === 0) continue;
      const before = words.slice(Math.max(0, position - 2), position).some((other) => NEGATORS.test(other));
      const after = words.slice(position + 1, position + 4).some((other) => TRAILING_NEGATORS.test(other));
      for (const term of terms) found.push([term, before || after]);
    }
  }
  return found;
}

/** "Да, …" agrees to the whole question: each thing it asks about must stand in the passages ("Доставка бесплатная?"). */
function checkYesOrNo(answer: string, context: ClaimContext, grounds: Grounds): string | undefined {
  if (!YES_OR_NO.test(answer)) return undefined;
  const missing = contentTerms(context.question, context, grounds).find((term) => !isSupported(term, grounds.terms));
  return missing === undefined ? undefined : `the answer agrees to "${missing}" from the question, which no cited passage holds`;
}

function contentTerms(text: string, context: ClaimContext, grounds: Grounds): string[] {
  return context.termsOf(blankNumberWords(text)).filter((term) => !/^\d/.test(term) && !grounds.courtesy.has(term) && !grounds.generic.has(term));
}

function isSupported(term: string, support: ReadonlySet<string>): boolean {
  if (support.has(term)) return true;
  for (const known of support) if (sharePrefix(known, term)) return true;
  return false;
}

function sharePrefix(a: string, b: string): boolean {
  return a.length >= STEM_PREFIX && b.length >= STEM_PREFIX && a.slice(0, STEM_PREFIX) === b.slice(0, STEM_PREFIX);
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
