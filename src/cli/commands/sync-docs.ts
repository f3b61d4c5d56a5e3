/**
 * `avito-ai sync-docs [dir]`: makes the engine's documents equal to the knowledge folder. For
 * Gemini that uploads new and changed files (and deletes gone ones with --prune); for the local
 * engine it indexes the folder and reports what it holds.
 */
import type { ChalkInstance } from 'chalk';
import { paintFor } from '../paint.js';
import type { KnowledgeDocumentInfo, SyncChange, SyncOptions, SyncReport } from '../../core/ports.js';
import { ExitCode } from '../exit-codes.js';
import type { OutputStream } from '../io.js';
import type { CommandContext } from '../command.js';
import { createEngineFor, createLoggerFor } from '../services.js';
import { loadAccountConfig } from '../accounts/load.js';
import { syncDocsText } from '../../messages/sync-docs.js';

export default async function syncDocs(context: CommandContext): Promise<ExitCode> {
  const { options, io } = context;
  const dir = context.args[0] === undefined ? undefined : String(context.args[0]);
  const config = loadAccountConfig(context, dir ? { KNOWLEDGE_DIR: dir } : {});
  const logger = createLoggerFor(config, context);
  const engine = await createEngineFor(config, { logger, ...(options.engine ? { engine: String(options.engine) } : {}) });
  const out = io.stdout;
  const c = paintFor(out);
  const where = engine.name === 'gemini' ? syncDocsText().geminiStore(config.gemini.storeDisplayName) : syncDocsText().localIndex;

  if (options.list) {
    const documents = await engine.listDocuments();
    if (engine.name === 'mcp' && !options.json) out.write(`${syncDocsText().mcpServer(documents.map((document) => document.displayName).join(', '))}\n`);
    else if (options.json) out.write(`${JSON.stringify(documents.map(toJsonDocument))}\n`);
    else printDocuments(out, c, where, documents);
    return ExitCode.Ok;
  }

  const progress = startProgress(io.stderr, { quiet: Boolean(options.json), signal: io.signal });
  const syncOptions: SyncOptions = {
    prune: Boolean(options.prune),
    dryRun: Boolean(options.dryRun),
    signal: io.signal,
    onProgress: (event) => progress.update(describeProgress(event, Boolean(options.dryRun))),
  };
  let report: SyncReport;
  try {
    report = await engine.sync(config.knowledge.dir, syncOptions);
  } finally {
    progress.stop();
  }
  if (options.json) {
    out.write(`${JSON.stringify({ engine: engine.name, dir: config.knowledge.dir, ...(engine.name === 'gemini' ? { store: config.gemini.storeDisplayName } : {}), ...report })}\n`);
  } else if (engine.name === 'mcp') {
    // The server holds the documents: its "sync" only proved it answers and offers the tool, so there is no folder to report.
    out.write(`${syncDocsText().mcpServer((report.changes ?? []).map((change) => change.path).join(', '))}\n`);
  } else {
    printReport(out, c, { where, dir: config.knowledge.dir, engine: engine.name, report });
  }
  return report.failed.length > 0 ? ExitCode.Failure : ExitCode.Ok;
}

function describeVerbs(): Record<SyncChange['action'], [done: string, planned: string]> {
  const t = syncDocsText();
  return {
    upload: [t.uploaded, t.wouldUpload],
    replace: [t.replaced, t.wouldReplace],
    delete: [t.deleted, t.wouldDelete],
    unchanged: [t.unchanged, t.unchanged],
    failed: [t.failed, t.failed],
    skipped: [t.skipped, t.skipped],
  };
}

/** "3/12 загружаю prays.md": what is being done now, or in a dry run what would be. */
export function describeProgress(event: Parameters<NonNullable<SyncOptions['onProgress']>>[0], dryRun: boolean): string {
  const t = syncDocsText();
  const doing: Record<SyncChange['action'], string> = {
    upload: t.uploading,
    replace: t.replacing,
    delete: t.deleting,
    unchanged: t.unchanged,
    failed: t.failed,
    skipped: t.skipped,
  };
  const verb = dryRun ? describeVerbs()[event.action][1] : doing[event.action];
  return t.progress(event.index, event.total, verb, event.path);
}

