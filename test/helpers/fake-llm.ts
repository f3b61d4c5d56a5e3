/**
 * Loopback fakes of two chat-completion APIs, GigaChat (Sber) and an OpenAI-compatible provider,
 * spoken to by the real `openai` SDK (`baseURL`) and, for GigaChat's OAuth call, by a plain fetch.
 * They share one core and differ where the providers differ on the wire: GigaChat's OAuth token,
 * its HTTPS root that Node does not trust, its `{status,message}` errors and its answers without
 * `id`; OpenAI's `{error:{…}}` errors and base64 embeddings.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeHttpServer, createHttpTestServer } from './http-test-server.js';
import { createTestCa } from './test-ca.js';

/** One request a fake received, recorded before it was answered. */
export interface FakeLlmRequest {
  method: string;
  /** The URL path without the query, e.g. `/api/v1/chat/completions`. */
  path: string;
  /** Lowercased header names, as node reports them. */
  headers: Record<string, string | undefined>;
  /** The parsed JSON body; the raw text when it is not JSON (the OAuth form); undefined when empty. */
  body: unknown;
}

/** A chat completion request body as the client sent it. */
export interface ChatBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  temperature?: number;
  max_tokens?: number;
  [key: string]: unknown;
}

/** What one chat completion answers. Default status 200. */
export interface FakeChatReply {
  /** The assistant message content (200). */
  content?: string;
  /** Default 'stop'. */
  finishReason?: string;
  /** Default: roughly a token per four characters of the messages and of the content. */
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Not 200: an error in the provider's error shape with `message`. */
  status?: number;
  /** The error message when status is not 200; default the provider's text for that status. */
  message?: string;
  /** Extra response headers, e.g. retry-after. */
  headers?: Record<string, string>;
  /** Sent exactly (e.g. broken JSON) with `status` (default 200) and `contentType` (default application/json). */
  rawBody?: string;
  contentType?: string;
  /** Waits this long before answering (the client's timeout is what is being tested). */
  delayMs?: number;
}

export type ChatHandler = (body: ChatBody, request: FakeLlmRequest) => FakeChatReply | Promise<FakeChatReply>;

/** The four things a client asks for; `failNext` targets one of them. */
export type FakeLlmRoute = 'oauth' | 'chat' | 'models' | 'embeddings';

/** A running fake and the knobs a test turns. */
export interface FakeLlm {
  /** Origin, no trailing slash. */
  url: string;
  /** The API base the client is given (GigaChat: `${url}/api/v1`; OpenAI: `${url}/v1`). */
  baseUrl: string;
  /** Every request, recorded before it is answered. */
  requests: FakeLlmRequest[];
  /** Served by GET /models; chat and embeddings answer 404 for a model not in it. Mutable. */
  models: Array<{ id: string; type?: string }>;
  /** Replaces the chat handler; the default answers DEFAULT_CHAT_CONTENT. */
  onChat(handler: ChatHandler): void;
  /**
   * The next `times` (default 1) requests to `route` answer `status` with the provider's error
   * body (message optional), before anything else (authentication included).
   */
  failNext(route: FakeLlmRoute, status: number, options?: { times?: number; message?: string; headers?: Record<string, string> }): void;
  /** Bodies of chat completions that reached the handler. */
  chatCalls(): ChatBody[];
  close(): Promise<void>;
}

/** The GigaChat fake: OAuth tokens on top of the API. */
export interface FakeGigaChat extends FakeLlm {
  /** `${url}/api/v2/oauth` */
  authUrl: string;
  /** The CA certificate file to trust (GIGACHAT_CA_FILE); '' when started with `tls: false`. */
  caFile: string;
  /** The same CA as PEM text; '' when started with `tls: false`. */
  caPem: string;
  /** The authorization key the fake accepts: base64("test-client-id:test-client-secret"). */
  credentials: string;
  /** 'GIGACHAT_API_PERS' */
  scope: string;
  tokensIssued(): number;
  /** Lifetime of tokens issued from now on; mutable, default 30 min. */
  tokenTtlMs: number;
  /** Every token issued so far now answers 401 on API calls. */
  expireTokens(): void;
}

/** The OpenAI-compatible fake. */
export interface FakeOpenAi extends FakeLlm {
  /** The key required as `Authorization: Bearer <key>`; null accepts any key or none. */
  apiKey: string | null;
}

