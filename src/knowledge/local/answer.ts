/**
 * Decides the local engine's answer from an index: which documents may answer (the cascade),
 * which parts the inquiry asks, whether any passage covers enough of a part (the threshold) and is
 * about it, and the extractive text. Pure: no disk, no clock.
 */
import type { KnowledgeAnswer, KnowledgeQuery } from '../../core/ports.js';
import type { Passage } from './passages.js';
import { splitSentences } from './passages.js';
import type { PassageHit, PassageIndex } from './search.js';
import { extractTerms } from './terms.js';
import { ATTRIBUTE_TERMS, WEAK_TERMS } from './vocabulary.js';

/** Share of the question's meaningful terms a passage must contain for a FOUND answer. */
export const DEFAULT_THRESHOLD = 0.6;
/** Avito caps a message at 1000 characters; the answer stays below it. */
export const MAX_ANSWER_LENGTH = 999;

/** A second passage joins the first only if it scores at least this share of the first's BM25 score. */
const SECOND_PASSAGE_SCORE_RATIO = 0.5;
/** A section the question names is quoted whole up to this length; longer ones are quoted by passage. */
const MAX_SECTION_LENGTH = 700;
/** Lists shorter than this are quoted whole. */
const FOCUS_MIN_ITEMS = 4;
const PIECE_SEPARATOR = '\n\n';

type Strategy = NonNullable<KnowledgeAnswer['strategy']>;

/** The answer without latency, which the caller measures. */
export type LocalAnswer = Omit<KnowledgeAnswer, 'latencyMs'>;

interface Scope {
  strategy: Strategy;
  filter: (passage: Passage) => boolean;
}

/** Quoted text, the document it comes from, and which documents answered its part. */
interface Piece {
  text: string;
  document: string;
  strategy: Strategy;
}

/**
 * How sure a passage must be about a term, not merely mention it: the term names the passage's
 * section, or is among the first `lead` terms of one of its sentences or of their parts cut at
 * `separators`.
 */
interface Aboutness {
  terms: readonly string[];
  lead: number;
  separators: RegExp;
}

/** "Label: value", "(note)" and ";" open a new statement in any document; commas only in a listing's. */
const STATEMENT_SEPARATORS = /[;:()]/;
const CLAUSE_SEPARATORS = /[,;:()]/;

/**
 * Answers a query from the index. With a listing: its own documents first (`item`), then general
 * ones (`cascaded`); without: general only (`general`). A listing's documents never answer for
 * another listing. An inquiry of several questions ("Какое давление и что входит в комплект?", or
 * several buyer messages joined by line breaks) is answered part by part, in the buyer's order.
 */
export function findAnswer(index: PassageIndex, query: KnowledgeQuery, threshold = DEFAULT_THRESHOLD): LocalAnswer {
  const listingId = query.listing?.id;
  const notFound: LocalAnswer = {
    status: 'NOT_FOUND',
    text: '',
    sources: [],
    engine: 'local',
    strategy: listingId === undefined ? 'general' : 'cascaded',
  };
  const parts = listQueryParts(index.passages, query);
  if (parts.length === 0) return notFound;

  const isGeneral = (passage: Passage): boolean => passage.itemId === undefined;
  const scopes: Scope[] =
    listingId === undefined
      ? [{ strategy: 'general', filter: isGeneral }]
      : [
          { strategy: 'item', filter: (passage) => passage.itemId === listingId },
          { strategy: 'cascaded', filter: isGeneral },
        ];

  // Parts nothing answers drop out: the buyer gets what the documents hold, the fallback only for nothing.
  const found = parts.flatMap((terms) => answerPart(index, terms, scopes, threshold));
  const pieces = fitPieces(dedupePieces(found), MAX_ANSWER_LENGTH);
  if (pieces.length === 0) return notFound;
  return {
    status: 'FOUND',
    text: pieces.map((piece) => piece.text).join(PIECE_SEPARATOR),
    sources: [...new Set(pieces.map((piece) => piece.document))],
    engine: 'local',
    strategy: listingId === undefined ? 'general' : pieces.every((piece) => piece.strategy === 'item') ? 'item' : 'cascaded',
  };
}

/**
 * Answers one part from the first scope that covers it; no pieces when none does. A listing's
 * answer that rests on a loose mention of one term waits for the later scopes (see {@link isLooseMatch}).
 */
