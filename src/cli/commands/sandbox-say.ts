/**
 * `avito-ai sandbox say <chat> <text>`: writes into a running sandbox's chat as its buyer, from
 * another shell, through the sandbox's own `/sandbox/` route; with --wait, prints the bot's answer.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../../errors.js';
import { describeContent, formatChatLine } from '../buyer-prompt.js';
import { parsePositiveInt, type CommandContext } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { paintFor } from '../paint.js';
import { DEFAULT_SANDBOX_PORT } from './sandbox.js';
import { sandboxText } from '../../messages/sandbox.js';

const DEFAULT_URL = `http://127.0.0.1:${DEFAULT_SANDBOX_PORT}`;
const REQUEST_TIMEOUT_MS = 5000;
const WAIT_STEP_MS = 500;

interface MessageView {
  id: string;
  direction: 'in' | 'out';
  type: string;
  text?: string;
}

/** How a call to the sandbox ended: its answer, or why there was none. */
type Answer = { kind: 'answered'; status: number; body: Record<string, unknown> } | { kind: 'unreachable'; problem: string };

export default async function sandboxSay(context: CommandContext): Promise<ExitCode> {
  const [chatId, words] = context.args as [string, string[]];
  const text = words.join(' ');
  const base = parseSandboxUrl(context.options.url);
  const wait = parsePositiveInt(context.options.wait, '--wait');
  const { stdout, stderr } = context.io;
  const c = paintFor(stdout);

  const answer = await callSandbox(base, 'POST', `/sandbox/chats/${encodeURIComponent(chatId)}/messages`, { text }, context.io.signal);
  if (answer.kind === 'unreachable' || answer.status !== 200) {
    stderr.write(`${paintFor(stderr).red(`avito-ai: ${explainRefusal(base, chatId, answer)}`)}\n`);
    return answer.kind === 'unreachable' ? ExitCode.Unavailable : ExitCode.Usage;
  }
  const written = answer.body.message as MessageView;
  stdout.write(`${formatChatLine(c, chatId, 'buyer', text)}\n`);
  if (wait === undefined) {
    stdout.write(`${c.gray(sandboxText().replyWillShow)}\n`);
    return ExitCode.Ok;
  }
  const waited = await waitForReplies(base, chatId, written.id, wait, context.io.signal);
  if (waited.kind === 'stopped') return ExitCode.Ok;
  if (waited.kind === 'failed') {
    stderr.write(`${paintFor(stderr).red(`avito-ai: ${waited.problem}`)}\n`);
    return ExitCode.Unavailable;
  }
  if (waited.messages.length === 0) {
    stdout.write(`${sandboxText().noReply(wait, base)}\n`);
    return ExitCode.Failure;
  }
  for (const reply of waited.messages) stdout.write(`${formatChatLine(c, chatId, 'bot', describeContent(reply.type, reply.text))}\n`);
  return ExitCode.Ok;
}

function parseSandboxUrl(value: unknown): string {
  const raw = value === undefined ? DEFAULT_URL : String(value);
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new UsageError(sandboxText().urlMalformed(DEFAULT_URL, raw));
  }
  return raw.replace(/\/+$/, '');
}

async function callSandbox(base: string, method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(base + path, {
      method,
      signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch (error) {
    const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
    return { kind: 'unreachable', problem: cause?.code ?? (error as Error).name };
  }
  const data = (await response.json().catch(() => ({}))) as unknown;
  return { kind: 'answered', status: response.status, body: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {} };
}

/** One line a seller can act on, for each way the sandbox can refuse or fail to answer. */
function explainRefusal(base: string, chatId: string, answer: Answer): string {
  const text = sandboxText();
  if (answer.kind === 'unreachable') return text.unreachable(base, answer.problem);
  const error = answer.body.error as { message?: string; fields?: Record<string, string> } | undefined;
  if (answer.status === 404 && Array.isArray(answer.body.chats)) {
    return text.noSuchChat(chatId, answer.body.chats.join(', '));
  }
  if (answer.status === 404) return text.notSandbox(base);
  if (answer.status === 403) return text.localOnly;
  const detail = error?.fields === undefined ? (error?.message ?? '') : Object.entries(error.fields).map(([key, problem]) => `${key} ${problem}`).join('; ');
  return text.refused(answer.status, detail);
}

type Waited = { kind: 'replies'; messages: MessageView[] } | { kind: 'stopped' } | { kind: 'failed'; problem: string };

/** The bot's messages after `afterId`; none when nothing came in time. */
async function waitForReplies(base: string, chatId: string, afterId: string, seconds: number, signal: AbortSignal): Promise<Waited> {
  const until = Date.now() + seconds * 1000;
  const path = `/sandbox/chats/${encodeURIComponent(chatId)}/messages?after=${encodeURIComponent(afterId)}`;
  let seen = 0;
  while (!signal.aborted) {
    const answer = await callSandbox(base, 'GET', path, undefined, signal);
    if (signal.aborted) break;
    if (answer.kind === 'unreachable' || answer.status !== 200) {
      const why = answer.kind === 'unreachable' ? answer.problem : sandboxText().answerStatus(answer.status);
      return { kind: 'failed', problem: sandboxText().stoppedAnswering(why) };
    }
    const replies = (answer.body.messages as MessageView[]).filter((message) => message.direction === 'out');
    // A long answer goes out in parts, one right after another: done once a step brings no new one.
    if ((replies.length > 0 && replies.length === seen) || Date.now() >= until) return { kind: 'replies', messages: replies };
    seen = replies.length;
    await sleep(WAIT_STEP_MS, undefined, { signal }).catch(() => undefined);
  }
  return { kind: 'stopped' };
}
