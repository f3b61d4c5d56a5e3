/**
 * The seller asks what buyers ask: where the bot falls back, `ask` names the buyer's words no document
 * uses, so the seller knows what to write down and in which words.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess } from '../helpers/cli.js';
import { KITCHEN_DOCUMENT } from '../helpers/kitchen-shop.js';
import { useKnowledgeFolder } from '../helpers/knowledge-folder.js';

const cwd = (): string => mkdtempSync(join(tmpdir(), 'avito-ai-cli-'));

describe('ask on a question the documents do not answer', () => {
  const shop = useKnowledgeFolder({ 'kuhni.md': KITCHEN_DOCUMENT });
  const ask = (...args: string[]) => runInProcess(['ask', ...args, '--knowledge-dir', shop.dir], { cwd: cwd(), env: { KNOWLEDGE_ENGINE: 'local' } });

  it('names the word no document uses and says what to do', async () => {
    const { code, stdout } = await ask('фасады из шпона делаете?');
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('NOT_FOUND');
    expect(stdout).toContain('Слов из вопроса нет ни в одном документе: «шпона». Если ответ есть — допишите его в документ этими словами.');
  });

  it('gives them with --json as unknown_words, leaving out greetings, numbers and a typo it reads', async () => {
    const { stdout } = await ask('Здравствуйте, подскажите пожалуйста, изгатовление 3 фасадов из шпона и патины сколько?', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ status: 'NOT_FOUND', unknown_words: ['шпона', 'патины'] });
  });

  it('says nothing of the kind when the words are in the documents', async () => {
    const answered = await ask('изгатовление долго?', '--json');
    expect(JSON.parse(answered.stdout)).toMatchObject({ status: 'FOUND' });
    expect(JSON.parse(answered.stdout)).not.toHaveProperty('unknown_words');
    const unanswered = await ask('сроки на лдсп 9 недель?');
    expect(unanswered.stdout).toContain('NOT_FOUND');
    expect(unanswered.stdout).not.toContain('Слов из вопроса');
  });
});
