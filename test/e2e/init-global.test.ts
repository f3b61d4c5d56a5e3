/**
 * The newcomer's path, as README tells it, from the package a seller installs: `npm install -g` of the packed
 * tarball into a prefix of its own, then in an empty folder `init` (pointed at the sandbox), `ask`, and a `poll`
 * that answers a buyer who wrote in the sandbox. The installed CLI finds its own `.env.example` and example
 * document, since nothing of the repository is beside the seller.
 *
 * `npm install` resolves the dependencies' versions from the registry's metadata; the packages themselves come
 * from npm's cache, filled by the `npm ci` before the tests (--prefer-offline).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/ports.js';
import { ROOT, assertBuilt, waitFor } from '../helpers/spawn-cli.js';

const run = promisify(execFile);

/** Packs this checkout and installs the tarball globally into `prefix`; returns the installed `avito-ai`. */
async function installGlobally(dir: string): Promise<string> {
  assertBuilt();
  // --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet.
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  const prefix = join(dir, 'prefix');
  await run('npm', ['install', '-g', '--prefix', prefix, join(dir, packed!.filename), '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, timeout: 240_000 });
  return join(prefix, 'bin', 'avito-ai');
}

describe('npm install -g, then init, sandbox, ask and poll', () => {
  it('takes a newcomer from the tarball to an answered buyer, in Russian', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avito-ai-global-'));
    const bin = await installGlobally(dir);
    const shop = join(dir, 'shop');
    await mkdir(shop);
    // Only what a seller's shell has: the installed CLI on the PATH, nothing of this repository.
    const env = { PATH: `${join(dir, 'prefix', 'bin')}:${process.env.PATH ?? ''}`, HOME: dir, NO_COLOR: '1' };
    const avito = (args: string[], extra: Record<string, string> = {}) => run(bin, args, { cwd: shop, env: { ...env, ...extra }, timeout: 60_000 });

    const help = await avito(['init', '--help']);
    const example = /Все настройки с пояснениями: (\S+)/.exec(help.stdout)?.[1];
    expect(example).toBe(join(dir, 'prefix', 'lib', 'node_modules', 'avito-ai', '.env.example'));
    expect(existsSync(example!)).toBe(true);
    // Before init, a missing key points at that same installed copy, not at a file the seller does not have.
    const early = await avito(['poll', '--once']).then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    expect(early).toContain(`(см. ${example})`);

    const port = await freePort();
    const sandbox = spawn(bin, ['sandbox', '--port', String(port), '--no-chat'], { cwd: shop, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let screen = '';
    sandbox.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitFor(() => screen.includes(url), 'the sandbox to listen');

      const init = await avito(['init', '--from-env', '--engine', 'local', '--mode', 'poll'], {
        AVITO_API_URL: url,
        AVITO_CLIENT_ID: 'sandbox-client',
        AVITO_CLIENT_SECRET: 'sandbox-secret',
      });
      expect(init.stdout).toContain('«Магазин «Техника у дома»»');
      expect(init.stdout).toContain('Записал');
      expect((await stat(join(shop, '.env'))).mode & 0o777).toBe(0o600);
      expect(await readdir(join(shop, 'docs/knowledge'))).toEqual(['primer-zamenite-menya.md']);

      // From here on the seller's .env alone says where Avito is and with which keys.
      const ask = await avito(['ask', 'Как вы доставляете?']);
      expect(ask.stdout).toContain('Отправляем Авито Доставкой');

      await avito(['sandbox', 'say', 'u2i-demo-coffee', 'Как вы доставляете?', '--url', url]);
      await avito(['poll', '--once']);
      await waitFor(() => /\[u2i-demo-coffee\] Бот: Отправляем Авито Доставкой/.test(screen), `the buyer's answer in the sandbox:\n${screen}`);
    } finally {
      const exited = new Promise((resolve) => sandbox.on('close', resolve));
      sandbox.kill('SIGTERM');
      await exited;
      // The install is a whole node_modules: not left in /tmp after every run.
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
