/** Runs the CLI in-process, as `avito-ai <argv>` would, capturing its output. */
import { ExitCode } from '../../src/cli/exit-codes.js';
import type { CliIo, InputStream } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

export interface CliResult {
  code: ExitCode;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd: string;
  signal?: AbortSignal;
  /** What the person types (a PassThrough in tests); without it the command sees no input at all. */
  stdin?: InputStream;
}

export async function runInProcess(argv: string[], options: CliOptions): Promise<CliResult> {
  return startInProcess(argv, options).done;
}

/** For commands that keep running: their output so far can be read while they do. */
export function startInProcess(argv: string[], options: CliOptions): { stdout(): string; stderr(): string; done: Promise<CliResult> } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: options.env ?? {},
    cwd: options.cwd,
    signal: options.signal ?? new AbortController().signal,
    exitCode: ExitCode.Ok,
  };
  const done = runCli(argv, io, '9.9.9-test').then((code) => ({ code, stdout, stderr }));
  return { stdout: () => stdout, stderr: () => stderr, done };
}
