/**
 * The kept connection to a stdio MCP server, with the real SDK on both sides: one process across calls, a new one
 * after it dies (the call in flight fails at once), timeouts, a command that does not start, and the child's environment.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../src/config/mcp.js';
import { KnowledgeError } from '../../../src/errors.js';
import { createMcpConnection, restartDelay, type McpConnection, type McpEvent } from '../../../src/knowledge/mcp/connection.js';
import { fakeRagCommand, readRagLog, stopRagServers } from '../../helpers/fake-rag-mcp.js';

const ROOT = join(import.meta.dirname, '../../..');
let log: string;
let connection: McpConnection | undefined;
let events: McpEvent[];

beforeEach(async () => {
  log = join(await mkdtemp(join(tmpdir(), 'avito-ai-mcp-')), 'rag.jsonl');
  events = [];
});
afterEach(async () => {
  await connection?.close();
  connection = undefined;
  stopRagServers(log);
});

function connect(options: { timeoutMs?: number; env?: Record<string, string>; command?: string } = {}): McpConnection {
  const [command, ...args] = splitCommandLine(options.command ?? fakeRagCommand({ log }));
  connection = createMcpConnection({
    server: { transport: 'stdio', command: command!, args, env: { PATH: process.env.PATH ?? '', ...options.env }, cwd: tmpdir() },
    timeoutMs: options.timeoutMs ?? 10_000,
    clientVersion: '9.9.9',
    onEvent: (event) => events.push(event),
  });
  return connection;
}

const starts = () => readRagLog(log).filter((entry) => entry.event === 'start');

describe('the MCP connection over stdio', () => {
  it('starts the server once and keeps it across calls', async () => {
    const mcp = connect();
    const tools = await mcp.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['search']);
    expect(await mcp.describeServer()).toEqual({ name: 'fake-rag', version: '1.2.3' });
    for (const query of ['доставка', 'гарантия', 'оплата']) {
      const result = await mcp.callTool('search', { query });
      expect(result.isError).toBeFalsy();
    }
    expect(starts()).toHaveLength(1);
    expect(events.filter((event) => event.type === 'started')).toHaveLength(1);
  });

  it('fails the call in flight when the server dies, and starts a new one on the next call', async () => {
    const mcp = connect();
    await mcp.callTool('search', { query: 'доставка' });
    const started = Date.now();
    const error = await mcp.callTool('search', { query: 'упади' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).message).toBe('MCP-сервер завершился; последнее, что он написал: fatal: the index is corrupted');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(events.some((event) => event.type === 'closed')).toBe(true);
    const again = await mcp.callTool('search', { query: 'доставка' });
    expect(again.isError).toBeFalsy();
    const pids = starts().map((entry) => entry.pid);
    expect(pids).toHaveLength(2);
    expect(pids[0]).not.toBe(pids[1]);
  });

  it('gives up on a call after the timeout, and the stuck server is replaced', async () => {
    const mcp = connect({ timeoutMs: 4000 });
    await mcp.callTool('search', { query: 'доставка' });
    const error = await mcp.callTool('search', { query: 'зависни' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'KnowledgeError', message: 'MCP-сервер не ответил за 4 с', hint: expect.stringContaining('MCP_TIMEOUT') });
    await expect(mcp.callTool('search', { query: 'доставка' })).resolves.toMatchObject({ content: expect.any(Array) });
    expect(starts()).toHaveLength(2);
  });

  it('a command that does not exist: a KnowledgeError naming it, with the fix', async () => {
    const mcp = connect({ command: 'no-such-rag-server --port 1' });
    const error = await mcp.listTools().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'KnowledgeError', message: 'MCP-сервер «no-such-rag-server» не запускается: ENOENT', hint: expect.stringContaining('MCP_SERVER') });
  });

  it('a server that exits at start: named by its error line, not by its stack', async () => {
    const script = "console.error('Error: Cannot open /srv/rag/index'); console.error('    at main (/srv/rag/server.js:1:1)'); process.exit(2)";
    const mcp = connect({ command: `"${process.execPath}" -e "${script}"` });
    const error = await mcp.listTools().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: `MCP-сервер «${process.execPath}» не запускается: он завершился, написав: Error: Cannot open /srv/rag/index` });
    expect(events.filter((event) => event.type === 'closed')).toEqual([]);
  });

  it('passes the server only the environment it is given', async () => {
    const mcp = connect({ env: { RAG_TOKEN: 'rag-secret' } });
    await mcp.listTools();
    expect(starts()[0]?.env).toEqual({ RAG_TOKEN: 'rag-secret', HOME: false });
  });

  it('a program that closes the connection waits for the server to end, then ends by itself', () => {
    // A script whose only work is the call and the close: with the server's pipes released, awaiting the close held
    // nothing, and Node ended the program there with exit 13 and nothing after it run.
    const script = `
      const { createMcpConnection } = await import(${JSON.stringify(join(ROOT, 'dist/knowledge/mcp/connection.js'))});
      const [command, ...args] = ${JSON.stringify(splitCommandLine(fakeRagCommand({ log })))};
      const mcp = createMcpConnection({ server: { transport: 'stdio', command, args, env: { PATH: process.env.PATH }, cwd: process.cwd() }, timeoutMs: 10000, clientVersion: '1' });
      const result = await mcp.callTool('search', { query: 'доставка' });
      console.log(result.isError ? 'error' : 'answered');
      await mcp.close();
      console.log('closed');
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim().split('\n')).toEqual(['answered', 'closed']);
    expect(run.status).toBe(0);
    expect(readRagLog(log).map((entry) => entry.event)).toContain('start');
  });

  it('waits longer between starts while the server keeps failing, never more than 30 s', () => {
    expect([1, 2, 3, 4, 10].map(restartDelay)).toEqual([0, 1000, 2000, 4000, 30_000]);
  });
});
