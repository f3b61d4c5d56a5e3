/**
 * The MCP stdio transport, as the SDK's but for a long-lived helper process: it never holds our process open (a
 * command such as `ask` ends when its work does, and the server reads end-of-input and exits), keeps the last lines
 * the server wrote to stderr to say why it died, and hands the rest to a callback rather than to our own stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export interface StdioServerOptions {
  command: string;
  args: readonly string[];
  /** The child's whole environment. */
  env: Record<string, string>;
  cwd: string;
  /** Each line the server writes to stderr. */
  onStderr?: (line: string) => void;
}

/** Enough for the error line above a Node or Python stack's frames. */
const STDERR_LINES_KEPT = 30;
/** "Error: Cannot find module", "ModuleNotFoundError: …", "fatal: …", "panic: …", "[error] …". */
const ERROR_LINE = /^(?:[\w.]*(?:Error|Exception)\b|fatal\b|panic\b|Traceback\b)|\berror\b:|ошибка/i;
/** After end-of-input, how long a server gets to exit before SIGTERM (then SIGKILL), as the spec suggests. */
const EXIT_GRACE_MS = 2000;

export class StdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private child: ChildProcess | undefined;
  private readonly buffer = new ReadBuffer();
  private readonly stderrTail: string[] = [];

  constructor(private readonly options: StdioServerOptions) {}

  /** The server's process id, once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Why the server failed, as it said: the last error line it wrote to stderr (a stack's frames are not it), else its last line. */
  get lastWords(): string {
    const lines = this.stderrTail;
    return [...lines].reverse().find((line) => ERROR_LINE.test(line)) ?? lines.at(-1) ?? '';
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.options.command, [...this.options.args], { cwd: this.options.cwd, env: this.options.env, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
      this.child = child;
      child.once('error', (error) => {
        reject(error);
        this.onerror?.(error);
      });
      child.once('spawn', () => {
        release(child);
        resolve();
      });
      child.once('close', () => {
        this.child = undefined;
        this.onclose?.();
      });
      child.stdin?.on('error', (error) => this.onerror?.(error));
      child.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
      if (child.stderr) readLines(child.stderr, (line) => this.keepStderr(line));
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const stdin = this.child?.stdin;
      if (!stdin || stdin.destroyed) return reject(new Error('Not connected'));
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once('drain', resolve);
    });
  }

  /** End-of-input first: a well-behaved server exits on it; SIGTERM, then SIGKILL, for one that does not. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    // Released while idle so that it never keeps us running; held again now, or a caller awaiting this close
    // would be waiting on nothing Node counts, and Node would end the program right there.
    hold(child);
    child.stdin?.end();
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      if (await settlesWithin(closed, EXIT_GRACE_MS)) break;
      child.kill(signal);
    }
    this.buffer.clear();
  }

  private read(chunk: Buffer): void {
    try {
      this.buffer.append(chunk);
      for (let message = this.buffer.readMessage(); message !== null; message = this.buffer.readMessage()) this.onmessage?.(message);
    } catch (error) {
      // A line that is not JSON-RPC (a stray console.log): the protocol is broken, the server is restarted.
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      void this.close();
    }
  }

  private keepStderr(line: string): void {
    if (line.trim() === '') return;
    this.stderrTail.push(line.trim().slice(0, 300));
    if (this.stderrTail.length > STDERR_LINES_KEPT) this.stderrTail.shift();
    this.options.onStderr?.(line);
  }
}

/** Neither the process nor its pipes keep our event loop alive; a request in flight does, by its timeout timer. */
function release(child: ChildProcess): void {
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
}

function hold(child: ChildProcess): void {
  child.ref();
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as { ref?: () => void } | null)?.ref?.();
}

function readLines(stream: Readable, onLine: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    // A server that writes without newlines must not grow this without end.
    if (rest.length > 4096) rest = rest.slice(-4096);
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  });
  stream.on('end', () => rest !== '' && onLine(rest));
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
