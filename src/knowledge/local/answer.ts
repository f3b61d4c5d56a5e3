/** The local engine's answer, pure: the cascade, the inquiry's parts, the threshold, aboutness, the quote. */
import type { KnowledgeAnswer, KnowledgeQuery, RetrievedPassage } from '../../core/ports.js';
import type { AnswerCheck } from './answer-check.js';
import { getAnswerTracer } from './answer-trace.js';
import { listDashedRanges, listWordedRanges } from './bounds.js';
import { createAnswerCheck, statesInOtherUnit } from './answer-check.js';
import { ASKED_OF_THING, CUT_THRESHOLD, answerCut, answerLeftClauses, holdsQuestionWord, listQuestionCuts, readCut } from './clause-questions.js';
import type { Passage } from './passages.js';
import { listListingTitles, readWholeText, splitSentences } from './passages.js';
import { isStatedMeasure, listAmountOnlyMeasures } from './measures.js';
import { listAskedTitleTerms, readQuestions } from './query-reading.js';
import { holdsOwnAmounts } from './own-amounts.js';
import { findLeftOutQuestions } from './left-out.js';
import { splitCondition, splitOwnPlan, splitOwnSituation } from './reason-clauses.js';
import { COLOR_TERM, COLOR_TERMS, asksColorOnly, speaksOfOtherColors } from './asked-colors.js';
import { carryQuestions, carryReferents } from './back-references.js';
import { choosePointedHit, listPointers } from './cross-references.js';
import { STATUS_TERM, asksAvailabilityAlone, asksListingStatus, dropUnstatedStatus } from './listing-status.js';
import { asksKitContents, listsKit } from './kit-contents.js';
import { namesAskedModel } from './named-models.js';
import { moveFirst, statesRate, type PassageHit, type PassageIndex } from './search.js';
import { DENIED_WORD, LIST_ITEM, countTermsTogether } from './sentences.js';
import { chooseSentences, focusTable } from './quote.js';
import { shareNamedBrand } from './shared-naming.js';
import { findOwnStatements, keepStatingValues, preferAskedEntry, preferStatedDocument } from './statement-rank.js';
import { ADDRESS, LATIN_NAME, extractTerms, listTermSequence, listTermWords, normalizeText, termOf } from './terms.js';
import { hasTitledDocument, isTitledBy, preferTopicDocument, statesTopic } from './topic-documents.js';
import { listsOtherValues, numbersOtherCounts } from './listed-values.js';
import type { AskedValue } from './listed-values.js';
import { UNIT_TERMS, WEEKDAY_TERMS } from './units.js';
import { addUnknownWords } from './unknown-words.js';
import { ATTRIBUTE_TERMS, CASE_POLICIES, OWN_FACT_TERMS, PRICE_TERM, WEAK_TERMS } from './vocabulary.js';

export const DEFAULT_THRESHOLD = 0.6;
/** Avito caps a message at 1000 characters; the answer stays below it. */
export const MAX_ANSWER_LENGTH = 999;

const SECOND_PASSAGE_SCORE_RATIO = 0.5;
const SHORT_CLAUSE_TERMS = 3;
const SHORT_PASSAGE_LENGTH = 300;
const MAX_SECTION_LENGTH = 700;
const FOCUS_MIN_ITEMS = 4;
const PIECE_SEPARATOR = '\n\n';

type Strategy = NonNullable<KnowledgeAnswer['strategy']>;

export type LocalAnswer = Omit<KnowledgeAnswer, 'latencyMs'>;

interface Scope {
  strategy: Strategy;
  filter: (passage: Passage) => boolean;
}

interface Piece {
  text: string;
  document: string;
  strategy: Strategy;
  /** The hits quoted: what the answer stands on, and why they won. */
  evidence: PassageHit[];
}

/** About a term: the term names the passage's section, or is among the first `lead` terms of a sentence or clause. */
interface Aboutness {
  terms: readonly string[];
  termsOf: (text: string) => string[];
  lead: number;
  separators: RegExp;
  /** A word followed by its amount is stated firmly too ("даем свою гарантию 6 месяцев"). */
  valued?: boolean;
  /**
   * The question's own other words (the listing's name, the buyer's case): they open no statement. "а на б/у гарантия
   * какая" of a used guitar is answered by "На б/у гарантии производителя нет. Даём 14 дней…": the statement is about the
   * warranty, for the used things the buyer named.
   */
  named?: readonly string[];
}

/**
 * "Label: value", "(note)" and ";" open a new statement in any document; commas only in a listing's. A colon between
 * digits is a clock time ("пн–пт 9:00–20:00"), not a label's end: cut there, the hours would open no statement.
 */
const STATEMENT_SEPARATORS = /[;()]|(?<!\d):|:(?!\d)/;
const CLAUSE_SEPARATORS = /[,;()]|(?<!\d):|:(?!\d)/;

/** A listing's documents first, then general ones, never another listing's; several questions answered part by part. */
export function findAnswer(index: PassageIndex, query: KnowledgeQuery, threshold = DEFAULT_THRESHOLD): LocalAnswer {
  const listingId = query.listing?.id;
  const notFound: LocalAnswer = {
    status: 'NOT_FOUND',
    text: '',
    sources: [],
    engine: 'local',
    strategy: listingId === undefined ? 'general' : 'cascaded',
  };
  const asked = listQueryParts(index, query);
  const statesStatus = (): boolean => index.search([STATUS_TERM], (passage) => passage.itemId === listingId).some((hit) => hit.matched.length > 0);
  const parts = listingId === undefined ? asked : dropUnstatedStatus(asked, statesStatus);
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
  const question = typeof query.question === 'string' ? query.question : '';
  const identity = identityTerms(index, query);
  const check = createAnswerCheck(index, query, parts, listAskedTitleTerms(question, identity, index.resolveText));
  const answers = parts.map((part) => [...answerWhole(index, part, scopes, threshold, check), ...answerTopic(index, part, listingId, threshold, check)]);
  const found = keepListingAlternatives(parts, answers);
  const pointed = found.flatMap((pieces, at) => followPointers(index, parts[at], pieces, threshold));
  const periods = found.flatMap((pieces, at) => addPolicyPeriod(index, parts[at], pieces, threshold));
  const pieces = fitPieces(dedupePieces([...found.flat(), ...periods, ...pointed]), MAX_ANSWER_LENGTH);
  if (pieces.length === 0) return addUnknownWords(notFound, index, query.question, parts);
  const text = pieces.map((piece) => piece.text).join(PIECE_SEPARATOR);
  const leftOut = listLeftOut(index, query, { question, identity, text, pieces });
  if (leftOut.length > 0 && !isSure(found)) return withhold(addUnknownWords(notFound, index, query.question, parts), listLeftOut(index, query, { question, identity, text: '', pieces: [] }), leftOut);
  return {
    status: 'FOUND',
    text,
    sources: [...new Set(pieces.map((piece) => piece.document))],
    engine: 'local',
    strategy: listingId === undefined ? 'general' : pieces.every((piece) => piece.strategy === 'item') ? 'item' : 'cascaded',
    passages: pieces.flatMap((piece) => piece.evidence.map(toRetrievedPassage)),
    ...(leftOut.length > 0 ? { leftOut } : {}),
  };
}

/**
 * Every part answered has a quoted passage covering all the words it was asked with (the part's, or a clause's where the
 * part was asked clause by clause). A message part of which is left to a person anyway ("гарантия на раму сколько?
 * гравировку делаете?") is answered only so: on the tuning halves a partial answer resting on passages that each miss a
 * word ("Гарантия на велосипеды 12 месяцев" for the frame) was wrong or made up more often than right, and a person reads
 * the chat anyway. The buyer gets the fallback, which offers that person, and the seller the question.
 */
