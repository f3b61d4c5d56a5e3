/**
 * Sellers' documents as they really are, through the commands a seller runs: `ask` answers in proper
 * Russian from a Windows-1251 file.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess } from '../helpers/cli.js';

const ENCODINGS = fileURLToPath(new URL('../fixtures/knowledge/encodings', import.meta.url));

let dir: string;
let cwd: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'avito-ai-formats-knowledge-'));
  cwd = await mkdtemp(join(tmpdir(), 'avito-ai-formats-cwd-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cwd, { recursive: true, force: true });
});

describe('ask', () => {
  it('answers in proper Russian from a text file saved in Windows-1251', async () => {
    await copyFile(join(ENCODINGS, 'garantiya-cp1251.txt'), join(dir, 'garantiya.txt'));
    const { code, stdout } = await runInProcess(['ask', 'Какая гарантия на кресла?', '--json', '--knowledge-dir', dir], { cwd, env: { KNOWLEDGE_ENGINE: 'local' } });
    expect(code).toBe(ExitCode.Ok);
    const result = JSON.parse(stdout) as { status: string; answer: string; sources: string[] };
    expect(result).toMatchObject({ status: 'FOUND', sources: ['garantiya.txt'] });
    expect(result.answer).toContain('Гарантия: 12 месяцев на кресла «Уют», 6 месяцев на обивку.');
  });
});
