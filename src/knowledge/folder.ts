/** The seller's knowledge folder as files, and the listing a file names: every engine reads the folder through here. */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { KnowledgeError } from '../errors.js';
import { adaptersText } from '../messages/adapters.js';

export interface KnowledgeFile {
  path: string;
  absolutePath: string;
  size: number;
  mtimeMs: number;
}

/** Sorted by path. Hidden files and folders (".git") are skipped; symbolic links to folders are not followed. */
export async function listKnowledgeFiles(dir: string, engine = 'local'): Promise<KnowledgeFile[]> {
  const info = await stat(dir).catch((error: unknown) => {
    throw new KnowledgeError(adaptersText().folderMissing(dir), engine, {
      cause: error,
      hint: adaptersText().folderMissingHint,
    });
  });
  if (!info.isDirectory()) {
    throw new KnowledgeError(adaptersText().folderNotFolder(dir), engine, {
      hint: adaptersText().folderNotFolderHint,
    });
  }
  const files: KnowledgeFile[] = [];
  await collectFiles(dir, dir, files);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function collectFiles(root: string, dir: string, files: KnowledgeFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map(async (entry) => {
        const absolutePath = join(dir, entry.name);
        if (entry.isDirectory()) {
          await collectFiles(root, absolutePath, files);
          return undefined;
        }
        if (!entry.isFile() && !entry.isSymbolicLink()) return undefined;
        // A file can vanish between readdir and stat while the seller edits the folder.
        const info = await stat(absolutePath).catch(() => undefined);
        if (info === undefined || !info.isFile()) return undefined;
        return {
          path: relative(root, absolutePath).split(sep).join('/'),
          absolutePath,
          size: info.size,
          mtimeMs: info.mtimeMs,
        };
      }),
  );
  for (const file of found) if (file !== undefined) files.push(file);
}

export function fingerprintFiles(files: readonly KnowledgeFile[]): string {
  return files.map((file) => `${file.path}\u0000${file.size}\u0000${file.mtimeMs}`).join('\n');
}

/** The listing id a file name announces (`item-4012345678-kofemashina.md`), if any. */
export function itemIdFromFileName(path: string): number | undefined {
  const match = /^item-(\d+)(?!\d)/i.exec(basename(path));
  return match?.[1] === undefined ? undefined : parseItemId(match[1]);
}

export function parseItemId(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(/^["']|["']$/g, '') : '';
  if (!/^\d+$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** Only flat `key: value` pairs of the front matter are read; anything else in it is dropped, never shown to buyers. */
export function splitFrontMatter(source: string): { data: Record<string, string>; body: string } {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (match === null) return { data: {}, body: source };
  const data: Record<string, string> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const pair = /^\s*([\w-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (pair?.[1] !== undefined) data[pair[1].toLowerCase()] = (pair[2] ?? '').replace(/^["']|["']$/g, '');
  }
  return { data, body: source.slice(match[0].length) };
}
