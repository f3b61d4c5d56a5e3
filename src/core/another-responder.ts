/** Another responder on the account (a second install, another bot): once found, the bot stays silent everywhere until the seller stops it and runs `avito-ai resume --all`. */
import type { StoreReader } from './ports.js';

/** JSON `{at, chatId, messageId}` while the bot holds for it; empty once the seller resolved it. */
export const META_ANOTHER_RESPONDER = 'responder.anotherResponder';

export interface AnotherResponder {
  at: number;
  chatId: string;
  messageId: string;
}

export function readAnotherResponder(store: Pick<StoreReader, 'getMeta'>): AnotherResponder | undefined {
  const raw = store.getMeta(META_ANOTHER_RESPONDER);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<AnotherResponder>;
    return { at: Number(value.at) || 0, chatId: String(value.chatId ?? ''), messageId: String(value.messageId ?? '') };
  } catch {
    // Unreadable is still set: holding is the safe reading.
    return { at: 0, chatId: '', messageId: '' };
  }
}
