/** Keeps a File Search store equal to the folder; each upload's metadata is the manifest, so nothing can drift from it. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SyncChange, SyncOptions, SyncReport } from '../../core/ports.js';
import { runBounded } from '../../core/async.js';
import { KnowledgeError, describeError } from '../../errors.js';
import { documentsText } from '../../messages/documents.js';
import { itemIdFromFileName, listKnowledgeFiles, parseItemId, splitFrontMatter } from '../folder.js';
import type { KnowledgeFile } from '../folder.js';
import { decodeText } from '../text-encoding.js';
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

/**
 * Text a seller may have saved in Windows-1251, KOI8-R or UTF-16: File Search gets it as UTF-8, or it
 * would index mojibake. HTML names its charset in its own head, so it goes as it is, like PDF and Office files.
 */
const TEXT_MIME_TYPES: ReadonlySet<string> = new Set(['text/markdown', 'text/plain', 'text/csv', 'application/json']);

/** Metadata keys (lowercase snake_case: mixed case is reported not to match filters). */
export const META = { path: 'source_path', sha256: 'content_sha256', scope: 'scope', itemId: 'item_id' } as const;

export interface LocalDocument {
  path: string;
  absolutePath: string;
  /** Of the bytes uploaded. */
  size: number;
  /** Of the bytes uploaded: for text, its UTF-8, so the same text saved again in another encoding is not uploaded again. */
  sha256: string;
  /**
   * A UTF-8 file with a BOM: the hash of its bytes as saved, which syncs before text was re-encoded
   * uploaded and recorded. A document carrying it holds this same text: kept, not uploaded again.
   */
  savedSha256?: string;
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
      .filter((document) => holdsContentOf(document, file) && document.state !== 'STATE_FAILED')
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

function holdsContentOf(document: RemoteDocument, file: LocalDocument): boolean {
  const sha256 = document.metadata[META.sha256];
  return sha256 === file.sha256 || (file.savedSha256 !== undefined && sha256 === file.savedSha256);
}

export async function readLocalDocuments(dir: string): Promise<{ documents: LocalDocument[]; skipped: Array<{ path: string; reason: string }>; failed: Array<{ path: string; reason: string }> }> {
  const files = await listKnowledgeFiles(dir, 'gemini');
  const documents: LocalDocument[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  const failed: Array<{ path: string; reason: string }> = [];
  for (const file of files) {
    const mimeType = MIME_TYPES[extname(file.path).toLowerCase()];
    if (mimeType === undefined) skipped.push({ path: file.path, reason: documentsText().unsupportedType(extname(file.path), '') });
    else if (file.size === 0) skipped.push({ path: file.path, reason: documentsText().empty });
    else if (file.size > MAX_UPLOAD_BYTES) skipped.push({ path: file.path, reason: documentsText().largerThanUploadLimit });
    else {
      try {
        const described = await describeFile(file, mimeType);
        if ('reason' in described) (described.failed ? failed : skipped).push({ path: file.path, reason: described.reason });
        else documents.push(described);
      } catch (error) {
        failed.push({ path: file.path, reason: describeError(error) });
      }
    }
  }
  return { documents, skipped, failed };
}

/** The file as it will be uploaded, or why it is skipped (`failed: false`) or cannot be read (`failed: true`). */
async function describeFile(file: KnowledgeFile, mimeType: string): Promise<LocalDocument | { reason: string; failed: boolean }> {
  const body = await readUploadBody(file.absolutePath, mimeType);
  // The local engine's reason, word for word: the seller sees one verdict on the file whichever engine answers.
  if (!body.ok) return { reason: body.reason, failed: true };
  if (body.bytes.length === 0) return { reason: documentsText().empty, failed: false };
  if (body.bytes.length > MAX_UPLOAD_BYTES) return { reason: documentsText().largerThanUploadLimitUtf8, failed: false };
  let itemId = itemIdFromFileName(file.path);
  if (body.text !== undefined && (mimeType === 'text/markdown' || mimeType === 'text/plain')) {
    const { data } = splitFrontMatter(body.text.replace(/\r\n?/g, '\n'));
    itemId = parseItemId(data.item_id ?? data.itemid) ?? itemId;
  }
  const sha256 = hashBytes(body.bytes);
  // Only a BOM sets UTF-8 as saved apart from UTF-8 as uploaded.
  const savedSha256 = body.utf8 && body.saved.length !== body.bytes.length ? hashBytes(body.saved) : sha256;
  return {
    path: file.path,
    absolutePath: file.absolutePath,
    size: body.bytes.length,
    sha256,
    ...(savedSha256 === sha256 ? {} : { savedSha256 }),
    mimeType,
    ...(itemId === undefined ? {} : { itemId }),
  };
}

type UploadBody =
  | { ok: true; bytes: Uint8Array; saved: Uint8Array; text?: string; utf8: boolean }
  | { ok: false; reason: string };

/** What File Search gets: a text file as UTF-8 (no BOM) whatever it was saved in, any other file byte for byte. */
async function readUploadBody(absolutePath: string, mimeType: string): Promise<UploadBody> {
  const saved = await readFile(absolutePath);
  if (!TEXT_MIME_TYPES.has(mimeType)) return { ok: true, bytes: saved, saved, utf8: false };
  const decoded = decodeText(saved);
  if (!decoded.ok) return decoded;
  return { ok: true, bytes: Buffer.from(decoded.text, 'utf8'), saved, text: decoded.text, utf8: decoded.encoding === 'utf-8' };
}

function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
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
    throw new KnowledgeError(documentsText().pruneEverything(plan.gone.length), 'gemini', { hint: documentsText().pruneEverythingHint });
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
  const stillThere = (path: string): string => (uploadedPaths.has(path) ? documentsText().earlierUploadStays : '');
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
    failed.push({ path: file.path, reason: documentsText().notUploadedStopped });
    if (old.length > 0) run.keptOld += 1;
    return { path: file.path, action: 'failed', reason: documentsText().notUploadedStopped };
  }
  options.onProgress?.({ index: ++run.index, total: run.total, path: file.path, action });
  if (options.dryRun || storeName === undefined) return { path: file.path, action };
  try {
    const body = await readUploadBody(file.absolutePath, file.mimeType);
    // Changed since it was read, into something no encoding reads: never upload mojibake.
    if (!body.ok) throw new Error(body.reason);
    await run.client.uploadDocument(storeName, {
      bytes: body.bytes,
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
      failed.push({ path: file.path, reason: documentsText().oldVersionStays(describeError(error)) });
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
      failed.push({ path, reason: documentsText().notDeletedStopped });
      notDeleted += 1;
      continue;
    }
    options.onProgress?.({ index: ++run.index, total: run.total, path, action: 'delete' });
    if (!options.dryRun) {
      try {
        await run.client.deleteDocument(document.name);
      } catch (error) {
        failed.push({ path, reason: documentsText().cannotDelete(document.name, describeError(error)) });
        changes.push({ path, action: 'failed', reason: describeError(error) });
        continue;
      }
    }
    changes.push({ path, action: 'delete' });
    deleted += 1;
  }
  return { deleted, notDeleted };
}
