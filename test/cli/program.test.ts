import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { parseScenario, startSandbox, type Sandbox } from '../../src/avito/sandbox/index.js';
import { openStore } from '../../src/store/index.js';
import { runInProcess } from '../helpers/cli.js';
import { DEFAULT_FALLBACK_TEXT } from '../../src/config/config.js';
import type { MonitorStats } from '../../src/core/stats.js';

const ROOT = join(import.meta.dirname, '../..');
const KNOWLEDGE = join(ROOT, 'docs/examples/knowledge');
const DEMO = parseScenario(JSON.parse(readFileSync(join(ROOT, 'docs/examples/demo-scenario.json'), 'utf8')));
const tmp = () => mkdtempSync(join(tmpdir(), 'avito-ai-cli-'));

describe('the command line', () => {
  it('--help lists every command', async () => {
    const { code, stdout } = await runInProcess(['--help'], { cwd: tmp() });
    expect(code).toBe(ExitCode.Ok);
    for (const command of ['poll', 'reply', 'ask', 'pause', 'resume', 'chats', 'sync-docs', 'telegram-id', 'demo', 'sandbox']) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
    expect(stdout).toContain('Примеры:');
  });

  it.each(['poll', 'reply', 'ask', 'pause', 'resume', 'chats', 'sync-docs', 'telegram-id', 'demo', 'sandbox'])('%s --help explains it with an example', async (command) => {
    const { code, stdout } = await runInProcess([command, '--help'], { cwd: tmp() });
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain(`avito-ai ${command}`);
    expect(stdout).toMatch(/Примеры?:/);
  });

  it('--version prints the version', async () => {
    const { code, stdout } = await runInProcess(['--version'], { cwd: tmp() });
    expect(code).toBe(ExitCode.Ok);
    expect(stdout.trim()).toBe('9.9.9-test');
  });

  it.each([
    [['frobnicate'], /^avito-ai: нет такой команды: 'frobnicate' \(см. avito-ai --help\)\n$/],
    [['poll', '--fast'], /^avito-ai: нет такого параметра: '--fast' \(см. avito-ai --help\)\n$/],
    [['ask'], /^avito-ai: не указан обязательный аргумент 'question' \(см. avito-ai --help\)\n$/],
    [['poll', '--interval', 'soon'], /^avito-ai: --interval: ожидается целое положительное число, а задано "soon"\n$/],
    [['ask', 'q', '--engine', 'gpt'], /^avito-ai: 'gpt' не подходит для '--engine <engine>', можно: local, gemini, gigachat, openai/],
  ])('%j is a one-line usage error with exit code 2', async (argv, message) => {
    const { code, stderr } = await runInProcess(argv, { cwd: tmp() });
    expect(code).toBe(ExitCode.Usage);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing credential is one line naming the variable, exit code 3, no stack', async () => {
    const { code, stderr } = await runInProcess(['poll', '--once'], { cwd: tmp() });
    expect(code).toBe(ExitCode.Config);
    expect(stderr).toBe(`avito-ai: AVITO_CLIENT_ID не задан (см. ${join(ROOT, '.env.example')})\n`);
  });

  it('DEBUG=avito-ai in .env adds the stack too', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, '.env'), 'DEBUG=avito-ai\n');
    const { stderr } = await runInProcess(['poll', '--once'], { cwd });
    expect(stderr).toMatch(/^avito-ai: AVITO_CLIENT_ID не задан/);
    expect(stderr).toMatch(/\n\s+at /);
  });

  it('an invalid sandbox scenario is a one-line usage error', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'bad.json'), '{"account":{},"chats":[]}');
    const { code, stderr } = await runInProcess(['sandbox', '--scenario', 'bad.json'], { cwd });
    expect(code).toBe(ExitCode.Usage);
    expect(stderr).toMatch(/^avito-ai: сценарий .*bad\.json не подходит: account\.id обязательно \(формат описан в README/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('DEBUG=avito-ai adds the stack', async () => {
    const { stderr } = await runInProcess(['poll', '--once'], { cwd: tmp(), env: { DEBUG: 'avito-ai' } });
    expect(stderr).toMatch(/^avito-ai: AVITO_CLIENT_ID не задан/);
    expect(stderr).toMatch(/\n\s+at /);
  });
});

