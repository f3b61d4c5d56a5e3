/** A scripted knowledge engine for the core's tests: answers from a question → answer table. */
import { KnowledgeError } from '../../src/errors.js';
import type { KnowledgeAnswer, KnowledgeDocumentInfo, KnowledgeEngine, KnowledgeQuery, SyncReport } from '../../src/core/ports.js';

export class FakeEngine implements KnowledgeEngine {
  readonly name = 'local' as const;
  readonly queries: KnowledgeQuery[] = [];
  /** Consecutive calls that will throw (an outage). */
  failures = 0;
  constructor(private readonly answers: Record<string, { text: string; sources: string[] }> = {}) {}

  async answer(query: KnowledgeQuery, _options?: { signal?: AbortSignal }): Promise<KnowledgeAnswer> {
    this.queries.push(query);
    if (this.failures > 0) {
      this.failures--;
      throw new KnowledgeError('engine timeout', 'fake');
    }
    const key = Object.keys(this.answers).find((k) => query.question.includes(k));
    const hit = key === undefined ? undefined : this.answers[key];
    if (!hit) return { status: 'NOT_FOUND', text: '', sources: [], engine: 'local' };
    return { status: 'FOUND', text: hit.text, sources: hit.sources, engine: 'local', strategy: 'general' };
  }

  async sync(): Promise<SyncReport> {
    return { documents: 0, uploaded: 0, replaced: 0, unchanged: 0, deleted: 0, failed: [], skipped: [] };
  }

  async listDocuments(): Promise<KnowledgeDocumentInfo[]> {
    return [];
  }
}
