/** The fake RAG MCP server (test/fixtures/fake-rag-mcp.mjs) as tests start it: its MCP_SERVER line, its log, its end. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_KNOWLEDGE } from '../../src/cli/commands/demo.js';

export const FAKE_RAG_SERVER = join(import.meta.dirname, '../fixtures/fake-rag-mcp.mjs');

export type FakeRagMode = 'passages' | 'answer' | 'invent-price' | 'error';

export interface FakeRagEntry {
  pid: number;
  event: 'start' | 'call' | 'die';
  mode?: string;
  arguments?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

/** An MCP_SERVER command line, quoted as a seller would write it (paths may hold spaces). */
export function fakeRagCommand(options: { log: string; mode?: FakeRagMode; docs?: string; tool?: string; dieFile?: string }): string {
  const args = [
    ...['--docs', options.docs ?? DEMO_KNOWLEDGE, '--mode', options.mode ?? 'passages', '--log', options.log],
    ...(options.tool ? ['--tool', options.tool] : []),
    ...(options.dieFile ? ['--die-file', options.dieFile] : []),
  ];
  return [process.execPath, FAKE_RAG_SERVER, ...args].map((word) => `"${word}"`).join(' ');
}

export function readRagLog(file: string): FakeRagEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as FakeRagEntry);
}

/** The servers a test started and left running (an in-process `ask` does not stop its engine): each by its own pid. */
export function stopRagServers(file: string): void {
  for (const { pid } of readRagLog(file).filter((entry) => entry.event === 'start')) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
