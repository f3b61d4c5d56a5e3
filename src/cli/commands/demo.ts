/**
 * `avito-ai demo`: no keys, no network. Starts the Avito sandbox with a few buyer chats, runs the
 * same poll pass the daemon runs (real HTTP over loopback, the real store, the local engine on the
 * example documents), and prints each conversation as the buyer sees it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChalkInstance } from 'chalk';
import type { Sandbox } from '../../avito/sandbox/index.js';
import { paintFor } from '../paint.js';
import { resolveConfig, type Config } from '../../config/config.js';
import { runPollPass } from '../../core/poll.js';
import type { ChatOutcome } from '../../core/responder.js';
import type { Notification, Store } from '../../core/ports.js';
import { ExitCode } from '../exit-codes.js';
import type { OutputStream } from '../io.js';
import type { CommandContext } from '../command.js';
import { createLogger } from '../logger.js';
import { createEngineFor, createMessengerFor, createResponderFor, openStoreFor } from '../services.js';
import { demoText } from '../../messages/demo.js';

/** The package root, whether running from src/ (tests) or dist/ (installed). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEMO_SCENARIO = join(ROOT, 'docs/examples/demo-scenario.json');
export const DEMO_KNOWLEDGE = join(ROOT, 'docs/examples/knowledge');

function describeStatuses(): Record<string, string> {
  const t = demoText();
  return { FOUND: t.statusFound, NOT_FOUND: t.statusNotFound, ESCALATION: t.statusEscalation, NON_TEXT: t.statusNonText, ENGINE_FAILED: t.statusEngineFailed };
}

export default async function demo(context: CommandContext): Promise<ExitCode> {
  const out = context.io.stdout;
  const c = paintFor(out);
  const { startSandbox, parseScenario } = await import('../../avito/sandbox/index.js');
  const knowledgeDir = context.options.knowledgeDir ? String(context.options.knowledgeDir) : DEMO_KNOWLEDGE;
  const scenario = parseScenario(JSON.parse(await readFile(DEMO_SCENARIO, 'utf8')));
  const sandbox = await startSandbox({ scenario });
  const dir = await mkdtemp(join(tmpdir(), 'avito-ai-demo-'));
  try {
    // Built-in defaults only: the demo shows the product as shipped, whatever .env says.
    const config = resolveConfig({
      env: {},
      cwd: context.io.cwd,
      skipEnvFile: true,
      flags: {
        AVITO_API_URL: sandbox.url,
        AVITO_CLIENT_ID: sandbox.credentials.clientId,
        AVITO_CLIENT_SECRET: sandbox.credentials.clientSecret,
        STORE_PATH: join(dir, 'avito-ai.json'),
        KNOWLEDGE_DIR: knowledgeDir,
      },
    });
    const store = await openStoreFor(config);
    try {
      const t = demoText();
      out.write(`${c.bold('avito-ai demo')}: ${t.intro(sandbox.url, knowledgeDir)}\n`);
      out.write(`${c.gray(t.promise)}\n`);
      const run = await runDemo(context, config, store, sandbox);
      for (const chat of scenario.chats) printChat(out, c, chat.id, chat.context?.value.title ?? chat.id, sandbox, run);
      const counters = store.counters();
      out.write(`\n${c.bold(t.totalsTitle)}: ${t.totals(counters.repliesSent, counters.found, counters.notFound, counters.escalations, counters.takeovers)}\n`);
      out.write(`${c.gray(t.requests(sandbox.requests.length, knowledgeDir))}\n`);
    } finally {
      await store.close();
    }
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
  return ExitCode.Ok;
}

interface DemoRun {
  outcomes: Map<string, ChatOutcome[]>;
  notices: Notification[];
}

/** Two poll passes, as the daemon makes them, with the buyers writing again in between. */
async function runDemo(context: CommandContext, config: Config, store: Store, sandbox: Sandbox): Promise<DemoRun> {
  const logger = createLogger({ format: 'text', level: 'error', stream: context.io.stderr });
  const run: DemoRun = { outcomes: new Map(), notices: [] };
  const messenger = await createMessengerFor(config, store, logger);
  // The demo answers from its example folder, whatever engine the shell's environment picks.
  const engine = await createEngineFor(config, { engine: 'local' });
  const responder = createResponderFor(config, { messenger, store, engine, notifier: { notify: (n) => run.notices.push(n) } });
  const pass = async (): Promise<void> => {
    await runPollPass({
      messenger,
      store,
      responder,
      clock: { now: () => Date.now() },
      concurrency: 4,
      onOutcome: (o) => run.outcomes.set(o.chatId, [...(run.outcomes.get(o.chatId) ?? []), o]),
    });
  };
  await pass();
  sandbox.addMessage('u2i-demo-coffee', { text: 'А сколько стоит доставка в Казань?' });
  sandbox.addMessage('u2i-demo-takeover', { text: 'Спасибо, буду в 19:00' });
  await pass();
  return run;
}

/** One conversation as the buyer sees it, each bot line with the status and sources behind it. */
function printChat(out: OutputStream, c: ChalkInstance, chatId: string, title: string, sandbox: Sandbox, run: DemoRun): void {
  const t = demoText();
  const statuses = describeStatuses();
  out.write(`\n${c.bold(`── ${title}`)} ${c.gray(`(${chatId})`)}\n`);
  const chatOutcomes = run.outcomes.get(chatId) ?? [];
  for (const message of sandbox.messages(chatId)) {
    const raw = typeof message.content?.text === 'string' ? message.content.text : `[${message.type}]`;
    // Continuation lines line up under the first one.
    const text = raw.replace(/\n+/g, '\n       ');
    if (message.type === 'system') {
      out.write(`  ${c.gray(t.system(text))}\n`);
    } else if (message.direction === 'in') {
      out.write(`  ${c.cyan(t.buyer)} ${text}\n`);
    } else {
      const answered = chatOutcomes.find((o) => o.action === 'answered' && o.reply.includes(raw));
      if (answered && answered.action === 'answered') {
        const sources = answered.sources.length ? `: ${answered.sources.join(', ')}` : '';
        out.write(`  ${c.green(t.bot)} ${text}\n  ${c.gray(`   [${answered.status} — ${statuses[answered.status] ?? answered.status}${sources}]`)}\n`);
      } else {
        out.write(`  ${c.yellow(t.seller)} ${text}\n`);
      }
    }
  }
  for (const notice of run.notices.filter((n) => 'chatId' in n && n.chatId === chatId)) {
    if (notice.kind === 'takeover') out.write(`  ${c.yellow(t.takeover)}\n`);
    if (notice.kind === 'escalation') out.write(`  ${c.yellow(t.escalation)}\n`);
  }
}
