import type { ChatMessage } from '../core/model.js';

/**
 * A chat's newest messages, by `created`, then insertion. Once full, a message no newer than the oldest kept is refused:
 * evicted ids are not remembered, so a re-fetched old message must not come back; and a replay rebuilds the same window.
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

  /** Undoes an `add` whose write failed. */
  remove(id: string): boolean {
    if (!this.#ids.delete(id)) return false;
    const index = this.#messages.findIndex((message) => message.id === id);
    if (index !== -1) this.#messages.splice(index, 1);
    return true;
  }

  list(limit?: number): ChatMessage[] {
    if (limit === undefined) return [...this.#messages];
    if (limit <= 0) return [];
    return this.#messages.slice(-limit);
  }

  /** Ties keep insertion order. */
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