/** What the default chat handler answers: the engines' JSON for "cannot answer from the documents". */
export const DEFAULT_CHAT_CONTENT = '{"answerable":false,"wants_person":false,"answer":"","sources":[]}';
/** base64("test-client-id:test-client-secret") */
export const GIGACHAT_CREDENTIALS = Buffer.from('test-client-id:test-client-secret').toString('base64');
export const GIGACHAT_SCOPE = 'GIGACHAT_API_PERS';
export const OPENAI_API_KEY = 'test-openai-key';
/** Vector length of fake embeddings unless the request asks for `dimensions` (OpenAI only). */
export const EMBEDDING_DIMENSIONS = 8;

const GIGACHAT_MODELS = [
  { id: 'GigaChat', type: 'chat' },
  { id: 'GigaChat-2-Pro', type: 'chat' },
  { id: 'GigaChat-2-Max', type: 'chat' },
  { id: 'Embeddings', type: 'embedder' },
];
const OPENAI_MODELS = [{ id: 'test-model' }, { id: 'test-embed' }];
const GIGACHAT_VERSION = '2.0.28.2';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A deterministic unit vector for a text: its words hashed into `dimensions` signed buckets, so
 * equal texts get equal vectors and texts sharing words lean the same way. Float32-exact, so the
 * float and base64 encodings decode to the same numbers.
 */
export function fakeEmbedding(text: string, dimensions = EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const hash = createHash('sha256').update(word).digest();
    const bucket = hash.readUInt32LE(0) % dimensions;
    vector[bucket] = (vector[bucket] ?? 0) + ((hash[4] ?? 0) & 1 ? 1 : -1);
  }
  const length = Math.hypot(...vector);
  return vector.map((value) => Math.fround(length === 0 ? 0 : value / length));
}

/** Starts the GigaChat fake: HTTPS with a fresh test CA unless `tls: false`. */
export async function startFakeGigaChat(options: { dir?: string; tls?: boolean } = {}): Promise<FakeGigaChat> {
  const fake = new FakeGigaChatServer();
  if (options.tls === false) {
    await fake.listen(undefined);
    return fake;
  }
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'fake-gigachat-')));
  try {
    const ca = await createTestCa(dir);
    fake.caFile = ca.caFile;
    fake.caPem = ca.caPem;
    // The chain includes the root, as GigaChat's does, so an untrusting client sees "self-signed certificate in certificate chain".
    await fake.listen({ key: ca.keyPem, cert: ca.certPem + ca.caPem }, options.dir === undefined ? dir : undefined);
  } catch (error) {
    if (options.dir === undefined) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return fake;
}

/** Starts the OpenAI-compatible fake over plain HTTP. */
export async function startFakeOpenAi(options: { apiKey?: string | null; basePath?: string } = {}): Promise<FakeOpenAi> {
  const fake = new FakeOpenAiServer(options.apiKey === undefined ? OPENAI_API_KEY : options.apiKey, options.basePath ?? '/v1');
  await fake.listen(undefined);
  return fake;
}

/** Thrown inside handlers: answer with this status, body (already in the provider's shape) and headers. */
class ReplyError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`fake LLM reply ${status}`);
  }
}

interface FailRule {
  route: FakeLlmRoute;
  status: number;
  times: number;
  message: string | undefined;
  headers: Record<string, string>;
}

/** The shared core: request recording, routing, injected failures, chat/models/embeddings flow. */
abstract class FakeLlmServer implements FakeLlm {
  url = '';
  baseUrl = '';
  readonly requests: FakeLlmRequest[] = [];
  models: Array<{ id: string; type?: string }>;
  private handler: ChatHandler = () => ({ content: DEFAULT_CHAT_CONTENT });
  private readonly failRules: FailRule[] = [];
  private readonly chatBodies: ChatBody[] = [];
  /** Ends pending `delayMs` waits when the fake closes. */
  private readonly closing = new AbortController();
  private server: Server | undefined;
  private ownDir: string | undefined;

  constructor(
    protected readonly basePath: string,
    models: Array<{ id: string; type?: string }>,
  ) {
    this.models = models.map((model) => ({ ...model }));
  }

