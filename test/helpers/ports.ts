/** Free ports for the servers a test starts: one place, so that no two servers of one process are handed the same. */
import { createServer } from 'node:net';

// Ports already handed out in this process: the system may give a closed port again at once, and two servers of one
// test (PORT and MONITOR_PORT) would then be handed the same one.
const handedOut = new Set<number>();

/** A port free right now on 127.0.0.1 (the server binds it a moment later), never one this process was given before. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await listenOnce();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

function listenOnce(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
