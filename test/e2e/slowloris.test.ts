/**
 * A slowloris against the built `avito-ai serve`: 400 connections that send half a request and
 * hold. serve runs under a file descriptor limit of 384 (`ulimit -n`, which Node cannot raise past
 * the hard limit it sets), so the attack is over the limit: a serve that keeps every connection
 * runs out of descriptors (EMFILE), accepts nothing, and cannot read the control inbox. At rest
 * serve holds about 30 descriptors; capped at 256 connections it stays well under 384.
 * The delivery and /health are asked at once, while the attack still holds its sockets (they time
 * out after 5 s): what lets Avito in is the cap, not the attackers timing out.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { freePort, WEBHOOK_SECRET } from '../helpers/serve.js';
import { assertBuilt, BIN, spawnCli, waitFor } from '../helpers/spawn-cli.js';

const SERVE_FILE_LIMIT = 384;
const HALF_OPEN = 400;
const TOKEN = 'slowloris-monitor-token-0123';

/** This process's own descriptor limit: it must hold the attack's sockets and vitest's own. */
function ownFileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((entry) => entry.startsWith('Max open files'));
  return Number(line?.split(/\s{2,}/)[1] ?? 0);
}

let sandbox: Sandbox | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await sandbox?.close();
  sandbox = undefined;
});

/** One request on a connection of its own, as Avito sends a delivery: its status, or why it got none. */
function requestOnce(url: string, options: { method?: string; headers?: OutgoingHttpHeaders; body?: string } = {}): Promise<number | string> {
  return new Promise((resolve) => {
    const sent = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false, timeout: 2000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    sent.on('timeout', () => sent.destroy(new Error('no answer within 2 s')));
    sent.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    sent.end(options.body);
  });
}

/** `HALF_OPEN` connections that send half a delivery's headers and hold; counts those dropped. */
async function holdHalfOpen(port: number): Promise<() => number> {
  let dropped = 0;
  let settled = 0;
  for (let i = 0; i < HALF_OPEN; i += 1) {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    socket.once('connect', () => {
      settled += 1;
      socket.write(`POST /avito/webhook/${WEBHOOK_SECRET} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: appl`);
    });
    socket.on('error', () => undefined);
    socket.once('close', () => {
      dropped += 1;
      if (socket.connecting) settled += 1;
    });
  }
  await waitFor(() => settled >= HALF_OPEN, 'the half-open connections', 5000);
  // Let serve take in the last of them.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return () => dropped;
}

describe.skipIf(process.platform !== 'linux')('serve under a slowloris', () => {
  it(`still takes a delivery, answers /health and applies a queued pause with ${HALF_OPEN} half-open connections held`, async () => {
    expect(ownFileLimit(), 'this process needs room for the attack').toBeGreaterThan(HALF_OPEN + 500);
    assertBuilt();
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-slowloris-'));
    const [port, monitorPort] = [await freePort(), await freePort()];
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NO_COLOR: '1',
      ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')),
      AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PORT: String(port),
      MONITOR_PORT: String(monitorPort),
      MONITOR_TOKEN: TOKEN,
      REPLY_DELAY: '120',
      SAFETY_POLL_MINUTES: '60',
    };
    // The built bin as spawn-cli.ts runs it, under the lower limit a small VPS or container has.
    const child = spawn('/bin/sh', ['-c', `ulimit -n ${SERVE_FILE_LIMIT} && exec "$0" "$@"`, process.execPath, BIN, 'serve'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await waitFor(() => sandbox!.sent().length >= 5 && log.includes('serve запущен'), 'the pass at start');
      const url = `http://127.0.0.1:${port}`;
      const message = sandbox.addMessage('u2i-demo-vacuum', { text: 'Как доставляете?' });
      const delivery = JSON.stringify(sandbox.deliveryFor('u2i-demo-vacuum', message.id));

      const dropped = await holdHalfOpen(port);
      const attackedAt = performance.now();
      const pause = spawnCli(['pause', 'u2i-demo-coffee', '--hours', '2'], { cwd, env });
      const [acknowledged, health] = await Promise.all([
        requestOnce(`${url}/avito/webhook/${WEBHOOK_SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: delivery }),
        requestOnce(`${url}/health`),
      ]);
      const answeredAfter = performance.now() - attackedAt;
      const heldWhenAnswered = HALF_OPEN - dropped();
      const queued = await pause.done;
      let paused = false;
      // The daemon looks for queued controls every 2 s; a slow machine may need a few more.
      while (!paused && performance.now() - attackedAt < 10_000) {
        const chats = await fetch(`http://127.0.0.1:${monitorPort}/chats`, { headers: { authorization: `Bearer ${TOKEN}` } })
          .then((response) => response.json() as Promise<{ paused?: Array<{ chat_id: string }> }>)
          .catch(() => ({ paused: [] }));
        paused = chats.paused?.some((chat) => chat.chat_id === 'u2i-demo-coffee') ?? false;
        if (!paused) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const emfile = log.split('\n').filter((line) => line.includes('EMFILE'));
      expect({ acknowledged, health, queued: queued.code, paused, emfile }, log.slice(-3000)).toEqual({ acknowledged: 200, health: 200, queued: 0, paused: true, emfile: [] });
      // Within Avito's 2 s, while the attack still held most of its sockets.
      expect(answeredAfter).toBeLessThan(2000);
      expect(heldWhenAnswered).toBeGreaterThan(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
