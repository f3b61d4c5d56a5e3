/**
 * The `sandbox` command's prompt: a person types as the buyer of a sandbox chat, switches chats and
 * opens new ones about a listing. `parseBuyerLine` decides what a line means, `createBuyerSession`
 * acts on the sandbox and says what to show, `startBuyerPrompt` wires both to a terminal or a pipe.
 */
import { createInterface } from 'node:readline';
import type { ChalkInstance } from 'chalk';
import { SAMPLE_LISTINGS } from '../avito/sandbox/index.js';
import type { ChatSummary, Sandbox, SandboxMessage, ScenarioItemContext } from '../avito/sandbox/index.js';
import type { InputStream, OutputStream } from './io.js';
import { sandboxText } from '../messages/sandbox.js';

export type BuyerCommand =
  | { kind: 'say'; text: string }
  | { kind: 'chats' }
  | { kind: 'switch'; target: string }
  | { kind: 'new'; listing: string }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'nothing' }
  | { kind: 'unknown'; name: string };

/** Russian names first, English ones for those who type them out of habit. */
const COMMANDS: Record<string, 'chats' | 'switch' | 'new' | 'help' | 'quit'> = {
  '/чаты': 'chats',
  '/chats': 'chats',
  '/чат': 'switch',
  '/chat': 'switch',
  '/новый': 'new',
  '/new': 'new',
  '/помощь': 'help',
  '/help': 'help',
  '/?': 'help',
  '/выход': 'quit',
  '/quit': 'quit',
  '/exit': 'quit',
};

/** What a typed line asks for: a buyer's text, or a `/command`. */
export function parseBuyerLine(line: string): BuyerCommand {
  const text = line.trim();
  if (text === '') return { kind: 'nothing' };
  // A buyer's text that itself starts with a slash is typed with two.
  if (text.startsWith('//')) return { kind: 'say', text: text.slice(1) };
  if (!text.startsWith('/')) return { kind: 'say', text };
  const [name = '', ...rest] = text.split(/\s+/);
  const argument = rest.join(' ');
  const kind = COMMANDS[name.toLowerCase()];
  if (kind === undefined) return { kind: 'unknown', name };
  if (kind === 'switch') return argument === '' ? { kind: 'chats' } : { kind: 'switch', target: argument };
  if (kind === 'new') return { kind: 'new', listing: argument };
  return { kind };
}


/** What of the sandbox a session uses. */
export type BuyerSandbox = Pick<Sandbox, 'account' | 'chats' | 'messages' | 'sent' | 'addMessage' | 'addChat'>;

export interface BuyerSession {
  /** The prompt at a terminal: whose turn, in which chat. */
  prompt(): string;
  /** Acts on one typed line; returns what to show, and whether the person asked to stop. */
  handleLine(line: string): { lines: string[]; quit: boolean };
}

export type Speaker = 'buyer' | 'bot' | 'seller' | 'avito';


/** One message as the sandbox terminal shows it: `[chat] Бот: text`, continuation lines indented. */
export function formatChatLine(c: ChalkInstance, chatId: string, speaker: Speaker, text: string): string {
  const colour = { buyer: c.cyan, bot: c.green, seller: c.yellow, avito: c.gray }[speaker];
  return `${c.gray(`[${chatId}]`)} ${colour(`${sandboxText()[speaker]}:`)} ${text.replace(/\n+/g, '\n    ')}`;
}

/** The text of a message, or what it is when it has none (voice, image…). */
export function describeContent(type: string, text: string | undefined): string {
  if (text !== undefined) return text;
  if (type === 'voice') return sandboxText().voice;
  if (type === 'image') return sandboxText().image;
  return `[${type}]`;
}