function isSure(answers: readonly (readonly Piece[])[]): boolean {
  return answers.every((pieces) => pieces.length === 0 || pieces.some((piece) => piece.evidence.some((hit) => hit.coverage >= 1)));
}

/**
 * The fallback for a partial answer not given: a person answers the message's questions, all of them (`asked`: read with
 * nothing answered), or at least those the answer left out.
 */
function withhold(answer: LocalAnswer, asked: readonly string[], leftOut: readonly string[]): LocalAnswer {
  return { ...answer, leftOut: [...(asked.length > 0 ? asked : leftOut)] };
}

/** The questions of the message the quoted pieces say nothing of (see left-out.ts). */
function listLeftOut(
  index: PassageIndex,
  query: KnowledgeQuery,
  { question, identity, text, pieces }: { question: string; identity: ReadonlySet<string>; text: string; pieces: readonly Piece[] },
): string[] {
  const answered = new Set([...index.termsOf(text), ...pieces.flatMap((piece) => piece.evidence.flatMap((hit) => hit.matched))]);
  return findLeftOutQuestions({
    sentences: splitQuestion(readQuestions(question), identity),
    resolveText: index.resolveText,
    identity,
    answered,
    statesAmount: /\p{N}/u.test(text),
    onListing: query.listing !== undefined,
  });
}

/**
 * "можно докупить у нас (см. прайс)": a quoted sentence on what was asked that points to another document is followed there
 * (see cross-references.ts), and the passage it points to quoted after it, unless the answer quotes that document already.
 */
function followPointers(index: PassageIndex, part: QueryPart | undefined, pieces: readonly Piece[], threshold: number): Piece[] {
  if (part === undefined) return [];
  const quoted = new Set(pieces.map((piece) => piece.document));
  const asked = new Set([...part.terms, ...part.naming]);
  const followed: Piece[] = [];
  for (const piece of pieces) {
    for (const { sentence, document } of listPointers(piece.text, piece.document, index.passages, index.termsOf)) {
      const sentenceTerms = index.termsOf(sentence);
      if (quoted.has(document) || !sentenceTerms.some((term) => asked.has(term))) continue;
      const terms = [...new Set([...part.terms, ...sentenceTerms])];
      const hit = choosePointedHit(index.search(terms, (passage) => passage.document === document), part.terms, sentenceTerms);
      if (hit === undefined) continue;
      quoted.add(document);
      followed.push(...quoteHits(index, [hit], terms, threshold, piece.strategy === 'item' ? 'cascaded' : piece.strategy, part.naming));
    }
  }
  return followed;
}

/** Policies whose every answer holds under a period the shop sets: returns, exchanges, a warranty. */
const POLICY_TERMS: readonly string[] = ['возврат', 'обмен', 'гарант'];
const PERIOD = /\d+\s*(?:-|–|—)?\s*\d*\s*(?:дн|день|недел|мес|год|лет)/iu;

/**
 * "если не подойдет можно обменять?" answered by "Не подошёл размер — поменяю…": the policy's document says elsewhere how
 * long it holds ("Срок — 14 дней с момента получения"). An answer quoting the policy's own document without any period
 * gains the document's sentence that states the policy's period.
 */
function addPolicyPeriod(index: PassageIndex, part: QueryPart | undefined, pieces: readonly Piece[], threshold: number): Piece[] {
  if (part === undefined || pieces.length === 0 || pieces.some((piece) => PERIOD.test(piece.text))) return [];
  const policies = POLICY_TERMS.filter((term) => part.terms.includes(term));
  for (const piece of pieces) {
    const evidence = piece.evidence[0]?.passage;
    if (evidence === undefined) continue;
    const policy = policies.find((term) => isTitledBy(evidence, term, index.termsOf));
    if (policy === undefined) continue;
    const hits = index.search(['срок', policy], (passage) => passage.document === piece.document).filter((hit) => hit.matched.includes('срок') && PERIOD.test(hit.passage.text));
    const [hit] = hits;
    if (hit === undefined) continue;
    return quoteHits(index, [hit], ['срок'], threshold, piece.strategy, part.naming).filter((quoted) => PERIOD.test(quoted.text));
  }
  return [];
}

/**
 * "это новые или бу?": alternatives of one question, one of which the listing's own passages answer ("НОВЫЕ"). The listing
 * has said which it is: a general passage on another alternative ("Б/у инструмент — гарантия 1 месяц") is not about it.
 */
function keepListingAlternatives(parts: readonly QueryPart[], answers: readonly Piece[][]): Piece[][] {
  const kept = answers.map((pieces) => [...pieces]);
  const choices = new Set(parts.flatMap((part) => (part.choice === undefined ? [] : [part.choice])));
  for (const choice of choices) {
    const members = parts.flatMap((part, at) => (part.choice === choice ? [at] : []));
    if (members.length < 2 || !members.some((at) => kept[at]?.some((piece) => piece.strategy === 'item'))) continue;
    for (const at of members) kept[at] = (kept[at] ?? []).filter((piece) => piece.strategy === 'item');
  }
  return kept;
}

export function toRetrievedPassage(hit: Pick<PassageHit, 'passage' | 'score' | 'coverage' | 'matched'>): RetrievedPassage {
  const { passage } = hit;
  const heading = [passage.title, ...passage.headings].filter((part) => part !== '').join(' › ');
  return {
    source: passage.document,
    text: passage.text,
    ...(heading === '' ? {} : { heading }),
    score: hit.score,
    coverage: hit.coverage,
    scope: passage.itemId === undefined ? 'general' : 'item',
    ...(passage.itemId === undefined ? {} : { itemId: passage.itemId }),
    matched: hit.matched,
  };
}

/**
 * Buyers type two questions without a break ("производитель какой у блоков, морозостойкость?"). A part nothing answers
 * whole is asked clause by clause, answered only if every clause is or each asks a question of its own; with no comma,
 * it is cut in two between question words, answered if both sides are. What the quoted passages of an answered part
 * leave unmatched is asked again, clause by clause (see clause-questions.ts), and quoted where a passage answers it
 * ("…у блоков морозостойкость какая").
 */
function answerWhole(index: PassageIndex, part: QueryPart, scopes: readonly Scope[], threshold: number, check: AnswerCheck): Piece[] {
  const asked = answerPart(index, part, scopes, threshold, check);
  const policy = asked.length === 0 ? askPolicy(part) : undefined;
  const pieces = policy === undefined ? asked : answerPart(index, policy, scopes, threshold, check);
  if (pieces.length === 0) {
    const clauses = (part.clauses ?? []).map((clause) => answerPart(index, clause, scopes, threshold, check));
    // A clause left unanswered drops out only where it asks a question of its own ("…, скока идет"), not a condition.
    const asksEach = (part.clauses ?? []).every((clause) => clause.asks === true);
    if (clauses.length > 1) return asksEach || clauses.every((answered) => answered.length > 0) ? clauses.flat() : answerApart(index, part, scopes, threshold, check);
    const cutThreshold = Math.max(threshold, CUT_THRESHOLD);
    const sides = answerCut(part.cuts ?? [], (text) => readCut(text, index.resolveText), (side) => answerPart(index, side, scopes, cutThreshold, check));
    return sides.length > 0 ? sides : answerApart(index, part, scopes, threshold, check);
  }
  const matched = new Set(pieces.flatMap((piece) => piece.evidence.flatMap((hit) => hit.matched)));
  const rest = part.terms.filter((term) => !matched.has(term));
  // Circumstances ("…в ваш город") are not asked again; an attribute is ("ток пусковой какой и весит скока").
  const isCircumstance = (term: string): boolean => (WEAK_TERMS.has(term) && !ATTRIBUTE_TERMS.has(term)) || /^\p{N}/u.test(term);
  if (rest.length === part.terms.length || rest.every(isCircumstance)) return pieces;
  // An answer counts only if it finds something new: a clause asked again may match the passages quoted already.
  const answerNew = (question: QueryPart, least = threshold): Piece[] => {
    const found = answerPart(index, question, scopes, least, check);
    return found.some((piece) => piece.evidence.some((hit) => hit.matched.some((term) => !matched.has(term)))) ? found : [];
  };
  // Two questions typed without a break may be answered whole by a passage that holds words of both: each side asked apart.
  const cutThreshold = Math.max(threshold, CUT_THRESHOLD);
  const sides = answerCut(part.cuts ?? [], (text) => readCut(text, index.resolveText), (side) => answerNew(side, cutThreshold));
  return [...pieces, ...answerLeftClauses(part, matched, isCircumstance, (question) => answerNew(question)), ...sides];
}

