/**
 * The Gemini File Search engine: answers from the seller's documents uploaded to a File Search
 * store, the listing's own documents first, then the shop's general ones. An answer counts only
 * when Gemini retrieved fragments for it and did not say it has none: whatever the text says,
 * no fragments means "not found", and the buyer gets the fallback text.
 */
import type {
  KnowledgeAnswer,
  KnowledgeDocumentInfo,
  KnowledgeEngine,
  KnowledgeQuery,
  SyncOptions,
  SyncReport,
} from '../../core/ports.js';
import { GeminiApiError, KnowledgeError } from '../../errors.js';
import type { GeminiClient, GenerateResult, RemoteStore } from './client.js';
import { GENERAL_FILTER, SYSTEM_INSTRUCTION, buildParts, isNoAnswer, itemFilter } from './prompt.js';
import { META, readLocalDocuments, runSync } from './sync.js';

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
  /** The knowledge folder `sync` uploads by default. */
  dir: string;
  /** How many recent chat messages go in as context. */
  contextLimit: number;
  /** Fragments retrieved per question (default 5). */
  topK?: number;
  cache?: StoreNameCache;
  now?: () => number;
}

export interface GeminiKnowledgeEngine extends KnowledgeEngine {
  readonly name: 'gemini';
}

export function createGeminiEngine(options: GeminiEngineOptions): GeminiKnowledgeEngine {
  const { client } = options;
  const now = options.now ?? Date.now;
  const topK = options.topK ?? 5;
  let known: string | undefined = options.cache?.get();

  /** The store's resource name: remembered, else found by display name (and created, for a sync). */
  async function resolveStore(create: boolean): Promise<string | undefined> {
    if (known) return known;
    let store: RemoteStore | undefined = await client.findStore(options.storeDisplayName);
    if (!store && create) store = await client.createStore(options.storeDisplayName);
    if (store) remember(store.name);
    return store?.name;
  }

  function remember(name: string | undefined): void {
    known = name;
    options.cache?.set(name);
  }

  async function requireStore(): Promise<string> {
    const name = await resolveStore(false);
    if (name) return name;
    throw new KnowledgeError(`The File Search store "${options.storeDisplayName}" does not exist yet`, 'gemini', {
      hint: 'upload your documents first: avito-ai sync-docs',
    });
  }

  async function generate(storeName: string, query: KnowledgeQuery, filter: string, signal?: AbortSignal): Promise<GenerateResult> {
    return client.generate({
      model: options.model,
      systemInstruction: SYSTEM_INSTRUCTION,
      temperature: options.temperature,
      parts: buildParts(query, options.contextLimit),
      storeName,
      metadataFilter: filter,
      topK,
      ...(signal ? { signal } : {}),
    });
  }

  /** Asks with each filter in turn until one gives a grounded answer. */
  async function cascade(storeName: string, query: KnowledgeQuery, signal?: AbortSignal): Promise<KnowledgeAnswer> {
    const filters = query.listing ? [itemFilter(query.listing.id), GENERAL_FILTER] : [GENERAL_FILTER];
    const usage = { inputTokens: 0, outputTokens: 0 };
    const strategyAt = (index: number): 'general' | 'item' | 'cascaded' => (!query.listing ? 'general' : index === 0 ? 'item' : 'cascaded');
    for (const [index, filter] of filters.entries()) {
      const result = await generate(storeName, query, filter, signal);
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

  return {
    name: 'gemini',

    async answer(query, answerOptions) {
      const started = now();
      const signal = answerOptions?.signal;
      let storeName = await requireStore();
      let answer: KnowledgeAnswer;
      try {
        answer = await cascade(storeName, query, signal);
      } catch (error) {
        // A remembered store that was deleted (or belongs to another key's project): look it up once more.
        if (!(error instanceof GeminiApiError && (error.status === 404 || error.status === 403) && known === storeName)) throw error;
        remember(undefined);
        storeName = await requireStore();
        answer = await cascade(storeName, query, signal);
      }
      return { ...answer, latencyMs: Math.max(0, now() - started) };
    },

    async sync(dir?: string, syncOptions: SyncOptions = {}): Promise<SyncReport> {
      const folder = await readLocalDocuments(dir ?? options.dir);
      // A remembered name is checked: a store deleted in AI Studio must be recreated, not written to.
      if (known && !(await client.getStore(known))) remember(undefined);
      const storeName = await resolveStore(!syncOptions.dryRun);
      const remote = storeName ? await client.listDocuments(storeName) : [];
      return runSync(client, storeName, folder, remote, syncOptions);
    },

    async listDocuments(listOptions?: { signal?: AbortSignal }): Promise<KnowledgeDocumentInfo[]> {
      const storeName = await requireStore();
      const documents = await client.listDocuments(storeName, listOptions?.signal);
      return documents.map((document) => {
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
      });
    },
  };
}
