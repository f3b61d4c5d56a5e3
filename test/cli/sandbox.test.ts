/**
 * Trying avito-ai as a buyer: the `sandbox` command's prompt and `sandbox say`, each answered by a
 * real `poll --once` pointed at the sandbox, all in-process over loopback.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_KNOWLEDGE } from '../../src/cli/commands/demo.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { parseBuyerLine } from '../../src/cli/buyer-prompt.js';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { runInProcess, startInProcess } from '../helpers/cli.js';
import { startDemoSandbox } from '../helpers/demo-sandbox.js';
import { waitFor } from '../helpers/spawn-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'avito-ai-sandbox-cli-'));

/** What the sandbox banner tells a seller to run, for a store in `dir`. */
function botEnv(url: string, dir: string): Record<string, string> {
  return {
    AVITO_API_URL: url,
    AVITO_CLIENT_ID: 'sandbox-client',
    AVITO_CLIENT_SECRET: 'sandbox-secret',
    KNOWLEDGE_DIR: DEMO_KNOWLEDGE,
    STORE_PATH: join(dir, 'avito-ai-sandbox.json'),
  };
}

let sandbox: Sandbox | undefined;
const stops: AbortController[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop.abort();
  await sandbox?.close();
  sandbox = undefined;
});

describe('sandbox say', () => {
  it('writes into the chat as its buyer, and poll answers that message', async () => {
    sandbox = await startDemoSandbox();
    const cwd = tmp();
    const said = await runInProcess(['sandbox', 'say', 'u2i-demo-vacuum', 'Какая', 'гарантия', 'на', 'пылесос?', '--url', sandbox.url], { cwd });
    expect(said.code).toBe(ExitCode.Ok);
    expect(said.stdout).toContain('[u2i-demo-vacuum] Покупатель: Какая гарантия на пылесос?');
    const written = sandbox.messages('u2i-demo-vacuum').at(-1);
    expect(written).toMatchObject({ direction: 'in', is_read: false, content: { text: 'Какая гарантия на пылесос?' } });

    const poll = await runInProcess(['poll', '--once'], { cwd, env: botEnv(sandbox.url, cwd) });
    expect(poll.code).toBe(ExitCode.Ok);
    const reply = sandbox.messages('u2i-demo-vacuum').at(-1);
    expect(reply?.direction).toBe('out');
    expect(String(reply?.content.text)).toContain('Гарантия 12 месяцев');
  });

  it('with --wait prints the bot answer once a poll sends it', async () => {
    sandbox = await startDemoSandbox();
    const cwd = tmp();
    const env = botEnv(sandbox.url, cwd);
    // The scenario's own questions first, so that the next pass answers only the new one.
    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);
    const saying = startInProcess(['sandbox', 'say', 'u2i-demo-coffee', 'Как вы доставляете?', '--url', sandbox.url, '--wait', '20'], { cwd });
    await waitFor(() => sandbox!.messages('u2i-demo-coffee').at(-1)?.content.text === 'Как вы доставляете?', 'the buyer message');
    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);
    const said = await saying.done;
    expect(said.code).toBe(ExitCode.Ok);
    // From the coffee machine's own document, which the listing of this chat brings first.
    expect(said.stdout).toMatch(/\[u2i-demo-coffee\] Бот: [^[]*Отправляю Авито Доставкой/);
  });

  it('says which chats there are when the chat is unknown (exit 2), and how to start the sandbox when none answers (exit 6)', async () => {
    sandbox = await startDemoSandbox();
    const unknown = await runInProcess(['sandbox', 'say', 'u2i-nope', 'Привет', '--url', sandbox.url], { cwd: tmp() });
    expect(unknown.code).toBe(ExitCode.Usage);
    expect(unknown.stderr).toMatch(/^avito-ai: в песочнице нет чата u2i-nope; есть: u2i-demo-coffee, u2i-demo-vacuum, /);
    const url = sandbox.url;
    await sandbox.close();
    sandbox = undefined;
    const none = await runInProcess(['sandbox', 'say', 'u2i-demo-coffee', 'Привет', '--url', url], { cwd: tmp() });
    expect(none.code).toBe(ExitCode.Unavailable);
    expect(none.stderr).toContain(`avito-ai: песочница не отвечает на ${url}`);
    expect(none.stderr).toContain('avito-ai sandbox');
  });

  it('tells when the bot did not answer in time (exit 1)', async () => {
    sandbox = await startDemoSandbox();
    const said = await runInProcess(['sandbox', 'say', 'u2i-demo-coffee', 'Есть кто?', '--url', sandbox.url, '--wait', '1'], { cwd: tmp() });
    expect(said.code).toBe(ExitCode.Failure);
    expect(said.stdout).toContain('Бот не ответил за 1 с');
  });
});

