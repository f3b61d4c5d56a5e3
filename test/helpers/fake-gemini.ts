/**
 * A loopback fake of the Gemini API's File Search subset, spoken to by the real `@google/genai`
 * SDK (`httpOptions.baseUrl`), so the File Search engine is tested against the wire protocol the
 * SDK actually uses (resumable uploads, long-running operations, pagers, grounding metadata)
 * rather than against a mock of our own assumptions.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createHttpTestServer } from './http-test-server.js';
import type { HttpTestServer } from './http-test-server.js';

/** One request the fake received, recorded before it was answered. */
export interface FakeGeminiRequest {
  method: string;
  /** The URL path without the query, e.g. `/v1beta/fileSearchStores`. */
  path: string;
  query: Record<string, string>;
  /** Lowercased header names, as node reports them. */
  headers: Record<string, string | undefined>;
  /** The parsed JSON body, or undefined (no body, or a byte upload). */
  body: unknown;
  /** For upload byte posts: how many bytes the request carried. */
  bytes?: number;
}

/** A document in a fake store. `text` is test-only: the API never returns a document's content. */
export interface FakeDocument {
  /** `fileSearchStores/S/documents/D` */
  name: string;
  displayName: string;
  mimeType: string;
  customMetadata: Array<{ key: string; stringValue?: string; numericValue?: number }>;
  state: 'STATE_PENDING' | 'STATE_ACTIVE' | 'STATE_FAILED';
  sizeBytes: string;
  createTime: string;
  /** The uploaded bytes decoded as UTF-8. */
  text: string;
}

/** A fake File Search store. */
export interface FakeStore {
  name: string;
  displayName: string;
  createTime: string;
  /** By document resource name, in creation order. */
  documents: Map<string, FakeDocument>;
}

/** What `answerWith` makes generateContent answer. */
export interface FakeAnswer {
  text: string;
  /** Grounding chunks; undefined or empty means the answer is ungrounded (no groundingMetadata). */
  chunks?: Array<{ title: string; text: string; documentName?: string }>;
  /** Default STOP; MAX_TOKENS or SAFETY for a cut-off answer. */
  finishReason?: string;
}

/** The request summary `answerWith` decides on. */
export interface FakeGenerateRequest {
  model: string;
  question: string;
  metadataFilter?: string;
  storeNames: string[];
  systemInstruction: string;
  // The raw REST body: tests dig into whatever field they are checking, so it stays untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A running fake Gemini server and the knobs a test turns. */
export interface FakeGemini {
  /** `http://127.0.0.1:PORT`, no trailing slash: pass as `httpOptions.baseUrl`. */
  url: string;
  /** The only key accepted (`test-gemini-key`); any other gets 400 INVALID_ARGUMENT. */
  apiKey: string;
  /** Every request, in order. */
  requests: FakeGeminiRequest[];
  /** By resource name. */
  stores: Map<string, FakeStore>;
  /** Creates a store directly (bypassing HTTP) and returns it. */
  addStore(displayName: string): FakeStore;
  /** Adds a document directly (bypassing HTTP). */
  addDocument(
    store: FakeStore,
    doc: {
      displayName: string;
      text: string;
      customMetadata?: FakeDocument['customMetadata'];
      state?: FakeDocument['state'];
      mimeType?: string;
    },
  ): FakeDocument;
  /**
   * The next `times` (default 1) requests whose `METHOD path` (e.g.
   * `POST /v1beta/models/gemini-flash-latest:generateContent`) matches `match` (substring or
   * RegExp) get a Google error JSON with this status; `destroy: true` drops the socket instead.
   */
  failNext(match: string | RegExp, status: number, options?: { times?: number; message?: string; destroy?: boolean }): void;
  /** Forgets every pending `failNext` rule: the outage is over. */
  clearFailures(): void;
  /** Upload operations for documents with this displayName end with `{code: 13, message}`; no document is created. */
  failUploadOf(displayName: string, message?: string): void;
  /** operations.get polls an upload needs before it is done (default 0); meanwhile the document is STATE_PENDING. */
  operationPolls: number;
  /** Overrides generateContent's answer; returning undefined falls back to the built-in retrieval. */
  answerWith?: (request: FakeGenerateRequest) => FakeAnswer | undefined;
  /** Extra latency in ms before every generateContent answer (default 0). */
  generateDelayMs: number;
  close(): Promise<void>;
}

/** The canned answer when nothing was retrieved: plausible and wrong, so callers must check grounding. */
export const UNGROUNDED_ANSWER = 'Конечно, всё есть в наличии, цена 5000 рублей.';

const API_KEY = 'test-gemini-key';
const MAX_PAGE_SIZE = 20;
const DEFAULT_PAGE_SIZE = 10;
const DEFAULT_TOP_K = 5;

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Thrown inside handlers to answer with a Google error JSON. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly statusName = STATUS_NAMES[status] ?? 'UNKNOWN',
  ) {
    super(message);
  }
}