/** `u2i-demo-coffee — Кофемашина …, покупатель Анна` */
export function describeChat(chat: ChatSummary): string {
  const text = sandboxText();
  const kinds: Record<ChatSummary['type'], string> = { u2i: text.kindU2i, u2u: text.kindU2u, a2u: text.kindA2u };
  const about = chat.listing?.title ?? String(chat.listing?.id ?? kinds[chat.type]);
  const buyer = chat.buyer === undefined ? text.noBuyer : text.buyerIs(String(chat.buyer.name ?? chat.buyer.id));
  return `${chat.id} — ${about}, ${buyer}`;
}

type Listing = ScenarioItemContext['value'];

/** The listings of the scenario's chats, each once; the sample ones when it has none. */
function listListings(chats: ChatSummary[]): Listing[] {
  const byId = new Map<number, Listing>();
  for (const chat of chats) if (chat.listing !== undefined && !byId.has(chat.listing.id)) byId.set(chat.listing.id, chat.listing);
  return byId.size > 0 ? [...byId.values()] : SAMPLE_LISTINGS.map((listing) => ({ ...listing }));
}

/** By its number in a list (from 1), or by its own id. */
function pickByNumberOrId<T>(items: T[], target: string, idOf: (item: T) => string): T | undefined {
  if (/^\d+$/.test(target) && Number(target) >= 1 && Number(target) <= items.length) return items[Number(target) - 1];
  return items.find((item) => idOf(item) === target);
}

export function createBuyerSession(sandbox: BuyerSandbox, c: ChalkInstance, options: { echo: boolean }): BuyerSession {
  let current: string | undefined = sandbox.chats().find((chat) => chat.buyer !== undefined)?.id ?? sandbox.chats()[0]?.id;
  let hinted = false;

  const say = (text: string): string[] => {
    if (current === undefined) return [sandboxText().noChatsYet];
    try {
      sandbox.addMessage(current, { text });
    } catch (error) {
      return [c.red(sandboxText().notSent((error as Error).message))];
    }
    const lines = options.echo ? [formatChatLine(c, current, 'buyer', text)] : [];
    if (!hinted) lines.push(c.gray(sandboxText().sent));
    hinted = true;
    return lines;
  };

  const listChats = (): string[] =>
    sandbox.chats().map((chat, index) => `${chat.id === current ? '*' : ' '} ${index + 1}. ${describeChat(chat)}`);

  const switchTo = (target: string): string[] => {
    const chat = pickByNumberOrId(sandbox.chats(), target, (candidate) => candidate.id);
    if (chat === undefined) return [sandboxText().noSuchChatHere(target), ...listChats()];
    current = chat.id;
    return [sandboxText().nowWriting(describeChat(chat)), ...showRecent(sandbox, c, chat.id)];
  };

  const openChat = (target: string): string[] => {
    const listings = listListings(sandbox.chats());
    const listing = target === '' ? undefined : pickByNumberOrId(listings, target, (item) => String(item.id));
    if (listing === undefined) {
      const lines = listings.map((item, index) => `  ${index + 1}. ${item.title ?? item.id}${item.price_string ? `, ${item.price_string}` : ''} (${item.id})`);
      const problem = target === '' ? [] : [sandboxText().noSuchListing(target)];
      return [...problem, sandboxText().listings, ...lines, sandboxText().newChatHint];
    }
    const chatId = openNewChat(sandbox, listing);
    current = chatId;
    return [sandboxText().newChat(chatId, String(listing.title ?? listing.id))];
  };

  return {
    prompt: () => sandboxText().prompt(current ?? sandboxText().noChat),
    handleLine(line) {
      const command = parseBuyerLine(line);
      switch (command.kind) {
        case 'nothing':
          return { lines: [], quit: false };
        case 'say':
          return { lines: say(command.text), quit: false };
        case 'chats':
          return { lines: listChats(), quit: false };
        case 'switch':
          return { lines: switchTo(command.target), quit: false };
        case 'new':
          return { lines: openChat(command.listing), quit: false };
        case 'help':
          return { lines: sandboxText().help.split('\n'), quit: false };
        case 'quit':
          return { lines: [sandboxText().stopping], quit: true };
        case 'unknown':
          return { lines: [sandboxText().unknownCommand(command.name)], quit: false };
      }
    },
  };
}