describe('ask', () => {
  it('answers from the knowledge base with --json, no Avito keys needed', async () => {
    const { code, stdout } = await runInProcess(['ask', 'Как доставляете?', '--json', '--knowledge-dir', KNOWLEDGE], { cwd: tmp() });
    expect(code).toBe(ExitCode.Ok);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'], engine: 'local' });
    expect(String(result.answer)).toMatch(/Авито Доставк/);
  });

  it('gives exactly the fallback text when the documents do not hold the answer', async () => {
    const { stdout } = await runInProcess(['ask', 'Какая погода завтра?', '--json', '--knowledge-dir', KNOWLEDGE], { cwd: tmp() });
    expect(JSON.parse(stdout)).toEqual({
      status: 'NOT_FOUND',
      answer: DEFAULT_FALLBACK_TEXT,
      sources: [],
      engine: 'local',
      strategy: 'general',
      unknown_words: ['погода'],
      latency_ms: expect.any(Number),
      passages: [],
    });
  });

  it('shows with --json the passages an answer quotes, and why they won', async () => {
    const { stdout } = await runInProcess(['ask', 'Как доставляете?', '--json', '--knowledge-dir', KNOWLEDGE], { cwd: tmp() });
    const { passages, answer } = JSON.parse(stdout) as { passages: Array<Record<string, unknown>>; answer: string };
    expect(passages.length).toBeGreaterThan(0);
    for (const passage of passages) {
      expect(passage).toMatchObject({ source: 'dostavka.md', scope: 'general', coverage: 1, matched: ['доставк'] });
      expect(passage.score).toEqual(expect.any(Number));
    }
    expect(answer).toContain(String(passages[0]?.text).split(/(?<=[.!?])\s/)[0]);
  });

  it('shows for a refusal the passages that came closest and why they did not answer', async () => {
    const { stdout } = await runInProcess(['ask', 'а гарантия есть?', '--json', '--knowledge-dir', KNOWLEDGE], { cwd: tmp() });
    const result = JSON.parse(stdout) as { status: string; candidates: Array<Record<string, unknown>> };
    expect(result.status).toBe('NOT_FOUND');
    expect(result.candidates[0]).toMatchObject({ source: 'oplata.md', matched: ['гарант'], why_not: 'слова вопроса встречаются вскользь, не как ответ' });
  });

  it('says plainly that nothing is sent for a thank-you', async () => {
    const text = await runInProcess(['ask', 'Спасибо!', '--knowledge-dir', KNOWLEDGE], { cwd: tmp() });
    expect(text.stdout).toContain('ничего не отправлено');
    const json = await runInProcess(['ask', 'Спасибо!', '--json', '--knowledge-dir', KNOWLEDGE], { cwd: tmp() });
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'SMALL_TALK', answer: '', small_talk: 'thanks' });
  });

  it('shows an escalation as the buyer would get it', async () => {
    const { stdout } = await runInProcess(['ask', 'позовите менеджера', '--json', '--knowledge-dir', KNOWLEDGE], { cwd: tmp() });
    expect(JSON.parse(stdout)).toMatchObject({ status: 'ESCALATION', sources: [] });
  });

  it('answers for a listing with --item', async () => {
    const { stdout } = await runInProcess(['ask', 'Какое давление?', '--item', '4012345678', '--json', '--knowledge-dir', KNOWLEDGE], { cwd: tmp() });
    expect(JSON.parse(stdout)).toMatchObject({ status: 'FOUND', sources: ['item-4012345678-kofemashina-delonghi.md'], strategy: 'item' });
  });

  it('a missing knowledge folder is one clear line', async () => {
    const cwd = tmp();
    const { code, stderr } = await runInProcess(['ask', 'Как доставляете?'], { cwd });
    expect(code).not.toBe(ExitCode.Ok);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(join(cwd, 'docs/knowledge'));
  });
});

