/** The process edge: real streams, signals, the exit code. Everything else lives in program.ts. */
import { readOwnVersion } from '../package-files.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { runCli } from './program.js';

const controller = new AbortController();
let stops = 0;
const stop = (): void => {
  stops++;
  // A second Ctrl-C means "now": the work in hand is abandoned, the write-ahead record covers it.
  if (stops > 1) process.exit(130);
  controller.abort();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// `avito-ai --help | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const version = readOwnVersion();

const io: CliIo = {
  // Lazy: creating process.stdin has side effects (a TTY handle) that only the commands reading it should pay.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
  exitCode: ExitCode.Ok,
};
process.exitCode = await runCli(process.argv.slice(2), io, version);