/** The last few messages of a chat, so that switching to it shows where the conversation is. */
function showRecent(sandbox: BuyerSandbox, c: ChalkInstance, chatId: string): string[] {
  const sentByApi = new Set(sandbox.sent(chatId).map((message) => message.id));
  return sandbox
    .messages(chatId)
    .slice(-5)
    .map((message) => formatChatLine(c, chatId, speakerOf(message, sentByApi), describeContent(message.type, textOf(message))));
}

function speakerOf(message: SandboxMessage, sentByApi: ReadonlySet<string>): Speaker {
  if (message.author_id === 0 || message.type === 'system') return 'avito';
  if (message.direction === 'in') return 'buyer';
  // Whatever went out through the API came from avito-ai; other outgoing messages the seller wrote in Avito.
  return sentByApi.has(message.id) ? 'bot' : 'seller';
}

function textOf(message: SandboxMessage): string | undefined {
  return typeof message.content.text === 'string' ? message.content.text : undefined;
}

/** A new u2i chat about the listing with a new buyer, under the first free `u2i-sandbox-N`. */
function openNewChat(sandbox: BuyerSandbox, listing: Listing): string {
  const taken = new Set(sandbox.chats().map((chat) => chat.id));
  let number = 1;
  while (taken.has(`u2i-sandbox-${number}`)) number++;
  const id = `u2i-sandbox-${number}`;
  sandbox.addChat({
    id,
    type: 'u2i',
    context: { type: 'item', value: { ...listing } },
    users: [
      { id: sandbox.account.id, ...(sandbox.account.name === undefined ? {} : { name: sandbox.account.name }) },
      { id: 7_900_000 + number, name: sandboxText().buyerName(number) },
    ],
    messages: [],
  });
  return id;
}

export interface BuyerPrompt {
  /** Writes a line above the prompt without breaking what is being typed. */
  print(text: string): void;
  /** Settles when the person asked to stop: /выход, Ctrl-C, or Ctrl-D at a terminal. */
  quit: Promise<void>;
  close(): void;
}

/** A person at a terminal on both ends: line editing, a prompt, colours. */
export function isTerminal(input: InputStream, output: OutputStream): boolean {
  return input.isTTY === true && output.isTTY === true;
}

/**
 * At a terminal: a prompt with line editing, and lines printed above it as messages arrive.
 * From a pipe: no prompt, each typed text echoed, and the end of input leaves the sandbox running.
 */
export function startBuyerPrompt(input: InputStream, output: OutputStream, session: BuyerSession, c: ChalkInstance): BuyerPrompt {
  const terminal = isTerminal(input, output);
  // readline only calls `write` on an output that is not a terminal.
  const rl = createInterface({ input, output: output as NodeJS.WritableStream, terminal, prompt: terminal ? session.prompt() : '' });
  let closed = false;
  let stopping = false;
  let settle: () => void = () => {};
  const quit = new Promise<void>((resolve) => (settle = resolve));
  const stop = (): void => {
    stopping = true;
    if (!closed) rl.close();
    settle();
  };
  rl.on('line', (line) => {
    const result = session.handleLine(line);
    for (const text of result.lines) output.write(`${text}\n`);
    if (result.quit) return stop();
    if (!terminal) return;
    rl.setPrompt(session.prompt());
    rl.prompt();
  });
  // In raw mode Ctrl-C reaches readline, not the process.
  rl.on('SIGINT', stop);
  rl.on('close', () => {
    closed = true;
    if (stopping || input.isTTY) return settle();
    output.write(`${c.gray(sandboxText().inputEnded)}\n`);
  });
  if (terminal) rl.prompt();
  return {
    print(text) {
      if (!terminal || closed) {
        output.write(`${text}\n`);
        return;
      }
      output.write(`\r\x1b[2K${text}\n`);
      rl.prompt(true);
    },
    quit,
    close: stop,
  };
}
