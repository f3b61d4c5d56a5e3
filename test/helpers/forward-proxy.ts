/** A tiny loopback forward proxy that records and pipes CONNECT tunnels, for proxy tests. */
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { closeHttpServer, createHttpTestServer } from './http-test-server.js';

export interface Proxy {
  url: string;
  /** `METHOD target` per request the proxy handled, including CONNECT tunnels. */
  seen: string[];
  authorizations: Array<string | undefined>;
  server: Server;
}

const tunnels = new Set<Duplex>();

/** A tiny forward proxy that records and pipes CONNECT tunnels. */
export async function startProxy(): Promise<Proxy> {
  const seen: string[] = [];
  const authorizations: Array<string | undefined> = [];
  // Plain absolute-form requests are refused: undici must tunnel.
  const { url, server } = await createHttpTestServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(405).end();
  });
  // undici 6's ProxyAgent tunnels every request, http:// included, through CONNECT.
  server.on('connect', (req, socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    authorizations.push(req.headers['proxy-authorization']);
    const [host = '', targetPort = ''] = (req.url ?? '').split(':');
    const upstream = connect(Number(targetPort), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n'));
    socket.on('error', () => upstream.destroy());
    tunnels.add(socket);
    tunnels.add(upstream);
  });
  return { url, seen, authorizations, server };
}

// listen, port and closeServer serve tests that start raw servers of their own (test/net/proxy.test.ts).
export function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

export function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/** Closes the proxy (or any server), tearing down its tunnels: the server no longer tracks those sockets. */
export async function closeServer(server: Server): Promise<void> {
  for (const socket of tunnels) socket.destroy();
  await closeHttpServer(server);
}
