/**
 * Gemini from the command line, as a seller uses it: `sync-docs`, `ask` and `poll` with
 * GEMINI_API_KEY set, against the fake Gemini server (real SDK, loopback) and the Avito sandbox.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { parseScenario, startSandbox, type Sandbox } from '../../src/avito/sandbox/index.js';
import { openStore } from '../../src/store/index.js';
import { runInProcess } from '../helpers/cli.js';
import { generateCalls, startFakeGemini, type FakeGemini } from '../helpers/fake-gemini.js';
import { DEFAULT_FALLBACK_TEXT } from '../../src/config/config.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'docs/examples/knowledge');
const ENCODINGS = join(ROOT, 'test/fixtures/knowledge/encodings');

let fake: FakeGemini;
let cwd: string;
let env: Record<string, string>;

beforeEach(async () => {
  fake = await startFakeGemini();
  cwd = await mkdtemp(join(tmpdir(), 'avito-ai-gemini-cli-'));
  await cp(EXAMPLES, join(cwd, 'knowledge'), { recursive: true });
  env = {
    GEMINI_API_KEY: fake.apiKey,
    GEMINI_BASE_URL: fake.url,
    KNOWLEDGE_DIR: join(cwd, 'knowledge'),
    STORE_PATH: join(cwd, 'data', 'store.json'),
  };
});

afterEach(async () => {
  await fake.close();
});

const run = (argv: string[], extra: Record<string, string> = {}) => runInProcess(argv, { cwd, env: { ...env, ...extra } });
const uploads = () => fake.requests.filter((request) => request.headers['x-goog-upload-command'] === 'start').length;

describe('sync-docs', () => {
  it('uploads the folder, then nothing on a second run, then only the changed file', async () => {
    const first = await run(['sync-docs']);
    expect(first.code, first.stderr).toBe(ExitCode.Ok);
    expect(first.stdout).toContain('→ хранилище Gemini File Search "avito-ai"');
    expect(first.stdout).toMatch(/загружен\s+item-4012345678-kofemashina-delonghi\.md/);
    expect(first.stdout).toMatch(/загружено\s+заменено\s+как было\s+удалено\s+ошибки\s+пропущено\n\s+7\s+0\s+0\s+0\s+0\s+0\n/);
    expect(uploads()).toBe(7);

    const second = await run(['sync-docs', '--json']);
    expect(second.code).toBe(ExitCode.Ok);
    expect(JSON.parse(second.stdout)).toMatchObject({ engine: 'gemini', store: 'avito-ai', uploaded: 0, replaced: 0, unchanged: 7, deleted: 0, failed: [] });
    expect(uploads()).toBe(7);

    await writeFile(join(cwd, 'knowledge', 'oplata.md'), '# Оплата\n\nОплата только наличными при встрече.\n');
    const third = await run(['sync-docs', '--json']);
    expect(JSON.parse(third.stdout)).toMatchObject({ uploaded: 0, replaced: 1, unchanged: 6 });
    expect(uploads()).toBe(8);
    expect(fake.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
  });

  it('--dry-run --prune lists what would change and changes nothing', async () => {
    await run(['sync-docs']);
    await writeFile(join(cwd, 'knowledge', 'novoe.txt'), 'Новый документ про самовывоз.\n');
    await rm(join(cwd, 'knowledge', 'vozvrat.md'));
    const before = fake.requests.length;
    const dry = await run(['sync-docs', '--dry-run', '--prune']);
    expect(dry.code).toBe(ExitCode.Ok);
    expect(dry.stdout).toMatch(/^Пробный запуск, ничего не изменено: /);
    expect(dry.stdout).toMatch(/загрузил бы\s+novoe\.txt/);
    expect(dry.stdout).toMatch(/удалил бы\s+vozvrat\.md/);
    expect(fake.requests.slice(before).every((request) => request.method === 'GET')).toBe(true);

    const kept = await run(['sync-docs']);
    expect(kept.stdout).toContain('vozvrat.md (запустите с --prune, чтобы удалить их)');
  });

  it('reports a file Gemini could not index, keeps going, and exits 1', async () => {
    fake.failUploadOf('oplata.md', 'Unsupported document content');
    const { code, stdout } = await run(['sync-docs']);
    expect(code).toBe(ExitCode.Failure);
    expect(stdout).toMatch(/ошибка\s+oplata\.md: .*Unsupported document content/);
    expect(uploads()).toBe(7);
  });

  it('uploads a Windows-1251 document as text Gemini answers from, and refuses one no encoding reads', async () => {
    const cp1251 = await readFile(join(ENCODINGS, 'garantiya-cp1251.txt'));
    await writeFile(join(cwd, 'knowledge', 'garantiya-kresla.txt'), Buffer.concat([Buffer.from('---\r\nitem_id: 4012345681\r\n---\r\n'), cp1251]));
    await cp(join(ENCODINGS, 'shift-jis.txt'), join(cwd, 'knowledge', 'shift-jis.txt'));
    const sync = await run(['sync-docs']);
    expect(sync.code).toBe(ExitCode.Failure);
    expect(sync.stdout).toMatch(/загружен\s+garantiya-kresla\.txt/);
    expect(sync.stdout).toMatch(/ошибка\s+shift-jis\.txt: кодировка не распознана \(не UTF-8, Windows-1251 или KOI8-R\): сохраните файл в UTF-8/);
    expect(uploads()).toBe(8);

    const { stdout } = await run(['ask', 'Какая гарантия на кресла?', '--item', '4012345681', '--json']);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({ status: 'FOUND', strategy: 'item', sources: ['garantiya-kresla.txt'] });
    expect(answer.answer).toContain('12 месяцев на кресла «Уют»');
  });

  it('--list shows each document with its listing and state', async () => {
    await run(['sync-docs']);
    const { code, stdout } = await run(['sync-docs', '--list']);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toMatch(/^хранилище Gemini File Search "avito-ai": документов 7:/);
    expect(stdout).toMatch(/active\s+объявление 4012345680\s+item-4012345680-velosiped\.json/);
    expect(stdout).toMatch(/active\s+общий\s+dostavka\.md/);
    const json = JSON.parse((await run(['sync-docs', '--list', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(json).toContainEqual(expect.objectContaining({ display_name: 'item-4012345679-robot-pylesos.md', scope: 'item', item_id: 4012345679, state: 'STATE_ACTIVE', managed: true }));
  });
});

describe('ask with Gemini', () => {
  beforeEach(async () => {
    expect((await run(['sync-docs'])).code).toBe(ExitCode.Ok);
    fake.requests.length = 0;
  });

  it('answers with status, sources, strategy, latency and tokens, in exactly two requests', async () => {
    const { code, stdout } = await run(['ask', 'Сколько стоит доставка курьером?', '--json']);
    expect(code).toBe(ExitCode.Ok);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'], engine: 'gemini', strategy: 'general', latency_ms: expect.any(Number) });
    expect(result.input_tokens).toBeGreaterThan(0);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v1beta/fileSearchStores',
      'POST /v1beta/models/gemini-flash-latest:generateContent',
    ]);
  });

  it('--item asks the listing first, then the general documents', async () => {
    const { stdout } = await run(['ask', 'Какой срок возврата?', '--item', '4012345678', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'FOUND', strategy: 'cascaded' });
    expect(JSON.parse(stdout).sources).toContain('vozvrat.md');
    expect(generateCalls(fake).map((call) => call.metadataFilter)).toEqual(['item_id = "4012345678"', 'scope = "general"']);
  });

  it('gives exactly the fallback text when nothing was retrieved', async () => {
    const { stdout } = await run(['ask', 'Какая погода завтра в Сочи?', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'NOT_FOUND',
      answer: DEFAULT_FALLBACK_TEXT,
      sources: [],
    });
  });

  it('takes GEMINI_MODEL and the local engine when asked for it', async () => {
    await run(['ask', 'Сколько стоит доставка курьером?'], { GEMINI_MODEL: 'gemini-2.5-flash' });
    expect(generateCalls(fake).map((call) => call.model)).toEqual(['gemini-2.5-flash']);
    fake.requests.length = 0;
    const local = await run(['ask', 'Как доставляете?', '--json'], { KNOWLEDGE_ENGINE: 'local' });
    expect(JSON.parse(local.stdout)).toMatchObject({ engine: 'local' });
    expect(fake.requests).toEqual([]);
  });
});

describe('errors a seller can fix', () => {
  it('a wrong key: one line, the fix, exit 4, no stack', async () => {
    const { code, stderr } = await run(['ask', 'Доставка?'], { GEMINI_API_KEY: 'wrong-key' });
    expect(code).toBe(ExitCode.Auth);
    expect(stderr).toMatch(/^avito-ai: Gemini fileSearchStores.list: ошибка 400 INVALID_ARGUMENT API key not valid.* \(проверьте GEMINI_API_KEY/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('no store yet: says to run sync-docs', async () => {
    const { code, stderr } = await run(['ask', 'Доставка?']);
    expect(code).toBe(ExitCode.Unavailable);
    expect(stderr).toBe('avito-ai: хранилища File Search "avito-ai" ещё нет (сначала загрузите документы: avito-ai sync-docs)\n');
  });

  it('KNOWLEDGE_ENGINE=gemini without a key names the variable and where to get one', async () => {
    const { code, stderr } = await run(['ask', 'Доставка?'], { GEMINI_API_KEY: '', KNOWLEDGE_ENGINE: 'gemini' });
    expect(code).toBe(ExitCode.Config);
    expect(stderr).toMatch(/^avito-ai: GEMINI_API_KEY не задан \(создайте ключ на https:\/\/aistudio\.google\.com\/apikey/);
  });

  it('Gemini unreachable: one line after the retries, exit 6', async () => {
    fake.failNext('fileSearchStores', 503, { times: 2 });
    const { code, stderr } = await run(['ask', 'Доставка?'], { GEMINI_RETRIES: '1' });
    expect(code).toBe(ExitCode.Unavailable);
    expect(stderr).toMatch(/WARN\s+gemini fileSearchStores.list failed, retrying/);
    expect(stderr).toMatch(/avito-ai: Gemini fileSearchStores.list: ошибка 503 UNAVAILABLE/);
  });
});

describe('poll with Gemini', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(join(ROOT, 'docs/examples/demo-scenario.json'), 'utf8')));
    sandbox = await startSandbox({ scenario });
    env = { ...env, AVITO_API_URL: sandbox.url, AVITO_CLIENT_ID: sandbox.credentials.clientId, AVITO_CLIENT_SECRET: sandbox.credentials.clientSecret };
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it('refuses to start before the documents are uploaded, touching no chat', async () => {
    const { code, stderr } = await run(['poll', '--once']);
    expect(code).toBe(ExitCode.Unavailable);
    expect(stderr).toContain('avito-ai: хранилища File Search "avito-ai" ещё нет (сначала загрузите документы: avito-ai sync-docs)');
    expect(sandbox.sent()).toEqual([]);
  });

  it('answers buyers from Gemini, logs the strategy, and remembers the store', async () => {
    expect((await run(['sync-docs'])).code).toBe(ExitCode.Ok);
    fake.requests.length = 0;
    const first = await run(['poll', '--once']);
    expect(first.code, first.stderr).toBe(ExitCode.Ok);
    expect(first.stderr).toMatch(/база знаний готова engine=gemini store=avito-ai documents=7/);
    const vacuum = sandbox.sent('u2i-demo-vacuum').map((message) => message.content.text);
    expect(vacuum).toHaveLength(1);
    expect(vacuum[0]).toMatch(/гаранти/i);
    expect(generateCalls(fake).some((call) => call.metadataFilter === 'item_id = "4012345679"')).toBe(true);

    const store = await openStore({ path: env.STORE_PATH!, readOnly: true });
    const dialog = store.recentDialogs(10).find((record) => record.chatId === 'u2i-demo-vacuum');
    const cachedName = store.getMeta('gemini.store:avito-ai');
    await store.close();
    expect(dialog).toMatchObject({ engine: 'gemini', strategy: 'item', status: 'FOUND', sources: ['item-4012345679-robot-pylesos.md'] });
    expect(dialog?.inputTokens).toBeGreaterThan(0);
    expect(dialog?.outputTokens).toBeGreaterThan(0);
    expect(dialog?.engineMs).toBeGreaterThanOrEqual(0);
    expect(cachedName).toBe([...fake.stores.keys()][0]);

    fake.requests.length = 0;
    sandbox.addMessage('u2i-demo-vacuum', { text: 'А доставка курьером сколько стоит?' });
    expect((await run(['poll', '--once'])).code).toBe(ExitCode.Ok);
    // The remembered store is used as is: no store lookup, straight to the answer.
    expect(fake.requests.some((request) => request.path === '/v1beta/fileSearchStores')).toBe(false);
    expect(sandbox.sent('u2i-demo-vacuum')).toHaveLength(2);
  });

  it('starts all the same when Gemini is only down for now, and answers once it is back', async () => {
    expect((await run(['sync-docs'])).code).toBe(ExitCode.Ok);
    fake.failNext('/documents', 503);
    fake.failNext(':generateContent', 503, { times: 1000 });
    const down = await run(['poll', '--once'], { GEMINI_RETRIES: '0' });
    expect(down.code, down.stderr).toBe(ExitCode.Ok);
    expect(down.stderr).toMatch(/хранилище File Search сейчас недоступно .*запускаюсь всё равно/);
    expect(sandbox.sent('u2i-demo-vacuum')).toEqual([]);
    // The escalation and the voice message need no engine: handled all the same.
    expect(sandbox.sent('u2i-demo-manager')).toHaveLength(1);
  });

  it('leaves a question unread while Gemini is down, and answers it on a later pass', async () => {
    expect((await run(['sync-docs'])).code).toBe(ExitCode.Ok);
    fake.failNext(':generateContent', 503, { times: 1000 });
    const down = await run(['poll', '--once'], { GEMINI_RETRIES: '0' });
    expect(down.code).toBe(ExitCode.Ok);
    expect(sandbox.sent('u2i-demo-vacuum')).toEqual([]);
    expect(down.stderr).toMatch(/Gemini generateContent: ошибка 503/);
    fake.clearFailures();
    const up = await run(['poll', '--once'], { GEMINI_RETRIES: '0' });
    expect(up.code).toBe(ExitCode.Ok);
    expect(sandbox.sent('u2i-demo-vacuum')).toHaveLength(1);
  });
});
