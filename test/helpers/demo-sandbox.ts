/** The demo's Avito sandbox and the settings that point avito-ai at it, as most CLI tests need. */
import { readFileSync } from 'node:fs';
import { DEMO_KNOWLEDGE, DEMO_SCENARIO } from '../../src/cli/commands/demo.js';
import { parseScenario, startSandbox, type Sandbox } from '../../src/avito/sandbox/index.js';

/** A sandbox seeded with docs/examples/demo-scenario.json (six chats waiting for an answer). */
export function startDemoSandbox(): Promise<Sandbox> {
  return startSandbox({ scenario: parseScenario(JSON.parse(readFileSync(DEMO_SCENARIO, 'utf8'))) });
}

/** Avito keys and address of `sandbox`, the example documents, and a store at `storePath`. */
export function sandboxEnv(sandbox: Sandbox, storePath: string): Record<string, string> {
  return {
    AVITO_API_URL: sandbox.url,
    AVITO_CLIENT_ID: sandbox.credentials.clientId,
    AVITO_CLIENT_SECRET: sandbox.credentials.clientSecret,
    KNOWLEDGE_DIR: DEMO_KNOWLEDGE,
    STORE_PATH: storePath,
  };
}
