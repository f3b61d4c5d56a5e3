/**
 * When the seller's server writes the answer itself (MCP_MODE=answer), what may reach the buyer: not the no-answer
 * marker, not an empty text, not "the documents do not say", and no number that none of the returned sources states.
 */
import { mcpEngineText } from '../../messages/mcp-engine.js';
import { normaliseAnswer } from '../grounded/claims.js';
import { unsupportedNumbers } from '../grounded/numbers.js';
import { saysNoAnswer } from '../grounded/verdict.js';
import { MAX_ANSWER_LENGTH } from '../local/answer.js';
import { splitSentences } from '../local/passages.js';
import type { ToolAnswer } from './results.js';

export type AnswerVerdict = { status: 'FOUND'; text: string } | { status: 'NOT_FOUND'; reason: string };

export function judgeToolAnswer(answer: ToolAnswer, noAnswerMarker: string): AnswerVerdict {
  const text = normaliseAnswer(answer.text).trim();
  const messages = mcpEngineText();
  if (text === '') return { status: 'NOT_FOUND', reason: messages.refusedEmpty };
  if (noAnswerMarker !== '' && text.toLowerCase().includes(noAnswerMarker.toLowerCase())) return { status: 'NOT_FOUND', reason: messages.refusedNoAnswer };
  // "Указано в документах" copied from a source is its fact, not the server saying it has none.
  if (saysNoAnswer(text) && !answer.sources.some((source) => saysNoAnswer(source.text))) return { status: 'NOT_FOUND', reason: messages.refusedSaysNone };
  const invented = unsupportedNumbers(text, answer.sources.map((source) => source.text));
  if (invented.length > 0) return { status: 'NOT_FOUND', reason: messages.refusedNumbers(invented.join(', ')) };
  const fitted = fitSentences(text, MAX_ANSWER_LENGTH);
  if (fitted === '') return { status: 'NOT_FOUND', reason: messages.refusedLength };
  return { status: 'FOUND', text: fitted };
}

/** Whole sentences up to Avito's limit, never a cut word; '' when the first sentence alone is too long. */
function fitSentences(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let result = '';
  for (const sentence of splitSentences(text.replace(/\s+/g, ' '))) {
    const next = result === '' ? sentence : `${result} ${sentence}`;
    if (next.length > limit) break;
    result = next;
  }
  return result;
}
