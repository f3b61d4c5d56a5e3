/**
 * `avito-ai sandbox`: a local Avito API to try avito-ai against without an Avito account. A person
 * writes as the buyer (at the prompt, or with `sandbox say` from another shell) and sees here what
 * the bot, a `poll` or `serve` pointed at the sandbox, answers.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Sandbox, SandboxMessageEvent, SandboxScenario } from '../../avito/sandbox/index.js';
import { UsageError } from '../../errors.js';
import { createBuyerSession, describeChat, describeContent, formatChatLine, isTerminal, startBuyerPrompt } from '../buyer-prompt.js';
import type { BuyerPrompt } from '../buyer-prompt.js';
import type { CommandContext } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import type { OutputStream } from '../io.js';
import { paintFor } from '../paint.js';
import { DEMO_KNOWLEDGE, DEMO_SCENARIO } from './demo.js';
import { sandboxText } from '../../messages/sandbox.js';

/** Fixed, so that `sandbox say` finds the sandbox without being told where. */
export const DEFAULT_SANDBOX_PORT = 8090;

export default async function sandbox(context: CommandContext): Promise<ExitCode> {
  const { io, options } = context;
  const file = options.scenario ? resolve(io.cwd, String(options.scenario)) : DEMO_SCENARIO;
  const scenario = await readScenario(file);
  const port = parsePort(options.port);
  const host = String(options.host ?? '127.0.0.1');
  const server = await listen(scenario, host, port);
  const out = io.stdout;
  const c = paintFor(out);
  // The prompt by default only where someone is typing; --chat asks for it from a pipe too.
  const chat = io.stdin !== undefined && (options.chat === undefined ? io.stdin.isTTY === true : Boolean(options.chat));
  printBanner(out, c, server, { file, chat, usesDemo: file === DEMO_SCENARIO, port });
  let prompt: BuyerPrompt | undefined;
  if (chat && io.stdin !== undefined) {
    const session = createBuyerSession(server, c, { echo: !isTerminal(io.stdin, out) });
    prompt = startBuyerPrompt(io.stdin, out, session, c);
  }
  const stopWatching = server.onMessage((event) => {
    const line = describeEvent(c, event);
    if (line === undefined) return;
    if (prompt === undefined) out.write(`${line}\n`);
    else prompt.print(line);
  });
  await waitForStop(io.signal, prompt?.quit);
  prompt?.close();
  stopWatching();
  await server.close();
  return ExitCode.Ok;
}

async function readScenario(file: string): Promise<SandboxScenario> {
  const { parseScenario, ScenarioError } = await import('../../avito/sandbox/index.js');
  const text = sandboxText();
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(text.scenarioUnreadable(file, (error as Error).message));
  }
  try {
    return parseScenario(raw);
  } catch (error) {
    const problem = error instanceof ScenarioError ? `${error.path} ${error.problem}` : (error as Error).message;
    throw new UsageError(text.scenarioInvalid(file, problem), { hint: text.scenarioInvalidHint });
  }
}

function parsePort(value: unknown): number {
  if (value === undefined) return DEFAULT_SANDBOX_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(sandboxText().portMalformed(String(value)));
  }
  return port;
}

async function listen(scenario: SandboxScenario, host: string, port: number): Promise<Sandbox> {
  const { startSandbox } = await import('../../avito/sandbox/index.js');
  try {
    return await startSandbox({ scenario, host, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new UsageError(sandboxText().portTaken(port, host), { hint: sandboxText().portTakenHint(port + 1) });
    }
    throw new UsageError(sandboxText().cannotListen(`${host}:${port}`, (error as Error).message));
  }
}

/** What a buyer and the bot wrote, as the sandbox terminal shows it; the prompt's own lines it shows itself. */
function describeEvent(c: ChalkInstance, event: SandboxMessageEvent): string | undefined {
  if (event.origin === 'handle') return undefined;
  const text = describeContent(event.message.type, typeof event.message.content.text === 'string' ? event.message.content.text : undefined);
  return formatChatLine(c, event.chatId, event.origin === 'avito-api' ? 'bot' : 'buyer', text);
}

/** Where another shell on this machine reaches the sandbox, even when it listens on every address. */
function localUrl(server: Sandbox): string {
  return server.url.replace(/\/\/(0\.0\.0\.0|\[::\])(?=:)/, '//127.0.0.1');
}

function printBanner(out: OutputStream, c: ChalkInstance, server: Sandbox, how: { file: string; chat: boolean; usesDemo: boolean; port: number }): void {
  const { clientId, clientSecret } = server.credentials;
  const chats = server.chats();
  const text = sandboxText();
  out.write(`${c.bold(text.running)} ${server.url} ${c.gray(text.chatsFrom(how.file))}\n`);
  out.write(`${text.chats}\n`);
  chats.forEach((chat, index) => out.write(`  ${index + 1}. ${describeChat(chat)}\n`));
  if (chats.length === 0) out.write(`${text.noChats}\n`);
  out.write(`\n${text.runBot}\n`);
  const knowledge = how.usesDemo ? `KNOWLEDGE_DIR=${DEMO_KNOWLEDGE} ` : '';
  out.write(
    `  ${knowledge}AVITO_API_URL=${localUrl(server)} AVITO_CLIENT_ID=${clientId} AVITO_CLIENT_SECRET=${clientSecret} avito-ai poll --interval 3 --store data/avito-ai-sandbox.json\n`,
  );
  out.write(`${c.gray(text.storeNote)}\n`);
  if (how.usesDemo) out.write(`${c.gray(text.knowledgeNote)}\n`);
  out.write('\n');
  if (how.chat) {
    out.write(`${text.writeHere}\n`);
    return;
  }
  const example = chats.find((chat) => chat.buyer !== undefined)?.id ?? text.chatPlaceholder;
  const url = how.port === DEFAULT_SANDBOX_PORT && !/0\.0\.0\.0|\[::\]/.test(server.url) ? '' : ` --url ${localUrl(server)}`;
  out.write(`${text.writeElsewhere(`avito-ai sandbox say ${example} "${text.exampleQuestion}"${url} --wait 60`)}\n`);
  out.write(`${text.stopHint}\n`);
}

function waitForStop(signal: AbortSignal, quit: Promise<void> | undefined): Promise<void> {
  return new Promise<void>((done) => {
    if (signal.aborted) return done();
    signal.addEventListener('abort', () => done(), { once: true });
    void quit?.then(done);
  });
}