function answerPart(index: PassageIndex, terms: string[], scopes: readonly Scope[], threshold: number): Piece[] {
  const strong = terms.filter((term) => !WEAK_TERMS.has(term));
  const attributesOnly = terms.every((term) => ATTRIBUTE_TERMS.has(term));
  let deferred: { hits: PassageHit[]; strategy: Strategy } | undefined;
  for (const scope of scopes) {
    const isItem = scope.strategy === 'item';
    // Attribute words alone ("габариты и вес?") ask about the listing; general documents that
    // happen to mention weights and sizes do not answer that.
    if (attributesOnly && !isItem) continue;
    const aboutness = chooseAboutness(terms, strong, isItem);
    const hits = index
      .search(terms, scope.filter)
      .filter((hit) => hit.coverage >= threshold && (aboutness === undefined || isAbout(hit.passage, aboutness)));
    const best = hits[0];
    if (best === undefined) continue;
    // A later scope replaces a loose match only when it covers the question at least as well.
    if (deferred !== undefined && best.coverage < (deferred.hits[0]?.coverage ?? 0)) break;
    if (isItem && isLooseMatch(hits)) {
      deferred = { hits, strategy: scope.strategy };
      continue;
    }
    return quoteHits(index.passages, hits, terms, threshold, scope.strategy);
  }
  return deferred === undefined ? [] : quoteHits(index.passages, deferred.hits, terms, threshold, deferred.strategy);
}

/**
 * Whether a listing's hits rest on one meaningful term that none of them states firmly: the term
 * names no section and is not among the first two terms of a statement, it only leads a clause ("Когда заряд заканчивается,
 * пылесос сам возвращается на станцию" for "Можно вернуть?"). Such a word often carries another
 * sense than the buyer's, so a general document that is about the term answers instead; the
 * listing's match stands when no general document does.
 */
function isLooseMatch(hits: readonly PassageHit[]): boolean {
  const [term, ...others] = new Set(hits.flatMap((hit) => hit.matched.filter((matched) => !WEAK_TERMS.has(matched))));
  if (term === undefined || others.length > 0) return false;
  const firmly: Aboutness = { terms: [term], lead: 2, separators: STATEMENT_SEPARATORS };
  return !hits.some((hit) => isAbout(hit.passage, firmly));
}

/**
 * With two or more meaningful terms, finding them together is the evidence. One term alone
 * ("Есть гарантия?") is matched by any passing mention ("для техники с гарантией передаём чек"),
 * so the passage must be about it. A listing's documents are all about the listing, so the term
 * may open any clause there; a general document covers many topics, so the term must name the
 * section or open a statement. An attribute ("Какие размеры?") must be stated as one: "Размеры: …".
 */
function chooseAboutness(terms: readonly string[], strong: readonly string[], isItem: boolean): Aboutness | undefined {
  if (strong.length === 0) return { terms, lead: 1, separators: CLAUSE_SEPARATORS };
  if (strong.length > 1) return undefined;
  return isItem
    ? { terms: strong, lead: 2, separators: CLAUSE_SEPARATORS }
    : { terms: strong, lead: 1, separators: STATEMENT_SEPARATORS };
}

function isAbout(passage: Passage, aboutness: Aboutness): boolean {
  // The nearest headings name the passage's topic; the document's title does only where none is closer
  // ("Возврат и обмен" over "## Возврат после самовывоза" says nothing about exchanges).
  const names = passage.headings.length > 0 ? passage.headings : [passage.title];
  const named = new Set(extractTerms(names.join('\n')));
  if (aboutness.terms.some((term) => named.has(term))) return true;
  const segments = passage.text
    .split('\n')
    .flatMap(splitSentences)
    .flatMap((sentence) => sentence.split(aboutness.separators));
  return segments.some((segment) => {
    const lead = extractTerms(segment).slice(0, aboutness.lead);
    return aboutness.terms.some((term) => lead.includes(term));
  });
}

/**
 * The terms each part of the query asks about, in the buyer's order, the listing's own name left
 * out (see {@link listQuestionTerms}): what answers and retrieval search for.
 */
export function listQueryParts(passages: readonly Passage[], query: KnowledgeQuery): string[][] {
  // Callers build queries from Avito JSON; a missing text must mean "nothing to answer", not a crash.
  const question = typeof query.question === 'string' ? query.question : '';
  return listQuestionTerms(question, identityTerms(passages, query));
}

/**
 * The question's parts as term lists, in the buyer's order: its lines, sentences, and clauses
 * joined by "и" / ", а" (see {@link splitQuestion}). Greetings and parts that only name the listing
 * drop out; a question made only of the listing's name is about the listing as a whole.
 */
function listQuestionTerms(question: string, identity: ReadonlySet<string>): string[][] {
  const lists = splitQuestion(question, identity)
    .map((part) => extractTerms(part))
    .filter((terms) => terms.length > 0);
  const asking = lists.filter((terms) => terms.some((term) => !identity.has(term)));
  const seen = new Set<string>();
  const parts: string[][] = [];
  for (const all of asking.length > 0 ? asking : lists.slice(0, 1)) {
    const rest = all.filter((term) => !identity.has(term));
    const terms = rest.length > 0 ? rest : all;
    const key = terms.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(terms);
  }
  return parts;
}

