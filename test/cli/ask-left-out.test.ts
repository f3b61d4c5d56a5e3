/**
 * The seller asks what buyers ask: where the answer leaves one of the questions out, `ask` shows the reply with
 * PARTIAL_ANSWER_TEXT, names the question left out, and gives it with --json as left_out.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARTIAL_ANSWER_TEXT } from '../../src/config/config.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess } from '../helpers/cli.js';
import { KITCHEN_DOCUMENT } from '../helpers/kitchen-shop.js';
import { useKnowledgeFolder } from '../helpers/knowledge-folder.js';

const cwd = (): string => mkdtempSync(join(tmpdir(), 'avito-ai-cli-'));

describe('ask on a message the documents answer only in part', () => {
  const shop = useKnowledgeFolder({ 'kuhni.md': `${KITCHEN_DOCUMENT}\n## Гарантия\n\nГарантия на кухню 2 года.\n` });
  const ask = (args: string[], env: Record<string, string> = {}) =>
    runInProcess(['ask', ...args, '--knowledge-dir', shop.dir], { cwd: cwd(), env: { KNOWLEDGE_ENGINE: 'local', ...env } });

  it('shows the reply with the default text and names the question left out', async () => {
    const { code, stdout } = await ask(['какая гарантия? а гравировку на фасадах делаете?']);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('2 года');
    expect(stdout).toContain(DEFAULT_PARTIAL_ANSWER_TEXT);
    expect(stdout).toContain('Без ответа в документах: «а гравировку на фасадах делаете».');
  });

  it('gives it with --json as left_out, and the seller\'s own text in the answer', async () => {
    const { stdout } = await ask(['какая гарантия? а гравировку на фасадах делаете?', '--json'], { PARTIAL_ANSWER_TEXT: 'Про остальное напишет Анна.' });
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ status: 'FOUND', left_out: ['а гравировку на фасадах делаете'] });
    expect(json.answer).toMatch(/\n\nПро остальное напишет Анна\.$/u);
  });

  it('says nothing of the kind when every question is answered', async () => {
    const { stdout } = await ask(['какая гарантия?', '--json']);
    expect(JSON.parse(stdout)).not.toHaveProperty('left_out');
    expect(JSON.parse(stdout).answer).not.toContain(DEFAULT_PARTIAL_ANSWER_TEXT);
  });
});
