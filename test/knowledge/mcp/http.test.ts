/** The MCP engine over Streamable HTTP, with the real SDK on both sides: headers on every request, one session, a new one after the server forgets it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors.js';
import { createMcpConnection } from '../../../src/knowledge/mcp/connection.js';
import { createMcpEngine, type McpKnowledgeEngine } from '../../../src/knowledge/mcp/mcp-engine.js';
import { startFakeRagHttp, type FakeRagHttp } from '../../helpers/fake-rag-mcp-http.js';

let fake: FakeRagHttp;
let engine: McpKnowledgeEngine;

beforeEach(async () => {
  fake = await startFakeRagHttp();
  const connection = createMcpConnection({ server: { transport: 'http', url: fake.url, headers: { Authorization: 'Bearer rag-token' } }, timeoutMs: 5000, clientVersion: '9.9.9' });
  engine = createMcpEngine({ connection, tool: 'search', arguments: { query: '{question}' }, mode: 'passages', noAnswerMarker: '', contextLimit: 20 });
});
afterEach(async () => {
  await engine.close();
  await fake.close().catch(() => undefined);
});

describe('the MCP engine over Streamable HTTP', () => {
  it('answers from the server\'s passages within one session, sending MCP_HEADERS every time', async () => {
    for (const question of ['Сколько дней идёт доставка?', 'Сколько дней доставка в отдалённые регионы?']) {
      const answer = await engine.answer({ question });
      expect(answer).toMatchObject({ status: 'FOUND', engine: 'mcp', sources: ['dostavka.md'] });
    }
    expect(fake.sessions()).toBe(1);
    expect(fake.headers.length).toBeGreaterThan(2);
    expect(fake.headers.every((headers) => headers.authorization === 'Bearer rag-token')).toBe(true);
    expect((await engine.listDocuments())[0]).toMatchObject({ displayName: 'fake-rag-http 2.0.0: search', state: 'connected' });
  });

  it('a server that forgot the session (restarted) gets the question again on a new session', async () => {
    await engine.answer({ question: 'Сколько дней идёт доставка?' });
    fake.forgetSessions();
    await expect(engine.answer({ question: 'Сколько дней идёт доставка?' })).resolves.toMatchObject({ status: 'FOUND' });
    expect(fake.sessions()).toBe(2);
  });

  it('a server that is gone: an engine failure naming the address, with the fix', async () => {
    await engine.answer({ question: 'Сколько дней идёт доставка?' });
    await fake.close();
    const error = await engine.answer({ question: 'Сколько дней идёт доставка?' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect(error).toMatchObject({ message: expect.stringMatching(/^MCP-сервер http:\/\/127\.0\.0\.1:\d+\/mcp не отвечает: fetch failed \((ECONNREFUSED|UND_ERR_SOCKET)\)$/), hint: expect.stringContaining('MCP_SERVER') });
  });
});
