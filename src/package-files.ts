/**
 * Files that ship inside the package, found from this module's own place: a global install
 * (`npm install -g`) has no `.env.example` beside the seller, so messages name the installed copy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root, whether running from src/ (tests) or dist/ (installed). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Every setting with its comment: the template `init` fills in, and the reference errors point at. */
export const ENV_EXAMPLE = join(PACKAGE_ROOT, '.env.example');

/** The document `init` puts in an empty knowledge folder, for the seller to replace with their own. */
export const EXAMPLE_DOCUMENT = join(PACKAGE_ROOT, 'docs/examples/init/primer-zamenite-menya.md');

/** Our version, from the package's own package.json: what `--version` prints and MCP handshakes name. */
export function readOwnVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
