/** Shared by the responder and `ask`, so that `ask` shows exactly what a buyer would get. */
import { isSameText } from './decide.js';
import { namesPerson, type EscalationMatcher } from './escalation.js';
import type { ResponderSettings } from './inquiry.js';
import type { DialogStatus, Listing } from './model.js';
import type { ContextMessage, KnowledgeAnswer, KnowledgeEngine } from './ports.js';
import { classifySmallTalk, readsAsYes, type SmallTalk } from './small-talk.js';

export interface ComposedReply {
  status: Extract<DialogStatus, 'FOUND' | 'NOT_FOUND' | 'ESCALATION' | 'SMALL_TALK'>;
  /** Empty for small talk the seller set no text for: nothing is sent. */
  reply: string;
  sources: string[];
  answer?: KnowledgeAnswer;
  smallTalk?: SmallTalk;
}

/** The buyer's words no document uses, where the buyer got the fallback and the engine names them (see KnowledgeAnswer). */
export function listUnknownWords(reply: { status: DialogStatus; answer?: KnowledgeAnswer }): string[] {
  return reply.status === 'NOT_FOUND' ? (reply.answer?.unknownWords ?? []) : [];
}

/**
 * The buyer's questions left to a person, where the engine names them (see KnowledgeAnswer): those a FOUND answer left
 * out, or those of a message whose partial answer was withheld (NOT_FOUND). The chat then waits for the seller.
 */
export function listLeftOut(reply: { status: DialogStatus; answer?: KnowledgeAnswer }): string[] {
  return reply.status === 'FOUND' || reply.status === 'NOT_FOUND' ? (reply.answer?.leftOut ?? []) : [];
}

export type ReplySettings = Pick<ResponderSettings, 'fallbackText' | 'escalationText' | 'thanksReplyText' | 'greetingReplyText' | 'partialAnswerText'>;

/** Throws what the engine throws (KnowledgeError): the caller decides whether to retry. Small talk and requests for a person never reach the engine. */
export async function composeReply(
  input: { question: string; listing?: Listing; context?: readonly ContextMessage[]; signal?: AbortSignal },
  deps: { engine: KnowledgeEngine; escalation: EscalationMatcher; settings: ReplySettings },
): Promise<ComposedReply> {
  const { settings } = deps;
  if (deps.escalation.match(input.question) || (answersOffer(input.context, settings.fallbackText) && readsAsYes(input.question))) {
    return { status: 'ESCALATION', reply: settings.escalationText, sources: [] };
  }
  const smallTalk = classifySmallTalk(input.question);
  if (smallTalk) {
    const reply = (smallTalk === 'thanks' ? settings.thanksReplyText : settings.greetingReplyText) ?? '';
    return { status: 'SMALL_TALK', reply, sources: [], smallTalk };
  }
  const answer = await deps.engine.answer(
    {
      question: input.question,
      ...(input.listing ? { listing: input.listing } : {}),
      ...(input.context ? { context: input.context } : {}),
    },
    input.signal ? { signal: input.signal } : undefined,
  );
  // A model that read a request for a person the phrase detector missed ("а с живым можно?") calls the seller in.
  if (answer.status === 'ESCALATION') return { status: 'ESCALATION', reply: settings.escalationText, sources: [], answer };
  // Anything but a non-empty grounded answer gets exactly the fallback: the bot never improvises.
  if (answer.status === 'FOUND' && answer.text.trim() !== '') {
    // A question the answer leaves out is not dropped silently: the buyer is told a person answers it.
    const partial = (answer.leftOut?.length ?? 0) > 0 && (settings.partialAnswerText ?? '') !== '';
    return { status: 'FOUND', reply: partial ? `${answer.text}\n\n${settings.partialAnswerText}` : answer.text, sources: answer.sources, answer };
  }
  return { status: 'NOT_FOUND', reply: settings.fallbackText, sources: [], answer };
}

/** The bot spoke last, and said the fallback, which offers a person: a "да" now takes the offer. */
function answersOffer(context: readonly ContextMessage[] | undefined, fallbackText: string): boolean {
  const last = context?.findLast((message) => message.role !== 'buyer');
  return last?.role === 'bot' && isSameText(last.text, fallbackText) && namesPerson(fallbackText);
}
