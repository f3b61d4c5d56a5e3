/** MiniSearch (BM25) over passages with the engine's own terms: BM25 ranks, the coverage of the query decides. */
import MiniSearch from 'minisearch';
import { CITY_TERMS, NATIONWIDE, WEAK_TERMS, findQuestionReading } from './vocabulary.js';
import { createClippedFinder } from './clipped-words.js';
import { asksListingStatus } from './listing-status.js';
import { dropStatedMeasures, isMeasureTerm } from './measures.js';
import type { Passage } from './passages.js';
import { createRootFamilies } from './root-families.js';
import type { RootFamilies } from './root-families.js';
import { createTermResolver, findTransliterations } from './term-resolver.js';
import { findCompoundTail } from './compound-words.js';
import { UNIT_TERMS, WEEKDAY_TERMS } from './units.js';
import { listSameDimension } from './unit-dimensions.js';
import { extractTerms, isSize, listTermSequence, SIZE_TERM, listTermWords, normalizeText, termOf, tokenizeWords } from './terms.js';

export interface PassageIndex {
  passages: readonly Passage[];
  /** A text's distinct terms as the index reads them (a brand's Cyrillic spelling read as its Latin one). */
  termsOf(text: string): string[];
  /** Whether any passage holds the term. */
  knows(term: string): boolean;
  /** A question's distinct terms, each as the index knows it (see term-resolver.ts). */
  resolveText(text: string): string[];
  /**
   * The words of a text, read as resolveText reads them, whose terms no passage holds, nor under another prefix or unit
   * of their dimension (what search would match instead); in order, repeats kept. Numbers, weak terms and cities are
   * never missing; a verb resolveText drops once the text's other words are known is left out while any of those is missing.
   */
  findUnknownWords(text: string): Array<{ term: string; word: string }>;
  /** `ranking`: terms that add to a passage's coverage where it holds them, and never count as missing. */
  search(terms: readonly string[], filter: (passage: Passage) => boolean, ranking?: readonly string[], options?: SearchOptions): PassageHit[];
}

export interface SearchOptions {
  /** A listing's own documents answer "в Москву отправите?" whatever the city ("Авито Доставкой не отправляю"). */
  citiesWeak?: boolean;
}

export interface PassageHit {
  passage: Passage;
  /** BM25: orders passages that cover the query equally. */
  score: number;
  matched: string[];
  /** Weighted share (0..1) of the query's terms found, ranking terms held adding to it: what the threshold is compared with. */
  coverage: number;
  /** The same share without the ranking terms: how well the passage covers what was asked. */
  asked: number;
}

/** The hits with `first` moved to their head, the rest in their order: how every preference re-ranks (a copy). */
export function moveFirst(hits: readonly PassageHit[], first: PassageHit | undefined): PassageHit[] {
  return first === undefined ? [...hits] : [first, ...hits.filter((hit) => hit !== first)];
}

/** A term as the index reads it, with the word it was read from. */
interface TermWord {
  term: string;
  word: string;
}

interface IndexedPassage {
  id: number;
  title: string;
  headings: string;
  text: string;
}