function printReport(
  out: OutputStream,
  c: ChalkInstance,
  { where, dir, engine, report }: { where: string; dir: string; engine: string; report: SyncReport },
): void {
  const t = syncDocsText();
  const verbs = describeVerbs();
  const lines: string[] = [];
  lines.push(`${report.dryRun ? t.dryRun : ''}${dir} → ${where}`);
  const colour = { upload: c.green, replace: c.green, delete: c.yellow, unchanged: c.gray, failed: c.red, skipped: c.yellow } as const;
  for (const change of report.changes ?? []) {
    // Engines over the local index have nothing to upload: listing every unchanged file would only be noise.
    if (change.action === 'unchanged' && engine !== 'gemini') continue;
    const verb = verbs[change.action][report.dryRun ? 1 : 0];
    lines.push(`  ${colour[change.action](verb.padEnd(14))} ${change.path}${change.reason ? `: ${change.reason}` : ''}`);
  }
  // Failures not tied to a change line (an old version left behind, an unreadable file).
  const shown = new Set((report.changes ?? []).filter((change) => change.action === 'failed').map((change) => change.path));
  for (const failed of report.failed) {
    if (!shown.has(failed.path)) lines.push(`  ${c.red(t.failed.padEnd(14))} ${failed.path}: ${failed.reason}`);
  }
  lines.push('');
  if (engine === 'local') {
    lines.push(t.localIndexed(report.documents));
  } else if (engine !== 'gemini') {
    lines.push(t.modelIndexed(report.documents, engine));
  } else {
    const columns = [
      [t.columnUploaded, report.uploaded],
      [t.columnReplaced, report.replaced],
      [t.columnUnchanged, report.unchanged],
      [t.columnDeleted, report.deleted],
      [t.columnFailed, report.failed.length],
      [t.columnSkipped, report.skipped.length],
    ] as const;
    lines.push(`  ${columns.map(([name]) => name.padStart(10)).join(' ')}`);
    lines.push(`  ${columns.map(([, value]) => String(value).padStart(10)).join(' ')}`);
  }
  if (report.stale?.length) {
    lines.push(t.stale(report.stale.length, report.stale.join(', ')));
  }
  if (report.foreign?.length) {
    lines.push(t.foreign(report.foreign.length, report.foreign.join(', ')));
  }
  out.write(`${lines.join('\n')}\n`);
}

function printDocuments(out: OutputStream, c: ChalkInstance, where: string, documents: KnowledgeDocumentInfo[]): void {
  const t = syncDocsText();
  if (documents.length === 0) {
    out.write(`${t.noDocuments(where)}\n`);
    return;
  }
  const lines = [t.documentsIn(documents.length, where)];
  for (const document of documents) {
    const state = document.state.replace(/^STATE_/, '').toLowerCase();
    const scope = document.itemId === undefined ? t.general : t.item(document.itemId);
    const paint = state === 'failed' ? c.red : state === 'pending' ? c.yellow : c.green;
    lines.push(`  ${paint(state.padEnd(8))} ${scope.padEnd(16)} ${document.displayName}${document.managed === false ? c.gray(t.notOurs) : ''}`);
  }
  out.write(`${lines.join('\n')}\n`);
}

function toJsonDocument(document: KnowledgeDocumentInfo): Record<string, unknown> {
  return {
    display_name: document.displayName,
    scope: document.scope,
    item_id: document.itemId ?? null,
    state: document.state,
    size_bytes: document.sizeBytes ?? null,
    id: document.id ?? null,
    ...(document.managed === undefined ? {} : { managed: document.managed }),
  };
}

/** A stream the progress line may draw on: a terminal says how wide it is. */
export interface ProgressStream extends OutputStream {
  columns?: number;
}

export interface Progress {
  update(text: string): void;
  stop(): void;
}

/** Narrower than this (0 and unknown included: some terminals and CI pseudo-terminals report 0) there is no line. */
const MIN_COLUMNS = 20;
/** At most ten redraws a second, each at most this wide: a few KB/s whatever the terminal or the sync reports. */
const FRAME_MS = 100;
const MAX_WIDTH = 100;
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * One status line on an interactive terminal (file i of n, name), redrawn on a timer and cut to the terminal's width,
 * so it can neither flood the terminal nor hold up the event loop (and with it SIGTERM); nothing on a pipe, a file or
 * a terminal too narrow. It stops by itself when `signal` aborts.
 */
export function startProgress(stream: ProgressStream, options: { quiet: boolean; signal?: AbortSignal }): Progress {
  const width = (): number => Math.min((stream.columns ?? 0) - 1, MAX_WIDTH);
  if (options.quiet || !stream.isTTY || width() < MIN_COLUMNS || options.signal?.aborted) return { update: () => undefined, stop: () => undefined };
  let text = syncDocsText().reading;
  let frame = 0;
  let drawn = false;
  const erase = (): void => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  const draw = (): void => {
    // The terminal may have been narrowed since: then the line goes rather than wrapping.
    if (width() < MIN_COLUMNS) return erase();
    stream.write(`\r${FRAMES[frame++ % FRAMES.length]} ${fitWidth(text, width() - 2)}\x1b[K`);
    drawn = true;
  };
  const timer = setInterval(draw, FRAME_MS);
  timer.unref();
  const stop = (): void => {
    clearInterval(timer);
    options.signal?.removeEventListener('abort', stop);
    erase();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  draw();
  return {
    update: (next) => {
      text = next;
    },
    stop,
  };
}

/** Control characters out (a file name must not steer the terminal), then the middle cut so the line fits `width` columns. */
function fitWidth(text: string, width: number): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const chars = [...text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')];
  const widths = chars.map((char) => (WIDE.test(char) ? 2 : 1));
  if (widths.reduce((sum, one) => sum + one, 0) <= width) return chars.join('');
  // The head keeps "i/n action", the tail the file name.
  const take = (from: 'head' | 'tail', budget: number): string[] => {
    const taken: string[] = [];
    for (let i = 0, used = 0; i < chars.length; i++) {
      const at = from === 'head' ? i : chars.length - 1 - i;
      used += widths[at]!;
      if (used > budget) break;
      taken.push(chars[at]!);
    }
    return from === 'head' ? taken : taken.reverse();
  };
  const head = Math.floor((width - 1) / 3);
  return `${take('head', head).join('')}…${take('tail', width - 1 - head).join('')}`;
}

/** Characters a terminal draws two columns wide: CJK, Hangul, full-width forms, most emoji. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;
