/**
 * A TCP relay in front of the Avito sandbox, one per worker process: each process gets its own
 * AVITO_API_URL, so the bearer tokens it sends tell the sandbox's request log which process made a
 * request. Bytes pass through untouched and a closed side closes the other, so the sandbox's
 * dropped connections reach the process as they would from Avito.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface AvitoTap {
  /** The AVITO_API_URL for the process behind this relay. */
  url: string;
  /** Bearer tokens seen in this process's requests. */
  tokens: Set<string>;
  close(): Promise<void>;
}

const BEARER = /authorization:\s*bearer\s+(\S+)/gi;

/** Relays 127.0.0.1:<free port> to `target` (the sandbox's `http://127.0.0.1:PORT`). */
export async function startAvitoTap(target: string): Promise<AvitoTap> {
  const { hostname, port } = new URL(target);
  const tokens = new Set<string>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString('latin1').matchAll(BEARER)) tokens.add(match[1]!);
    });
    client.pipe(upstream);
    upstream.pipe(client);
    // A reset on one side is passed on as a reset, not as a clean end.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${own}`,
    tokens,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
