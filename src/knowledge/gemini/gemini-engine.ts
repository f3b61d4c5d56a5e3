/** Gemini File Search: whatever its text says, an answer without retrieved fragments is "not found". */
import type {
  KnowledgeAnswer,
  KnowledgeDocumentInfo,
  KnowledgeEngine,
  KnowledgeQuery,
  SyncOptions,
  SyncReport,
} from '../../core/ports.js';
import { GeminiApiError, KnowledgeError } from '../../errors.js';
import type { GeminiClient, GenerateResult, RemoteDocument, RemoteStore } from './client.js';
import { GENERAL_FILTER, SYSTEM_INSTRUCTION, buildParts, isNoAnswer, itemFilter } from './prompt.js';
import { META, readLocalDocuments, runSync } from './sync.js';
import { adaptersText } from '../../messages/adapters.js';

/** Where the store's resource name is remembered between runs (the JSON store's meta). */
export interface StoreNameCache {
  get(): string | undefined;
  set(name: string | undefined): void;
}

export interface GeminiEngineOptions {
  client: GeminiClient;
  model: string;
  temperature: number;
  /** FILE_SEARCH_STORE: the store's display name. */
  storeDisplayName: string;
  /** The knowledge folder `sync` uploads when given none. */
  dir: string;
  contextLimit: number;
  /** Fragments retrieved per question (default 5). */
  topK?: number;
  cache?: StoreNameCache;
  now?: () => number;
}

export interface GeminiKnowledgeEngine extends KnowledgeEngine {
  readonly name: 'gemini';
}

interface EngineContext {
  options: GeminiEngineOptions;
  client: GeminiClient;
  topK: number;
  known: string | undefined;
}

export function createGeminiEngine(options: GeminiEngineOptions): GeminiKnowledgeEngine {
  const now = options.now ?? Date.now;
  const context: EngineContext = { options, client: options.client, topK: options.topK ?? 5, known: options.cache?.get() };
  return {
    name: 'gemini',

    async answer(query, answerOptions) {
      const started = now();
      const answer = await answerFromStore(context, query, answerOptions?.signal);
      return { ...answer, latencyMs: Math.max(0, now() - started) };
    },

    sync: (dir?: string, syncOptions: SyncOptions = {}) => syncStore(context, dir ?? options.dir, syncOptions),

    async listDocuments(listOptions?: { signal?: AbortSignal }): Promise<KnowledgeDocumentInfo[]> {
      const storeName = await requireStore(context);
      const documents = await context.client.listDocuments(storeName, listOptions?.signal);
      return documents.map(describeDocument);
    },
  };
}

async function answerFromStore(context: EngineContext, query: KnowledgeQuery, signal?: AbortSignal): Promise<KnowledgeAnswer> {
  const storeName = await requireStore(context);
  try {
    return await cascade(context, storeName, query, signal);
  } catch (error) {
    // A remembered store that was deleted (or belongs to another key's project): look it up once more.
    if (!(error instanceof GeminiApiError && (error.status === 404 || error.status === 403) && context.known === storeName)) throw error;
    remember(context, undefined);
    return cascade(context, await requireStore(context), query, signal);
  }
}

async function syncStore(context: EngineContext, dir: string, syncOptions: SyncOptions): Promise<SyncReport> {
  const folder = await readLocalDocuments(dir);
  // A store deleted in AI Studio must be recreated, not written to.
  if (context.known && !(await context.client.getStore(context.known))) remember(context, undefined);
  const storeName = await resolveStore(context, !syncOptions.dryRun);
  const remote = storeName ? await context.client.listDocuments(storeName) : [];
  return runSync(context.client, storeName, folder, remote, syncOptions);
}

/** The store's resource name: remembered, else found by display name (and created, for a sync). */
async function resolveStore(context: EngineContext, create: boolean): Promise<string | undefined> {
  if (context.known) return context.known;
  const { client, options } = context;
  let store: RemoteStore | undefined = await client.findStore(options.storeDisplayName);
  if (!store && create) store = await client.createStore(options.storeDisplayName);
  if (store) remember(context, store.name);
  return store?.name;
}

function remember(context: EngineContext, name: string | undefined): void {
  context.known = name;
  context.options.cache?.set(name);
}

async function requireStore(context: EngineContext): Promise<string> {
  const name = await resolveStore(context, false);
  if (name) return name;
  throw new KnowledgeError(adaptersText().geminiStoreMissing(context.options.storeDisplayName), 'gemini', {
    hint: adaptersText().geminiStoreMissingHint,
  });
}

async function generate(context: EngineContext, storeName: string, query: KnowledgeQuery, filter: string, signal?: AbortSignal): Promise<GenerateResult> {
  const { options } = context;
  return context.client.generate({
    model: options.model,
    systemInstruction: SYSTEM_INSTRUCTION,
    temperature: options.temperature,
    parts: buildParts(query, options.contextLimit),
    storeName,
    metadataFilter: filter,
    topK: context.topK,
    ...(signal ? { signal } : {}),
  });
}

async function cascade(context: EngineContext, storeName: string, query: KnowledgeQuery, signal?: AbortSignal): Promise<KnowledgeAnswer> {
  const filters = query.listing ? [itemFilter(query.listing.id), GENERAL_FILTER] : [GENERAL_FILTER];
  const usage = { inputTokens: 0, outputTokens: 0 };
  const strategyAt = (index: number): 'general' | 'item' | 'cascaded' => (!query.listing ? 'general' : index === 0 ? 'item' : 'cascaded');
  for (const [index, filter] of filters.entries()) {
    const result = await generate(context, storeName, query, filter, signal);
    usage.inputTokens += result.usage.inputTokens ?? 0;
    usage.outputTokens += result.usage.outputTokens ?? 0;
    const strategy = strategyAt(index);
    // Only a finished answer counts: one cut off (MAX_TOKENS) or stopped (SAFETY) may say half a fact.
    const finished = result.finishReason === undefined || result.finishReason === 'STOP';
    if (finished && result.chunks.length > 0 && !isNoAnswer(result.text)) {
      const sources = [...new Set(result.chunks.map((chunk) => chunk.title).filter((title) => title !== ''))];
      return { status: 'FOUND', text: result.text, sources, engine: 'gemini', strategy, usage };
    }
  }
  return { status: 'NOT_FOUND', text: '', sources: [], engine: 'gemini', strategy: strategyAt(filters.length - 1), usage };
}

function describeDocument(document: RemoteDocument): KnowledgeDocumentInfo {
  const itemId = Number(document.metadata[META.itemId]);
  return {
    displayName: document.displayName,
    scope: document.metadata[META.scope] === 'item' || Number.isSafeInteger(itemId) ? 'item' : 'general',
    ...(Number.isSafeInteger(itemId) && itemId > 0 ? { itemId } : {}),
    state: document.state,
    ...(document.sizeBytes === undefined ? {} : { sizeBytes: document.sizeBytes }),
    id: document.name,
    managed: document.metadata[META.path] !== undefined,
  };
}
