import { defineConfig } from 'vitest/config';

/**
 * The proof suites (faults, crashes, store faults, bad input) spawn many daemons at once; run
 * beside the timing-sensitive tests (the 1,000-delivery burst must be acknowledged within Avito's
 * 2 s) they would measure the machine, not avito-ai. So they run as a second group, after the rest.
 */
const PROOFS = ['test/e2e/faults.test.ts', 'test/e2e/crash.test.ts', 'test/e2e/store-faults.test.ts', 'test/e2e/bad-input.test.ts'];

const shared = { testTimeout: 20_000, hookTimeout: 20_000 };

export default defineConfig({
  test: {
    // Spawned-process and loopback tests are I/O bound; two workers match the 2-core machines.
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'suite', include: ['test/**/*.test.ts'], exclude: PROOFS, sequence: { groupOrder: 0 } } },
      { test: { ...shared, name: 'proofs', include: PROOFS, sequence: { groupOrder: 1 } } },
    ],
  },
});
