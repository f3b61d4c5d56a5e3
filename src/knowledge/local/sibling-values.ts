/**
 * A value of a closed series the buyer names ("длина худи на размере L") is answered only where the passage states that
 * value: "длина худи 70 см на размере M" states a sibling of it, and says nothing of L. The series here are clothing
 * sizes, XXS to 4XL; a range ("S-XL") states every size within it, and a pair ("S/M") is a value of its own.
 */
import type { Passage } from './passages.js';
import type { PassageHit } from './search.js';
import { CITY_TERMS } from './vocabulary.js';

const SIZE_ORDER = ['xxs', 'xs', 's', 'm', 'l', 'xl', 'xxl', 'xxxl', 'xxxxl'];
const SIZE = String.raw`(?:[2-4]xl|x{0,4}l|x{0,2}s|m)`;
/** Latin letters standing alone: inside a Russian text a lone "L" or "XL" is a size, not a word ("M.2" is a slot). */
const SIZE_RANGE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${SIZE})(?:\s*[-–—]\s*(${SIZE}))?(?![\p{L}\p{N}]|\.\p{N})`, 'giu');

interface SizeRange {
  from: number;
  to: number;
}

/** The sizes a question names, as positions in the series; a range the buyer types ("S-M") asks nothing one. */
export function readAskedSizes(question: string): number[] {
  return readSizes(question)
    .filter((size) => size.from === size.to)
    .map((size) => size.from);
}

/** False when the passage states sizes of the series but none of `asked`; a passage stating no size is left to coverage. */
export function statesAskedSize(passage: Passage, asked: readonly number[]): boolean {
  if (asked.length === 0) return true;
  const stated = readPassageSizes(passage);
  return stated.length === 0 || asked.some((size) => stated.some((range) => size >= range.from && size <= range.to));
}

/** A strap's or a garment's paired sizes ("S/M", "M/L") are values of their own, not the two sizes in them. */
const PAIRED = '(?:x{0,3}s|m|x{0,3}l|[2-5]xl)';
/** Two letter sizes joined by a slash, standing apart from other letters and digits. */
const SIZE_PAIR = new RegExp(`(?<![\\p{L}\\p{N}])${PAIRED}\\s?/\\s?${PAIRED}(?![\\p{L}\\p{N}])`, 'giu');

/** The paired letter sizes a text names ("s/m"), lower-cased, without spaces. */
export function readSizePairs(text: string): Set<string> {
  return new Set([...text.toLowerCase().matchAll(SIZE_PAIR)].map((match) => match[0].replace(/\s/gu, '')));
}

/**
 * "ремешок s/m к ним продаете?" is not answered by "Ремешок силиконовый, родной, размер M/L": a passage stating paired
 * sizes, none of them asked, is about another size; one stating none is left to the other checks.
 */
export function statesAskedSizePair(passage: Pick<Passage, 'text'>, asked: ReadonlySet<string>): boolean {
  if (asked.size === 0) return true;
  const stated = readSizePairs(passage.text);
  return stated.size === 0 || [...asked].some((pair) => stated.has(pair));
}

function rankSize(size: string): number {
  const spelt = size.toLowerCase().replace(/^([2-4])xl$/u, (_, count: string) => `${'x'.repeat(Number(count))}l`);
  return SIZE_ORDER.indexOf(spelt);
}

function readSizes(text: string): SizeRange[] {
  const sizes: SizeRange[] = [];
  for (const match of text.matchAll(SIZE_RANGE)) {
    const from = rankSize(match[1] ?? '');
    const to = match[2] === undefined ? from : rankSize(match[2]);
    if (from >= 0 && to >= 0) sizes.push({ from: Math.min(from, to), to: Math.max(from, to) });
  }
  return sizes;
}

// Passages are fixed once indexed: their sizes are read once.
const sizeCache = new WeakMap<Passage, SizeRange[]>();

function readPassageSizes(passage: Passage): SizeRange[] {
  let sizes = sizeCache.get(passage);
  if (sizes === undefined) {
    sizes = readSizes(`${passage.headings.join('\n')}\n${passage.text}`);
    sizeCache.set(passage, sizes);
  }
  return sizes;
}

/**
 * Cities are a series too: "сдэк до новосиба скока дней" is not answered by "до Москвы — 2–3 дня, до Екатеринбурга — 4–5
 * дней", nor "сборка в зеленодольске" by "по Казани сборка 800 р.". A passage naming other places and neither the buyer's
 * nor the whole country ("по всей России", which the search counts as the city) states the fact for them only; one naming
 * no place is left to coverage. Places are the cities of vocabulary.ts and the towns the shop's documents list
 * ("Пригороды (Зеленодольск, Высокая Гора, Лаишево)").
 */
export function statesAskedCity(
  terms: readonly string[],
  hit: Pick<PassageHit, 'passage' | 'matched'>,
  termsOf: (text: string) => string[],
  towns: ReadonlySet<string> = new Set(),
): boolean {
  const isPlace = (term: string): boolean => CITY_TERMS.has(term) || towns.has(term);
  const asked = terms.filter(isPlace);
  if (asked.length === 0 || asked.some((term) => hit.matched.includes(term))) return true;
  const { passage } = hit;
  return !termsOf(`${passage.headings.join('\n')}\n${passage.text}`).some(isPlace);
}

/** A capitalised word between commas or brackets: a member of a list of towns ("Академгородок, Бердск, Кольцово"). */
const LISTED_TOWN = /(?<=[(,]\s*)([А-ЯЁ][а-яё]{3,})(?=\s*[,)])/gu;
const townCache = new WeakMap<readonly Passage[], ReadonlySet<string>>();

/** The towns the documents list, read once per index: Бердск is a place only where a shop names it among places. */
export function listDocumentedTowns(passages: readonly Passage[], termsOf: (text: string) => string[]): ReadonlySet<string> {
  let towns = townCache.get(passages);
  if (towns === undefined) {
    const found = new Set<string>();
    for (const passage of passages) {
      const listed = [...passage.text.matchAll(LISTED_TOWN)];
      // One capitalised word between commas is a name in a sentence; a list of places has several.
      if (listed.length < 2) continue;
      for (const match of listed) for (const term of termsOf(match[1] ?? '')) found.add(term);
    }
    towns = found;
    townCache.set(passages, towns);
  }
  return towns;
}
