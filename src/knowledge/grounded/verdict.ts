/**
 * The grounding check, in code: a model's reply becomes an answer only when it is the JSON asked for, says the
 * passages answer, cites passages it was given, and states no number and no claim those passages do not hold.
 * Anything else is NOT_FOUND (the buyer gets FALLBACK_TEXT), or ESCALATION when the model says the buyer wants a person.
 */
import type { RetrievedPassage } from '../../core/ports.js';
import { createLeakCheck } from '../instruction-leak.js';
import { MAX_ANSWER_LENGTH } from '../local/answer.js';
import { findUnsupportedClaim, normaliseAnswer } from './claims.js';
import { GROUNDED_SYSTEM_PROMPT, passageId } from './prompt.js';

export interface ModelReply {
  answerable: boolean;
  wantsPerson: boolean;
  answer: string;
  sources: string[];
  /** The buyer's questions the model says the passages leave unanswered, in the buyer's words. */
  leftOut: string[];
}

export type Verdict =
  | { status: 'FOUND'; text: string; cited: RetrievedPassage[]; leftOut: string[] }
  | { status: 'NOT_FOUND' | 'ESCALATION'; reason: string };

export interface GroundingContext {
  /** The passages given to the model, in the order of their ids. */
  passages: readonly RetrievedPassage[];
  /** A text's content terms, as the index reads them (stems, synonyms joined). */
  termsOf: (text: string) => string[];
  question: string;
  /** The listing's title, which the model saw: its words may name the product. */
  listingTitle?: string;
}


export function judgeReply(completion: { text: string; finishReason: string | undefined }, context: GroundingContext): Verdict {
  const { finishReason } = completion;
  // Only a finished answer counts: one cut off (length) or withheld (blacklist, content_filter) may say half a fact.
  if (finishReason !== undefined && finishReason !== 'stop') return refuse(`the answer did not finish (${finishReason})`);
  const reply = parseModelReply(completion.text);
  if (!reply) return refuse('the model did not return the JSON asked for');
  if (reply.wantsPerson) return { status: 'ESCALATION', reason: 'the model says the buyer wants a person' };
  if (!reply.answerable) return refuse('the model says the passages do not answer');
  const text = normaliseAnswer(stripCitations(reply.answer));
  if (text === '') return refuse('the answer is empty');
  if (reply.sources.length === 0) return refuse('the answer cites no passage');
  const ids = new Map(context.passages.map((passage, position) => [passageId(position), passage]));
  const stranger = reply.sources.find((id) => !ids.has(id));
  if (stranger !== undefined) return refuse(`the answer cites ${stranger}, which it was not given`);
  const cited = [...new Set(reply.sources)].map((id) => ids.get(id)!);
  // "Указана в документах" copied from a passage is its fact, not the model saying it has none.
  if (saysNoAnswer(text) && !cited.some((passage) => saysNoAnswer(passage.text))) return refuse('the answer says the documents do not hold it');
  const unsupported = findUnsupportedClaim(text, {
    cited,
    termsOf: context.termsOf,
    question: context.question,
    ...(context.listingTitle ? { listingTitle: context.listingTitle } : {}),
  });
  if (unsupported) return refuse(unsupported);
  const fitted = fitLength(text, MAX_ANSWER_LENGTH);
  if (fitted === undefined) return refuse(`the answer is longer than ${MAX_ANSWER_LENGTH} characters with no sentence end to cut at`);
  return { status: 'FOUND', text: fitted, cited, leftOut: keepAskedLeftOut(reply.leftOut, context) };
}

/** At most this many questions left out are told to the seller, each at most this long: a message asks two or three things. */
const LEFT_OUT_LIMIT = 5;
const LEFT_OUT_LENGTH = 200;

/**
 * The questions the model left to the seller, kept where they share a word with the buyer's message: what the seller is
 * told the buyer asked must be something the buyer asked, not a line the model made up.
 */
function keepAskedLeftOut(leftOut: readonly string[], context: GroundingContext): string[] {
  const asked = new Set(context.termsOf(context.question));
  return leftOut
    .map((question) => question.replace(/\s+/g, ' ').trim())
    .filter((question) => question !== '' && question.length <= LEFT_OUT_LENGTH && context.termsOf(question).some((term) => asked.has(term)))
    .slice(0, LEFT_OUT_LIMIT);
}

/** The JSON object, even wrapped in a code fence or a sentence; undefined for anything else. */
export function parseModelReply(text: string): ModelReply | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end <= start) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const body = value as Record<string, unknown>;
  const answer = typeof body.answer === 'string' ? body.answer : '';
  const sources = Array.isArray(body.sources) ? body.sources.map(normaliseId).filter((id): id is string => id !== undefined) : [];
  if (typeof body.answerable !== 'boolean' && typeof body.wants_person !== 'boolean') return undefined;
  const leftOut = Array.isArray(body.left_out) ? body.left_out.filter((question): question is string => typeof question === 'string') : [];
  return { answerable: body.answerable === true, wantsPerson: body.wants_person === true, answer, sources, leftOut };
}

/** "P1", "p1", 1 and "[P1]" are the same id. */
function normaliseId(value: unknown): string | undefined {
  const match = /^\[?p?(\d{1,3})\]?$/i.exec(String(value).trim());
  return match ? `P${Number(match[1])}` : undefined;
}

/** "[P1]", "(P2, P3)" left in the text are ours, not the buyer's: dropped before any check reads the digits. */
function stripCitations(text: string): string {
  return text
    .replace(/\s*[[(]\s*P\d{1,3}(?:\s*[,;]\s*P\d{1,3})*\s*[\])]/gi, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

const NO_ANSWER = /нет (?:такой |этой |точной )?(?:информации|сведений|данных)|информаци[ия] (?:об этом |по этому вопросу )?нет|не указан|не могу (?:ответить|сказать|подсказать)|не знаю|затрудняюсь|не нашл|не найден|во фрагмент|в документ|НЕТ[\s_-]*ОТВЕТА/i;

/** "Нет информации" in prose, with answerable true, is still no answer. */
export function saysNoAnswer(text: string): boolean {
  return NO_ANSWER.test(text) || leaksInstruction(text);
}

/** A buyer who talked the model into reciting its rules gets no answer, not the rules. */
const leaksInstruction = createLeakCheck(GROUNDED_SYSTEM_PROMPT);

/** Avito's limit: whole sentences up to it, never a cut word. */
function fitLength(text: string, limit: number): string | undefined {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const end = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('.\n'));
  return end > 0 ? head.slice(0, end + 1).trim() : undefined;
}

function refuse(reason: string): Verdict {
  return { status: 'NOT_FOUND', reason };
}