/** Passage ids must be their positions in `passages`. */
export function buildPassageIndex(passages: readonly Passage[]): PassageIndex {
  // A first pass learns the vocabulary, so a brand written both ways ("Camry", "Камри") is indexed as one term.
  const rawCounts = new Map<string, number>();
  const words = new Map<string, string>();
  // The second pass (MiniSearch) reads the same texts: their words are kept for it, then dropped.
  const tokens = new Map<string, string[]>();
  for (const passage of passages) {
    for (const text of [passage.title, passage.headings.join('\n'), passage.text]) {
      let read = tokens.get(text);
      if (read === undefined) {
        read = tokenizeWords(normalizeText(text));
        tokens.set(text, read);
      }
      for (const word of read) {
        const term = termOf(word);
        if (term === undefined) continue;
        rawCounts.set(term, (rawCounts.get(term) ?? 0) + 1);
        if (!words.has(term)) words.set(term, word);
      }
    }
  }
  const aliases = findTransliterations(rawCounts, words);
  const canonical = (term: string): string => aliases.get(term) ?? term;
  const counts = new Map<string, number>();
  for (const [term, count] of rawCounts) counts.set(canonical(term), (counts.get(canonical(term)) ?? 0) + count);
  // A document's "автокресло" is also the "кресло" its buyers ask about (see compound-words.ts).
  const tails = new Map<string, string>();
  for (const term of counts.keys()) {
    const tail = findCompoundTail(term, (candidate) => counts.has(candidate) && !UNIT_TERMS.has(candidate) && !WEEKDAY_TERMS.has(candidate));
    if (tail !== undefined) tails.set(term, tail);
  }
  const withTail = (term: string): string[] => {
    const tail = tails.get(term);
    // A size states what "какого размера?", "габариты?" ask ("Коробка: 60×40×40 см"), as the documents' other sizes do
    // in words. Only what the index reads (passages, titles): a question's own size ("навес 4х6") asks a price or a fit.
    if (isSize(term)) return [term, SIZE_TERM];
    return tail === undefined ? [term] : [term, tail];
  };
  const termsOf = (text: string): string[] => [...new Set(extractTerms(text).flatMap((term) => withTail(canonical(term))))];
  // A clipped word ("замеш") is the start of a word as written: "бетономешалку" starts no "меша".
  const writtenTermsOf = (text: string): string[] => [...new Set(extractTerms(text).map(canonical))];

  const miniSearch = new MiniSearch<IndexedPassage>({
    fields: ['title', 'headings', 'text'],
    tokenize: (text) => tokens.get(text) ?? tokenizeWords(normalizeText(text)),
    processTerm: (word) => {
      const term = termOf(word);
      return term === undefined ? null : withTail(canonical(term));
    },
    searchOptions: {
      // The title is shared by the whole document; headings say what the passage is about.
      boost: { text: 2, headings: 1.5, title: 0.5 },
    },
  });
  miniSearch.addAll(
    passages.map((passage) => ({
      id: passage.id,
      title: passage.title,
      headings: passage.headings.join('\n'),
      text: passage.text,
    })),
  );
  tokens.clear();

  const resolver = createTermResolver(counts);
  const families = createRootFamilies(counts.keys());
  const sequences = new Map<number, string[]>();
  const listSequence = (text: string): string[] => listTermSequence(text).map(canonical);
  // "3 года" in "98 см: 2–3 года" holds the buyer's count; "3" in "не меньше 3 месяцев" does not hold "3 поддона".
  const holdsCount = (passage: Passage, quantity: string, counted: ReadonlyMap<string, string>): boolean => {
    let sequence = sequences.get(passage.id);
    if (sequence === undefined) {
      sequence = listSequence(passage.text);
      sequences.set(passage.id, sequence);
    }
    const counts = counted.get(quantity);
    return sequence.some((term, at) => term === quantity && (sequence[at + 1] === counts || sequence[at + 2] === counts));
  };
  const isKnown = (term: string): boolean => counts.has(term) || /^\p{N}/u.test(term) || WEAK_TERMS.has(term) || CITY_TERMS.has(term);
  const readText = (text: string): { read: TermWord[]; asked: TermWord[] } => {
    const read = dropStatedMeasures(listTermWords(text)).flatMap(({ term, word }) => {
      const reading = findQuestionReading(word);
      return (reading === undefined ? resolver.read(canonical(term), word) : [reading]).map((resolved) => ({ term: resolved, word }));
    });
    // A city is never a verb, whatever its ending: "в Сургут отправите?" asks of Surgut ("-ут" as in "берут").
    const asked = read.filter(({ term, word }) => counts.has(term) || isMeasureTerm(term) || CITY_TERMS.has(term) || !VERB_FORM.test(word));
    return { read, asked };
  };
  return {
    passages,
    termsOf,
    knows: (term) => counts.has(term),
    resolveText: (text) => {
      const { read, asked } = readText(text);
      // Verbs the shop's documents never use ("ждать", "промокали") are how a buyer talks, seldom what is asked; they stay
      // where another word is unknown too ("клаву под заказ ждать?"): such a question is already far from the documents. A
      // measure's verb ("сколько весит худи") is what is asked: shops that never state a weight must not answer it.
      const keep = asked.length > 0 && asked.every(({ term }) => isKnown(term)) ? asked : read;
      // A size no document states ("дом 10 на 12", "навес 4х6") is the buyer's own: its numbers are read as before.
      return [...new Set(keep.map(({ term }) => term).filter((term) => !term.includes('×') || counts.has(term)))];
    },
    findUnknownWords: (text) => {
      const { read, asked } = readText(text);
      const isUnknown = ({ term }: { term: string }): boolean =>
        !isKnown(term) && families.siblingsOf(term).length === 0 && !listSameDimension(term).some((unit) => counts.has(unit));
      const unknown = asked.filter(isUnknown);
      return unknown.length > 0 ? unknown : read.filter(isUnknown);
    },
    search(terms, filter, ranking = [], options = {}) {
      // In a listing's own passages a city, or the country ("в другой город"), weighs as a circumstance: "Отправлю Авито
      // Доставкой" answers delivery to any of them.
      const weak = options.citiesWeak ? (term: string) => WEAK_TERMS.has(term) || CITY_TERMS.has(term) || term === NATIONWIDE : (term: string) => WEAK_TERMS.has(term);
      if (terms.length === 0) return [];
      // A city is also found where the document states its reach across Russia.
      const nationwide = terms.some((term) => CITY_TERMS.has(term)) ? [NATIONWIDE] : [];
      const run = (extra: readonly string[]): ReturnType<typeof miniSearch.search> =>
        miniSearch.search([...terms, ...ranking, ...nationwide, ...extra].join(' '), {
          combineWith: 'OR',
          // Terms arrive already processed: keep them as they are.
          tokenize: (query) => query.split(' '),
          processTerm: (term) => term,
          filter: (result) => {
            const passage = passages[result.id as number];
            return passage !== undefined && filter(passage);
          },
        });
      let results = run([]);
      const alike = findSiblingsInScope(terms, results, families);
      // A unit is held by a passage stating another of its dimension: "слой сантиметр" by "при слое 10 мм".
      for (const term of terms) {
        const units = listSameDimension(term);
        if (units.length > 0) alike.set(term, [...(alike.get(term) ?? []), ...units]);
      }
      if (alike.size > 0) results = run([...new Set([...alike.values()].flat())]);
      const counted = findCountedTerms(terms);
      const clipped = createClippedFinder(terms, { knows: (term) => counts.has(term), weak, termsOf: writtenTermsOf });
      const hits: PassageHit[] = [];
      for (const result of results) {
        const passage = passages[result.id as number];
        if (passage === undefined) continue;
        const holds = (term: string): boolean =>
          result.queryTerms.includes(term) ||
          (CITY_TERMS.has(term) && result.queryTerms.includes(NATIONWIDE)) ||
          (alike.get(term)?.some((sibling) => result.queryTerms.includes(sibling)) ?? false);
        const matched = terms.filter((term) => holds(term) && (!counted.has(term) || holdsCount(passage, term, counted)));
        matched.push(...findRatedAmounts(matched, counted, passage));
        if (clipped !== undefined) matched.push(...clipped(matched, passage));
        const alsoNamed = ranking.filter((term) => result.queryTerms.includes(term)).length;
        const coverage = measureCoverage(terms, matched, { bonus: alsoNamed, counted, weak });
        hits.push({ passage, score: result.score, matched, coverage, asked: measureCoverage(terms, matched, { counted, weak }) });
      }
      return hits.sort(compareHits);
    },
  };
}

