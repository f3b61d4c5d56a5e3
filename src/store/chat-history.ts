/** One chat's newest messages, bounded in memory. */
import type { ChatMessage } from '../core/model.js';

/**
 * A chat's newest `limit` messages, oldest first, ordered by `created` and then by insertion.
 *
 * Once full, a message no newer than the oldest one kept is refused: it is either one that was
 * already evicted (the ids of evicted messages are not remembered, so a re-fetched old message
 * must not come back) or one that would be evicted at once. That rule also makes replaying the
 * journal of accepted messages rebuild exactly the same window.
 */
export class ChatHistory {
  readonly limit: number;
  readonly #messages: ChatMessage[] = [];
  readonly #ids = new Set<string>();

  constructor(limit: number) {
    this.limit = limit;
  }

  get size(): number {
    return this.#messages.length;
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Adds `message` unless its id is known or it is too old to keep; true when it was added. */
  add(message: ChatMessage): boolean {
    if (this.#ids.has(message.id)) return false;
    if (this.#messages.length >= this.limit) {
      const oldest = this.#messages[0];
      if (oldest === undefined || message.created <= oldest.created) return false;
    }
    this.#messages.splice(this.#findInsertIndex(message.created), 0, message);
    this.#ids.add(message.id);
    if (this.#messages.length > this.limit) {
      const evicted = this.#messages.shift();
      if (evicted) this.#ids.delete(evicted.id);
    }
    return true;
  }

  /** Forgets a message (undoing an `add` whose write failed); true when it was there. */
  remove(id: string): boolean {
    if (!this.#ids.delete(id)) return false;
    const index = this.#messages.findIndex((message) => message.id === id);
    if (index !== -1) this.#messages.splice(index, 1);
    return true;
  }

  /** The newest `limit` messages (all when omitted), oldest first; a new array. */
  list(limit?: number): ChatMessage[] {
    if (limit === undefined) return [...this.#messages];
    if (limit <= 0) return [];
    return this.#messages.slice(-limit);
  }

  /** After every message created at or before `created`: ties keep insertion order. */
  #findInsertIndex(created: number): number {
    let low = 0;
    let high = this.#messages.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const probe = this.#messages[middle];
      if (probe !== undefined && probe.created <= created) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
