/** Keeps a File Search store equal to the folder; each upload's metadata is the manifest, so nothing can drift from it. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SyncChange, SyncOptions, SyncReport } from '../../core/ports.js';
import { runBounded } from '../../core/async.js';
import { KnowledgeError, describeError } from '../../errors.js';
import { itemIdFromFileName, listKnowledgeFiles, parseItemId, splitFrontMatter } from '../folder.js';
import type { KnowledgeFile } from '../folder.js';
import type { GeminiClient, MetadataEntry, RemoteDocument } from './client.js';

const UPLOAD_CONCURRENCY = 4;

/** File Search's limit per file. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** The types File Search indexes that sellers keep their documents in. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.htm': 'text/html',
};

/** Metadata keys (lowercase snake_case: mixed case is reported not to match filters). */
export const META = { path: 'source_path', sha256: 'content_sha256', scope: 'scope', itemId: 'item_id' } as const;

export interface LocalDocument {
  path: string;
  absolutePath: string;
  size: number;
  sha256: string;
  mimeType: string;
  itemId?: number;
}

export interface SyncPlan {
  upload: LocalDocument[];
  replace: Array<{ file: LocalDocument; old: RemoteDocument[] }>;
  unchanged: LocalDocument[];
  /** Leftover versions of files still present (an interrupted earlier sync): always removed. */
  leftovers: RemoteDocument[];
  gone: RemoteDocument[];
  /** Documents avito-ai did not upload. */
  foreign: RemoteDocument[];
}

/** Pure. `present` names files in the folder that cannot be uploaded now: their documents are not "gone". */
export function planSync(local: readonly LocalDocument[], remote: readonly RemoteDocument[], present: ReadonlySet<string> = new Set()): SyncPlan {
  const plan: SyncPlan = { upload: [], replace: [], unchanged: [], leftovers: [], gone: [], foreign: [] };
  const byPath = new Map<string, RemoteDocument[]>();
  for (const document of remote) {
    const path = document.metadata[META.path];
    if (path === undefined) {
      plan.foreign.push(document);
      continue;
    }
    byPath.set(path, [...(byPath.get(path) ?? []), document]);
  }
  for (const file of local) {
    const versions = byPath.get(file.path) ?? [];
    byPath.delete(file.path);
    // The newest healthy copy of this exact content is kept; every other version goes.
    const current = versions
      .filter((document) => document.metadata[META.sha256] === file.sha256 && document.state !== 'STATE_FAILED')
      .sort((a, b) => (b.createTime ?? '').localeCompare(a.createTime ?? ''))[0];
    const others = versions.filter((document) => document !== current);
    if (current) {
      plan.unchanged.push(file);
      // Older versions go only once the current one answers: a copy still indexing may yet fail.
      if (current.state === 'STATE_ACTIVE') plan.leftovers.push(...others);
    } else if (versions.length > 0) plan.replace.push({ file, old: versions });
    else plan.upload.push(file);
  }
  for (const [path, versions] of byPath) if (!present.has(path)) plan.gone.push(...versions);
  return plan;
}

