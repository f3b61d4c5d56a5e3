/**
 * Two Avito accounts from one install (ACCOUNTS_DIR): one `serve` process and one `poll --once` answer both, each
 * from its own documents, through its own Avito keys, into its own store, telling its own owners in its own bot; a
 * delivery to one account's URL never touches the other. Each account has a sandbox and a Telegram fake of its own.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario, startSandbox, type Sandbox } from '../../src/avito/sandbox/index.js';
import type { FakeTelegram } from '../helpers/fake-telegram.js';
import { startFakeTelegram } from '../helpers/fake-telegram.js';
import { runInProcess } from '../helpers/cli.js';
import { freePort } from '../helpers/serve.js';
import { spawnCli, waitFor } from '../helpers/spawn-cli.js';

const TOKEN = 'accounts-monitor-token-0123';
const authorized = { headers: { authorization: `Bearer ${TOKEN}` } };

interface Account {
  name: string;
  chatId: string;
  owner: number;
  secret: string;
  price: string;
  sandbox: Sandbox;
  telegram: FakeTelegram;
}

let accounts: Account[] = [];
afterEach(async () => {
  for (const account of accounts) await Promise.all([account.sandbox.close(), account.telegram.close().catch(() => undefined)]);
  accounts = [];
});

/** One Avito account: a sandbox with one buyer asking about delivery, and a Telegram bot of its own. */
async function startAccount(index: number, sharedBot?: FakeTelegram): Promise<Account> {
  const name = `shop${index}`;
  const accountId = 9_000_000 + index;
  const buyer = 7_000_000 + index;
  const chatId = `u2i-${name}-lamp`;
  const scenario = parseScenario({
    account: { id: accountId, name: `Магазин ${index}` },
    credentials: { clientId: `${name}-client`, clientSecret: `${name}-secret` },
    chats: [
      {
        id: chatId,
        context: { type: 'item', value: { id: 4_000_000_000 + index, title: 'Настольная лампа' } },
        users: [{ id: accountId, name: `Магазин ${index}` }, { id: buyer, name: 'Анна' }],
        messages: [{ author_id: buyer, text: 'Сколько стоит доставка?' }],
      },
    ],
  });
  return {
    name,
    chatId,
    owner: sharedBot ? 5_550_000 : 5_550_000 + index,
    secret: `${name}-webhook-secret-0123456789`,
    price: index === 1 ? '500' : '300',
    sandbox: await startSandbox({ scenario }),
    telegram: sharedBot ?? (await startFakeTelegram({ botId: 100_000 + index })),
  };
}

/** A working folder: the main .env names ACCOUNTS_DIR, each account file its keys, documents, bot and secret. */
async function setUp(options: { sharedBot?: boolean } = {}): Promise<{ cwd: string; url: string; monitor: string }> {
  const shared = options.sharedBot ? await startFakeTelegram() : undefined;
  accounts = [await startAccount(1, shared), await startAccount(2, shared)];
  const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-accounts-'));
  const [port, monitorPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  writeFileSync(
    join(cwd, '.env'),
    [`ACCOUNTS_DIR=accounts`, `PORT=${port}`, `MONITOR_PORT=${monitorPort}`, `MONITOR_TOKEN=${TOKEN}`, `APP_BASE_URL=${url}`, 'SAFETY_POLL_MINUTES=60', 'REPLY_DELAY=0.2', 'LOG_FORMAT=json', 'TELEGRAM_LOG=all', ''].join('\n'),
  );
  mkdirSync(join(cwd, 'accounts'));
  for (const account of accounts) {
    const docs = join(cwd, 'docs', account.name);
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, 'delivery.md'), `# Доставка\n\nДоставка по городу курьером стоит ${account.price} рублей, привозим за один день.\n`);
    writeFileSync(
      join(cwd, 'accounts', `${account.name}.env`),
      [
        `AVITO_API_URL=${account.sandbox.url}`,
        `AVITO_CLIENT_ID=${account.sandbox.credentials.clientId}`,
        `AVITO_CLIENT_SECRET=${account.sandbox.credentials.clientSecret}`,
        `AVITO_WEBHOOK_SECRET=${account.secret}`,
        `KNOWLEDGE_DIR=docs/${account.name}`,
        `TELEGRAM_BOT_TOKEN=${account.telegram.token}`,
        `TELEGRAM_API_ROOT=${account.telegram.url}`,
        `TELEGRAM_OWNER_CHAT_ID=${account.owner}`,
        '',
      ].join('\n'),
    );
  }
  return { cwd, url, monitor: `http://127.0.0.1:${monitorPort}` };
}

