/** The seller's reply from outside the Avito app (`reply --text`, Telegram) pauses the bot as if typed in the app. */
import type { ControlRequest } from './chat-control.js';
import type { ChatMessage } from './model.js';
import type { Clock, Messenger } from './ports.js';
import { splitText } from './split-text.js';
import { HOUR_MS } from './time.js';

export async function sendParts(
  messenger: Pick<Messenger, 'sendMessage'>,
  chatId: string,
  parts: readonly string[],
  onSent: (message: ChatMessage) => void = () => undefined,
): Promise<ChatMessage[]> {
  const sent: ChatMessage[] = [];
  for (const part of parts) {
    const message = await messenger.sendMessage(chatId, part);
    onSent(message);
    sent.push(message);
  }
  return sent;
}

export interface SellerReplyDeps<R> {
  messenger: Pick<Messenger, 'sendMessage'>;
  clock: Clock;
  humanPauseHours: number;
  /** Records the pause: in the store, or through the running daemon's control inbox. */
  applyPause: (request: Extract<ControlRequest, { op: 'pause' }>) => Promise<R>;
}

export async function sendAsSeller<R>(
  deps: SellerReplyDeps<R>,
  chatId: string,
  text: string,
): Promise<{ parts: number; pausedUntil: number } & ({ pause: R } | { pauseFailed: unknown })> {
  const sent = await sendParts(deps.messenger, chatId, splitText(text));
  const at = deps.clock.now();
  const until = at + deps.humanPauseHours * HOUR_MS;
  try {
    return { parts: sent.length, pausedUntil: until, pause: await deps.applyPause({ op: 'pause', chatId, until, reason: 'takeover', at }) };
  } catch (error) {
    // The text went out: saying it did not would make the seller send it twice.
    return { parts: sent.length, pausedUntil: until, pauseFailed: error };
  }
}
