/**
 * The buyer's words no document of the shop uses ("шпона", "рассрочку"): the commonest reason a question finds nothing,
 * and one only the seller can close, by writing the fact down in those words. A NOT_FOUND answer names them.
 */
import type { LocalAnswer, QueryPart } from './answer.js';
import type { PassageIndex } from './search.js';
import { normalizeText, splitWords } from './terms.js';

/** `answer` with the question's unknown words, where it has any. */
export function addUnknownWords(answer: LocalAnswer, index: Pick<PassageIndex, 'findUnknownWords'>, question: unknown, parts: readonly QueryPart[]): LocalAnswer {
  const words = listUnknownWords(index, question, parts);
  return words.length === 0 ? answer : { ...answer, unknownWords: words };
}

/**
 * Words whose terms the engine searched (`parts`: not the listing's own name, not a refusal it dropped) and no passage
 * holds, one per term, as the buyer typed them (in lower case), in the question's order.
 */
export function listUnknownWords(index: Pick<PassageIndex, 'findUnknownWords'>, question: unknown, parts: readonly QueryPart[]): string[] {
  if (typeof question !== 'string') return [];
  const searched = new Set(parts.flatMap((part) => [...part.terms, ...(part.clauses ?? []).flatMap((clause) => clause.terms)]));
  // Words the reading adds ("цена" for "стоит", a series' number) were never typed: the seller would not find them in the question.
  const typed = new Set(splitWords(normalizeText(question)));
  // The reading folds ё into е; the seller is shown "ёлку" as the buyer wrote it.
  const spelt = new Map(splitWords(question.normalize('NFKC').toLowerCase()).map((word) => [word.replaceAll('ё', 'е'), word]));
  const seen = new Set<string>();
  const words: string[] = [];
  for (const { term, word } of index.findUnknownWords(question)) {
    if (!searched.has(term) || !typed.has(word) || seen.has(term)) continue;
    seen.add(term);
    words.push(spelt.get(word) ?? word);
  }
  return words;
}
