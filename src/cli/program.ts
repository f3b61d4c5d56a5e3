/**
 * Wires the command line: commands, options, help. Each command's code is imported only when
 * it runs, so `--help` stays fast. Commands return an exit code; only `main.ts` exits.
 */
import { accountsText } from '../messages/accounts.js';
import { Command, CommanderError, Option, type HelpConfiguration } from 'commander';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { formatCommanderError, reportError } from './report-error.js';
import { isDebug } from '../config/config.js';
import type { CommandModule, GlobalOptions } from './command.js';
import { parseLang, setLang } from '../messages/index.js';
import { helpText } from '../messages/help.js';
import { initText } from '../messages/init.js';
import { ENV_EXAMPLE } from '../package-files.js';
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
  const t = helpText();
  program
    .description(t.program)
    .version(version, '-V, --version', t.version)
    .helpOption('-h, --help', t.helpOption)
    .helpCommand('help [command]', t.helpCommand)
    .configureHelp(translateHelp())
    .option('--env-file <path>', t.envFile)
    .option('--store <path>', t.store)
    .option('--debug', t.debug)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line, like every other error: what is wrong, then where to look.
      outputError: (text, write) => write(`${formatCommanderError(text)}\n`),
    })
    .addHelpText('after', t.programAfter(ENV_EXAMPLE));
  return program;
}

/** Commander's headings and its notes on choices and defaults, in the seller's language. */
function translateHelp(): HelpConfiguration {
  const t = helpText();
  const headings: Record<string, string> = { 'Usage:': t.usage, 'Options:': t.options, 'Commands:': t.commands, 'Arguments:': t.arguments, 'Global Options:': t.globalOptions };
  return {
    styleTitle: (title) => headings[title] ?? title,
    styleUsage: (usage) => translateUsage(usage, t),
    styleSubcommandTerm: (term) => translateUsage(term, t),
    optionDescription: (option) => {
      const notes = [
        ...(option.argChoices ? [t.choices(option.argChoices.join(', '))] : []),
        ...((option.required || option.optional) && option.defaultValue !== undefined ? [t.defaultValue(option.defaultValueDescription ?? String(option.defaultValue))] : []),
      ];
      return notes.length > 0 ? `${option.description} (${notes.join(', ')})` : option.description;
    },
  };
}

function translateUsage(usage: string, t: ReturnType<typeof helpText>): string {
  return usage.replace('[options]', t.optionsWord).replace('[command]', t.commandWord);
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
  const t = helpText();
  program
    .command('poll')
    .description(t.poll)
    .option('--once', t.pollOnce)
    .option('--dry-run', t.pollDryRun)
    .option('--interval <seconds>', t.pollInterval)
    .option('--concurrency <n>', t.pollConcurrency)
    .addHelpText('after', t.pollAfter)
    .action(run(() => import('./commands/poll.js')));
  program
    .command('serve')
    .description(t.serve)
    .option('--host <address>', t.serveHost)
    .option('--port <port>', t.servePort)
    .addHelpText('after', t.serveAfter)
    .action(run(() => import('./commands/serve.js')));
  program
    .command('register-webhook [url]')
    .description(t.registerWebhook)
    .option('--account <name>', accountsText().accountOption)
    .option('--list', t.registerList)
    .option('--remove <url>', t.registerRemove)
    .option('--json', t.registerJson)
    .addHelpText('after', t.registerAfter)
    .action(run(() => import('./commands/register-webhook.js')));
  program
    .command('doctor')
    .description(t.doctor)
    .option('--json', t.doctorJson)
    .addHelpText('after', t.doctorAfter)
    .action(run(() => import('./commands/doctor.js')));
  program
    .command('stats')
    .description(t.stats)
    .option('--account <name>', accountsText().accountOption)
    .option('--json', t.statsJson)
    .addHelpText('after', t.statsAfter)
    .action(run(() => import('./commands/stats.js')));
}

