/**
 * Two installs answering one Avito account (a test install and the service, different stores,
 * the same keys): the second is found within one pass, the seller is told, and no buyer gets a
 * second copy after that.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { spawnCli } from '../helpers/spawn-cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const sentCount = (sb: Sandbox): number => sb.sent().length;

describe('two installs on one Avito account', () => {
  it('the second is found in its first pass, sends nothing, tells the seller; doctor fails until resume --all', async () => {
    sandbox = await startDemoSandbox();
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-two-installs-'));
    const first = sandboxEnv(sandbox, join(cwd, 'first', 'avito-ai.json'));
    const second = sandboxEnv(sandbox, join(cwd, 'second', 'avito-ai.json'));

    const answered = await spawnCli(['poll', '--once'], { cwd, env: first }).done;
    expect(answered.code, answered.stderr).toBe(0);
    const afterFirst = sentCount(sandbox);
    expect(afterFirst).toBeGreaterThan(2);

    const other = await spawnCli(['poll', '--once'], { cwd, env: second }).done;
    expect(other.code, other.stderr).toBe(0);
    // Not a single copy from the second install, and no "you answered by hand" for the first's replies.
    expect(sentCount(sandbox)).toBe(afterFirst);
    expect(other.stderr).toMatch(/уведомление: Another responder answers this Avito account/);
    // The demo's one real takeover (the seller wrote by hand there) stays one; the first install's replies are none.
    const takeovers = other.stderr.split('\n').filter((line) => /вы ответили сами/.test(line));
    expect(takeovers.map((line) => /chatId=(\S+)/.exec(line)?.[1])).toEqual(['u2i-demo-takeover']);

    // A new question: the first install answers it, the second holds.
    sandbox.addMessage('u2i-demo-coffee', { text: 'А гарантия есть?' });
    expect((await spawnCli(['poll', '--once'], { cwd, env: first }).done).code).toBe(0);
    const withNew = sentCount(sandbox);
    expect(withNew).toBe(afterFirst + 1);
    expect((await spawnCli(['poll', '--once'], { cwd, env: second }).done).code).toBe(0);
    expect(sentCount(sandbox)).toBe(withNew);

    const doctor = await spawnCli(['doctor', '--json'], { cwd, env: second }).done;
    const checks = (JSON.parse(doctor.stdout) as { checks: Array<{ id: string; status: string; fix?: string }> }).checks;
    expect(checks.find((check) => check.id === 'store')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/resume --all/) });

    const resumed = await spawnCli(['resume', '--all'], { cwd, env: second }).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    const healthy = await spawnCli(['doctor', '--json'], { cwd, env: second }).done;
    expect((JSON.parse(healthy.stdout) as { checks: Array<{ id: string; status: string }> }).checks.find((check) => check.id === 'store')?.status).not.toBe('fail');
  }, 60_000);
});
