/** `avito-ai sync-docs [dir]`: (re)index the knowledge folder and report what it holds. */
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../program.js';
import { createEngineFor, loadConfig } from '../services.js';

export default async function syncDocs(context: CommandContext): Promise<ExitCode> {
  const dir = context.args[0] === undefined ? undefined : String(context.args[0]);
  const config = loadConfig(context, dir ? { KNOWLEDGE_DIR: dir } : {});
  const engine = await createEngineFor(config);
  const report = await engine.sync(config.knowledge.dir);
  const out = context.io.stdout;
  if (context.options.json) {
    out.write(`${JSON.stringify({ engine: engine.name, dir: config.knowledge.dir, ...report })}\n`);
  } else {
    out.write(`${config.knowledge.dir}: ${report.documents} document(s) indexed by the ${engine.name} engine\n`);
    for (const skipped of report.skipped) out.write(`  skipped ${skipped.path}: ${skipped.reason}\n`);
    for (const failed of report.failed) out.write(`  failed  ${failed.path}: ${failed.reason}\n`);
  }
  return report.failed.length > 0 ? ExitCode.Failure : ExitCode.Ok;
}
