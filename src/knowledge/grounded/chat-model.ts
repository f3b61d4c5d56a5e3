/** The port a grounded engine names: one chat completion, and the models a key can use. Adapters: openai/, gigachat/. */

export interface ChatRequest {
  /** Our rules: the one system message, sent first. */
  system: string;
  /** The passages, the conversation and the question, as data. */
  user: string;
  maxTokens: number;
  temperature: number;
  signal?: AbortSignal;
}

export interface ChatCompletion {
  /** The assistant message's content ('' when the model sent none). */
  text: string;
  /** The model that answered, as the server names it. */
  model: string;
  /** `stop` for a finished answer; `length`, `content_filter`, GigaChat's `blacklist` for one cut off or withheld. */
  finishReason: string | undefined;
  usage: { inputTokens?: number; outputTokens?: number };
}

export interface ModelInfo {
  id: string;
  /** GigaChat's `chat`, `embedder`, `aicheck`; absent elsewhere. */
  type?: string;
}

/** Every failure is an `LlmApiError` naming the engine, the status and the fix. */
export interface ChatModel {
  /** `gigachat` or `openai`: the engine's name in logs, answers and errors. */
  readonly provider: string;
  /** The model asked for (KNOWLEDGE_ENGINE's *_MODEL). */
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatCompletion>;
  listModels(options?: { signal?: AbortSignal }): Promise<ModelInfo[]>;
}
