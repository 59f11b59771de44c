import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Integration tests start real processes, Redis queues and SQLite files: give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // Under `npm run test:postgres`, each test file's PostgreSQL databases are dropped after it.
    setupFiles: ["tests/support/drop-test-databases.ts"],
  },
});
