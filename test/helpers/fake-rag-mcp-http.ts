/** A seller's RAG server over Streamable HTTP on loopback: the real SDK's McpServer, one session per client, forgettable as a restart forgets them. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

export interface FakeRagHttp {
  /** The endpoint, `http://127.0.0.1:<port>/mcp`. */
  url: string;
  /** Headers of every POST, in order. */
  headers: IncomingHttpHeaders[];
  /** Sessions started (initialize requests answered). */
  sessions(): number;
  /** Forgets every session, as a restarted server does: the next request with an old session id gets 404. */
  forgetSessions(): void;
  close(): Promise<void>;
}

const PASSAGES = [{ text: 'Сроки доставки — обычно 2–5 дней, в отдалённые регионы до 10 дней.', source: 'dostavka.md', heading: 'Сроки' }];

export async function startFakeRagHttp(): Promise<FakeRagHttp> {
  const transports = new Map<string, StreamableHTTPServerTransport>();
  const headers: IncomingHttpHeaders[] = [];
  let started = 0;
  const server = createServer((request, response) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      if (request.method === 'POST') headers.push(request.headers);
      const id = request.headers['mcp-session-id'];
      let transport = typeof id === 'string' ? transports.get(id) : undefined;
      if (!transport && request.method === 'POST' && isInitializeRequest(body)) {
        started++;
        const created = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), onsessioninitialized: (sessionId) => void transports.set(sessionId, created) });
        await createRagServer().connect(created);
        transport = created;
      }
      if (!transport) {
        response.writeHead(typeof id === 'string' ? 404 : 400, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Session not found' }, id: null }));
        return;
      }
      await transport.handleRequest(request, response, body);
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    headers,
    sessions: () => started,
    forgetSessions: () => transports.clear(),
    close: async () => {
      for (const transport of transports.values()) await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function createRagServer(): McpServer {
  const server = new McpServer({ name: 'fake-rag-http', version: '2.0.0' });
  server.registerTool('search', { inputSchema: { query: z.string() } }, async () => ({ content: [{ type: 'text', text: JSON.stringify({ passages: PASSAGES }) }] }));
  return server;
}
