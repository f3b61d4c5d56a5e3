/**
 * Knowledge from a seller's MCP server, from the command line as a seller uses it: `ask`, `doctor`, `poll --once` and
 * the running daemon against the Avito sandbox, with a fake RAG server on the real MCP SDK over stdio (passages and
 * answer modes, one that dies mid-session, one that returns isError, one that invents a price) and, for composing,
 * the loopback fake of an OpenAI-compatible model.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { DEFAULT_ESCALATION_TEXT, DEFAULT_FALLBACK_TEXT } from '../../src/config/config.js';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { openStore } from '../../src/store/index.js';
import { runInProcess, startInProcess } from '../helpers/cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { answerFromPassages } from '../helpers/extractive-model.js';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-llm.js';
import { fakeRagCommand, readRagLog, stopRagServers, type FakeRagMode } from '../helpers/fake-rag-mcp.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';

let cwd: string;
let log: string;
const run = (argv: string[], env: Record<string, string>) => runInProcess(argv, { cwd, env });

/** KNOWLEDGE_DIR points nowhere: answers must come from the server, never from a folder. */
function mcpEnv(mode: FakeRagMode = 'passages', extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    KNOWLEDGE_ENGINE: 'mcp',
    MCP_SERVER: fakeRagCommand({ log, mode }),
    MCP_TOOL: 'search',
    KNOWLEDGE_DIR: join(cwd, 'no-such-folder'),
    STORE_PATH: join(cwd, 'data', 'store.json'),
    ...extra,
  };
}

type AskJson = { status: string; answer: string; sources: string[]; engine: string; model?: string; refusal?: string; passages: Array<{ source: string; cited?: boolean }> };

async function ask(question: string, env: Record<string, string>, more: string[] = []): Promise<AskJson> {
  const { code, stdout, stderr } = await run(['ask', question, '--json', ...more], env);
  expect(code, stderr).toBe(ExitCode.Ok);
  return JSON.parse(stdout) as AskJson;
}

const calls = () => readRagLog(log).filter((entry) => entry.event === 'call');
const starts = () => readRagLog(log).filter((entry) => entry.event === 'start');

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'avito-ai-mcp-cli-'));
  log = join(cwd, 'rag.jsonl');
});
afterEach(() => stopRagServers(log));

describe('passages mode', () => {
  it('quotes the passages the server returns, as the built-in engine quotes the folder', async () => {
    const result = await ask('Сколько дней идёт доставка?', mcpEnv());
    expect(result).toMatchObject({ status: 'FOUND', engine: 'mcp', sources: ['dostavka.md'] });
    expect(result.answer).toMatch(/2–5 дней/);
    expect(calls()[0]?.arguments).toEqual({ query: 'Сколько дней идёт доставка?' });
  });

  it('maps the listing and the question by MCP_ARGUMENTS, and never uses another listing\'s passages', async () => {
    const env = mcpEnv('passages', { MCP_ARGUMENTS: '{"query":"{question}","item_id":"{listing_id}","limit":8}' });
    const result = await ask('Какая гарантия?', env, ['--item', '4012345679']);
    expect(result).toMatchObject({ status: 'FOUND', sources: ['item-4012345679-robot-pylesos.md'] });
    expect(result.answer).toMatch(/12 месяцев/);
    expect(calls()[0]?.arguments).toEqual({ query: 'Какая гарантия?', item_id: 4012345679, limit: 8 });
    // The server returned the coffee machine's guarantee too; it is never quoted for the vacuum.
    expect(result.answer).not.toMatch(/кофе/i);
  });

  it('a question the passages do not answer gets the fallback', async () => {
    const { stdout } = await run(['ask', 'Кошки умеют летать?'], mcpEnv());
    expect(stdout.startsWith(DEFAULT_FALLBACK_TEXT)).toBe(true);
    expect(stdout).toMatch(/NOT_FOUND/);
  });

  describe('composed by an OpenAI-compatible model (MCP_COMPOSER=openai)', () => {
    let fake: FakeOpenAi;
    let env: Record<string, string>;
    beforeEach(async () => {
      fake = await startFakeOpenAi();
      fake.onChat(answerFromPassages);
      env = mcpEnv('passages', { MCP_COMPOSER: 'openai', OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: fake.apiKey!, OPENAI_MODEL: 'test-model' });
    });
    afterEach(async () => {
      await fake.close();
    });

    it('gives the model the server\'s passages and lets through what they hold', async () => {
      const result = await ask('Сколько дней идёт доставка в отдалённые регионы?', env);
      expect(result).toMatchObject({ status: 'FOUND', engine: 'mcp', model: 'test-model', sources: ['dostavka.md'] });
      const user = fake.chatCalls()[0]!.messages.find((message) => message.role === 'user')!.content;
      expect(user).toContain('файл="dostavka.md"');
    });

    it('refuses a price the passages do not state, under the same grounding check as the folder\'s engines', async () => {
      fake.onChat(() => ({ content: '{"answerable":true,"wants_person":false,"answer":"Доставка курьером стоит 990 ₽.","sources":["P1"]}' }));
      const result = await ask('Сколько стоит доставка?', env);
      expect(result).toMatchObject({ status: 'NOT_FOUND', answer: DEFAULT_FALLBACK_TEXT, refusal: 'the answer states 990 (rub), which no cited passage states' });
    });
  });
});

