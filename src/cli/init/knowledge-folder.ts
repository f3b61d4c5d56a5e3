/** The documents folder `init` leaves behind: the seller's own if it holds anything, else one example to replace. */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EXAMPLE_DOCUMENT } from '../../package-files.js';

export type KnowledgeFolderState = { state: 'kept'; files: number } | { state: 'created'; example: string };

/** Creates `dir` with the example document when it is missing or empty; never touches a folder with files. */
export async function prepareKnowledgeFolder(dir: string): Promise<KnowledgeFolderState> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files = entries.filter((name) => !name.startsWith('.'));
  if (files.length > 0) return { state: 'kept', files: files.length };
  await mkdir(dir, { recursive: true });
  const example = join(dir, basename(EXAMPLE_DOCUMENT));
  await copyFile(EXAMPLE_DOCUMENT, example);
  return { state: 'created', example };
}
