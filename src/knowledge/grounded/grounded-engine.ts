/**
 * An engine that writes its answers with a chat model, over our own retrieval: the local index picks the passages
 * (the listing's own first, then general ones), the model answers from them alone in JSON, and verdict.ts decides
 * whether what it wrote may reach the buyer.
 */
import type { KnowledgeAnswer, KnowledgeEngine, KnowledgeQuery, KnowledgeRetriever, RetrievedPassage } from '../../core/ports.js';
import type { LocalIndex } from '../local/local-index.js';
import { toRetrievedPassage } from '../local/answer.js';
import type { ChatModel } from './chat-model.js';
import { GROUNDED_SYSTEM_PROMPT, buildGroundedPrompt } from './prompt.js';
import { judgeReply } from './verdict.js';

/** Passages given to the model: enough for a question in three parts, little enough to stay cheap (~2k tokens). */
export const DEFAULT_PASSAGE_LIMIT = 6;
/**
 * A listing's own passages always go first, matched or not ("а он тёплый?" asks about the listing whatever its
 * words), but take at most this many places while general ones match too: returns, delivery and payment live there.
 */
const LISTING_PASSAGES = 3;
const MAX_OUTPUT_TOKENS = 400;

export interface GroundedEngineOptions {
  model: ChatModel;
  index: LocalIndex;
  contextLimit: number;
  passageLimit?: number;
  temperature?: number;
  now?: () => number;
}

export interface GroundedKnowledgeEngine extends KnowledgeEngine, KnowledgeRetriever {
  readonly model: ChatModel;
}

export function createGroundedEngine(options: GroundedEngineOptions): GroundedKnowledgeEngine {
  const { model, index } = options;
  const now = options.now ?? Date.now;
  const limit = options.passageLimit ?? DEFAULT_PASSAGE_LIMIT;
  return {
    name: model.provider,
    model,

    async answer(query, answerOptions) {
      const started = now();
      const signal = answerOptions?.signal;
      const passages = await selectPassages(index, query, limit, signal);
      // Read with the passages, inside the index's look at the folder: after the model's seconds it would look again.
      const { termsOf } = await index.loadPassageIndex(signal ? { signal } : undefined);
      const completion = await model.complete({
        system: GROUNDED_SYSTEM_PROMPT,
        user: buildGroundedPrompt(query, passages, options.contextLimit),
        maxTokens: MAX_OUTPUT_TOKENS,
        temperature: options.temperature ?? 0.2,
        ...(signal ? { signal } : {}),
      });
      const verdict = judgeReply(completion, {
        passages,
        termsOf,
        question: query.question,
        ...(query.listing?.title ? { listingTitle: query.listing.title } : {}),
      });
      const cited = verdict.status === 'FOUND' ? new Set(verdict.cited) : new Set<RetrievedPassage>();
      const answer: KnowledgeAnswer = {
        status: verdict.status,
        text: verdict.status === 'FOUND' ? verdict.text : '',
        sources: [...new Set([...cited].map((passage) => passage.source))],
        engine: model.provider,
        strategy: strategyOf(query, [...cited]),
        latencyMs: Math.max(0, now() - started),
        usage: completion.usage,
        model: completion.model,
        passages: passages.map((passage) => ({ ...passage, cited: cited.has(passage) })),
        ...(verdict.status === 'FOUND' ? {} : { refusal: verdict.reason }),
        ...(verdict.status === 'FOUND' && verdict.leftOut.length > 0 ? { leftOut: verdict.leftOut } : {}),
      };
      return answer;
    },

    retrieve: (query, retrieveOptions) => selectPassages(index, query, retrieveOptions?.limit ?? limit, retrieveOptions?.signal),
    sync: (dir) => index.sync(dir),
    listDocuments: () => index.listDocuments(),
  };
}

/**
 * The passages a model is given: the listing's own documents first (its best matches, else its opening passages),
 * then general ones; never another listing's. Exported for the retrieval-recall measure.
 */
export async function selectPassages(index: LocalIndex, query: KnowledgeQuery, limit: number, signal?: AbortSignal): Promise<RetrievedPassage[]> {
  // More than fit: the index ranks the listing's passages first, which would leave general ones no place.
  const retrieved = await index.retrieve(query, { limit: limit * 3, ...(signal ? { signal } : {}) });
  const listingId = query.listing?.id;
  const own = retrieved.filter((passage) => passage.scope === 'item').slice(0, limit);
  if (listingId !== undefined && own.length < LISTING_PASSAGES) {
    const { passages } = await index.loadPassageIndex(signal ? { signal } : undefined);
    const taken = new Set(own.map((passage) => passage.text));
    for (const passage of passages) {
      if (own.length >= LISTING_PASSAGES) break;
      if (passage.itemId !== listingId || taken.has(passage.text)) continue;
      own.push(toRetrievedPassage({ passage, score: 0, coverage: 0, matched: [] }));
    }
  }
  const general = retrieved.filter((passage) => passage.scope === 'general');
  // The listing's best matches fill what general passages leave free, and never fewer than LISTING_PASSAGES places.
  const ownPlaces = Math.max(Math.min(LISTING_PASSAGES, limit), limit - general.length);
  const mine = own.slice(0, ownPlaces);
  return [...mine, ...general.slice(0, limit - mine.length)];
}

function strategyOf(query: KnowledgeQuery, cited: readonly RetrievedPassage[]): KnowledgeAnswer['strategy'] {
  if (!query.listing) return 'general';
  return cited.length > 0 && cited.every((passage) => passage.scope === 'item') ? 'item' : 'cascaded';
}
