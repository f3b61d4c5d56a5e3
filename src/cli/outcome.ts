/** How a chat outcome reads on a terminal (reply and poll --dry-run). */
import type { ChatOutcome } from '../core/responder.js';
import type { OutputStream } from './io.js';
import { paintFor } from './paint.js';
import { commandsText } from '../messages/commands.js';

export function printOutcome(out: OutputStream, outcome: ChatOutcome): void {
  const c = paintFor(out);
  const text = commandsText();
  const head = c.bold(outcome.chatId);
  switch (outcome.action) {
    case 'answered':
    case 'would-answer': {
      const verb = outcome.action === 'answered' ? text.sent : text.wouldSend;
      const sources = outcome.sources.length ? ` · ${outcome.sources.join(', ')}` : '';
      out.write(`${head} ${verb} [${outcome.status}${sources}]\n`);
      out.write(`  ? ${outcome.question.split('\n').join('\n    ')}\n`);
      out.write(`  → ${outcome.reply.split('\n').join('\n    ')}\n`);
      break;
    }
    case 'skipped':
      out.write(`${head} ${text.nothingToSend(outcome.reason)}\n`);
      break;
    case 'held':
      out.write(`${head} ${text.heldBack(outcome.reason)}\n`);
      break;
    case 'deferred':
      out.write(`${head} ${text.engineFailed(outcome.attempt, outcome.error)}\n`);
      break;
    case 'failed':
      out.write(`${head} ${text.failed(outcome.error)}\n`);
      break;
  }
}
