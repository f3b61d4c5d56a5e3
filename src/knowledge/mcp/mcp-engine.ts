/**
 * Knowledge from the seller's own MCP server (KNOWLEDGE_ENGINE=mcp). One tool is called per question, with arguments
 * built from the seller's template. In passages mode its passages are composed into an answer as the folder's are: a
 * chat model under the grounding check (the grounded engine), or quoted as the built-in engine quotes. In answer mode
 * the tool's own answer goes through answer-check.ts. A tool error is a KnowledgeError: the core defers the question.
 */
import type { KnowledgeAnswer, KnowledgeDocumentInfo, KnowledgeEngine, KnowledgeQuery, KnowledgeRetriever, RetrievedPassage, SyncReport } from '../../core/ports.js';
import { KnowledgeError } from '../../errors.js';
import { mcpEngineText } from '../../messages/mcp-engine.js';
import type { ChatModel } from '../grounded/chat-model.js';
import { createGroundedEngine } from '../grounded/grounded-engine.js';
import { createLocalEngine } from '../local/local-engine.js';
import { judgeToolAnswer } from './answer-check.js';
import { fillArguments } from './arguments.js';
import type { McpConnection } from './connection.js';
import { readAnswer, readErrorText, readPassages, type ToolAnswer, type ToolPassage } from './results.js';
import { createSnapshotIndex } from './snapshot-index.js';

export interface McpEngineOptions {
  connection: McpConnection;
  tool: string;
  /** The MCP_ARGUMENTS template (see arguments.ts). */
  arguments: Readonly<Record<string, unknown>>;
  mode: 'passages' | 'answer';
  /** Passages mode: the model that writes the answer; without one the passages are quoted. */
  model?: ChatModel;
  /** Answer mode: a reply holding it means "no answer" ('' : none). */
  noAnswerMarker: string;
  contextLimit: number;
  now?: () => number;
}

export interface McpKnowledgeEngine extends KnowledgeEngine, KnowledgeRetriever {
  readonly name: 'mcp';
  readonly model: ChatModel | undefined;
  readonly connection: McpConnection;
  /** Stops the server (stdio) or ends the session (HTTP). */
  close(): Promise<void>;
}

const ENGINE = 'mcp';

export function createMcpEngine(options: McpEngineOptions): McpKnowledgeEngine {
  const now = options.now ?? Date.now;
  const callTool = async (query: KnowledgeQuery, signal?: AbortSignal) => {
    const result = await options.connection.callTool(options.tool, fillArguments(options.arguments, query, options.contextLimit), signal ? { signal } : {});
    if (result.isError) {
      const text = mcpEngineText();
      throw new KnowledgeError(text.toolFailed(options.tool, readErrorText(result)), ENGINE, { hint: text.toolFailedHint });
    }
    return result;
  };
  const fetchPassages = async (query: KnowledgeQuery, signal?: AbortSignal): Promise<ToolPassage[]> => readPassages(await callTool(query, signal), options.tool);

  return {
    name: ENGINE,
    model: options.model,
    connection: options.connection,

    async answer(query, answerOptions) {
      const started = now();
      const signal = answerOptions?.signal;
      const answer =
        options.mode === 'answer'
          ? toKnowledgeAnswer(readAnswer(await callTool(query, signal), options.tool), options)
          : await composeAnswer(await fetchPassages(query, signal), query, options, signal);
      return { ...answer, engine: ENGINE, latencyMs: Math.max(0, now() - started) };
    },

    async retrieve(query, retrieveOptions) {
      // Answer mode: what the answer stood on is what came closest.
      const passages = options.mode === 'answer' ? readAnswer(await callTool(query, retrieveOptions?.signal), options.tool).sources : await fetchPassages(query, retrieveOptions?.signal);
      return createSnapshotIndex(passages, query).retrieve(query, retrieveOptions?.limit === undefined ? {} : { limit: retrieveOptions.limit });
    },

    // The server holds the documents: a "sync" proves it answers and offers the tool.
    sync: () => describeServer(options).then(toSyncReport),
    listDocuments: (listOptions) => describeServer(options, listOptions?.signal).then((document) => [document]),
    close: () => options.connection.close(),
  };
}

/** The passages of one call, composed as the folder's would be: by the grounded engine with a model, else quoted. */
async function composeAnswer(found: readonly ToolPassage[], query: KnowledgeQuery, options: McpEngineOptions, signal?: AbortSignal): Promise<KnowledgeAnswer> {
  // No passage, no model call: there is nothing it could stand on.
  if (found.length === 0) return { status: 'NOT_FOUND', text: '', sources: [], engine: ENGINE, passages: [] };
  const index = createSnapshotIndex(found, query);
  const { model, contextLimit } = options;
  const engine = model ? createGroundedEngine({ model, index, contextLimit }) : createLocalEngine({ index });
  return engine.answer(query, signal ? { signal } : {});
}

function toKnowledgeAnswer(answer: ToolAnswer, options: McpEngineOptions): KnowledgeAnswer {
  const verdict = judgeToolAnswer(answer, options.noAnswerMarker);
  const passages: RetrievedPassage[] = answer.sources.map((source, position) => ({
    source: source.source,
    text: source.text,
    ...(source.heading ? { heading: source.heading } : {}),
    score: source.score ?? answer.sources.length - position,
    scope: source.itemId === undefined ? 'general' : 'item',
    ...(source.itemId === undefined ? {} : { itemId: source.itemId }),
    matched: [],
  }));
  if (verdict.status === 'NOT_FOUND') return { status: 'NOT_FOUND', text: '', sources: [], engine: ENGINE, passages, refusal: verdict.reason };
  return { status: 'FOUND', text: verdict.text, sources: answer.sourceNames.length > 0 ? answer.sourceNames : [options.tool], engine: ENGINE, passages };
}

/** The server and its tool, as the one "document" answers come from; a server without the tool is a setting to fix. */
async function describeServer(options: McpEngineOptions, signal?: AbortSignal): Promise<KnowledgeDocumentInfo> {
  const connection = options.connection;
  const tools = await connection.listTools(signal ? { signal } : {});
  const server = await connection.describeServer(signal ? { signal } : {});
  if (!tools.some((tool) => tool.name === options.tool)) {
    const text = mcpEngineText();
    throw new KnowledgeError(text.doctorToolMissing(options.tool, tools.map((tool) => tool.name).join(', ')), ENGINE, { hint: text.doctorToolMissingFix });
  }
  return { displayName: `${server.name}${server.version ? ` ${server.version}` : ''}: ${options.tool}`, scope: 'general', state: 'connected' };
}

function toSyncReport(document: KnowledgeDocumentInfo): SyncReport {
  return { documents: 1, uploaded: 0, replaced: 0, unchanged: 1, deleted: 0, failed: [], skipped: [], changes: [{ path: document.displayName, action: 'unchanged' }] };
}
