/**
 * The passages one tool call returned, as a local index: what the grounded engine and the built-in quoting engine
 * read, so passages from an MCP server go through the same composition and the same grounding check as those from
 * the knowledge folder. Built per answer: nothing of an earlier question (or an older state of the server) is reused.
 */
import type { KnowledgeQuery, RetrievedPassage } from '../../core/ports.js';
import { listQueryParts, toRetrievedPassage } from '../local/answer.js';
import type { LocalIndex } from '../local/local-index.js';
import { splitPassages, type Passage } from '../local/passages.js';
import { buildPassageIndex, type PassageHit } from '../local/search.js';
import type { ToolPassage } from './results.js';

/** Another listing's passages are dropped: the buyer asks about this one (or none). */
export function createSnapshotIndex(found: readonly ToolPassage[], query: KnowledgeQuery): LocalIndex {
  const listingId = query.listing?.id;
  const passages: Passage[] = [];
  // The server's rank, kept per passage its text is split into: it orders what the model is given.
  const ranks: number[] = [];
  const kept = found.filter((passage) => passage.itemId === undefined || passage.itemId === listingId);
  for (const [rank, passage] of kept.entries()) {
    const text = passage.heading ? `## ${passage.heading}\n\n${passage.text}` : passage.text;
    const document = { path: passage.source, format: 'markdown' as const, markup: 'markdown' as const, text, ...(passage.itemId === undefined ? {} : { itemId: passage.itemId }) };
    for (const piece of splitPassages(document)) {
      passages.push({ ...piece, id: passages.length, position: passages.length });
      ranks.push(passage.score ?? kept.length - rank);
    }
  }
  const index = buildPassageIndex(passages);
  return {
    dir: '',
    loadPassageIndex: async () => index,
    async retrieve(retrieveQuery, options) {
      const hits = new Map<number, PassageHit>();
      for (const { terms, naming } of listQueryParts(index, retrieveQuery)) {
        for (const hit of index.search(terms, () => true, naming)) {
          const seen = hits.get(hit.passage.id);
          if (seen === undefined || hit.coverage > seen.coverage) hits.set(hit.passage.id, hit);
        }
      }
      // Every passage the server chose, matched words or not (its search may read meaning): the listing's own first.
      const retrieved: RetrievedPassage[] = passages.map((passage) => ({
        ...toRetrievedPassage(hits.get(passage.id) ?? { passage, score: 0, coverage: 0, matched: [] }),
        score: ranks[passage.id]!,
      }));
      const own = retrieved.filter((passage) => passage.scope === 'item');
      const general = retrieved.filter((passage) => passage.scope === 'general');
      return [...own, ...general].slice(0, options?.limit ?? retrieved.length);
    },
    sync: async () => ({ documents: 0, uploaded: 0, replaced: 0, unchanged: 0, deleted: 0, failed: [], skipped: [] }),
    listDocuments: async () => [],
  };
}