/** Units of an area or a length a price is stated per: "160 руб/м²", "2 600 ₽ за пог. м". */
const RATED_UNITS: ReadonlySet<string> = new Set(['метр', 'м2', 'погон']);
const RATE = /(?:₽|руб\.?|р\.?)\s*(?:\/|за)\s*(?:1\s*)?(?:м²|м2|кв\.?\s*м|пог|метр|м(?![а-яё]))/iu;

/** Whether the passage states a price per `unit`, an area's or a length's. */
export function statesRate(passage: Pick<Passage, 'text'>, unit: string): boolean {
  return RATED_UNITS.has(unit) && RATE.test(passage.text);
}

/**
 * "новостройка после отделки 45м скок будет": the buyer's own area, priced by a passage stating a rate per that unit
 * ("после капитального ремонта — 200 руб/м²"). The rate answers for any amount: the number and its unit count as held.
 */
function findRatedAmounts(matched: readonly string[], counted: ReadonlyMap<string, string>, passage: Passage): string[] {
  const rated: string[] = [];
  // A counted number's unit is the query term after it (findCountedTerms).
  for (const [number, unit] of counted) {
    if (matched.includes(number) || !statesRate(passage, unit)) continue;
    rated.push(number, ...(matched.includes(unit) ? [] : [unit]));
  }
  return rated;
}

