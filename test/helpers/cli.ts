/** Runs the CLI in-process, as `avito-ai <argv>` would, capturing its output. */
import { ExitCode } from '../../src/cli/exit-codes.js';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

export interface CliResult {
  code: ExitCode;
  stdout: string;
  stderr: string;
}

export async function runInProcess(
  argv: string[],
  options: { env?: Record<string, string | undefined>; cwd: string; signal?: AbortSignal },
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: options.env ?? {},
    cwd: options.cwd,
    signal: options.signal ?? new AbortController().signal,
    exitCode: ExitCode.Ok,
  };
  const code = await runCli(argv, io, '9.9.9-test');
  return { code, stdout, stderr };
}