/** The part asked as the policy its buyer's case asks (see CASE_POLICIES), whole: its clauses would ask the case again. */
function askPolicy(part: QueryPart): QueryPart | undefined {
  const at = part.terms.findIndex((term) => CASE_POLICIES.has(term));
  const policy = CASE_POLICIES.get(part.terms[at] ?? '');
  if (policy === undefined || part.terms.includes(policy)) return undefined;
  const { clauses: _clauses, cuts: _cuts, ...whole } = part;
  return { ...whole, terms: part.terms.map((term, place) => (place === at ? policy : term)) };
}

/**
 * "если возьму 4 пачки сделаете скидку": what no passage covers whole is asked without its condition, which then only
 * ranks. A passage that covers it whole and was refused ("если сломается ремонт по гарантии сколько по времени?" by the
 * warranty's terms, which state no time) is the shop's word on that very case: the rest of the question is not asked alone.
 */
function answerConditioned(index: PassageIndex, part: QueryPart, scopes: readonly Scope[], threshold: number, check: AnswerCheck): Piece[] {
  if (part.conditioned === undefined) return [];
  if (scopes.some((scope) => index.search(part.terms, scope.filter, part.naming).some((hit) => hit.coverage >= threshold))) return [];
  return answerPart(index, part.conditioned, scopes, threshold, check);
}

/** The part without the buyer's condition, else without his own case (see QueryPart.situated). */
function answerApart(index: PassageIndex, part: QueryPart, scopes: readonly Scope[], threshold: number, check: AnswerCheck): Piece[] {
  const conditioned = answerConditioned(index, part, scopes, threshold, check);
  return conditioned.length > 0 || part.situated === undefined ? conditioned : answerPart(index, part.situated, scopes, threshold, check);
}

// From the first scope that covers the part; a listing's loose match (see isLooseMatch) waits for the later scopes.
function answerPart(index: PassageIndex, part: QueryPart, scopes: readonly Scope[], threshold: number, check: AnswerCheck): Piece[] {
  const strong = part.terms.filter((term) => !WEAK_TERMS.has(term));
  // "сколько стоит?" in a listing's chat asks its price: a general passage's price is another thing's ("СДЭК от 350 ₽").
  const attributesOnly = part.terms.every((term) => OWN_FACT_TERMS.has(term)) || part.terms.every((term) => term === PRICE_TERM);
  let deferred: { hits: PassageHit[]; strategy: Strategy } | undefined;
  let own: Piece[] = [];
  for (const scope of scopes) {
    const isItem = scope.strategy === 'item';
    // Attribute words alone ("габариты и вес?") ask about the listing, not general documents that mention sizes, unless
    // the question names the listing's product ("найк какие размеры"): then a general passage must name it too (a price list).
    if (attributesOnly && !isItem && part.naming.length === 0) continue;
    const terms = attributesOnly && !isItem ? [...part.terms, ...part.naming] : part.terms;
    // A number asked ("навес 4х6") is no statement's subject: the listing's name stays what opens one ("навес на 6 стойках").
    const asker = strong.some((term) => /^\p{N}/u.test(term)) ? [] : [...part.naming, ...(part.context ?? [])];
    const aboutness = chooseAboutness(terms, strong, isItem, index.termsOf, asker);
    const found = index.search(terms, scope.filter, terms === part.terms ? [...part.naming, ...(part.context ?? [])] : part.context ?? [], { citiesWeak: isItem });
    const about = (hit: PassageHit): boolean =>
      aboutness === undefined || isAbout(hit.passage, aboutness) || (!isItem && namesAskedModel(hit, part.naming, index.termsOf));
    const numbers = (hit: PassageHit): boolean => holdsNumbers(hit.passage, terms, index.termsOf) && holdsOwnAmounts(hit.passage, part.context ?? [], index.termsOf);
    const brands = (hit: PassageHit): boolean => namesBrands(hit, terms, index.knows);
    const answers = (hit: PassageHit): boolean => about(hit) && numbers(hit) && brands(hit) && (isItem || saysWhere(hit, terms)) && check(part, hit) === undefined;
    const hits = preferAddress(
      preferStated(
        preferNamed(
          found.filter((hit) => hit.coverage >= threshold && answers(hit)),
          strong,
          index.termsOf,
        ),
        index.termsOf,
      ),
      terms,
    );
    const trace = getAnswerTracer();
    if (trace !== undefined) {
      const verdicts = found.map((hit) => {
        const refusedBy = check(part, hit);
        return { hit, about: about(hit), numbers: numbers(hit), brands: brands(hit), check: refusedBy === undefined, ...(refusedBy !== undefined ? { refusedBy } : {}) };
      });
      trace({ scope: scope.strategy, terms, threshold, verdicts, chosen: hits });
    }
    if (isItem) own = quoteOwnStatements(index, findOwnStatements(found, threshold, index.termsOf).filter(answers), terms, threshold, part.naming);
    const best = hits[0];
    if (best === undefined) {
      const colors = isItem && own.length === 0 && asksColorOnly(part.terms) ? quoteColorLine(index, scope, part.naming, threshold) : [];
      if (colors.length > 0) return colors;
      const kit = isItem && part.kit === true ? quoteKitList(index, scope, part.terms, threshold) : [];
      if (kit.length > 0) return kit;
      continue;
    }
    // A later scope replaces a loose match only when it covers the question at least as well.
    if (deferred !== undefined && best.asked < (deferred.hits[0]?.asked ?? 0)) break;
    if (isItem && isLooseMatch(hits, index.termsOf)) {
      deferred = { hits, strategy: scope.strategy };
      continue;
    }
    return [...own, ...quoteHits(index, hits, terms, threshold, scope.strategy, part.naming)];
  }
  if (deferred === undefined && part.presence !== true && asksOwnValue(index, part.terms, own)) return own;
  return deferred === undefined ? [] : quoteHits(index, deferred.hits, part.terms, threshold, deferred.strategy, part.naming);
}

/** "розовый есть?" of a listing that never names pink: its own line on its colour ("цвет графит, другие — спрашивайте"). */
function quoteColorLine(index: PassageIndex, scope: Scope, naming: readonly string[], threshold: number): Piece[] {
  const terms = [COLOR_TERM, ...[...COLOR_TERMS].filter((term) => index.knows(term))];
  const [line] = index.search(terms, scope.filter).filter((hit) => hit.matched.includes(COLOR_TERM) && speaksOfOtherColors(hit.passage.text));
  if (line === undefined) return [];
  return quoteHits(index, [{ ...line, coverage: 1, asked: 1 }], line.matched, threshold, scope.strategy, naming);
}

/** "что в комплекте?" covered by no passage of the listing: its list of the kit, whole (see kit-contents.ts). */
function quoteKitList(index: PassageIndex, scope: Scope, terms: readonly string[], threshold: number): Piece[] {
  const lists = index.passages.filter((passage) => scope.filter(passage) && listsKit(passage));
  const hits = lists.map((passage) => {
    const held = new Set(index.termsOf(readWholeText(passage)));
    return { passage, score: 0, coverage: 1, asked: 1, matched: terms.filter((term) => held.has(term)) };
  });
  // No terms: the list is quoted whole, not cut to the items naming the buyer's words.
  return quoteHits(index, hits, [], threshold, scope.strategy, []);
}

