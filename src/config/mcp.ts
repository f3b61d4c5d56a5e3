/**
 * The settings of KNOWLEDGE_ENGINE=mcp, resolved with the rest (see config.ts): where the seller's MCP server is (a
 * command started over stdio, or a Streamable HTTP address), which tool answers, how our query becomes its arguments,
 * and what its result is (passages to compose an answer from, or the answer itself).
 */
import { ConfigError } from '../errors.js';
import { ARGUMENT_PLACEHOLDERS, findUnknownPlaceholder } from '../knowledge/mcp/arguments.js';
import { mcpEngineText } from '../messages/mcp-engine.js';
import { parseHeaderSetting } from './headers.js';

/** Every MCP_* variable with its default (undefined: none); spread into config.ts's DEFAULTS. */
export const MCP_DEFAULTS = {
  /** A command line (started over stdio, no shell) or an http(s):// address (Streamable HTTP). */
  MCP_SERVER: undefined,
  MCP_TOOL: undefined,
  /** The tool's arguments as a JSON object; {question}, {listing_id}, {listing_title}, {context} are filled in. */
  MCP_ARGUMENTS: '{"query":"{question}"}',
  /** passages: the tool returns passages and avito-ai writes the answer; answer: the tool returns the answer. */
  MCP_MODE: 'passages',
  /** Passages mode: local quotes the passages; gigachat or openai writes from them under the grounding check. */
  MCP_COMPOSER: 'local',
  /** Answer mode: a reply holding this text means "no answer". */
  MCP_NO_ANSWER: 'НЕТ_ОТВЕТА',
  MCP_TIMEOUT: '30',
  /** Variables for a stdio server besides PATH, HOME and the locale: `NAME=value; NAME2` (a bare name is copied from ours). */
  MCP_SERVER_ENV: undefined,
  /** Headers for an http(s) server: `Name: value; Name2: value`. */
  MCP_HEADERS: undefined,
} as const;

type McpKey = keyof typeof MCP_DEFAULTS;

export type McpServerAddress = { transport: 'stdio'; command: string; args: string[] } | { transport: 'http'; url: string };

export interface McpSettings {
  server: McpServerAddress | undefined;
  tool: string | undefined;
  /** The template fillArguments reads. */
  arguments: Record<string, unknown>;
  mode: 'passages' | 'answer';
  composer: 'local' | 'gigachat' | 'openai';
  noAnswerMarker: string;
  timeoutMs: number;
  /** The whole environment of a stdio server's process: ours is not passed on, it may hold keys. */
  env: Record<string, string>;
  headers: Record<string, string>;
  /** Where a stdio server starts: the working folder, so relative paths in MCP_SERVER mean what the seller sees. */
  cwd: string;
}

/** What a stdio server gets of our environment without being asked: enough to find programs and read UTF-8. */
const INHERITED = ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ'];

export function parseMcp(get: (key: McpKey) => string | undefined, options: { env: Record<string, string | undefined>; cwd: string }): McpSettings {
  const value = (key: McpKey): string | undefined => get(key) ?? MCP_DEFAULTS[key];
  const timeout = Number(value('MCP_TIMEOUT'));
  if (!Number.isFinite(timeout) || timeout < 1 || timeout > 600) throw new ConfigError('MCP_TIMEOUT', mcpEngineText().timeoutMalformed(String(value('MCP_TIMEOUT'))));
  const noAnswerMarker = value('MCP_NO_ANSWER') ?? '';
  if (noAnswerMarker.length > 200) throw new ConfigError('MCP_NO_ANSWER', mcpEngineText().noAnswerMalformed);
  return {
    server: parseServer(get('MCP_SERVER')),
    tool: parseTool(get('MCP_TOOL')),
    arguments: parseArguments(value('MCP_ARGUMENTS') ?? ''),
    mode: parseChoice('MCP_MODE', value('MCP_MODE'), ['passages', 'answer'] as const),
    composer: parseChoice('MCP_COMPOSER', value('MCP_COMPOSER'), ['local', 'gigachat', 'openai'] as const),
    noAnswerMarker,
    timeoutMs: timeout * 1000,
    env: { ...inheritEnv(options.env), ...parseServerEnv(get('MCP_SERVER_ENV'), options.env) },
    headers: parseHeaderSetting('MCP_HEADERS', get('MCP_HEADERS'), mcpEngineText().headersMalformed),
    cwd: options.cwd,
  };
}