/** What a seller does in one chat, and what a buyer would be told. */
function addChatCommands(program: Command, run: Run): void {
  const t = helpText();
  program
    .command('reply <chatId>')
    .description(t.reply)
    .option('--account <name>', accountsText().accountOption)
    .option('--dry-run', t.replyDryRun)
    .option('--text <text>', t.replyText)
    .addHelpText('after', t.replyAfter)
    .action(run(() => import('./commands/reply.js')));
  program
    .command('ask <question>')
    .description(t.ask)
    .option('--account <name>', accountsText().accountOption)
    .option('--item <id>', t.askItem)
    .option('--json', t.askJson)
    .option('--knowledge-dir <dir>', t.knowledgeDir)
    .addOption(new Option('--engine <engine>', t.engine).choices(['local', 'gemini', 'gigachat', 'openai']))
    .addHelpText('after', t.askAfter)
    .action(run(() => import('./commands/ask.js')));
  program
    .command('pause [chatId]')
    .description(t.pause)
    .option('--account <name>', accountsText().accountOption)
    .option('--all', t.pauseAll)
    .option('--hours <n>', t.pauseHours)
    .addHelpText('after', t.pauseAfter)
    .action(run(() => import('./commands/pause.js')));
  program
    .command('resume [chatId]')
    .description(t.resume)
    .option('--account <name>', accountsText().accountOption)
    .option('--all', t.resumeAll)
    .addHelpText('after', t.resumeAfter)
    .action(run(() => import('./commands/resume.js')));
  program
    .command('chats')
    .description(t.chats)
    .option('--account <name>', accountsText().accountOption)
    .option('--all', t.chatsAll)
    .option('--json', t.json)
    .addHelpText('after', t.chatsAfter)
    .action(run(() => import('./commands/chats.js')));
}

/** Knowledge, Telegram and trying it out. */
function addSetupCommands(program: Command, run: Run): void {
  const t = helpText();
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
    .description(t.syncDocs)
    .option('--account <name>', accountsText().accountOption)
    .option('--prune', t.syncPrune)
    .option('--dry-run', t.syncDryRun)
    .option('--list', t.syncList)
    .option('--json', t.syncJson)
    .addOption(new Option('--engine <engine>', t.engine).choices(['local', 'gemini', 'gigachat', 'openai']))
    .addHelpText('after', t.syncAfter)
    .action(run(() => import('./commands/sync-docs.js')));
  program
    .command('telegram-id')
    .description(t.telegramId)
    .option('--wait <seconds>', t.telegramWait)
    .addHelpText('after', t.telegramAfter)
    .action(run(() => import('./commands/telegram-id.js')));
  program
    .command('demo')
    .description(t.demo)
    .option('--knowledge-dir <dir>', t.demoKnowledgeDir)
    .addHelpText('after', t.demoAfter)
    .action(run(() => import('./commands/demo.js')));
  const sandbox = program
    .command('sandbox')
    .description(t.sandbox)
    .option('--scenario <file>', t.sandboxScenario)
    .option('--port <port>', t.sandboxPort)
    .option('--host <host>', t.sandboxHost, '127.0.0.1')
    .option('--chat', t.sandboxChat)
    .option('--no-chat', t.sandboxNoChat)
    .addHelpText('after', t.sandboxAfter)
    .action(run(() => import('./commands/sandbox.js')));
  sandbox
    .command('say <chat> <text...>')
    .description(t.sandboxSay)
    .option('--url <url>', t.sandboxSayUrl)
    .option('--wait <seconds>', t.sandboxSayWait)
    .addHelpText('after', t.sandboxSayAfter)
    .action(run(() => import('./commands/sandbox-say.js')));
}

/** The seller's commands for an AI assistant. */
function addAssistantCommands(program: Command, run: Run): void {
  const t = mcpServerText();
  program.command('mcp').description(t.commandDescription).option('--account <name>', accountsText().accountOption).addHelpText('after', t.commandHelp).action(run(() => import('./commands/mcp.js')));
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
