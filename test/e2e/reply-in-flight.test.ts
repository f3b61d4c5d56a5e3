/**
 * The buyer types a question while the bot's reply to the previous line is on its way (a slow
 * send): Avito then shows greeting, question, reply — the newest message is the bot's own, and
 * its read mark covers the question. The next pass must still answer it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const SEND = /\/messenger\/v1\/accounts\/\d+\/chats\/u2i-demo-coffee\/messages$/;

describe('a question typed while a reply is on its way', () => {
  it('is answered by the next poll pass, through the built bin', async () => {
    sandbox = await startDemoSandbox();
    const sb = sandbox;
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-in-flight-'));
    const env = sandboxEnv(sb, join(cwd, 'data', 'avito-ai.json'));
    // Answer the demo first, so the coffee chat is settled; then the buyer writes again.
    expect((await spawnCli(['poll', '--once'], { cwd, env }).done).code).toBe(0);
    const before = sb.sent('u2i-demo-coffee').length;
    // A question: a bare greeting would get no reply, and there would be no send to slow down.
    sb.addMessage('u2i-demo-coffee', { text: 'А скидка есть?' });
    sb.faults.inject({ match: { path: SEND, method: 'POST' }, kind: 'slow', delayMs: 1500 });
    const pass = spawnCli(['poll', '--once'], { cwd, env });
    await waitFor(() => sb.requests.some((request) => request.method === 'POST' && SEND.test(request.path) && request.fault === 'slow'), 'the slow send');
    sb.addMessage('u2i-demo-coffee', { text: 'Сколько стоит доставка в Казань?' });
    expect((await pass.done).code).toBe(0);
    // The fault really put the question before the reply: the newest message is the bot's.
    const messages = sb.messages('u2i-demo-coffee');
    expect(messages.at(-1)?.direction).toBe('out');
    expect(messages.at(-2)?.content).toEqual({ text: 'Сколько стоит доставка в Казань?' });
    expect(sb.sent('u2i-demo-coffee')).toHaveLength(before + 1);

    expect((await spawnCli(['poll', '--once'], { cwd, env }).done).code).toBe(0);
    expect(sb.sent('u2i-demo-coffee')).toHaveLength(before + 2);
    expect(sb.messages('u2i-demo-coffee').at(-1)?.direction).toBe('out');
  }, 30_000);
});
