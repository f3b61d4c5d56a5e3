/**
 * A misspelt variable used to be ignored in silence: its setting stayed at the default and nothing said why.
 * resolveConfig now returns such names as warnings (it prints nothing itself), with the setting most likely meant.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, ENVIRONMENT_PREFIXES, describeConfigWarning, resolveConfig } from '../../src/config/config.js';

function folderWithEnv(text: string): string {
  const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-unknown-'));
  writeFileSync(join(cwd, '.env'), text);
  return cwd;
}

describe('unknown settings', () => {
  it('in .env: every misspelt line is named with the setting it meant', () => {
    const cwd = folderWithEnv('AVITO_CLIENT_SECERT=s\nKNOWLEGDE_DIR=./kb\nFALLBAK_TEXT=Нет ответа\nhttps_proxy=http://127.0.0.1:3128\nAVITO_CLIENT_ID=id\n');
    const config = resolveConfig({ env: {}, cwd });
    expect(config.warnings).toEqual([
      { key: 'AVITO_CLIENT_SECERT', nearest: 'AVITO_CLIENT_SECRET', source: '.env' },
      { key: 'KNOWLEGDE_DIR', nearest: 'KNOWLEDGE_DIR', source: '.env' },
      { key: 'FALLBAK_TEXT', nearest: 'FALLBACK_TEXT', source: '.env' },
      { key: 'https_proxy', nearest: 'HTTPS_PROXY', source: '.env' },
    ]);
    // The values are still ignored: a warning, not a guess.
    expect(config.avito.clientSecret).toBeUndefined();
    expect(config.knowledge.dir).toBe(join(cwd, 'docs/knowledge'));
  });

  it('in .env: a name like no setting gets no guess', () => {
    const config = resolveConfig({ env: {}, cwd: folderWithEnv('SHOP_NAME=Ромашка\nID=1\n') });
    expect(config.warnings).toEqual([
      { key: 'SHOP_NAME', source: '.env' },
      { key: 'ID', source: '.env' },
    ]);
    expect(describeConfigWarning(config.warnings[0]!, '/etc/avito-ai/env')).toBe(
      `SHOP_NAME в /etc/avito-ai/env — не настройка avito-ai, значение не используется (все настройки перечислены в ${join(import.meta.dirname, '../../.env.example')})`,
    );
  });

  it('in the environment: only names with our own prefixes count, and never our tools\' or Node\'s', () => {
    const env = {
      AVITO_CLIENT_SECERT: 's',
      TELEGRAM_CHAT_ID: '123',
      GIGACHAT_CA_BUNDLE_FILE: '/ca.pem',
      MONITOR_TOKN: 'x',
      // Other programs' variables: the OpenAI SDK, gemini-cli, the terminal, the shell.
      OPENAI_ORG_ID: 'org-1',
      GEMINI_CLI_HOME: '/home/x',
      NO_COLOR: '1',
      LOG_LEVELS: 'x',
      HOME: '/root',
      // Our tools' own variables.
      AVITO_AI_REQUIRE_CHROMIUM: '1',
      AVITO_AI_LANG: 'en',
      // Known settings, and a variable that is not set at all.
      AVITO_CLIENT_ID: 'id',
      TZ: 'Europe/Moscow',
      AVITO_UNSET: undefined,
    };
    const config = resolveConfig({ env, cwd: mkdtempSync(join(tmpdir(), 'avito-ai-unknown-')) });
    expect(config.warnings).toEqual([
      { key: 'AVITO_CLIENT_SECERT', nearest: 'AVITO_CLIENT_SECRET', source: 'environment' },
      { key: 'TELEGRAM_CHAT_ID', nearest: 'TELEGRAM_OWNER_CHAT_ID', source: 'environment' },
      { key: 'GIGACHAT_CA_BUNDLE_FILE', nearest: 'GIGACHAT_CA_FILE', source: 'environment' },
      { key: 'MONITOR_TOKN', nearest: 'MONITOR_TOKEN', source: 'environment' },
    ]);
    expect(describeConfigWarning(config.warnings[0]!)).toBe(
      'AVITO_CLIENT_SECERT в переменных окружения — не настройка avito-ai, значение не используется (может быть, AVITO_CLIENT_SECRET?)',
    );
  });

  it('a name both in .env and in the environment (systemd reads the same file) is named once', () => {
    const cwd = folderWithEnv('AVITO_CLIENT_SECERT=s\nNODE_OPTIONS=--max-old-space-size=128\n');
    const config = resolveConfig({ env: { AVITO_CLIENT_SECERT: 's', NODE_OPTIONS: '--max-old-space-size=128' }, cwd });
    expect(config.warnings).toEqual([{ key: 'AVITO_CLIENT_SECERT', nearest: 'AVITO_CLIENT_SECRET', source: '.env' }]);
  });

  it('a correct setup has none, and the demo (no .env, no environment) has none', () => {
    const cwd = folderWithEnv('AVITO_CLIENT_ID=id\nAVITO_CLIENT_SECRET=s\nTZ=Europe/Moscow\n');
    expect(resolveConfig({ env: { PATH: '/usr/bin', HOME: '/root', LANG: 'ru_RU.UTF-8' }, cwd }).warnings).toEqual([]);
    expect(resolveConfig({ env: {}, cwd, skipEnvFile: true }).warnings).toEqual([]);
  });

  it('the environment prefixes come from the known settings, less the ones other programs share', () => {
    for (const prefix of ENVIRONMENT_PREFIXES) expect(Object.keys(DEFAULTS).some((key) => key.startsWith(prefix))).toBe(true);
    expect(ENVIRONMENT_PREFIXES).toEqual(expect.arrayContaining(['AVITO_', 'GIGACHAT_', 'TELEGRAM_', 'KNOWLEDGE_', 'MONITOR_', 'ESCALATION_', 'FALLBACK_']));
    for (const shared of ['OPENAI_', 'GEMINI_', 'HTTP_', 'NO_', 'LOG_']) expect(ENVIRONMENT_PREFIXES).not.toContain(shared);
  });
});
