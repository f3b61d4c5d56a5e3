/**
 * A seller's knowledge folder for tests of the local engine: the documents a describe block names,
 * written to a temporary folder before its tests and removed after them, and questions asked of
 * them through the real engine.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createLocalEngine } from '../../src/knowledge/engine.js';
import type { LocalKnowledgeEngine } from '../../src/knowledge/engine.js';
import type { Listing } from '../../src/core/model.js';
import type { KnowledgeAnswer } from '../../src/core/ports.js';

/** Documents by file name (`item-<id>-….md` for a listing's own), each with its whole text. */
export type KnowledgeDocuments = Readonly<Record<string, string>>;

/** The folder of one describe block; usable inside its tests only. */
export interface KnowledgeFolder {
  readonly dir: string;
  /** Asks the local engine, as a buyer in the chat of `listing` would (a general chat without one). */
  ask(question: string, listing?: Listing): Promise<KnowledgeAnswer>;
  /** Adds or overwrites documents; the next question is answered from the folder as it is now. */
  write(documents: KnowledgeDocuments): Promise<void>;
}

/** Registers beforeAll/afterAll in the calling describe: `documents` in a fresh folder, then gone. */
export function useKnowledgeFolder(documents: KnowledgeDocuments = {}): KnowledgeFolder {
  let dir: string | undefined;
  let engine: LocalKnowledgeEngine | undefined;
  const folder = (): string => {
    if (dir === undefined) throw new Error('The knowledge folder exists only inside the tests of its describe block');
    return dir;
  };

  const handle: KnowledgeFolder = {
    get dir() {
      return folder();
    },
    ask(question, listing) {
      engine ??= createLocalEngine({ dir: folder() });
      return engine.answer(listing === undefined ? { question } : { question, listing });
    },
    async write(more) {
      for (const [name, text] of Object.entries(more)) await writeFile(join(folder(), name), text);
      // A new engine reads the folder afresh, whatever interval the index waits between looks.
      engine = undefined;
    },
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-knowledge-'));
    await handle.write(documents);
  });
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
    engine = undefined;
  });
  return handle;
}
