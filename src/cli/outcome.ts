/** How a chat outcome reads on a terminal (reply and poll --dry-run). */
import type { ChatOutcome } from '../core/responder.js';
import type { OutputStream } from './io.js';
import { paintFor } from './paint.js';

export function printOutcome(out: OutputStream, outcome: ChatOutcome): void {
  const c = paintFor(out);
  const head = c.bold(outcome.chatId);
  switch (outcome.action) {
    case 'answered':
    case 'would-answer': {
      const verb = outcome.action === 'answered' ? 'sent' : 'would send';
      const sources = outcome.sources.length ? ` · ${outcome.sources.join(', ')}` : '';
      out.write(`${head} ${verb} [${outcome.status}${sources}]\n`);
      out.write(`  ? ${outcome.question.split('\n').join('\n    ')}\n`);
      out.write(`  → ${outcome.reply.split('\n').join('\n    ')}\n`);
      break;
    }
    case 'skipped':
      out.write(`${head} nothing to send (${outcome.reason})\n`);
      break;
    case 'held':
      out.write(`${head} held back (${outcome.reason})\n`);
      break;
    case 'deferred':
      out.write(`${head} knowledge engine failed (attempt ${outcome.attempt}): ${outcome.error}\n`);
      break;
    case 'failed':
      out.write(`${head} failed: ${outcome.error}\n`);
      break;
  }
}
