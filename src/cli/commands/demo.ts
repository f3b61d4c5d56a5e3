/**
 * `avito-ai demo`: no keys, no network. Starts the Avito sandbox with a few buyer chats, runs the
 * same poll pass the daemon runs (real HTTP over loopback, the real store, the local engine on the
 * example documents), and prints each conversation as the buyer sees it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paintFor } from '../paint.js';
import { resolveConfig } from '../../config/config.js';
import { runPollPass } from '../../core/poll.js';
import type { ChatOutcome } from '../../core/responder.js';
import type { Notification } from '../../core/ports.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { createLogger } from '../logger.js';
import { createEngineFor, createMessengerFor, createResponderFor, openStoreFor } from '../services.js';

/** The package root, whether running from src/ (tests) or dist/ (installed). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEMO_SCENARIO = join(ROOT, 'docs/examples/demo-scenario.json');
export const DEMO_KNOWLEDGE = join(ROOT, 'docs/examples/knowledge');

const LABELS: Record<string, string> = {
  FOUND: 'ответ из документов',
  NOT_FOUND: 'в документах нет ответа',
  ESCALATION: 'передано менеджеру',
  NON_TEXT: 'просьба написать текстом',
  ENGINE_FAILED: 'база знаний недоступна',
};

export default async function demo(context: CommandContext): Promise<ExitCode> {
  const out = context.io.stdout;
  const c = paintFor(out);
  const { startSandbox, parseScenario } = await import('../../avito/sandbox/index.js');
  const knowledgeDir = context.options.knowledgeDir ? String(context.options.knowledgeDir) : DEMO_KNOWLEDGE;
  const sandbox = await startSandbox({ scenario: parseScenario(JSON.parse(await readFile(DEMO_SCENARIO, 'utf8'))) });
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
    const logger = createLogger({ format: 'text', level: 'error', stream: context.io.stderr });
    const store = await openStoreFor(config);
    const notices: Notification[] = [];
    try {
      const messenger = await createMessengerFor(config, store, logger);
      // The demo answers from its example folder, whatever engine the shell's environment picks.
      const engine = await createEngineFor(config, { engine: 'local' });
      const responder = createResponderFor(config, { messenger, store, engine, notifier: { notify: (n) => notices.push(n) } });
      const outcomes = new Map<string, ChatOutcome[]>();
      const pass = async (): Promise<void> => {
        await runPollPass({
          messenger,
          store,
          responder,
          clock: { now: () => Date.now() },
          concurrency: 4,
          onOutcome: (o) => outcomes.set(o.chatId, [...(outcomes.get(o.chatId) ?? []), o]),
        });
      };

      out.write(`${c.bold('avito-ai demo')}: локальная песочница Avito (${sandbox.url}), документы из ${knowledgeDir}\n`);
      out.write(c.gray('Бот отвечает покупателям только тем, что написано в документах продавца.\n'));
      await pass();

      // Second act: the buyers write again, as they do; the daemon's next pass picks it up.
      sandbox.addMessage('u2i-demo-coffee', { text: 'А сколько стоит доставка в Казань?' });
      sandbox.addMessage('u2i-demo-takeover', { text: 'Спасибо, буду в 19:00' });
      await pass();

      for (const chat of parseScenario(JSON.parse(await readFile(DEMO_SCENARIO, 'utf8'))).chats) {
        const title = chat.context?.value.title ?? chat.id;
        out.write(`\n${c.bold(`── ${title}`)} ${c.gray(`(${chat.id})`)}\n`);
        const chatOutcomes = outcomes.get(chat.id) ?? [];
        for (const message of sandbox.messages(chat.id)) {
          const raw = typeof message.content?.text === 'string' ? message.content.text : `[${message.type}]`;
          // Continuation lines line up under the first one.
          const text = raw.replace(/\n+/g, '\n       ');
          if (message.type === 'system') {
            out.write(`  ${c.gray(`(системное: ${text} — бот такие не отвечает)`)}\n`);
          } else if (message.direction === 'in') {
            out.write(`  ${c.cyan('Покупатель:')} ${text}\n`);
          } else {
            const answered = chatOutcomes.find((o) => o.action === 'answered' && o.reply.includes(raw));
            if (answered && answered.action === 'answered') {
              const sources = answered.sources.length ? `: ${answered.sources.join(', ')}` : '';
              out.write(`  ${c.green('Бот:')} ${text}\n  ${c.gray(`   [${answered.status} — ${LABELS[answered.status] ?? answered.status}${sources}]`)}\n`);
            } else {
              out.write(`  ${c.yellow('Продавец (вручную):')} ${text}\n`);
            }
          }
        }
        for (const notice of notices.filter((n) => 'chatId' in n && n.chatId === chat.id)) {
          if (notice.kind === 'takeover') out.write(`  ${c.yellow('→ продавец ответил сам: бот молчит в этом чате 12 ч')}\n`);
          if (notice.kind === 'escalation') out.write(`  ${c.yellow('→ эскалация: чат помечен и оставлен непрочитанным для продавца, бот молчит до команды resume')}\n`);
        }
      }
      const counters = store.counters();
      out.write(
        `\n${c.bold('Итого')}: отправлено ответов ${counters.repliesSent}, из документов ${counters.found}, «нет в базе» ${counters.notFound}, эскалаций ${counters.escalations}, перехватов продавцом ${counters.takeovers}\n`,
      );
      out.write(c.gray(`Запросов к Avito API: ${sandbox.requests.length}. Проверьте свой вопрос: avito-ai ask "…" --knowledge-dir ${knowledgeDir}\n`));
    } finally {
      await store.close();
    }
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
  return ExitCode.Ok;
}