export async function readLocalDocuments(dir: string): Promise<{ documents: LocalDocument[]; skipped: Array<{ path: string; reason: string }>; failed: Array<{ path: string; reason: string }> }> {
  const files = await listKnowledgeFiles(dir, 'gemini');
  const documents: LocalDocument[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  const failed: Array<{ path: string; reason: string }> = [];
  for (const file of files) {
    const mimeType = MIME_TYPES[extname(file.path).toLowerCase()];
    if (mimeType === undefined) skipped.push({ path: file.path, reason: `unsupported file type (${extname(file.path) || 'no extension'})` });
    else if (file.size === 0) skipped.push({ path: file.path, reason: 'empty file' });
    else if (file.size > MAX_UPLOAD_BYTES) skipped.push({ path: file.path, reason: 'larger than 100 MB, the File Search limit' });
    else {
      try {
        documents.push(await describeFile(file, mimeType));
      } catch (error) {
        failed.push({ path: file.path, reason: describeError(error) });
      }
    }
  }
  return { documents, skipped, failed };
}

async function describeFile(file: KnowledgeFile, mimeType: string): Promise<LocalDocument> {
  const bytes = await readFile(file.absolutePath);
  let itemId = itemIdFromFileName(file.path);
  if (mimeType === 'text/markdown' || mimeType === 'text/plain') {
    const { data } = splitFrontMatter(bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
    itemId = parseItemId(data.item_id ?? data.itemid) ?? itemId;
  }
  return {
    path: file.path,
    absolutePath: file.absolutePath,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mimeType,
    ...(itemId === undefined ? {} : { itemId }),
  };
}

/** The metadata a document carries: what the answer filters select on, and what sync reads back. */
export function metadataFor(file: LocalDocument): MetadataEntry[] {
  return [
    { key: META.scope, stringValue: file.itemId === undefined ? 'general' : 'item' },
    ...(file.itemId === undefined ? [] : [{ key: META.itemId, stringValue: String(file.itemId) }]),
    { key: META.path, stringValue: file.path },
    { key: META.sha256, stringValue: file.sha256 },
  ];
}

/** Carries out a plan (or only reports it, on a dry run). Failures are reported per file, never thrown. */
export async function runSync(
  client: GeminiClient,
  storeName: string | undefined,
  folder: Awaited<ReturnType<typeof readLocalDocuments>>,
  remote: readonly RemoteDocument[],
  options: SyncOptions,
): Promise<SyncReport> {
  const present = new Set([...folder.skipped, ...folder.failed].map((entry) => entry.path));
  const plan = planSync(folder.documents, remote, present);
  // An empty or mistyped folder with --prune would wipe the store: that is never what was meant.
  if (options.prune && folder.documents.length === 0 && plan.gone.length > 0) {
    throw new KnowledgeError(`The folder holds no documents to upload: --prune would delete all ${plan.gone.length} document(s) in the store`, 'gemini', {
      hint: 'check the folder (KNOWLEDGE_DIR or the path given); to empty the store on purpose, delete it in Google AI Studio',
    });
  }
  const work: Upload[] = [...plan.upload.map((file) => ({ file, old: [] })), ...plan.replace];
  const removals = [...plan.leftovers, ...(options.prune ? plan.gone : [])];
  const run: SyncRun = { client, storeName, options, failed: [...folder.failed], changes: [], total: work.length + removals.length, index: 0, keptOld: 0 };
  const report: SyncReport = {
    documents: 0,
    uploaded: 0,
    replaced: 0,
    unchanged: plan.unchanged.length,
    deleted: 0,
    failed: run.failed,
    skipped: folder.skipped,
    stale: options.prune ? [] : plan.gone.map((document) => document.metadata[META.path] ?? document.displayName),
    foreign: plan.foreign.map((document) => document.displayName || document.name),
    ...(options.dryRun ? { dryRun: true } : {}),
    changes: run.changes,
  };
  for (const change of await uploadAll(run, work)) {
    run.changes.push(change);
    if (change.action === 'replace') report.replaced += 1;
    else if (change.action === 'upload') report.uploaded += 1;
  }
  const { deleted, notDeleted } = await removeAll(run, removals);
  report.deleted = deleted;
  // Files present but not uploadable now keep their earlier version answering: say so.
  const uploadedPaths = new Set(remote.map((document) => document.metadata[META.path]).filter((path) => path !== undefined));
  const keptPresent = [...present].filter((path) => uploadedPaths.has(path)).length;
  const stillThere = (path: string): string => (uploadedPaths.has(path) ? '; its earlier upload stays in the store and still answers' : '');
  report.skipped = folder.skipped.map((skipped) => ({ path: skipped.path, reason: `${skipped.reason}${stillThere(skipped.path)}` }));
  for (const file of plan.unchanged) run.changes.push({ path: file.path, action: 'unchanged' });
  for (const skipped of report.skipped) run.changes.push({ path: skipped.path, action: 'skipped', reason: skipped.reason });
  report.documents =
    report.uploaded + report.replaced + report.unchanged + run.keptOld + keptPresent + notDeleted + (options.prune ? 0 : plan.gone.length);
  return report;
}

interface Upload {
  file: LocalDocument;
  old: RemoteDocument[];
}

interface SyncRun {
  client: GeminiClient;
  storeName: string | undefined;
  options: SyncOptions;
  failed: Array<{ path: string; reason: string }>;
  changes: SyncChange[];
  total: number;
  index: number;
  /** Replaces that failed, so the old version still answers. */
  keptOld: number;
}

/** A few uploads at once: indexing is the slow part, and it runs on Google's side. Results keep the plan's order. */
async function uploadAll(run: SyncRun, work: readonly Upload[]): Promise<SyncChange[]> {
  const results: SyncChange[] = [];
  await runBounded([...work.entries()], UPLOAD_CONCURRENCY, async ([position, item]) => {
    results[position] = await putFile(run, item);
  });
  return results;
}

async function putFile(run: SyncRun, { file, old }: Upload): Promise<SyncChange> {
  const { options, storeName, failed } = run;
  const action = old.length > 0 ? 'replace' : 'upload';
  if (options.signal?.aborted) {
    failed.push({ path: file.path, reason: 'not uploaded: the sync was stopped' });
    if (old.length > 0) run.keptOld += 1;
    return { path: file.path, action: 'failed', reason: 'not uploaded: the sync was stopped' };
  }
  options.onProgress?.({ index: ++run.index, total: run.total, path: file.path, action });
  if (options.dryRun || storeName === undefined) return { path: file.path, action };
  try {
    await run.client.uploadDocument(storeName, {
      bytes: await readFile(file.absolutePath),
      displayName: file.path,
      mimeType: file.mimeType,
      metadata: metadataFor(file),
    });
  } catch (error) {
    failed.push({ path: file.path, reason: describeError(error) });
    if (old.length > 0) run.keptOld += 1;
    return { path: file.path, action: 'failed', reason: describeError(error) };
  }
  // Only now, with the new version indexed, may the old one go: no buyer is answered from a store without the file.
  for (const document of old) {
    try {
      await run.client.deleteDocument(document.name);
    } catch (error) {
      // Still listed next time, as a leftover of this file: the next sync deletes it.
      failed.push({ path: file.path, reason: `the new version is up, but the old one stays until the next sync: ${describeError(error)}` });
    }
  }
  return { path: file.path, action };
}

async function removeAll(run: SyncRun, removals: readonly RemoteDocument[]): Promise<{ deleted: number; notDeleted: number }> {
  const { options, failed, changes } = run;
  let deleted = 0;
  let notDeleted = 0;
  for (const document of removals) {
    const path = document.metadata[META.path] ?? document.displayName;
    if (options.signal?.aborted) {
      failed.push({ path, reason: 'not deleted: the sync was stopped' });
      notDeleted += 1;
      continue;
    }
    options.onProgress?.({ index: ++run.index, total: run.total, path, action: 'delete' });
    if (!options.dryRun) {
      try {
        await run.client.deleteDocument(document.name);
      } catch (error) {
        failed.push({ path, reason: `cannot delete ${document.name}: ${describeError(error)}` });
        changes.push({ path, action: 'failed', reason: describeError(error) });
        continue;
      }
    }
    changes.push({ path, action: 'delete' });
    deleted += 1;
  }
  return { deleted, notDeleted };
}
