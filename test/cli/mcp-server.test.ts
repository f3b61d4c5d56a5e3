/** The MCP server's tools, in-process through the SDK's client over a linked in-memory pair. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { CallToolResultSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { createLogger } from '../../src/cli/logger.js';
import { createMcpServer } from '../../src/cli/mcp/server.js';
import { loadConfig } from '../../src/cli/services.js';
import { setLang } from '../../src/messages/index.js';
import { DEMO_KNOWLEDGE } from '../../src/cli/commands/demo.js';
import { runInProcess } from '../helpers/cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';

let sandbox: Sandbox | undefined;
let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  await sandbox?.close();
  client = sandbox = undefined;
});

/** A connected client, and the log the tools wrote (stderr in the real server). */
async function connect(env: Record<string, string>, cwd: string): Promise<{ client: Client; log: () => string }> {
  let log = '';
  const stderr = { write: (chunk: string) => (log += chunk) };
  const context = { io: { stdout: { write: () => true }, stderr, env, cwd, signal: new AbortController().signal, exitCode: ExitCode.Ok }, globals: {}, args: [], options: {} };
  const logger = createLogger({ format: 'text', level: 'info', stream: stderr });
  const { server } = createMcpServer({ loadConfig: () => loadConfig(context), logger, signal: context.io.signal }, '9.9.9-test');
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(clientSide);
  return { client, log: () => log };
}

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult & { text: string }> {
  const result = CallToolResultSchema.parse(await client!.callTool({ name, arguments: args }));
  return { ...result, text: result.content.flatMap((item) => (item.type === 'text' ? [item.text] : [])).join('\n') };
}