describe('answer mode', () => {
  it('sends the server\'s answer when its sources hold it', async () => {
    const result = await ask('Сколько дней идёт доставка?', mcpEnv('answer', { MCP_MODE: 'answer' }));
    expect(result).toMatchObject({ status: 'FOUND', engine: 'mcp' });
    expect(result.answer).toMatch(/2–5 дней/);
    expect(result.sources).toContain('/kb/dostavka.md');
  });

  it('the no-answer marker is NOT_FOUND', async () => {
    const result = await ask('Кошки умеют летать?', mcpEnv('answer', { MCP_MODE: 'answer' }));
    expect(result).toMatchObject({ status: 'NOT_FOUND', answer: DEFAULT_FALLBACK_TEXT, refusal: 'сервер сообщил, что ответа нет' });
  });

  it('an answer with a price its sources do not state never reaches the buyer', async () => {
    const result = await ask('Сколько стоит доставка курьером?', mcpEnv('invent-price', { MCP_MODE: 'answer' }));
    expect(result).toMatchObject({ status: 'NOT_FOUND', answer: DEFAULT_FALLBACK_TEXT, refusal: 'в ответе сервера есть числа, которых нет в его источниках: 990' });
    const text = await run(['ask', 'Сколько стоит доставка курьером?'], mcpEnv('invent-price', { MCP_MODE: 'answer' }));
    expect(text.stdout).toContain('✗ ответ MCP-сервера не пропущен: в ответе сервера есть числа');
  });
});

