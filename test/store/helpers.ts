import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatMessage } from '../../src/core/model.js';
import type { DialogRecord } from '../../src/core/ports.js';

/** A fresh temp directory and a cleanup for it. */
export async function createTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-store-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function makeMessage(id: string, created: number, chatId = 'u2i-chat'): ChatMessage {
  return { id, chatId, authorId: 7, created, direction: 'in', type: 'text', text: `text of ${id}` };
}

export function makeDialog(index: number, chatId = 'u2i-chat'): DialogRecord {
  return {
    at: 1_700_000_000_000 + index,
    chatId,
    question: `question ${index}`,
    answer: `answer ${index}`,
    status: 'FOUND',
    sources: ['price-list.pdf'],
    latencyMs: 12,
  };
}
