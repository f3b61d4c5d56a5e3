/**
 * A buyer writing from one listing may ask about another product ("а cfna на поло какой пробег и компрессия?" from a G4FC
 * engine's chat): a model or brand the shop names elsewhere (its price list) and the listing never names. The listing's own
 * passages state facts of the listing's product ("Компрессия: 13,5 …"), not of that one; only a passage naming it answers.
 */
import type { KnowledgeQuery } from '../../core/ports.js';
import type { Passage } from './passages.js';
import { readWholeText } from './passages.js';
import type { PassageHit } from './search.js';
import { LATIN_NAME } from './terms.js';

interface ProductIndex {
  passages: readonly Passage[];
  termsOf: (text: string) => string[];
  knows: (term: string) => boolean;
  resolveText: (text: string) => string[];
}

/** Another product a sentence names, and a bare word in the clause right after the one naming it ("…пробег и компрессия?"). */
export interface OtherProduct {
  names: readonly string[];
  next?: string;
}

/** Per sentence, Latin names it asks that the shop knows and the listing (its title and documents) never names. */
export function findOtherProducts(index: ProductIndex, query: KnowledgeQuery): OtherProduct[] {
  const listing = query.listing;
  const question = typeof query.question === 'string' ? query.question : '';
  if (listing === undefined) return [];
  const own = index.passages.filter((passage) => passage.itemId === listing.id);
  if (own.length === 0) return [];
  let named: ReadonlySet<string> | undefined;
  const products: OtherProduct[] = [];
  for (const sentence of question.split(/[?!.\n]+/u)) {
    const terms = index.resolveText(sentence);
    const names = terms.filter((term) => LATIN_NAME.test(term) && index.knows(term));
    if (names.length === 0) continue;
    named ??= new Set(index.termsOf([listing.title ?? '', ...own.map(readWholeText)].join('\n')));
    const others = names.filter((term) => !named?.has(term));
    if (others.length === 0) continue;
    const clauses = sentence.split(/\s+и\s+|,/u).map((clause) => index.resolveText(clause));
    const at = clauses.findIndex((clause) => clause.some((term) => others.includes(term)));
    const [next, ...more] = clauses[at + 1] ?? [];
    products.push({ names: others, ...(next !== undefined && more.length === 0 ? { next } : {}) });
  }
  return products;
}

/** False for a listing's own passage answering a part of a sentence about another product, where it does not name it. */
export function answersForProduct(products: readonly OtherProduct[], terms: readonly string[], hit: Pick<PassageHit, 'passage' | 'matched'>, listingId: number | undefined): boolean {
  if (hit.passage.itemId === undefined || hit.passage.itemId !== listingId) return true;
  // A part naming the product, or the bare word joined to its clause; anything further may be another question typed on.
  const isAsked = (product: OtherProduct): boolean => terms.some((term) => product.names.includes(term)) || (terms.length === 1 && terms[0] === product.next);
  return products.every((product) => !isAsked(product) || product.names.some((term) => hit.matched.includes(term)));
}
