/**
 * Decides the local engine's answer from an index: which documents may answer (the cascade),
 * whether any passage covers enough of the question (the threshold), and the extractive text.
 * Pure: no disk, no clock.
 */
import type { KnowledgeAnswer, KnowledgeQuery } from '../../core/ports.js';
import type { Passage } from './passages.js';
import { splitSentences } from './passages.js';
import type { PassageHit, PassageIndex } from './search.js';
import { extractTerms } from './terms.js';
import { WEAK_TERMS } from './vocabulary.js';

/** Share of the question's meaningful terms a passage must contain for a FOUND answer. */
export const DEFAULT_THRESHOLD = 0.6;
/** Avito caps a message at 1000 characters; the answer stays below it. */
export const MAX_ANSWER_LENGTH = 999;

/** A second passage joins the first only if it scores at least this share of the first's BM25 score. */
const SECOND_PASSAGE_SCORE_RATIO = 0.5;

type Strategy = NonNullable<KnowledgeAnswer['strategy']>;

/** The answer without latency, which the caller measures. */
export type LocalAnswer = Omit<KnowledgeAnswer, 'latencyMs'>;

interface Candidate {
  hits: PassageHit[];
  coverage: number;
  terms: string[];
}

/** Lists shorter than this are quoted whole. */
const FOCUS_MIN_ITEMS = 4;

/**
 * Answers a query from the index. With a listing: its own documents first (`item`), then general
 * ones (`cascaded`); without: general only (`general`). A listing's documents never answer for
 * another listing.
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
  // Callers build queries from Avito JSON; a missing text must mean "nothing to answer", not a crash.
  const question = typeof query.question === 'string' ? query.question : '';
  const questions = listQuestionTerms(question, identityTerms(index.passages, query));
  if (questions.length === 0) return notFound;

  const isGeneral = (passage: Passage): boolean => passage.itemId === undefined;
  const scopes: Array<{ strategy: Strategy; filter: (passage: Passage) => boolean }> =
    listingId === undefined
      ? [{ strategy: 'general', filter: isGeneral }]
      : [
          { strategy: 'item', filter: (passage) => passage.itemId === listingId },
          { strategy: 'cascaded', filter: isGeneral },
        ];

  for (const scope of scopes) {
    let best: Candidate | undefined;
    for (const terms of questions) {
      // Attribute words alone ("габариты и вес?") ask about the listing; general documents that
      // happen to mention weights and sizes do not answer that.
      const attributeOnly = terms.every((term) => WEAK_TERMS.has(term));
      if (attributeOnly && scope.strategy !== 'item') continue;
      const hits = index.search(terms, scope.filter);
      const coverage = hits[0]?.coverage ?? 0;
      // Equal coverage keeps the earlier candidate: the whole question comes first.
      if (coverage >= threshold && (best === undefined || coverage > best.coverage)) best = { hits, coverage, terms };
    }
    if (best !== undefined) {
      const terms = best.terms;
      const passages = choosePassages(best.hits, threshold);
      return {
        status: 'FOUND',
        text: trimAtSentence(passages.map((passage) => focusList(passage.text, terms)).join('\n\n'), MAX_ANSWER_LENGTH),
        sources: [...new Set(passages.map((passage) => passage.document))],
        engine: 'local',
        strategy: scope.strategy,
      };
    }
  }
  return notFound;
}

/**
 * The question as term lists to try: the whole text first, then each of its lines and sentences,
 * newest first, since an inquiry may join several buyer messages and only one may be answerable.
 */
function listQuestionTerms(question: string, identity: ReadonlySet<string>): string[][] {
  const parts = question
    .split('\n')
    .flatMap((line) => line.split(/(?<=[?!.])\s+/))
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const texts = parts.length > 1 ? [question, ...parts.reverse()] : [question];
  const seen = new Set<string>();
  const lists: string[][] = [];
  for (const text of texts) {
    const terms = dropIdentityTerms(extractTerms(text), identity);
    const key = terms.join(' ');
    if (terms.length === 0 || seen.has(key)) continue;
    seen.add(key);
    lists.push(terms);
  }
  return lists;
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

function dropIdentityTerms(terms: string[], identity: ReadonlySet<string>): string[] {
  const rest = terms.filter((term) => !identity.has(term));
  // A question made only of the listing's name ("Кофемашина De'Longhi?") is about the listing as a whole.
  return rest.length > 0 ? rest : terms;
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
      best.passage.text.length + 2 + hit.passage.text.length <= MAX_ANSWER_LENGTH,
  );
  const chosen = second === undefined ? [best.passage] : [best.passage, second.passage];
  return chosen.sort((a, b) => a.position - b.position);
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
  if (result.trim() !== '') return result.trim();
  // One sentence longer than the limit: cut between words rather than send nothing.
  const cut = trimmed.lastIndexOf(' ', maxLength);
  return trimmed.slice(0, cut > 0 ? cut : maxLength).trim();
}
