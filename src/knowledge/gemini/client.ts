/**
 * The one module that talks to Google Gemini (File Search) through `@google/genai`. Verb-noun
 * functions over the SDK, each with our retry policy and our typed error, so the engine and the
 * sync never see an SDK type or an HTTP status.
 */
import { ApiError, GoogleGenAI } from '@google/genai';
import type { GenerateContentResponse, UploadToFileSearchStoreOperation } from '@google/genai';
import { abortableSleep } from '../../core/async.js';
import { retry, type BackoffPolicy } from '../../core/retry.js';
import { GeminiApiError } from '../../errors.js';
import { modelsText } from '../../messages/models.js';

export interface GeminiClientOptions {
  apiKey: string;
  /** Relay or test server (`httpOptions.baseUrl`); undefined: Google's endpoint. */
  baseUrl?: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts after the first on 408, 429, 5xx, timeouts and network errors. */
  retries: number;
  /** First backoff delay; doubles per attempt, with jitter (default 1000 ms). */
  retryBaseDelayMs?: number;
  /** Longest wait between attempts, also the cap on a server's RetryInfo (default 30 s). */
  retryMaxDelayMs?: number;
  /** First wait before polling an upload operation; doubles up to 2 s (default 250 ms). */
  operationPollMs?: number;
  /** How long an upload may stay unfinished before it counts as failed (default 5 min). */
  operationTimeoutMs?: number;
  /** Called before each retry, for the log. */
  onRetry?: (event: { operation: string; attempt: number; delayMs: number; reason: string }) => void;
}

export type MetadataEntry = { key: string; stringValue?: string; numericValue?: number };

export interface RemoteStore {
  name: string;
  displayName: string;
}

export interface RemoteDocument {
  name: string;
  displayName: string;
  state: 'STATE_PENDING' | 'STATE_ACTIVE' | 'STATE_FAILED' | 'STATE_UNSPECIFIED';
  metadata: Record<string, string>;
  mimeType?: string;
  sizeBytes?: number;
  createTime?: string;
}

export interface GenerateRequest {
  model: string;
  systemInstruction: string;
  temperature: number;
  /** Oldest first; the last one is the buyer's question. */
  parts: string[];
  storeName: string;
  metadataFilter: string;
  topK: number;
  signal?: AbortSignal;
}

export interface GenerateResult {
  text: string;
  /** The retrieved fragments the answer stands on; empty when nothing was retrieved. */
  chunks: Array<{ title: string; text: string }>;
  finishReason?: string;
  usage: { inputTokens?: number; outputTokens?: number };
}

export interface GeminiClient {
  findStore(displayName: string): Promise<RemoteStore | undefined>;
  createStore(displayName: string): Promise<RemoteStore>;
  getStore(name: string): Promise<RemoteStore | undefined>;
  listDocuments(storeName: string, signal?: AbortSignal): Promise<RemoteDocument[]>;
  /** Uploads and waits until the document is indexed; returns its name, or throws `GeminiApiError`. */
  uploadDocument(
    storeName: string,
    file: { bytes: Uint8Array; displayName: string; mimeType: string; metadata: MetadataEntry[] },
  ): Promise<string>;
  deleteDocument(name: string): Promise<void>;
  generate(request: GenerateRequest): Promise<GenerateResult>;
}

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/** A 429 means the request was refused before anything happened: safe to repeat a create. */
const onlyIfNotProcessed = (failure: GeminiApiError): boolean => failure.status === 429;

export function createGeminiClient(options: GeminiClientOptions): GeminiClient {
  const ai = new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: { timeout: options.timeoutMs, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) },
  });
  // An 8 MB upload chunk through a slow proxy outlasts an answer's timeout; uploads get their own
  // client (2.x takes no per-upload httpOptions) with at least five minutes per request.
  const uploader = new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: { timeout: Math.max(options.timeoutMs, 300_000), ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) },
  });
  const api: Api = {
    ai,
    uploader,
    call: createCall(options),
    firstPollMs: options.operationPollMs ?? 250,
    operationTimeoutMs: options.operationTimeoutMs ?? 5 * 60_000,
  };

  return {
    findStore: (displayName) => findStore(api, displayName),

    async createStore(displayName) {
      // Not retried after an unclear failure (a timeout, a 5xx): that could make a second store.
      const store = await api.call('fileSearchStores.create', () => ai.fileSearchStores.create({ config: { displayName } }), undefined, onlyIfNotProcessed);
      if (!store.name) throw new GeminiApiError('fileSearchStores.create', modelsText().geminiStoreUnnamed, {});
      return { name: store.name, displayName };
    },

    async getStore(name) {
      try {
        const store = await api.call('fileSearchStores.get', () => ai.fileSearchStores.get({ name }));
        return store.name ? { name: store.name, displayName: store.displayName ?? '' } : undefined;
      } catch (error) {
        if (error instanceof GeminiApiError && error.status === 404) return undefined;
        throw error;
      }
    },

    listDocuments: (storeName, signal) => listDocuments(api, storeName, signal),
    uploadDocument: (storeName, file) => uploadDocument(api, storeName, file),

    async deleteDocument(name) {
      try {
        await api.call('documents.delete', () => ai.fileSearchStores.documents.delete({ name, config: { force: true } }));
      } catch (error) {
        // Already gone is what we wanted.
        if (!(error instanceof GeminiApiError && error.status === 404)) throw error;
      }
    },

    generate: (request) => generate(api, request),
  };
}