  /** The provider's error body for a status, with its default text when no message is given. */
  protected abstract errorBody(status: number, message?: string): unknown;
  /** Throws a ReplyError unless the API call carries valid credentials. */
  protected abstract checkAuth(headers: Record<string, string | undefined>): void;
  /** A malformed request body, in the provider's status and shape. */
  protected abstract invalid(message: string): ReplyError;
  protected abstract unknownModel(model: string): ReplyError;
  protected abstract chatJson(body: ChatBody, reply: FakeChatReply): unknown;
  protected abstract modelJson(model: { id: string; type?: string }): unknown;
  protected abstract embeddingsJson(body: Record<string, unknown>, model: string, inputs: string[]): unknown;
  /** Provider-specific checks of a chat body that already has a known model and a messages array. */
  protected checkChat(_body: ChatBody): void {}
  protected issueToken(_raw: string, _headers: Record<string, string | undefined>): unknown {
    throw new ReplyError(404, this.errorBody(404, 'Not Found'));
  }

  /** Listens on 127.0.0.1, over HTTPS when `tls` is given; `ownDir` is removed on close. */
  async listen(tls: { key: string; cert: string } | undefined, ownDir?: string): Promise<void> {
    const listener: RequestListener = (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, this.errorBody(500, String(error)));
      });
    };
    this.ownDir = ownDir;
    if (tls === undefined) {
      const http = await createHttpTestServer(listener);
      this.server = http.server;
      this.url = http.url;
    } else {
      const server = createHttpsServer(tls, listener);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      this.server = server;
      this.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    this.baseUrl = `${this.url}${this.basePath}`;
  }

  onChat(handler: ChatHandler): void {
    this.handler = handler;
  }

  failNext(route: FakeLlmRoute, status: number, options: { times?: number; message?: string; headers?: Record<string, string> } = {}): void {
    this.failRules.push({ route, status, times: options.times ?? 1, message: options.message, headers: options.headers ?? {} });
  }

  chatCalls(): ChatBody[] {
    return [...this.chatBodies];
  }

  async close(): Promise<void> {
    this.closing.abort();
    if (this.server) await closeHttpServer(this.server);
    if (this.ownDir !== undefined) await rm(this.ownDir, { recursive: true, force: true });
  }

  /** Which route a request is for, and the model id of `GET /models/{id}`. */
  protected routeOf(method: string, path: string): { route: FakeLlmRoute; modelId?: string } | undefined {
    if (!path.startsWith(`${this.basePath}/`)) return undefined;
    const rest = path.slice(this.basePath.length);
    if (method === 'POST' && rest === '/chat/completions') return { route: 'chat' };
    if (method === 'POST' && rest === '/embeddings') return { route: 'embeddings' };
    if (method === 'GET' && rest === '/models') return { route: 'models' };
    const model = /^\/models\/([^/]+)$/.exec(rest)?.[1];
    if (method === 'GET' && model !== undefined) return { route: 'models', modelId: decodeURIComponent(model) };
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const raw = (await readBody(req)).toString('utf8');
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const request: FakeLlmRequest = { method, path, headers, body: parseBody(raw) };
    this.requests.push(request);
    try {
      const target = this.routeOf(method, path);
      if (target === undefined) throw new ReplyError(404, this.errorBody(404, `Invalid URL (${method} ${path})`));
      const rule = this.takeFailRule(target.route);
      if (rule) throw new ReplyError(rule.status, this.errorBody(rule.status, rule.message), rule.headers);
      if (target.route === 'oauth') return send(res, 200, this.issueToken(raw, headers));
      this.checkAuth(headers);
      if (target.route === 'models') return send(res, 200, this.answerModels(target.modelId));
      if (!isRecord(request.body)) throw this.invalid('the request body must be a JSON object');
      if (target.route === 'embeddings') return send(res, 200, this.answerEmbeddings(request.body));
      await this.answerChat(request, res);
    } catch (error) {
      if (!(error instanceof ReplyError)) throw error;
      send(res, error.status, error.body, error.headers);
    }
  }

  private takeFailRule(route: FakeLlmRoute): FailRule | undefined {
    const index = this.failRules.findIndex((rule) => rule.route === route);
    const rule = this.failRules[index];
    if (!rule) return undefined;
    rule.times -= 1;
    if (rule.times <= 0) this.failRules.splice(index, 1);
    return rule;
  }

  private answerModels(modelId: string | undefined): unknown {
    if (modelId === undefined) return { object: 'list', data: this.models.map((model) => this.modelJson(model)) };
    const model = this.models.find((candidate) => candidate.id === modelId);
    if (!model) throw this.unknownModel(modelId);
    return this.modelJson(model);
  }

  private requireModel(body: Record<string, unknown>): string {
    if (typeof body.model !== 'string' || body.model === '') throw this.invalid('model is required');
    if (!this.models.some((model) => model.id === body.model)) throw this.unknownModel(body.model);
    return body.model;
  }

  private answerEmbeddings(body: Record<string, unknown>): unknown {
    const model = this.requireModel(body);
    const input = body.input;
    const inputs = typeof input === 'string' ? [input] : input;
    if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((item) => typeof item === 'string')) {
      throw this.invalid('input must be a string or a non-empty array of strings');
    }
    return this.embeddingsJson(body, model, inputs as string[]);
  }

  private async answerChat(request: FakeLlmRequest, res: ServerResponse): Promise<void> {
    const body = request.body as Record<string, unknown>;
    this.requireModel(body);
    if (!Array.isArray(body.messages) || body.messages.length === 0 || !body.messages.every(isRecord)) {
      throw this.invalid('messages must be a non-empty array of messages');
    }
    const chat = body as ChatBody;
    this.checkChat(chat);
    this.chatBodies.push(chat);
    const reply = await this.handler(chat, request);
    if (reply.delayMs !== undefined && reply.delayMs > 0) await sleep(reply.delayMs, undefined, { signal: this.closing.signal });
    const status = reply.status ?? 200;
    if (reply.rawBody !== undefined) return sendRaw(res, status, reply.rawBody, reply.contentType ?? 'application/json', reply.headers);
    if (status !== 200) return send(res, status, this.errorBody(status, reply.message), reply.headers);
    send(res, 200, this.chatJson(chat, reply), reply.headers);
  }
}

