/**
 * A message naming the listing's brand once asks each of its questions about it: "кофта флисовая коламбия почем и где
 * сшита" asks where the Columbia fleece is made, so the price list's Columbia row answers "где сшита", not the first row
 * stating a country.
 */
import { LATIN_NAME } from './terms.js';

interface NamedPart {
  terms: string[];
  naming: string[];
  clauses?: NamedPart[];
}

/**
 * Parts naming nothing of the listing rank by the one Latin-spelled name of it the message holds (`named`: the listing's
 * title words the message holds; a brand, or a product the documents spell in Latin). Model codes ("r16", "d500") and two
 * names ("r16 … 17х") pick products within a listing: they are left alone.
 */
export function shareNamedBrand<Part extends NamedPart>(parts: readonly Part[], named: readonly string[]): Part[] {
  const [brand, ...others] = new Set(named.filter((term) => LATIN_NAME.test(term)));
  if (brand === undefined || others.length > 0 || /\d/u.test(brand)) return [...parts];
  const share = <Shared extends NamedPart>(part: Shared): Shared =>
    part.naming.length > 0 || part.terms.includes(brand) ? part : { ...part, naming: [brand] };
  return parts.map((part) => ({ ...share(part), ...(part.clauses === undefined ? {} : { clauses: part.clauses.map(share) }) }));
}
