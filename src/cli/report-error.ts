/**
 * The CLI edge: any error becomes one clear line (and a hint) on stderr and an exit code;
 * the stack only with DEBUG=avito-ai or --debug.
 */
import { paintFor } from './paint.js';
import { CommanderError } from 'commander';
import { AvitoApiError, AvitoAuthError, AvitoAiError, ConfigError, GeminiApiError, KnowledgeError, LlmApiError, StoreError, TelegramBotError, UsageError, WebhookCheckError } from '../errors.js';
import { ExitCode } from './exit-codes.js';
import type { OutputStream } from './io.js';
import { errorsText } from '../messages/errors.js';

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
  if (error instanceof UsageError) return ExitCode.Usage;
  if (error instanceof ConfigError) return ExitCode.Config;
  if (error instanceof AvitoAuthError) return ExitCode.Auth;
  if (error instanceof GeminiApiError && (error.status === 401 || error.status === 403 || /API key/i.test(error.message))) return ExitCode.Auth;
  // A refused key or an unpaid account: the seller must act, as for Avito's keys.
  if (error instanceof LlmApiError && (error.status === 401 || error.status === 402 || error.status === 403)) return ExitCode.Auth;
  if (error instanceof StoreError) return ExitCode.Store;
  if (error instanceof TelegramBotError) return error.reason === 'token' ? ExitCode.Auth : ExitCode.Unavailable;
  if (error instanceof AvitoApiError || error instanceof KnowledgeError || error instanceof WebhookCheckError) return ExitCode.Unavailable;
  return ExitCode.Failure;
}

/** One line for the user: `avito-ai: <what happened> (<how to fix>)`. */
export function formatError(error: unknown): string {
  return oneLine(describe(error));
}

function describe(error: unknown): string {
  if (error instanceof AvitoAiError) {
    return `avito-ai: ${error.message}${error.hint ? ` (${error.hint})` : ''}`;
  }
  if (error instanceof Error) return `avito-ai: ${errorsText().unexpected(error.message)} (${errorsText().unexpectedHint})`;
  return `avito-ai: ${errorsText().unexpected(String(error))}`;
}

type ErrorsText = ReturnType<typeof errorsText>;

/** Commander's complaints, which it words in English only, matched by their fixed shapes. */
const COMMANDER_MESSAGES: ReadonlyArray<[RegExp, (match: RegExpExecArray, text: ErrorsText) => string]> = [
  [/^unknown command '(.*)'$/, (match, text) => text.unknownCommand(match[1]!)],
  [/^unknown option '(.*)'$/, (match, text) => text.unknownOption(match[1]!)],
  [/^missing required argument '(.*)'$/, (match, text) => text.missingArgument(match[1]!)],
  [/^option '(.*)' argument missing$/, (match, text) => text.optionMissingArgument(match[1]!)],
  [/^required option '(.*)' not specified$/, (match, text) => text.mandatoryOption(match[1]!)],
  [/^too many arguments/, (_match, text) => text.tooManyArguments],
  [/^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/, (match, text) => text.invalidChoice(match[1]!, match[2]!, match[3]!)],
];

/** Commander's error as our one line: `avito-ai: <what is wrong> (<a suggestion>; see avito-ai --help)`. */
export function formatCommanderError(raw: string): string {
  const text = errorsText();
  const [first = '', ...rest] = raw.replace(/^error:\s*/, '').trim().split('\n');
  const known = COMMANDER_MESSAGES.map(([pattern, say]) => {
    const match = pattern.exec(first.trim());
    return match ? say(match, text) : undefined;
  }).find((said) => said !== undefined);
  const suggestion = /\(Did you mean (?:one of )?(.*)\?\)/.exec(rest.join(' '));
  const hints = [...(suggestion ? [text.didYouMean(suggestion[1]!.split(', ').join(text.or))] : []), text.seeHelp];
  return `avito-ai: ${known ?? first.trim()} (${hints.join('; ')})`;
}

/** Whatever an error quotes (a server's answer, a file's bytes), the report stays one line of text. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

export function reportError(error: unknown, stream: OutputStream, debug: boolean): ExitCode {
  const line = formatError(error);
  stream.write(`${paintFor(stream).red(line)}\n`);
  if (debug && error instanceof Error && error.stack) {
    stream.write(`${error.stack}\n`);
    if (error.cause instanceof Error && error.cause.stack) stream.write(`${errorsText().causedBy} ${error.cause.stack}\n`);
  }
  return exitCodeFor(error);
}
