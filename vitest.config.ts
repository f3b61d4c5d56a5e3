import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Spawned-process and loopback tests are I/O bound; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
