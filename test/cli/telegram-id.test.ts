import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess } from '../helpers/cli.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';

let telegram: FakeTelegram;
const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-tgid-'));
beforeEach(async () => {
  telegram = await startFakeTelegram();
});
afterEach(async () => {
  await telegram.close();
});

describe('avito-ai telegram-id', () => {
  it('shows the chats that wrote to the bot and the line to put in .env', async () => {
    telegram.userSends(5550001, '/start', { firstName: 'Анна' });
    const { code, stdout, stderr } = await runInProcess(['telegram-id', '--wait', '1'], {
      cwd,
      env: { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.url },
    });
    expect(code, stderr).toBe(ExitCode.Ok);
    expect(stdout).toMatch(/^5550001\s+private\s+Анна/m);
    expect(stdout).toContain('TELEGRAM_OWNER_CHAT_ID=5550001');
    // Left unconfirmed: the daemon still gets the /start later.
    expect(telegram.calls.filter((call) => call.method === 'getUpdates').every((call) => !call.payload.offset)).toBe(true);
  });

  it('says how to get a message when no one wrote', async () => {
    const { code, stdout } = await runInProcess(['telegram-id', '--wait', '1'], { cwd, env: { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.url } });
    expect(code).toBe(ExitCode.Failure);
    expect(stdout).toContain('За 1 с никто не написал @avito_ai_test_bot. Откройте https://t.me/avito_ai_test_bot');
  });

  it('a rejected token is one line with the fix, exit 4', async () => {
    const { code, stderr } = await runInProcess(['telegram-id', '--wait', '1'], { cwd, env: { TELEGRAM_BOT_TOKEN: '999:WRONG-TOKEN', TELEGRAM_API_ROOT: telegram.url } });
    expect(code).toBe(ExitCode.Auth);
    expect(stderr).toBe('avito-ai: Telegram не принял TELEGRAM_BOT_TOKEN (401) (скопируйте токен у @BotFather заново (/mybots → API Token))\n');
  });

  it('poll with a token but no owner names the variable and this command', async () => {
    const { code, stderr } = await runInProcess(['poll', '--once'], {
      cwd,
      env: { TELEGRAM_BOT_TOKEN: telegram.token, AVITO_CLIENT_ID: 'x', AVITO_CLIENT_SECRET: 'y', KNOWLEDGE_DIR: cwd, STORE_PATH: join(cwd, 's.json') },
    });
    expect(code).toBe(ExitCode.Config);
    expect(stderr).toMatch(/^avito-ai: TELEGRAM_OWNER_CHAT_ID не задан: .*avito-ai telegram-id/);
    // Refused before the store was opened: nothing locked, nothing created.
    expect(existsSync(join(cwd, 's.json'))).toBe(false);
    expect(existsSync(join(cwd, 's.lock'))).toBe(false);
  });
});