/** `sandbox --chat` in-process, with its stdin a stream the test types into. */
async function startSandboxPrompt(cwd: string) {
  const stdin = new PassThrough();
  const stop = new AbortController();
  stops.push(stop);
  const running = startInProcess(['sandbox', '--chat', '--port', '0'], { cwd, stdin, signal: stop.signal });
  await waitFor(() => /работает: (http:\S+)/.test(running.stdout()), 'the sandbox banner');
  const url = /работает: (http:\S+)/.exec(running.stdout())?.[1] ?? '';
  const type = (line: string) => stdin.write(`${line}\n`);
  return { ...running, url, type, stdin, stop };
}

describe('sandbox --chat: the buyer prompt', () => {
  it('sends a typed line as the buyer of the current chat and shows the answer of a poll run against it', async () => {
    const cwd = tmp();
    const prompt = await startSandboxPrompt(cwd);
    expect(prompt.stdout()).toContain('1. u2i-demo-coffee — Кофемашина');
    expect(prompt.stdout()).toContain(`AVITO_API_URL=${prompt.url} AVITO_CLIENT_ID=sandbox-client`);
    const env = botEnv(prompt.url, cwd);
    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);

    prompt.type('Как вы доставляете?');
    await waitFor(() => prompt.stdout().includes('[u2i-demo-coffee] Покупатель: Как вы доставляете?'), 'the echoed buyer line');
    const before = prompt.stdout().length;
    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);
    await waitFor(() => prompt.stdout().includes('Бот:', before), 'the bot answer');
    expect(prompt.stdout().slice(before)).toMatch(/^\[u2i-demo-coffee\] Бот: [^[]*Отправляю Авито Доставкой/m);

    prompt.type('/выход');
    const result = await prompt.done;
    expect(result.code).toBe(ExitCode.Ok);
    expect(result.stdout).toContain('Песочница останавливается.');
  });

  it('switches chats, opens a new chat about a listing, and the bot answers there', async () => {
    const cwd = tmp();
    const prompt = await startSandboxPrompt(cwd);
    const env = botEnv(prompt.url, cwd);

    prompt.type('/чаты');
    prompt.type('/чат 2');
    await waitFor(() => prompt.stdout().includes('Теперь вы пишете в чат u2i-demo-vacuum'), 'the switch');
    expect(prompt.stdout()).toContain('[u2i-demo-vacuum] Покупатель: Добрый день, на пылесос есть гарантия?');
    // The list marks the chat lines went to before the switch.
    expect(prompt.stdout()).toMatch(/^\* 1\. u2i-demo-coffee/m);

    prompt.type('/новый');
    prompt.type('/новый 2');
    await waitFor(() => prompt.stdout().includes('Новый чат u2i-sandbox-1 об объявлении «Робот-пылесос'), 'the new chat');
    prompt.type('Какая гарантия на пылесос?');
    await waitFor(() => prompt.stdout().includes('[u2i-sandbox-1] Покупатель: Какая гарантия на пылесос?'), 'the buyer line');

    expect((await runInProcess(['poll', '--once'], { cwd, env })).code).toBe(ExitCode.Ok);
    await waitFor(() => prompt.stdout().includes('[u2i-sandbox-1] Бот:'), 'the bot answer in the new chat');
    expect(prompt.stdout()).toMatch(/\[u2i-sandbox-1\] Бот: Гарантия 12 месяцев/);

    prompt.type('/нетакой');
    await waitFor(() => prompt.stdout().includes('Нет команды /нетакой. Команды: /помощь'), 'the unknown command');
    prompt.stop.abort();
    expect((await prompt.done).code).toBe(ExitCode.Ok);
  });

  it('keeps serving when the typed input ends (a script), until stopped', async () => {
    const cwd = tmp();
    const prompt = await startSandboxPrompt(cwd);
    prompt.type('Как вы доставляете?');
    prompt.stdin.end();
    await waitFor(() => prompt.stdout().includes('Ввод закончился; песочница работает дальше'), 'the end of input');
    const poll = await runInProcess(['poll', '--once'], { cwd, env: botEnv(prompt.url, cwd) });
    expect(poll.code).toBe(ExitCode.Ok);
    await waitFor(() => prompt.stdout().includes('[u2i-demo-coffee] Бот:'), 'the bot answer after the input ended');
    prompt.stop.abort();
    expect((await prompt.done).code).toBe(ExitCode.Ok);
  });
});

describe('parseBuyerLine', () => {
  it.each([
    ['Есть доставка?', { kind: 'say', text: 'Есть доставка?' }],
    ['  ', { kind: 'nothing' }],
    ['//start', { kind: 'say', text: '/start' }],
    ['/чаты', { kind: 'chats' }],
    ['/chat', { kind: 'chats' }],
    ['/чат 3', { kind: 'switch', target: '3' }],
    ['/chat u2i-demo-bike', { kind: 'switch', target: 'u2i-demo-bike' }],
    ['/новый', { kind: 'new', listing: '' }],
    ['/new 4012345679', { kind: 'new', listing: '4012345679' }],
    ['/Помощь', { kind: 'help' }],
    ['/выход', { kind: 'quit' }],
    ['/купить', { kind: 'unknown', name: '/купить' }],
  ])('%j', (line, command) => {
    expect(parseBuyerLine(line)).toEqual(command);
  });
});
