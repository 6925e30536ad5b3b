import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Correctness tests run side by side on a busy 2-core machine in CI; what is timed has its own bounds.
    testTimeout: 30_000,
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/contract/mock-setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
  },
});
