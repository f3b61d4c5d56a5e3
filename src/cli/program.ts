/**
 * Wires the command line: commands, options, help. Each command's code is imported only when
 * it runs, so `--help` stays fast. Commands return an exit code; only `main.ts` exits.
 */
import { Command, CommanderError, Option } from 'commander';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { reportError } from './report-error.js';
import { isDebug } from '../config/config.js';
import type { CommandModule, GlobalOptions } from './command.js';
import { parseLang, setLang } from '../messages/index.js';
import { initText } from '../messages/init.js';
import { ENV_EXAMPLE } from './init/package-files.js';
import { mcpServerText } from '../messages/mcp-server.js';

export function createProgram(io: CliIo, version: string): Command {
  const program = describeProgram(new Command('avito-ai'), io, version);
  const run = createRunner(io);
  addDaemonCommands(program, run);
  addChatCommands(program, run);
  addSetupCommands(program, run);
  addAssistantCommands(program, run);
  return program;
}

function describeProgram(program: Command, io: CliIo, version: string): Command {
  program
    .description('Answers buyers in Avito Messenger from your own documents, and hands over to a human when it should.')
    .version(version, '-V, --version', 'print the version')
    .option('--env-file <path>', 'read settings from this file instead of ./.env')
    .option('--store <path>', 'the store file (STORE_PATH), default ./data/avito-ai.json')
    .option('--debug', 'show stack traces on errors (same as DEBUG=avito-ai)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line, like every other error: what is wrong, then where to look.
      outputError: (text, write) => write(`avito-ai: ${text.replace(/^error:\s*/, '').trim()} (see avito-ai --help)\n`),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ avito-ai demo                        try it with no keys: a local Avito sandbox and example documents
  $ avito-ai ask "Как доставляете?"      check what a buyer would be answered
  $ avito-ai poll                        the daemon: answer buyers every AVITO_POLL_INTERVAL seconds
  $ avito-ai serve                       the webhook daemon: answer within seconds, with a dashboard
  $ avito-ai poll --once --dry-run       show what one pass would send, send nothing

Settings come from .env, the environment and flags (see .env.example).`,
    );
  return program;
}

/** A command's action: loads its module only when it runs, so `--help` stays fast. */
type Run = (load: () => Promise<CommandModule>) => (this: Command, ...args: unknown[]) => Promise<void>;

function createRunner(io: CliIo): Run {
  return (load) =>
    async function (this: Command, ...args: unknown[]) {
      const command = args.at(-1) as Command;
      const globals = command.optsWithGlobals<GlobalOptions>();
      const debug = Boolean(globals.debug) || isDebug(io.env.DEBUG);
      try {
        const module = await load();
        io.exitCode = await module.default({ io, globals, args: args.slice(0, -2), options: command.opts() });
      } catch (error) {
        io.exitCode = reportError(error, io.stderr, debug || io.debug === true);
      }
    };
}

/** The daemons and what watches over them. */
function addDaemonCommands(program: Command, run: Run): void {
  program
    .command('poll')
    .description('the daemon: answer new buyer messages on every pass over your chats')
    .option('--once', 'make one pass and exit (for cron)')
    .option('--dry-run', 'decide and print what would be sent; send nothing, change nothing')
    .option('--interval <seconds>', 'seconds between passes (AVITO_POLL_INTERVAL, default 30)')
    .option('--concurrency <n>', 'chats handled at once (POLL_CONCURRENCY, default 4)')
    .addHelpText('after', '\nExamples:\n  $ avito-ai poll\n  $ avito-ai poll --once            # from cron\n  $ avito-ai poll --once --dry-run\n\nSIGINT/SIGTERM finish the chat in hand, save, and exit 0.')
    .action(run(() => import('./commands/poll.js')));
  program
    .command('serve')
    .description('the webhook daemon: Avito delivers new messages, buyers are answered within seconds; plus the monitor')
    .option('--host <address>', 'address the webhook listener binds (HOST, default 127.0.0.1)')
    .option('--port <port>', 'port of the webhook listener, what the HTTPS proxy forwards to (PORT, default 8080)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ avito-ai serve\n  $ avito-ai register-webhook        then, once: subscribe ${APP_BASE_URL}/avito/webhook/${AVITO_WEBHOOK_SECRET}\n\nThe webhook listener serves only the webhook and a bare /health.\nMonitor: its own listener on MONITOR_HOST:MONITOR_PORT (127.0.0.1:8081), always with a token: MONITOR_TOKEN,\nor one generated and kept in <store>.monitor-token; serve prints the ready dashboard link at start.\nSIGINT/SIGTERM answer the queued chats, save, and exit 0.',
    )
    .action(run(() => import('./commands/serve.js')));
  program
    .command('register-webhook [url]')
    .description("subscribe serve's webhook URL at Avito (default ${APP_BASE_URL}/avito/webhook/${AVITO_WEBHOOK_SECRET}), after checking it answers")
    .option('--list', 'show the subscribed URLs')
    .option('--remove <url>', 'unsubscribe a URL (a stale tunnel keeps receiving messages otherwise)')
    .option('--json', 'with --list: print JSON')
    .addHelpText('after', '\nExamples:\n  $ avito-ai register-webhook\n  $ avito-ai register-webhook --list\n  $ avito-ai register-webhook --remove https://old-tunnel.example.ru/avito/webhook/...')
    .action(run(() => import('./commands/register-webhook.js')));
  program
    .command('doctor')
    .description('check the settings, Avito keys and tariff, webhook, knowledge base, Telegram and the store; print each problem with its fix')
    .option('--json', 'print the checks as JSON')
    .addHelpText('after', '\nExamples:\n  $ avito-ai doctor\n  $ avito-ai doctor --env-file /etc/avito-ai/env\n\nSends nothing and changes nothing. Exits 1 when any check fails.')
    .action(run(() => import('./commands/doctor.js')));
  program
    .command('stats')
    .description('the figures of the monitor (/stats) from the store, without a server running')
    .option('--json', 'print JSON (the same object as GET /stats)')
    .addHelpText('after', '\nExample:\n  $ avito-ai stats --json')
    .action(run(() => import('./commands/stats.js')));
}

/** What a seller does in one chat, and what a buyer would be told. */
function addChatCommands(program: Command, run: Run): void {
  program
    .command('reply <chatId>')
    .description('answer one chat now, or send your own text to it as the seller')
    .option('--dry-run', 'show what would be sent; send nothing, change nothing')
    .option('--text <text>', 'send this text as the seller and pause the bot in the chat')
    .addHelpText('after', '\nExamples:\n  $ avito-ai reply u2i-abc123\n  $ avito-ai reply u2i-abc123 --text "Добрый день! Да, в наличии."')
    .action(run(() => import('./commands/reply.js')));
  program
    .command('ask <question>')
    .description('answer a question from the knowledge base, exactly as a buyer would be answered (no Avito keys needed)')
    .option('--item <id>', 'answer as in the chat about this listing (its documents first)')
    .option('--json', 'print one JSON object: status, answer, sources, engine, strategy, latency, tokens')
    .option('--knowledge-dir <dir>', 'the documents folder (KNOWLEDGE_DIR, default ./docs/knowledge)')
    .addOption(new Option('--engine <engine>', 'the knowledge engine (KNOWLEDGE_ENGINE)').choices(['local', 'gemini', 'gigachat', 'openai']))
    .addHelpText('after', '\nExamples:\n  $ avito-ai ask "Сколько стоит доставка?"\n  $ avito-ai ask "Есть гарантия?" --item 4012345679 --json')
    .action(run(() => import('./commands/ask.js')));
  program
    .command('pause [chatId]')
    .description('keep the bot silent in a chat, or on the whole account (--all)')
    .option('--all', 'answer no chat on the account until resume --all; questions wait unread for you')
    .option('--hours <n>', 'for how long (default: HUMAN_PAUSE_HOURS for a chat, until resume --all with --all)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ avito-ai pause u2i-abc123 --hours 24\n  $ avito-ai pause --all              nothing is answered until avito-ai resume --all\n  $ avito-ai pause --all --hours 3\n\nWorks while the daemon runs: it applies the request at the start of its next pass.',
    )
    .action(run(() => import('./commands/pause.js')));
  program
    .command('resume [chatId]')
    .description('let the bot answer in a paused or escalated chat again (from new messages on), or on the whole account (--all)')
    .option('--all', 'answer on the whole account again: lifts pause --all and the hold after another responder was found (stop that one first)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ avito-ai resume u2i-abc123\n  $ avito-ai resume --all\n\nAfter resume --all, questions that waited are answered if younger than REPLY_MAX_AGE_HOURS;\nchats you paused or answered by hand meanwhile stay paused.',
    )
    .action(run(() => import('./commands/resume.js')));
  program
    .command('chats')
    .description('list escalated and paused chats with their last activity')
    .option('--all', 'list every known chat')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  $ avito-ai chats')
    .action(run(() => import('./commands/chats.js')));
}

/** Knowledge, Telegram and trying it out. */
function addSetupCommands(program: Command, run: Run): void {
  const init = initText();
  program
    .command('init')
    .description(init.commandDescription)
    .option('--from-env', init.optionFromEnv)
    .addOption(new Option('--engine <engine>', init.optionEngine).choices(['local', 'gigachat', 'yandexgpt', 'openai', 'gemini']))
    .addOption(new Option('--mode <mode>', init.optionMode).choices(['poll', 'webhook']))
    .option('--telegram-wait <seconds>', init.optionTelegramWait)
    .option('--force', init.optionForce)
    .option('--no-doctor', init.optionNoDoctor)
    .addHelpText('after', init.helpAfter(ENV_EXAMPLE))
    .action(run(() => import('./commands/init.js')));
  program
    .command('sync-docs [dir]')
    .description('upload the knowledge folder to the Gemini File Search store (only what changed), or index it locally')
    .option('--prune', 'also delete uploaded documents whose files are gone')
    .option('--dry-run', 'list what would change; change nothing')
    .option('--list', "show the documents answers come from, with their listing and state")
    .option('--json', 'print the report as JSON')
    .addOption(new Option('--engine <engine>', 'the knowledge engine (KNOWLEDGE_ENGINE)').choices(['local', 'gemini', 'gigachat', 'openai']))
    .addHelpText(
      'after',
      '\nExamples:\n  $ avito-ai sync-docs                 upload ./docs/knowledge (KNOWLEDGE_DIR)\n  $ avito-ai sync-docs --dry-run --prune\n  $ avito-ai sync-docs --list',
    )
    .action(run(() => import('./commands/sync-docs.js')));
  program
    .command('telegram-id')
    .description('show the ids of the Telegram chats that wrote to your bot (for TELEGRAM_OWNER_CHAT_ID)')
    .option('--wait <seconds>', 'how long to wait for a message (default 60)')
    .addHelpText('after', '\nExample:\n  $ avito-ai telegram-id      then write /start to your bot')
    .action(run(() => import('./commands/telegram-id.js')));
  program
    .command('demo')
    .description('no keys, no network: a local Avito sandbox with buyer chats, answered from docs/examples/knowledge')
    .option('--knowledge-dir <dir>', 'answer from this folder instead of the examples')
    .addHelpText('after', '\nExample:\n  $ avito-ai demo')
    .action(run(() => import('./commands/demo.js')));
  const sandbox = program
    .command('sandbox')
    .description('a local Avito API to try avito-ai on without an account: you write as the buyer, the bot answers')
    .option('--scenario <file>', 'seed chats from this JSON scenario (default: the demo chats; format in README)')
    .option('--port <port>', 'port to listen on (default 8090; 0: any free port)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--chat', 'write as the buyer at a prompt here (the default when you type at a terminal)')
    .option('--no-chat', 'no prompt: only show what buyers and the bot write')
    .addHelpText(
      'after',
      `
Examples:
  $ avito-ai sandbox
  then, in another shell, the bot against it:
  $ AVITO_API_URL=http://127.0.0.1:8090 AVITO_CLIENT_ID=sandbox-client AVITO_CLIENT_SECRET=sandbox-secret avito-ai poll --interval 3 --store data/avito-ai-sandbox.json
  and type as the buyer at the sandbox's prompt ("Покупатель (u2i-demo-coffee)> "), or from a third shell:
  $ avito-ai sandbox say u2i-demo-coffee "Есть доставка в Казань?" --wait 60

At the prompt: /чаты lists the chats, /чат 2 switches, /новый 2 opens a chat about a listing, /помощь, /выход.`,
    )
    .action(run(() => import('./commands/sandbox.js')));
  sandbox
    .command('say <chat> <text...>')
    .description('write into a chat of a running sandbox as its buyer (from another shell)')
    .option('--url <url>', 'where the sandbox listens (default http://127.0.0.1:8090)')
    .option('--wait <seconds>', "wait up to this long for the bot's answer and print it")
    .addHelpText(
      'after',
      '\nExamples:\n  $ avito-ai sandbox say u2i-demo-coffee "Есть доставка в Казань?"\n  $ avito-ai sandbox say u2i-demo-vacuum "А гарантия какая?" --wait 60 --url http://127.0.0.1:8091',
    )
    .action(run(() => import('./commands/sandbox-say.js')));
}

/** The seller's commands for an AI assistant. */
function addAssistantCommands(program: Command, run: Run): void {
  const t = mcpServerText();
  program.command('mcp').description(t.commandDescription).addHelpText('after', t.commandHelp).action(run(() => import('./commands/mcp.js')));
}

/** Parses and runs; returns the exit code instead of exiting. */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<ExitCode> {
  // Before any text is made: the help, the errors and the messages all read the language.
  setLang(parseLang(io.env.AVITO_AI_LANG));
  const program = createProgram(io, version);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return ExitCode.Ok;
      return ExitCode.Usage;
    }
    return reportError(error, io.stderr, isDebug(io.env.DEBUG));
  }
  return io.exitCode;
}
