/** What every command module shares: its context, its signature, and option parsing. */
import type { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { UsageError } from '../errors.js';
import { errorsText } from '../messages/errors.js';

/** Global options every command understands. */
export interface GlobalOptions {
  envFile?: string;
  debug?: boolean;
  store?: string;
}

export interface CommandContext {
  io: CliIo;
  globals: GlobalOptions;
  args: unknown[];
  options: Record<string, unknown>;
}

export interface CommandModule {
  default(context: CommandContext): Promise<ExitCode>;
}

/** Parses a positive whole number option, or throws a UsageError naming it. */
export function parsePositiveInt(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new UsageError(errorsText().positiveInteger(option, String(value)));
  return number;
}
