/** `avito-ai ask "<question>"`: the answer a buyer would get, from the knowledge base only. */
import { composeReply } from '../../core/answer.js';
import { createEscalationMatcher } from '../../core/escalation.js';
import { UsageError } from '../../errors.js';
import { ExitCode } from '../exit-codes.js';
import { parsePositiveInt, type CommandContext } from '../command.js';
import { paintFor } from '../paint.js';
import { createEngineFor, createLoggerFor, loadConfig } from '../services.js';

export default async function ask(context: CommandContext): Promise<ExitCode> {
  const question = String(context.args[0] ?? '').trim();
  if (!question) throw new UsageError('ask needs a question, e.g. avito-ai ask "Как доставляете?"');
  const itemId = parsePositiveInt(context.options.item, '--item');
  const dir = context.options.knowledgeDir === undefined ? undefined : String(context.options.knowledgeDir);
  const config = loadConfig(context, dir ? { KNOWLEDGE_DIR: dir } : {});
  const logger = createLoggerFor(config, context);
  const engine = await createEngineFor(config, { logger, ...(context.options.engine ? { engine: String(context.options.engine) } : {}) });

  const started = Date.now();
  const result = await composeReply(
    { question, ...(itemId ? { listing: { id: itemId } } : {}) },
    { engine, escalation: createEscalationMatcher(config.responder.escalationPhrases), settings: config.responder },
  );
  const latencyMs = Date.now() - started;
  const out = context.io.stdout;
  if (context.options.json) {
    out.write(
      `${JSON.stringify({
        status: result.status,
        answer: result.reply,
        sources: result.sources,
        engine: engine.name,
        ...(result.answer?.strategy ? { strategy: result.answer.strategy } : {}),
        latency_ms: latencyMs,
        ...(result.answer?.usage ? { input_tokens: result.answer.usage.inputTokens ?? null, output_tokens: result.answer.usage.outputTokens ?? null } : {}),
      })}\n`,
    );
    return ExitCode.Ok;
  }
  const c = paintFor(out);
  const colour = result.status === 'FOUND' ? c.green : result.status === 'ESCALATION' ? c.yellow : c.red;
  out.write(`${result.reply}\n\n`);
  const details = [
    colour(result.status),
    result.sources.length ? `sources: ${result.sources.join(', ')}` : undefined,
    result.answer?.strategy ? `strategy: ${result.answer.strategy}` : undefined,
    `engine: ${engine.name}`,
    `${latencyMs} ms`,
    result.answer?.usage?.inputTokens ? `tokens: ${result.answer.usage.inputTokens} in, ${result.answer.usage.outputTokens ?? 0} out` : undefined,
  ].filter(Boolean);
  out.write(`${c.gray(details.join(' · '))}\n`);
  return ExitCode.Ok;
}