interface FailRule {
  match: string | RegExp;
  status: number;
  times: number;
  message: string | undefined;
  destroy: boolean;
}

interface UploadSession {
  storeName: string;
  displayName: string;
  mimeType: string;
  customMetadata: FakeDocument['customMetadata'];
  length: number;
  received: Buffer[];
  receivedBytes: number;
}

interface FakeOperation {
  name: string;
  parent: string;
  pollsLeft: number;
  documentName?: string;
  error?: { code: number; message: string };
}

/** Starts the fake on a loopback port. */
export async function startFakeGemini(): Promise<FakeGemini> {
  const fake = new FakeGeminiServer();
  await fake.listen();
  return fake;
}

/** Parsed generateContent calls: the metadataFilter and store names sent, and the question. */
export function generateCalls(
  fake: FakeGemini,
): Array<{ model: string; metadataFilter?: string; storeNames: string[]; question: string }> {
  const calls: Array<{ model: string; metadataFilter?: string; storeNames: string[]; question: string }> = [];
  for (const request of fake.requests) {
    const model = GENERATE_PATH.exec(request.path)?.[1];
    if (request.method !== 'POST' || model === undefined || !isRecord(request.body)) continue;
    const search = fileSearchOf(request.body);
    calls.push({
      model,
      ...(search.metadataFilter !== undefined ? { metadataFilter: search.metadataFilter } : {}),
      storeNames: search.storeNames,
      question: questionOf(request.body) ?? '',
    });
  }
  return calls;
}

const VERSION = '(?:v1beta|v1)';
const GENERATE_PATH = new RegExp(`^/${VERSION}/models/([^/:]+):generateContent$`);

class FakeGeminiServer implements FakeGemini {
  url = '';
  readonly apiKey = API_KEY;
  readonly requests: FakeGeminiRequest[] = [];
  readonly stores = new Map<string, FakeStore>();
  operationPolls = 0;
  answerWith?: (request: FakeGenerateRequest) => FakeAnswer | undefined;
  generateDelayMs = 0;
  private http: HttpTestServer | undefined;
  private readonly failRules: FailRule[] = [];
  private readonly failingUploads = new Map<string, string>();
  private readonly sessions = new Map<string, UploadSession>();
  private readonly operations = new Map<string, FakeOperation>();
  private lastTime = 0;