/** The call wrapper: runs one API call with our retry policy, turning every failure into `GeminiApiError`. */
function createCall(options: GeminiClientOptions): Api['call'] {
  const backoff: BackoffPolicy = { baseDelayMs: options.retryBaseDelayMs ?? 1000, maxDelayMs: options.retryMaxDelayMs ?? 30_000, jitter: 0.5 };
  return (operation, run, signal, retryIf = (failure) => failure.retryable) =>
    retry(
      async () => {
        try {
          return await run();
        } catch (error) {
          throw toGeminiError(operation, error, signal);
        }
      },
      {
        attempts: options.retries + 1,
        policy: backoff,
        isRetryable: (failure) => failure instanceof GeminiApiError && retryIf(failure),
        retryAfterOf: (failure) => (failure instanceof GeminiApiError ? failure.retryAfterMs : undefined),
        signal,
        onRetry: ({ attempt, delayMs, error }) => options.onRetry?.({ operation, attempt, delayMs, reason: error instanceof Error ? error.message : String(error) }),
      },
    );
}

/** What the client's operations share: the SDK clients and the call wrapper. */
interface Api {
  ai: GoogleGenAI;
  uploader: GoogleGenAI;
  /** See `createCall`. */
  call<T>(operation: string, run: () => Promise<T>, signal?: AbortSignal, retryIf?: (failure: GeminiApiError) => boolean): Promise<T>;
  firstPollMs: number;
  operationTimeoutMs: number;
}

function findStore({ ai, call }: Api, displayName: string): Promise<RemoteStore | undefined> {
  return call('fileSearchStores.list', async () => {
    const pager = await ai.fileSearchStores.list({ config: { pageSize: 20 } });
    const matches: Array<{ name: string; createTime: string }> = [];
    for await (const store of pager) {
      if (store.displayName === displayName && store.name) matches.push({ name: store.name, createTime: store.createTime ?? '' });
    }
    // Two stores of one name (made elsewhere, or by a create whose answer was lost): always
    // the oldest, so every run and every process settles on the same one.
    const oldest = matches.sort((a, b) => a.createTime.localeCompare(b.createTime))[0];
    return oldest ? { name: oldest.name, displayName } : undefined;
  });
}

function listDocuments({ ai, call }: Api, storeName: string, signal?: AbortSignal): Promise<RemoteDocument[]> {
  return call('documents.list', async () => {
    const documents: RemoteDocument[] = [];
    const pager = await ai.fileSearchStores.documents.list({ parent: storeName, config: { pageSize: 20, ...(signal ? { abortSignal: signal } : {}) } });
    for await (const document of pager) {
      if (!document.name) continue;
      const metadata: Record<string, string> = {};
      for (const entry of document.customMetadata ?? []) {
        if (!entry.key) continue;
        const value = entry.stringValue ?? (entry.numericValue === undefined ? undefined : String(entry.numericValue));
        if (value !== undefined) metadata[entry.key] = value;
      }
      documents.push({
        name: document.name,
        displayName: document.displayName ?? '',
        state: (document.state as RemoteDocument['state'] | undefined) ?? 'STATE_UNSPECIFIED',
        metadata,
        ...(document.mimeType ? { mimeType: document.mimeType } : {}),
        ...(document.sizeBytes === undefined ? {} : { sizeBytes: Number(document.sizeBytes) }),
        ...(document.createTime ? { createTime: document.createTime } : {}),
      });
    }
    return documents;
  }, signal);
}

async function uploadDocument(
  { ai, uploader, call, firstPollMs, operationTimeoutMs }: Api,
  storeName: string,
  file: { bytes: Uint8Array; displayName: string; mimeType: string; metadata: MetadataEntry[] },
): Promise<string> {
  // A Blob, not a path: the SDK throws on a non-Latin path, and the name goes in displayName.
  const blob = new Blob([file.bytes], { type: file.mimeType });
  let operation: UploadToFileSearchStoreOperation = await call('uploadToFileSearchStore', () =>
    uploader.fileSearchStores.uploadToFileSearchStore({
      fileSearchStoreName: storeName,
      file: blob,
      config: { displayName: file.displayName, mimeType: file.mimeType, customMetadata: file.metadata },
    }),
  );
  const deadline = Date.now() + operationTimeoutMs;
  // Small files index in well under a second; big PDFs take longer: poll soon, then less often.
  let pollMs = firstPollMs;
  while (!operation.done) {
    if (Date.now() > deadline) {
      throw new GeminiApiError('operations.get', modelsText().geminiIndexTimeout(file.displayName, Math.round(operationTimeoutMs / 1000)), {});
    }
    await abortableSleep(pollMs);
    pollMs = Math.min(2000, pollMs * 2);
    const current = operation;
    operation = (await call('operations.get', () => ai.operations.get({ operation: current }))) as UploadToFileSearchStoreOperation;
  }
  if (operation.error) {
    const message = typeof operation.error.message === 'string' ? operation.error.message : JSON.stringify(operation.error);
    throw new GeminiApiError('uploadToFileSearchStore', modelsText().geminiIndexFailed(file.displayName, message), {});
  }
  const documentName = operation.response?.documentName;
  if (!documentName) throw new GeminiApiError('uploadToFileSearchStore', modelsText().geminiNoDocumentName(file.displayName), {});
  return documentName;
}

