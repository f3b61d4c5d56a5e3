/**
 * A strap or a garment sold in paired sizes ("S/M", "M/L") is answered for the size asked only by a passage stating that
 * pair: "Ремешок силиконовый, родной, размер M/L" says nothing of an S/M strap, though it covers "ремешок".
 */
import type { PassageHit } from './search.js';

const SIZE = '(?:x{0,3}s|m|x{0,3}l|[2-5]xl)';
/** "s/m", "M/L", "l/xl": two letter sizes joined by a slash, standing apart from other letters and digits. */
const SIZE_PAIR = new RegExp(`(?<![\\p{L}\\p{N}])${SIZE}\\s?/\\s?${SIZE}(?![\\p{L}\\p{N}])`, 'giu');

function listSizePairs(text: string): Set<string> {
  return new Set([...text.toLowerCase().matchAll(SIZE_PAIR)].map((match) => match[0].replace(/\s/gu, '')));
}

/** The paired letter sizes the question names. */
export function findAskedSizePairs(question: string): Set<string> {
  return listSizePairs(question);
}

/** False when the question names a paired size and the passage states only other pairs: it is about another size. */
export function statesAskedSize(asked: ReadonlySet<string>, hit: Pick<PassageHit, 'passage'>): boolean {
  if (asked.size === 0) return true;
  const stated = listSizePairs(hit.passage.text);
  return stated.size === 0 || [...asked].some((pair) => stated.has(pair));
}
