/**
 * `avito-ai init`: the guided setup. Asks in the seller's language for the Avito keys (checked at once),
 * the engine, Telegram and the mode, then writes `.env` (0600, atomically, the old one kept) and a
 * documents folder with an example, and ends with `doctor`. `--from-env` does the same without questions.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { DEFAULTS, type ConfigKey } from '../../config/config.js';
import { UsageError } from '../../errors.js';
import { initText } from '../../messages/init.js';
import { parsePositiveInt, type CommandContext } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { createLogger, type Logger } from '../logger.js';
import { paintFor } from '../paint.js';
import { configOf } from '../init/checks.js';
import { readEnvValues, renderEnvFile, writeEnvFile, type EnvValues } from '../init/env-file.js';
import { CARRIED_FROM_ENVIRONMENT, runInterview } from '../init/interview.js';
import { prepareKnowledgeFolder } from '../init/knowledge-folder.js';
import { ENV_EXAMPLE } from '../../package-files.js';
import { createPrompter, InitAborted } from '../init/prompter.js';
import { confirm } from '../init/questions.js';
import { collectFromEnvironment } from '../init/unattended.js';

type Answers = { state: 'answered'; values: EnvValues } | { state: 'kept' } | { state: 'aborted' };

export default async function init(context: CommandContext): Promise<ExitCode> {
  const { io, options } = context;
  const envPath = resolve(io.cwd, context.globals.envFile ?? '.env');
  const old = await readEnvValues(envPath);
  // Retries and discoveries of the checks would break into the questions: warnings and worse only.
  const logger = createLogger({ format: 'text', level: 'warn', stream: io.stderr });
  const answers = options.fromEnv ? await readEnvironment(context, envPath, old, logger) : await askSeller(context, envPath, old, logger);
  if (answers.state === 'kept') return ExitCode.Ok;
  if (answers.state === 'aborted') return ExitCode.Failure;
  await saveSettings(context, envPath, answers.values);
  if (options.doctor !== false) {
    io.stdout.write(initText().doctorTitle);
    const { default: doctor } = await import('./doctor.js');
    await doctor({ ...context, globals: { ...context.globals, envFile: envPath }, options: {} });
  }
  printNextSteps(context, answers.values);
  return ExitCode.Ok;
}

async function readEnvironment(context: CommandContext, envPath: string, old: EnvValues | undefined, logger: Logger): Promise<Answers> {
  const { io, options } = context;
  const t = initText();
  if (old !== undefined && !options.force) throw new UsageError(t.envExists(envPath), { hint: t.envExistsHint });
  const telegramWaitSeconds = parsePositiveInt(options.telegramWait, '--telegram-wait') ?? 60;
  const values = await collectFromEnvironment(
    { env: io.env, cwd: io.cwd, out: io.stdout, c: paintFor(io.stdout), logger, signal: io.signal },
    {
      telegramWaitSeconds,
      ...(options.engine === undefined ? {} : { engine: String(options.engine) }),
      ...(options.mode === undefined ? {} : { mode: String(options.mode) }),
    },
  );
  return { state: 'answered', values };
}

/** The guided form: the old file's settings stay unless a question changes them. */
async function askSeller(context: CommandContext, envPath: string, old: EnvValues | undefined, logger: Logger): Promise<Answers> {
  const { io } = context;
  const t = initText();
  if (io.stdin === undefined) throw new UsageError(t.noInput, { hint: t.noInputHint });
  const out = io.stdout;
  const prompter = createPrompter(io.stdin, out, io.signal);
  try {
    out.write(t.intro(envPath));
    if (old !== undefined) {
      out.write(`${t.existing(envPath)}\n`);
      if (!(await confirm(prompter, t.replaceQuestion, false))) {
        out.write(`${t.keptExisting(envPath)}\n`);
        return { state: 'kept' };
      }
    }
    const suggestions = { ...old, ...pick(io.env, Object.keys(DEFAULTS) as ConfigKey[]) };
    const start = { ...old, ...pick(io.env, CARRIED_FROM_ENVIRONMENT) };
    const values = await runInterview({ prompter, out, c: paintFor(out), cwd: io.cwd, logger, old: suggestions }, start);
    return { state: 'answered', values };
  } catch (error) {
    if (!(error instanceof InitAborted)) throw error;
    out.write(`${t.aborted}\n`);
    return { state: 'aborted' };
  } finally {
    prompter.close();
  }
}

function pick(env: Record<string, string | undefined>, keys: readonly string[]): EnvValues {
  const picked: EnvValues = {};
  for (const key of keys) {
    const value = env[key]?.trim();
    if (value) picked[key] = value;
  }
  return picked;
}

/** `.env` from the shipped template, then the documents folder; the answers are checked once more before. */
async function saveSettings(context: CommandContext, envPath: string, values: EnvValues): Promise<void> {
  const { io } = context;
  const t = initText();
  const config = configOf(values, io.cwd);
  const content = renderEnvFile(await readFile(ENV_EXAMPLE, 'utf8'), values, t.header(new Date().toISOString().slice(0, 10)));
  const { backup } = await writeEnvFile(envPath, content);
  io.stdout.write(`${t.written(envPath)}\n`);
  if (backup) io.stdout.write(`${t.backedUp(backup)}\n`);
  const folder = await prepareKnowledgeFolder(config.knowledge.dir);
  const dir = shorten(io.cwd, config.knowledge.dir);
  if (folder.state === 'created') io.stdout.write(`${t.knowledgeCreated(dir, shorten(io.cwd, folder.example))}\n`);
  else io.stdout.write(`${t.knowledgeKept(dir, folder.files)}\n`);
}

/** A path under the working folder as the seller would type it. */
function shorten(cwd: string, path: string): string {
  const near = relative(cwd, path);
  return near.startsWith('..') || near === '' ? path : near;
}

function printNextSteps(context: CommandContext, values: EnvValues): void {
  const t = initText();
  const lines = [t.nextTitle];
  if (values.KNOWLEDGE_ENGINE === 'gemini') lines.push(t.nextSyncDocs);
  lines.push(t.nextAsk);
  if (values.AVITO_WEBHOOK_SECRET) lines.push(t.nextServe);
  else lines.push(t.nextDryRun, t.nextPoll);
  context.io.stdout.write(`${lines.join('\n')}\n`);
}
