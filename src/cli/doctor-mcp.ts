/**
 * `avito-ai doctor` for KNOWLEDGE_ENGINE=mcp: the server starts (or answers) and names itself, MCP_TOOL is among its
 * tools and MCP_ARGUMENTS gives every argument the tool requires, and the composing model (MCP_COMPOSER) takes our key.
 * Nothing is asked of the tool itself: a trial question could cost the seller money on their server.
 */
import type { Config } from '../config/config.js';
import { failure, type CheckResult } from './doctor-check.js';
import { mcpEngineText } from '../messages/mcp-engine.js';
import type { McpKnowledgeEngine } from '../knowledge/mcp/mcp-engine.js';
import { createEngineFor } from './services.js';

/** A check answers in seconds, whatever MCP_TIMEOUT allows an answer. */
const MAX_CHECK_TIMEOUT_MS = 15_000;

export async function checkMcp(config: Config): Promise<CheckResult[]> {
  const text = mcpEngineText();
  const server: CheckResult = { id: 'mcp-server', title: text.doctorServerTitle, status: 'ok', detail: '' };
  const tool: CheckResult = { id: 'mcp-tool', title: text.doctorToolTitle, status: 'skip', detail: text.doctorNeedsServer };
  const results = [server, tool];
  let engine: McpKnowledgeEngine | undefined;
  try {
    const quick: Config = { ...config, mcp: { ...config.mcp, timeoutMs: Math.min(config.mcp.timeoutMs, MAX_CHECK_TIMEOUT_MS) } };
    engine = (await createEngineFor(quick, { engine: 'mcp', modelRetries: 0 })) as McpKnowledgeEngine;
    const tools = await engine.connection.listTools();
    const info = await engine.connection.describeServer();
    server.detail = text.doctorServerOk(`${info.name}${info.version ? ` ${info.version}` : ''}`, tools.length);
    Object.assign(tool, checkTool(config, tools));
    if (engine.model) results.push(await checkComposer(engine.model));
  } catch (error) {
    Object.assign(server, failure(error));
  } finally {
    await engine?.close();
  }
  return results;
}

function checkTool(config: Config, tools: ReadonlyArray<{ name: string; inputSchema: { required?: string[] | undefined } }>): Partial<CheckResult> {
  const text = mcpEngineText();
  const name = config.mcp.tool ?? '';
  const found = tools.find((entry) => entry.name === name);
  if (!found) return { status: 'fail', detail: text.doctorToolMissing(name, tools.map((entry) => entry.name).join(', ')), fix: text.doctorToolMissingFix };
  const given = new Set(Object.keys(config.mcp.arguments));
  const missing = (found.inputSchema.required ?? []).filter((argument) => !given.has(argument));
  if (missing.length > 0) return { status: 'fail', detail: text.doctorArgumentsMissing(name, missing.join(', ')), fix: text.doctorArgumentsFix(missing.join(', ')) };
  return { status: 'ok', detail: text.doctorToolOk(name, config.mcp.mode) };
}

/** GigaChat or an OpenAI-compatible model writing the answers from the passages: its key works and it lists models. */
async function checkComposer(model: NonNullable<McpKnowledgeEngine['model']>): Promise<CheckResult> {
  const base = { id: 'mcp-composer', title: mcpEngineText().doctorComposerTitle };
  try {
    await model.listModels();
    return { ...base, status: 'ok', detail: mcpEngineText().doctorComposerOk(model.provider, model.model) };
  } catch (error) {
    return { ...base, ...failure(error) };
  }
}