/** KNOWLEDGE_ENGINE=mcp needs a server and a tool; the rest has defaults. */
export function requireMcpSettings(settings: McpSettings): { server: McpServerAddress; tool: string } {
  const text = mcpEngineText();
  if (!settings.server) throw new ConfigError('MCP_SERVER', text.serverMissing, { hint: text.serverHint });
  if (!settings.tool) throw new ConfigError('MCP_TOOL', text.toolMissing, { hint: text.toolHint });
  return { server: settings.server, tool: settings.tool };
}

function parseServer(raw: string | undefined): McpServerAddress | undefined {
  if (raw === undefined) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*:)\/\//i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'http:' || scheme === 'https:') return { transport: 'http', url: new URL(raw).href };
  if (scheme !== undefined) {
    const text = mcpEngineText();
    throw new ConfigError('MCP_SERVER', text.serverScheme(scheme), { hint: text.serverSchemeHint });
  }
  const [command, ...args] = splitCommandLine(raw);
  if (command === undefined || command === '') return undefined;
  return { transport: 'stdio', command, args };
}

/**
 * A command line split as a POSIX shell would split its words, without running one: 'single quotes' keep
 * everything, "double quotes" let \" \\ \$ \` through, a backslash outside quotes keeps the next character.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  // undefined between words; '' is a word already (an empty "" argument counts).
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let at = 0; at < line.length; at++) {
    const char = line[at]!;
    if (quote === undefined && /\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      continue;
    }
    word ??= '';
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && /["\\$`]/.test(line[at + 1] ?? '')) word += line[++at]!;
      else word += char;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '\\' && at + 1 < line.length) word += line[++at]!;
    else word += char;
  }
  if (quote !== undefined) {
    const text = mcpEngineText();
    throw new ConfigError('MCP_SERVER', text.serverQuote, { hint: text.serverQuoteHint });
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** MCP tool names: letters, digits, _ - . and /, up to 128 of them (the 2025-11-25 spec). */
function parseTool(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[\w./-]{1,128}$/.test(raw)) throw new ConfigError('MCP_TOOL', mcpEngineText().toolMalformed(raw.slice(0, 40)), { hint: mcpEngineText().toolHint });
  return raw;
}

function parseArguments(raw: string): Record<string, unknown> {
  const text = mcpEngineText();
  let template: unknown;
  try {
    template = JSON.parse(raw);
  } catch {
    template = undefined;
  }
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    throw new ConfigError('MCP_ARGUMENTS', text.argumentsMalformed(raw.slice(0, 60)), { hint: text.argumentsHint });
  }
  const unknown = findUnknownPlaceholder(template);
  if (unknown !== undefined) {
    throw new ConfigError('MCP_ARGUMENTS', text.argumentsPlaceholder(unknown), { hint: text.argumentsPlaceholderHint(ARGUMENT_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')) });
  }
  return template as Record<string, unknown>;
}

function parseChoice<T extends string>(key: McpKey, raw: string | undefined, choices: readonly T[]): T {
  const value = (raw ?? '').toLowerCase();
  if (!(choices as readonly string[]).includes(value)) throw new ConfigError(key, mcpEngineText().choiceMalformed(key, choices.join(', '), raw ?? ''));
  return value as T;
}

function inheritEnv(env: Record<string, string | undefined>): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = env[name];
    // A value starting with "()" is an exported shell function: never passed on.
    if (value !== undefined && !value.startsWith('()')) inherited[name] = value;
  }
  return inherited;
}

/** `NAME=value; NAME2`: a bare name is copied from our environment, and must be there. Values are never echoed: they may be keys. */
function parseServerEnv(raw: string | undefined, env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of splitPairs(raw)) {
    const equals = pair.indexOf('=');
    const name = (equals === -1 ? pair : pair.slice(0, equals)).trim();
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new ConfigError('MCP_SERVER_ENV', mcpEngineText().envMalformed(pair.slice(0, 15)));
    if (equals !== -1) result[name] = pair.slice(equals + 1).trim();
    else {
      const value = env[name];
      if (value === undefined) throw new ConfigError('MCP_SERVER_ENV', mcpEngineText().envMissing(name), { hint: mcpEngineText().envMissingHint(name) });
      result[name] = value;
    }
  }
  return result;
}

function splitPairs(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '');
}
