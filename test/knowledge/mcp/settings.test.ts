/** The MCP_* settings: a command line read as a shell would split it (without one), the argument template, the child's environment. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/config.js';
import { requireMcpSettings, splitCommandLine } from '../../../src/config/mcp.js';
import { ConfigError } from '../../../src/errors.js';

const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-settings-'));
const resolve = (env: Record<string, string>) => resolveConfig({ env, cwd, skipEnvFile: true });

function configError(env: Record<string, string>): ConfigError {
  try {
    resolve(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('MCP_SERVER', () => {
  it.each([
    ['node /opt/rag/server.js --port 1', ['node', '/opt/rag/server.js', '--port', '1']],
    [`"/opt/my rag/server" --name 'Иван Петров'`, ['/opt/my rag/server', '--name', 'Иван Петров']],
    [String.raw`uvx rag\ server --q "say \"hi\" \$HOME" ''`, ['uvx', 'rag server', '--q', 'say "hi" $HOME', '']],
    ['  python3   -m   rag  ', ['python3', '-m', 'rag']],
    ['sh -c "cd /srv && exec rag"', ['sh', '-c', 'cd /srv && exec rag']],
  ])('splits %s', (line, words) => {
    expect(splitCommandLine(line)).toEqual(words);
  });

  it('is a stdio command or a Streamable HTTP address; other schemes and open quotes are settings errors in Russian', () => {
    expect(resolve({ MCP_SERVER: 'node "rag server.js"' }).mcp.server).toEqual({ transport: 'stdio', command: 'node', args: ['rag server.js'] });
    expect(resolve({ MCP_SERVER: 'https://rag.example.ru/mcp' }).mcp.server).toEqual({ transport: 'http', url: 'https://rag.example.ru/mcp' });
    expect(configError({ MCP_SERVER: 'ws://rag.example.ru' })).toMatchObject({ key: 'MCP_SERVER', message: 'MCP_SERVER: адреса ws:// не поддерживаются' });
    expect(configError({ MCP_SERVER: 'node "rag.js' })).toMatchObject({ key: 'MCP_SERVER', message: 'в MCP_SERVER не закрыта кавычка', hint: expect.stringContaining('без оболочки') });
  });

  it('KNOWLEDGE_ENGINE=mcp needs MCP_SERVER and MCP_TOOL', () => {
    const config = resolve({ KNOWLEDGE_ENGINE: 'mcp' });
    expect(config.knowledge.engine).toBe('mcp');
    expect(() => requireMcpSettings(config.mcp)).toThrow('MCP_SERVER не задан: не знаю, какой MCP-сервер спрашивать');
    expect(() => requireMcpSettings(resolve({ MCP_SERVER: 'rag' }).mcp)).toThrow('MCP_TOOL не задан');
    expect(requireMcpSettings(resolve({ MCP_SERVER: 'rag', MCP_TOOL: 'search' }).mcp)).toEqual({ server: { transport: 'stdio', command: 'rag', args: [] }, tool: 'search' });
  });
});

describe('the other MCP settings', () => {
  it('have defaults: the question as "query", passages quoted locally, 30 s', () => {
    expect(resolve({}).mcp).toMatchObject({ arguments: { query: '{question}' }, mode: 'passages', composer: 'local', noAnswerMarker: 'НЕТ_ОТВЕТА', timeoutMs: 30_000, headers: {} });
  });

  it.each([
    [{ MCP_ARGUMENTS: '["q"]' }, 'MCP_ARGUMENTS', /^MCP_ARGUMENTS должен быть JSON-объектом/],
    [{ MCP_ARGUMENTS: '{"q":"{quesiton}"}' }, 'MCP_ARGUMENTS', /^в MCP_ARGUMENTS неизвестная подстановка \{quesiton\}$/],
    [{ MCP_MODE: 'chat' }, 'MCP_MODE', /^MCP_MODE должен быть одним из: passages, answer; получено "chat"$/],
    [{ MCP_COMPOSER: 'gemini' }, 'MCP_COMPOSER', /одним из: local, gigachat, openai/],
    [{ MCP_TIMEOUT: '0' }, 'MCP_TIMEOUT', /^MCP_TIMEOUT должен быть числом секунд от 1 до 600/],
    [{ MCP_TOOL: 'search docs' }, 'MCP_TOOL', /^MCP_TOOL должен быть именем инструмента/],
    [{ MCP_HEADERS: 'Bearer abc' }, 'MCP_HEADERS', /^MCP_HEADERS должен выглядеть как "Имя: значение; Имя2: значение"/],
    [{ MCP_SERVER_ENV: 'RAG_TOKEN' }, 'MCP_SERVER_ENV', /^MCP_SERVER_ENV называет RAG_TOKEN, но такой переменной нет в окружении avito-ai$/],
  ])('%o is a settings error naming %s', (env, key, message) => {
    const error = configError(env);
    expect(error.key).toBe(key);
    expect(error.message).toMatch(message);
  });

  it('give a stdio server PATH, HOME and the locale of ours, and only what MCP_SERVER_ENV adds', () => {
    const env = { PATH: '/usr/bin', HOME: '/home/seller', LANG: 'ru_RU.UTF-8', AVITO_CLIENT_SECRET: 'secret', RAG_KEY: 'k1', BASH_FUNC: '() { :; }' };
    const config = resolve({ ...env, MCP_SERVER_ENV: 'RAG_DIR=/srv/docs; RAG_KEY' });
    expect(config.mcp.env).toEqual({ PATH: '/usr/bin', HOME: '/home/seller', LANG: 'ru_RU.UTF-8', RAG_DIR: '/srv/docs', RAG_KEY: 'k1' });
    expect(resolve({ MCP_HEADERS: 'Authorization: Bearer t0k; X-Shop: 7' }).mcp.headers).toEqual({ Authorization: 'Bearer t0k', 'X-Shop': '7' });
  });

  it('speak English with AVITO_AI_LANG=en', async () => {
    const { setLang } = await import('../../../src/messages/index.js');
    setLang('en');
    try {
      expect(configError({ MCP_MODE: 'chat' }).message).toBe('MCP_MODE must be one of passages, answer, got "chat"');
    } finally {
      setLang('ru');
    }
  });
});
