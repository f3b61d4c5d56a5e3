/**
 * One way for every loopback fake and stub to run a `node:http` server: 127.0.0.1 on a free port,
 * its URL, and a `close()` that does not hang on keep-alive sockets.
 */
import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listening loopback server. */
export interface HttpTestServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  /** The node server, for what a handler cannot do (a proxy's `connect` listener). */
  server: Server;
  /** Ends every open connection (idle keep-alive or mid-request), then stops listening. */
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0, answering with `handler`. */
export async function createHttpTestServer(handler?: RequestListener): Promise<HttpTestServer> {
  const server = handler === undefined ? createServer() : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, server, close: () => closeHttpServer(server) };
}

/** Closes any node server promptly: pooled clients (undici, node-fetch) keep sockets open otherwise. */
export async function closeHttpServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}