const GIGACHAT_MESSAGES: Record<number, string> = {
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Permission denied',
  404: 'No such model',
  413: 'Payload too large',
  422: 'Invalid params',
  429: 'Too many requests',
  500: 'Internal Server Error',
};

class FakeGigaChatServer extends FakeLlmServer implements FakeGigaChat {
  authUrl = '';
  caFile = '';
  caPem = '';
  readonly credentials = GIGACHAT_CREDENTIALS;
  readonly scope = GIGACHAT_SCOPE;
  tokenTtlMs = 30 * 60_000;
  /** Token → expiry, Unix ms. */
  private readonly tokens = new Map<string, number>();
  private issued = 0;

  constructor() {
    super('/api/v1', GIGACHAT_MODELS);
  }

  override async listen(tls: { key: string; cert: string } | undefined, ownDir?: string): Promise<void> {
    await super.listen(tls, ownDir);
    this.authUrl = `${this.url}/api/v2/oauth`;
  }

  tokensIssued(): number {
    return this.issued;
  }

  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  protected override routeOf(method: string, path: string): { route: FakeLlmRoute; modelId?: string } | undefined {
    if (method === 'POST' && path === '/api/v2/oauth') return { route: 'oauth' };
    return super.routeOf(method, path);
  }

  /** The OAuth endpoint answers `{code, message}`, unlike the API host. */
  protected override issueToken(raw: string, headers: Record<string, string | undefined>): unknown {
    const oauthError = (status: number, code: number, message: string): ReplyError => new ReplyError(status, { code, message });
    const [scheme, key] = (headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'basic' || key !== this.credentials) throw oauthError(401, 6, "credentials doesn't match db data");
    if (!UUID.test(headers.rquid ?? '')) throw oauthError(400, 1, 'RqUID header is invalid');
    if (!(headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) throw oauthError(400, 1, 'scope data format invalid');
    const scope = new URLSearchParams(raw).get('scope') ?? '';
    if (scope === '') throw oauthError(400, 5, 'scope is empty');
    if (scope !== this.scope) throw oauthError(400, 7, 'scope from db not fully includes consumed scope');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = Date.now() + this.tokenTtlMs;
    this.tokens.set(token, expiresAt);
    this.issued += 1;
    return { access_token: token, expires_at: expiresAt };
  }

  protected checkAuth(headers: Record<string, string | undefined>): void {
    const [scheme, token] = (headers.authorization ?? '').split(' ');
    const expiresAt = token === undefined ? undefined : this.tokens.get(token);
    if (scheme?.toLowerCase() !== 'bearer' || expiresAt === undefined || expiresAt <= Date.now()) {
      throw new ReplyError(401, this.errorBody(401));
    }
  }

  protected errorBody(status: number, message?: string): unknown {
    return { status, message: message ?? GIGACHAT_MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error' };
  }

  protected invalid(message: string): ReplyError {
    return new ReplyError(422, this.errorBody(422, `Invalid params: ${message}`));
  }

  protected unknownModel(): ReplyError {
    return new ReplyError(404, this.errorBody(404, 'No such model'));
  }

  protected override checkChat(body: ChatBody): void {
    const systems = body.messages.flatMap((message, index) => (message.role === 'system' ? [index] : []));
    if (systems.length > 1 || (systems.length === 1 && systems[0] !== 0)) {
      throw this.invalid('system message must be the first message');
    }
  }

  protected chatJson(body: ChatBody, reply: FakeChatReply): unknown {
    const content = reply.content ?? '';
    const usage = reply.usage ?? estimateUsage(body, content);
    return {
      choices: [{ message: { role: 'assistant', content }, index: 0, finish_reason: reply.finishReason ?? 'stop' }],
      created: Math.floor(Date.now() / 1000),
      model: `${body.model}:${GIGACHAT_VERSION}`,
      object: 'chat.completion',
      usage: { ...usage, precached_prompt_tokens: 0, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    };
  }

  protected modelJson(model: { id: string; type?: string }): unknown {
    return { id: model.id, object: 'model', owned_by: 'salutedevices', type: model.type ?? 'chat' };
  }

  /** Number arrays always: GigaChat documents no `encoding_format`, so the fake ignores it. */
  protected embeddingsJson(_body: Record<string, unknown>, model: string, inputs: string[]): unknown {
    return {
      object: 'list',
      model,
      data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text), usage: { prompt_tokens: countTokens(text) } })),
    };
  }
}

