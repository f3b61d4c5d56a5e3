/** What `npm install -g` of the tarball gives a seller: the CLI, the docs and examples it names, the licence; no tests, no sources, no maps without them. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/spawn-cli.js';

describe('npm pack', () => {
  it('ships the built CLI, LICENSE, README, .env.example and the examples, and nothing of the workshop', async () => {
    // --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet.
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
    const [pack] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
    const files = pack!.files.map((file) => file.path);
    for (const needed of ['LICENSE', 'README.md', '.env.example', 'bin/avito-ai.js', 'dist/cli/main.js', 'docs/deploy.md', 'docs/examples/demo-scenario.json', 'docs/examples/knowledge/dostavka.md']) {
      expect(files, needed).toContain(needed);
    }
    const stray = files.filter((file) => /^(?:test|src|eval|bench|\.ci)\//.test(file) || file.endsWith('.map') || file.endsWith('.test.js'));
    expect(stray).toEqual([]);
  }, 60_000);
});
