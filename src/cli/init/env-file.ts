/**
 * The `.env` that `init` writes: the shipped `.env.example` with the seller's answers filled in, so every
 * other setting stays documented beside them. Written whole at the end, through a private temporary file
 * renamed into place: Ctrl-C or a full disk never leaves half a file, and the old one is kept as a backup.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, chmod, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { parse as parseDotenv } from 'dotenv';

/** Settings as the seller answered them, by variable name. */
export type EnvValues = Record<string, string>;

/**
 * The template with `values` put on their `KEY=` lines; keys the template lacks (or has only in a
 * comment) are added at the end. Pure, so the file can be shown or tested before it is written.
 */
export function renderEnvFile(template: string, values: EnvValues, header: string): string {
  const left = new Map(Object.entries(values));
  const lines = template.split('\n').map((line) => {
    const key = /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];
    if (key === undefined || !left.has(key)) return line;
    const value = left.get(key)!;
    left.delete(key);
    return `${key}=${quoteEnvValue(value)}`;
  });
  const extra = [...left].map(([key, value]) => `${key}=${quoteEnvValue(value)}`);
  // The template's opening comment tells how to make a .env by hand; the header replaces it.
  const opening = lines.findIndex((line) => !line.startsWith('#'));
  const body = lines.slice(Math.max(0, opening)).join('\n').replace(/\n*$/, '\n');
  return `${header}\n${body}${extra.length > 0 ? `\n${extra.join('\n')}\n` : ''}`;
}

/** As dotenv reads it back: quotes only where an unquoted value would lose a `#`, a quote or its edges. */
export function quoteEnvValue(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('a setting cannot span lines');
  if (!/[#'"`\\]/.test(value) && value.trim() === value) return value;
  const quote = ["'", '"', '`'].find((mark) => !value.includes(mark));
  if (quote === undefined) throw new Error('a setting cannot hold all three kinds of quotes');
  return `${quote}${value}${quote}`;
}

/** The values of an existing `.env`, or undefined when there is none. */
export async function readEnvValues(path: string): Promise<EnvValues | undefined> {
  try {
    return parseDotenv(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Writes `content` to `path` with mode 0600 (it holds keys). An existing file is first copied to
 * `<path>.bak-<time>`, also 0600; returns that path.
 */
export async function writeEnvFile(path: string, content: string, now = new Date()): Promise<{ backup?: string }> {
  let backup: string | undefined;
  if (await fileExists(path)) {
    backup = `${path}.bak-${now.toISOString().replace(/\D/g, '').slice(0, 14)}`;
    await copyFile(path, backup);
    await chmod(backup, 0o600);
  }
  const temporary = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  // The umask cannot widen 0600, but a file renamed over keeps nothing of the old one's mode: be sure.
  await chmod(path, 0o600);
  return backup === undefined ? {} : { backup };
}
