/** Russian by default; AVITO_AI_LANG=en gives the same texts in English, for developers. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'avito-ai-lang-'));

describe('the language of what the seller reads', () => {
  it('is Russian by default: help, an error and doctor', async () => {
    const help = await runInProcess(['--help'], { cwd: tmp() });
    expect(help.stdout).toMatch(/^Запуск: avito-ai \[параметры\] \[команда\]\n/);
    expect(help.stdout).toContain('Команды:');
    const error = await runInProcess(['chats', '--fast'], { cwd: tmp() });
    expect(error.stderr).toBe("avito-ai: нет такого параметра: '--fast' (см. avito-ai --help)\n");
    const doctor = await runInProcess(['doctor'], { cwd: tmp(), env: { AVITO_POLL_INTERVAL: 'soon' } });
    expect(doctor.stdout).toMatch(/^ОШИБКА\s+Настройки\s+AVITO_POLL_INTERVAL: ожидается число от 1 до 86400, а задано "soon"\n\n1 проблема: исправьте/);
  });

  it('is English with AVITO_AI_LANG=en: help, an error and doctor', async () => {
    const env = { AVITO_AI_LANG: 'en' };
    const help = await runInProcess(['--help'], { cwd: tmp(), env });
    expect(help.stdout).toMatch(/^Usage: avito-ai \[options\] \[command\]\n/);
    expect(help.stdout).toContain('Commands:');
    expect(help.stdout).toContain('Answers buyers in Avito Messenger from your own documents');
    const error = await runInProcess(['chats', '--fast'], { cwd: tmp(), env });
    expect(error.stderr).toBe("avito-ai: unknown option '--fast' (see avito-ai --help)\n");
    const doctor = await runInProcess(['doctor'], { cwd: tmp(), env: { ...env, AVITO_POLL_INTERVAL: 'soon' } });
    expect(doctor.code).toBe(ExitCode.Failure);
    expect(doctor.stdout).toMatch(/^FAIL\s+Settings\s+AVITO_POLL_INTERVAL must be a number from 1 to 86400, got "soon"\n\n1 problem: fix them/);
  });

  it('is English with AVITO_AI_LANG=en for the texts converted later: sandbox, the store, a missing setting', async () => {
    const env = { AVITO_AI_LANG: 'en' };
    const cwd = tmp();
    writeFileSync(join(cwd, 'bad.json'), '{"account":{},"chats":[]}');
    const scenario = await runInProcess(['sandbox', '--scenario', 'bad.json'], { cwd, env });
    expect(scenario.stderr).toMatch(/^avito-ai: the scenario .*bad\.json does not fit: account\.id is required \(the format is described in README/);
    const say = await runInProcess(['sandbox', 'say', 'u2i-a', 'Привет', '--url', 'http://127.0.0.1:1'], { cwd, env });
    expect(say.stderr).toMatch(/^avito-ai: the sandbox does not answer at http:\/\/127\.0\.0\.1:1 \(.*\): start avito-ai sandbox/);
    const missing = await runInProcess(['poll', '--once'], { cwd, env: { ...env, KNOWLEDGE_DIR: cwd } });
    expect(missing.stderr).toBe(`avito-ai: AVITO_CLIENT_ID is not set (see ${join(import.meta.dirname, '../../.env.example')})\n`);
    writeFileSync(join(cwd, 'store.json'), '{"schemaVersion": 99}');
    const store = await runInProcess(['stats', '--store', 'store.json'], { cwd, env });
    expect(store.stderr).toMatch(/was written by a newer avito-ai .*\(upgrade avito-ai/);
  });

  it('does not follow the locale: a server says en_US whatever its owner reads', async () => {
    const error = await runInProcess(['chats', '--fast'], { cwd: tmp(), env: { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' } });
    expect(error.stderr).toMatch(/^avito-ai: нет такого параметра/);
  });
});