/**
 * Splits an inquiry into the questions it asks: at line breaks (buyers send bursts of messages),
 * after "?" and "!", at sentence ends, and at "и" / ", а" / ", и" between two clauses, but only
 * when each clause alone holds a meaningful term, so "Сколько стоит и есть ли доставка?" splits
 * and "Что и как?" does not. Words in `identity` (the listing's own name) do not count as meaningful.
 */
export function splitQuestion(question: string, identity: ReadonlySet<string> = new Set()): string[] {
  const isMeaningful = (text: string): boolean => extractTerms(text).some((term) => !identity.has(term));
  return question
    .split('\n')
    .flatMap((line) => line.split(/(?<=[?!…])\s*|(?<=\.)\s+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
    .flatMap((sentence) => {
      // The capture group keeps each joint, so an unsplit sentence is given back as written.
      const [first = '', ...rest] = sentence.split(/(\s+и\s+|,\s*(?:а|и)\s+)/iu);
      const clauses = [first];
      for (let at = 0; at + 1 < rest.length; at += 2) {
        const joint = rest[at] ?? '';
        const clause = rest[at + 1] ?? '';
        // A clause without a meaningful term belongs with its neighbour: it cannot be asked alone.
        if (isMeaningful(clause) && isMeaningful(clauses.at(-1) ?? '')) clauses.push(clause);
        else clauses[clauses.length - 1] = `${clauses.at(-1) ?? ''}${joint}${clause}`;
      }
      return clauses.map((clause) => clause.trim()).filter((clause) => clause !== '');
    });
}

/**
 * Words that name the listing itself ("кофемашина", "De'Longhi"): in a chat about that listing they
 * say nothing about what is asked, and general documents never contain them.
 */
function identityTerms(passages: readonly Passage[], query: KnowledgeQuery): ReadonlySet<string> {
  const listing = query.listing;
  if (listing === undefined) return new Set();
  const titles = new Set<string>(listing.title === undefined ? [] : [listing.title]);
  for (const passage of passages) if (passage.itemId === listing.id && passage.title !== '') titles.add(passage.title);
  return new Set([...titles].flatMap((title) => extractTerms(title)));
}

/**
 * The text that answers: the best passage, plus the next one from the same document when it also
 * answers. When the question names the best passage's section ("что входит в комплект?" under
 * "## Комплектация") and that section is short, the whole section stands for the passage: its
 * passages complete one another (the list, then "Фильтр не входит в комплект").
 */
function quoteHits(
  passages: readonly Passage[],
  hits: readonly PassageHit[],
  terms: readonly string[],
  threshold: number,
  strategy: Strategy,
): Piece[] {
  const chosen = choosePassages(hits, threshold);
  const best = hits[0]?.passage;
  const section = best === undefined ? undefined : findNamedSection(passages, best, terms);
  const sectionText = section?.map((passage) => passage.text).join(PIECE_SEPARATOR) ?? '';
  const quoteSection = section !== undefined && section.length > 1 && sectionText.length <= MAX_SECTION_LENGTH;
  const pieces: Array<Piece & { position: number }> = [];
  if (quoteSection) {
    pieces.push({ text: sectionText, document: section[0]?.document ?? '', strategy, position: section[0]?.position ?? 0 });
  }
  for (const passage of chosen) {
    if (quoteSection && section.includes(passage)) continue;
    pieces.push({ text: focusList(passage.text, terms), document: passage.document, strategy, position: passage.position });
  }
  return pieces.sort((a, b) => a.position - b.position).map(({ position: _position, ...piece }) => piece);
}

/**
 * The passages under the outermost heading of `passage` that the question names, or undefined.
 * Passages above the first heading have no section: a document's opening is not one topic.
 */
function findNamedSection(passages: readonly Passage[], passage: Passage, terms: readonly string[]): Passage[] | undefined {
  const wanted = new Set(terms);
  const depth = passage.headings.findIndex((heading) => extractTerms(heading).some((term) => wanted.has(term)));
  if (depth < 0) return undefined;
  const path = passage.headings.slice(0, depth + 1);
  const inSection = (id: number): boolean => {
    const other = passages[id];
    return other?.document === passage.document && path.every((heading, level) => other.headings[level] === heading);
  };
  // Passages of one document are contiguous and in order (ids are positions in the index).
  let first = passage.id;
  let last = passage.id;
  while (inSection(first - 1)) first -= 1;
  while (inSection(last + 1)) last += 1;
  return passages.slice(first, last + 1);
}

/** The best passage, plus the next one from the same document when it also answers and both fit. */
function choosePassages(hits: readonly PassageHit[], threshold: number): Passage[] {
  const [best, ...rest] = hits;
  if (best === undefined) return [];
  const second = rest.find(
    (hit) =>
      hit.passage.document === best.passage.document &&
      hit.coverage >= threshold &&
      hit.coverage >= best.coverage &&
      hit.score >= best.score * SECOND_PASSAGE_SCORE_RATIO &&
      best.passage.text.length + PIECE_SEPARATOR.length + hit.passage.text.length <= MAX_ANSWER_LENGTH,
  );
  const chosen = second === undefined ? [best.passage] : [best.passage, second.passage];
  return chosen.sort((a, b) => a.position - b.position);
}

/**
 * Drops a piece another piece already quotes (two parts answered by the same passage), keeping
 * the buyer's order; a piece that quotes earlier ones takes the place of the first of them.
 */
function dedupePieces(pieces: readonly Piece[]): Piece[] {
  const kept: Piece[] = [];
  for (const piece of pieces) {
    if (kept.some((other) => other.text.includes(piece.text))) continue;
    const covered = kept.findIndex((other) => piece.text.includes(other.text));
    if (covered < 0) {
      kept.push(piece);
      continue;
    }
    kept[covered] = piece;
    for (let at = kept.length - 1; at > covered; at -= 1) if (piece.text.includes(kept[at]?.text ?? '')) kept.splice(at, 1);
  }
  return kept;
}

/**
 * Fits pieces into `maxLength` characters joined by blank lines, cutting only at sentence and line
 * ends. Short pieces stay whole and long ones share what is left, so that every answered part keeps
 * at least its first sentences; a piece with no whole sentence that fits is dropped.
 */
function fitPieces(pieces: readonly Piece[], maxLength: number): Piece[] {
  let current = [...pieces];
  while (current.length > 0) {
    const budget = maxLength - PIECE_SEPARATOR.length * (current.length - 1);
    const shares = shareBudget(
      current.map((piece) => piece.text.length),
      budget,
    );
    const cut = current.map((piece, at) => ({ ...piece, text: cutAtSentence(piece.text, shares[at] ?? 0) }));
    const kept = cut.filter((piece) => piece.text !== '');
    if (kept.length === cut.length) return kept;
    if (kept.length === 0) break;
    current = current.filter((_, at) => cut[at]?.text !== '');
  }
  // One piece whose first sentence alone is too long: cut between words rather than send nothing.
  const [first] = pieces;
  return first === undefined ? [] : [{ ...first, text: trimAtSentence(first.text, maxLength) }];
}

/** Max-min fair shares of `budget` for pieces of the given lengths (water-filling). */
function shareBudget(lengths: readonly number[], budget: number): number[] {
  const shares = lengths.map(() => 0);
  const order = lengths.map((length, at) => ({ length, at })).sort((a, b) => a.length - b.length);
  let left = budget;
  order.forEach(({ length, at }, rank) => {
    const share = Math.min(length, Math.floor(left / (order.length - rank)));
    shares[at] = share;
    left -= share;
  });
  return shares;
}

/**
 * From a long list, quotes only the items that hold the question's terms ("• Давление помпы: 15 бар"
 * rather than the whole specification). A list whose introducing line matches the question
 * ("В комплекте:" for "комплектация полная?") is what was asked for, and stays whole.
 */
export function focusList(text: string, terms: readonly string[]): string {
  const lines = text.split('\n');
  const isItem = (line: string): boolean => /^(?:•|\d{1,3}[.)]) /.test(line);
  const items = lines.filter(isItem);
  if (items.length < FOCUS_MIN_ITEMS) return text;
  const wanted = new Set(terms);
  const mentions = (line: string): boolean => extractTerms(line).some((term) => wanted.has(term));
  if (lines.some((line) => !isItem(line) && mentions(line))) return text;
  const matching = items.filter(mentions);
  if (matching.length === 0 || matching.length === items.length) return text;
  return matching.join('\n');
}

/** Cuts text to at most `maxLength` characters at the last sentence or line end that fits. */
export function trimAtSentence(text: string, maxLength: number): string {
  const cut = cutAtSentence(text, maxLength);
  if (cut !== '') return cut;
  // One sentence longer than the limit: cut between words rather than send nothing.
  const trimmed = text.trim();
  const space = trimmed.lastIndexOf(' ', maxLength);
  return trimmed.slice(0, space > 0 ? space : maxLength).trim();
}

/** The longest run of whole lines and sentences from the start within `maxLength`, or ''. */
function cutAtSentence(text: string, maxLength: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= maxLength) return trimmed;
  let result = '';
  for (const line of trimmed.split('\n')) {
    let separator = result === '' ? '' : '\n';
    if (result.length + separator.length + line.length <= maxLength) {
      result += separator + line;
      continue;
    }
    for (const sentence of splitSentences(line)) {
      if (result.length + separator.length + sentence.length > maxLength) break;
      result += separator + sentence;
      separator = ' ';
    }
    break;
  }
  return result.trim();
}
