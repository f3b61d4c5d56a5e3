export { startSandbox } from './server.js';
export type { Sandbox, SandboxOptions } from './server.js';
export type { RecordedRequest } from './request.js';
export type { WebhookDelivery } from './webhooks.js';
export type { Fault, FaultKind, FaultMatch } from './faults.js';
export type { NewMessage, SandboxMessage } from './state.js';
export type { MessageOrigin, SandboxMessageEvent } from './context.js';
export type { ChatSummary, MessageView } from './local-routes.js';
export {
  CHAT_TYPES,
  DEFAULT_CREDENTIALS,
  ScenarioError,
  SAMPLE_LISTINGS,
  TARIFF_STUB_TEXT,
  createRandom,
  generateScenario,
  parseScenario,
  parseScenarioChat,
} from './scenario.js';
export type {
  ChatType,
  SandboxScenario,
  ScenarioAccount,
  ScenarioChat,
  ScenarioItemContext,
  ScenarioMessage,
} from './scenario.js';
