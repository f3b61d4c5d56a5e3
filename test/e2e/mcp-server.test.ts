/** End to end: an MCP client (the SDK's own) starts the built `avito-ai mcp` as an assistant does and drives every tool against the sandbox. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { runInProcess } from '../helpers/cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { connectMcp, type McpSession } from '../helpers/mcp-client.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';

let sandbox: Sandbox | undefined;
let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  await sandbox?.close();
  session = sandbox = undefined;
});

const INITIALIZE = { jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'test', version: '1' } } };

describe('avito-ai mcp as a process', () => {
  it('answers every tool over stdio; a reply is previewed, then confirmed, and reaches Avito once', async () => {
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-e2e-'));
    session = await connectMcp(sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')), cwd);
    const { call } = session;

    const { tools } = await session.client.listTools();
    expect(tools).toHaveLength(8);
    expect((await call('ask', { question: 'Есть гарантия на пылесос?', item_id: 4012345679 })).structuredContent).toMatchObject({ status: 'FOUND' });
    expect((await call('sync_docs')).structuredContent).toMatchObject({ engine: 'local', documents: 7, failed: [] });
    expect((await call('stats')).structuredContent).toMatchObject({ total_messages: 0, paused_chats: 0 });
    expect((await call('chats_waiting')).text).toBe('Нет чатов, ждущих продавца: переданных ему, с ответом не на всё или на паузе.');
    expect((await call('chat_history', { chat_id: 'u2i-demo-coffee', limit: 5 })).text).toMatch(/покупатель: Какое давление у кофемашины/);

    const text = 'Добрый день! Да, в наличии, заберите сегодня после 18:00.';
    const preview = await call('reply_as_seller', { chat_id: 'u2i-demo-vacuum', text });
    expect(preview.structuredContent).toMatchObject({ sent: false, parts: [text] });
    expect(sandbox.sent()).toHaveLength(0);
    const sent = await call('reply_as_seller', { chat_id: 'u2i-demo-vacuum', text, confirm: true });
    expect(sent.structuredContent, sent.text).toMatchObject({ sent: true, pause: 'now' });
    expect((await call('reply_as_seller', { chat_id: 'u2i-demo-vacuum', text, confirm: true })).isError).toBe(true);
    expect(sandbox.sent().map((message) => [message.chat_id, message.content.text])).toEqual([['u2i-demo-vacuum', text]]);

    expect((await call('pause', { chat_id: 'u2i-demo-coffee', hours: 1 })).structuredContent).toMatchObject({ applied: 'now' });
    expect((await call('chats_waiting')).structuredContent).toMatchObject({ chats: [{ chat_id: 'u2i-demo-vacuum', state: 'paused (takeover)' }, { chat_id: 'u2i-demo-coffee', state: 'paused (manual)' }] });
    expect((await call('resume', { chat_id: 'u2i-demo-coffee' })).structuredContent).toMatchObject({ applied: 'now' });

    // The server holds no lock between calls: a command run meanwhile writes the store itself.
    const paused = await runInProcess(['pause', 'u2i-demo-bike'], { cwd, env: sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')) });
    expect(paused.stdout).not.toMatch(/queued|очеред/);
    expect(session.stderr()).toMatch(/MCP-сервер avito-ai ждёт ассистента/);
  }, 40_000);

  it('exits 0 when the assistant closes stdin, after answering what it was sent; stdout holds MCP messages only', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-e2e-'));
    const run = spawnCli(['mcp'], { cwd, env: { STORE_PATH: join(cwd, 'store.json') }, stdin: 'pipe' });
    const call = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'pause', arguments: { chat_id: 'u2i-x' } } };
    run.child.stdin!.end([INITIALIZE, { jsonrpc: '2.0', method: 'notifications/initialized' }, call].map((message) => JSON.stringify(message)).join('\n') + '\n');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; result: { structuredContent?: unknown } });
    expect(lines.map((line) => line.id)).toEqual([0, 1]);
    expect(lines[1]!.result.structuredContent).toMatchObject({ chat_id: 'u2i-x', applied: 'now' });
    expect(result.stderr).toMatch(/MCP-сервер avito-ai остановлен/);
  });

  it('exits 0 on SIGTERM while the assistant keeps stdin open', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-e2e-'));
    const run = spawnCli(['mcp'], { cwd, env: { STORE_PATH: join(cwd, 'store.json') }, stdin: 'pipe' });
    let stderr = '';
    run.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    run.child.stdin!.write(`${JSON.stringify(INITIALIZE)}\n`);
    await waitFor(() => stderr.includes('ждёт ассистента'), 'the server to start');
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\{"result":\{"protocolVersion":"2025-11-25"/);
  });
});
