/** The connection cap on a plain loopback server: who makes room for a newcomer, and who never does. */
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { capConnections } from '../../src/server/connection-cap.js';
import { waitFor } from '../helpers/spawn-cli.js';

let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server capped at `max`, whose `/slow` answers only when `release` is called. */
async function start(max: number): Promise<{ port: number; release(): void }> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  server = createServer((request, response) => {
    if (request.url === '/slow') void gate.then(() => response.end('slow'));
    else response.end('ok');
  });
  capConnections(server, max);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, release };
}

/** Opens `count` connections that send half a request line and hold; counts those the server drops. */
function holdHalfOpen(port: number, count: number): { dropped(): number; connected(): boolean } {
  let dropped = 0;
  const opened = Array.from({ length: count }, () => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    socket.on('connect', () => socket.write('GET /x HT'));
    socket.on('error', () => undefined);
    socket.on('close', () => (dropped += 1));
    return socket;
  });
  return { dropped: () => dropped, connected: () => opened.every((socket) => !socket.connecting) };
}

const openConnections = (): Promise<number> => new Promise((resolve, reject) => server!.getConnections((error, count) => (error ? reject(error) : resolve(count))));

describe('capConnections', () => {
  it('keeps at most max connections, dropping the oldest half-open ones, and lets a real request in at once', async () => {
    const { port } = await start(4);
    const flood = holdHalfOpen(port, 10);
    await waitFor(() => flood.connected() && flood.dropped() >= 6, 'the oldest half-open connections to be dropped', 5000);
    expect(await openConnections()).toBeLessThanOrEqual(4);
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    expect(await response.text()).toBe('ok');
  });

  it('never drops a connection whose request is being answered', async () => {
    const { port, release } = await start(2);
    const slow = fetch(`http://127.0.0.1:${port}/slow`, { signal: AbortSignal.timeout(5000) }).then((response) => response.text());
    await waitFor(() => server!.listenerCount('request') > 0, 'the server');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const flood = holdHalfOpen(port, 6);
    await waitFor(() => flood.connected() && flood.dropped() >= 5, 'the flood to be turned away', 5000);
    release();
    expect(await slow).toBe('slow');
  });
});
