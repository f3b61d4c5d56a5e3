/** A tiny loopback forward proxy that records and pipes CONNECT tunnels, for proxy tests. */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

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
  const server = createServer((req, res) => {
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
  await listen(server);
  return { url: `http://127.0.0.1:${port(server)}`, seen, authorizations, server };
}

export function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

export function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

export async function closeServer(server: Server): Promise<void> {
  for (const socket of tunnels) socket.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