/**
 * "рама алюминий?", "тормоза гидравлика?", "колеса надувные или литые?": an attribute the listing labels ("Рама: сталь",
 * "Колеса — из пенополиуретана") and a value its documents never use. Nothing else answers, and the labelled line does: it
 * says what the value is. A value the listing's documents do use elsewhere is no such question.
 */
const MAX_VALUE_QUESTION_TERMS = 3;
/**
 * "конвекция есть в духовке", "балдахин в комплекте идет?": whether a thing is there. The labelled line ("Духовка —
 * электрическая, гриль и вертел") lists what is, and leaves out what it never names: it does not say it is not there.
 */
const PRESENCE = /(?<![а-яё])(?:есть|имеется|имеются|предусмотрен[аоы]?|бывает|комплект[а-яё]*)(?![а-яё])/u;
const FITS_TERM = 'подход';

function asksOwnValue(index: PassageIndex, terms: readonly string[], own: readonly Piece[]): boolean {
  const itemId = own[0]?.evidence[0]?.passage.itemId;
  if (itemId === undefined || terms.length > MAX_VALUE_QUESTION_TERMS) return false;
  const matched = new Set(own.flatMap((piece) => piece.evidence.flatMap((hit) => hit.matched)));
  // "на весту подойдёт?" names what it should fit, no value of the listing's: a list of what fits does not say.
  if (matched.has(FITS_TERM)) return false;
  const values = terms.filter((term) => !matched.has(term));
  if (values.length === 0 || values.some((term) => WEAK_TERMS.has(term) || /^\p{N}/u.test(term))) return false;
  const listingTerms = new Set(index.passages.filter((passage) => passage.itemId === itemId).flatMap((passage) => index.termsOf(readWholeText(passage))));
  return values.every((term) => !listingTerms.has(term));
}

// The listing's own statement on what is asked comes first, the shop's general answer after it (see findOwnStatements).
function quoteOwnStatements(index: PassageIndex, found: readonly PassageHit[], terms: readonly string[], threshold: number, naming: readonly string[]): Piece[] {
  const hits = preferStated(found, index.termsOf);
  return hits.length === 0 ? [] : quoteHits(index, hits, terms, threshold, 'item', naming);
}

// A one-topic question from a listing's chat ("доставка?", "оплата?") asks the shop's terms on it, not a listing's line that
// mentions the word in passing: the general document titled by the topic answers too, after that line. Terms the listing
// states itself stand alone.
function answerTopic(index: PassageIndex, part: QueryPart, listingId: number | undefined, threshold: number, check: AnswerCheck): Piece[] {
  const [topic, ...others] = part.terms;
  if (listingId === undefined || topic === undefined || others.length > 0 || WEAK_TERMS.has(topic)) return [];
  if (!hasTitledDocument(index.passages, topic, index.termsOf)) return [];
  const own = index.search(part.terms, (passage) => passage.itemId === listingId);
  if (own.some((hit) => statesTopic(hit.passage, topic, index.termsOf))) return [];
  const titled = (passage: Passage): boolean => passage.itemId === undefined && isTitledBy(passage, topic, index.termsOf);
  return answerPart(index, part, [{ strategy: 'cascaded', filter: titled }], threshold, check);
}

/** The passage's headings, or its document's title, name one of `terms`: the passage is on that topic. */
function namesTopic(passage: Passage, terms: readonly string[], termsOf: (text: string) => string[]): boolean {
  const named = new Set(termsOf([passage.title, ...passage.headings].join('\n')));
  return terms.some((term) => named.has(term));
}

// A one-topic question ("доставка?"): of passages covering it as well, one of a document titled by what is asked beats one under a heading naming
// it, which beats one mentioning it in passing ("Доставка" over "Брак и бой при доставке"), whatever BM25 says.
function preferNamed(hits: readonly PassageHit[], strong: readonly string[], termsOf: (text: string) => string[]): PassageHit[] {
  const [top] = hits;
  if (top === undefined || strong.length !== 1) return [...hits];
  const rank = (hit: PassageHit): number => (namesTopic({ ...hit.passage, headings: [] }, strong, termsOf) ? 2 : namesTopic(hit.passage, strong, termsOf) ? 1 : 0);
  let best = top;
  let bestRank = rank(top);
  for (const hit of hits) {
    if (hit.coverage !== top.coverage || bestRank === 2) break;
    const hitRank = rank(hit);
    if (hitRank > bestRank) [best, bestRank] = [hit, hitRank];
  }
  return moveFirst(hits, best);
}

// "адрес скиньте": of the passages covering the question as well, one stating an address over one saying where it is
// written ("адреса — в файле «о магазине»").
function preferAddress(hits: readonly PassageHit[], terms: readonly string[]): PassageHit[] {
  const [top] = hits;
  // Only where where is all that is asked: "адрес для возврата" asks the return's rule.
  const asksOnlyWhere = terms.includes(LOCATION_TERM) && terms.every((term) => WEAK_TERMS.has(term));
  if (top === undefined || !asksOnlyWhere || ADDRESS.test(top.passage.text)) return [...hits];
  const stating = hits.find((hit) => hit.coverage === top.coverage && ADDRESS.test(hit.passage.text));
  return moveFirst(hits, stating);
}

// BM25 picks the document (of several holding the same words, the one stating them together: statement-rank.ts); within
// it, of the passages covering the question as well, the first: sellers state the rule before its exceptions ("Гарантия 3
// месяца" before "Гарантия не действует, если…"), and BM25 favours the shorter.
// Before that, one stating a value of the kind asked (see keepStatingValues), then one holding more of the matched terms in one sentence ("Мощность: 1300 Вт" for "скока ватт", not the
// opening that names the product and a number), then one stating what was asked ("Тип кожи: … жирной") over one
// mentioning it in passing ("не жирный блеск").
function preferStated(found: readonly PassageHit[], termsOf: (text: string) => string[]): PassageHit[] {
  const hits = preferAskedEntry(preferTopicDocument(preferStatedDocument(found, termsOf), termsOf), termsOf);
  const [top] = hits;
  if (top === undefined) return [];
  const rivals = keepStatingValues(hits.filter((hit) => hit.passage.document === top.passage.document && hit.coverage === top.coverage));
  const together = new Map(rivals.map((hit) => [hit, countTermsTogether(hit.passage, hit.matched, termsOf)]));
  const most = Math.max(...together.values());
  const closest = rivals.filter((hit) => together.get(hit) === most);
  const states = (hit: PassageHit): boolean => isAbout(hit.passage, { terms: hit.matched, termsOf, lead: 1, separators: STATEMENT_SEPARATORS });
  const stated = closest.filter(states);
  const first = (stated.length > 0 ? stated : closest).reduce((earliest, hit) => (hit.passage.position < earliest.passage.position ? hit : earliest));
  return moveFirst(hits, first);
}

