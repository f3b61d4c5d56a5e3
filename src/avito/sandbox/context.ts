/** Passed explicitly: the server, the routes and webhook delivery take this one object instead of closing over a common scope. */
import { createFaultPlan } from './faults.js';
import type { FaultPlan } from './faults.js';
import type { RecordedRequest } from './request.js';
import { DEFAULT_CREDENTIALS } from './scenario.js';
import type { SandboxScenario, ScenarioAccount } from './scenario.js';
import { createChat, createWireRenderer } from './state.js';
import type { SandboxChat, SandboxMessage, WireRenderer } from './state.js';
import type { WebhookOutbox } from './webhooks.js';

export interface SandboxSettings {
  tokenTtlSeconds: number;
  messagesBody: 'array' | 'object';
  latencyMs: number;
}

/** Who put a message into a chat: avito-ai through the Avito API, a person through the sandbox's own `/sandbox/` route, or code holding the handle. */
export type MessageOrigin = 'avito-api' | 'sandbox-route' | 'handle';

/** A message just added to a chat, for whoever watches the sandbox (the `sandbox` command prints them). */
export interface SandboxMessageEvent {
  chatId: string;
  origin: MessageOrigin;
  message: SandboxMessage;
}

export interface SandboxContext extends SandboxSettings {
  account: ScenarioAccount;
  credentials: { clientId: string; clientSecret: string };
  chats: Map<string, SandboxChat>;
  /** Valid tokens and the epoch ms they expire at. */
  tokens: Map<string, number>;
  requests: RecordedRequest[];
  sentMessages: SandboxMessage[];
  webhooks: WebhookOutbox;
  faults: FaultPlan;
  wire: WireRenderer;
  tariffStub: boolean;
  /** Aborted by `close()`: pending delays and webhook POSTs stop. */
  closing: AbortController;
  /** Known once the server listens. */
  baseUrl: string;
  listeners: Set<(event: SandboxMessageEvent) => void>;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function createContext(scenario: SandboxScenario, settings: SandboxSettings): SandboxContext {
  const account = scenario.account;
  const startedAt = nowSeconds();
  const chats = new Map<string, SandboxChat>();
  scenario.chats.forEach((chat, position) => chats.set(chat.id, createChat(chat, account, startedAt, position)));
  const closing = new AbortController();
  const context: SandboxContext = {
    ...settings,
    account,
    credentials: { ...(scenario.credentials ?? DEFAULT_CREDENTIALS) },
    chats,
    tokens: new Map(),
    requests: [],
    sentMessages: [],
    webhooks: { accountId: account.id, signal: closing.signal, urls: new Set(), deliveries: [], chains: new Map() },
    faults: createFaultPlan(),
    wire: createWireRenderer(scenario, () => context.tariffStub),
    tariffStub: scenario.tariffStub ?? false,
    closing,
    baseUrl: '',
    listeners: new Set(),
  };
  return context;
}

export function requireChat(context: SandboxContext, chatId: string): SandboxChat {
  const chat = context.chats.get(chatId);
  if (chat === undefined) throw new Error(`Sandbox has no chat "${chatId}"`);
  return chat;
}

/** Tells every watcher; a watcher that throws must not fail the request that added the message. */
export function announceMessage(context: SandboxContext, chatId: string, origin: MessageOrigin, message: SandboxMessage): void {
  for (const listener of context.listeners) {
    try {
      listener({ chatId, origin, message: { ...message } });
    } catch {
      // A watcher's failure is its own business.
    }
  }
}