describe('against the Avito sandbox', () => {
  let sandbox: Sandbox;
  let cwd: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    sandbox = await startSandbox({ scenario: DEMO });
    cwd = tmp();
    env = {
      AVITO_API_URL: sandbox.url,
      AVITO_CLIENT_ID: sandbox.credentials.clientId,
      AVITO_CLIENT_SECRET: sandbox.credentials.clientSecret,
      KNOWLEDGE_DIR: KNOWLEDGE,
      STORE_PATH: join(cwd, 'store.json'),
    };
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it('poll --once answers, and a second pass sends nothing more', async () => {
    const first = await runInProcess(['poll', '--once'], { cwd, env });
    expect(first.code).toBe(ExitCode.Ok);
    expect(first.stderr).toMatch(/INFO\s+проход chats=6 .*answered=\d+ escalated=1/);
    // Answered: coffee, vacuum, bike (fallback), manager (escalation), voice (asks for text); not the takeover.
    expect(new Set(sandbox.sent().map((m) => m.chat_id))).toEqual(
      new Set(['u2i-demo-coffee', 'u2i-demo-vacuum', 'u2i-demo-bike', 'u2i-demo-manager', 'u2i-demo-voice']),
    );
    const sent = sandbox.sent().length;
    expect(sent).toBe(5);
    const second = await runInProcess(['poll', '--once'], { cwd, env });
    expect(second.code).toBe(ExitCode.Ok);
    expect(sandbox.sent()).toHaveLength(sent);
  });

  it('poll --once --dry-run prints what it would send and sends nothing', async () => {
    const { code, stdout } = await runInProcess(['poll', '--once', '--dry-run'], { cwd, env });
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('u2i-demo-vacuum отправил бы [FOUND');
    expect(stdout).toContain('Гарантия 12 месяцев');
    expect(sandbox.sent()).toEqual([]);
  });

  it("poll never answers in a chat about someone else's listing, where the account is the buyer", async () => {
    const account = sandbox.account.id;
    sandbox.addChat({
      id: 'u2i-we-buy',
      context: { type: 'item', value: { id: 999_000_111, title: 'Велосипед Stels', user_id: 5_550_001 } },
      messages: [
        { author_id: account, text: 'Здравствуйте! Велосипед ещё продаётся? Какая доставка?' },
        { author_id: 5_550_001, text: 'Да, продаю. Доставка Авито, как оплатите?' },
      ],
    });
    const result = await runInProcess(['poll', '--once'], { cwd, env });
    expect(result.code, result.stderr).toBe(ExitCode.Ok);
    expect(sandbox.sent('u2i-we-buy')).toEqual([]);
    // The demo chats about the account's own listings are answered as ever.
    expect(sandbox.sent('u2i-demo-coffee').length).toBeGreaterThan(0);
    const chats = await runInProcess(['chats', '--all', '--json'], { cwd, env });
    expect(JSON.parse(chats.stdout)).not.toEqual(expect.arrayContaining([expect.objectContaining({ chat_id: 'u2i-we-buy', state: expect.stringMatching(/paused/) })]));
  });

  it('reply to a chat Avito does not know: one line saying so, the usage exit code, nothing sent', async () => {
    for (const args of [['reply', 'u2i-no-such-chat'], ['reply', 'u2i-no-such-chat', '--text', 'Здравствуйте!']]) {
      const result = await runInProcess(args, { cwd, env });
      expect(result.code, result.stderr).toBe(ExitCode.Usage);
      // One error line (the log may say other things), no stack.
      expect(result.stderr.split('\n').filter((line) => line.startsWith('avito-ai:'))).toEqual([expect.stringMatching(/^avito-ai: на Авито нет чата u2i-no-such-chat \(/)]);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
    expect(sandbox.sent()).toEqual([]);
  });

  it('reply answers one chat; reply --text sends as the seller and pauses the bot there', async () => {
    const answered = await runInProcess(['reply', 'u2i-demo-vacuum'], { cwd, env });
    expect(answered.code).toBe(ExitCode.Ok);
    expect(answered.stdout).toMatch(/u2i-demo-vacuum отправлено \[FOUND/);
    expect(sandbox.sent('u2i-demo-bike')).toEqual([]);

    const fresh = await runInProcess(['reply', 'u2i-demo-coffee', '--text', 'Здравствуйте!'], { cwd: tmp(), env: { ...env, STORE_PATH: join(tmp(), 'new', 'store.json') } });
    expect(fresh.code, fresh.stderr).toBe(ExitCode.Ok);
    const manual = await runInProcess(['reply', 'u2i-demo-bike', '--text', 'Добрый день! Обмен не интересует.'], { cwd, env });
    expect(manual.code).toBe(ExitCode.Ok);
    expect(sandbox.sent('u2i-demo-bike').map((m) => m.content.text)).toEqual(['Добрый день! Обмен не интересует.']);
    sandbox.addMessage('u2i-demo-bike', { text: 'А почему?' });
    await runInProcess(['poll', '--once'], { cwd, env });
    expect(sandbox.sent('u2i-demo-bike')).toHaveLength(1);
    const chats = await runInProcess(['chats', '--json'], { cwd, env });
    expect(JSON.parse(chats.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ chat_id: 'u2i-demo-bike', state: 'paused (takeover)' })]));
  });

  it('chats lists a chat answered in part, with the question left to the seller, until the seller writes in it', async () => {
    const account = sandbox.account.id;
    sandbox.addChat({
      id: 'u2i-partly',
      context: { type: 'item', value: { id: 4_012_345_678, title: "Кофемашина De'Longhi Magnifica S ECAM 22.110.B", user_id: account } },
      messages: [{ author_id: 5_550_002, text: 'Что входит в комплектацию кофемашины? И зёрна в подарок положите?' }],
    });
    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);
    expect(sandbox.sent('u2i-partly')).toHaveLength(1);
    const listed = await runInProcess(['chats'], { cwd, env });
    expect(listed.stdout).toMatch(/u2i-partly\s+ответ не на всё, ответьте сами: «И зёрна в подарок положите»/);
    const json = JSON.parse((await runInProcess(['chats', '--json'], { cwd, env })).stdout) as unknown[];
    expect(json).toEqual(expect.arrayContaining([expect.objectContaining({ chat_id: 'u2i-partly', state: 'left_out', left_out: ['И зёрна в подарок положите'] })]));
    // `stats` counts the answer given in part and the chat waiting for the rest.
    const figures = JSON.parse((await runInProcess(['stats', '--json'], { cwd, env })).stdout) as MonitorStats;
    expect(figures.answers.partly_answered).toBe(1);
    expect(figures.left_out_chats).toBe(1);
    expect(figures.answer_rate?.found_partly).toBeGreaterThan(0);
    expect((await runInProcess(['stats'], { cwd, env })).stdout).toMatch(/чатов, где бот ответил не на всё\s+1\n/);
    // The seller answers the rest from the CLI: the chat waits no more for that question (the bot is paused there).
    expect((await runInProcess(['reply', 'u2i-partly', '--text', 'Зёрна положим, 250 г.'], { cwd, env })).code).toBe(ExitCode.Ok);
    const after = JSON.parse((await runInProcess(['chats', '--json'], { cwd, env })).stdout) as unknown[];
    expect(after).toEqual(expect.arrayContaining([expect.objectContaining({ chat_id: 'u2i-partly', state: 'paused (takeover)' })]));
    expect(after).not.toEqual(expect.arrayContaining([expect.objectContaining({ left_out: expect.anything() })]));
    const later = JSON.parse((await runInProcess(['stats', '--json'], { cwd, env })).stdout) as MonitorStats;
    expect([later.answers.partly_answered, later.left_out_chats]).toEqual([1, 0]);
  });

  it('a message whose partial answer is withheld gets the fallback, and its chat waits for the seller with all its questions', async () => {
    // Only part of the delivery question is in the documents (no word of Kazan) and engraving is not at all: rather than
    // half an answer, the buyer gets the fallback, and the seller both questions.
    sandbox.addChat({
      id: 'u2i-withheld',
      context: { type: 'item', value: { id: 4_012_345_678, title: "Кофемашина De'Longhi Magnifica S ECAM 22.110.B", user_id: sandbox.account.id } },
      messages: [{ author_id: 5_550_003, text: 'доставка в казань сколько стоит? гравировку делаете?' }],
    });
    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);
    expect(sandbox.sent('u2i-withheld').map((message) => message.content.text)).toEqual([DEFAULT_FALLBACK_TEXT]);
    // Left unread in Avito, to stand out for the seller.
    expect(sandbox.messages('u2i-withheld').filter((message) => message.direction === 'in').map((message) => message.is_read)).toEqual([false]);
    const json = JSON.parse((await runInProcess(['chats', '--json'], { cwd, env })).stdout) as unknown[];
    expect(json).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ chat_id: 'u2i-withheld', state: 'left_out', left_out: ['доставка в казань сколько стоит', 'гравировку делаете'], bot_answered: false }),
      ]),
    );
    // The table does not say the bot answered in part: it sent only the fallback.
    expect((await runInProcess(['chats'], { cwd, env })).stdout).toMatch(/u2i-withheld\s+бот не нашёл ответа, ответьте сами: «доставка в казань сколько стоит», «гравировку делаете»/);
    const figures = JSON.parse((await runInProcess(['stats', '--json'], { cwd, env })).stdout) as MonitorStats;
    expect([figures.answers.partly_answered, figures.left_out_chats]).toEqual([0, 1]);
  });

  it('pause, chats and resume work on the store', async () => {
    await runInProcess(['poll', '--once'], { cwd, env });
    const listed = await runInProcess(['chats'], { cwd, env });
    expect(listed.stdout).toMatch(/u2i-demo-manager\s+передан вам/);
    expect(listed.stdout).toMatch(/u2i-demo-takeover\s+на паузе \(takeover\)/);

    expect((await runInProcess(['pause', 'u2i-demo-coffee', '--hours', '2'], { cwd, env })).code).toBe(ExitCode.Ok);
    sandbox.addMessage('u2i-demo-coffee', { text: 'А доставка в Казань сколько?' });
    await runInProcess(['poll', '--once'], { cwd, env });
    expect(sandbox.sent('u2i-demo-coffee')).toHaveLength(1);

    const resumed = await runInProcess(['resume', 'u2i-demo-manager'], { cwd, env });
    expect(resumed.code).toBe(ExitCode.Ok);
    sandbox.addMessage('u2i-demo-manager', { text: 'Как доставляете?' });
    await runInProcess(['poll', '--once'], { cwd, env });
    expect(sandbox.sent('u2i-demo-manager').map((m) => m.content.text).at(-1)).toMatch(/Авито Доставк/);
  });

  it('while Avito shows the tariff stub nothing is answered; once the tariff is bought, the chats come back', async () => {
    sandbox.setTariffStub(true);
    const stubbed = await runInProcess(['poll', '--once'], { cwd, env });
    expect(stubbed.code).toBe(ExitCode.Ok);
    expect(sandbox.sent()).toEqual([]);
    sandbox.setTariffStub(false);
    sandbox.addMessage('u2i-demo-vacuum', { text: 'Как доставляете?' });
    await runInProcess(['poll', '--once'], { cwd, env });
    expect(sandbox.sent('u2i-demo-vacuum')).toHaveLength(1);
    expect(String(sandbox.sent('u2i-demo-vacuum')[0]!.content.text)).not.toMatch(/подписк/i);
  });

  it('a missing knowledge folder stops poll before any buyer gets the fallback', async () => {
    const { code, stderr } = await runInProcess(['poll', '--once'], { cwd, env: { ...env, KNOWLEDGE_DIR: join(cwd, 'nope') } });
    expect(code).toBe(ExitCode.Config);
    expect(stderr).toBe(`avito-ai: KNOWLEDGE_DIR ${join(cwd, 'nope')} — не папка (создайте её и положите туда документы или укажите KNOWLEDGE_DIR (см. ${join(ROOT, '.env.example')}))\n`);
    expect(sandbox.requests).toEqual([]);
  });

  it('bad credentials stop poll with one line and the auth exit code', async () => {
    const { code, stderr } = await runInProcess(['poll', '--once'], { cwd, env: { ...env, AVITO_CLIENT_SECRET: 'wrong' } });
    expect(code).toBe(ExitCode.Auth);
    // Log lines may come first; the error itself is one line, and no stack follows it.
    const errorLine = stderr.trim().split('\n').at(-1)!;
    expect(errorLine).toMatch(/^avito-ai: .*AVITO_CLIENT_(ID|SECRET)/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a second writer on the same store is refused with a clear message', async () => {
    const holder = await openStore({ path: env.STORE_PATH! });
    try {
      const { code, stderr } = await runInProcess(['poll', '--once'], { cwd, env });
      expect(code).toBe(ExitCode.Store);
      expect(stderr).toMatch(/^avito-ai: .* использует другой процесс avito-ai \(pid \d+\)/);
    } finally {
      await holder.close();
    }
  });

  it('the account id is discovered once and cached in the store', async () => {
    await runInProcess(['poll', '--once'], { cwd, env });
    await runInProcess(['poll', '--once'], { cwd, env });
    expect(sandbox.requests.filter((r) => r.path === '/core/v1/accounts/self')).toHaveLength(1);
  });
});
