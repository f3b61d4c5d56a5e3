/**
 * The conversation as a buyer lives it, end to end: the built `avito-ai poll --once` against the
 * Avito sandbox with the default texts. A question the documents do not answer gets the fallback,
 * which offers a manager; "Да" takes the offer (the seller is told, the chat stays unread, the bot
 * is silent there after); "Спасибо!" after an answer gets nothing, and is logged.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION_TEXT, DEFAULT_FALLBACK_TEXT } from '../../src/config/config.js';
import { startSandbox, type Sandbox } from '../../src/avito/sandbox/index.js';
import { openStore } from '../../src/store/index.js';
import { sandboxEnv } from '../helpers/demo-sandbox.js';
import { spawnCli } from '../helpers/spawn-cli.js';

const ACCOUNT = 9000001;
const BUYER = 7000001;

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('poll --once: the fallback, "да", and "спасибо"', () => {
  it('escalates on "Да" to the fallback, stays silent after it, and sends nothing for thanks', async () => {
    const chats = [
      { id: 'u2i-offer', messages: [{ author_id: BUYER, text: 'Какая погода завтра?' }] },
      { id: 'u2i-thanks', messages: [{ author_id: BUYER + 1, text: 'Сколько стоит доставка?' }] },
      { id: 'u2i-declined', messages: [{ author_id: BUYER + 2, text: 'Какая погода послезавтра?' }] },
    ];
    sandbox = await startSandbox({ scenario: { account: { id: ACCOUNT, name: 'Магазин' }, chats } });
    const sb = sandbox;
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-conversation-'));
    const env = sandboxEnv(sb, join(cwd, 'data', 'avito-ai.json'));
    const texts = (chatId: string) => sb.sent(chatId).map((message) => String(message.content.text));
    const pass = async () => {
      const run = await spawnCli(['poll', '--once'], { env, cwd }).done;
      expect(run.code, run.stderr).toBe(0);
      return run;
    };

    await pass();
    expect(texts('u2i-offer')).toEqual([DEFAULT_FALLBACK_TEXT]);
    expect(texts('u2i-declined')).toEqual([DEFAULT_FALLBACK_TEXT]);
    expect(texts('u2i-thanks')).toHaveLength(1);
    expect(texts('u2i-thanks')[0]).toMatch(/по тарифу перевозчика/);

    sb.addMessage('u2i-offer', { text: 'Да' });
    sb.addMessage('u2i-thanks', { text: 'Спасибо! 👍' });
    sb.addMessage('u2i-declined', { text: 'нет, не надо' });
    const readsBefore = sb.requests.length;
    const second = await pass();
    expect(texts('u2i-offer')).toEqual([DEFAULT_FALLBACK_TEXT, DEFAULT_ESCALATION_TEXT]);
    expect(second.stderr).toMatch(/уведомление: покупатель просит человека.*chatId=u2i-offer/);
    // The chat that needs the seller stays unread, to stand out in the app.
    const readsSince = sb.requests.slice(readsBefore).filter((r) => r.method === 'POST' && r.path.endsWith('/read'));
    expect(readsSince.map((r) => r.path)).not.toContainEqual(expect.stringContaining('u2i-offer'));
    expect(texts('u2i-thanks')).toHaveLength(1);
    expect(texts('u2i-declined')).toEqual([DEFAULT_FALLBACK_TEXT]);

    // The escalated chat is the seller's now; the closed ones stay closed.
    sb.addMessage('u2i-offer', { text: 'Ау? Какая погода завтра?' });
    await pass();
    expect(texts('u2i-offer')).toHaveLength(2);
    expect(texts('u2i-thanks')).toHaveLength(1);
    expect(texts('u2i-declined')).toHaveLength(1);

    const store = await openStore({ path: env.STORE_PATH!, readOnly: true });
    try {
      expect(store.getChat('u2i-offer')?.escalatedAt).toBeTypeOf('number');
      expect(store.getChat('u2i-declined')?.escalatedAt).toBeUndefined();
      // Nothing was sent, but nothing was dropped either: the seller sees both in the dialog log.
      const silent = store.recentDialogs(20).filter((dialog) => dialog.status === 'SMALL_TALK');
      expect(silent.map((dialog) => [dialog.chatId, dialog.question, dialog.answer]).sort()).toEqual([
        ['u2i-declined', 'нет, не надо', ''],
        ['u2i-thanks', 'Спасибо! 👍', ''],
      ]);
      for (const chatId of ['u2i-thanks', 'u2i-declined']) {
        for (const message of sb.messages(chatId)) expect(store.isProcessed(message.id), chatId).toBe(true);
      }
    } finally {
      await store.close();
    }
  }, 60_000);

  it('sends GREETING_REPLY_TEXT for a bare greeting when the seller set one, and nothing by default', async () => {
    const chats = [{ id: 'u2i-hello', messages: [{ author_id: BUYER, text: 'Добрый день!' }] }];
    sandbox = await startSandbox({ scenario: { account: { id: ACCOUNT, name: 'Магазин' }, chats } });
    const sb = sandbox;
    const quiet = mkdtempSync(join(tmpdir(), 'avito-ai-conversation-'));
    const silent = await spawnCli(['poll', '--once'], { env: sandboxEnv(sb, join(quiet, 'data', 'avito-ai.json')), cwd: quiet }).done;
    expect(silent.code, silent.stderr).toBe(0);
    expect(sb.sent('u2i-hello')).toEqual([]);

    // Another install (its own store) with the setting: the same greeting gets the seller's text.
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-conversation-'));
    const env = { ...sandboxEnv(sb, join(cwd, 'data', 'avito-ai.json')), GREETING_REPLY_TEXT: '🤖: здравствуйте! Напишите, пожалуйста, ваш вопрос.' };
    const run = await spawnCli(['poll', '--once'], { env, cwd }).done;
    expect(run.code, run.stderr).toBe(0);
    expect(sb.sent('u2i-hello').map((message) => message.content.text)).toEqual(['🤖: здравствуйте! Напишите, пожалуйста, ваш вопрос.']);
  }, 60_000);
});
