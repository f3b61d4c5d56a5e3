/**
 * Questions at the terminal for `init`, over node:readline on the command's own streams. Lines are queued
 * as they come, so answers piped in all at once (a script, a test) are read one per question; a secret is
 * typed without echo. Ctrl-C or SIGTERM at any point, and Ctrl-D at a question, end it with InitAborted.
 */
import { createInterface, type Interface } from 'node:readline';
import { Writable } from 'node:stream';
import type { InputStream, OutputStream } from '../io.js';

/** The person stopped `init` (Ctrl-C, Ctrl-D, SIGTERM): nothing is written. */
export class InitAborted extends Error {
  constructor() {
    super('init aborted');
    this.name = 'InitAborted';
  }
}

export interface AskOptions {
  /** Given back for an empty answer. */
  default?: string;
  /** Typed without echo (keys, tokens). */
  secret?: boolean;
  /** The problem with an answer, to show before asking again; undefined when it will do. */
  validate?: (answer: string) => string | undefined;
}

export interface Prompter {
  ask(question: string, options?: AskOptions): Promise<string>;
  /** Aborted with the prompter: long waits between questions race it. */
  readonly signal: AbortSignal;
  close(): void;
}

/** A prompter on `input`/`output`; `stop` (the process's SIGINT/SIGTERM) aborts it too. */
export function createPrompter(input: InputStream, output: OutputStream, stop: AbortSignal): Prompter {
  let muted = false;
  const screen = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) output.write(chunk.toString());
      done();
    },
  });
  // readline sizes its line editing by the terminal's columns.
  Object.defineProperty(screen, 'columns', { get: () => (output as { columns?: number }).columns ?? 80 });
  const terminal = input.isTTY === true;
  const rl = createInterface({ input, output: screen, terminal });
  const controller = new AbortController();
  const lines = createLineQueue(rl, controller);
  // Answers piped in all at once end the input before the last questions are asked: readline is closed by
  // then, and Node 24 throws on prompting a closed interface (Node 20 ignored it). The question is still
  // written, for the transcript; its answer comes from the queue.
  let closed = false;
  rl.on('close', () => (closed = true));
  const abort = (): void => controller.abort();
  rl.on('SIGINT', abort);
  stop.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    async ask(question, options = {}) {
      for (;;) {
        if (closed) output.write(question);
        else {
          rl.setPrompt(question);
          rl.prompt();
        }
        muted = options.secret === true && terminal;
        let answer: string;
        try {
          answer = (await lines.next()).trim();
        } finally {
          if (muted) output.write('\n');
          muted = false;
        }
        // Typed into a pipe, nothing echoes the answer: the transcript shows it (a secret as dots).
        if (!terminal) output.write(`${options.secret === true && answer !== '' ? '•••' : answer}\n`);
        if (answer === '' && options.default !== undefined) return options.default;
        const problem = options.validate?.(answer);
        if (problem === undefined) return answer;
        output.write(`  ${problem}\n`);
      }
    },
    close() {
      stop.removeEventListener('abort', abort);
      if (!closed) rl.close();
    },
  };
}

/**
 * Lines typed before a question is asked wait for it. An interrupt rejects the question in hand; the end of
 * input only a question it leaves unanswered (a check running after the last piped answer goes on).
 */
function createLineQueue(rl: Interface, controller: AbortController): { next(): Promise<string> } {
  const queued: string[] = [];
  let ended = false;
  let waiting: { resolve(line: string): void; reject(error: Error): void } | undefined;
  const fail = (): void => {
    waiting?.reject(new InitAborted());
    waiting = undefined;
  };
  rl.on('line', (line) => {
    if (waiting === undefined) queued.push(line);
    else waiting.resolve(line);
    waiting = undefined;
  });
  rl.on('close', () => {
    ended = true;
    fail();
  });
  controller.signal.addEventListener('abort', fail, { once: true });
  return {
    next() {
      if (controller.signal.aborted) return Promise.reject(new InitAborted());
      const line = queued.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (ended) return Promise.reject(new InitAborted());
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
  };
}