// A measure in the question names what is asked about ("в 56 размере", "насадки 40 мм"): a passage that never states
// the number, alone or within a range ("44–54" holds 50, "до 6 м" holds 5), cannot answer, however well its words
// match; so does a number with a fraction ("матрица на 17.3"): nobody counts things in tenths. A number that measures
// nothing ("на 3 этаж", "дом 10 на 12") is the buyer's own and is left to coverage.
function holdsNumbers(passage: Passage, terms: readonly string[], termsOf: (text: string) => string[]): boolean {
  if (terms.some((term, at) => /^\d+$/.test(term) && terms[at + 1] !== undefined && numbersOtherCounts(passage, term, terms[at + 1] ?? '', termOf))) return false;
  // "метров 20 надо": a unit before the number is an amount said roughly, still an amount of that unit.
  const isInverted = (at: number): boolean => UNIT_TERMS.has(terms[at - 1] ?? '') && !isMeasureWord(terms[at + 1]);
  const numbers = terms.filter((term, at) => /^\d+\.\d+$/.test(term) || (/^\d+$/.test(term) && (isMeasureWord(terms[at + 1]) || isInverted(at))));
  if (numbers.length === 0) return true;
  const unitAfter = (number: string): string => {
    const at = terms.indexOf(number);
    return (isInverted(at) ? terms[at - 1] : terms[at + 1]) ?? '';
  };
  const stated = new Set(termsOf(readWholeText(passage)));
  const ranges = [...listDashedRanges(passage.text), ...listWordedRanges(passage.text)];
  const holds = (number: string): boolean => stated.has(number) || ranges.some(([from = NaN, to = NaN]) => Number(number) >= from && Number(number) <= to);
  const listsOthers = (number: string): boolean => listAskedValues(terms).some((asked) => asked.number === number && listsOtherValues(passage, asked, termsOf));
  // A rate ("200 руб/м²") prices any amount of its unit; a bound ("Минимально — от 300 г") answers any, within it or not.
  return numbers.every(
    (number) =>
      holds(number) || statesInOtherUnit(passage, Number(number), unitAfter(number)) || listsOthers(number) || statesRate(passage, unitAfter(number)) || statesBound(passage, unitAfter(number)),
  );
}

const BOUND = /(?<![\p{L}\p{N}])(?:от|до)\s+(\d+(?:[.,]\d+)?\s*[\p{L}²³.]{1,10})/giu;

/** "от 300 г", "до 6 м": a lower or upper bound stated in the unit. */
function statesBound(passage: Passage, unit: string): boolean {
  if (unit === '') return false;
  for (const match of passage.text.matchAll(BOUND)) if (listTermSequence(match[1] ?? '')[1] === unit) return true;
  return false;
}

// "графит в 52 размере": whole numbers asked with a measure word, and the other things named beside them (see listed-values.ts).
function listAskedValues(terms: readonly string[]): AskedValue[] {
  const things = terms.filter((term) => !WEAK_TERMS.has(term) && !isMeasure(term) && !isMeasureWord(term));
  if (things.length === 0) return [];
  return terms.filter((term, at) => /^\d+$/.test(term) && isMeasureWord(terms[at + 1])).map((number) => ({ number, things }));
}

// A brand or model of the shop the buyer names ("фуген какой расход?") picks one product: a passage about another,
// however well it covers the rest ("Расход: около 10 кг на 1 м²" of Rotband), does not answer. Latin words the documents
// never use are no product of the shop, and count like any other word.
function namesBrands(hit: PassageHit, terms: readonly string[], knows: (term: string) => boolean): boolean {
  return terms.every((term) => !LATIN_NAME.test(term) || !knows(term) || hit.matched.includes(term));
}

// The listing's hits rest on one term none states firmly, only opening a clause ("Когда заряд заканчивается, пылесос сам
// возвращается" for "Можно вернуть?"): the word often means something else, so a general document about it answers, if any.
function isLooseMatch(hits: readonly PassageHit[], termsOf: (text: string) => string[]): boolean {
  const [term, ...others] = new Set(hits.flatMap((hit) => hit.matched.filter((matched) => !WEAK_TERMS.has(matched))));
  if (term === undefined || others.length > 0 || asksListingStatus(term)) return false;
  const firmly: Aboutness = { terms: [term], termsOf, lead: 2, separators: STATEMENT_SEPARATORS, valued: true };
  return !hits.some((hit) => isAbout(hit.passage, firmly));
}

// Two terms found together are evidence; one alone ("Есть гарантия?") is matched by any passing mention, so the passage must
// be about it: in a listing's documents (all about the listing) it may open any clause, in a general one it must name the
// section or open a statement. An attribute ("Какие размеры?") must be stated as one: "Размеры: …".
function chooseAboutness(
  terms: readonly string[],
  strong: readonly string[],
  isItem: boolean,
  termsOf: (text: string) => string[],
  named: readonly string[] = [],
): Aboutness | undefined {
  if (strong.length === 0) return { terms, termsOf, lead: 1, separators: CLAUSE_SEPARATORS, named };
  if (strong.length > 1) return undefined;
  return isItem
    ? { terms: strong, termsOf, lead: 2, separators: CLAUSE_SEPARATORS, named }
    : { terms: strong, termsOf, lead: 1, separators: STATEMENT_SEPARATORS, named };
}

/** "даем свою гарантию магазина 6 месяцев": the word, then its amount within a word or two. */
function statesValueOf(segment: string, aboutness: Aboutness): boolean {
  const words = segment.split(/\s+/u);
  return words.some((word, at) => {
    const amount = words.slice(at + 1, at + 3).some((next) => /^\p{N}/u.test(next));
    return amount && aboutness.termsOf(word).some((term) => aboutness.terms.includes(term));
  });
}

const LOCATION_TERM = 'наход';

// "напишите адрес склада": where is asked, of a place the question names; a general passage naming the place in passing
// ("наличными — на складе") without saying where it is does not answer. A listing's own line may ("покатать можно у нас в
// шоуруме" for "хочу подъехать покатать").
function saysWhere(hit: PassageHit, terms: readonly string[]): boolean {
  return !terms.includes(LOCATION_TERM) || hit.matched.includes(LOCATION_TERM) || ADDRESS.test(hit.passage.text);
}

/**
 * "без" before the word closing a statement: the word is said to be absent ("работаем без НДС"). Not one the statement goes
 * on from ("Без коробки минус 1 000 ₽"): that word names a case of what the statement says.
 */
const LACKED_WORD = /(?<![а-яё])без\s+([а-яё]+)[\s.!]*$/giu;

function isAbout(passage: Passage, aboutness: Aboutness): boolean {
  // The nearest headings name the topic; the document's title only where there are none ("Возврат и обмен" spans sections).
  const names = passage.headings.length > 0 ? passage.headings : [passage.title];
  const named = new Set(aboutness.termsOf(names.join('\n')));
  if (aboutness.terms.some((term) => named.has(term))) return true;
  // "Пункт выдачи №2 — ул. Шефская, 87": an address says where, wherever it stands.
  if (aboutness.terms.includes(LOCATION_TERM) && ADDRESS.test(passage.text)) return true;
  // A brand or model ("Samsung 980") is named on purpose wherever it stands, unlike a common word in passing.
  const brands = aboutness.terms.filter((term) => LATIN_NAME.test(term));
  if (brands.length > 0 && aboutness.termsOf(passage.text).some((term) => brands.includes(term))) return true;
  const segments = passage.text
    .split('\n')
    .flatMap(splitSentences)
    .flatMap((sentence) => sentence.split(aboutness.separators));
  // Numbers and circumstance words do not open a statement: "Работаем с 2014 года" is about the year.
  const isCircumstance = (term: string): boolean => (WEAK_TERMS.has(term) && !ATTRIBUTE_TERMS.has(term)) || /^\p{N}/u.test(term);
  // Nor do the question's own other words (see Aboutness.named).
  const asker = new Set(aboutness.named);
  const opens = (term: string): boolean => aboutness.terms.includes(term) || (!isCircumstance(term) && !asker.has(term));
  return segments.some((segment) => {
    const terms = aboutness.termsOf(segment);
    // A short spec ("RAL 8017 шоколад", "SSD Samsung 980") is about every word in it.
    const isSpec = terms.length <= SHORT_CLAUSE_TERMS && /[\p{N}a-z]/iu.test(segment.replace(/\p{Script=Cyrillic}+/gu, ''));
    const lead = isSpec ? terms : terms.filter(opens).slice(0, aboutness.lead);
    // A number states the word it counts wherever it stands: "Продаём запчасти с 2012 года" says how long.
    lead.push(...terms.filter((term, at) => (at > 0 && /^\p{N}/u.test(terms[at - 1] ?? '') && !/^\p{N}/u.test(term)) || isStatedMeasure(terms, at)));
    if (aboutness.valued === true && statesValueOf(segment, aboutness)) return true;
    // "не б/у", "не битый": a word denied is stated firmly wherever it stands.
    for (const denied of segment.matchAll(DENIED_WORD)) lead.push(...aboutness.termsOf(denied[1] ?? ''));
    // "работаем без НДС", "без предоплаты": what a thing goes without is stated as firmly ("ндс есть?").
    for (const lacked of segment.matchAll(LACKED_WORD)) lead.push(...aboutness.termsOf(lacked[1] ?? ''));
    // "пн–пт" opens with Monday and stands for every day to Friday.
    if (lead.some((term) => WEEKDAY_TERMS.has(term))) lead.push(...terms.filter((term) => WEEKDAY_TERMS.has(term)));
    return aboutness.terms.some((term) => lead.includes(term));
  });
}