/** For terms no passage in scope holds, the same root under another prefix that passages hold (see root-families.ts). */
function findSiblingsInScope(terms: readonly string[], results: ReadonlyArray<{ queryTerms: string[] }>, families: RootFamilies): Map<string, string[]> {
  const alike = new Map<string, string[]>();
  for (const term of terms) {
    const siblings = families.siblingsOf(term);
    if (siblings.length > 0 && !results.some((result) => result.queryTerms.includes(term))) alike.set(term, siblings);
  }
  return alike;
}

/**
 * Endings of Russian verb forms: infinitive, present and past ("-ет" after a consonant is as often a noun: "вылет"; "-ость"
 * is always one: "теплопроводность", "жёсткость").
 */
export const VERB_FORM = /(?:(?<!ос)ть|ться|тся|[аеиоуыэюяжшщчь]ет|ют|ут|ит|ят|ешь|ишь|ете|ите|ал|ала|али|ил|ила|или|ался|алась|ались|ется|ются|ится|ятся)$/u;

/**
 * Small numbers followed by what they count ("3 года" → год): such a number is asked, and found only beside that word.
 * Availability counts nothing ("10 в наличии?", "8 штук есть?" read as "8 налич"): sellers state it apart from the number
 * ("в наличии 4 шт", "8 и 10 м делаем под заказ"), and the number stays the buyer's own.
 */
function findCountedTerms(terms: readonly string[]): Map<string, string> {
  const counted = new Map<string, string>();
  terms.forEach((term, at) => {
    const next = terms[at + 1];
    if (isQuantity(term) && next !== undefined && !isQuantity(next) && !asksListingStatus(next)) counted.set(term, next);
  });
  return counted;
}

/**
 * Weighted share of `terms` present in `matched`; attribute words ("размер", "цвет") weigh half. A small number is the
 * buyer's own quantity ("у меня 3 шт"), never evidence that a passage answers: it weighs half and is never found, unless
 * it counts the word after it (`counted`, see findCountedTerms).
 */
export function measureCoverage(
  terms: readonly string[],
  matched: readonly string[],
  { bonus = 0, counted = new Map<string, string>(), weak = (term: string) => WEAK_TERMS.has(term) }: { bonus?: number; counted?: ReadonlyMap<string, string>; weak?: (term: string) => boolean } = {},
): number {
  // Ranking terms the passage also holds (the listing's own words) make up for missing weak terms, never a missing strong one.
  const holdsStrong = terms.every((term) => (isQuantity(term) && !counted.has(term)) || weak(term) || matched.includes(term));
  const extra = holdsStrong ? bonus * 0.5 : 0;
  let total = extra;
  let found = extra;
  for (const term of terms) {
    const quantity = isQuantity(term) && !counted.has(term);
    const weight = quantity || weak(term) ? 0.5 : 1;
    total += weight;
    if (!quantity && matched.includes(term)) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

function isQuantity(term: string): boolean {
  return /^\p{N}{1,2}$/u.test(term);
}

function compareHits(a: PassageHit, b: PassageHit): number {
  return b.coverage - a.coverage || b.score - a.score || a.passage.position - b.passage.position;
}