const OPENAI_ERRORS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Bad request' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided' },
  403: { type: 'request_forbidden', code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported' },
  404: { type: 'not_found_error', code: null, message: 'Not found' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later' },
};

class FakeOpenAiServer extends FakeLlmServer implements FakeOpenAi {
  constructor(
    readonly apiKey: string | null,
    basePath: string,
  ) {
    super(basePath, OPENAI_MODELS);
  }

  override failNext(route: FakeLlmRoute, status: number, options?: { times?: number; message?: string; headers?: Record<string, string> }): void {
    if (route === 'oauth') throw new Error('The OpenAI-compatible fake has no OAuth endpoint.');
    super.failNext(route, status, options);
  }

  protected checkAuth(headers: Record<string, string | undefined>): void {
    if (this.apiKey !== null && headers.authorization !== `Bearer ${this.apiKey}`) throw new ReplyError(401, this.errorBody(401));
  }

  protected errorBody(status: number, message?: string): unknown {
    const known = OPENAI_ERRORS[status] ?? { type: 'api_error', code: null, message: STATUS_CODES[status] ?? 'Error' };
    return { error: { message: message ?? known.message, type: known.type, param: null, code: known.code } };
  }

  protected invalid(message: string): ReplyError {
    return new ReplyError(400, this.errorBody(400, message));
  }

  /** Ollama's words for a model it does not have. */
  protected unknownModel(model: string): ReplyError {
    return new ReplyError(404, this.errorBody(404, `model '${model}' not found`));
  }

  protected chatJson(body: ChatBody, reply: FakeChatReply): unknown {
    const content = reply.content ?? '';
    const usage = reply.usage ?? estimateUsage(body, content);
    return {
      id: `chatcmpl-${randomBytes(12).toString('hex')}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: reply.finishReason ?? 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    };
  }

  protected modelJson(model: { id: string }): unknown {
    return { id: model.id, object: 'model', created: 1_700_000_000, owned_by: 'library' };
  }

  /** Honours `encoding_format`: the SDK asks for base64 (little-endian float32) unless told otherwise. */
  protected embeddingsJson(body: Record<string, unknown>, model: string, inputs: string[]): unknown {
    const format = body.encoding_format ?? 'float';
    if (format !== 'float' && format !== 'base64') throw this.invalid(`encoding_format must be 'float' or 'base64'`);
    const dimensions = typeof body.dimensions === 'number' && body.dimensions > 0 ? Math.floor(body.dimensions) : EMBEDDING_DIMENSIONS;
    const data = inputs.map((text, index) => {
      const vector = fakeEmbedding(text, dimensions);
      const embedding = format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
      return { object: 'embedding', index, embedding };
    });
    const tokens = inputs.reduce((sum, text) => sum + countTokens(text), 0);
    return { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
  }
}

/** Roughly four characters a token, at least one. */
function countTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function estimateUsage(body: ChatBody, content: string): { prompt_tokens: number; completion_tokens: number } {
  const prompt = body.messages.map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content))).join('\n');
  return { prompt_tokens: countTokens(prompt), completion_tokens: countTokens(content) };
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

function sendRaw(res: ServerResponse, status: number, payload: string, contentType: string, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}