describe('avito-ai mcp tools', () => {
  it('lists the eight tools, described in Russian', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-'));
    await connect({ KNOWLEDGE_DIR: DEMO_KNOWLEDGE, STORE_PATH: join(cwd, 'store.json') }, cwd);
    const { tools } = await client!.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['ask', 'chat_history', 'chats_waiting', 'pause', 'reply_as_seller', 'resume', 'stats', 'sync_docs']);
    expect(tools.find((tool) => tool.name === 'reply_as_seller')?.description).toContain('confirm: true');
    expect(tools.find((tool) => tool.name === 'ask')?.inputSchema.required).toEqual(['question']);
  });

  it('ask answers as `ask --json` does, with the sources, and needs no Avito keys', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-'));
    const env = { KNOWLEDGE_DIR: DEMO_KNOWLEDGE, STORE_PATH: join(cwd, 'store.json') };
    await connect(env, cwd);
    const result = await call('ask', { question: 'Как доставляете?' });
    expect(result.isError).toBeFalsy();
    expect(result.text).toMatch(/^Покупатель получит ответ:\n.*Доставляем/s);
    expect(result.text).toContain('FOUND: ответ найден в документах · источники: dostavka.md');
    const cli = JSON.parse((await runInProcess(['ask', 'Как доставляете?', '--json'], { cwd, env })).stdout) as Record<string, unknown>;
    expect(result.structuredContent).toMatchObject({ status: cli.status, answer: cli.answer, sources: cli.sources, engine: 'local' });

    const empty = await call('ask', { question: '  ' });
    expect(empty.isError).toBe(true);
  });

  it('chats_waiting names the question a partial answer left to the seller', async () => {
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-'));
    const env = sandboxEnv(sandbox, join(cwd, 'store.json'));
    sandbox.addChat({
      id: 'u2i-partly',
      context: { type: 'item', value: { id: 4_012_345_678, title: 'Кофемашина', user_id: sandbox.account.id } },
      messages: [{ author_id: 5_550_002, text: 'Что входит в комплектацию кофемашины? И зёрна в подарок положите?' }],
    });
    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);
    await connect(env, cwd);
    const waiting = await call('chats_waiting');
    expect(waiting.text).toContain('u2i-partly — бот ответил не на всё, продавцу ответить: «И зёрна в подарок положите»');
    expect(waiting.structuredContent).toMatchObject({ chats: expect.arrayContaining([expect.objectContaining({ chat_id: 'u2i-partly', state: 'left_out', left_out: ['И зёрна в подарок положите'] })]) });
    expect((await call('chat_history', { chat_id: 'u2i-partly' })).structuredContent).toMatchObject({ state: 'left_out' });
    const stats = await call('stats');
    expect(stats.text).toContain('бот ответил не на всё: 1;');
    expect(stats.text).toMatch(/Ответы: найдено \d+% \(из них не на всё \d+%\)/);
    expect(stats.structuredContent).toMatchObject({ left_out_chats: 1, answers: { partly_answered: 1 } });
  });

  it('pause and resume write the store when no daemon holds it, one call after the other even when sent at once', async () => {
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-'));
    await connect(sandboxEnv(sandbox, join(cwd, 'store.json')), cwd);
    const [first, second] = await Promise.all([call('pause', { chat_id: 'u2i-demo-bike', hours: 2 }), call('pause', { chat_id: 'u2i-demo-coffee' })]);
    expect(first.structuredContent).toMatchObject({ chat_id: 'u2i-demo-bike', applied: 'now' });
    expect(first.text).toMatch(/^u2i-demo-bike: бот молчит в этом чате до /);
    expect(second.structuredContent).toMatchObject({ chat_id: 'u2i-demo-coffee', applied: 'now' });

    const waiting = await call('chats_waiting');
    expect(waiting.text).toMatch(/^Чатов: 2\n/);
    expect(waiting.structuredContent).toMatchObject({ account_pause: null, chats: [{ state: 'paused (manual)' }, { state: 'paused (manual)' }] });

    const resumed = await call('resume', { chat_id: 'u2i-demo-bike' });
    expect(resumed.text).toBe('u2i-demo-bike: бот снова отвечает в этом чате (на новые сообщения).');
    expect((await call('resume', { chat_id: 'u2i-nobody' })).isError).toBe(true);
    expect(await call('pause', { chat_id: 'u2i-demo-bike', all: true })).toMatchObject({ isError: true, text: 'укажите chat_id или all: true, не оба' });
    expect(await call('pause', {})).toMatchObject({ isError: true, text: 'укажите chat_id (или all: true для всего аккаунта)' });

    const account = await call('pause', { all: true });
    expect(account.text).toBe('Бот не отвечает ни в одном чате аккаунта до resume с all: true; вопросы ждут продавца непрочитанными.');
    expect((await call('chats_waiting')).text).toMatch(/^Бот на паузе на всём аккаунте до resume с all: true/);
    expect((await call('stats')).structuredContent).toMatchObject({ paused_chats: 1, account_pause: { until: null } });
    expect((await call('resume', { all: true })).structuredContent).toMatchObject({ account: true, applied: 'now' });
  });

  it('reply_as_seller previews, then sends once when confirmed and pauses the bot there; a repeated call sends nothing', async () => {
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-'));
    await connect(sandboxEnv(sandbox, join(cwd, 'store.json')), cwd);
    const text = 'Обмен не интересует, спасибо.';
    const preview = await call('reply_as_seller', { chat_id: 'u2i-demo-bike', text });
    expect(preview.text).toContain(`  → ${text}`);
    expect(preview.text).toContain('confirm: true');
    expect(preview.structuredContent).toMatchObject({ sent: false });
    expect(sandbox.sent('u2i-demo-bike')).toHaveLength(0);

    const sent = await call('reply_as_seller', { chat_id: 'u2i-demo-bike', text, confirm: true });
    expect(sent.isError).toBeFalsy();
    expect(sent.text).toBe('u2i-demo-bike: отправлено от имени продавца (1 сообщ.); бот молчит в этом чате 12 ч.');
    expect(sent.structuredContent).toMatchObject({ sent: true, parts: 1, pause: 'now' });
    const again = await call('reply_as_seller', { chat_id: 'u2i-demo-bike', text, confirm: true });
    expect(again.isError).toBe(true);
    expect(again.text).toMatch(/^Этот текст уже отправлен в чат u2i-demo-bike/);
    expect(sandbox.sent('u2i-demo-bike').map((message) => message.content)).toEqual([{ text }]);

    const waiting = await call('chats_waiting');
    expect(waiting.structuredContent).toMatchObject({ chats: [{ chat_id: 'u2i-demo-bike', state: 'paused (takeover)' }] });
    expect(waiting.text).toContain('(продавец ответил сам)');

    const history = await call('chat_history', { chat_id: 'u2i-demo-bike' });
    expect(history.text).toMatch(/^Чат u2i-demo-bike · бот на паузе до .*\n.* покупатель: А можно обменять велосипед/s);
    expect(history.text).toMatch(new RegExp(`продавец: ${text}$`));
    expect((history.structuredContent as { messages: unknown[] }).messages.at(-1)).toMatchObject({ direction: 'out', text });

    const unknown = await call('reply_as_seller', { chat_id: 'u2i-nobody', text: 'Здравствуйте', confirm: true });
    expect(unknown).toMatchObject({ isError: true, text: 'Авито не знает чат u2i-nobody: проверьте id (chats_waiting с all: true покажет чаты, известные боту)' });
  });

  it('speaks English with AVITO_AI_LANG=en', async () => {
    setLang('en');
    try {
      const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-'));
      await connect({ KNOWLEDGE_DIR: DEMO_KNOWLEDGE, STORE_PATH: join(cwd, 'store.json') }, cwd);
      expect((await client!.listTools()).tools.find((tool) => tool.name === 'stats')?.title).toBe('Bot figures');
      expect((await call('chats_waiting')).text).toBe('No chat waits for the seller: none escalated, answered in part or paused.');
    } finally {
      setLang('ru');
    }
  });
});
