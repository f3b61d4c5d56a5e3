/**
 * Single changes as one transaction each, for tests that set a store up step by step (the store
 * itself writes only through `transact`).
 */
import type { ChatMessage } from '../../src/core/model.js';
import type { ChatState, CounterName, DialogRecord, PendingReply, Store } from '../../src/core/ports.js';

export function writes(store: Pick<Store, 'transact'>) {
  return {
    async updateChat(chatId: string, update: (state: ChatState) => void): Promise<ChatState> {
      let updated: ChatState | undefined;
      await store.transact((tx) => {
        updated = tx.updateChat(chatId, update);
      });
      return updated!;
    },
    appendMessages: (chatId: string, messages: readonly ChatMessage[]): Promise<void> => store.transact((tx) => tx.appendMessages(chatId, messages)),
    markProcessed: (ids: readonly string[]): Promise<void> => store.transact((tx) => tx.markProcessed(ids)),
    putPending: (record: PendingReply): Promise<void> => store.transact((tx) => tx.putPending(record)),
    closePending: (chatId: string): Promise<void> => store.transact((tx) => tx.closePending(chatId)),
    appendDialog: (record: DialogRecord): Promise<void> => store.transact((tx) => tx.appendDialog(record)),
    increment: (counter: CounterName, by?: number): Promise<void> => store.transact((tx) => tx.increment(counter, by)),
    setMeta: (key: string, value: string): Promise<void> => store.transact((tx) => tx.setMeta(key, value)),
  };
}