  async listen(): Promise<void> {
    this.http = await createHttpTestServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendError(res, new HttpError(500, String(error)));
      });
    });
    this.url = this.http.url;
  }

  addStore(displayName: string): FakeStore {
    const store: FakeStore = {
      name: `fileSearchStores/${slug(displayName, 'store')}-${randomId()}`,
      displayName,
      createTime: this.now(),
      documents: new Map(),
    };
    this.stores.set(store.name, store);
    return store;
  }

  addDocument(
    store: FakeStore,
    doc: {
      displayName: string;
      text: string;
      customMetadata?: FakeDocument['customMetadata'];
      state?: FakeDocument['state'];
      mimeType?: string;
    },
  ): FakeDocument {
    const document: FakeDocument = {
      name: `${store.name}/documents/${slug(doc.displayName, 'document')}-${randomId()}`,
      displayName: doc.displayName,
      mimeType: doc.mimeType ?? 'text/plain',
      customMetadata: doc.customMetadata ?? [],
      state: doc.state ?? 'STATE_ACTIVE',
      sizeBytes: String(Buffer.byteLength(doc.text)),
      createTime: this.now(),
      text: doc.text,
    };
    store.documents.set(document.name, document);
    return document;
  }

  failNext(match: string | RegExp, status: number, options: { times?: number; message?: string; destroy?: boolean } = {}): void {
    this.failRules.push({
      match,
      status,
      times: options.times ?? 1,
      message: options.message,
      destroy: options.destroy ?? false,
    });
  }

  clearFailures(): void {
    this.failRules.length = 0;
  }

  failUploadOf(displayName: string, message = 'Failed to process the document.'): void {
    this.failingUploads.set(displayName, message);
  }

  async close(): Promise<void> {
    await this.http?.close();
  }

  /** Strictly increasing timestamps, so "createTime order" is also creation order. */
  private now(): string {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return new Date(this.lastTime).toISOString();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const raw = await readBody(req);
    const isBytePost = method === 'POST' && path.startsWith('/upload/sessions/');
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const record: FakeGeminiRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
    };
    if (isBytePost) record.bytes = raw.length;
    this.requests.push(record);

    const rule = this.takeFailRule(`${method} ${path}`);
    if (rule) {
      if (rule.destroy) {
        req.socket.destroy();
        return;
      }
      sendError(res, new HttpError(rule.status, rule.message ?? `Injected failure (${rule.status}).`));
      return;
    }

    try {
      if (!isBytePost) {
        if (raw.length > 0) {
          try {
            record.body = JSON.parse(raw.toString('utf8')) as unknown;
          } catch {
            throw new HttpError(400, 'Invalid JSON payload received.');
          }
        }
        const key = headers['x-goog-api-key'];
        // Google answers a missing key differently from a wrong one.
        if (key === undefined) {
          throw new HttpError(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
        }
        if (key !== this.apiKey) throw new HttpError(400, 'API key not valid. Please pass a valid API key.');
      }
      await this.route(method, path, url.searchParams, record.body, raw, headers, res);
    } catch (error) {
      if (error instanceof HttpError) sendError(res, error);
      else throw error;
    }
  }

  private takeFailRule(target: string): FailRule | undefined {
    const index = this.failRules.findIndex((rule) =>
      typeof rule.match === 'string' ? target.includes(rule.match) : rule.match.test(target),
    );
    const rule = this.failRules[index];
    if (!rule) return undefined;
    rule.times -= 1;
    if (rule.times <= 0) this.failRules.splice(index, 1);
    return rule;
  }

  private async route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    raw: Buffer,
    headers: Record<string, string | undefined>,
    res: ServerResponse,
  ): Promise<void> {
    let m: RegExpExecArray | null;
    if ((m = /^\/upload\/sessions\/([^/]+)\/?$/.exec(path)) && method === 'POST') {
      return this.uploadBytes(decodeURIComponent(m[1] ?? ''), raw, headers, res);
    }
    if ((m = new RegExp(`^/upload/${VERSION}/fileSearchStores/([^/:]+):uploadToFileSearchStore$`).exec(path)) && method === 'POST') {
      return this.uploadStart(storeName(m[1]), body, headers, res);
    }
    const generate = GENERATE_PATH.exec(path);
    if (generate && method === 'POST') return this.generate(generate[1] ?? '', body, res);

    const rest = new RegExp(`^/${VERSION}/(.*)$`).exec(path)?.[1];
    if (rest === undefined) throw notFound(method, path);
    if (rest === 'fileSearchStores' && method === 'POST') {
      const displayName = isRecord(body) && typeof body.displayName === 'string' ? body.displayName : '';
      return send(res, 200, storeJson(this.addStore(displayName)));
    }
    if (rest === 'fileSearchStores' && method === 'GET') {
      const page = paginate([...this.stores.values()], query);
      return send(res, 200, { fileSearchStores: page.items.map(storeJson), ...page.next });
    }
    if ((m = /^fileSearchStores\/([^/]+)$/.exec(rest))) {
      const store = this.store(storeName(m[1]));
      if (method === 'GET') return send(res, 200, storeJson(store));
      if (method === 'DELETE') {
        if (store.documents.size > 0 && query.get('force') !== 'true') {
          throw new HttpError(400, `Cannot delete non-empty FileSearchStore '${store.name}' unless force is set.`, 'FAILED_PRECONDITION');
        }
        this.stores.delete(store.name);
        return send(res, 200, {});
      }
    }
    if ((m = /^fileSearchStores\/([^/]+)\/documents$/.exec(rest)) && method === 'GET') {
      const store = this.store(storeName(m[1]));
      const page = paginate([...store.documents.values()], query);
      return send(res, 200, { documents: page.items.map(documentJson), ...page.next });
    }
    if ((m = /^fileSearchStores\/([^/]+)\/documents\/([^/]+)$/.exec(rest))) {
      const store = this.store(storeName(m[1]));
      const name = `${store.name}/documents/${decodeURIComponent(m[2] ?? '')}`;
      const document = store.documents.get(name);
      if (!document) throw new HttpError(404, `Document '${name}' not found.`);
      if (method === 'GET') return send(res, 200, documentJson(document));
      if (method === 'DELETE') {
        store.documents.delete(name);
        return send(res, 200, {});
      }
    }
    if ((m = /^fileSearchStores\/[^/]+\/(?:upload\/)?operations\/[^/]+$/.exec(rest)) && method === 'GET') {
      return send(res, 200, this.pollOperation(decodeURIComponent(rest)));
    }
    throw notFound(method, path);
  }

  private store(name: string): FakeStore {
    const store = this.stores.get(name);
    if (!store) throw new HttpError(404, `FileSearchStore '${name}' not found.`);
    return store;
  }

  /** Step 1 of the resumable upload: check the announcement and hand out a session URL. */
  private uploadStart(name: string, body: unknown, headers: Record<string, string | undefined>, res: ServerResponse): void {
    const protocol = headers['x-goog-upload-protocol'];
    const command = headers['x-goog-upload-command'];
    const length = headers['x-goog-upload-header-content-length'];
    const contentType = headers['x-goog-upload-header-content-type'];
    if (protocol !== 'resumable' || command !== 'start') {
      throw new HttpError(400, 'Expected X-Goog-Upload-Protocol: resumable and X-Goog-Upload-Command: start.');
    }
    if (length === undefined || !/^\d+$/.test(length)) {
      throw new HttpError(400, 'Missing or invalid X-Goog-Upload-Header-Content-Length.');
    }
    if (contentType === undefined || contentType === '') throw new HttpError(400, 'Missing X-Goog-Upload-Header-Content-Type.');
    const store = this.store(name);
    const meta = isRecord(body) ? body : {};
    const id = randomId(16);
    this.sessions.set(id, {
      storeName: store.name,
      displayName: typeof meta.displayName === 'string' ? meta.displayName : '',
      mimeType: typeof meta.mimeType === 'string' ? meta.mimeType : contentType,
      customMetadata: Array.isArray(meta.customMetadata) ? (meta.customMetadata as FakeDocument['customMetadata']) : [],
      length: Number(length),
      received: [],
      receivedBytes: 0,
    });
    send(res, 200, {}, {
      'X-Goog-Upload-URL': `${this.url}/upload/sessions/${id}`,
      'X-Goog-Upload-Status': 'active',
      'X-Goog-Upload-Chunk-Granularity': '8388608',
    });
  }

  /** Step 2: a chunk of bytes; on `finalize`, the document and its operation come into being. */
  private uploadBytes(id: string, raw: Buffer, headers: Record<string, string | undefined>, res: ServerResponse): void {
    const session = this.sessions.get(id);
    if (!session) throw new HttpError(404, `Upload session '${id}' not found.`);
    const commands = (headers['x-goog-upload-command'] ?? '').split(',').map((c) => c.trim());
    if (!commands.includes('upload')) throw new HttpError(400, 'Expected X-Goog-Upload-Command: upload.');
    const offset = headers['x-goog-upload-offset'];
    if (offset !== String(session.receivedBytes)) {
      throw new HttpError(400, `X-Goog-Upload-Offset ${offset ?? '(missing)'} does not match ${session.receivedBytes} bytes received.`);
    }
    session.received.push(raw);
    session.receivedBytes += raw.length;
    if (!commands.includes('finalize')) {
      send(res, 200, {}, { 'X-Goog-Upload-Status': 'active' });
      return;
    }
    this.sessions.delete(id);
    if (session.receivedBytes !== session.length) {
      throw new HttpError(400, `Received ${session.receivedBytes} bytes, announced ${session.length}.`);
    }
    const operation: FakeOperation = {
      name: `${session.storeName}/upload/operations/${slug(session.displayName, 'upload')}-${randomId()}`,
      parent: session.storeName,
      pollsLeft: this.operationPolls,
    };
    const failure = this.failingUploads.get(session.displayName);
    const store = this.stores.get(session.storeName);
    if (failure !== undefined || !store) {
      operation.error = { code: 13, message: failure ?? `FileSearchStore '${session.storeName}' was deleted.` };
    } else {
      const document = this.addDocument(store, {
        displayName: session.displayName,
        text: Buffer.concat(session.received).toString('utf8'),
        customMetadata: session.customMetadata,
        mimeType: session.mimeType,
        state: operation.pollsLeft > 0 ? 'STATE_PENDING' : 'STATE_ACTIVE',
      });
      operation.documentName = document.name;
    }
    this.operations.set(operation.name, operation);
    send(res, 200, { name: operation.name, done: false }, { 'X-Goog-Upload-Status': 'final' });
  }

  private pollOperation(name: string): object {
    const operation = this.operations.get(name);
    if (!operation) throw new HttpError(404, `Operation '${name}' not found.`);
    if (operation.pollsLeft > 0) {
      operation.pollsLeft -= 1;
      return { name, done: false };
    }
    if (operation.error) return { name, done: true, error: operation.error };
    const document = operation.documentName === undefined ? undefined : this.stores.get(operation.parent)?.documents.get(operation.documentName);
    if (document?.state === 'STATE_PENDING') document.state = 'STATE_ACTIVE';
    return {
      name,
      done: true,
      response: {
        '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.UploadToFileSearchStoreResponse',
        parent: operation.parent,
        documentName: operation.documentName,
      },
    };
  }

  private async generate(model: string, body: unknown, res: ServerResponse): Promise<void> {
    if (!isRecord(body) || !Array.isArray(body.contents) || body.contents.length === 0) {
      throw new HttpError(400, '* GenerateContentRequest.contents: contents is not specified');
    }
    const question = questionOf(body);
    if (question === undefined) throw new HttpError(400, '* GenerateContentRequest.contents: no user text part');
    const search = fileSearchOf(body);
    // Validate before answering, as the API does, so a bad filter fails even when answerWith is set.
    const filter = search.metadataFilter === undefined || search.metadataFilter.trim() === '' ? undefined : parseFilter(search.metadataFilter);
    const stores = search.storeNames.map((name) => this.store(name));
    const systemInstruction = isRecord(body.systemInstruction) ? partsText(body.systemInstruction.parts) : '';

    let answer = this.answerWith?.({
      model,
      question,
      ...(search.metadataFilter !== undefined ? { metadataFilter: search.metadataFilter } : {}),
      storeNames: search.storeNames,
      systemInstruction,
      body,
    });
    let grounding: Array<{ retrievedContext: Record<string, unknown> }> = [];
    if (answer) {
      grounding = (answer.chunks ?? []).map((chunk) => ({
        retrievedContext: {
          title: chunk.title,
          text: chunk.text,
          ...(search.storeNames[0] !== undefined ? { fileSearchStore: search.storeNames[0] } : {}),
          ...(chunk.documentName !== undefined ? { documentName: chunk.documentName } : {}),
        },
      }));
    } else {
      const hits = retrieve(stores, filter, question, search.topK ?? DEFAULT_TOP_K);
      const best = hits[0];
      answer = { text: best ? best.text : UNGROUNDED_ANSWER };
      grounding = hits.map((hit) => ({
        retrievedContext: {
          title: hit.document.displayName,
          text: hit.text,
          fileSearchStore: hit.store.name,
          documentName: hit.document.name,
          ...(hit.document.customMetadata.length > 0 ? { customMetadata: hit.document.customMetadata } : {}),
        },
      }));
    }

    if (this.generateDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.generateDelayMs));
    const text = answer.text;
    const promptTokens = Math.ceil((JSON.stringify(body.contents).length + systemInstruction.length) / 4);
    const candidateTokens = Math.ceil(text.length / 4);
    send(res, 200, {
      candidates: [
        {
          content: { role: 'model', parts: [{ text }] },
          finishReason: answer.finishReason ?? 'STOP',
          index: 0,
          // Absent, not empty, when nothing was retrieved: that is what callers must detect.
          ...(grounding.length > 0
            ? {
                groundingMetadata: {
                  groundingChunks: grounding,
                  groundingSupports: [{ segment: { startIndex: 0, endIndex: text.length, text }, groundingChunkIndices: [0] }],
                },
              }
            : {}),
        },
      ],
      usageMetadata: { promptTokenCount: promptTokens, candidatesTokenCount: candidateTokens, totalTokenCount: promptTokens + candidateTokens },
      modelVersion: model,
      responseId: randomId(20),
    });
  }
}