/** What one part of a question asks: `terms` must be covered; `naming` (words of the listing's title) only ranks. */
export interface QueryPart {
  terms: string[];
  naming: string[];
  /** The part's comma-separated clauses: asked apart if the part as a whole finds nothing, or leaves one out. */
  clauses?: QueryPart[];
  /** Two questions typed without a break, cut between their question words, one way per word between them (see clause-questions.ts). */
  cuts?: Array<[string, string]>;
  /** The clause holds a question word of its own ("скока", "какой", "можно"): a question, not a condition of another. */
  asks?: boolean;
  /** Whether something is there is asked ("конвекция есть?", "в комплекте идет?"), not which value an attribute has. */
  presence?: boolean;
  /** What the kit holds is asked ("что в комплекте?"): the listing's list of its kit answers (see kit-contents.ts). */
  kit?: boolean;
  /** Words of the buyer's condition ("если не подойдет по размеру"): like `naming`, they only rank. */
  context?: string[];
  /** The part asked without its condition, which only ranks: asked where the whole finds nothing. */
  conditioned?: QueryPart;
  /** Alternatives of one question ("новые или бу?") share a choice: the place of the first in the message's parts. */
  choice?: number;
  /** The part without the buyer's own case told beside it ("…, 55 метров"), which only ranks: asked where the whole finds nothing. */
  situated?: QueryPart;
}

/** The terms each part of the query asks about, in the buyer's order, the listing's own name set apart. */
export function listQueryParts(index: Pick<PassageIndex, 'passages' | 'resolveText' | 'termsOf'>, query: KnowledgeQuery): QueryPart[] {
  // Callers build queries from Avito JSON; a missing text must mean "nothing to answer", not a crash.
  const question = typeof query.question === 'string' ? readQuestions(query.question) : '';
  const named = identityTerms(index, query);
  const askedOfTitle = new Set(listAskedTitleTerms(question, named, index.resolveText));
  const identity = askedOfTitle.size === 0 ? named : new Set([...named].filter((term) => !askedOfTitle.has(term)));
  // "ещё есть?" asks the listing's availability; in a general chat it asks nothing the documents could answer.
  const asksAvailability = (sentence: string): boolean =>
    query.listing !== undefined && asksAvailabilityAlone(sentence, (word) => index.termsOf(word).every((term) => identity.has(term)));
  return listQuestionTerms(question, identity, index.resolveText, asksAvailability);
}

// Greetings and parts that only name the listing drop out; a question made only of its name asks about the listing as a whole.
// A title naming several products ("колодки и диски") keeps the one asked about ranking first.
function listQuestionTerms(
  question: string,
  identity: ReadonlySet<string>,
  resolveText: (text: string) => string[],
  asksAvailability: (sentence: string) => boolean,
): QueryPart[] {
  const sentences = splitQuestion(question, identity);
  const read = carryReferents(carryQuestions(sentences))
    .map((part, at) => {
      const own = resolveText(part);
      const situation = splitOwnSituation(part, (word) => resolveText(word).every((term) => UNIT_TERMS.has(term)));
      return {
        ...(situation === undefined ? {} : { situated: { terms: resolveText(situation.main), context: resolveText(situation.situation) } }),
        alternative: /^или\s/iu.test(sentences[at] ?? ''),
        terms: dropOfferedPrices(asksAvailability(part) ? [...own, STATUS_TERM] : own, part),
        clauses: splitAtCommas(part, identity).map((clause) => ({ terms: resolveText(clause), asks: holdsQuestionWord(clause) })),
        cuts: listQuestionCuts(part),
        presence: PRESENCE.test(part.toLowerCase()),
        kit: asksKitContents(part),
        conditioned: setCircumstancesApart(part, own, identity, resolveText),
      };
    })
    .filter(({ terms }) => terms.length > 0);
  // Alternatives of one question share the place of the first as their choice, kept through the parts dropped below; a
  // part with no alternative beside it has none.
  const firsts: number[] = [];
  read.forEach((list, at) => firsts.push(list.alternative ? (firsts.at(-1) ?? -1) : at));
  const sizes = new Map<number, number>();
  for (const first of firsts) sizes.set(first, (sizes.get(first) ?? 0) + 1);
  const lists = read.map(({ alternative: _alternative, ...list }, at) => {
    const choice = firsts[at] ?? -1;
    return (sizes.get(choice) ?? 0) > 1 ? { ...list, choice } : list;
  });
  // A unit the title names is still asked ("скока ватт? доставка?" on a "1300 Вт" listing).
  // An alternative the title names ("новые или б/у?" of "…НОВЫЕ") is asked: the listing's passage naming it answers the
  // choice. Not a brand or model ("это дайсон или копия?"): the title naming it does not say the thing is genuine.
  const choosable = ({ terms, choice }: ReadPart): boolean => choice !== undefined && !terms.some((term) => LATIN_NAME.test(term));
  const asking = lists.filter((list) => choosable(list) || list.terms.some((term) => !identity.has(term) || UNIT_TERMS.has(term)));
  const seen = new Set<string>();
  const parts: QueryPart[] = [];
  for (const { terms: all, clauses, cuts, presence, kit, conditioned, choice, situated } of joinFollowUps(carryThings(asking.length > 0 ? asking : lists.slice(0, 1)))) {
    const part = { ...toQueryPart(all, identity), ...(presence ? { presence } : {}), ...(kit ? { kit } : {}), ...(choice === undefined ? {} : { choice }), ...(conditioned === undefined ? {} : { conditioned: { ...toQueryPart(conditioned.terms, identity), context: conditioned.context } }) };
    if (situated !== undefined) part.situated = { ...toQueryPart(situated.terms, identity), context: situated.context };
    const key = part.terms.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const asked = clauses.filter(({ terms }) => terms.some((term) => !identity.has(term)));
    if (asked.length > 1) parts.push({ ...part, clauses: asked.map(({ terms, asks }) => ({ ...toQueryPart(terms, identity), asks })) });
    else parts.push(cuts.length > 0 ? { ...part, cuts } : part);
  }
  return shareNamedBrand(parts, lists.flatMap(({ terms }) => terms.filter((term) => identity.has(term))));
}

function toQueryPart(all: readonly string[], identity: ReadonlySet<string>): QueryPart {
  const rest = all.filter((term) => !identity.has(term));
  return { terms: rest.length > 0 ? rest : [...all], naming: rest.length > 0 ? all.filter((term) => identity.has(term)) : [] };
}

/** A part of the message as read: its terms, and its comma-separated clauses' terms. */
interface ReadPart {
  terms: string[];
  clauses: Array<{ terms: string[]; asks: boolean }>;
  cuts: Array<[string, string]>;
  presence?: boolean;
  kit?: boolean;
  conditioned?: { terms: string[]; context: string[] };
  choice?: number;
  situated?: { terms: string[]; context: string[] };
}

