/** `avito-ai ask "<question>"`: the answer a buyer would get, from the knowledge base only. */
import { composeReply, listLeftOut, listUnknownWords, type ComposedReply } from '../../core/answer.js';
import type { Config } from '../../config/config.js';
import type { KnowledgeEngine, KnowledgeRetriever, RetrievedPassage } from '../../core/ports.js';
import { DEFAULT_THRESHOLD } from '../../knowledge/index.js';
import { createEscalationMatcher } from '../../core/escalation.js';
import { UsageError } from '../../errors.js';
import { ExitCode } from '../exit-codes.js';
import { parsePositiveInt, type CommandContext } from '../command.js';
import { paintFor } from '../paint.js';
import { createEngineFor, createLoggerFor } from '../services.js';
import { loadAccountConfig } from '../accounts/load.js';
import { commandsText } from '../../messages/commands.js';

export default async function ask(context: CommandContext): Promise<ExitCode> {
  const question = String(context.args[0] ?? '').trim();
  if (!question) throw new UsageError(commandsText().askNeedsQuestion);
  const itemId = parsePositiveInt(context.options.item, '--item');
  const dir = context.options.knowledgeDir === undefined ? undefined : String(context.options.knowledgeDir);
  const config = loadAccountConfig(context, dir ? { KNOWLEDGE_DIR: dir } : {});
  const logger = createLoggerFor(config, context);
  const engine = await createEngineFor(config, { logger, ...(context.options.engine ? { engine: String(context.options.engine) } : {}) });

  const outcome = await answerQuestion(engine, config, question, itemId);
  const { result, latencyMs, passages, candidates } = outcome;
  const out = context.io.stdout;
  if (context.options.json) {
    out.write(`${JSON.stringify(toJsonAnswer(outcome, engine.name))}\n`);
    return ExitCode.Ok;
  }
  const c = paintFor(out);
  const colour = result.status === 'FOUND' ? c.green : result.status === 'ESCALATION' ? c.yellow : result.status === 'SMALL_TALK' ? c.gray : c.red;
  out.write(`${result.reply || c.gray(describeSilence(result.smallTalk))}\n\n`);
  const text = commandsText();
  const details = [
    colour(result.status),
    result.sources.length ? text.askSources(result.sources.join(', ')) : undefined,
    result.answer?.strategy ? text.askStrategy(result.answer.strategy) : undefined,
    result.answer ? text.askEngine(engine.name) : undefined,
    result.answer?.model ? text.askModel(result.answer.model) : undefined,
    text.ms(latencyMs),
    result.answer?.usage?.inputTokens ? text.askTokens(result.answer.usage.inputTokens, result.answer.usage.outputTokens ?? 0) : undefined,
  ].filter(Boolean);
  out.write(`${c.gray(details.join(' · '))}\n`);
  if (result.answer?.refusal) out.write(`${c.red(`  ✗ ${describeRefusal(result.answer.refusal, engine.name, config)}`)}\n`);
  // A model's passages: ← the answer cites it, · it was given and not cited.
  for (const passage of passages) out.write(`${c.gray(`  ${passage.cited === false ? '·' : '←'} ${describePassage(passage)}`)}\n`);
  for (const candidate of candidates) out.write(`${c.gray(`  ✗ ${describePassage(candidate)} (${explainRefusal(candidate)})`)}\n`);
  const unknownWords = listUnknownWords(result);
  if (unknownWords.length > 0) out.write(`${c.yellow(text.askUnknownWords(unknownWords))}\n`);
  const leftOut = listLeftOut(result);
  if (leftOut.length > 0) out.write(`${c.yellow(text.askLeftOut(leftOut))}\n`);
  return ExitCode.Ok;
}

/** What a buyer would be answered, with what the answer stands on: for `ask` and the MCP server's `ask` tool. */
export interface AskOutcome {
  result: ComposedReply;
  latencyMs: number;
  passages: RetrievedPassage[];
  candidates: RetrievedPassage[];
}

