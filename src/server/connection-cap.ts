/**
 * At most `max` open connections. Node's own `maxConnections` refuses the newcomer, so whoever holds the slots (a slowloris) keeps Avito out until the header timeout;
 * here the oldest connection with no request in hand (unfinished headers, idle keep-alive) makes room, which a client sending at once, as Avito does, never is for long.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export function capConnections(server: Server, max: number): void {
  // Accept order, oldest first; true while a request on it is being answered.
  const open = new Map<Socket, boolean>();
  server.on('connection', (socket: Socket) => {
    if (open.size >= max) {
      const idle = findIdle(open);
      if (!idle) return void socket.destroy();
      open.delete(idle);
      idle.destroy();
    }
    open.set(socket, false);
    socket.once('close', () => open.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    if (!open.has(socket)) return;
    open.set(socket, true);
    response.once('close', () => {
      if (open.has(socket)) open.set(socket, false);
    });
  });
}

function findIdle(open: Map<Socket, boolean>): Socket | undefined {
  for (const [socket, busy] of open) if (!busy) return socket;
  return undefined;
}