/** What each account's sandbox received as replies, by the account's name. */
function sentTexts(): Record<string, string[]> {
  return Object.fromEntries(accounts.map((account) => [account.name, account.sandbox.sent().map((message) => String(message.content.text ?? ''))]));
}

/** Each store holds its own account's chats only (read with `chats --account`, which works while a daemon runs). */
async function expectOwnChats(cwd: string): Promise<void> {
  for (const account of accounts) {
    const listed = await runInProcess(['chats', '--all', '--json', '--account', account.name], { cwd });
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as Array<{ chat_id: string }>).map((chat) => chat.chat_id)).toEqual([account.chatId]);
  }
}

/** Whether an account's store files (snapshot and journals) mention `text`. */
function journalHolds(cwd: string, account: string, text: string): boolean {
  return readdirSync(join(cwd, 'data'))
    .filter((name) => name.startsWith(`${account}.`) && !name.endsWith('.lock'))
    .some((name) => readFileSync(join(cwd, 'data', name), 'utf8').includes(text));
}

/** Each bot told its own owners only, about its own account's chat. */
function expectOwnNotices(): void {
  for (const account of accounts) {
    expect(account.telegram.sent.length).toBeGreaterThan(0);
    for (const message of account.telegram.sent) {
      expect(message.chat_id).toBe(account.owner);
      expect(message.plain.split('\n')[0]).toBe(`🏪 Аккаунт «${account.name}»`);
      if (!message.plain.includes('Работает')) expect(message.plain).toContain(account.chatId);
    }
  }
}

describe('two accounts under one serve process', () => {
  it('answers each from its own documents and keys, routes each delivery by its secret, and names the account everywhere', async () => {
    const { cwd, url, monitor } = await setUp();
    const { child, done } = spawnCli(['serve'], { cwd });
    await waitFor(() => accounts.every((account) => account.sandbox.sent().length >= 1), 'both accounts answered at start');
    expect(sentTexts()).toEqual({ shop1: [expect.stringContaining('500 рублей')], shop2: [expect.stringContaining('300 рублей')] });

    // A delivery on shop1's URL: shop1 answers it; shop2's Avito hears nothing of it.
    const [one, two] = accounts as [Account, Account];
    const message = one.sandbox.addMessage(one.chatId, { text: 'А сколько стоит доставка в выходные?' });
    const delivery = JSON.stringify(one.sandbox.deliveryFor(one.chatId, message.id));
    expect((await fetch(`${url}/avito/webhook/${one.secret}`, { method: 'POST', body: delivery })).status).toBe(200);
    await waitFor(() => one.sandbox.sent().length >= 2, "shop1's answer to the delivery");
    // Neither account's Avito ever hears of the other's chats.
    for (const [self, other] of [[one, two], [two, one]] as const) expect(other.sandbox.requests.filter((request) => JSON.stringify(request).includes(self.chatId))).toEqual([]);
    expect((await fetch(`${url}/avito/webhook/not-a-secret-of-anyone`, { method: 'POST', body: delivery })).status).toBe(404);
    await one.telegram.waitFor((fake) => fake.sent.length >= 2);
    await two.telegram.waitFor((fake) => fake.sent.length >= 1);

    const health = (await (await fetch(`${monitor}/health`, authorized)).json()) as { ok: boolean; accounts: Record<string, { ok: boolean }> };
    expect(health.accounts).toEqual({ shop1: { ok: true }, shop2: { ok: true } });
    const stats = (await (await fetch(`${monitor}/stats?account=shop1`, authorized)).json()) as { completed_messages: number; webhook: { received: number } };
    expect(stats).toMatchObject({ completed_messages: 2, webhook: { received: 1 } });
    expect((await (await fetch(`${monitor}/stats?account=shop2`, authorized)).json()) as object).toMatchObject({ completed_messages: 1, webhook: { received: 0 } });
    expect((await fetch(`${monitor}/stats?account=shop3`, authorized)).status).toBe(404);
    const page = await (await fetch(`${monitor}/dashboard`, authorized)).text();
    expect(page).toContain('data-account="shop1"');
    expect(page).toContain('data-account="shop2"');
    await expectOwnChats(cwd);
    // Each account subscribes its own URL, through its own keys.
    for (const account of accounts) {
      const subscribed = await runInProcess(['register-webhook', '--account', account.name], { cwd });
      expect(subscribed.code, subscribed.stderr).toBe(0);
      expect(account.sandbox.subscriptions()).toEqual([`${url}/avito/webhook/${account.secret}`]);
    }
    // A pause for shop2 while serve holds the stores goes to shop2's queue, and shop2's daemon applies it.
    const queued = await runInProcess(['pause', two.chatId, '--account', 'shop2'], { cwd });
    expect(queued.stdout, queued.stderr).toContain('в очереди');
    await waitFor(() => journalHolds(cwd, 'shop2', 'pausedUntil'), "shop2's daemon applied the pause", 10_000);
    expect(journalHolds(cwd, 'shop1', 'pausedUntil')).toBe(false);
    // /status in each bot answers for its own account.
    two.telegram.userSends(two.owner, '/status');
    await two.telegram.waitFor((fake) => fake.sent.some((sent) => sent.plain.includes('Работает')));
    expect(two.telegram.sent.find((sent) => sent.plain.includes('Работает'))?.plain.split('\n')[0]).toBe('🏪 Аккаунт «shop2»');

    child.kill('SIGTERM');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; account?: string; chat?: string; listener?: string });
    const answered = lines.filter((line) => line.chat !== undefined && line.msg === 'ответ отправлен');
    expect(answered.length).toBeGreaterThanOrEqual(3);
    for (const line of answered) expect(line.chat).toBe(accounts.find((account) => account.name === line.account)?.chatId);
    expect(result.stderr).not.toMatch(/Conflict|terminated by other getUpdates/);
    expect(lines.filter((line) => line.msg === 'serve запущен').map((line) => [line.account, line.listener])).toEqual([
      ['shop1', 'thread'],
      ['shop2', 'thread'],
    ]);
    expect(sentTexts()).toEqual({ shop1: [expect.stringContaining('500'), expect.stringContaining('500')], shop2: [expect.stringContaining('300')] });
    expectOwnNotices();
  }, 40_000);
});

