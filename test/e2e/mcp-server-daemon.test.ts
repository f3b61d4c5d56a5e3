/** `avito-ai mcp` beside a running `poll` on the same store: reads work, writes go through the control inbox, and a seller's reply lands once. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { connectMcp, type McpSession } from '../helpers/mcp-client.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';

let sandbox: Sandbox | undefined;
let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  await sandbox?.close();
  session = sandbox = undefined;
});

describe('avito-ai mcp while the daemon runs', () => {
  it('queues pause, resume and the reply pause for the daemon, which applies them; the reply reaches the buyer once', async () => {
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-mcp-daemon-'));
    const env = { ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')), AVITO_POLL_INTERVAL: '1' };
    const daemon = spawnCli(['poll'], { cwd, env });
    let log = '';
    daemon.child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      await waitFor(() => sandbox!.sent('u2i-demo-vacuum').length === 1, 'the first answers');
      session = await connectMcp(env, cwd);
      const { call } = session;
      // What the daemon did is read the way an assistant would: through the server's own read-only tools.
      const stateOf = async (chatId: string): Promise<string | undefined> => {
        const { chats } = (await call('chats_waiting', { all: true })).structuredContent as { chats: Array<{ chat_id: string; state: string }> };
        return chats.find((chat) => chat.chat_id === chatId)?.state;
      };
      const lastPass = async (): Promise<unknown> => (await call('stats')).structuredContent?.last_poll_time;
      const twoPasses = async (): Promise<void> => {
        for (let n = 0; n < 2; n++) {
          const before = await lastPass();
          await until(async () => (await lastPass()) !== before, `a pass (${log})`);
        }
      };
      // Reads open the store read-only, beside the daemon's lock.
      expect((await call('stats')).structuredContent).toMatchObject({ completed_messages: expect.any(Number) as number });
      expect((await call('chats_waiting')).isError).toBeFalsy();

      const paused = await call('pause', { chat_id: 'u2i-demo-vacuum', hours: 1 });
      expect(paused.structuredContent, paused.text).toMatchObject({ applied: 'queued' });
      expect(paused.text).toMatch(/поставлено в очередь: запущенный avito-ai держит хранилище .* \(в течение 1 с\)\.$/);
      await until(async () => (await stateOf('u2i-demo-vacuum')) === 'paused (manual)', 'the pause to be applied');
      sandbox.addMessage('u2i-demo-vacuum', { text: 'Как доставляете?' });
      await twoPasses();
      expect(sandbox.sent('u2i-demo-vacuum')).toHaveLength(1);

      const text = 'Обмен не интересует, спасибо.';
      const bikeBefore = sandbox.sent('u2i-demo-bike').length;
      expect((await call('reply_as_seller', { chat_id: 'u2i-demo-bike', text })).structuredContent).toMatchObject({ sent: false });
      expect(sandbox.sent('u2i-demo-bike')).toHaveLength(bikeBefore);
      const sent = await call('reply_as_seller', { chat_id: 'u2i-demo-bike', text, confirm: true });
      expect(sent.structuredContent, sent.text).toMatchObject({ sent: true, pause: 'queued' });
      expect((await call('reply_as_seller', { chat_id: 'u2i-demo-bike', text, confirm: true })).isError).toBe(true);
      await until(async () => (await stateOf('u2i-demo-bike')) === 'paused (takeover)', 'the reply pause to be applied');
      sandbox.addMessage('u2i-demo-bike', { text: 'А почему?' });
      await twoPasses();
      expect(sandbox.sent('u2i-demo-bike').slice(bikeBefore).map((message) => message.content.text)).toEqual([text]);

      const resumed = await call('resume', { chat_id: 'u2i-demo-vacuum' });
      expect(resumed.structuredContent).toMatchObject({ applied: 'queued' });
      await until(async () => (await stateOf('u2i-demo-vacuum')) === 'active', 'the resume to be applied');
      sandbox.addMessage('u2i-demo-vacuum', { text: 'А оплатить как?' });
      await waitFor(() => sandbox!.sent('u2i-demo-vacuum').length === 2, 'the answer after resume');
    } finally {
      await session?.close();
      daemon.child.kill('SIGTERM');
      expect((await daemon.done).code).toBe(0);
    }
  }, 60_000);
});

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
