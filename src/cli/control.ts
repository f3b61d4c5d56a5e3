/**
 * Runs a pause/resume request: straight into the store when no daemon holds it, otherwise
 * through the control inbox, which the running daemon applies at the start of its next pass.
 */
import type { Config } from '../config/config.js';
import { applyControl, type ControlRequest } from '../core/chat-control.js';
import { StoreError, UsageError } from '../errors.js';
import { openStoreFor } from './services.js';

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
      throw new UsageError(`no chat ${request.chatId} in ${config.store.path} (see avito-ai chats --all)`);
    }
    await store.transact((tx) => applyControl(tx, request));
    return { applied: 'now' };
  } finally {
    await store.close();
  }
}

export function describeQueued(config: Config): string {
  return `the running avito-ai holds the store; it applies this at the start of its next pass (within ${config.avito.pollIntervalSeconds} s)`;
}