describe('two accounts sharing one Telegram bot and its owners', () => {
  it('tell the owners in one chat, naming the account, and each reply or command reaches the account of its chat', async () => {
    const { cwd } = await setUp({ sharedBot: true });
    const [one, two] = accounts as [Account, Account];
    const telegram = one.telegram;
    const { child, done } = spawnCli(['serve'], { cwd });
    await telegram.waitFor((fake) => fake.sent.length >= 2 && fake.polling, 10_000);
    const notices = telegram.sent.filter((sent) => sent.chat_id === one.owner);
    expect(notices.map((sent) => sent.plain.split('\n')[0]).sort()).toEqual(['🏪 Аккаунт «shop1»', '🏪 Аккаунт «shop2»']);

    // The owner answers shop2's notice: the text goes out through shop2's keys, into shop2's chat.
    const aboutTwo = notices.find((sent) => sent.plain.includes(two.chatId))!;
    telegram.userSends(one.owner, 'Отвечу сам', { replyTo: aboutTwo.message_id });
    await waitFor(() => two.sandbox.sent().length >= 2, "the owner's reply in shop2's chat");
    expect(two.sandbox.sent().at(-1)?.content.text).toBe('Отвечу сам');
    expect(one.sandbox.sent()).toHaveLength(1);

    // /pause all holds every account the bot serves.
    telegram.userSends(one.owner, '/pause all');
    await telegram.waitFor((fake) => fake.sent.some((sent) => sent.plain.startsWith('⏸ Бот на паузе во всём аккаунте')));
    for (const account of accounts) {
      const stats = JSON.parse((await runInProcess(['stats', '--json', '--account', account.name], { cwd })).stdout) as { account_pause: unknown };
      expect(stats.account_pause, account.name).not.toBeNull();
    }
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/Conflict|terminated by other getUpdates/);
  }, 40_000);

  it('is refused when the accounts have different owners', async () => {
    const { cwd } = await setUp({ sharedBot: true });
    const file = join(cwd, 'accounts', 'shop2.env');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/TELEGRAM_OWNER_CHAT_ID=.*/, 'TELEGRAM_OWNER_CHAT_ID=42'));
    const result = await runInProcess(['poll', '--once'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('аккаунты «shop1» и «shop2»: один бот Telegram, но разные TELEGRAM_OWNER_CHAT_ID');
  });
});

