/** Runs `avito-ai serve` in-process against a sandbox, as a seller would start it, until stopped. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { monitorTokenPath } from '../../src/server/monitor-token.js';
import { runInProcess, type CliResult } from './cli.js';
import { freePort } from './ports.js';

export { freePort } from './ports.js';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

export interface RunningServe {
  url: string;
  webhookUrl: string;
  /** The monitor's own listener (MONITOR_PORT). */
  monitorUrl: string;
  /** The monitor's token: MONITOR_TOKEN, or the one serve made beside the store. */
  token: string;
  /** GETs a monitor route with the token. */
  monitor(path: string): Promise<Response>;
  /** Ends it as SIGTERM would and returns what it printed and its exit code. */
  stop(): Promise<CliResult>;
  /** Settles if the command ends on its own (a fatal error). */
  done: Promise<CliResult>;
}

function readToken(storePath: string): string | undefined {
  try {
    return readFileSync(monitorTokenPath(storePath), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The monitor answers a data route with this token (a 503 of `/health` would count too; `/stats` is always 200). */
async function takesToken(monitorUrl: string, token: string): Promise<boolean> {
  const response = await fetch(`${monitorUrl}/stats`, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
  await response?.body?.cancel();
  return response?.ok === true;
}

/** `serve` on two free ports, ready once its monitor takes its token (serve writes the token file before it listens). */
export async function startServe(options: { cwd: string; env: Record<string, string> }): Promise<RunningServe> {
  const [port, monitorPort] = [await freePort(), await freePort()];
  const controller = new AbortController();
  const url = `http://127.0.0.1:${port}`;
  const monitorUrl = `http://127.0.0.1:${monitorPort}`;
  const env: Record<string, string> = { AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET, PORT: String(port), MONITOR_PORT: String(monitorPort), APP_BASE_URL: url, ...options.env };
  const done = runInProcess(['serve'], { cwd: options.cwd, env, signal: controller.signal });
  let ended: CliResult | undefined;
  void done.then((result) => (ended = result));
  const started = Date.now();
  let token: string | undefined;
  // Ours once the monitor takes our token: a port freed by another test's serve may still answer `/dashboard.js` for a
  // moment, and that serve's token file is not ours.
  for (;;) {
    if (ended) throw new Error(`serve exited before listening (code ${ended.code}): ${ended.stderr}`);
    token ??= env.MONITOR_TOKEN ?? readToken(resolve(options.cwd, env.STORE_PATH ?? 'data/avito-ai.json'));
    if (token !== undefined && (await takesToken(monitorUrl, token))) break;
    if (Date.now() - started > 15_000) throw new Error('serve did not start listening within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url,
    webhookUrl: `${url}/avito/webhook/${WEBHOOK_SECRET}`,
    monitorUrl,
    token,
    monitor: (path) => fetch(`${monitorUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }),
    done,
    stop: async () => {
      controller.abort();
      return done;
    },
  };
}
