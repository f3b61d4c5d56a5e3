/**
 * A model the buyer names from the listing's title ("стекло на с23 есть?" in a Galaxy S23 chat) picks the rows of a general
 * document that name it: a price-list row "Защитное стекло …; Совместимость: Samsung Galaxy S23" is about that glass even
 * though it opens with another word. One asked word with the model beside it is two terms found together.
 */
import type { PassageHit } from './search.js';

// A model code mixes letters and digits ("s23", "xv50"); a brand word alone ("toner", "varta") names a whole range.
const MODEL_CODE = /^(?=[a-z0-9]*[a-z])(?=[a-z0-9]*\d)[a-z0-9]{3,}$/;

/** Whether the passage matches an asked word and names a model code the buyer typed from the listing's title. */
export function namesAskedModel(hit: PassageHit, naming: readonly string[], termsOf: (text: string) => string[]): boolean {
  if (hit.matched.length === 0) return false;
  const models = naming.filter((term) => MODEL_CODE.test(term));
  if (models.length === 0) return false;
  return termsOf(hit.passage.text).some((term) => models.includes(term));
}