describe('an account whose keys Avito refuses', () => {
  it('stops alone under serve: the other account answers, the seller is told which stopped', async () => {
    const { cwd, monitor } = await setUp();
    const file = join(cwd, 'accounts', 'shop2.env');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/AVITO_CLIENT_SECRET=.*/, 'AVITO_CLIENT_SECRET=wrong'));
    const { child, done } = spawnCli(['serve'], { cwd });
    await waitFor(() => accounts[0]!.sandbox.sent().length >= 1, 'shop1 answered');
    await accounts[1]!.telegram.waitFor((fake) => fake.sent.length >= 1);
    expect(accounts[1]!.telegram.sent[0]!.plain).toMatch(/^🏪 Аккаунт «shop2»\n⚠️ Нужно ваше внимание\nАвито не принимает ключи/);
    const health = (await (await fetch(`${monitor}/health`, authorized)).json()) as { ok: boolean; accounts: Record<string, { ok: boolean }> };
    expect(health).toMatchObject({ ok: false, accounts: { shop1: { ok: true }, shop2: { ok: false } } });
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/"msg":"аккаунт «shop2» остановлен: [^"]+; остальные аккаунты работают","account":"shop2"/);
    expect(accounts[1]!.sandbox.sent()).toEqual([]);
  }, 40_000);

  it('a missing documents folder names its account', async () => {
    const { cwd } = await setUp();
    const file = join(cwd, 'accounts', 'shop2.env');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/KNOWLEDGE_DIR=.*/, 'KNOWLEDGE_DIR=docs/nowhere'));
    const result = await runInProcess(['poll', '--once'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`аккаунт «shop2» (${file}): `);
    expect(sentTexts()).toEqual({ shop1: [], shop2: [] });
  });

  it('fails its own pass under poll --once, and the other account is answered', async () => {
    const { cwd } = await setUp();
    const file = join(cwd, 'accounts', 'shop1.env');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/AVITO_CLIENT_SECRET=.*/, 'AVITO_CLIENT_SECRET=wrong'));
    const result = await runInProcess(['poll', '--once'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('аккаунт «shop1» остановлен');
    expect(sentTexts()).toEqual({ shop1: [], shop2: [expect.stringContaining('300 рублей')] });
  }, 30_000);
});

describe('two accounts under poll --once', () => {
  it('passes both accounts, each into its own store and its own owners', async () => {
    const { cwd } = await setUp();
    const result = await runInProcess(['poll', '--once'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(sentTexts()).toEqual({ shop1: [expect.stringContaining('500 рублей')], shop2: [expect.stringContaining('300 рублей')] });
    const passes = result.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; account?: string; answered?: number })
      .filter((line) => line.msg === 'проход');
    expect(passes.map((line) => [line.account, line.answered]).sort()).toEqual([
      ['shop1', 1],
      ['shop2', 1],
    ]);
    await expectOwnChats(cwd);
    for (const account of accounts) await account.telegram.waitFor((fake) => fake.sent.length >= 1);
    expectOwnNotices();
  }, 30_000);
});

describe('the chat commands with --account', () => {
  it('act on the named account only, and without --account or with an unknown name list the accounts', async () => {
    const { cwd } = await setUp();
    expect((await runInProcess(['poll', '--once'], { cwd })).code).toBe(0);
    const [one, two] = accounts as [Account, Account];

    for (const command of [['chats'], ['stats'], ['pause', one.chatId], ['resume', one.chatId], ['reply', one.chatId, '--text', 'Здравствуйте']]) {
      const unnamed = await runInProcess(command, { cwd });
      expect(unnamed.code, command.join(' ')).toBe(3);
      expect(unnamed.stderr, command.join(' ')).toContain('аккаунтов несколько (shop1, shop2): укажите, какой, флагом --account <имя>');
      const unknown = await runInProcess([...command, '--account', 'shop3'], { cwd });
      expect(unknown.code, command.join(' ')).toBe(3);
      expect(unknown.stderr, command.join(' ')).toContain('аккаунта «shop3» нет; есть: shop1, shop2');
    }

    const english = await runInProcess(['chats'], { cwd, env: { AVITO_AI_LANG: 'en' } });
    expect(english.stderr).toContain('there are several accounts (shop1, shop2): name one with --account <name>');

    const paused = await runInProcess(['pause', one.chatId, '--account', 'shop1'], { cwd });
    expect(paused.stdout, paused.stderr).toMatch(new RegExp(`^${one.chatId}: бот на паузе до `));
    // shop2's store has never seen shop1's chat.
    const wrong = await runInProcess(['resume', one.chatId, '--account', 'shop2'], { cwd });
    expect(wrong.code).toBe(2);
    const chats = (account: string) => runInProcess(['chats', '--json', '--account', account], { cwd }).then((result) => JSON.parse(result.stdout) as Array<{ chat_id: string; state: string }>);
    expect(await chats('shop1')).toMatchObject([{ chat_id: one.chatId, state: 'paused (manual)' }]);
    expect(await chats('shop2')).toEqual([]);
    const stats = async (account: string) => JSON.parse((await runInProcess(['stats', '--json', '--account', account], { cwd })).stdout) as { paused_chats: number; completed_messages: number };
    expect(await stats('shop1')).toMatchObject({ paused_chats: 1, completed_messages: 1 });
    expect(await stats('shop2')).toMatchObject({ paused_chats: 0, completed_messages: 1 });
    expect((await runInProcess(['resume', one.chatId, '--account', 'shop1'], { cwd })).stdout).toContain(`${one.chatId}: бот снова отвечает здесь`);

    // ask answers from the named account's documents.
    for (const account of accounts) expect((await runInProcess(['ask', 'Сколько стоит доставка?', '--account', account.name], { cwd })).stdout).toContain(`${account.price} рублей`);

    const replied = await runInProcess(['reply', two.chatId, '--account', 'shop2', '--text', 'Отвечу сам'], { cwd });
    expect(replied.code, replied.stderr).toBe(0);
    expect(two.sandbox.sent().at(-1)?.content.text).toBe('Отвечу сам');
    expect(one.sandbox.sent()).toHaveLength(1);
  }, 30_000);

  it('changes nothing without ACCOUNTS_DIR, and refuses --account there', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-accounts-'));
    expect((await runInProcess(['chats'], { cwd })).code).toBe(0);
    const refused = await runInProcess(['chats', '--account', 'shop1'], { cwd });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('--account shop1: ACCOUNTS_DIR не задан, аккаунт здесь один');
  });
});

