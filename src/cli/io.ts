/** What a command may touch of the outside: streams, environment, working directory, stop signal. */
import type { ExitCode } from './exit-codes.js';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Where a command reads what a person types: the terminal, or a pipe. */
export interface InputStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export interface CliIo {
  /** Absent where nobody can type (the in-process tests that do not give one). */
  stdin?: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM: long-running commands finish the work in hand and return. */
  signal: AbortSignal;
  /** Set by the command that ran. */
  exitCode: ExitCode;
  /** Set once configuration is resolved: DEBUG from .env counts as much as from the environment. */
  debug?: boolean;
}
