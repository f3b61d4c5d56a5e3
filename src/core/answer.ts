/** Shared by the responder and `ask`, so that `ask` shows exactly what a buyer would get. */
import type { EscalationMatcher } from './escalation.js';
import type { ResponderSettings } from './inquiry.js';
import type { DialogStatus, Listing } from './model.js';
import type { ContextMessage, KnowledgeAnswer, KnowledgeEngine } from './ports.js';

export interface ComposedReply {
  status: Extract<DialogStatus, 'FOUND' | 'NOT_FOUND' | 'ESCALATION'>;
  reply: string;
  sources: string[];
  answer?: KnowledgeAnswer;
}

/** Throws what the engine throws (KnowledgeError): the caller decides whether to retry. */
export async function composeReply(
  input: { question: string; listing?: Listing; context?: readonly ContextMessage[]; signal?: AbortSignal },
  deps: { engine: KnowledgeEngine; escalation: EscalationMatcher; settings: Pick<ResponderSettings, 'fallbackText' | 'escalationText'> },
): Promise<ComposedReply> {
  if (deps.escalation.match(input.question)) {
    return { status: 'ESCALATION', reply: deps.settings.escalationText, sources: [] };
  }
  const answer = await deps.engine.answer(
    {
      question: input.question,
      ...(input.listing ? { listing: input.listing } : {}),
      ...(input.context ? { context: input.context } : {}),
    },
    input.signal ? { signal: input.signal } : undefined,
  );
  // Anything but a non-empty grounded answer gets exactly the fallback: the bot never improvises.
  if (answer.status === 'FOUND' && answer.text.trim() !== '') {
    return { status: 'FOUND', reply: answer.text, sources: answer.sources, answer };
  }
  return { status: 'NOT_FOUND', reply: deps.settings.fallbackText, sources: [], answer };
}