describe('doctor over two accounts', () => {
  it('checks each account under its name', async () => {
    const { cwd } = await setUp();
    writeFileSync(join(cwd, '.env'), `${readFileSync(join(cwd, '.env'), 'utf8')}REPLY_DELAI=1\n`);
    writeFileSync(join(cwd, 'accounts', 'shop2.env'), `${readFileSync(join(cwd, 'accounts', 'shop2.env'), 'utf8')}FALLBACK_TXT=нет\n`);
    const result = await runInProcess(['doctor'], { cwd });
    // A misspelt name in the main .env is reported once, before the accounts; an account file's, in its section.
    expect(result.stdout.split('── ')[0]).toMatch(/ОШИБКА\s+Имена настроек\s+.*REPLY_DELAI.*REPLY_DELAY/);
    const sections = result.stdout.split(/^── /m).slice(1);
    expect(sections.map((section) => section.split('\n')[0])).toEqual(['Аккаунт «shop1» ──', 'Аккаунт «shop2» ──']);
    for (const [index, section] of sections.entries()) {
      expect(section).toMatch(/ОК\s+Токен Авито/);
      expect(section).toContain(join(cwd, 'data', `shop${index + 1}.json`));
      expect(section.includes('FALLBACK_TXT'), `shop${index + 1}`).toBe(index === 1);
      expect(section).not.toContain('REPLY_DELAI');
    }
    const json = JSON.parse((await runInProcess(['doctor', '--json'], { cwd })).stdout) as { accounts: Record<string, Array<{ id: string; status: string }>> };
    expect(Object.keys(json.accounts)).toEqual(['shop1', 'shop2']);
    for (const checks of Object.values(json.accounts)) expect(checks.find((check) => check.id === 'avito-token')?.status).toBe('ok');
  }, 30_000);
});

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('the dashboard over two accounts, in Chromium', () => {
  it('shows the first account, and its switch opens the other one with the token kept', async () => {
    const { cwd, monitor } = await setUp();
    const { child, done } = spawnCli(['serve'], { cwd });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      await waitFor(() => accounts.every((account) => account.sandbox.sent().length >= 1), 'both accounts answered at start');
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${monitor}/dashboard?token=${TOKEN}`);
      await page.waitForSelector('body[data-loaded="1"]', { timeout: 15_000 });
      expect(await page.textContent('#accounts a.current')).toBe('shop1');
      expect(await page.textContent('#dialogs')).toContain('500 рублей');
      await Promise.all([page.waitForURL(/account=shop2/), page.click('#accounts a[data-account="shop2"]')]);
      await page.waitForSelector('body[data-loaded="1"]', { timeout: 15_000 });
      expect(page.url()).toBe(`${monitor}/dashboard?token=${TOKEN}&account=shop2`);
      expect(await page.textContent('#accounts a.current')).toBe('shop2');
      expect(await page.textContent('#dialogs')).toContain('300 рублей');
      expect(await page.textContent('#dialogs')).not.toContain('500 рублей');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      child.kill('SIGTERM');
      await done;
    }
  }, 40_000);
});
