/**
 * `avito-ai init` in a real terminal (tmux): what a seller sees and types. The secret is not echoed, the
 * answers are, and Ctrl-C at a question leaves nothing written. CI installs tmux and sets
 * AVITO_AI_REQUIRE_TMUX=1, so there a missing tmux fails the test instead of skipping it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { startDemoSandbox } from '../helpers/demo-sandbox.js';
import { BIN, assertBuilt, waitFor } from '../helpers/spawn-cli.js';

const HAS_TMUX = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
const REQUIRED = process.env.AVITO_AI_REQUIRE_TMUX === '1';

/** One tmux server of its own per test, so nothing of the developer's sessions is touched. */
function startTerminal(cwd: string, env: Record<string, string>) {
  assertBuilt();
  const socket = `avito-ai-init-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const assignments = Object.entries(env).map(([key, value]) => `${key}='${value}'`);
  // The pane stays after init ends, with its exit code, so the screen can still be read.
  const command = `env ${assignments.join(' ')} ${process.execPath} ${BIN} init; echo "EXIT=$?"; sleep 120`;
  tmux('new-session', '-d', '-s', 'init', '-x', '150', '-y', '60', '-c', cwd, command);
  const screen = (): string => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'init');
  return {
    screen,
    /** Waits for `text` on the screen, then types `keys` (literally) and Enter. */
    async answer(text: string, keys: string): Promise<void> {
      await waitFor(() => screen().includes(text), `"${text}" on the screen:\n${screen()}`);
      if (keys !== '') tmux('send-keys', '-t', 'init', '-l', keys);
      tmux('send-keys', '-t', 'init', 'Enter');
    },
    key: (name: string): string => tmux('send-keys', '-t', 'init', name),
    close: (): void => void spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' }),
  };
}

let sandbox: Sandbox;
let cwd: string;
let terminal: ReturnType<typeof startTerminal> | undefined;

beforeEach(async () => {
  sandbox = await startDemoSandbox();
  cwd = await mkdtemp(join(tmpdir(), 'avito-ai-init-tty-'));
});

afterEach(async () => {
  terminal?.close();
  terminal = undefined;
  await sandbox.close();
});

describe.skipIf(!HAS_TMUX && !REQUIRED)('avito-ai init in a terminal', () => {
  it('asks, hides the secret, names the account, writes .env 0600 and runs doctor', async () => {
    terminal = startTerminal(cwd, { AVITO_API_URL: sandbox.url, NO_COLOR: '1' });
    await terminal.answer('client_id:', 'sandbox-client');
    await terminal.answer('client_secret', 'sandbox-secret');
    await terminal.answer('Номер [1]:', '');
    await terminal.answer('Подключить Telegram-бота?', 'н');
    await terminal.answer('4. Как бот узнаёт', '');
    await waitFor(() => terminal!.screen().includes('EXIT='), 'init to end', 30_000);
    const screen = terminal.screen();
    expect(screen).toContain('EXIT=0');
    expect(screen).toContain('client_id: sandbox-client');
    expect(screen).not.toContain('sandbox-secret');
    expect(screen).toContain('«Магазин «Техника у дома»»');
    expect(screen).toContain('Проверяю всё разом (avito-ai doctor)');
    expect((await stat(join(cwd, '.env'))).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('Ctrl-C at a question stops it and leaves nothing written', async () => {
    terminal = startTerminal(cwd, { AVITO_API_URL: sandbox.url, NO_COLOR: '1' });
    await terminal.answer('client_id:', 'sandbox-client');
    await waitFor(() => terminal!.screen().includes('client_secret'), 'the secret question');
    terminal.key('C-c');
    await waitFor(() => terminal!.screen().includes('EXIT='), 'init to end');
    expect(terminal.screen()).toContain('Прервано: ничего не записано.');
    expect(terminal.screen()).toContain('EXIT=1');
    expect(await readdir(cwd)).toEqual([]);
  }, 60_000);
});