/**
 * "скинете до 9000?", "за 5000 отдадите?": an amount beside bargaining is the buyer's offer, which no passage states.
 * "отдадите" bargains only beside such an amount ("отдадите сегодня?" asks when).
 */
const BARGAIN_TERM = 'торг';
const GIVE = /(?:^|[^а-яё])отда(?:дите|шь|ст)(?![а-яё])/iu;
const OFFERED_AMOUNT = /^\d{3,}$/u;

function dropOfferedPrices(terms: string[], text: string): string[] {
  const gives = GIVE.test(text);
  if (!terms.includes(BARGAIN_TERM) && !gives) return terms;
  const kept = terms.filter((term) => !OFFERED_AMOUNT.test(term));
  if (kept.length === terms.length) return terms;
  // The verb is the bargaining itself ("отдаём" in the documents is another matter).
  const asked = gives ? kept.filter((term) => !term.startsWith('отда')) : kept;
  return gives && !asked.includes(BARGAIN_TERM) ? [...asked, BARGAIN_TERM] : asked;
}

/**
 * The part without the buyer's circumstances, which only rank (context): asked where the whole finds nothing.
 * - A condition: "если не подойдет по размеру можно вернуть?" asks "можно вернуть", where the main clause asks something
 *   beyond the listing's name and circumstances.
 * - The buyer's plan in a clause of its own: "беру 2 штуки, за оба скока скинете?" (see splitOwnPlan).
 * - A reservation's day: "отложите до выходных?", "бронь на субботу" ask the reservation.
 */
function setCircumstancesApart(
  sentence: string,
  own: readonly string[],
  identity: ReadonlySet<string>,
  resolveText: (text: string) => string[],
): { terms: string[]; context: string[] } | undefined {
  const split = splitCondition(sentence) ?? splitOwnPlan(sentence);
  const main = split === undefined ? [] : resolveText(split.main);
  // A price asked under a condition ("скока стоит, если двое возьму на опт?") is the price of that case, not the list price.
  // A main clause naming only what the title names ("что по гарантии, если сломается через неделю" of a listing titled
  // "…, гарантия") asks about that, as a question made only of the title's words does.
  // Only a main clause that asks ("что по гарантии"): "гарантия если уроню?" asks whether the case is covered, which the
  // warranty's term does not say.
  const asksTitle =
    split !== undefined && ASKS_ABOUT.test(split.main.toLowerCase()) && main.some((term) => identity.has(term)) && main.every((term) => identity.has(term) || WEAK_TERMS.has(term));
  const apart = split !== undefined && (asksTitle || main.some((term) => !identity.has(term) && !WEAK_TERMS.has(term))) && !main.includes(PRICE_TERM);
  const terms = apart ? main : [...own];
  const context = apart ? resolveText(split.condition) : [];
  // The day of a reservation is when, not what; a delivery's or a pickup's day is what is asked ("доставка в воскресенье?").
  // So is its length ("отложите на неделю?", "бронь на 3 дня"): the shop's rule states how long it holds a thing.
  if (terms.includes(RESERVATION_TERM)) context.push(...terms.filter((term, at) => isDay(term) || isHeldFor(terms, at)));
  const asked = terms.filter((term) => !context.includes(term));
  if (context.length === 0 || asked.length === 0) return undefined;
  return { terms: asked, context: [...new Set(context)] };
}

/** A question word asking what or how: "что по гарантии", "какая гарантия", "как с гарантией". */
const ASKS_ABOUT = /(?<![а-яё])(?:что|чо|че|как[а-яё]*|скольк[а-яё]*|скок[аоу]?)(?![а-яё])/u;

const RESERVATION_TERM = 'брон';

function isDay(term: string): boolean {
  return WEEKDAY_TERMS.has(term) || term === 'выходн';
}

/** Words of how long a thing is held: "на неделю", "на 3 дня" ("дня" reads as "срок"), with the number before them. */
const HOLDING_LENGTHS: ReadonlySet<string> = new Set(['срок', 'сутк', 'недел', 'месяц', 'мес']);

function isHeldFor(terms: readonly string[], at: number): boolean {
  const term = terms[at] ?? '';
  return HOLDING_LENGTHS.has(term) || (/^\d+$/u.test(term) && HOLDING_LENGTHS.has(terms[at + 1] ?? ''));
}

/**
 * "сколько стоит настроить гитару у вас и скок по времени", "доставка сколько? а по времени?": a part asking only how long,
 * of no thing of its own, asks it of the things the part before it names. Asked alone, any passage stating a time answers
 * it ("отправка 1–2 дня"). The earlier part stays a question of its own; only its things are carried, not its price.
 * Where that finds nothing, the time is asked as typed (see ReadPart.situated).
 */
function carryThings(lists: readonly ReadPart[]): ReadPart[] {
  return lists.map((list, at) => {
    const previous = lists[at - 1];
    if (previous === undefined || list.terms.length === 0 || !list.terms.every((term) => ASKED_OF_THING.has(term))) return list;
    const things = previous.terms.filter((term) => !ASKED_OF_THING.has(term) && term !== PRICE_TERM && term !== STATUS_TERM && !WEAK_TERMS.has(term) && !/^\p{N}/u.test(term));
    if (things.length === 0) return list;
    // Where no passage states the time of those things, the earlier part named the buyer's case ("фотки не слетят после
    // переустановки и скока по времени займет"), not the thing: the time is asked as typed, those things only ranking.
    return { ...list, terms: [...new Set([...things, ...list.terms])], situated: list.situated ?? { terms: list.terms, context: things } };
  });
}

// "Эссенция с улиткой есть? Цена?": a one-word follow-up about an attribute asks it of the thing just named.
function joinFollowUps(lists: readonly ReadPart[]): ReadPart[] {
  const joined: ReadPart[] = [];
  for (const list of lists) {
    const previous = joined.at(-1);
    const [only, ...others] = list.terms;
    const isFollowUp = only !== undefined && others.length === 0 && (only === PRICE_TERM || ATTRIBUTE_TERMS.has(only));
    if (isFollowUp && previous !== undefined && previous.terms.length >= 2) joined[joined.length - 1] = { terms: [...previous.terms, only], clauses: [], cuts: [] };
    else joined.push(list);
  }
  return joined;
}

/** A clause's comma-separated pieces that hold a meaningful term each ("производитель какой, морозостойкость?"). */
function splitAtCommas(clause: string, identity: ReadonlySet<string>): string[] {
  const meaningful = clause.split(/,\s*/u).filter((piece) => extractTerms(piece).some((term) => !identity.has(term) && !isMeasure(term)));
  return meaningful.length > 1 ? meaningful : [];
}

function isMeasureWord(term: string | undefined): boolean {
  return term !== undefined && (UNIT_TERMS.has(term) || term === 'размер');
}

function isMeasure(term: string): boolean {
  return /^\p{N}/u.test(term) || UNIT_TERMS.has(term);
}