export async function answerQuestion(engine: KnowledgeEngine, config: Config, question: string, itemId: number | undefined): Promise<AskOutcome> {
  const started = Date.now();
  const result = await composeReply(
    { question, ...(itemId ? { listing: { id: itemId } } : {}) },
    { engine, escalation: createEscalationMatcher(config.responder.escalationPhrases), settings: config.responder },
  );
  const latencyMs = Date.now() - started;
  const passages = result.answer?.passages ?? [];
  // What the answer stands on; for a refusal, what came closest and fell short (engines that can retrieve).
  const given = result.answer?.model !== undefined;
  const candidates = result.status === 'NOT_FOUND' && !given && isRetriever(engine) ? await engine.retrieve({ question, ...(itemId ? { listing: { id: itemId } } : {}) }, { limit: 3 }) : [];
  return { result, latencyMs, passages, candidates };
}

/** The object `ask --json` prints. */
export function toJsonAnswer({ result, latencyMs, passages, candidates }: AskOutcome, engineName: string): Record<string, unknown> {
  const unknownWords = listUnknownWords(result);
  const leftOut = listLeftOut(result);
  return {
    status: result.status,
    answer: result.reply,
    sources: result.sources,
    engine: engineName,
    ...(result.answer?.model ? { model: result.answer.model } : {}),
    ...(result.answer?.refusal ? { refusal: result.answer.refusal } : {}),
    ...(result.smallTalk ? { small_talk: result.smallTalk } : {}),
    ...(result.answer?.strategy ? { strategy: result.answer.strategy } : {}),
    ...(unknownWords.length > 0 ? { unknown_words: unknownWords } : {}),
    ...(leftOut.length > 0 ? { left_out: leftOut } : {}),
    latency_ms: latencyMs,
    ...(result.answer?.usage ? { input_tokens: result.answer.usage.inputTokens ?? null, output_tokens: result.answer.usage.outputTokens ?? null } : {}),
    passages: passages.map(toJsonPassage),
    ...(candidates.length > 0 ? { candidates: candidates.map((candidate) => ({ ...toJsonPassage(candidate), why_not: explainRefusal(candidate) })) } : {}),
  };
}

/** In MCP answer mode the seller's server wrote the refused answer, not a model of ours. */
function describeRefusal(reason: string, engineName: string, config: Config): string {
  const text = commandsText();
  return engineName === 'mcp' && config.mcp.mode === 'answer' ? text.askServerRefused(reason) : text.askRefused(reason);
}

/** What the bot does with a message that asks nothing, when the seller set no text for it. */
function describeSilence(kind: 'thanks' | 'greeting' | undefined): string {
  return kind === 'greeting' ? commandsText().silentGreeting : commandsText().silentThanks;
}

/** Why a close passage did not answer: too little of the question in it, or the words only in passing. */
function explainRefusal(passage: RetrievedPassage): string {
  return (passage.coverage ?? 0) < DEFAULT_THRESHOLD ? commandsText().refusalPartial : commandsText().refusalInPassing;
}

function isRetriever(engine: KnowledgeEngine): engine is KnowledgeEngine & KnowledgeRetriever {
  return typeof (engine as Partial<KnowledgeRetriever>).retrieve === 'function';
}

/** Why a passage won (or fell short): its terms in common with the question and the share of the question they make. */
function toJsonPassage(passage: RetrievedPassage): Record<string, unknown> {
  return {
    source: passage.source,
    scope: passage.scope,
    score: Math.round(passage.score * 100) / 100,
    ...(passage.coverage === undefined ? {} : { coverage: Math.round(passage.coverage * 100) / 100 }),
    matched: passage.matched,
    ...(passage.cited === undefined ? {} : { cited: passage.cited }),
    text: passage.text,
  };
}

function describePassage(passage: RetrievedPassage): string {
  const coverage = passage.coverage === undefined ? '' : ` · ${Math.round(passage.coverage * 100)}%`;
  return `${passage.source}${coverage} · ${passage.matched.join(', ') || '—'}`;
}