// ---- retrieval --------------------------------------------------------------------------------

interface Hit {
  store: FakeStore;
  document: FakeDocument;
  text: string;
  score: number;
}

/** Crude keyword retrieval: enough to tell "found in the documents" from "found nothing". */
function retrieve(stores: FakeStore[], filter: Filter | undefined, question: string, topK: number): Hit[] {
  const questionStems = [...new Set(words(question).filter((w) => w.length >= 4))].map((w) => w.slice(0, Math.min(5, w.length)));
  const hits: Hit[] = [];
  for (const store of stores) {
    for (const document of store.documents.values()) {
      if (document.state !== 'STATE_ACTIVE') continue;
      if (filter && !evaluate(filter, document.customMetadata)) continue;
      for (const paragraph of document.text.split(/\n[ \t]*\r?\n/)) {
        const text = paragraph.trim();
        if (text === '') continue;
        const chunkWords = words(text);
        const score = questionStems.filter((stem) => chunkWords.some((w) => w.startsWith(stem))).length;
        if (score >= 1) hits.push({ store, document, text, score });
      }
    }
  }
  // Array.prototype.sort is stable: ties keep document and paragraph order.
  return hits.sort((a, b) => b.score - a.score).slice(0, Math.max(0, topK));
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// ---- AIP-160 metadata filter (subset) ---------------------------------------------------------

type Filter =
  | { op: 'AND' | 'OR'; left: Filter; right: Filter }
  | { op: 'NOT'; operand: Filter }
  | { op: 'CMP'; key: string; comparator: string; value: string | number };

type Token = { kind: 'word' | 'string' | 'number' | 'symbol'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let value = '';
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\') i++;
        value += source[i] ?? '';
        i++;
      }
      if (i >= source.length) throw filterError(source, 'unterminated string');
      i++;
      tokens.push({ kind: 'string', text: value });
    } else if (/[<>!=]/.test(c)) {
      const two = source.slice(i, i + 2);
      const symbol = ['<=', '>=', '!='].includes(two) ? two : c;
      if (symbol === '!') throw filterError(source, 'unexpected "!"');
      tokens.push({ kind: 'symbol', text: symbol });
      i += symbol.length;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'symbol', text: c });
      i++;
    } else {
      const m = /^(?:-?\d+(?:\.\d+)?(?![\w.])|[A-Za-z_][\w.]*)/.exec(source.slice(i));
      if (!m) throw filterError(source, `unexpected "${c}"`);
      tokens.push({ kind: /^-?\d/.test(m[0]) ? 'number' : 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/**
 * Parses `key = "value"` comparisons (also `!=`, and `<`, `<=`, `>`, `>=` with numbers) joined by
 * AND / OR, with NOT and parentheses. As in AIP-160, OR binds tighter than AND.
 */
function parseFilter(source: string): Filter {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (text: string): boolean => peek()?.kind === 'word' && peek()?.text === text;
  const andExpr = (): Filter => {
    let left = orExpr();
    while (isWord('AND')) {
      pos++;
      left = { op: 'AND', left, right: orExpr() };
    }
    return left;
  };
  const orExpr = (): Filter => {
    let left = term();
    while (isWord('OR')) {
      pos++;
      left = { op: 'OR', left, right: term() };
    }
    return left;
  };
  const term = (): Filter => {
    if (isWord('NOT')) {
      pos++;
      return { op: 'NOT', operand: term() };
    }
    const token = tokens[pos++];
    if (token?.kind === 'symbol' && token.text === '(') {
      const inner = andExpr();
      const close = tokens[pos++];
      if (close?.kind !== 'symbol' || close.text !== ')') throw filterError(source, 'missing ")"');
      return inner;
    }
    if (token?.kind !== 'word' || ['AND', 'OR', 'NOT'].includes(token.text)) throw filterError(source, 'expected a key');
    const comparator = tokens[pos++];
    if (comparator?.kind !== 'symbol' || !['=', '!=', '<', '<=', '>', '>='].includes(comparator.text)) {
      throw filterError(source, `expected a comparison after "${token.text}"`);
    }
    const value = tokens[pos++];
    if (value?.kind === 'string' && ['=', '!='].includes(comparator.text)) {
      return { op: 'CMP', key: token.text, comparator: comparator.text, value: value.text };
    }
    if (value?.kind === 'number') return { op: 'CMP', key: token.text, comparator: comparator.text, value: Number(value.text) };
    throw filterError(source, `expected a value after "${token.text} ${comparator.text}"`);
  };
  const filter = andExpr();
  if (pos !== tokens.length) throw filterError(source, `unexpected "${tokens[pos]?.text ?? ''}"`);
  return filter;
}

function filterError(source: string, why: string): HttpError {
  return new HttpError(400, `Invalid metadata filter '${source}': ${why}.`);
}

function evaluate(filter: Filter, metadata: FakeDocument['customMetadata']): boolean {
  switch (filter.op) {
    case 'AND':
      return evaluate(filter.left, metadata) && evaluate(filter.right, metadata);
    case 'OR':
      return evaluate(filter.left, metadata) || evaluate(filter.right, metadata);
    case 'NOT':
      return !evaluate(filter.operand, metadata);
    case 'CMP': {
      const entry = metadata.find((e) => e.key === filter.key);
      // A type mismatch (string filter on a numeric entry, or vice versa) matches nothing.
      const actual = typeof filter.value === 'string' ? entry?.stringValue : entry?.numericValue;
      if (actual === undefined) return false;
      switch (filter.comparator) {
        case '=':
          return actual === filter.value;
        case '!=':
          return actual !== filter.value;
        case '<':
          return actual < filter.value;
        case '<=':
          return actual <= filter.value;
        case '>':
          return actual > filter.value;
        default:
          return actual >= filter.value;
      }
    }
  }
}

// ---- request parsing --------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function partsText(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  return parts
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}

/** The text of the last part of the last user content (role absent counts as user). */
function questionOf(body: Record<string, unknown>): string | undefined {
  if (!Array.isArray(body.contents)) return undefined;
  const users = body.contents.filter((c): c is Record<string, unknown> => isRecord(c) && (c.role === undefined || c.role === 'user'));
  const parts = users.at(-1)?.parts;
  const last: unknown = Array.isArray(parts) ? parts.at(-1) : undefined;
  return isRecord(last) && typeof last.text === 'string' ? last.text : undefined;
}

/** The fileSearch tool's settings; the SDK puts `tools` at the top level of the REST body. */
function fileSearchOf(body: Record<string, unknown>): { storeNames: string[]; metadataFilter?: string; topK?: number } {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  for (const tool of tools) {
    if (!isRecord(tool) || !isRecord(tool.fileSearch)) continue;
    const search = tool.fileSearch;
    const names = Array.isArray(search.fileSearchStoreNames) ? search.fileSearchStoreNames.filter((n): n is string => typeof n === 'string') : [];
    return {
      storeNames: names,
      ...(typeof search.metadataFilter === 'string' ? { metadataFilter: search.metadataFilter } : {}),
      ...(typeof search.topK === 'number' ? { topK: search.topK } : {}),
    };
  }
  return { storeNames: [] };
}

// ---- JSON shapes ------------------------------------------------------------------------------

function storeJson(store: FakeStore): object {
  const documents = [...store.documents.values()];
  const count = (state: FakeDocument['state']): string => String(documents.filter((d) => d.state === state).length);
  return {
    name: store.name,
    displayName: store.displayName,
    createTime: store.createTime,
    updateTime: store.createTime,
    activeDocumentsCount: count('STATE_ACTIVE'),
    pendingDocumentsCount: count('STATE_PENDING'),
    failedDocumentsCount: count('STATE_FAILED'),
    sizeBytes: String(documents.reduce((sum, d) => sum + Number(d.sizeBytes), 0)),
  };
}

/** A document as the API returns it: never its content; proto3 JSON omits an empty list. */
function documentJson(document: FakeDocument): object {
  return {
    name: document.name,
    displayName: document.displayName,
    ...(document.customMetadata.length > 0 ? { customMetadata: document.customMetadata } : {}),
    state: document.state,
    sizeBytes: document.sizeBytes,
    mimeType: document.mimeType,
    createTime: document.createTime,
    updateTime: document.createTime,
  };
}

function paginate<T>(items: T[], query: URLSearchParams): { items: T[]; next: { nextPageToken?: string } } {
  const sizeParam = query.get('pageSize');
  const size = sizeParam === null ? DEFAULT_PAGE_SIZE : Number(sizeParam);
  if (!Number.isInteger(size) || size < 0) throw new HttpError(400, `Invalid pageSize '${sizeParam}'.`);
  const pageSize = size === 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
  const token = query.get('pageToken');
  const offset = token === null || token === '' ? 0 : Number(token);
  if (!Number.isInteger(offset) || offset < 0 || offset > items.length) throw new HttpError(400, `Invalid pageToken '${token}'.`);
  const end = offset + pageSize;
  return { items: items.slice(offset, end), next: end < items.length ? { nextPageToken: String(end) } : {} };
}

// ---- plumbing ---------------------------------------------------------------------------------

function storeName(id: string | undefined): string {
  return `fileSearchStores/${decodeURIComponent(id ?? '')}`;
}

function notFound(method: string, path: string): HttpError {
  return new HttpError(404, `Method not found: ${method} ${path}`);
}

function slug(text: string, fallback: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s === '' ? fallback : s;
}

function randomId(length = 12): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
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
  if (res.destroyed) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}

function sendError(res: ServerResponse, error: HttpError): void {
  send(res, error.status, { error: { code: error.status, message: error.message, status: error.statusName } });
}