/** At line breaks (buyers send bursts), sentence ends, and "и" / ", а" between clauses holding terms not in `identity`. */
export function splitQuestion(question: string, identity: ReadonlySet<string> = new Set()): string[] {
  // Units and numbers alone ("и сколько литров") ask about the clause before them.
  const isMeaningful = (text: string): boolean => extractTerms(text).some((term) => !identity.has(term) && !isMeasure(term));
  // "скока ватт и доставка?": a unit asked first is a question of its own; after a clause ("и сколько литров") it asks about that clause.
  const asksMeasure = (text: string): boolean => extractTerms(text).some((term) => UNIT_TERMS.has(term));
  return question
    .split('\n')
    .flatMap((line) => line.split(/(?<=[?!…])\s*|(?<=\.)\s+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
    .flatMap((sentence) => {
      // The capture group keeps each joint, so an unsplit sentence is given back as written.
      // "Наличка или карта?" asks two things the documents may answer apart.
      const [first = '', ...rest] = sentence.split(/(\s+(?:и|или)\s+|,\s*(?:а|и|или)\s+)/iu);
      const clauses = [first];
      for (let at = 0; at + 1 < rest.length; at += 2) {
        const joint = rest[at] ?? '';
        const clause = rest[at + 1] ?? '';
        // A clause without a meaningful term belongs with its neighbour ("Что и как?"): it cannot be asked alone.
        const previous = clauses.at(-1) ?? '';
        // An alternative keeps its "или" ("новые или бу?", the first one maybe named by the title): see QueryPart.choice.
        const isChoice = /или/iu.test(joint);
        // The clause is read first: the merged previous clause grows with every joint.
        const stands =
          isMeaningful(clause) &&
          !restatesBefore(previous, joint, clause) &&
          (isMeaningful(previous) || asksMeasure(previous) || (isChoice && extractTerms(previous).some((term) => !isMeasure(term))));
        if (stands) clauses.push(isChoice ? `или ${clause}` : clause);
        else clauses[clauses.length - 1] = `${previous}${joint}${clause}`;
      }
      return clauses.map((clause) => clause.trim()).filter((clause) => clause !== '');
    });
}

/**
 * "постоянным 5%, а с какой покупки считаетесь постоянным?": a clause stating a value with no question word of its own,
 * before ", а" and a clause that asks, repeats what the buyer was told (by the listing or an earlier answer) to set up his
 * question. Asked alone it is answered by the passage he read it in, and the real question goes unanswered: it stays with
 * the question as its context. "доставка в казань, а самовывоз есть?" names a topic, no value: it asks by itself.
 */
function restatesBefore(previous: string, joint: string, clause: string): boolean {
  return /^,\s*а\s+$/iu.test(joint) && STATED_VALUE.test(previous) && !holdsQuestionWord(previous) && (holdsQuestionWord(clause) || clause.trim().endsWith('?') || ASKING_WORD.test(clause));
}

/** A number the clause states: "5%", "14 про", "2 года". */
const STATED_VALUE = /\d/u;
/** Question words holdsQuestionWord leaves to the clause's context ("с какой", "что", "если … нет"). */
const ASKING_WORD = /(?:^|[^а-яё])(?:что|чо|че|если)(?![а-яё])/u;

// Words naming the listing ("кофемашина", "De'Longhi") say nothing about what is asked, and general documents never hold them.
function identityTerms(index: Pick<PassageIndex, 'passages' | 'termsOf'>, query: KnowledgeQuery): ReadonlySet<string> {
  const listing = query.listing;
  if (listing === undefined) return new Set();
  const titles = listListingTitles(index.passages, listing);
  // "…, 50 мл и 100 мл" names the listing's volumes, not the listing: "объем какой?" is still asked. So does "ET45 DIA 67.1":
  // a spec's Latin abbreviation read as its name ("вылет", "цо") names a value of it, and "вылет какой?" is asked.
  return new Set([...titles].flatMap((title) => without(index.termsOf(title), [...listAmountOnlyMeasures(listTermWords(title)), ...listSpecNames(title)])));
}

// Only before its value ("ET45", "DIA 67.1", "SPF 50"): "Global" in a phone's title is the version it is.
function listSpecNames(title: string): string[] {
  const text = normalizeText(title);
  return listTermWords(title)
    .filter(({ term, word }) => LATIN_LETTERS.test(word) && CYRILLIC_TERM.test(term) && new RegExp(`(?<![a-z])${word}\\s*\\d`, 'u').test(text))
    .map(({ term }) => term);
}

const LATIN_LETTERS = /^[a-z]+$/u;
const CYRILLIC_TERM = /^[а-я]/u;

function without(terms: readonly string[], left: readonly string[]): string[] {
  return left.length === 0 ? [...terms] : terms.filter((term) => !left.includes(term));
}

// A short section the question names ("## Комплектация") is quoted whole: its passages complete one another.
function quoteHits(
  index: Pick<PassageIndex, 'passages' | 'termsOf'>,
  hits: readonly PassageHit[],
  terms: readonly string[],
  threshold: number,
  strategy: Strategy,
  naming: readonly string[],
): Piece[] {
  const chosen = choosePassages(hits, threshold);
  const best = hits[0]?.passage;
  const { passages, termsOf } = index;
  const section = best === undefined ? undefined : findNamedSection(passages, best, terms, termsOf);
  const sectionText = section?.map((passage) => passage.text).join(PIECE_SEPARATOR) ?? '';
  const quoteSection = section !== undefined && section.length > 1 && sectionText.length <= MAX_SECTION_LENGTH;
  const pieces: Array<Piece & { position: number }> = [];
  if (quoteSection) {
    const evidence = hits.filter((hit) => section.includes(hit.passage));
    const text = section.map((passage) => focusTable(passage, [...terms, ...naming], termsOf)).join(PIECE_SEPARATOR);
    pieces.push({ text, document: section[0]?.document ?? '', strategy, evidence, position: section[0]?.position ?? 0 });
  }
  for (const passage of chosen) {
    if (quoteSection && section.includes(passage)) continue;
    // A table's rows are picked by the listing's own words too ("600×300×200" in its title): they tell the rows apart.
    const text =
      passage.tableHeader === undefined
        ? quoteSentences(focusList(passage.text, terms, termsOf), terms, termsOf)
        : focusTable(passage, [...terms, ...naming], termsOf);
    const evidence = hits.filter((hit) => hit.passage === passage);
    pieces.push({ text, document: passage.document, strategy, evidence, position: passage.position });
  }
  return pieces.sort((a, b) => a.position - b.position).map(({ position: _position, ...piece }) => piece);
}

// Passages above the first heading have no section: a document's opening is not one topic.
function findNamedSection(passages: readonly Passage[], passage: Passage, terms: readonly string[], termsOf: (text: string) => string[]): Passage[] | undefined {
  const wanted = new Set(terms);
  const depth = passage.headings.findIndex((heading) => termsOf(heading).some((term) => wanted.has(term)));
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

// Two parts answered by one passage quote it once; a piece quoting earlier ones takes the first one's place.
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

// Long pieces share what short ones leave, cut at sentence ends; a piece with no whole sentence that fits is dropped.
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

// Max-min fair shares (water-filling).
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
 * A long passage is cut to the sentences and lines holding the question's terms, in order: a buyer asking about the brakes
 * reads about the brakes, not the whole bike. Lists and tables are left to focusList; nothing matching keeps the passage.
 */
export function quoteSentences(text: string, terms: readonly string[], termsOf: (text: string) => string[] = extractTerms): string {
  if (text.length <= SHORT_PASSAGE_LENGTH) return text;
  const lines = text.split('\n');
  if (lines.some((line) => LIST_ITEM.test(line))) return text;
  return chooseSentences(lines, terms, splitSentences, termsOf) ?? text;
}

/** A long list is cut to the items holding the question's terms, unless its lead line matches ("В комплекте:"). */
export function focusList(text: string, terms: readonly string[], termsOf: (text: string) => string[] = extractTerms): string {
  const lines = text.split('\n');
  const isItem = (line: string): boolean => LIST_ITEM.test(line);
  const items = lines.filter(isItem);
  if (items.length < FOCUS_MIN_ITEMS) return text;
  const wanted = new Set(terms);
  const mentions = (line: string): boolean => termsOf(line).some((term) => wanted.has(term));
  if (lines.some((line) => !isItem(line) && mentions(line))) return text;
  const matching = items.filter(mentions);
  if (matching.length === 0 || matching.length === items.length) return text;
  return matching.join('\n');
}

export function trimAtSentence(text: string, maxLength: number): string {
  const cut = cutAtSentence(text, maxLength);
  if (cut !== '') return cut;
  const trimmed = text.trim();
  const space = trimmed.lastIndexOf(' ', maxLength);
  return trimmed.slice(0, space > 0 ? space : maxLength).trim();
}

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
