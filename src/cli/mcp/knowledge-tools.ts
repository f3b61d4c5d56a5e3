/** `ask` and `sync_docs`: the knowledge base, as `avito-ai ask --json` and `avito-ai sync-docs --json` see it. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { SyncReport } from '../../core/ports.js';
import { mcpServerText } from '../../messages/mcp-server.js';
import { answerQuestion, toJsonAnswer, type AskOutcome } from '../commands/ask.js';
import { createEngineFor } from '../services.js';
import { errorResult, textResult, type ToolContext } from './tool-result.js';
import type { Guard } from './server.js';

export function registerKnowledgeTools(server: McpServer, context: ToolContext, guard: Guard): void {
  const t = mcpServerText();
  server.registerTool(
    'ask',
    {
      title: t.askTitle,
      description: t.askDescription,
      inputSchema: { question: z.string().trim().min(1).describe(t.askQuestion), item_id: z.number().int().positive().optional().describe(t.askItem) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guard(async ({ question, item_id: itemId }) => {
      const config = context.loadConfig();
      const engine = await createEngineFor(config, { logger: context.logger });
      const outcome = await answerQuestion(engine, config, question, itemId);
      return textResult(describeAnswer(outcome), toJsonAnswer(outcome, engine.name));
    }),
  );
  server.registerTool(
    'sync_docs',
    {
      title: t.syncTitle,
      description: t.syncDescription,
      inputSchema: { prune: z.boolean().optional().describe(t.syncPrune), dry_run: z.boolean().optional().describe(t.syncDryRun) },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    },
    guard(async ({ prune, dry_run: dryRun }) => {
      const config = context.loadConfig();
      const engine = await createEngineFor(config, { logger: context.logger });
      const report = await engine.sync(config.knowledge.dir, { prune: prune ?? false, dryRun: dryRun ?? false, signal: context.signal });
      // The same object as `sync-docs --json`.
      const structured = { engine: engine.name, dir: config.knowledge.dir, ...(engine.name === 'gemini' ? { store: config.gemini.storeDisplayName } : {}), ...report };
      const text = describeSync(report, config.knowledge.dir, engine.name);
      // Like the command's exit code: a file that failed is a failure the seller must see.
      return report.failed.length > 0 ? errorResult(text, structured) : textResult(text, structured);
      // One sync at a time: two would upload the same new file twice.
    }, { writes: true }),
  );
}

function describeAnswer({ result }: AskOutcome): string {
  const t = mcpServerText();
  const details = [
    `${result.status}: ${t.status(result.status)}`,
    result.sources.length > 0 ? t.sources(result.sources.join(', ')) : t.noSources,
    ...(result.answer?.refusal ? [t.refused(result.answer.refusal)] : []),
  ];
  return `${t.answerFor}\n${result.reply || t.silence(result.smallTalk)}\n\n${details.join(' · ')}`;
}

function describeSync(report: SyncReport, dir: string, engine: string): string {
  const t = mcpServerText();
  const lines = [
    t.syncHead(report.dryRun ?? false, dir, engine),
    t.syncCounts({
      documents: report.documents,
      uploaded: report.uploaded,
      replaced: report.replaced,
      deleted: report.deleted,
      unchanged: report.unchanged,
      failed: report.failed.length,
      skipped: report.skipped.length,
    }),
    ...report.failed.map((failed) => t.syncFailed(failed.path, failed.reason)),
  ];
  if (report.stale?.length) lines.push(t.syncStale(report.stale.join(', ')));
  return lines.join('\n');
}
