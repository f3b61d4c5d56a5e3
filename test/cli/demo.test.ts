import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess } from '../helpers/cli.js';

describe('demo', () => {
  it('with no keys and no .env, answers the sandbox chats from the example documents and shows each rule', async () => {
    // Settings in .env or the environment must not change the demo: it runs on the built-in defaults.
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-demo-'));
    writeFileSync(join(cwd, '.env'), 'FALLBACK_TEXT=из файла\nAVITO_API_URL=https://api.avito.ru\n');
    const { code, stdout, stderr } = await runInProcess(['demo'], { cwd, env: { ACTIVE_HOURS: '03:00-03:01' } });
    expect(stderr).toBe('');
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('Покупатель: Какое давление у кофемашины и что входит в комплект?');
    expect(stdout).toMatch(/Бот: [\s\S]*15 бар[\s\S]*\[FOUND — ответ из документов: item-4012345678-kofemashina-delonghi\.md/);
    expect(stdout).toMatch(/Бот: Гарантия 12 месяцев/);
    expect(stdout).toContain('[NOT_FOUND — в документах нет ответа]');
    expect(stdout).toContain('[ESCALATION — передано менеджеру]');
    expect(stdout).toContain('Продавец (вручную): Да, продаётся!');
    expect(stdout).toContain('→ продавец ответил сам');
    expect(stdout).toContain('[NON_TEXT — просьба написать текстом]');
    expect(stdout).toContain('бот такие не отвечает');
    // The second act: the follow-up question is answered from the general delivery document.
    expect(stdout).toMatch(/Покупатель: А сколько стоит доставка в Казань\?\n\s+Бот: [^\n]*/);
    expect(stdout).toMatch(/Итого: отправлено ответов 6, из документов 3, «нет в базе» 1, эскалаций 1, перехватов продавцом 1/);
  });
});
