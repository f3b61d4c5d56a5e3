/**
 * Misspelt variable names, as the seller meets them: every command that reads the settings warns once on stderr,
 * one line per name, and `doctor` fails with a check of its own that says what to rename.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess } from '../helpers/cli.js';

const TYPOS = 'AVITO_CLIENT_SECERT=secret\nKNOWLEGDE_DIR=./kb\nFALLBAK_TEXT=Нет ответа\n';

async function folderWithEnv(text: string): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'avito-ai-typos-'));
  await writeFile(join(cwd, '.env'), text);
  return cwd;
}

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('misspelt settings', () => {
  // Each command fails afterwards for want of keys or documents; the warnings come first, once.
  it.each([
    [['poll', '--once']],
    [['serve']],
    [['ask', 'Как доставляете?']],
    [['doctor']],
    [['sync-docs']],
    [['stats']],
    [['chats']],
    [['pause', 'u2i-abc']],
    [['resume', 'u2i-abc']],
    [['resume', '--all']],
    [['reply', 'u2i-abc', '--dry-run']],
    [['telegram-id', '--wait', '1']],
    [['register-webhook', '--list']],
  ])('avito-ai %j warns once per name on stderr', async (argv) => {
    const cwd = await folderWithEnv(TYPOS);
    const result = await runInProcess(argv, { cwd, env: { TELEGRAM_CHAT_ID: '123' } });
    const envFile = join(cwd, '.env');
    expect(result.stderr).toMatch(new RegExp(` WARN  AVITO_CLIENT_SECERT в ${envFile} — не настройка avito-ai, значение не используется \\(может быть, AVITO_CLIENT_SECRET\\?\\)\n`));
    for (const [key, nearest] of [
      ['AVITO_CLIENT_SECERT', 'AVITO_CLIENT_SECRET'],
      ['KNOWLEGDE_DIR', 'KNOWLEDGE_DIR'],
      ['FALLBAK_TEXT', 'FALLBACK_TEXT'],
    ]) {
      expect(count(result.stderr, `${key} в ${envFile} — не настройка avito-ai`), result.stderr).toBe(1);
      expect(result.stderr).toContain(`(может быть, ${nearest}?)`);
    }
    expect(count(result.stderr, 'TELEGRAM_CHAT_ID в переменных окружения — не настройка avito-ai, значение не используется (может быть, TELEGRAM_OWNER_CHAT_ID?)')).toBe(1);
    expect(result.stdout).not.toContain('is not an avito-ai setting');
  });

  it('LOG_FORMAT=json gives each warning as a JSON line', async () => {
    const cwd = await folderWithEnv('LOG_FORMAT=json\nKNOWLEGDE_DIR=./kb\n');
    const result = await runInProcess(['stats'], { cwd, env: {} });
    const lines = result.stderr.trim().split('\n').map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: `KNOWLEGDE_DIR в ${join(cwd, '.env')} — не настройка avito-ai, значение не используется (может быть, KNOWLEDGE_DIR?)` })]);
  });

  it('doctor fails on them with a check of its own and the fix; a correct setup has no such line', async () => {
    const cwd = await folderWithEnv(`${TYPOS}SHOP_NAME=Ромашка\n`);
    const result = await runInProcess(['doctor'], { cwd, env: { TELEGRAM_CHAT_ID: '123' } });
    expect(result.code).toBe(ExitCode.Failure);
    const lines = result.stdout.split('\n');
    const at = lines.findIndex((line) => line.includes('Имена настроек'));
    expect(lines[at]).toMatch(
      /^ОШИБКА\s+Имена настроек\s+5 переменных — не настройки avito-ai и не используются: AVITO_CLIENT_SECERT \(может быть, AVITO_CLIENT_SECRET\?\), KNOWLEGDE_DIR \(может быть, KNOWLEDGE_DIR\?\), FALLBAK_TEXT \(может быть, FALLBACK_TEXT\?\), SHOP_NAME, TELEGRAM_CHAT_ID \(может быть, TELEGRAM_OWNER_CHAT_ID\?\)$/,
    );
    expect(lines[at + 1]?.trim()).toBe(
      `как исправить: в ${join(cwd, '.env')}: переименуйте AVITO_CLIENT_SECERT в AVITO_CLIENT_SECRET, KNOWLEGDE_DIR в KNOWLEDGE_DIR, FALLBAK_TEXT в FALLBACK_TEXT, удалите SHOP_NAME; в переменных окружения: переименуйте TELEGRAM_CHAT_ID в TELEGRAM_OWNER_CHAT_ID (все настройки перечислены в ${join(import.meta.dirname, '../../.env.example')})`,
    );

    const json = JSON.parse((await runInProcess(['doctor', '--json'], { cwd, env: {} })).stdout) as { ok: boolean; checks: Array<{ id: string; status: string }> };
    expect(json.ok).toBe(false);
    expect(json.checks.find((check) => check.id === 'setting-names')?.status).toBe('fail');

    const clean = await runInProcess(['doctor', '--json'], { cwd: await folderWithEnv('KNOWLEDGE_DIR=./kb\n'), env: {} });
    expect(clean.stderr).toBe('');
    expect((JSON.parse(clean.stdout) as { checks: Array<{ id: string }> }).checks.map((check) => check.id)).not.toContain('setting-names');
  });
});