async function generate({ ai, call }: Api, request: GenerateRequest): Promise<GenerateResult> {
  const response: GenerateContentResponse = await call(
    'generateContent',
    () =>
      ai.models.generateContent({
        model: request.model,
        contents: [{ role: 'user', parts: request.parts.map((text) => ({ text })) }],
        config: {
          systemInstruction: request.systemInstruction,
          temperature: request.temperature,
          tools: [
            {
              fileSearch: {
                fileSearchStoreNames: [request.storeName],
                metadataFilter: request.metadataFilter,
                topK: request.topK,
              },
            },
          ],
          ...(request.signal ? { abortSignal: request.signal } : {}),
        },
      }),
    request.signal,
  );
  return toGenerateResult(response);
}

function toGenerateResult(response: GenerateContentResponse): GenerateResult {
  const candidate = response.candidates?.[0];
  const text = (candidate?.content?.parts ?? [])
    .map((part) => (part.thought ? '' : (part.text ?? '')))
    .join('')
    .trim();
  const chunks = (candidate?.groundingMetadata?.groundingChunks ?? [])
    .map((chunk) => chunk.retrievedContext)
    .filter((context) => context !== undefined)
    .map((context) => ({ title: context.title ?? context.documentName ?? '', text: context.text ?? '' }));
  const usage = response.usageMetadata;
  return {
    text,
    chunks,
    ...(candidate?.finishReason ? { finishReason: String(candidate.finishReason) } : {}),
    usage: {
      ...(usage?.promptTokenCount === undefined ? {} : { inputTokens: usage.promptTokenCount }),
      ...(usage?.candidatesTokenCount === undefined ? {} : { outputTokens: usage.candidatesTokenCount }),
    },
  };
}

/** Maps an SDK or network failure to our error, with the server's explanation when it gave one. */
function toGeminiError(operation: string, error: unknown, signal?: AbortSignal): GeminiApiError {
  if (error instanceof GeminiApiError) return error;
  if (error instanceof ApiError) {
    const body = parseErrorBody(error.message);
    const status = error.status;
    const detail = body.message ?? error.message;
    return new GeminiApiError(operation, modelsText().geminiFailed(operation, `${status} ${body.status ?? ''}`, detail).replace(/\s+/g, ' ').trim(), {
      status,
      retryable: RETRYABLE.has(status),
      retryAfterMs: body.retryAfterMs,
      hint: hintFor(status, detail),
      cause: error,
    });
  }
  if (signal?.aborted) {
    return new GeminiApiError(operation, modelsText().geminiCancelled(operation), { retryable: false, cause: error });
  }
  const name = error instanceof Error ? error.name : '';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const timedOut = name === 'AbortError' || name === 'TimeoutError';
  const message = timedOut ? modelsText().geminiTimedOut(operation) : modelsText().geminiNoAnswer(operation, `${error instanceof Error ? error.message : String(error)}${cause}`);
  return new GeminiApiError(operation, message, {
    retryable: true,
    hint: modelsText().geminiNetworkHint,
    cause: error,
  });
}

function parseErrorBody(message: string): { message?: string; status?: string; retryAfterMs?: number } {
  try {
    const parsed = JSON.parse(message) as { error?: { message?: unknown; status?: unknown; details?: unknown } };
    const error = parsed.error ?? {};
    let retryAfterMs: number | undefined;
    if (Array.isArray(error.details)) {
      for (const detail of error.details as Array<Record<string, unknown>>) {
        const delay = typeof detail.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay) : null;
        if (delay?.[1]) retryAfterMs = Number(delay[1]) * 1000;
      }
    }
    return {
      ...(typeof error.message === 'string' ? { message: error.message } : {}),
      ...(typeof error.status === 'string' ? { status: error.status } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  } catch {
    return {};
  }
}

function hintFor(status: number, detail: string): string | undefined {
  const text = modelsText();
  if (/API key not valid|API_KEY_INVALID/i.test(detail)) return text.geminiKeyHint;
  if (/location is not supported/i.test(detail)) return text.geminiCountryHint;
  if (status === 401 || status === 403) return text.geminiForbiddenHint;
  if (status === 404) return text.geminiNotFoundHint;
  if (status === 429) return text.geminiQuotaHint;
  return undefined;
}
