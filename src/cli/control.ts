/**
 * Runs a pause/resume request: straight into the store when no daemon holds it, otherwise
 * through the control inbox, which the running daemon applies at the start of its next pass.
 */
import type { Config } from '../config/config.js';
import { applyControl, type ControlRequest } from '../core/chat-control.js';
import { StoreError, UsageError } from '../errors.js';
import { openStoreFor, sharedChatLock } from './services.js';
import { commandsText } from '../messages/commands.js';

export type ControlResult = { applied: 'now' } | { applied: 'queued'; inbox: string };

export async function runControlRequest(config: Config, request: ControlRequest): Promise<ControlResult> {
  let store;
  try {
    store = await openStoreFor(config);
  } catch (error) {
    if (!(error instanceof StoreError && error.reason === 'locked')) throw error;
    const { queueControlRequest } = await import('../store/control-inbox.js');
    return { applied: 'queued', inbox: await queueControlRequest(config.store.path, request) };
  }
  try {
    if (request.op === 'resume' && !store.getChat(request.chatId)) {
      throw new UsageError(commandsText().noChat(request.chatId, config.store.path));
    }
    const apply = (): Promise<void> => store.transact((tx) => applyControl(tx, request));
    // With the Redis store a running process may be answering the chat: the pause waits for that, as a Telegram pause does.
    const chatLock = sharedChatLock(store);
    if (chatLock && 'chatId' in request) await chatLock.run(request.chatId, apply);
    else await apply();
    return { applied: 'now' };
  } finally {
    await store.close();
  }
}

export function describeQueued(config: Config): string {
  return commandsText().queued(config.avito.pollIntervalSeconds);
}