describe('failures', () => {
  it('isError from the tool: an engine failure, one line with the fix, exit 6', async () => {
    const { code, stderr } = await run(['ask', 'Доставка?'], mcpEnv('error'));
    expect(code).toBe(ExitCode.Unavailable);
    expect(stderr).toBe('avito-ai: инструмент search MCP-сервера вернул ошибку: индекс недоступен (это ошибка на стороне MCP-сервера: посмотрите его журнал)\n');
  });

  it('a server that dies under the question: an engine failure naming its last words', async () => {
    const { code, stderr } = await run(['ask', 'упади, пожалуйста'], mcpEnv());
    expect(code).toBe(ExitCode.Unavailable);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(/WARN {2}MCP-сервер завершился; бот запустит его снова на следующем вопросе .*last_words="fatal: the index is corrupted"/);
    expect(lines[1]).toMatch(/^avito-ai: MCP-сервер завершился; последнее, что он написал: fatal: the index is corrupted \(/);
    expect(lines).toHaveLength(2);
  });

  it('a command that does not start, and missing settings', async () => {
    const missing = await run(['ask', 'Доставка?'], mcpEnv('passages', { MCP_SERVER: 'no-such-rag --stdio' }));
    expect(missing.code).toBe(ExitCode.Unavailable);
    expect(missing.stderr).toMatch(/^avito-ai: MCP-сервер «no-such-rag» не запускается: ENOENT \(проверьте команду в MCP_SERVER/);
    const unset = await run(['ask', 'Доставка?'], mcpEnv('passages', { MCP_TOOL: '' }));
    expect(unset.code).toBe(ExitCode.Config);
    expect(unset.stderr).toMatch(/^avito-ai: MCP_TOOL не задан/);
  });

  it('passes the server none of our secrets, only what MCP_SERVER_ENV names', async () => {
    await ask('Доставка?', mcpEnv('passages', { AVITO_CLIENT_SECRET: 'avito-secret', RAG_TOKEN: 'from-env', MCP_SERVER_ENV: 'RAG_TOKEN' }));
    expect(starts()[0]?.env).toEqual({ RAG_TOKEN: 'from-env', HOME: false });
  });
});

describe('the built CLI', () => {
  it('ends when the answer is written, and the server it started ends with it', async () => {
    const { done } = spawnCli(['ask', 'Сколько дней идёт доставка?', '--json'], { cwd, env: mcpEnv(), timeoutMs: 20_000 });
    const { code, signal, stdout, stderr } = await done;
    expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
    expect(JSON.parse(stdout)).toMatchObject({ status: 'FOUND', engine: 'mcp' });
    // End of input is the server's cue to exit: nothing is left running.
    const [server] = starts();
    await waitFor(() => !isRunning(server!.pid), 'the server to exit', 10_000);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('sync-docs', () => {
  it('says the server holds the documents and there is nothing to upload, not what the local index would', async () => {
    for (const argv of [['sync-docs'], ['sync-docs', '--list']]) {
      const { code, stdout, stderr } = await run(argv, mcpEnv());
      expect(code, stderr).toBe(ExitCode.Ok);
      expect(stdout).toBe('MCP-сервер отвечает, инструмент на месте (fake-rag 1.2.3: search); документы хранит сам сервер, загружать и индексировать нечего.\n');
    }
  });
});

describe('doctor', () => {
  type Check = { id: string; status: string; detail: string; fix?: string };
  const doctor = async (env: Record<string, string>): Promise<Record<string, Check>> => {
    const { stdout } = await run(['doctor', '--json'], env);
    return Object.fromEntries((JSON.parse(stdout) as { checks: Check[] }).checks.map((check) => [check.id, check]));
  };

  it('lists the server\'s tools and checks MCP_TOOL and its required arguments', async () => {
    const ok = await doctor(mcpEnv());
    expect(ok['mcp-server']).toMatchObject({ status: 'ok', detail: 'fake-rag 1.2.3 отвечает; инструментов: 1' });
    expect(ok['mcp-tool']).toMatchObject({ status: 'ok', detail: 'search есть на сервере; режим passages' });
    expect(ok.knowledge).toBeUndefined();
    const wrong = await doctor(mcpEnv('passages', { MCP_TOOL: 'find' }));
    expect(wrong['mcp-tool']).toMatchObject({ status: 'fail', detail: 'инструмента find на сервере нет; есть: search', fix: 'укажите в MCP_TOOL одно из имён выше' });
    const args = await doctor(mcpEnv('passages', { MCP_ARGUMENTS: '{"q":"{question}"}' }));
    expect(args['mcp-tool']).toMatchObject({ status: 'fail', detail: 'search требует аргументы, которых нет в MCP_ARGUMENTS: query' });
  });

  it('a server that does not start fails the check with the fix', async () => {
    const checks = await doctor(mcpEnv('passages', { MCP_SERVER: 'no-such-rag' }));
    expect(checks['mcp-server']).toMatchObject({ status: 'fail', fix: expect.stringContaining('MCP_SERVER') });
    expect(checks['mcp-tool']).toMatchObject({ status: 'skip' });
  });
});

describe('the daemon against the sandbox', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startDemoSandbox();
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it('poll --once answers buyers from the server and records the engine', async () => {
    const env: Record<string, string> = { ...mcpEnv('passages', { MCP_ARGUMENTS: '{"query":"{question}","item_id":"{listing_id}","context":"{context}"}' }), ...sandboxEnv(sandbox, join(cwd, 'data', 'store.json')), KNOWLEDGE_DIR: join(cwd, 'no-such-folder') };
    const { code, stderr } = await run(['poll', '--once'], env);
    expect(code, stderr).toBe(ExitCode.Ok);
    // The start line names the server and its tool: no folder is read, so no folder or document count is claimed.
    expect(stderr).toMatch(/INFO {2}MCP-сервер отвечает, документы хранит он engine=mcp server=.*fake-rag 1\.2\.3: search.* mode=passages/);
    expect(stderr).not.toMatch(/documents=|dir=/);
    expect(sandbox.sent('u2i-demo-vacuum').map((message) => message.content.text)[0]).toMatch(/Гарантия 12 месяцев/);
    expect(sandbox.sent('u2i-demo-manager').map((message) => message.content.text)).toEqual([DEFAULT_ESCALATION_TEXT]);
    // One server for the whole pass, and the listing's id in every call about a listing.
    expect(starts()).toHaveLength(1);
    expect(calls().some((call) => call.arguments?.item_id === 4012345679)).toBe(true);
    const store = await openStore({ path: env.STORE_PATH!, readOnly: true });
    const dialog = store.recentDialogs(20).find((record) => record.chatId === 'u2i-demo-vacuum');
    await store.close();
    expect(dialog).toMatchObject({ engine: 'mcp', status: 'FOUND', sources: ['item-4012345679-robot-pylesos.md'] });
  });

  it('keeps one server across passes, and after it dies defers the question and answers it from a new one', async () => {
    const dieFile = join(cwd, 'die-now');
    const env = {
      ...mcpEnv(),
      ...sandboxEnv(sandbox, join(cwd, 'data', 'store.json')),
      KNOWLEDGE_DIR: join(cwd, 'no-such-folder'),
      MCP_SERVER: fakeRagCommand({ log, dieFile }),
      AVITO_POLL_INTERVAL: '1',
    };
    const controller = new AbortController();
    const daemon = startInProcess(['poll'], { cwd, env, signal: controller.signal });
    try {
      await waitFor(() => /INFO {2}проход chats=/.test(daemon.stderr()), 'the first pass');
      expect(sandbox.sent('u2i-demo-vacuum')).toHaveLength(1);
      await writeFile(dieFile, '');
      sandbox.addMessage('u2i-demo-vacuum', { text: 'Сколько дней идёт доставка?' });
      await waitFor(() => readRagLog(log).some((entry) => entry.event === 'die'), 'the server to die');
      await waitFor(() => sandbox.sent('u2i-demo-vacuum').length === 2, 'the answer after the restart', 20_000);
    } finally {
      controller.abort();
    }
    const { code, stderr } = await daemon.done;
    expect(code, stderr).toBe(ExitCode.Ok);
    expect(sandbox.sent('u2i-demo-vacuum').map((message) => message.content.text)[1]).toMatch(/2–5 дней/);
    expect(starts()).toHaveLength(2);
    expect(stderr).toMatch(/MCP-сервер завершился; бот запустит его снова на следующем вопросе/);
    expect(stderr).toMatch(/MCP-сервер завершился/);
  });
});
